import type { INodeProperties } from 'n8n-workflow';
import { operationSelector, sortedByName } from '../shared/descriptions';
import { confirmParameters } from '../ExactOnlineApi/operations/confirmChanges';
import { changesParameters } from '../ExactOnlineApi/operations/getChanges';
import { documentGetManyParameters, documentGetOptions, documentNumberParameter, includeAccountsOption } from '../ExactOnlineApi/operations/getDocument';
import { paymentConditionLocator } from '../ExactOnlineApi/operations/locate';
import { readOptions } from '../ExactOnlineApi/operations/output';
import { fieldsCollection } from '../ExactOnlineApi/operations/write';
import { documentLinesParameter, lineChangeParameters } from '../ExactOnlineApi/operations/writeDocument';
import { QUOTATION_DOC } from '../ExactOnlineApi/entity/salesDocuments';
import { accountLocator } from '../ExactOnlineAccount/description';

const on = (...operation: string[]) => ({ operation });

/** Header fields a user can set on create and update; names are Exact's own. */
const headerFields: INodeProperties[] = [
	{ displayName: 'Closing Date', name: 'ClosingDate', type: 'dateTime', default: '', description: 'Until when the offer stands (geldig tot); defaults to 30 days after the quotation date' },
	{ displayName: 'Delivery Date', name: 'DeliveryDate', type: 'dateTime', default: '', description: 'When the work or goods would be delivered' },
	{ displayName: 'Description', name: 'Description', type: 'string', default: '', description: 'What the quotation is about' },
	paymentConditionLocator('PaymentCondition', "Leave empty to use the account's sales payment condition"),
	{ displayName: 'Quotation Date', name: 'QuotationDate', type: 'dateTime', default: '', description: 'Defaults to today' },
	{ displayName: 'Remarks', name: 'Remarks', type: 'string', default: '', typeOptions: { rows: 3 }, description: 'Remarks (opmerkingen)' },
	{ displayName: 'Your Reference', name: 'YourRef', type: 'string', default: '', description: "The customer's reference" },
];

/** Accounts other than the one the quotation is for: set when it is made. */
const createOnlyFields: INodeProperties[] = [
	{ displayName: 'Delivery Account ID', name: 'DeliveryAccount', type: 'string', default: '', description: 'When the work is for another account; defaults to the quotation account' },
	{ displayName: 'Invoice Account ID', name: 'InvoiceAccount', type: 'string', default: '', description: 'When another account pays; defaults to the quotation account' },
];


export const DATE_FIELDS = ['ClosingDate', 'DeliveryDate', 'QuotationDate'];

/** Exact's quotation statuses, by name. */
const STATUS_OPTIONS = [
	{ name: 'Accepted (Geaccepteerd)', value: '50' },
	{ name: 'Draft (Concept)', value: '20' },
	{ name: 'Open', value: '25' },
	{ name: 'Printed (Afgedrukt)', value: '40' },
	{ name: 'Processing (In Behandeling)', value: '35' },
	{ name: 'Rejected (Afgewezen)', value: '5' },
	{ name: 'Reviewed and Closed', value: '6' },
];

/** Get Changes' own options: only some statuses (e.g. accepted, to plan the work), and the accounts. */
const CHANGES_OPTIONS: INodeProperties[] = [
	includeAccountsOption(QUOTATION_DOC),
	{
		displayName: 'Only Statuses',
		name: 'statuses',
		type: 'multiOptions',
		default: [],
		description: 'Hand out only quotations that have one of these statuses now, e.g. Accepted to plan the work; none chosen: all',
		options: STATUS_OPTIONS,
	},
	{
		displayName: 'Header Only for OutSmart Quotations',
		name: 'outSmartHeaderOnly',
		type: 'boolean',
		default: true,
		description:
			'Whether quotations made from an OutSmart quotation (Your Reference "OutSmart (number)") come without lines and accounts. The OutSmart node skips them (OutSmart plans that work from its own quotation), so reading their lines, items and accounts would only cost Exact calls. Turn off to have them in full.',
	},
];

