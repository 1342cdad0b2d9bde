/**
 * sync/Logistics/Items has no StandardSalesPrice, but an item without its price is of little use to a flow
 * that copies materials to OutSmart. After a sync read we add the price from logistics/Items: by ID in
 * batches when few items changed (one call per 20), else in one pass over bulk/Logistics/Items from the oldest
 * `Modified` of those items (1,000 a call; a filter, so Exact's mandatory filtering lets it through). Nothing
 * changed costs nothing extra.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ExactContext } from '../transport';
import { idOf, oldestModified, readByIds, type ByIdsOptions } from './byIds';
import { ITEM } from './definitions';

/** The items with these IDs that also match `filter` (the same OData the caller's other reads use). */
export async function readItemsById(this: ExactContext, options: Omit<ByIdsOptions, 'entity'>): Promise<IDataObject[]> {
	return await readByIds.call(this, { entity: ITEM, ...options });
}

/** Adds StandardSalesPrice to the items that do not carry it yet (those read for a price change do). */
export async function addSalesPrices(this: ExactContext, items: IDataObject[], itemIndex?: number): Promise<void> {
	const lacking = items.filter((item) => item.ID && !('StandardSalesPrice' in item));
	if (lacking.length === 0) return;
	const records = await readItemsById.call(this, { ids: lacking.map(idOf), select: 'ID,StandardSalesPrice', modifiedFrom: oldestModified(lacking), itemIndex });
	const prices = new Map(records.map((record) => [idOf(record), record.StandardSalesPrice ?? null]));
	for (const item of lacking) item.StandardSalesPrice = (prices.get(idOf(item)) ?? null) as IDataObject[string];
}
