import type { INodeProperties } from 'n8n-workflow';
import { filtersCollection, modifiedSinceFilter, operationSelector, returnAllOrLimit } from '../shared/descriptions';
import { confirmParameters } from '../ExactOnlineApi/operations/confirmChanges';
import { changesParameters } from '../ExactOnlineApi/operations/getChanges';
import { readOptions } from '../ExactOnlineApi/operations/output';
import { recordLocator } from '../ExactOnlineApi/operations/locate';
import { fieldsCollection as recordFields } from '../ExactOnlineApi/operations/write';
import { itemLocator } from '../ExactOnlineItem/description';

const on = (...operation: string[]) => ({ operation });

/** Customer agreements, default prices, or both: a row's Account tells them apart. */
const kindOption: INodeProperties = {
	displayName: 'Kind',
	name: 'kind',
	type: 'options',
	default: 'customer',
	description: 'Which rows of the price list: agreed customer prices, default prices, or both',
	options: [
		{ name: 'Any', value: 'any', description: 'Customer agreements and default prices' },
		{ name: 'Customer Agreements Only', value: 'customer', description: 'Rows with a customer (account): agreed prices' },
		{ name: 'Default Prices Only', value: 'default', description: 'Rows without a customer: the price everyone pays' },
	],
};

/** The dates and quantity of a price list row (Exact's own field names). */
function agreementFields(): INodeProperties[] {
	return [
		{ displayName: 'End Date', name: 'EndDate', type: 'dateTime', default: '', description: 'The last day the price applies; empty: no end' },
		{ displayName: 'Quantity', name: 'Quantity', type: 'number', default: 0, description: 'From this quantity on (staffelprijs); 0 for any quantity' },
		{ displayName: 'Start Date', name: 'StartDate', type: 'dateTime', default: '', description: 'The first day the price applies; empty: from always' },
	];
}

export const properties: INodeProperties[] = [
	operationSelector(
		[
			{ name: 'Create', value: 'create', action: 'Create a price agreement', description: "Add a customer's agreed price (or a default price) for an item" },
			{ name: 'Delete', value: 'delete', action: 'Delete a price agreement', description: 'Delete a price list row by ID' },
			{ name: 'Update', value: 'update', action: 'Update a price agreement', description: 'Change the price or dates of a price list row' },
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
		displayOptions: { show: on('get', 'update', 'delete') },
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
	recordLocator({
		displayName: 'Customer',
		name: 'account',
		show: on('create'),
		description: "The customer whose agreed price this is (klant); leave empty for the item's default price",
		searchListMethod: 'searchAccounts',
		codePlaceholder: 'e.g. 1001',
		codeHint: 'The account code as users know it; the 18-character padding is added for you',
	}),
	itemLocator('item', on('create')),
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { numberPrecision: 2 },
		displayOptions: { show: on('create') },
		description: 'The price per unit, excluding VAT',
	},
	recordFields('Additional Fields', on('create'), agreementFields()),
	recordFields('Update Fields', on('update'), [
		{ displayName: 'Price', name: 'Price', type: 'number', default: 0, typeOptions: { numberPrecision: 2 }, description: 'The price per unit, excluding VAT' },
		...agreementFields(),
	]),
	...changesParameters(on('getChanges'), 'price agreements', [
		{ ...kindOption, description: 'Which rows to hand out. Deletions are found for the rows handed out before.' },
	]),
	...confirmParameters(on('confirmChanges')),
];
