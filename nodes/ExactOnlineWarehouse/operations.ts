import type { IExecuteFunctions } from 'n8n-workflow';
import { ITEM_WAREHOUSE, STOCK_POSITION, WAREHOUSE } from '../ExactOnlineApi/entity/definitions';
import { readsFromStart } from '../ExactOnlineApi/entity/changes';
import { stockPerItem } from '../ExactOnlineApi/entity/stockPerItem';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { getOperation } from '../ExactOnlineApi/operations/get';
import { type ChangesParameters, getChangesOperation } from '../ExactOnlineApi/operations/getChanges';
import { getManyOperation } from '../ExactOnlineApi/operations/getMany';
import { andFilters, odataContains, odataDateTime, odataString } from '../ExactOnlineApi/odata';
import type { BatchOperation, Operation } from '../shared/router';

interface WarehouseFilters {
	code?: string;
	descriptionContains?: string;
	mainOnly?: boolean;
	modifiedSince?: string;
}

interface StockFilters {
	inStockOnly?: boolean;
	itemCode?: string;
	modifiedSince?: string;
	warehouseCode?: string;
}

export function warehouseFilter(filters: WarehouseFilters): string | undefined {
	return andFilters(
		filters.code?.trim() ? `Code eq ${odataString(filters.code.trim())}` : undefined,
		filters.descriptionContains ? odataContains('Description', filters.descriptionContains) : undefined,
		// Main is a byte (0/1) in Exact, not a boolean.
		filters.mainOnly === true ? 'Main eq 1' : undefined,
		filters.modifiedSince ? `Modified ge ${odataDateTime(filters.modifiedSince)}` : undefined,
	);
}

export function stockFilter(filters: StockFilters): string | undefined {
	return andFilters(
		filters.warehouseCode?.trim() ? `WarehouseCode eq ${odataString(filters.warehouseCode.trim())}` : undefined,
		filters.itemCode?.trim() ? `ItemCode eq ${odataString(filters.itemCode.trim())}` : undefined,
		filters.inStockOnly === true ? 'CurrentStock gt 0' : undefined,
		filters.modifiedSince ? `Modified ge ${odataDateTime(filters.modifiedSince)}` : undefined,
	);
}

const positionChanges = getChangesOperation(STOCK_POSITION);

/** Get Stock Changes: the changed positions, or with Per Item one record per changed item with its stock in every warehouse. */
const stockChanges: BatchOperation = {
	async batch(this: IExecuteFunctions) {
		const options = this.getNodeParameter('changesOptions', 0, {}) as ChangesParameters & { perItem?: boolean };
		const staticData = this.getWorkflowStaticData('global');
		// Asked before the read moves the position: a read from the start hands out every position there is.
		const fromStart = readsFromStart(staticData, STOCK_POSITION, this.getNodeParameter('syncName', 0, 'default') as string, options.startOver === true);
		const [positions] = await positionChanges.batch.call(this);
		if (options.perItem !== true) return [positions];
		const items = await stockPerItem.call(this, positions.map((position) => position.json), options.output, { fromStart, staticData });
		return [this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(items), { itemData: { item: 0 } })];
	},
};

export const operations: Record<string, Operation> = {
	get: getOperation(WAREHOUSE, 'warehouse'),
	getMany: getManyOperation(
		WAREHOUSE,
		function (itemIndex) {
			return warehouseFilter(this.getNodeParameter('filters', itemIndex, {}) as WarehouseFilters);
		},
		'Code',
	),
	getStock: getManyOperation(
		ITEM_WAREHOUSE,
		function (itemIndex) {
			return stockFilter(this.getNodeParameter('stockFilters', itemIndex, {}) as StockFilters);
		},
		'ItemCode',
	),
	getChanges: stockChanges,
	confirmChanges: confirmChangesOperation(STOCK_POSITION),
	getItemWarehouseChanges: getChangesOperation(ITEM_WAREHOUSE),
	confirmItemWarehouseChanges: confirmChangesOperation(ITEM_WAREHOUSE),
};
