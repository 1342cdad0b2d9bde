/**
 * Records by ID, at the fewest calls: a few IDs go by ID in batches (one call per 20), many in one pass over the
 * entity's bulk endpoint (1,000 a call), keeping those asked for. Used where a sync read hands out records that
 * lack a field only the standard endpoint has (an item's sales price, a contact's account code).
 */
import type { IDataObject } from 'n8n-workflow';
import { andFilters, odataGuid } from '../odata';
import { exactGetAll, exactGetAnyOf, type ExactContext } from '../transport';

/** Above this many IDs one bulk pass is cheaper than batches of 20. */
const BY_ID_MAX = 100;

export const idOf = (record: IDataObject) => String(record.ID ?? '').toLowerCase();

/**
 * The records of `path` with these IDs that also match `filter` (the same OData the caller's other reads use).
 * `select` must hold ID.
 */
export async function readByIds(
	this: ExactContext,
	options: { path: string; bulkPath: string; ids: string[]; select: string; filter?: string; itemIndex?: number },
): Promise<IDataObject[]> {
	const ids = [...new Set(options.ids.map((id) => id.toLowerCase()).filter(Boolean))];
	if (ids.length === 0) return [];
	if (ids.length <= BY_ID_MAX) {
		return await exactGetAnyOf.call(this, {
			path: options.path,
			select: options.select,
			values: ids,
			// The transport or-s these per ID, so the filter goes into each: `ID eq … and IsTime eq 0 or ID eq … and …`.
			condition: (id) => andFilters(`ID eq ${odataGuid(id)}`, options.filter) as string,
			itemIndex: options.itemIndex,
		});
	}
	const wanted = new Set(ids);
	const all = await exactGetAll.call(this, {
		path: options.bulkPath,
		query: { $select: options.select, $filter: options.filter },
		itemIndex: options.itemIndex,
	});
	return all.filter((record) => wanted.has(idOf(record)));
}
