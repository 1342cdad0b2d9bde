import type { INodeProperties } from 'n8n-workflow';
import { operationSelector, returnAllOrLimit } from '../shared/descriptions';
import { confirmParameters } from '../ExactOnlineApi/operations/confirmChanges';
import { changesParameters, maxPerRunOption } from '../ExactOnlineApi/operations/getChanges';
import { accountLocator, paymentConditionLocator } from '../ExactOnlineApi/operations/locate';
import { readOptions } from '../ExactOnlineApi/operations/output';
import { fieldsCollection } from '../ExactOnlineApi/operations/write';

const on = (...operation: string[]) => ({ operation });

export { accountLocator };

/** Account fields a user can set; names are Exact's own field names. */
const accountFields: INodeProperties[] = [
	{ displayName: 'Address Line 1', name: 'AddressLine1', type: 'string', default: '', placeholder: 'e.g. Dorpsstraat 12a', description: 'Street and house number of the visit address' },
	{ displayName: 'Address Line 2', name: 'AddressLine2', type: 'string', default: '', description: 'Second address line, e.g. a building or department' },
	{ displayName: 'Blocked', name: 'Blocked', type: 'boolean', default: false, description: 'Whether the account is blocked for new sales' },
	{ displayName: 'Chamber of Commerce (KvK)', name: 'ChamberOfCommerce', type: 'string', default: '', description: 'Chamber of Commerce registration number (KvK-nummer)' },
	{ displayName: 'City', name: 'City', type: 'string', default: '', placeholder: "e.g. 's-Hertogenbosch", description: 'City of the visit address' },
	{ displayName: 'Code', name: 'Code', type: 'string', default: '', description: 'Leave empty to let Exact number the account' },
	{ displayName: 'Country', name: 'Country', type: 'string', default: '', placeholder: 'e.g. NL', description: 'ISO country code' },
	{ displayName: 'Email', name: 'Email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Main email address of the relation' },
	{ displayName: 'Is Supplier', name: 'IsSupplier', type: 'boolean', default: false, description: 'Whether the account is also a supplier (crediteur)' },
	paymentConditionLocator('PaymentConditionSales', 'Sales payment condition (betalingsconditie)'),
	{ displayName: 'Phone', name: 'Phone', type: 'string', default: '', description: 'Main phone number of the relation' },
	{ displayName: 'Postcode', name: 'Postcode', type: 'string', default: '', placeholder: 'e.g. 5211 AB', description: 'Postal code of the visit address' },
	{ displayName: 'Remarks', name: 'Remarks', type: 'string', default: '', typeOptions: { rows: 3 }, description: 'Free text notes on the relation' },
	{
		displayName: 'Status',
		name: 'Status',
		type: 'options',
		default: 'C',
		description: 'Relation type in Exact',
		options: [
			{ name: 'Customer', value: 'C' },
			{ name: 'None', value: 'A' },
			{ name: 'Prospect', value: 'P' },
			{ name: 'Suspect', value: 'S' },
		],
	},
	{ displayName: 'VAT Number', name: 'VATNumber', type: 'string', default: '', placeholder: 'e.g. NL001234567B01', description: 'VAT identification number (btw-nummer)' },
	{ displayName: 'Website', name: 'Website', type: 'string', default: '', description: 'Web address of the relation' },
];

/** Exact's account Status (C, A, P, S), and IsSupplier, which is not a status. */
const relationTypeOptions = [
	{ name: 'Customer', value: 'C' },
	{ name: 'None', value: 'A' },
	{ name: 'Prospect', value: 'P' },
	{ name: 'Supplier', value: 'supplier' },
	{ name: 'Suspect', value: 'S' },
];

export const properties: INodeProperties[] = [
	operationSelector(
		[
			{ name: 'Confirm Changes', value: 'confirmChanges', action: 'Confirm account changes were processed', description: 'Make the position of a Get Changes step with Confirm Later final' },
			{ name: 'Confirm Contact Changes', value: 'confirmContactChanges', action: 'Confirm contact changes were processed', description: 'Make the position of a Get Contact Changes step with Confirm Later final' },
			{ name: 'Create', value: 'create', action: 'Create an account', description: 'Create a relation' },
			{ name: 'Get', value: 'get', action: 'Get an account', description: 'Get one relation by ID or code' },
			{ name: 'Get Changes', value: 'getChanges', action: 'Get changed accounts', description: 'Get relations created, changed or deleted since the last run' },
			{ name: 'Get Contact Changes', value: 'getContactChanges', action: 'Get changed contacts', description: 'Get contact persons created, changed or deleted since the last run, with their account code' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many accounts', description: 'Get relations that match filters' },
			{ name: 'Update', value: 'update', action: 'Update an account', description: 'Change fields of a relation' },
		],
		'getMany',
	),
	accountLocator('account', on('get', 'update')),
	readOptions(on('get'), [
		{
			displayName: 'Include Addresses',
			name: 'includeAddresses',
			type: 'boolean',
			default: false,
			description: 'Whether to add the addresses of the account (visit, invoice, delivery; one extra call)',
		},
		{
			displayName: 'Include Contacts',
			name: 'includeContacts',
			type: 'boolean',
			default: false,
			description: 'Whether to add the contact persons of the account (one extra call)',
		},
	]),
	...returnAllOrLimit(on('getMany')),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: on('getMany') },
		options: [
			{
				displayName: 'Blocked',
				name: 'blocked',
				type: 'options',
				default: 'any',
				description: 'Whether to return blocked accounts, the others, or both',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Only Blocked', value: 'blocked' },
					{ name: 'Only Not Blocked', value: 'notBlocked' },
				],
			},
			{ displayName: 'City', name: 'city', type: 'string', default: '', description: 'Only accounts in this city (the whole name)' },
			{ displayName: 'Code', name: 'code', type: 'string', default: '', description: 'Exact account code, e.g. 1001' },
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '', description: 'Only accounts changed at or after this moment' },
			{ displayName: 'Name Contains', name: 'nameContains', type: 'string', default: '', description: "Only accounts whose name contains this text; quotes such as 't Hoekje are safe" },
			{
				displayName: 'Types',
				name: 'types',
				type: 'multiOptions',
				default: [],
				description: 'Any of these relation types',
				options: relationTypeOptions,
			},
		],
	},
	readOptions(on('getMany')),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: on('create') },
		placeholder: "e.g. Bakkerij 't Hoekje",
		description: 'Name of the new relation',
	},
	fieldsCollection('Additional Fields', on('create'), accountFields),
	readOptions(on('create')),
	fieldsCollection('Update Fields', on('update'), [{ displayName: 'Name', name: 'Name', type: 'string', default: '', description: 'New name of the relation' }, ...accountFields]),
	...changesParameters(on('getChanges'), 'accounts', [
		{
			displayName: 'Relation Types',
			name: 'types',
			type: 'multiOptions',
			default: [],
			description:
				'Only accounts of these types (none chosen: every account). Deletions come for every type: Exact names only the ID of a deleted account. Choosing here rather than in a Filter node after this one saves n8n an expression per account, which counts on a first read of thousands.',
			options: relationTypeOptions,
		},
		maxPerRunOption,
	]),
	...changesParameters(on('getContactChanges'), 'contacts', [maxPerRunOption]),
	...confirmParameters(on('confirmChanges', 'confirmContactChanges')),
];
