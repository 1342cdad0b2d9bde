/**
 * Exact price agreements (price list rows, with AccountCode and ItemIsTime added by the Price Agreement node) ->
 * OutSmart prices: a material's or an hour type's price for a debtor from a start date, up to an end date.
 * OutSmart knows a price by material + hour type + debtor + start date, and its API cannot delete one: an
 * agreement deleted in Exact is ended in OutSmart instead (its end date set to yesterday), so the technician no
 * longer sees it. Pure functions.
 */
import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { formatPointAmount, formatIsoDate } from '../shared/formats';
import { DUTCH_TIME_ZONE } from '../shared/dates';
import type { Mapped } from './masterData';
import { missingFields, text, truthy } from './values';

export const PRICE_REQUIRED = ['date_start', 'price'];

/** OutSmart needs a start date; an Exact row without one has always applied. */
export const OPEN_START_DATE = '2000-01-01';

const day = (value: unknown): string | null => (text(value) ? formatIsoDate(value) : null);

function priceKey(row: IDataObject): IDataObject {
	const code = text(row.ItemCode);
	const hourType = truthy(row.ItemIsTime);
	return {
		material: hourType ? '' : code,
		hourtype: hourType ? code : '',
		debtornr: text(row.AccountCode),
		date_start: day(row.StartDate) ?? OPEN_START_DATE,
	};
}

/**
 * A row that applies from a quantity on (staffelprijs, Quantity above 1). OutSmart's prices have no quantity, so
 * such a price would apply to every work order line: it is not sent, and the technician sees the price for any
 * quantity (Quantity 0 or 1), as Exact would charge for a small quantity.
 */
export function isQuantityPrice(row: IDataObject): boolean {
	return Number(row.Quantity ?? 0) > 1;
}

/** A price list row -> an OutSmart price with the same dates. A customer agreement names its debtor number. */
export function agreementToPrice(row: IDataObject): Mapped {
	const price = Number(row.Price);
	const record: IDataObject = {
		...priceKey(row),
		date_end: day(row.EndDate),
		price: Number.isFinite(price) && row.Price !== null && row.Price !== undefined && row.Price !== '' ? formatPointAmount(price) : '',
	};
	return { record, missing: missingFields(record, PRICE_REQUIRED) };
}

/** The day before an ISO date. */
const dayBefore = (iso: string) => DateTime.fromISO(iso, { zone: DUTCH_TIME_ZONE }).minus({ days: 1 }).toISODate() as string;

/**
 * A row Exact deleted -> its OutSmart price, ended: valid up to yesterday (Dutch time), or up to its own earlier
 * end date; one that had not started yet ends the day before its start, so it never applies. Only the key and
 * the end date: the rest stays as OutSmart has it. A row Exact moved to a later start (`movedTo`, see the Price
 * Agreement node) ends the day before that start.
 */
export function endedAgreementPrice(row: IDataObject, now = new Date()): IDataObject {
	const key = priceKey(row);
	const yesterday = dayBefore(DateTime.fromJSDate(now).setZone(DUTCH_TIME_ZONE).toISODate() as string);
	const ownEnd = day(row.EndDate);
	let end = ownEnd && ownEnd < yesterday ? ownEnd : yesterday;
	// Moved to a later start (same customer and item): the old row ends where the new one starts.
	const movedStart = day((row.movedTo as IDataObject | undefined)?.StartDate);
	if (movedStart && movedStart > String(key.date_start) && dayBefore(movedStart) < end) end = dayBefore(movedStart);
	if (end < String(key.date_start)) end = dayBefore(String(key.date_start));
	return { ...key, date_end: end };
}
