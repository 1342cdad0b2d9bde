import type { INodeProperties } from 'n8n-workflow';
import { operationSelector, returnAllOrLimit } from '../shared/descriptions';
import { confirmParameters } from '../ExactOnlineApi/operations/confirmChanges';
import { changesParameters } from '../ExactOnlineApi/operations/getChanges';
import { paymentConditionLocator } from '../ExactOnlineApi/operations/locate';
import { readOptions } from '../ExactOnlineApi/operations/output';
import { fieldsCollection } from '../ExactOnlineApi/operations/write';
import { createFromWorkOrderProperties } from '../ExactOnlineApi/export/createFromWorkOrder.description';
import { accountLocator } from '../ExactOnlineAccount/description';

const on = (...operation: string[]) => ({ operation });

const includeLines: INodeProperties = {
	displayName: 'Include Lines',
	name: 'includeLines',
	type: 'boolean',
	default: true,
	description: 'Whether to add the invoice lines (one extra call per invoice)',
};

export const properties: INodeProperties[] = [
	operationSelector(
		[
			{ name: 'Confirm Changes', value: 'confirmChanges', action: 'Confirm sales invoice changes were processed', description: 'Make the position of a Get Changes step with Confirm Later final' },
			{ name: 'Create', value: 'create', action: 'Create a sales invoice', description: 'Create a draft sales invoice with lines' },
			{
				name: 'Create From OutSmart Work Order',
				value: 'createFromWorkOrder',
				action: 'Create a sales invoice from an OutSmart work order',
				description: 'Export a completed work order as a draft sales invoice or a sales order, never twice',
			},
			{ name: 'Get', value: 'get', action: 'Get a sales invoice', description: 'Get one invoice by ID or invoice number' },
			{ name: 'Get Changes', value: 'getChanges', action: 'Get changed sales invoices', description: 'Get invoices created, changed or deleted since the last run, with their lines' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many sales invoices', description: 'Get invoices that match filters' },
		],
		'getMany',
	),
	{
		displayName: 'Invoice ID or Number',
		name: 'invoice',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: on('get') },
		placeholder: 'e.g. 25700001 or 3fa85f64-5717-4562-b3fc-2c963f66afa6',
		description: 'The invoice number (factuurnummer) or the InvoiceID',
	},
	readOptions(on('get'), [includeLines]),
	...returnAllOrLimit(on('getMany')),
	{
		...accountLocator('account', on('getMany')),
		required: false,
		description: 'Only invoices to this account',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: on('getMany') },
		options: [
			{ displayName: 'Invoice Date From', name: 'dateFrom', type: 'dateTime', default: '' },
			{ displayName: 'Invoice Date To', name: 'dateTo', type: 'dateTime', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'any',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Draft (Concept)', value: '10' },
					{ name: 'Open', value: '20' },
					{ name: 'Processed (Verwerkt)', value: '50' },
				],
			},
			{ displayName: 'Your Reference', name: 'yourRef', type: 'string', default: '', description: 'The customer reference, e.g. the work order number' },
		],
	},
	readOptions(on('getMany')),
	accountLocator('invoiceTo', on('create')),
	{
		displayName: 'Journal Name or ID',
		name: 'journal',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSalesJournals' },
		default: '',
		required: true,
		displayOptions: { show: on('create') },
		description: 'Sales journal (verkoopboek), e.g. 70. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		required: true,
		displayOptions: { show: on('create') },
		options: [
			{
				name: 'line',
				displayName: 'Line',
				values: [
					{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Leave empty to use the item description' },
					{ displayName: 'Item Code or ID', name: 'item', type: 'string', default: '', placeholder: 'e.g. CV-KETEL-01' },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1 },
					{ displayName: 'Unit Price', name: 'unitPrice', type: 'number', default: 0, description: 'Price per unit excluding VAT; 0 uses the item price in Exact' },
					{ displayName: 'VAT Code', name: 'vatCode', type: 'string', default: '', description: 'Leave empty to use the item VAT code' },
				],
			},
		],
	},
	fieldsCollection('Additional Fields', on('create'), [
			{ displayName: 'Description', name: 'Description', type: 'string', default: '' },
			{ displayName: 'Invoice Date', name: 'InvoiceDate', type: 'dateTime', default: '' },
			{ displayName: 'Ordered By Account ID', name: 'OrderedBy', type: 'string', default: '', description: 'When another account ordered the work; defaults to the invoice account' },
			paymentConditionLocator('PaymentCondition', "Leave empty to use the account's sales payment condition"),
			{ displayName: 'Remarks', name: 'Remarks', type: 'string', default: '', typeOptions: { rows: 3 } },
			{ displayName: 'Your Reference', name: 'YourRef', type: 'string', default: '' },
		]),
	readOptions(on('create')),
	...changesParameters(on('getChanges'), 'sales invoices'),
	...confirmParameters(on('confirmChanges')),
	...createFromWorkOrderProperties,
];
