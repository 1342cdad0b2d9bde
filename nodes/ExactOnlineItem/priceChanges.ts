/**
 * In Exact an item's sales price is a row of its price list (logistics/SalesItemPrices): the row without an
 * Account is the default price, rows with one are customer price agreements. A new default price changes the
 * item's StandardSalesPrice but not its Timestamp, so sync/Logistics/Items never hands it out. Get Changes of
 * items therefore also reads sync/Logistics/SalesItemPrices (its own position `prices` in the cursor) and hands
 * out the items whose default price row changed: one call a run, plus one per 20 such items not changed
 * otherwise (one per 1,000 above 100).
 *
 * Every changed item carries `priceChanged`: true when its default price row changed, else false.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ExtraStream } from '../ExactOnlineApi/entity/changes';
import { readItemsById } from '../ExactOnlineApi/entity/itemPrices';
import { exactSyncRead, type ExactContext } from '../ExactOnlineApi/transport';

export const PRICE_STREAM = 'prices';

const PRICE_FIELDS = ['ID', 'Account', 'Item', 'Timestamp'];

/** Items whose default price row (no Account) is among these price rows. */
export function itemsWithDefaultPriceChange(rows: IDataObject[]): Set<string> {
	const items = new Set<string>();
	for (const row of rows) {
		if (row.Account !== null && row.Account !== undefined && row.Account !== '') continue;
		if (row.Item) items.add(String(row.Item).toLowerCase());
	}
	return items;
}

export function priceChangesStream(this: ExactContext, options: { withSalesPrice: boolean; itemIndex?: number }): ExtraStream {
	return {
		name: PRICE_STREAM,
		read: async (since, run) => {
			// On a cursor stored before this stream existed `since` is the start: every item with a default price
			// is handed out once more (which also repairs prices an earlier version missed).
			const rows = await exactSyncRead.call(this, {
				entity: 'Logistics/SalesItemPrices',
				select: PRICE_FIELDS,
				since,
				itemIndex: options.itemIndex,
			});
			// A first run hands out every item anyway: only the stream's position is wanted.
			const repriced = run.fromStart ? new Set<string>() : itemsWithDefaultPriceChange(rows.records);
			for (const record of run.changed) {
				const id = String(record.ID ?? '').toLowerCase();
				record.priceChanged = repriced.delete(id);
			}
			// The rest changed only in the price list: read them like the sync read did, within its filter
			// (logistics/Items has the same fields, but no Timestamp).
			const select = run.select.filter((field) => field !== 'Timestamp');
			if (options.withSalesPrice) select.push('StandardSalesPrice');
			const items = await readItemsById.call(this, {
				ids: [...repriced],
				select: [...new Set(select)].join(','),
				filter: run.filter,
				itemIndex: options.itemIndex,
			});
			return { cursor: rows.cursor, records: items.map((item) => ({ ...item, priceChanged: true })) };
		},
	};
}
