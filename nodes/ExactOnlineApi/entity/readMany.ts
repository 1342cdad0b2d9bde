/**
 * Reading many records of an entity with as few calls as Exact allows (60 a minute, 5,000 a day). The standard
 * endpoint gives 60 records a call, /bulk/ and /sync/ 1,000. Which one a read takes:
 *
 * - **A limit**: the standard endpoint with `$top` and `$orderby`. The first N in an order need the server to sort,
 *   and only the standard endpoints are documented with `$orderby`; a limit of 60 or less is one call anyway.
 * - **Return All with a filter**: /bulk/ with the same `$filter` and `$select`, 1,000 a call.
 * - **Return All without a filter**: /sync/ from the start (`Timestamp gt 1`), 1,000 a call. Exact may refuse
 *   unfiltered reads of the standard and bulk endpoints of an entity that has a sync endpoint ("mandatory
 *   filtering"). Sync returns current records only (deletions are a list of their own), so nothing deleted
 *   comes back. A sync list with a row per line (sales invoices) is read with only the header fields and its
 *   header rows kept. Not when a field asked for is missing on sync (an item's sales price): then /bulk/.
 * - An entity without /bulk/ (payment conditions) reads the standard endpoint.
 *
 * Bulk and sync reads are sorted here into the order the standard endpoint gives (see ../order.ts), so a Return
 * All hands out the same records in the same order whichever path it took.
 */
import type { IDataObject } from 'n8n-workflow';
import { sortLikeExact } from '../order';
import { exactGetAll, exactSyncRead, SYNC_START, type ExactContext } from '../transport';
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

function syncHas(entity: ExactEntity, fields: string[]): boolean {
	return !fields.some((field) => entity.notInSync?.includes(field));
}

/** A sync list with a row per line (sales invoices) also has a header row: LineNumber 0, ID = the record's key. */
export function isSyncHeaderRow(entity: ExactEntity, row: IDataObject): boolean {
	return Number(row.LineNumber ?? 0) === 0 && (row.ID === undefined || String(row.ID) === String(row[entity.key]));
}

/** Which endpoint a read takes (the rules at the top of this file). */
export function readPlan(entity: ExactEntity, options: Pick<ReadManyOptions, 'fields' | 'filter' | 'limit'>): ReadPlan {
	const standard: ReadPlan = { via: 'standard', path: entity.path };
	if (options.limit !== undefined) return standard;
	if (!options.filter && entity.syncEntity && syncHas(entity, options.fields)) {
		return { via: 'sync', path: `sync/${entity.syncEntity}` };
	}
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

/** Everything the sync list has, from the start: current records only, in Timestamp order. */
async function readSync(this: ExactContext, entity: ExactEntity, entityPath: string, fields: string[], itemIndex?: number): Promise<IDataObject[]> {
	const select = entity.syncRowsPerLine ? [...new Set([...fields, entity.key, 'ID', 'LineNumber'])] : fields;
	const { records } = await exactSyncRead.call(this, { entity: entityPath, select, since: SYNC_START, itemIndex });
	return onlyFields(entity.syncRowsPerLine ? headerRecords(entity, records) : records, fields);
}

export async function readMany(this: ExactContext, entity: ExactEntity, options: ReadManyOptions): Promise<IDataObject[]> {
	const plan = readPlan(entity, options);
	const { fields, filter, orderBy, limit, itemIndex } = options;
	if (plan.via === 'standard') {
		return await exactGetAll.call(this, { path: plan.path, query: { $select: fields.join(','), $filter: filter, $orderby: orderBy }, limit, itemIndex });
	}
	const records =
		plan.via === 'sync'
			? await readSync.call(this, entity, plan.path.slice('sync/'.length), fields, itemIndex)
			: await exactGetAll.call(this, { path: plan.path, query: { $select: fields.join(','), $filter: filter }, itemIndex });
	return sortLikeExact(records, orderBy, entity.key);
}
