/**
 * sync/Logistics/Items has no StandardSalesPrice, but an item without its price is of little use to a flow
 * that copies materials to OutSmart. After a Get Changes read we add the price from logistics/Items: by ID in
 * batches when few items changed (one call per 20), else in one pass over bulk/Logistics/Items (1,000 a
 * call). Nothing changed costs nothing extra.
 */
import type { IDataObject } from 'n8n-workflow';
import { odataGuid } from '../odata';
import { exactGetAll, exactGetAnyOf, type ExactContext } from '../transport';

/** Above this many changed items a bulk read is cheaper than batches of 20. */
const BY_ID_MAX = 100;

export async function addSalesPrices(this: ExactContext, items: IDataObject[], itemIndex?: number): Promise<void> {
	const ids = [...new Set(items.map((item) => String(item.ID ?? '')).filter(Boolean))];
	if (ids.length === 0) return;
	const prices = new Map<string, unknown>();
	const keep = (records: IDataObject[]) => {
		for (const record of records) prices.set(String(record.ID).toLowerCase(), record.StandardSalesPrice ?? null);
	};
	if (ids.length <= BY_ID_MAX) {
		keep(
			await exactGetAnyOf.call(this, {
				path: 'logistics/Items',
				select: 'ID,StandardSalesPrice',
				values: ids,
				condition: (id) => `ID eq ${odataGuid(id)}`,
				itemIndex,
			}),
		);
	} else {
		keep(await exactGetAll.call(this, { path: 'bulk/Logistics/Items', query: { $select: 'ID,StandardSalesPrice' }, itemIndex }));
	}
	for (const item of items) {
		if (item.ID) item.StandardSalesPrice = (prices.get(String(item.ID).toLowerCase()) ?? null) as IDataObject[string];
	}
}
