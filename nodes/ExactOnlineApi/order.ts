/**
 * Sorting records as Exact's `$orderby` does, for reads through /bulk/ and /sync/: we do not ask those to sort
 * (Exact documents `$orderby` on the standard endpoints only; sync pages come by row version), so a Return All
 * read there is sorted here into the order the standard endpoint gives.
 */
import type { IDataObject } from 'n8n-workflow';

interface OrderKey {
	field: string;
	desc: boolean;
}

/** "InvoiceDate desc, Name" -> [{InvoiceDate, desc}, {Name, asc}]. */
export function parseOrderBy(orderBy: string | undefined): OrderKey[] {
	return (orderBy ?? '')
		.split(',')
		.map((part) => part.trim().split(/\s+/))
		.filter(([field]) => Boolean(field))
		.map(([field, direction]) => ({ field, desc: direction?.toLowerCase() === 'desc' }));
}

const EXACT_DATE = /^\/Date\((-?\d+)\)\/$/;

type Comparable = string | number | boolean | null;

/** Exact's raw values: dates come as "/Date(ms)/" and compare by time, not as text. */
function comparable(value: unknown): Comparable {
	if (value === undefined || value === null) return null;
	if (typeof value === 'number' || typeof value === 'boolean') return value;
	const text = String(value);
	const date = EXACT_DATE.exec(text);
	return date ? Number(date[1]) : text;
}

/** SQL Server's order: NULL first, text case-insensitive (case only breaks ties). */
function compareValues(a: Comparable, b: Comparable): number {
	if (a === b) return 0;
	if (a === null) return -1;
	if (b === null) return 1;
	if (typeof a === 'string' && typeof b === 'string') {
		const lowerA = a.toLowerCase();
		const lowerB = b.toLowerCase();
		if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
	}
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The records in `orderBy` order, ties by `key` (as Exact pages them); a new array. */
export function sortLikeExact(records: IDataObject[], orderBy: string | undefined, key: string): IDataObject[] {
	const keys = parseOrderBy(orderBy);
	if (!keys.some((k) => k.field === key)) keys.push({ field: key, desc: false });
	const rows = records.map((record) => ({ record, values: keys.map((k) => comparable(record[k.field])) }));
	rows.sort((a, b) => {
		for (let i = 0; i < keys.length; i++) {
			const order = compareValues(a.values[i], b.values[i]);
			if (order !== 0) return keys[i].desc ? -order : order;
		}
		return 0;
	});
	return rows.map((row) => row.record);
}
