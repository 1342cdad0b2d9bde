/**
 * Records by ID, at the fewest calls: a few IDs go by ID in batches (one call per 20), many in one pass over a
 * list of 1,000 a call, keeping those asked for. Used where a sync read hands out records that lack a field only
 * the standard endpoint has (an item's sales price, a contact's account code).
 *
 * Exact may refuse an unfiltered read of the bulk endpoint of an entity that has a sync endpoint ("mandatory
 * filtering", see readMany.ts), so a pass over many takes, in this order:
 * - bulk with the caller's filter;
 * - the sync list from the start, when it has every field asked for (accepted, also 1,000 a call);
 * - bulk (or, without bulk, the standard endpoint) from the oldest `Modified` of the records wanted (a real
 *   filter, and a narrow one after a few changes);
 * - bulk without a filter only for an entity that has no sync endpoint (mandatory filtering does not apply);
 * - else by ID in batches after all: more calls, never refused.
 */
import type { IDataObject } from 'n8n-workflow';
import { fromExactDate, isExactDate } from '../dates';
import { andFilters, odataDateTime, odataGuid } from '../odata';
import { exactGetAll, exactGetAnyOf, exactSyncRead, SYNC_START, type ExactContext } from '../transport';
import type { ExactEntity } from './definitions';

/** Above this many IDs one pass over the list is cheaper than batches of 20. */
const BY_ID_MAX = 100;

export const idOf = (record: IDataObject) => String(record.ID ?? '').toLowerCase();

export interface ByIdsOptions {
	entity: ExactEntity;
	ids: string[];
	/** Comma-separated; must hold ID. */
	select: string;
	/** The same OData the caller's other reads use. */
	filter?: string;
	/** The oldest `Modified` of the records wanted (ISO), when the caller knows it. */
	modifiedFrom?: string;
	itemIndex?: number;
}

/** The oldest `Modified` of these records (ISO), or undefined when one of them has none. */
export function oldestModified(records: IDataObject[]): string | undefined {
	let oldest: string | undefined;
	for (const record of records) {
		if (!isExactDate(record.Modified)) return undefined;
		// "/Date(ms)/" sorts by its number, not as text
		if (oldest === undefined || exactMs(record.Modified) < exactMs(oldest)) oldest = record.Modified;
	}
	return oldest === undefined ? undefined : fromExactDate(oldest);
}

const exactMs = (value: string) => Number(/-?\d+/.exec(value)?.[0]);

/** How a pass over many records reads (see the top of this file). */
export type ManyIdsPass = { via: 'list'; path: string; filter?: string } | { via: 'sync' } | { via: 'byId' };

export function manyIdsPass(options: Pick<ByIdsOptions, 'entity' | 'select' | 'filter' | 'modifiedFrom'>): ManyIdsPass {
	const { entity, filter, modifiedFrom } = options;
	const bulk = entity.bulkEntity ? `bulk/${entity.bulkEntity}` : undefined;
	if (bulk && filter) return { via: 'list', path: bulk, filter };
	const fields = options.select.split(',');
	if (entity.syncEntity && !filter && !entity.syncRowsPerLine && !fields.some((f) => entity.notInSync?.includes(f))) return { via: 'sync' };
	// Without bulk, the standard endpoint (60 a call) still beats one call per 20.
	if (modifiedFrom) return { via: 'list', path: bulk ?? entity.path, filter: andFilters(`Modified ge ${odataDateTime(modifiedFrom)}`, filter) };
	if (bulk && !entity.syncEntity) return { via: 'list', path: bulk, filter };
	return { via: 'byId' };
}

/** The records of the entity with these keys that also match `filter`; `select` must hold the key. */
export async function readByIds(this: ExactContext, options: ByIdsOptions): Promise<IDataObject[]> {
	const ids = [...new Set(options.ids.map((id) => id.toLowerCase()).filter(Boolean))];
	if (ids.length === 0) return [];
	const { entity, select, itemIndex } = options;
	const keyOf = (record: IDataObject) => String(record[entity.key] ?? '').toLowerCase();
	const pass: ManyIdsPass = ids.length <= BY_ID_MAX ? { via: 'byId' } : manyIdsPass(options);
	if (pass.via === 'byId') {
		return await exactGetAnyOf.call(this, {
			path: entity.path,
			select,
			values: ids,
			// The transport or-s these per ID, so the filter goes into each: `ID eq … and IsTime eq 0 or ID eq … and …`.
			condition: (id) => andFilters(`${entity.key} eq ${odataGuid(id)}`, options.filter) as string,
			itemIndex,
		});
	}
	const wanted = new Set(ids);
	const fields = select.split(',');
	const all =
		pass.via === 'sync'
			? (await exactSyncRead.call(this, { entity: entity.syncEntity as string, select: fields, since: SYNC_START, itemIndex })).records
			: await exactGetAll.call(this, { path: pass.path, query: { $select: select, $filter: pass.filter }, itemIndex });
	// Only the fields asked for (a sync read adds its Timestamp).
	return all.filter((record) => wanted.has(keyOf(record))).map((record) => Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, record[f]])) as IDataObject);
}
