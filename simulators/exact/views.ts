import type { ExactRecord } from '../seed/types';
import { exactDate, localDay, localIso, localMsFromEpoch, parseExactDate, utcOffsetHours } from './dates';
import type { DivisionInfo, ExactUser } from './identity';
import type { ExactStore } from './store';

/** Rows of endpoints that are not a plain entity set: derived lists, Exact's row-per-line sync, system info. */

export interface ReadContext {
	store: ExactStore;
	division: number;
	nowEpoch: number;
	user: ExactUser;
	/** Divisions the user (and this app) can reach. */
	divisions: DivisionInfo[];
	currentDivision: number;
}

function isActive(item: ExactRecord, ctx: ReadContext): boolean {
	const end = typeof item.EndDate === 'string' ? parseExactDate(item.EndDate) : undefined;
	return end === undefined || end > localDay(ctx.nowEpoch);
}

function itemRef(item: ExactRecord): ExactRecord {
	return { ItemId: item.ID, ItemCode: item.Code, ItemDescription: item.Description };
}

/** Hour types are the active items of type time (IsTime = 1). */
export function hourTypes(ctx: ReadContext): ExactRecord[] {
	return ctx.store
		.list('Items', ctx.division)
		.filter((i) => Number(i.IsTime) === 1 && isActive(i, ctx))
		.map(itemRef);
}

/** Hour and cost types: hour types plus active non-stock purchase items that are not sold (e.g. mileage). */
export function hourCostTypes(ctx: ReadContext): ExactRecord[] {
	return ctx.store
		.list('Items', ctx.division)
		.filter(
			(i) =>
				isActive(i, ctx) &&
				(Number(i.IsTime) === 1 || (i.IsPurchaseItem === true && i.IsSalesItem === false && i.IsStockItem === false)),
		)
		.map(itemRef);
}

/** Open receivables (not fully paid); Amount is what is still to be paid. */
export function receivablesList(ctx: ReadContext): ExactRecord[] {
	return ctx.store
		.list('Receivables', ctx.division)
		.filter((r) => r.IsFullyPaid !== true)
		.map((r) => ({
			HID: r.EntryNumber,
			AccountCode: r.AccountCode,
			AccountId: r.Account,
			AccountName: r.AccountName,
			Amount: r.AmountDC,
			AmountInTransit: 0,
			CurrencyCode: r.Currency ?? 'EUR',
			Description: r.Description,
			DueDate: r.DueDate,
			EntryNumber: r.EntryNumber,
			Id: r.ID,
			InvoiceDate: r.InvoiceDate,
			InvoiceNumber: r.InvoiceNumber,
			JournalCode: r.Journal,
			JournalDescription: r.JournalDescription,
			YourRef: r.YourRef,
		}));
}

/**
 * sync/SalesInvoice/SalesInvoices: one row for the header (LineNumber 0, ID = InvoiceID) and one per line with
 * the header fields repeated, as Exact documents it. A change to a header or any line gives all rows of the
 * invoice the newest row version.
 */
export function salesInvoiceSyncRows(ctx: ReadContext): ExactRecord[] {
	const linesByInvoice = new Map<string, ExactRecord[]>();
	for (const line of ctx.store.list('SalesInvoiceLines', ctx.division)) {
		const key = String(line.InvoiceID);
		const list = linesByInvoice.get(key) ?? [];
		list.push(line);
		linesByInvoice.set(key, list);
	}
	const rows: ExactRecord[] = [];
	for (const invoice of ctx.store.list('SalesInvoices', ctx.division)) {
		const lines = linesByInvoice.get(String(invoice.InvoiceID)) ?? [];
		const timestamp = Math.max(Number(invoice.Timestamp), ...lines.map((l) => Number(l.Timestamp)));
		rows.push({ ...invoice, ID: invoice.InvoiceID, LineNumber: 0, Timestamp: timestamp });
		for (const line of lines) {
			rows.push({ ...invoice, ...line, Timestamp: timestamp });
		}
	}
	return rows;
}

