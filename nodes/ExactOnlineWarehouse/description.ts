import type { INodeProperties } from 'n8n-workflow';
import { filtersCollection, modifiedSinceFilter, operationSelector, returnAllOrLimit } from '../shared/descriptions';
import { confirmParameters } from '../ExactOnlineApi/operations/confirmChanges';
import { changesParameters } from '../ExactOnlineApi/operations/getChanges';
import { recordLocator } from '../ExactOnlineApi/operations/locate';
import { readOptions } from '../ExactOnlineApi/operations/output';

const on = (...operation: string[]) => ({ operation });

export const properties: INodeProperties[] = [
	operationSelector(
		[
			{ name: 'Confirm Item Warehouse Changes', value: 'confirmItemWarehouseChanges', action: 'Confirm item warehouse changes were processed', description: 'Make the position of a Get Item Warehouse Changes step with Confirm Later final' },
			{ name: 'Confirm Stock Changes', value: 'confirmChanges', action: 'Confirm stock changes were processed', description: 'Make the position of a Get Stock Changes step with Confirm Later final' },
			{ name: 'Get', value: 'get', action: 'Get a warehouse', description: 'Get one warehouse by ID or code' },
			{ name: 'Get Item Warehouse Changes', value: 'getItemWarehouseChanges', action: 'Get changed item warehouse settings', description: 'Get items added to or removed from a warehouse, or whose reorder settings changed, since the last run (no stock figures)' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many warehouses', description: 'Get warehouses that match filters' },
			{ name: 'Get Stock', value: 'getStock', action: 'Get stock per item and warehouse', description: 'Get the current, reserved and planned stock of items per warehouse' },
			{ name: 'Get Stock Changes', value: 'getChanges', action: 'Get changed stock positions', description: 'Get the stock positions (item and warehouse) whose stock changed since the last run' },
		],
		'getMany',
	),
	recordLocator({
		displayName: 'Warehouse',
		name: 'warehouse',
		show: on('get'),
		required: true,
		description: 'The warehouse (magazijn) in Exact',
		searchListMethod: 'searchWarehouses',
		codePlaceholder: 'e.g. 1',
		codeHint: 'The warehouse code as Exact shows it',
	}),
	readOptions(on('get')),
	...returnAllOrLimit(on('getMany', 'getStock')),
	filtersCollection(on('getMany'), [
		{ displayName: 'Code', name: 'code', type: 'string', default: '', description: 'Exact warehouse code, e.g. 1' },
		{ displayName: 'Description Contains', name: 'descriptionContains', type: 'string', default: '', description: 'Part of the warehouse description, e.g. bus' },
		{ displayName: 'Main Warehouse Only', name: 'mainOnly', type: 'boolean', default: false, description: 'Whether to return only the main warehouse (hoofdmagazijn)' },
		modifiedSinceFilter('warehouses'),
	]),
	filtersCollection(
		on('getStock'),
		[
			{ displayName: 'In Stock Only', name: 'inStockOnly', type: 'boolean', default: false, description: 'Whether to leave out items with no current stock (zero or less) in the warehouse' },
			{ displayName: 'Item Code', name: 'itemCode', type: 'string', default: '', description: 'Only the stock of this item, e.g. CV-KET-24' },
			modifiedSinceFilter('stock records', ' (settings; stock figures change through documents)'),
			{ displayName: 'Warehouse Code', name: 'warehouseCode', type: 'string', default: '', description: 'Only the stock in this warehouse, e.g. 2 for a van' },
		],
		'stockFilters',
	),
	readOptions(on('getMany', 'getStock')),
	...changesParameters(on('getChanges'), 'stock positions', [
		{
			displayName: 'Per Item',
			name: 'perItem',
			type: 'boolean',
			default: false,
			description:
				"Whether to hand out one item per changed item, with its stock in every warehouse (Warehouses) and in total (TotalStock), instead of one per item and warehouse. Reads the item's other warehouses: one call per 20 items.",
		},
	]),
	...changesParameters(on('getItemWarehouseChanges'), 'item warehouses'),
	...confirmParameters(on('confirmChanges', 'confirmItemWarehouseChanges')),
];
