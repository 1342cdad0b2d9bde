/**
 * Exact warehouses -> OutSmart warehouses, and an item's stock per warehouse -> the text OutSmart keeps with its
 * material. Pure functions on clean Exact records (as our nodes output them), giving records as OutSmart's POST
 * (insert or update by key) expects them.
 */
import type { IDataObject } from 'n8n-workflow';
import { formatQuantity } from '../shared/formats';
import type { Mapped } from './masterData';
import { missingFields, text } from './values';

export const WAREHOUSE_REQUIRED = ['wse_code', 'wse_description'];

/** The material field that carries the stock text: OutSmart's Open API has no stock field of its own. */
export const STOCK_FIELD = 'freefield5';

/** OutSmart free fields hold 255 characters. */
const FREE_FIELD_LENGTH = 255;

/**
 * An Exact warehouse -> an OutSmart warehouse with the same code; the Exact ID is its external ID. Type, the
 * employee of a van, image and dates are OutSmart's own (Exact has none of them): not sent, so what the planner
 * set in OutSmart stays.
 */
export function warehouseToOutSmartWarehouse(warehouse: IDataObject): Mapped {
	const record = {
		wse_code: text(warehouse.Code),
		wse_description: text(warehouse.Description) || text(warehouse.Code),
		wse_external_id: text(warehouse.ID),
	};
	return { record, missing: missingFields(record, WAREHOUSE_REQUIRED) };
}

/**
 * "Voorraad: 1 Hoofdmagazijn 12 | 2 Servicebus 1 (Jan) 3": an item's stock per warehouse (the Warehouse node's
 * Get Stock Changes per item), cut to what a free field holds. No warehouse: "Voorraad: geen".
 */
export function stockText(item: IDataObject): string {
	const warehouses = Array.isArray(item.Warehouses) ? (item.Warehouses as IDataObject[]) : [];
	if (!warehouses.length) return 'Voorraad: geen';
	const parts = warehouses.map((w) => `${[text(w.WarehouseCode), text(w.WarehouseDescription)].filter(Boolean).join(' ')} ${formatQuantity(Number(w.CurrentStock ?? 0))}`);
	const full = `Voorraad: ${parts.join(' | ')}`;
	return full.length <= FREE_FIELD_LENGTH ? full : `${full.slice(0, FREE_FIELD_LENGTH - 1)}…`;
}

/** Whether a record is an item's stock per warehouse (from Get Stock Changes with Per Item). */
export function isStockPerItem(record: IDataObject): boolean {
	return typeof record.ItemCode === 'string' && Array.isArray(record.Warehouses) && record.Code === undefined;
}

/** The material update that shows an item's stock in OutSmart: only the stock field, for a material OutSmart has. */
export function stockToMaterial(item: IDataObject): IDataObject {
	return { code: text(item.ItemCode), [STOCK_FIELD]: stockText(item) };
}
