/**
 * sync/Logistics/Items has no StandardSalesPrice, but an item without its price is of little use to a flow
 * that copies materials to OutSmart. After a Get Changes read we add the price from logistics/Items: by ID in
 * batches when few items changed (one call per 20), else in one pass over bulk/Logistics/Items (1,000 a
 * call). Nothing changed costs nothing extra.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ExactContext } from '../transport';
import { idOf, readByIds } from './byIds';

/** The items with these IDs that also match `filter` (the same OData the caller's other reads use). */
export async function readItemsById(
	this: ExactContext,
	options: { ids: string[]; select: string; filter?: string; itemIndex?: number },
): Promise<IDataObject[]> {
	return await readByIds.call(this, { path: 'logistics/Items', bulkPath: 'bulk/Logistics/Items', ...options });
}

/** Adds StandardSalesPrice to the items that do not carry it yet (those read for a price change do). */
export async function addSalesPrices(this: ExactContext, items: IDataObject[], itemIndex?: number): Promise<void> {
	const lacking = items.filter((item) => item.ID && !('StandardSalesPrice' in item));
	if (lacking.length === 0) return;
	const records = await readItemsById.call(this, { ids: lacking.map(idOf), select: 'ID,StandardSalesPrice', itemIndex });
	const prices = new Map(records.map((record) => [idOf(record), record.StandardSalesPrice ?? null]));
	for (const item of lacking) item.StandardSalesPrice = (prices.get(idOf(item)) ?? null) as IDataObject[string];
}
