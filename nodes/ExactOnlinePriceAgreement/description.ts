import type { INodeProperties } from 'n8n-workflow';
import { filtersCollection, modifiedSinceFilter, operationSelector, returnAllOrLimit } from '../shared/descriptions';
import { confirmParameters } from '../ExactOnlineApi/operations/confirmChanges';
import { changesParameters } from '../ExactOnlineApi/operations/getChanges';
import { readOptions } from '../ExactOnlineApi/operations/output';

const on = (...operation: string[]) => ({ operation });

/** Customer agreements, default prices, or both: a row's Account tells them apart. */
const kindOption: INodeProperties = {
	displayName: 'Kind',
	name: 'kind',
	type: 'options',
	default: 'customer',
	options: [
		{ name: 'Any', value: 'any', description: 'Customer agreements and default prices' },
		{ name: 'Customer Agreements Only', value: 'customer', description: 'Rows with a customer (account): agreed prices' },
		{ name: 'Default Prices Only', value: 'default', description: 'Rows without a customer: the price everyone pays' },
	],
};

export const properties: INodeProperties[] = [
	operationSelector(
		[
			{ name: 'Confirm Changes', value: 'confirmChanges', action: 'Confirm price agreement changes were processed', description: 'Make the position of a Get Changes step with Confirm Later final' },
			{ name: 'Get', value: 'get', action: 'Get a price agreement', description: 'Get one price list row by ID' },
			{ name: 'Get Changes', value: 'getChanges', action: 'Get changed price agreements', description: 'Get price agreements created, changed or deleted since the last run' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many price agreements', description: 'Get price list rows that match filters' },
		],
		'getMany',
	),
	{
		displayName: 'Price Agreement ID',
		name: 'priceAgreement',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: on('get') },
		placeholder: 'e.g. 5f1c3a2e-…',
		description: 'The ID of the price list row in Exact (price rows have no code)',
	},
	readOptions(on('get')),
	...returnAllOrLimit(on('getMany')),
	filtersCollection(on('getMany'), [
		{ displayName: 'Account ID', name: 'account', type: 'string', default: '', description: "Only this customer's agreements (the account's Exact ID)" },
		{ displayName: 'Item ID', name: 'item', type: 'string', default: '', description: 'Only rows of this item (its Exact ID)' },
		kindOption,
		modifiedSinceFilter('price list rows'),
		{ displayName: 'Valid On', name: 'validOn', type: 'dateTime', default: '', description: 'Only rows valid on this day (started, not ended)' },
	]),
	readOptions(on('getMany')),
	...changesParameters(on('getChanges'), 'price agreements', [
		{ ...kindOption, description: 'Which rows to hand out. Deletions are found for the rows handed out before.' },
	]),
	...confirmParameters(on('confirmChanges')),
];
