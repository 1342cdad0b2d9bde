import type { INodeProperties } from 'n8n-workflow';
import { operationSelector, sortedByName } from '../shared/descriptions';
import { confirmParameters } from '../ExactOnlineApi/operations/confirmChanges';
import { changesParameters } from '../ExactOnlineApi/operations/getChanges';
import { documentGetManyParameters, documentGetOptions, documentNumberParameter, includeAccountsOption } from '../ExactOnlineApi/operations/getDocument';
import { paymentConditionLocator } from '../ExactOnlineApi/operations/locate';
import { readOptions } from '../ExactOnlineApi/operations/output';
import { fieldsCollection } from '../ExactOnlineApi/operations/write';
import { documentLinesParameter, lineChangeParameters } from '../ExactOnlineApi/operations/writeDocument';
import { SALES_ORDER_DOC } from '../ExactOnlineApi/entity/salesDocuments';
import { accountLocator } from '../ExactOnlineAccount/description';
import { returnToOrderProperties } from '../ExactOnlineApi/export/returnToOrder.description';

const on = (...operation: string[]) => ({ operation });

/** Exact's progress codes, the same for Status, DeliveryStatus and InvoiceStatus. */
const progressOptions = (cancelled: boolean) => [
	{ name: 'Any', value: 'any' },
	...(cancelled ? [{ name: 'Cancelled (Geannuleerd)', value: '45' }] : []),
	{ name: 'Complete (Afgehandeld)', value: '21' },
	{ name: 'Open', value: '12' },
	{ name: 'Partial (Gedeeltelijk)', value: '20' },
];

/** Header fields a user can set on create and update; names are Exact's own. */
const headerFields: INodeProperties[] = [
	{ displayName: 'Delivery Address ID', name: 'DeliveryAddress', type: 'string', default: '', description: 'The address (crm/Addresses ID) to deliver to; defaults to the account address' },
	{ displayName: 'Delivery Date', name: 'DeliveryDate', type: 'dateTime', default: '', description: 'Planned delivery date (leverdatum), in Dutch time' },
	{ displayName: 'Description', name: 'Description', type: 'string', default: '', description: 'What the order is about' },
	{ displayName: 'Order Date', name: 'OrderDate', type: 'dateTime', default: '', description: 'Defaults to today' },
	paymentConditionLocator('PaymentCondition', "Leave empty to use the account's sales payment condition"),
	{ displayName: 'Remarks', name: 'Remarks', type: 'string', default: '', typeOptions: { rows: 3 }, description: 'Internal remarks (opmerkingen)' },
	{ displayName: 'Your Reference', name: 'YourRef', type: 'string', default: '', description: "The customer's reference, e.g. their purchase order number" },
];

/** Accounts other than the ordering one: set when the order is made. */
const createOnlyFields: INodeProperties[] = [
	{ displayName: 'Deliver To Account ID', name: 'DeliverTo', type: 'string', default: '', description: 'When the goods go to another account; defaults to the ordering account' },
	{ displayName: 'Invoice To Account ID', name: 'InvoiceTo', type: 'string', default: '', description: 'When another account pays; defaults to the ordering account' },
];


export const DATE_FIELDS = ['DeliveryDate', 'OrderDate'];

/** Get Many's filters besides the account. */
const ORDER_FILTERS: INodeProperties[] = [
	{ displayName: 'Delivery Date From', name: 'deliveryDateFrom', type: 'dateTime', default: '', description: 'Orders to deliver on or after this day' },
	{ displayName: 'Delivery Date To', name: 'deliveryDateTo', type: 'dateTime', default: '', description: 'Orders to deliver on or before this day' },
	{ displayName: 'Delivery Status', name: 'deliveryStatus', type: 'options', default: 'any', options: progressOptions(false), description: 'How much of the order was delivered' },
	{ displayName: 'Description Contains', name: 'descriptionContains', type: 'string', default: '', placeholder: 'e.g. #outsmart', description: 'Only orders whose description contains this text (not case-sensitive), e.g. a tag' },
	{ displayName: 'Invoice Status', name: 'invoiceStatus', type: 'options', default: 'any', options: progressOptions(false), description: 'How much of the order was invoiced' },
	{ displayName: 'Order Date From', name: 'dateFrom', type: 'dateTime', default: '', description: 'Orders dated on or after this day' },
	{ displayName: 'Order Date To', name: 'dateTo', type: 'dateTime', default: '', description: 'Orders dated on or before this day' },
	{ displayName: 'Status', name: 'status', type: 'options', default: 'any', options: progressOptions(true), description: 'The order status: open, partial, complete (delivered and invoiced) or cancelled' },
	{ displayName: 'Your Reference', name: 'yourRef', type: 'string', default: '', description: "The customer's reference" },
];

export const properties: INodeProperties[] = [
	operationSelector(
		[
			{ name: 'Confirm Changes', value: 'confirmChanges', action: 'Confirm sales order changes were processed', description: 'Make the position of a Get Changes step with Confirm Later final' },
			{ name: 'Create', value: 'create', action: 'Create a sales order', description: 'Create a sales order with lines' },
			{ name: 'Get', value: 'get', action: 'Get a sales order', description: 'Get one order by order number or ID, with its lines' },
			{ name: 'Get Changes', value: 'getChanges', action: 'Get changed sales orders', description: 'Get orders created, changed or deleted since the last run, with their lines' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many sales orders', description: 'Get orders that match filters' },
			{ name: 'Update', value: 'update', action: 'Update a sales order', description: 'Change the header and lines of an order' },
			{
				name: 'Update From OutSmart Work Order',
				value: 'updateFromWorkOrder',
				action: 'Update a sales order from an OutSmart work order',
				description: 'Set the order made into a work order to what was used, then deliver and/or invoice it, never twice',
			},
		],
		'getMany',
	),
	documentNumberParameter(SALES_ORDER_DOC, 'order', on('get', 'update'), 'ordernummer'),
	documentGetOptions(SALES_ORDER_DOC, on('get')),
	...documentGetManyParameters(SALES_ORDER_DOC, on('getMany'), 'Only orders of this account (ordered by)', ORDER_FILTERS),
	{ ...accountLocator('orderedBy', on('create')), description: 'The customer who orders (besteld door); also the invoice and delivery account unless set' },
	documentLinesParameter(SALES_ORDER_DOC, on('create')),
	fieldsCollection('Additional Fields', on('create'), sortedByName([...headerFields, ...createOnlyFields])),
	readOptions(on('create')),
	fieldsCollection('Update Fields', on('update'), headerFields),
	...lineChangeParameters(SALES_ORDER_DOC, on('update')),
	...changesParameters(on('getChanges'), 'sales orders', [includeAccountsOption(SALES_ORDER_DOC)]),
	...confirmParameters(on('confirmChanges')),
	...returnToOrderProperties,
];
