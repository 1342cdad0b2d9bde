import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { ITEM } from '../ExactOnline/entity/definitions';
import {
	confirmChangesOperation,
	createOperation,
	getChangesOperation,
	getManyOperation,
	getOperation,
	shape,
	toBody,
	updateOperation,
} from '../ExactOnline/entity/standardOperations';
import { andFilters, odataContains, odataDateTime, odataGuid, odataString, orFilters } from '../ExactOnline/odata';
import { exactGetAll } from '../ExactOnline/transport';
import type { ItemOperation } from '../shared/router';

interface ItemFilters {
	activeOnly?: boolean;
	code?: string;
	descriptionContains?: string;
	itemGroups?: string[];
	kind?: 'any' | 'materials' | 'time' | 'stock';
	modifiedSince?: string;
}

const KIND_FILTERS = {
	any: undefined,
	materials: 'IsSalesItem eq true and IsTime eq false',
	time: 'IsTime eq true',
	stock: 'IsStockItem eq true',
};

export function itemFilter(filters: ItemFilters, now = new Date()): string | undefined {
	const groups = (filters.itemGroups ?? []).map((id) => `ItemGroup eq ${odataGuid(id)}`);
	return andFilters(
		KIND_FILTERS[filters.kind ?? 'any'],
		groups.length ? orFilters(...groups) : undefined,
		filters.activeOnly !== false ? `(EndDate eq null or EndDate gt ${odataDateTime(now)})` : undefined,
		filters.code ? `Code eq ${odataString(filters.code.trim())}` : undefined,
		filters.descriptionContains ? odataContains('Description', filters.descriptionContains) : undefined,
		filters.modifiedSince ? `Modified ge ${odataDateTime(filters.modifiedSince)}` : undefined,
	);
}

const DATE_FIELDS = ['StartDate', 'EndDate'];

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

export const operations: Record<string, ItemOperation> = {
	get: getOperation(ITEM, 'item'),
	getMany: getManyOperation(ITEM, function (itemIndex) {
		return itemFilter(this.getNodeParameter('filters', itemIndex, {}) as ItemFilters);
	}, 'Code'),
	getHourTypes,
	create: createOperation(ITEM, function (itemIndex) {
		return toBody(
			{
				Code: this.getNodeParameter('code', itemIndex) as string,
				Description: this.getNodeParameter('description', itemIndex) as string,
				...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			},
			DATE_FIELDS,
		);
	}),
	update: updateOperation(ITEM, 'item', function (itemIndex) {
		return toBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, DATE_FIELDS);
	}),
	getChanges: getChangesOperation(ITEM),
	confirmChanges: confirmChangesOperation(ITEM),
};
