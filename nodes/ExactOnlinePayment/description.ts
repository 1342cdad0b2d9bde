import type { INodeProperties } from 'n8n-workflow';
import { confirmParameters } from '../ExactOnlineApi/operations/confirmChanges';
import { changesParameters } from '../ExactOnlineApi/operations/getChanges';
import { readOptions } from '../ExactOnlineApi/operations/output';
import { fieldsCollection } from '../ExactOnlineApi/operations/write';
import { returnAllOrLimit } from '../shared/descriptions';
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
			{
				name: 'Customer Balance',
				value: 'customerBalance',
				description: 'Per customer: its payment condition, what it still owes and how much of that is overdue',
			},
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
			{ name: 'Create', value: 'create', action: 'Create a payment condition', description: 'Add a payment condition to the administration' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many payment conditions', description: 'List the payment conditions of the administration' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['receivable'] } },
		default: 'getMany',
		options: [{ name: 'Get Many', value: 'getMany', action: 'Get many open receivables', description: 'List what customers still owe, for all accounts or one' }],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentStatus'] } },
		default: 'get',
		options: [
			{ name: 'Confirm Changes', value: 'confirmChanges', action: 'Confirm payment changes were processed', description: 'Make the position of a Get Changes step with Confirm Later final' },
			{ name: 'Get', value: 'get', action: 'Get the payment status of an invoice', description: 'Whether one sales invoice is paid, by its invoice number (one call)' },
			{ name: 'Get Changes', value: 'getChanges', action: 'Get payment terms changed since the last run', description: 'Payments, due dates and paid status changed since the last run (sync endpoint)' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customerBalance'] } },
		default: 'getChanges',
		options: [
			{ name: 'Confirm Changes', value: 'confirmChanges', action: 'Confirm customer balance changes were processed', description: 'Make the position of a Get Changes step with Confirm Later final' },
			{
				name: 'Get Changes',
				value: 'getChanges',
				action: 'Get customers whose balance or payment condition changed',
				description: 'Customers whose open amount, overdue amount or payment condition changed since the last run, including those who paid everything',
			},
			{ name: 'Get Many', value: 'getMany', action: 'Get the balance of customers', description: 'Every customer with something open now, or one account' },
		],
	},
	{
		...accountLocator('account', forResource('customerBalance', 'getMany')),
		required: false,
		description: 'Only this account (also when it owes nothing); leave empty for every customer with something open',
	},
	{
		displayName:
			'One item per customer whose balance or payment condition changed since the last run (the first run: every customer). A customer that paid everything comes once more with Open Amount 0, so what a flow showed can be cleared. The position is kept in the workflow\'s static data (saved for active and scheduled runs, not manual test runs).',
		name: 'balanceNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: forResource('customerBalance', 'getChanges') },
	},
	{
		displayName: 'Sync Name',
		name: 'syncName',
		type: 'string',
		default: 'default',
		displayOptions: { show: forResource('customerBalance', 'getChanges') },
		description: 'Names what this step remembers. Use a different name for each flow; Confirm Changes must use the same name.',
	},
	...confirmParameters(forResource('customerBalance', 'confirmChanges')),
	{
		displayName: 'Options',
		name: 'balanceOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: forResource('customerBalance', 'getChanges') },
		options: [
			{
				displayName: 'Confirm Later',
				name: 'confirmLater',
				type: 'boolean',
				default: false,
				description:
					'Whether to keep the position until a Confirm Changes step at the end of the flow succeeds. Then a run that fails half-way hands out the same customers again next time.',
			},
			{
				displayName: 'Start From Scratch',
				name: 'startOver',
				type: 'boolean',
				default: false,
				description: 'Whether to forget what was handed out and return every customer again',
			},
		],
	},
	...returnAllOrLimit(forResource('paymentCondition', 'getMany')),
	readOptions(forResource('paymentCondition', 'getMany', 'create')),
	{ displayName: 'Code', name: 'code', type: 'string', default: '', required: true, displayOptions: { show: forResource('paymentCondition', 'create') }, placeholder: 'e.g. 30', description: 'Code of the new payment condition, unique in the administration' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', required: true, displayOptions: { show: forResource('paymentCondition', 'create') }, placeholder: 'e.g. 30 dagen netto', description: 'Name of the payment condition as it shows on invoices' },
	fieldsCollection('Additional Fields', forResource('paymentCondition', 'create'), [
			{ displayName: 'Discount Payment Days', name: 'DiscountPaymentDays', type: 'number', default: 0, description: 'Days within which the customer gets the payment discount' },
			{ displayName: 'Discount Percentage', name: 'DiscountPercentage', type: 'number', default: 0, description: 'As a fraction: 0.02 is 2%' },
			{ displayName: 'Payment Days', name: 'PaymentDays', type: 'number', default: 30, description: 'Days after the invoice date the payment is due' },
			{ displayName: 'Payment Method', name: 'PaymentMethod', type: 'options', default: 'B', description: 'How customers with this condition pay', options: [
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