/** Get Many's filters besides the account. */
const QUOTATION_FILTERS: INodeProperties[] = [
	{ displayName: 'Description Contains', name: 'descriptionContains', type: 'string', default: '', description: 'Only quotations whose description contains this text (not case-sensitive)' },
	{ displayName: 'Quotation Date From', name: 'dateFrom', type: 'dateTime', default: '', description: 'Quotations dated on or after this moment' },
	{ displayName: 'Quotation Date To', name: 'dateTo', type: 'dateTime', default: '', description: 'Quotations dated on or before this moment' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'any',
		description: 'Where the quotation stands',
		options: [...STATUS_OPTIONS, { name: 'Any', value: 'any' }].sort((a, b) => a.name.localeCompare(b.name)),
	},
	{ displayName: 'Your Reference', name: 'yourRef', type: 'string', default: '', description: "The customer's reference" },
];

export const properties: INodeProperties[] = [
	operationSelector(
		[
			{ name: 'Accept', value: 'accept', action: 'Accept a quotation', description: 'Mark a quotation accepted (geaccepteerd), optionally with the sales order Exact makes from it' },
			{ name: 'Confirm Changes', value: 'confirmChanges', action: 'Confirm quotation changes were processed', description: 'Make the position of a Get Changes step with Confirm Later final' },
			{ name: 'Create', value: 'create', action: 'Create a quotation', description: 'Create a quotation (offerte) with lines' },
			{
				name: 'Create From OutSmart Quotation',
				value: 'createFromOutSmart',
				action: 'Create a quotation from an OutSmart quotation',
				description: 'Make an OutSmart quotation an Exact quotation once (Your Reference "OutSmart (number)"), and accept it when it was accepted in OutSmart',
			},
			{ name: 'Get', value: 'get', action: 'Get a quotation', description: 'Get one quotation by number or ID, with its lines' },
			{ name: 'Get Changes', value: 'getChanges', action: 'Get changed quotations', description: 'Get quotations created, changed or deleted since the last run, with their lines' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many quotations', description: 'Get quotations that match filters' },
			{ name: 'Reject', value: 'reject', action: 'Reject a quotation', description: 'Mark a quotation rejected (afgewezen)' },
			{ name: 'Update', value: 'update', action: 'Update a quotation', description: 'Change the header and lines of a quotation' },
		],
		'getMany',
	),
	documentNumberParameter(QUOTATION_DOC, 'quotation', on('get', 'update', 'accept', 'reject'), 'offertenummer'),
	documentGetOptions(QUOTATION_DOC, on('get')),
	{
		displayName: 'Options',
		name: 'acceptOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: on('accept') },
		options: [
			{
				displayName: 'Create Sales Order',
				name: 'createSalesOrder',
				type: 'boolean',
				default: false,
				description: 'Whether Exact makes a sales order from the quotation (its accounts, terms and non-optional lines); the output then holds the order',
			},
			{
				displayName: 'Order Reference',
				name: 'orderReference',
				type: 'string',
				default: '',
				description: "Your Reference of the new sales order; defaults to the quotation's Your Reference",
			},
		],
	},
	...documentGetManyParameters(QUOTATION_DOC, on('getMany'), 'Only quotations for this account', QUOTATION_FILTERS),
	{ ...accountLocator('orderAccount', on('create')), description: 'The account the quotation is for (offerte aan)' },
	documentLinesParameter(QUOTATION_DOC, on('create')),
	fieldsCollection('Additional Fields', on('create'), sortedByName([...headerFields, ...createOnlyFields])),
	readOptions(on('create')),
	fieldsCollection('Update Fields', on('update'), headerFields),
	...lineChangeParameters(QUOTATION_DOC, on('update')),
	{
		displayName: 'OutSmart Quotation',
		name: 'outSmartQuotation',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		displayOptions: { show: on('createFromOutSmart') },
		description:
			'The quotation as the OutSmart node outputs it (Quotation → Get Many). Its debtor number is the Exact account code, its material or hour type codes the item codes. Made once: a later run finds it by Your Reference "OutSmart (number)"; accepted in Exact when OutSmart says ACCEPTED or EXECUTED, never twice.',
	},
	...changesParameters(on('getChanges'), 'quotations', CHANGES_OPTIONS),
	...confirmParameters(on('confirmChanges')),
];
