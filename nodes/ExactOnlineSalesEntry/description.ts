import type { INodeProperties } from 'n8n-workflow';
import { operationSelector, type Show } from '../shared/descriptions';
import { paymentConditionLocator } from '../ExactOnlineApi/operations/locate';
import { readOptions } from '../ExactOnlineApi/operations/output';
import { fieldsCollection } from '../ExactOnlineApi/operations/write';
import { documentGetManyParameters, documentGetOptions, documentNumberParameter } from '../ExactOnlineApi/operations/getDocument';
import { SALES_ENTRY_DOC } from '../ExactOnlineApi/entity/salesDocuments';
import { accountLocator } from '../ExactOnlineAccount/description';

const on = (...operation: string[]) => ({ operation });

/** Get Many's filters besides the customer. */
const ENTRY_FILTERS: INodeProperties[] = [
	{ displayName: 'Entry Date From', name: 'dateFrom', type: 'dateTime', default: '', description: 'Only entries dated on or after this day' },
	{ displayName: 'Entry Date To', name: 'dateTo', type: 'dateTime', default: '', description: 'Only entries dated on or before this day' },
	{ displayName: 'Journal', name: 'journal', type: 'string', default: '', placeholder: 'e.g. 70', description: 'Only entries in this sales journal (its code)' },
	{ displayName: 'Your Reference', name: 'yourRef', type: 'string', default: '', description: 'The reference, e.g. the OutSmart invoice number (2026-00012)' },
];

function journalParameter(name: string, show: Show): INodeProperties {
	return {
		displayName: 'Journal Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSalesJournals' },
		default: '',
		required: true,
		displayOptions: { show },
		description: 'Sales journal (verkoopboek) to book in, e.g. 70. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

const entryLines: INodeProperties = {
	displayName: 'Lines',
	name: 'lines',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Line',
	default: {},
	required: true,
	displayOptions: { show: on('create') },
	description: 'The lines of the entry: an amount excluding VAT on a revenue account, with its VAT code',
	options: [
		{
			name: 'line',
			displayName: 'Line',
			values: [
				{ displayName: 'Amount', name: 'amount', type: 'number', default: 0, typeOptions: { numberPrecision: 2 }, description: 'Amount excluding VAT; negative for a credit' },
				{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Text of the line' },
				{ displayName: 'G/L Account ID', name: 'glAccount', type: 'string', default: '', placeholder: 'e.g. 5f1c3a2e-…', description: 'The revenue account (grootboekrekening) the line is booked on, by its ID' },
				{ displayName: 'VAT Code', name: 'vatCode', type: 'string', default: '', placeholder: 'e.g. 1', description: 'Exact VAT code of the line (btw-code); Exact computes the VAT amount' },
			],
		},
	],
};

export const properties: INodeProperties[] = [
	operationSelector(
		[
			{ name: 'Create', value: 'create', action: 'Create a sales entry', description: 'Book a sales invoice with lines in a sales journal' },
			{
				name: 'Create From OutSmart Invoice',
				value: 'createFromOutSmartInvoice',
				action: 'Book an OutSmart invoice as a sales entry',
				description: 'Book invoices made in OutSmart as sales entries, never twice',
			},
			{ name: 'Get', value: 'get', action: 'Get a sales entry', description: 'Get one entry by entry number or ID, with its lines' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many sales entries', description: 'Get entries that match filters' },
		],
		'getMany',
	),
	documentNumberParameter(SALES_ENTRY_DOC, 'entry', on('get'), 'boekstuknummer'),
	documentGetOptions(SALES_ENTRY_DOC, on('get')),
	...documentGetManyParameters(SALES_ENTRY_DOC, on('getMany'), 'Only entries of this customer', ENTRY_FILTERS),
	accountLocator('customer', on('create')),
	journalParameter('journal', on('create')),
	entryLines,
	fieldsCollection('Additional Fields', on('create'), [
		{ displayName: 'Description', name: 'Description', type: 'string', default: '', description: 'Text of the entry' },
		{ displayName: 'Due Date', name: 'DueDate', type: 'dateTime', default: '', description: "When it must be paid; Exact computes it from the payment condition when empty" },
		{ displayName: 'Entry Date', name: 'EntryDate', type: 'dateTime', default: '', description: 'Date of the invoice; Exact uses today when empty' },
		{ displayName: 'Entry Number', name: 'EntryNumber', type: 'number', default: 0, description: 'The invoice number (boekstuknummer); Exact refuses one that is taken in the journal. 0: Exact numbers it.' },
		paymentConditionLocator('PaymentCondition', "Leave empty to use the customer's sales payment condition"),
		{ displayName: 'Your Reference', name: 'YourRef', type: 'string', default: '', description: 'A reference, e.g. the invoice number of the system that made the invoice' },
	]),
	readOptions(on('create')),
	{
		displayName: 'Invoice',
		name: 'invoice',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		displayOptions: { show: on('createFromOutSmartInvoice') },
		description: 'The OutSmart invoice, as OutSmart → Invoice → Get Many gives it',
	},
	journalParameter('bookingJournal', on('createFromOutSmartInvoice')),
	{
		displayName: 'Entry Number From',
		name: 'entryNumberFrom',
		type: 'options',
		default: 'formatted',
		displayOptions: { show: on('createFromOutSmartInvoice') },
		description: "Which OutSmart number becomes the entry number (Exact's invoice number), the key that keeps an invoice from being booked twice",
		options: [
			{ name: 'Formatted Number Digits', value: 'formatted', description: '2026-00012 becomes 202600012: unique across years' },
			{ name: 'Numeric Number', value: 'numeric', description: "OutSmart's plain number, e.g. 12" },
		],
	},
	{
		displayName: 'Attach PDF',
		name: 'attachPdf',
		type: 'boolean',
		default: true,
		displayOptions: { show: on('createFromOutSmartInvoice') },
		description:
			"Whether to attach OutSmart's PDF of the invoice to the entry as a document (two more calls per invoice; an entry that has its document already is left alone)",
	},
	{
		displayName: 'Options',
		name: 'bookingOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: on('createFromOutSmartInvoice') },
		options: [
			{
				displayName: 'Default Revenue G/L Account ID',
				name: 'defaultGlAccount',
				type: 'string',
				default: '',
				description: "Revenue account for lines whose material or hour type is no item in Exact; empty: such an invoice is not booked. A line of a known item is booked on the item's revenue account.",
			},
			{
				displayName: 'Look Up Booked Invoices Again',
				name: 'recheckBooked',
				type: 'boolean',
				default: false,
				description:
					'Whether to look every invoice up in Exact again, also those an earlier run confirmed booked (which are skipped to save Exact calls). Turn on for one run after deleting an entry in Exact, so its invoice is booked again; then turn it off.',
			},
		],
	},
];
