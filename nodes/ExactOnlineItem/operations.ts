import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { ITEM, ITEM_GROUP } from '../ExactOnlineApi/entity/definitions';
import { addSalesPrices } from '../ExactOnlineApi/entity/itemPrices';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { getOperation } from '../ExactOnlineApi/operations/get';
import { getChangesOperation } from '../ExactOnlineApi/operations/getChanges';
import { getManyOperation } from '../ExactOnlineApi/operations/getMany';
import { shape } from '../ExactOnlineApi/operations/output';
import { createOperation, toBody, updateOperation } from '../ExactOnlineApi/operations/write';
import { andFilters, odataContains, odataDateTime, odataGuid, odataString, orFilters } from '../ExactOnlineApi/odata';
import { exactGetAll } from '../ExactOnlineApi/transport';
import type { ItemOperation, Operation } from '../shared/router';
import { priceChangesStream } from './priceChanges';

interface ItemFilters {
	activeOnly?: boolean;
	code?: string;
	descriptionContains?: string;
	itemGroups?: string[];
	kind?: 'any' | 'materials' | 'time';
	modifiedSince?: string;
	salesItemsOnly?: boolean;
	stockItemsOnly?: boolean;
}

/** A time item (hour type): IsTime is Exact's byte 1 (some clients send true). */
const isTimeItem = (item: IDataObject) => item.IsTime === true || Number(item.IsTime) === 1;

/** IsTime is a byte in Exact (0/1): `IsTime eq true` is refused as a type mismatch. */
const KIND_FILTERS = {
	any: undefined,
	materials: 'IsTime eq 0',
	time: 'IsTime eq 1',
};

export function itemFilter(filters: ItemFilters, now = new Date()): string | undefined {
	const groups = (filters.itemGroups ?? []).map((id) => `ItemGroup eq ${odataGuid(id)}`);
	return andFilters(
		KIND_FILTERS[filters.kind ?? 'any'],
		filters.salesItemsOnly ? 'IsSalesItem eq true' : undefined,
		filters.stockItemsOnly ? 'IsStockItem eq true' : undefined,
		groups.length ? orFilters(...groups) : undefined,
		filters.activeOnly !== false ? `EndDate eq null or EndDate gt ${odataDateTime(now)}` : undefined,
		filters.code?.trim() ? `Code eq ${odataString(filters.code.trim())}` : undefined,
		filters.descriptionContains ? odataContains('Description', filters.descriptionContains) : undefined,
		filters.modifiedSince ? `Modified ge ${odataDateTime(filters.modifiedSince)}` : undefined,
	);
}

interface ItemGroupFilters {
	codes?: string;
	modifiedSince?: string;
}

/** Item groups have no sync endpoint: a flow reads them all (they are few) or those modified since a moment. */
export function itemGroupFilter(filters: ItemGroupFilters): string | undefined {
	const codes = (filters.codes ?? '').split(',').map((code) => code.trim()).filter(Boolean);
	return andFilters(
		codes.length ? orFilters(...codes.map((code) => `Code eq ${odataString(code)}`)) : undefined,
		filters.modifiedSince ? `Modified ge ${odataDateTime(filters.modifiedSince)}` : undefined,
	);
}

const DATE_FIELDS = ['StartDate', 'EndDate'];

/** UI booleans become Exact's types: IsTime is a byte (0/1), not a boolean. */
function itemBody(fields: IDataObject): IDataObject {
	const body = toBody(fields, DATE_FIELDS);
	if (typeof body.IsTime === 'boolean') body.IsTime = body.IsTime ? 1 : 0;
	return body;
}

/** The item-only options of Get Changes. */
interface ItemChangesOptions {
	includePriceChanges?: boolean;
	includeSalesPrice?: boolean;
	kind?: ItemFilters['kind'];
	salesItemsOnly?: boolean;
}

function changesOptions(this: IExecuteFunctions, itemIndex: number): ItemChangesOptions {
	return this.getNodeParameter('changesOptions', itemIndex, {}) as ItemChangesOptions;
}

/** Hour types as Exact's project module lists them (ItemId, ItemCode, ItemDescription). */
const getHourTypes: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const records = await exactGetAll.call(this, {
		path: 'read/project/HourTypes',
		query: { $select: 'ItemId,ItemCode,ItemDescription' },
		limit,
		itemIndex,
	});
	return shape(records, 'clean');
};

export const operations: Record<string, Operation> = {
	get: getOperation(ITEM, 'item'),
	getMany: getManyOperation(
		ITEM,
		function (itemIndex) {
			return itemFilter(this.getNodeParameter('filters', itemIndex, {}) as ItemFilters);
		},
		'Code',
	),
	getHourTypes,
	getItemGroups: getManyOperation(
		ITEM_GROUP,
		function (itemIndex) {
			return itemGroupFilter(this.getNodeParameter('itemGroupFilters', itemIndex, {}) as ItemGroupFilters);
		},
		'Code',
	),
	create: createOperation(ITEM, function (itemIndex) {
		return itemBody({
			Code: this.getNodeParameter('code', itemIndex) as string,
			Description: this.getNodeParameter('description', itemIndex) as string,
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		});
	}),
	update: updateOperation(ITEM, 'item', function (itemIndex) {
		return itemBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	}),
	getChanges: getChangesOperation(ITEM, {
		only(itemIndex) {
			const { kind = 'any', salesItemsOnly = false } = changesOptions.call(this, itemIndex);
			const filter = andFilters(KIND_FILTERS[kind], salesItemsOnly ? 'IsSalesItem eq true' : undefined);
			const keep = (item: IDataObject) => (kind === 'any' || isTimeItem(item) === (kind === 'time')) && (!salesItemsOnly || item.IsSalesItem === true);
			return filter ? { filter, keep } : undefined;
		},
		extraStreams(itemIndex) {
			const options = changesOptions.call(this, itemIndex);
			if (options.includePriceChanges === false) return [];
			return [priceChangesStream.call(this, { withSalesPrice: options.includeSalesPrice !== false, itemIndex })];
		},
		async afterRead(changed, itemIndex) {
			if (changesOptions.call(this, itemIndex).includeSalesPrice !== false) await addSalesPrices.call(this, changed, itemIndex);
		},
	}),
	confirmChanges: confirmChangesOperation(ITEM),
};
