import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../shared/descriptions';
import { confirmParameters } from '../ExactOnlineApi/operations/confirmChanges';
import { changesParameters } from '../ExactOnlineApi/operations/getChanges';
import { paymentConditionLocator } from '../ExactOnlineApi/operations/locate';
import { readOptions } from '../ExactOnlineApi/operations/output';
import { fieldsCollection } from '../ExactOnlineApi/operations/write';
import { documentGetManyParameters, documentGetOptions, documentNumberParameter } from '../ExactOnlineApi/operations/getDocument';
import { documentLinesParameter } from '../ExactOnlineApi/operations/writeDocument';
import { SALES_INVOICE_DOC } from '../ExactOnlineApi/entity/salesDocuments';
import { createFromWorkOrderProperties } from '../ExactOnlineApi/export/createFromWorkOrder.description';
import { accountLocator } from '../ExactOnlineAccount/description';

const on = (...operation: string[]) => ({ operation });

/** Get Many's filters besides the account. */
const INVOICE_FILTERS: INodeProperties[] = [
	{ displayName: 'Invoice Date From', name: 'dateFrom', type: 'dateTime', default: '', description: 'Only invoices dated on or after this day' },
	{ displayName: 'Invoice Date To', name: 'dateTo', type: 'dateTime', default: '', description: 'Only invoices dated on or before this day' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'any',
		description: 'Only invoices with this status',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Draft (Concept)', value: '10' },
			{ name: 'Open', value: '20' },
			{ name: 'Processed (Verwerkt)', value: '50' },
		],
	},
	{ displayName: 'Your Reference', name: 'yourRef', type: 'string', default: '', description: 'The customer reference, e.g. the work order number' },
];

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
	documentNumberParameter(SALES_INVOICE_DOC, 'invoice', on('get'), 'factuurnummer'),
	documentGetOptions(SALES_INVOICE_DOC, on('get')),
	...documentGetManyParameters(SALES_INVOICE_DOC, on('getMany'), 'Only invoices to this account', INVOICE_FILTERS),
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
	documentLinesParameter(SALES_INVOICE_DOC, on('create')),
	fieldsCollection('Additional Fields', on('create'), [
			{ displayName: 'Description', name: 'Description', type: 'string', default: '', description: 'Text at the top of the invoice' },
			{ displayName: 'Invoice Date', name: 'InvoiceDate', type: 'dateTime', default: '', description: 'Date of the invoice; Exact uses today when empty' },
			{ displayName: 'Ordered By Account ID', name: 'OrderedBy', type: 'string', default: '', description: 'When another account ordered the work; defaults to the invoice account' },
			paymentConditionLocator('PaymentCondition', "Leave empty to use the account's sales payment condition"),
			{ displayName: 'Remarks', name: 'Remarks', type: 'string', default: '', typeOptions: { rows: 3 }, description: 'Free text notes on the invoice' },
			{ displayName: 'Your Reference', name: 'YourRef', type: 'string', default: '', description: "The customer's reference, e.g. a work order or purchase order number" },
		]),
	readOptions(on('create')),
	...changesParameters(on('getChanges'), 'sales invoices'),
	...confirmParameters(on('confirmChanges')),
	...createFromWorkOrderProperties,
];
