/**
 * Reading lists from Exact: follow `d.__next` exactly as given until it is absent or the limit is reached.
 * Standard endpoints give 60 records a page, /sync/ and /bulk/ 1,000.
 */
import type { IDataObject } from 'n8n-workflow';
import { orFilters } from '../odata';
import type { ExactContext } from './context';
import { exactRequest, type ExactQuery } from './request';

interface ListBody {
	d?: { results?: IDataObject[]; __next?: string } & IDataObject;
}

export interface ListOptions {
	path: string;
	query?: ExactQuery;
	/** Stop after this many records; undefined reads everything. */
	limit?: number;
	/**
	 * Stop after the page that brings the count to this many or more: whole pages, no `$top` (a sync read must not
	 * cut a page, its position is the highest Timestamp read).
	 */
	stopAfter?: number;
	itemIndex?: number;
	timeout?: number;
}

export interface ListPage {
	records: IDataObject[];
	next?: string;
}

export function readList(body: unknown): ListPage {
	const d = (body as ListBody)?.d;
	if (!d) return { records: [] };
	if (Array.isArray(d.results)) return { records: d.results, next: d.__next };
	// A single record, e.g. Entity(guid'…').
	return { records: [d as IDataObject] };
}

/** Calls `onPage` for every page; returns how many records were read. */
export async function forEachPage(
	this: ExactContext,
	options: ListOptions,
	onPage: (records: IDataObject[]) => void | Promise<void>,
): Promise<number> {
	let read = 0;
	let next: string | undefined;
	const query = { ...options.query };
	if (options.limit !== undefined && query.$top === undefined && options.limit <= 1000) {
		query.$top = options.limit;
	}
	do {
		const response = await exactRequest.call(this, {
			...(next ? { url: next } : { path: options.path, query }),
			itemIndex: options.itemIndex,
			timeout: options.timeout,
		});
		const page = readList(response.body);
		const room = options.limit !== undefined ? options.limit - read : page.records.length;
		const records = page.records.slice(0, room);
		read += records.length;
		await onPage(records);
		next = page.next;
	} while (next && (options.limit === undefined || read < options.limit) && (options.stopAfter === undefined || read < options.stopAfter));
	return read;
}

export async function exactGetAll(this: ExactContext, options: ListOptions): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	await forEachPage.call(this, options, (records) => {
		all.push(...records);
	});
	return all;
}

/** Values per call when reading records by a list of values: keeps the URL well below what proxies accept. */
export const VALUES_PER_CALL = 20;

/**
 * The records that match any of `values` (codes, IDs, references), asked VALUES_PER_CALL at a time with one
 * `or` filter per call. `condition` turns one value into an escaped condition, e.g. `ID eq guid'…'`.
 */
export async function exactGetAnyOf(
	this: ExactContext,
	options: { path: string; select: string; values: string[]; condition: (value: string) => string; itemIndex?: number },
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	for (let start = 0; start < options.values.length; start += VALUES_PER_CALL) {
		const batch = options.values.slice(start, start + VALUES_PER_CALL);
		records.push(
			...(await exactGetAll.call(this, {
				path: options.path,
				query: { $select: options.select, $filter: orFilters(...batch.map(options.condition)) },
				itemIndex: options.itemIndex,
			})),
		);
	}
	return records;
}
