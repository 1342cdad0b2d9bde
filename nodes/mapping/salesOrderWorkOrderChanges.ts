/**
 * What an Exact sales order that changed means for the work order made from it (flow 1): which differences
 * OutSmart's UpdateWorkorder can carry over (the planned date; the material lines through its Materials POST) and
 * which it cannot (customer, address, descriptions, planned duration: fixed once the work order exists), and
 * whether the order is gone (cancelled in Exact, status 45, or deleted). Pure: compares the mapped order with the
 * work order as GetWorkorder returns it, cleaned (ISO dates, numbers).
 */
import type { IDataObject } from 'n8n-workflow';
import { text } from './values';
import type { WorkOrderFromSalesOrder } from './salesOrderWorkOrder';

/** Exact's status code of a cancelled sales order. */
export const SALES_ORDER_CANCELLED = 45;
/** Exact's status code of an open sales order (nothing delivered or invoiced yet). */
export const SALES_ORDER_OPEN = 12;

/** The work order status in which nobody works on it yet (not picked up by a technician's device). */
export const WORK_ORDER_READY = 'Klaargezet';

/** Whether the item says the order no longer exists for the work: deleted in Exact (Get Changes) or cancelled. */
export function salesOrderGone(order: IDataObject): 'deleted' | 'cancelled' | undefined {
	if (order.changeType === 'deleted') return 'deleted';
	return Number(order.Status) === SALES_ORDER_CANCELLED ? 'cancelled' : undefined;
}

export interface WorkOrderDifferences {
	/** The new planned date (ISO day) when it differs. */
	workDate?: string;
	/** True when the material lines differ (codes, quantities, prices, names or units). */
	materials: boolean;
	/** Fields that differ but UpdateWorkorder can't change. */
	fixed: string[];
}

/** Fields the mapping sets that OutSmart keeps as they were made: a difference is reported, not written. */
const FIXED_FIELDS = [
	'CustomerName', 'CustomerDebtorNr', 'CustomerStreet', 'CustomerStreetNo', 'CustomerZIP', 'CustomerCity', 'CustomerEmail', 'CustomerPhone',
	'CustomerNameInvoice', 'CustomerDebtorNrInvoice', 'CustomerStreetInvoice', 'CustomerStreetNoInvoice', 'CustomerZIPInvoice', 'CustomerCityInvoice',
	'ShortWorkDescription', 'WorkDescription', 'InternalWorkDescription', 'WorkDuration',
];

const same = (a: unknown, b: unknown) => text(a).replace(/\r\n/g, '\n').trim() === text(b).replace(/\r\n/g, '\n').trim();
const number = (value: unknown) => Math.round(Number(value ?? 0) * 10_000) / 10_000;

/** A material line as a comparable key: code, quantity, price (cents), name, unit. */
function materialKey(line: IDataObject): string {
	return JSON.stringify([
		text(line.MaterialCode).toUpperCase(),
		number(line.MaterialNr),
		Math.round(Number(line.MaterialPrice ?? 0) * 100),
		text(line.MaterialName),
		text(line.MaterialUnit),
	]);
}

function sameMaterials(wanted: IDataObject[], current: IDataObject[]): boolean {
	const a = wanted.map(materialKey).sort();
	const b = current.map(materialKey).sort();
	return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** How the work order (cleaned) differs from what the order maps to now. */
export function workOrderDifferences(mapped: WorkOrderFromSalesOrder, workorder: IDataObject): WorkOrderDifferences {
	const wantedDate = text(mapped.fields.WorkDate);
	const currentDate = text(workorder.WorkDate).slice(0, 10);
	const fixed = FIXED_FIELDS.filter((field) => {
		if (field === 'WorkDuration') return number(mapped.fields.WorkDuration) !== number(workorder.WorkDuration);
		return !same(mapped.fields[field], workorder[field]);
	});
	return {
		...(wantedDate && wantedDate !== currentDate ? { workDate: wantedDate } : {}),
		materials: !sameMaterials(mapped.materials, (workorder.Materials as IDataObject[] | undefined) ?? []),
		fixed,
	};
}

/** Whether the order passes the user's choice of orders that become work orders. */
export interface NewOrderFilter {
	/** Only orders whose description contains this text (not case-sensitive), e.g. a tag such as #outsmart. */
	descriptionContains?: string;
	/** Only orders delivered on or after / on or before these days (ISO, Dutch time as Exact's dates are). */
	deliveryDateFrom?: string;
	deliveryDateTo?: string;
}

/** Why an order without a work order gets none, or undefined when it becomes one. */
export function notForNewWorkOrder(order: IDataObject, filter: NewOrderFilter): string | undefined {
	const status = Number(order.Status);
	if (status !== SALES_ORDER_OPEN) return `the order is ${text(order.StatusDescription) || `status ${status}`}, not open: only open orders become work orders`;
	const tag = text(filter.descriptionContains).toLowerCase();
	if (tag && !text(order.Description).toLowerCase().includes(tag)) return `its description does not contain "${text(filter.descriptionContains)}"`;
	const day = text(order.DeliveryDate).slice(0, 10);
	const from = text(filter.deliveryDateFrom).slice(0, 10);
	const to = text(filter.deliveryDateTo).slice(0, 10);
	if ((from || to) && !day) return 'it has no delivery date, and only orders in a delivery date window become work orders';
	if (from && day < from) return `its delivery date ${day} is before ${from}`;
	if (to && day > to) return `its delivery date ${day} is after ${to}`;
	return undefined;
}
