/**
 * Reading many records of an entity with as few calls as Exact allows (60 a minute, 5,000 a day). The standard
 * endpoint gives 60 records a call, /bulk/ and /sync/ 1,000. Which one a read takes:
 *
 * - **Without a filter**, Return All or a limit, of an entity that has a sync endpoint: /sync/ from the start
 *   (`Timestamp gt 1`), 1,000 a call. Exact may refuse unfiltered reads of the standard and bulk endpoints of
 *   such an entity ("mandatory filtering"). Sync returns current records only (deletions are a list of their
 *   own), so nothing deleted comes back. A sync list with a row per line (sales invoices) is read with only the
 *   header fields and its header rows kept. A limit takes the first N after sorting (the first N in an order
 *   need every record). Fields the sync list lacks (an item's sales price) are read for the records handed out
 *   by ID (see byIds.ts: a bulk pass filtered on their oldest `Modified`, or by ID when few).
 * - **A limit with a filter**: the standard endpoint with `$top` and `$orderby`. The first N in an order need the
 *   server to sort, and only the standard endpoints are documented with `$orderby`; a limit of 60 or less is one
 *   call anyway.
 * - **Return All with a filter**: /bulk/ with the same `$filter` and `$select`, 1,000 a call.
 * - An entity without /bulk/ (payment conditions) reads the standard endpoint.
 *
 * Bulk and sync reads are sorted here into the order the standard endpoint gives (see ../order.ts), so a Return
 * All hands out the same records in the same order whichever path it took.
 */
import type { IDataObject } from 'n8n-workflow';
import { sortLikeExact } from '../order';
import { exactGetAll, exactSyncRead, SYNC_START, type ExactContext } from '../transport';
import { oldestModified, readByIds } from './byIds';
import type { ExactEntity } from './definitions';

export type ReadVia = 'standard' | 'bulk' | 'sync';

export interface ReadPlan {
	via: ReadVia;
	/** Below /api/v1/{division}/, e.g. "bulk/CRM/Accounts". */
	path: string;
}

export interface ReadManyOptions {
	/** The fields to hand out ($select). */
	fields: string[];
	filter?: string;
	/** `$orderby` of the standard endpoint, e.g. "Name" or "InvoiceDate desc". */
	orderBy?: string;
	/** Stop after this many records; undefined = Return All. */
	limit?: number;
	itemIndex?: number;
}

/** A sync list with a row per line (sales invoices) also has a header row: LineNumber 0, ID = the record's key. */
export function isSyncHeaderRow(entity: ExactEntity, row: IDataObject): boolean {
	return Number(row.LineNumber ?? 0) === 0 && (row.ID === undefined || String(row.ID) === String(row[entity.key]));
}

/** Which endpoint a read takes (the rules at the top of this file). */
export function readPlan(entity: ExactEntity, options: Pick<ReadManyOptions, 'fields' | 'filter' | 'limit'>): ReadPlan {
	const standard: ReadPlan = { via: 'standard', path: entity.path };
	if (!options.filter && entity.syncEntity) return { via: 'sync', path: `sync/${entity.syncEntity}` };
	if (options.limit !== undefined) return standard;
	return entity.bulkEntity ? { via: 'bulk', path: `bulk/${entity.bulkEntity}` } : standard;
}

/** Only the fields asked for: a sync read adds its Timestamp (and the row's ID and LineNumber). */
function onlyFields(records: IDataObject[], fields: string[]): IDataObject[] {
	const wanted = new Set(['__metadata', ...fields]);
	return records.map((record) => Object.fromEntries(Object.entries(record).filter(([name]) => wanted.has(name))) as IDataObject);
}

/**
 * One record per key from a sync list with a row per line: its header row, or (should Exact send none) its first
 * line row without the fields that carry the line's value there.
 */
export function headerRecords(entity: ExactEntity, rows: IDataObject[]): IDataObject[] {
	const lineValued = new Set(entity.syncRowsPerLine?.lineValued);
	const byKey = new Map<string, IDataObject>();
	for (const row of rows) {
		const key = String(row[entity.key]);
		if (isSyncHeaderRow(entity, row)) byKey.set(key, row);
		else if (!byKey.has(key)) byKey.set(key, Object.fromEntries(Object.entries(row).filter(([name]) => !lineValued.has(name))) as IDataObject);
	}
	return [...byKey.values()];
}

/**
 * Everything the sync list has, from the start (current records only), sorted like the standard endpoint and cut
 * at the limit; then the fields the sync list lacks, for those records only.
 */
async function readSync(this: ExactContext, entity: ExactEntity, options: ReadManyOptions): Promise<IDataObject[]> {
	const { fields, orderBy, limit, itemIndex } = options;
	const lacking = fields.filter((field) => entity.notInSync?.includes(field));
	const inSync = fields.filter((field) => !lacking.includes(field));
	// The row's key and LineNumber tell header rows; ID and Modified find the lacking fields.
	const extra = [...(entity.syncRowsPerLine ? [entity.key, 'ID', 'LineNumber'] : []), ...(lacking.length > 0 ? [entity.key, 'Modified'] : [])];
	const select = [...new Set([...inSync, ...extra])];
	const { records } = await exactSyncRead.call(this, { entity: entity.syncEntity as string, select, since: SYNC_START, itemIndex });
	const rows = sortLikeExact(entity.syncRowsPerLine ? headerRecords(entity, records) : records, orderBy, entity.key);
	const wanted = limit === undefined ? rows : rows.slice(0, limit);
	if (lacking.length > 0 && wanted.length > 0) {
		const keyOf = (record: IDataObject) => String(record[entity.key] ?? '').toLowerCase();
		const found = await readByIds.call(this, { entity, ids: wanted.map(keyOf), select: [entity.key, ...lacking].join(','), modifiedFrom: oldestModified(wanted), itemIndex });
		const byKey = new Map(found.map((record) => [keyOf(record), record]));
		for (const record of wanted) for (const field of lacking) record[field] = byKey.get(keyOf(record))?.[field] ?? null;
	}
	return onlyFields(wanted, fields);
}

export async function readMany(this: ExactContext, entity: ExactEntity, options: ReadManyOptions): Promise<IDataObject[]> {
	const plan = readPlan(entity, options);
	const { fields, filter, orderBy, limit, itemIndex } = options;
	if (plan.via === 'standard') {
		return await exactGetAll.call(this, { path: plan.path, query: { $select: fields.join(','), $filter: filter, $orderby: orderBy }, limit, itemIndex });
	}
	if (plan.via === 'sync') return await readSync.call(this, entity, options);
	const records = await exactGetAll.call(this, { path: plan.path, query: { $select: fields.join(','), $filter: filter }, itemIndex });
	return sortLikeExact(records, orderBy, entity.key);
}
