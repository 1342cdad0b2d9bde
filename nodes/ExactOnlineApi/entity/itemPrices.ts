/**
 * sync/Logistics/Items has no StandardSalesPrice, but an item without its price is of little use to a flow
 * that copies materials to OutSmart. After a Get Changes read we add the price from logistics/Items: by ID in
 * batches when few items changed (one call per 20), else in one pass over bulk/Logistics/Items (1,000 a
 * call). Nothing changed costs nothing extra.
 */
import type { IDataObject } from 'n8n-workflow';
import { andFilters, odataGuid } from '../odata';
import { exactGetAll, exactGetAnyOf, type ExactContext } from '../transport';

/** Above this many items a bulk read is cheaper than batches of 20. */
const BY_ID_MAX = 100;

const idOf = (record: IDataObject) => String(record.ID ?? '').toLowerCase();

/**
 * The records of `path` with these IDs that also match `filter`: by ID in batches of 20 when few, else in one pass
 * over `bulkPath` (1,000 a call). `select` must hold ID.
 */
export async function readRecordsById(
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

/** The items with these IDs that also match `filter` (the same OData the caller's other reads use). */
export async function readItemsById(
	this: ExactContext,
	options: { ids: string[]; select: string; filter?: string; itemIndex?: number },
): Promise<IDataObject[]> {
	return await readRecordsById.call(this, { path: 'logistics/Items', bulkPath: 'bulk/Logistics/Items', ...options });
}

/** Adds StandardSalesPrice to the items that do not carry it yet (those read for a price change do). */
export async function addSalesPrices(this: ExactContext, items: IDataObject[], itemIndex?: number): Promise<void> {
	const lacking = items.filter((item) => item.ID && !('StandardSalesPrice' in item));
	if (lacking.length === 0) return;
	const records = await readItemsById.call(this, { ids: lacking.map(idOf), select: 'ID,StandardSalesPrice', itemIndex });
	const prices = new Map(records.map((record) => [idOf(record), record.StandardSalesPrice ?? null]));
	for (const item of lacking) item.StandardSalesPrice = (prices.get(idOf(item)) ?? null) as IDataObject[string];
}
