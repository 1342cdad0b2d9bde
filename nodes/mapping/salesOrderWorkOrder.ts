/**
 * An Exact sales order (as the Sales Order node outputs it: clean, with its SalesOrderLines) -> the fields of an
 * OutSmart work order (PostWorkorders names), for flow 1 "sales order -> work order"; quotations (flow 3) go the
 * same way through documentToWorkOrder (see quotationWorkOrder). The work order is numbered
 * after the order (VO-1234, see workOrderOrigin), so OutSmart refuses a second one and a later run finds it.
 * The customer is where the work is done (the delivery account and address); the invoice customer is the
 * invoice account; material lines carry the order's prices. Lines with an hour item (hour types in OutSmart) are planned time, not materials: they
 * become the planned duration. Pure: the accounts and the delivery address are read by the flow's nodes.
 */
import type { IDataObject } from 'n8n-workflow';
import { splitAddressLine } from './address';
import { missingFields, text } from './values';
import { workOrderNumberFor } from './workOrderOrigin';

/** What OutSmart needs of a customer on a new work order (its PostWorkorders required fields). */
export const WORK_ORDER_CUSTOMER_REQUIRED = ['CustomerName', 'CustomerDebtorNr', 'CustomerStreet', 'CustomerZIP', 'CustomerCity', 'CustomerContactPerson'];

export interface SalesOrderAccounts {
	/** The ordering account (OrderedBy): the customer unless the order goes elsewhere. */
	orderedBy: IDataObject;
	/** DeliverTo, when it is another account. */
	deliverTo?: IDataObject;
	/** InvoiceTo, when it is another account. */
	invoiceTo?: IDataObject;
	/** The order's DeliveryAddress (crm/Addresses record), when it has one: the address of the work. */
	deliveryAddress?: IDataObject;
	/** The contact person's name; OutSmart requires one (default: the account name). */
	contactName?: string;
}

/** The header fields naming the ordering, delivery and invoice accounts (they differ per document). */
export interface AccountFields {
	orderedBy: string;
	deliverTo: string;
	invoiceTo: string;
}

const SALES_ORDER_ACCOUNT_FIELDS: AccountFields = { orderedBy: 'OrderedBy', deliverTo: 'DeliverTo', invoiceTo: 'InvoiceTo' };

/**
 * The accounts and delivery address as a sales document node hands them out with Include Accounts (`Accounts` by
 * field, `DeliveryAddressRecord`); undefined when the document names none.
 */
export function documentAccounts(document: IDataObject, fields: AccountFields, contactName?: string): SalesOrderAccounts | undefined {
	const accounts = (document.Accounts ?? {}) as Record<string, IDataObject | null>;
	const orderedBy = accounts[fields.orderedBy];
	if (!orderedBy) return undefined;
	return {
		orderedBy,
		deliverTo: accounts[fields.deliverTo] ?? undefined,
		invoiceTo: accounts[fields.invoiceTo] ?? undefined,
		deliveryAddress: (document.DeliveryAddressRecord as IDataObject | null | undefined) ?? undefined,
		contactName,
	};
}

/** The accounts of a sales order (OrderedBy, DeliverTo, InvoiceTo); see documentAccounts. */
export function salesOrderAccounts(order: IDataObject, contactName?: string): SalesOrderAccounts | undefined {
	return documentAccounts(order, SALES_ORDER_ACCOUNT_FIELDS, contactName);
}

export interface SalesOrderWorkOrderOptions {
	/** Item codes that are hours (hour types in OutSmart), e.g. ARBEID: planned time instead of material lines. */
	hourItemCodes: string[];
}

export interface WorkOrderFromSalesOrder {
	workOrderNumber: string;
	/** Top-level PostWorkorders fields (WorkorderNo, Customer…, Customer…Invoice, WorkDate, WorkDescription, …). */
	fields: IDataObject;
	/** Material lines: MaterialCode, MaterialName, MaterialNr, MaterialPrice (the order's), MaterialUnit. */
	materials: IDataObject[];
	/** Planned hours from the hour lines (also in fields.WorkDuration, in minutes). */
	plannedHours: number;
	/** Required customer fields that are empty: the work order can't be created as it is. */
	missing: string[];
}

interface Customer {
	name: string;
	debtorNumber: string;
	addressLine: string;
	postcode: string;
	city: string;
	email: string;
	phone: string;
}

