/**
 * Stock per item across all its warehouses, for the items whose stock changed: what a flow needs that shows an
 * item's stock as one thing (e.g. OutSmart's material), while Exact's stream hands out one position per item and
 * warehouse. The other warehouses of a changed item are read in batches (one call per 20 items), or, for more
 * than 100 items (a first run), in one pass over the stock-position list from its start (1,000 a call).
 */
import type { IDataObject } from 'n8n-workflow';
import { odataString } from '../odata';
import { shape, type ReadOptions } from '../operations/output';
import { exactGetAnyOf, exactSyncRead, SYNC_START, type ExactContext } from '../transport';
import { STOCK_POSITION } from './definitions';

/** Above this many items one pass over the whole stock-position list is cheaper than batches of 20. */
const BY_CODE_MAX = 100;

/** The fields of a position kept per warehouse in an item's stock. */
const PER_WAREHOUSE = ['Warehouse', 'WarehouseCode', 'WarehouseDescription', 'CurrentStock', 'ReservedStock', 'ProjectedStock'];

async function positionsOf(this: ExactContext, codes: string[], itemIndex: number): Promise<IDataObject[]> {
	if (codes.length <= BY_CODE_MAX) {
		return await exactGetAnyOf.call(this, {
			path: STOCK_POSITION.path,
			select: STOCK_POSITION.fields.join(','),
			values: codes,
			condition: (code) => `ItemCode eq ${odataString(code)}`,
			itemIndex,
		});
	}
	const wanted = new Set(codes);
	const { records } = await exactSyncRead.call(this, { entity: STOCK_POSITION.syncEntity as string, select: STOCK_POSITION.fields, since: SYNC_START, itemIndex });
	return records.filter((record) => wanted.has(String(record.ItemCode ?? '').trim()));
}

/**
 * One record per changed item: ItemCode, ItemDescription, TotalStock (current stock over all warehouses) and
 * Warehouses (its stock in each, ordered by warehouse code). Deleted positions carry no item code: an item that
 * left a warehouse shows up again with its next stock change.
 */
export async function stockPerItem(this: ExactContext, changed: IDataObject[], output: ReadOptions['output'], itemIndex = 0): Promise<IDataObject[]> {
	const codes = [...new Set(changed.filter((p) => p.changeType !== 'deleted').map((p) => String(p.ItemCode ?? '').trim()).filter(Boolean))].sort();
	if (!codes.length) return [];
	const positions = shape(await positionsOf.call(this, codes, itemIndex), output);
	return codes.map((code) => {
		const own = positions
			.filter((p) => String(p.ItemCode ?? '').trim() === code)
			.sort((a, b) => String(a.WarehouseCode ?? '').localeCompare(String(b.WarehouseCode ?? ''), 'nl', { numeric: true }));
		const warehouses = own.map((p) => Object.fromEntries(PER_WAREHOUSE.map((field) => [field, p[field] ?? null])) as IDataObject);
		const total = own.reduce((sum, p) => sum + Number(p.CurrentStock ?? 0), 0);
		const description = own[0]?.ItemDescription ?? changed.find((p) => String(p.ItemCode ?? '').trim() === code)?.ItemDescription ?? null;
		return { ItemCode: code, ItemDescription: description, TotalStock: Math.round(total * 10_000) / 10_000, Warehouses: warehouses, changeType: 'changed' };
	});
}
