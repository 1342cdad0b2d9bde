import type { INodeProperties } from 'n8n-workflow';
import { filtersCollection, modifiedSinceFilter, operationSelector, returnAllOrLimit } from '../shared/descriptions';
import { confirmParameters } from '../ExactOnlineApi/operations/confirmChanges';
import { changesParameters } from '../ExactOnlineApi/operations/getChanges';
import { recordLocator } from '../ExactOnlineApi/operations/locate';
import { readOptions } from '../ExactOnlineApi/operations/output';
import { fieldsCollection } from '../ExactOnlineApi/operations/write';

const on = (...operation: string[]) => ({ operation });

/** Materials or hour types: Exact tells them apart by IsTime. */
function kindOption(description = 'Only materials, only hour types, or both'): INodeProperties {
	return {
		displayName: 'Kind',
		name: 'kind',
		type: 'options',
		default: 'any',
		description,
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Hour Types Only (Time Items, Uursoorten)', value: 'time' },
			{ name: 'Materials Only (No Time Items)', value: 'materials' },
		],
	};
}

export const itemLocator = (name: string, show: Record<string, string[]>): INodeProperties =>
	recordLocator({
		displayName: 'Item',
		name,
		show,
		required: true,
		description: 'The item (material or hour type) in Exact',
		searchListMethod: 'searchItems',
		codePlaceholder: 'e.g. CV-KETEL-01',
		codeHint: 'Item codes are not case-sensitive in Exact',
	});

