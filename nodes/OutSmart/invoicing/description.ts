/** The parameters of OutSmart's own invoicing: Invoice (Get Many) and Transaction (Get Many, Create From Exact Payment). */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, returnAllOrLimit } from '../../shared/descriptions';
import { filtersParameter } from '../../OutSmartApi/descriptions';

const invoiceShow = { resource: ['invoice'] };
const transactionShow = { resource: ['transaction'] };
const key = (value: string, name: string) => ({ name: `${name} (${value})`, value });

const INVOICE_KEYS = [
	key('inv_date', 'Invoice Date'),
	key('inv_id', 'Invoice ID'),
	key('inv_invoice_debtor_nr', 'Debtor Number'),
	key('inv_number_formatted', 'Formatted Number'),
	key('inv_number_numeric', 'Number'),
	key('inv_reference', 'Reference'),
	key('inv_status', 'Status (OPEN, PAYED, OVERDUE, ...)'),
	key('inv_timestamp_create', 'Created At'),
	key('inv_type', 'Type (DEBIT, CREDIT, CONCEPT_...)'),
];

const TRANSACTION_KEYS = [
	key('int_external_transaction_id', 'External Transaction ID'),
	key('int_inv_id', 'Invoice ID'),
	key('int_status', 'Status (NEW, PROCESSED)'),
	key('int_timestamp', 'Registered At'),
	key('int_type', 'Type'),
];

export const invoicingProperties: INodeProperties[] = [
	{
		...operationSelector(
			[{ name: 'Get Many', value: 'getMany', action: 'Get many invoices', description: 'List invoices made in OutSmart (facturen), optionally filtered' }],
			'getMany',
		),
		displayOptions: { show: invoiceShow },
	},
	...returnAllOrLimit({ ...invoiceShow, operation: ['getMany'] }),
	filtersParameter(
		{ ...invoiceShow, operation: ['getMany'] },
		INVOICE_KEYS,
		'Only invoices that match every filter, e.g. Type equals DEBIT and Invoice Date greater than or equal 2026-01-01',
	),
	{
		...operationSelector(
			[
				{
					name: 'Create From Exact Payment',
					value: 'createFromExactPayment',
					action: 'Record an Exact payment on an OutSmart invoice',
					description: 'Make OutSmart show an invoice booked in Exact as paid, once per payment',
				},
				{ name: 'Get Many', value: 'getMany', action: 'Get many transactions', description: 'List payments registered in OutSmart, optionally filtered' },
			],
			'createFromExactPayment',
		),
		displayOptions: { show: transactionShow },
	},
	...returnAllOrLimit({ ...transactionShow, operation: ['getMany'] }),
	filtersParameter({ ...transactionShow, operation: ['getMany'] }, TRANSACTION_KEYS, 'Only transactions that match every filter, e.g. Invoice ID equals 164'),
	{
		displayName: 'Payment',
		name: 'payment',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		displayOptions: { show: { ...transactionShow, operation: ['createFromExactPayment'] } },
		description:
			'The Exact payment term (openstaande post) of the sales entry, as Exact Online Payment → Invoice Payment Status gives it: InvoiceNumber, YourRef (the OutSmart invoice number), TransactionAmountDC, AmountDC, IsFullyPaid',
	},
	{
		displayName: 'Registered By',
		name: 'registeredBy',
		type: 'string',
		default: 'Exact Online',
		displayOptions: { show: { ...transactionShow, operation: ['createFromExactPayment'] } },
		description: 'Shown in OutSmart as who registered the payment (int_user)',
	},
];