function customerOf(account: IDataObject, address?: IDataObject): Customer {
	const where = address ?? account;
	return {
		name: text(account.Name),
		debtorNumber: text(account.Code),
		addressLine: text(where.AddressLine1),
		postcode: text(where.Postcode),
		city: text(where.City),
		email: text(account.Email),
		phone: text(account.Phone),
	};
}

/** The customer fields, with `suffix` "Invoice" for the invoice customer. */
function customerFields(customer: Customer, contactName: string, suffix = ''): IDataObject {
	const { street, houseNumber } = splitAddressLine(customer.addressLine);
	const fields: IDataObject = {
		CustomerName: customer.name,
		CustomerDebtorNr: customer.debtorNumber,
		CustomerStreet: street,
		CustomerStreetNo: houseNumber,
		CustomerZIP: customer.postcode,
		CustomerCity: customer.city,
		CustomerContactPerson: contactName,
		CustomerEmail: customer.email,
		CustomerPhone: customer.phone,
	};
	return Object.fromEntries(Object.entries(fields).map(([field, value]) => [`${field}${suffix}`, value]));
}

/** "2025-05-08T00:00:00.000+02:00" -> "2025-05-08": OutSmart plans days, in Dutch time as Exact's dates are. */
function dayOf(value: unknown): string {
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text(value));
	return match ? match[1] : '';
}

const codeKey = (code: unknown) => text(code).toUpperCase();

/** What a work order takes from an Exact sales document (order, quotation), whatever the document calls it. */
export interface WorkOrderSource {
	origin: 'salesOrder' | 'quotation';
	number: unknown;
	/** The lines to plan: goods as materials, hour items as planned time. */
	lines: IDataObject[];
	/** The day the work is planned (the delivery date). */
	workDate: unknown;
	description: unknown;
	yourRef: unknown;
	remarks: unknown;
}

export function salesOrderToWorkOrder(order: IDataObject, accounts: SalesOrderAccounts, options: SalesOrderWorkOrderOptions): WorkOrderFromSalesOrder {
	return documentToWorkOrder(
		{
			origin: 'salesOrder',
			number: order.OrderNumber,
			lines: (order.SalesOrderLines as IDataObject[] | undefined) ?? [],
			workDate: order.DeliveryDate,
			description: order.Description,
			yourRef: order.YourRef,
			remarks: order.Remarks,
		},
		accounts,
		options,
	);
}

/** An Exact sales document -> work order <prefix><number> (see workOrderOrigin), as described at the top. */
export function documentToWorkOrder(source: WorkOrderSource, accounts: SalesOrderAccounts, options: SalesOrderWorkOrderOptions): WorkOrderFromSalesOrder {
	const workOrderNumber = workOrderNumberFor(source.origin, text(source.number));
	const site = accounts.deliverTo ?? accounts.orderedBy;
	const payer = accounts.invoiceTo ?? accounts.orderedBy;
	const contactName = text(accounts.contactName) || text(site.Name);
	const hourCodes = new Set(options.hourItemCodes.map(codeKey));

	const lines = [...source.lines].sort((a, b) => Number(a.LineNumber ?? 0) - Number(b.LineNumber ?? 0));
	const materials: IDataObject[] = [];
	let plannedHours = 0;
	for (const line of lines) {
		if (hourCodes.has(codeKey(line.ItemCode))) {
			plannedHours += Number(line.Quantity ?? 0);
			continue;
		}
		materials.push({
			MaterialCode: text(line.ItemCode),
			MaterialName: text(line.Description) || text(line.ItemDescription),
			MaterialNr: Number(line.Quantity ?? 0),
			// OutSmart requires a price on every material line: the one agreed on the order.
			MaterialPrice: Number(line.UnitPrice ?? 0),
			MaterialUnit: text(line.UnitCode),
		});
	}

	const customer = customerFields(customerOf(site, accounts.deliveryAddress), contactName);
	const fields: IDataObject = {
		WorkorderNo: workOrderNumber,
		...customer,
		...customerFields(customerOf(payer), text(payer.Name) === text(site.Name) ? contactName : text(payer.Name), 'Invoice'),
		WorkDate: dayOf(source.workDate),
		ShortWorkDescription: text(source.description),
		WorkDescription: [text(source.description), text(source.yourRef) && `Uw referentie: ${text(source.yourRef)}`].filter(Boolean).join('\n'),
		InternalWorkDescription: text(source.remarks),
		...(plannedHours > 0 ? { WorkDuration: Math.round(plannedHours * 60) } : {}),
	};
	return { workOrderNumber, fields, materials, plannedHours, missing: missingFields(fields, WORK_ORDER_CUSTOMER_REQUIRED) };
}