/** Stock per item and warehouse, from the item-warehouse records (same IDs and row versions). */
export function stockPositions(ctx: ReadContext): ExactRecord[] {
	return ctx.store.list('ItemWarehouses', ctx.division).map((iw) => {
		const current = Number(iw.CurrentStock ?? 0);
		const reserved = Number(iw.ReservedStock ?? 0);
		const planIn = Number(iw.PlannedStockIn ?? 0);
		const planOut = Number(iw.PlannedStockOut ?? 0);
		return {
			Timestamp: iw.Timestamp,
			CurrentStock: current,
			Division: iw.Division,
			FreeStock: current - reserved,
			ID: iw.ID,
			ItemCode: iw.ItemCode,
			ItemDescription: iw.ItemDescription,
			ItemId: iw.Item,
			PlanningIn: planIn,
			PlanningOut: planOut,
			ProjectedStock: current + planIn - planOut,
			ReorderPoint: iw.ReorderPoint ?? 0,
			ReservedStock: reserved,
			UnitCode: iw.ItemUnit,
			UnitDescription: iw.ItemUnitDescription,
			Warehouse: iw.Warehouse,
			WarehouseCode: iw.WarehouseCode,
			WarehouseDescription: iw.WarehouseDescription,
		};
	});
}

export function syncDeleted(ctx: ReadContext): ExactRecord[] {
	return ctx.store.division(ctx.division).deleted;
}

const DIVISION_START = exactDate(Date.UTC(2015, 0, 1));

export function divisions(ctx: ReadContext): ExactRecord[] {
	return ctx.divisions.map((d, index) => ({
		Code: d.code,
		Description: d.description,
		Hid: d.hid,
		Customer: d.customer,
		CustomerCode: d.customerCode,
		CustomerName: d.customerName,
		AddressLine1: d.addressLine1,
		Postcode: d.postcode,
		City: d.city,
		Country: 'NL',
		Currency: 'EUR',
		Current: d.code === ctx.currentDivision,
		IsMainDivision: index === 0,
		IsDossierDivision: false,
		IsHRDivision: false,
		IsPracticeDivision: false,
		Legislation: 'NL0001',
		VATNumber: d.vatNumber,
		ChamberOfCommerceNumber: d.chamberOfCommerce,
		Status: 1,
		BlockingStatus: 0,
		StartDate: DIVISION_START,
		Created: DIVISION_START,
		Modified: DIVISION_START,
		TemplateCode: '1',
	}));
}

export function me(ctx: ReadContext): ExactRecord[] {
	const current = ctx.divisions.find((d) => d.code === ctx.currentDivision);
	return [
		{
			UserID: ctx.user.id,
			UserName: ctx.user.userName,
			FullName: ctx.user.fullName,
			FirstName: ctx.user.firstName,
			LastName: ctx.user.lastName,
			Initials: ctx.user.firstName.slice(0, 1) + '.',
			Email: ctx.user.email,
			Gender: 'M',
			Language: 'NL',
			LanguageCode: 'nl-NL',
			Legislation: 1,
			CurrentDivision: ctx.currentDivision,
			AccountingDivision: ctx.currentDivision,
			DivisionCustomer: current?.customer ?? null,
			DivisionCustomerCode: current?.customerCode ?? null,
			DivisionCustomerName: current?.customerName ?? null,
			DivisionCustomerVatNumber: current?.vatNumber ?? null,
			IsClientUser: false,
			IsStarterUser: false,
			IsEmployeeSelfServiceUser: false,
			IsMyFirmLiteUser: false,
			IsMyFirmPortalUser: false,
			IsOEIMigrationMandatory: false,
			PackageCode: 'ENT',
			ServerTime: localIso(localMsFromEpoch(ctx.nowEpoch)),
			ServerUtcOffset: utcOffsetHours(ctx.nowEpoch),
		},
	];
}