const itemFields: INodeProperties[] = [
	{ displayName: 'Barcode (EAN)', name: 'Barcode', type: 'string', default: '', description: 'EAN barcode of the item' },
	{ displayName: 'Cost Price', name: 'CostPriceStandard', type: 'number', default: 0, typeOptions: { numberPrecision: 2 }, description: 'Standard cost price per unit, in the currency of the administration' },
	{ displayName: 'End Date', name: 'EndDate', type: 'dateTime', default: '', description: 'From this date the item is inactive' },
	{ displayName: 'Extra Description', name: 'ExtraDescription', type: 'string', default: '', description: 'Longer text about the item, besides its description' },
	{ displayName: 'Is Purchase Item', name: 'IsPurchaseItem', type: 'boolean', default: false, description: 'Whether the item can be bought' },
	{ displayName: 'Is Sales Item', name: 'IsSalesItem', type: 'boolean', default: true, description: 'Whether the item can be sold' },
	{ displayName: 'Is Stock Item', name: 'IsStockItem', type: 'boolean', default: false, description: 'Whether Exact keeps stock of the item' },
	{ displayName: 'Is Time (Hour Type)', name: 'IsTime', type: 'boolean', default: false, description: 'Whether the item is labour (an hour type, uursoort)' },
	{
		displayName: 'Item Group Name or ID',
		name: 'ItemGroup',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getItemGroups' },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{ displayName: 'Notes', name: 'Notes', type: 'string', default: '', typeOptions: { rows: 3 }, description: 'Internal notes on the item' },
	{
		displayName: 'Sales VAT Code Name or ID',
		name: 'SalesVatCode',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getVatCodes' },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{ displayName: 'Start Date', name: 'StartDate', type: 'dateTime', default: '', description: 'From this date the item is active' },
	{ displayName: 'Unit', name: 'Unit', type: 'string', default: '', placeholder: 'e.g. stuk, m, uur', description: 'Unit code the item is sold in, as set up in Exact' },
];

export const properties: INodeProperties[] = [
	operationSelector(
		[
			{ name: 'Confirm Changes', value: 'confirmChanges', action: 'Confirm item changes were processed', description: 'Make the position of a Get Changes step with Confirm Later final' },
			{ name: 'Create', value: 'create', action: 'Create an item', description: 'Create a material or hour type' },
			{ name: 'Get', value: 'get', action: 'Get an item', description: 'Get one item by ID or code' },
			{ name: 'Get Changes', value: 'getChanges', action: 'Get changed items', description: 'Get items created, changed or deleted since the last run' },
			{ name: 'Get Item Groups', value: 'getItemGroups', action: 'Get item groups (artikelgroepen)', description: 'Get the item groups (artikelgroepen), e.g. as OutSmart material categories' },
			{ name: 'Get Hour Types', value: 'getHourTypes', action: 'Get hour types (uursoorten)', description: 'Get the hour types (uursoorten) Exact offers for time registration' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many items', description: 'Get materials and hour types that match filters' },
			{ name: 'Update', value: 'update', action: 'Update an item', description: 'Change fields of an item' },
		],
		'getMany',
	),
	itemLocator('item', on('get', 'update')),
	readOptions(on('get')),
	...returnAllOrLimit(on('getMany', 'getHourTypes', 'getItemGroups')),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: on('getMany') },
		options: [
			{ displayName: 'Active Only', name: 'activeOnly', type: 'boolean', default: true, description: 'Whether to leave out items whose end date has passed' },
			{ displayName: 'Code', name: 'code', type: 'string', default: '', description: 'Only the item with this code' },
			{ displayName: 'Description Contains', name: 'descriptionContains', type: 'string', default: '', description: 'Only items whose description contains this text' },
			{
				displayName: 'Item Group Names or IDs',
				name: 'itemGroups',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getItemGroups' },
				default: [],
				description: 'Any of these item groups. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			kindOption(),
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '', description: 'Only items changed at or after this moment' },
			{ displayName: 'Sales Items Only', name: 'salesItemsOnly', type: 'boolean', default: true, description: 'Whether to return only items that can be sold' },
			{ displayName: 'Stock Items Only', name: 'stockItemsOnly', type: 'boolean', default: true, description: 'Whether to return only items Exact keeps stock of' },
		],
	},
	readOptions(on('getMany')),
	filtersCollection(
		on('getItemGroups'),
		[
			{ displayName: 'Codes', name: 'codes', type: 'string', default: '', placeholder: 'e.g. CV, SANITAIR', description: 'Only these item group codes, separated by commas' },
			modifiedSinceFilter('item groups', ' (Exact has no change log for item groups)'),
		],
		'itemGroupFilters',
	),
	readOptions(on('getItemGroups')),
	{ displayName: 'Code', name: 'code', type: 'string', default: '', required: true, displayOptions: { show: on('create') }, placeholder: 'e.g. CV-KETEL-01', description: 'Code of the new item (artikelcode), unique in the administration' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', required: true, displayOptions: { show: on('create') }, placeholder: 'e.g. CV-ketel HR 28 kW', description: 'Name of the item as it shows on invoices' },
	fieldsCollection('Additional Fields', on('create'), itemFields),
	readOptions(on('create')),
	fieldsCollection('Update Fields', on('update'), [{ displayName: 'Description', name: 'Description', type: 'string', default: '', description: 'New name of the item' }, ...itemFields]),
	...changesParameters(on('getChanges'), 'items', [
		{
			displayName: 'Include Price Changes',
			name: 'includePriceChanges',
			type: 'boolean',
			default: true,
			description:
				"Whether to also return items whose sales price changed in Exact's price list (SalesItemPrices), which does not mark the item itself as changed; they carry priceChanged: true. Costs one extra call per run, plus one per 20 such items (one per 1,000 above 100).",
		},
		{
			displayName: 'Include Sales Price',
			name: 'includeSalesPrice',
			type: 'boolean',
			default: true,
			description:
				"Whether to add StandardSalesPrice, which Exact's sync endpoint lacks: one extra call per 20 changed items (up to 100), else one per 1,000 items",
		},
		kindOption('Only materials or only hour types. Deletions come for every kind: Exact names only the ID of a deleted item.'),
		{
			displayName: 'Sales Items Only',
			name: 'salesItemsOnly',
			type: 'boolean',
			default: false,
			description:
				'Whether to return only items that can be sold (deletions still come for every item). Choosing here rather than in a Filter node after this one saves n8n an expression per item, which counts on a first read of thousands.',
		},
	]),
	...confirmParameters(on('confirmChanges')),
];
