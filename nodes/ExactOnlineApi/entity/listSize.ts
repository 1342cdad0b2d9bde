/**
 * How long a list was at its last whole read, kept in the workflow's static data: what a reader needs to choose
 * between look-ups of the few records it wants and one pass over the whole list by the calls each costs, rather
 * than by a fixed number of records (the list of one administration may be 500 positions long, of another 20,000).
 */
import type { IDataObject } from 'n8n-workflow';
import { VALUES_PER_CALL } from '../transport';

export interface ListSize {
	/** Rows in the list. */
	records: number;
	/** Distinct keys the look-ups ask for (e.g. item codes: an item has a stock position per warehouse). */
	keys: number;
}

/** Standard endpoints give 60 records a call, /sync/ and /bulk/ 1,000. */
const STANDARD_PAGE = 60;
const SYNC_PAGE = 1000;

const storeKey = (label: string) => `exactListSize:${label}`;

export function readListSize(staticData: IDataObject, label: string): ListSize | undefined {
	const size = staticData[storeKey(label)] as ListSize | undefined;
	return size && Number.isFinite(size.records) && Number.isFinite(size.keys) ? size : undefined;
}

export function storeListSize(staticData: IDataObject, label: string, rows: IDataObject[], keyOf: (row: IDataObject) => string): void {
	staticData[storeKey(label)] = { records: rows.length, keys: new Set(rows.map(keyOf)).size } satisfies ListSize;
}

/** Calls to look up `keys` keys, VALUES_PER_CALL a call, each answering its keys' rows in pages of 60. */
export function lookUpCalls(keys: number, size: ListSize): number {
	const rowsPerKey = size.keys > 0 ? size.records / size.keys : 1;
	return Math.ceil(keys / VALUES_PER_CALL) * Math.max(1, Math.ceil((VALUES_PER_CALL * rowsPerKey) / STANDARD_PAGE));
}

/** Calls to read the whole list from a sync endpoint. */
export function wholeListCalls(size: ListSize): number {
	return Math.max(1, Math.ceil(size.records / SYNC_PAGE));
}

/** Without a known size (no whole read yet): one pass above this many keys, as a first run would. */
const UNKNOWN_SIZE_MAX_KEYS = 100;

/** Whether one pass over the whole list costs fewer calls than looking up these keys. */
export function wholeListIsCheaper(keys: number, size: ListSize | undefined): boolean {
	if (!size) return keys > UNKNOWN_SIZE_MAX_KEYS;
	return wholeListCalls(size) < lookUpCalls(keys, size);
}
