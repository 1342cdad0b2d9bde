import type { INodeProperties } from 'n8n-workflow';
import { changesParameters, confirmParameters, fieldsCollection, readOptions, returnAllOrLimit } from '../ExactOnline/entity/descriptions';
import { accountLocator } from '../ExactOnlineAccount/description';

const forResource = (resource: string, ...operation: string[]) => ({ resource: [resource], operation });

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'paymentCondition',
		options: [
			{ name: 'Invoice Payment Status', value: 'paymentStatus', description: 'Whether a sales invoice is paid, and what is still open' },
			{ name: 'Open Receivable', value: 'receivable', description: 'Amounts customers still have to pay (openstaande posten)' },
			{ name: 'Payment Condition', value: 'paymentCondition', description: 'Payment terms such as 14 or 30 days (betalingscondities)' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentCondition'] } },
		default: 'getMany',
		options: [
			{ name: 'Create', value: 'create', action: 'Create a payment condition' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many payment conditions' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['receivable'] } },
		default: 'getMany',
		options: [{ name: 'Get Many', value: 'getMany', action: 'Get many open receivables' }],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentStatus'] } },
		default: 'get',
		options: [
			{ name: 'Confirm Changes', value: 'confirmChanges', action: 'Confirm payment changes were processed' },
			{ name: 'Get', value: 'get', action: 'Get the payment status of an invoice' },
			{ name: 'Get Changes', value: 'getChanges', action: 'Get payment terms changed since the last run', description: 'Payments, due dates and paid status changed since the last run (sync endpoint)' },
		],
	},
	...returnAllOrLimit(forResource('paymentCondition', 'getMany')),
	readOptions(forResource('paymentCondition', 'getMany', 'create')),
	{ displayName: 'Code', name: 'code', type: 'string', default: '', required: true, displayOptions: { show: forResource('paymentCondition', 'create') }, placeholder: 'e.g. 30' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', required: true, displayOptions: { show: forResource('paymentCondition', 'create') }, placeholder: 'e.g. 30 dagen netto' },
	fieldsCollection('Additional Fields', forResource('paymentCondition', 'create'), [
			{ displayName: 'Discount Payment Days', name: 'DiscountPaymentDays', type: 'number', default: 0 },
			{ displayName: 'Discount Percentage', name: 'DiscountPercentage', type: 'number', default: 0, description: 'As a fraction: 0.02 is 2%' },
			{ displayName: 'Payment Days', name: 'PaymentDays', type: 'number', default: 30 },
			{ displayName: 'Payment Method', name: 'PaymentMethod', type: 'options', default: 'B', options: [
				{ name: 'Cash', value: 'K' },
				{ name: 'Credit Card', value: 'C' },
				{ name: 'Direct Debit (Incasso)', value: 'I' },
				{ name: 'On Credit (Bank Transfer)', value: 'B' },
			] },
		]),
	{
		...accountLocator('account', forResource('receivable', 'getMany')),
		required: false,
		description: 'Only the open items of this account; leave empty for all accounts',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: forResource('receivable', 'getMany') },
		options: [
			{ displayName: 'Invoice Number', name: 'invoiceNumber', type: 'number', default: 0, description: 'Only the open items of this sales invoice, e.g. 25700005' },
			{ displayName: 'Your Reference', name: 'yourRef', type: 'string', default: '', description: 'Only open items with this customer reference, e.g. the work order number' },
		],
	},
	...returnAllOrLimit(forResource('receivable', 'getMany')),
	readOptions(forResource('receivable', 'getMany')),
	{
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'number',
		default: 0,
		required: true,
		displayOptions: { show: forResource('paymentStatus', 'get') },
		description: 'The Exact sales invoice number, e.g. 25700005',
	},
	...changesParameters(forResource('paymentStatus', 'getChanges'), 'payment terms'),
	...confirmParameters(forResource('paymentStatus', 'confirmChanges')),
];
