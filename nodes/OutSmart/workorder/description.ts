/** The parameters of the Work Order resource. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, returnAllOrLimit } from '../../shared/descriptions';
import { filtersParameter, madeInOption, outSmartOutputOption } from '../../OutSmartApi/descriptions';

const on = (...operation: string[]) => ({ resource: ['workorder'], operation });

const EXPRESSION_HINT = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

const workorderLocator: INodeProperties = {
	displayName: 'Work Order',
	name: 'workorder',
	type: 'resourceLocator',
	default: { mode: 'workorderNo', value: '' },
	required: true,
	displayOptions: { show: on('get', 'update', 'markHandled', 'setWorkStatus') },
	description: 'The work order (werkbon), by the number it was created with or by OutSmart\'s row ID',
	modes: [
		{
			displayName: 'By Number',
			name: 'workorderNo',
			type: 'string',
			placeholder: 'e.g. WO-2026-0004',
			hint: 'The WorkorderNo it was created with',
		},
		{
			displayName: 'By Row ID',
			name: 'rowId',
			type: 'string',
			placeholder: 'e.g. 169827',
			hint: 'The "id" in OutSmart\'s output',
			validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Not an OutSmart row ID (a whole number)' } }],
		},
	],
};

const workStatusField = (name: string, show: Record<string, string[]>, required: boolean, description: string): INodeProperties => ({
	displayName: 'Work Status Name or ID',
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: required ? 'getWorkStatuses' : 'getWorkStatusFilter' },
	default: '',
	required,
	displayOptions: { show },
	description: `${description}. ${EXPRESSION_HINT}.`,
});

const FILTER_KEYS = [
	'CustomerCity',
	'CustomerDebtorNr',
	'CustomerDebtorNrInvoice',
	'CustomerName',
	'EmployeeNr',
	'OrderNr',
	'PaymentMethod',
	'ProjectNr',
	'TypeOfWork',
	'WorkDate',
	'WorkFinished',
	'WorkorderNo',
	'WorkStatus',
	'id',
].map((key) => ({ name: key, value: key }));

const text = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...extra,
});

/** Optional work order fields; names are OutSmart's own. */
const additionalFields: INodeProperties[] = [
	text('Address Code', 'AdrCode', { description: 'Code of one of the customer\'s addresses in OutSmart, for work at another address' }),
	text('Comment', 'Comment', { description: 'Remark on the work order for the office' }),
	text('Contact Person Code', 'CpnCode', { description: 'Code of one of the customer\'s contact persons in OutSmart' }),
	text('Customer Email', 'CustomerEmail', { placeholder: 'name@email.com', description: 'Email address of the customer, e.g. for the signed work order' }),
	{ displayName: 'Customer Latitude', name: 'CustomerLatitude', type: 'number', typeOptions: { numberPrecision: 6 }, default: 0, description: 'Latitude of the work address, for route planning' },
	{ displayName: 'Customer Longitude', name: 'CustomerLongitude', type: 'number', typeOptions: { numberPrecision: 6 }, default: 0, description: 'Longitude of the work address, for route planning' },
	text('Customer Phone', 'CustomerPhone', { description: 'Phone number of the customer' }),
	text('Customer Remark', 'CustomerRemark', { typeOptions: { rows: 3 }, description: 'Remark about the customer for the employee, e.g. where the key is' }),
	text('Customer House Number', 'CustomerStreetNo', { placeholder: 'e.g. 12a', description: 'House number of the work address, with any addition' }),
	{
		displayName: 'Employee Name or ID',
		name: 'EmployeeNr',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getEmployees' },
		default: '',
		description: 'The employee the work order is planned for. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	text('Employees on Planning Board', 'Employees', { placeholder: 'e.g. 11, 13', description: 'Employee numbers, separated by commas' }),
	text('Error Code', 'ErrorCode', { description: 'Code of the reported fault (storingscode), as set up in OutSmart' }),
	text('External Project Number', 'ExternProjectNr', { description: 'Project number in your own system' }),
	text('Internal Work Description', 'InternalWorkDescription', { typeOptions: { rows: 3 }, description: 'Only the employee sees it' }),
	{ displayName: 'Minimum Hours', name: 'MinimumHours', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'Hours the customer signs for at least' },
	text('Order Number', 'OrderNr', { description: 'Leave empty to let OutSmart number it' }),
	{ displayName: 'Pickup Planning', name: 'PickupPlanning', type: 'boolean', default: false, description: 'Whether employees may pick this work order from a batch' },
	text('Priority Code', 'PriorityCode', { description: 'Code of the priority, as set up in OutSmart' }),
	text('Project Number', 'ProjectNr', { description: 'Number of the OutSmart project the work order belongs to' }),
	{ displayName: 'Rounding (Minutes)', name: 'RoundingAmount', type: 'number', default: 0, description: 'Round the total time up to this many minutes' },
	text('Short Work Description', 'ShortWorkDescription', { description: 'One-line summary of the work, shown in lists' }),
	text('Solution Code', 'SolutionCode', { description: 'Code of the solution, as set up in OutSmart' }),
	text('Work Date', 'WorkDate', { placeholder: 'e.g. 2026-12-01', description: 'Planned date (ISO date or d-m-Y)' }),
	text('Work Deadline', 'WorkDeadline', { placeholder: 'e.g. 2026-12-15', description: 'Deadline when there is no planned date yet' }),
	text('Work Description', 'WorkDescription', { typeOptions: { rows: 4 }, description: 'The customer sees it when signing and in the PDF' }),
	{ displayName: 'Work Duration (Minutes)', name: 'WorkDuration', type: 'number', default: 0, description: 'Planned minutes; OutSmart fills the end date and time from it' },
	text('Work End Date', 'WorkEndDate', { placeholder: 'e.g. 2026-12-01', description: 'Planned end date (ISO date or d-m-Y)' }),
	text('Work End Time', 'WorkEndTime', { placeholder: 'e.g. 12:30', description: 'Planned end time (HH:MM)' }),
	{
		displayName: 'Work Status Name or ID',
		name: 'WorkStatus',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWorkStatuses' },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	text('Work Time', 'WorkTime', { placeholder: 'e.g. 09:30', description: 'Planned start time (HH:MM)' }),
];

const customerFields: INodeProperties[] = [
	text('Customer Name', 'customerName', { required: true, placeholder: "e.g. Bakkerij 't Hoekje", description: 'Name of the customer where the work is done' }),
	text('Customer Debtor Number', 'customerDebtorNr', { required: true, placeholder: 'e.g. 1001', description: 'Debtor number of the customer, as in your accounting (the Exact account code)' }),
	text('Customer Street', 'customerStreet', { required: true, placeholder: 'e.g. Kerkstraat', description: 'Street of the work address (the house number goes in Additional Fields)' }),
	text('Customer Postal Code', 'customerZip', { required: true, placeholder: 'e.g. 5211 KH', description: 'Postal code of the work address' }),
	text('Customer City', 'customerCity', { required: true, placeholder: "e.g. 's-Hertogenbosch", description: 'City of the work address' }),
	text('Customer Contact Person', 'customerContactPerson', { required: true, description: 'Who the employee asks for on site' }),
].map((field) => ({ ...field, displayOptions: { show: on('create') } }));

const invoiceCustomer: INodeProperties = {
	displayName: 'Invoice Customer',
	name: 'invoiceCustomer',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions: { show: on('create') },
	description: 'Who gets the invoice, when not the customer above; fields left out are copied from the customer above',
	options: [
		text('City', 'CustomerCityInvoice', { description: 'City of the invoice address' }),
		text('Contact Person', 'CustomerContactPersonInvoice', { description: 'Contact person for the invoice' }),
		text('Debtor Number', 'CustomerDebtorNrInvoice', { description: 'Debtor number of the invoice customer (the Exact account code)' }),
		text('Email', 'CustomerEmailInvoice', { description: 'Email address the invoice goes to' }),
		text('House Number', 'CustomerStreetNoInvoice', { description: 'House number of the invoice address' }),
		text('Name', 'CustomerNameInvoice', { description: 'Name of the invoice customer' }),
		text('Phone', 'CustomerPhoneInvoice', { description: 'Phone number of the invoice customer' }),
		text('Postal Code', 'CustomerZIPInvoice', { description: 'Postal code of the invoice address' }),
		text('Remark', 'CustomerRemarkInvoice', { description: 'Remark about the invoice customer' }),
		text('Street', 'CustomerStreetInvoice', { description: 'Street of the invoice address' }),
	],
};

const materialLines: INodeProperties = {
	displayName: 'Material Lines',
	name: 'materialsUi',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Material Line',
	default: {},
	displayOptions: { show: on('create') },
	options: [
		{
			displayName: 'Material',
			name: 'material',
			values: [
				text('Code', 'MaterialCode', { placeholder: 'e.g. THERMOSTAAT-01', description: 'Material code, as in OutSmart and Exact' }),
				text('Name', 'MaterialName', { placeholder: 'e.g. Thermostaat slim', description: 'Material name on the work order' }),
				{ displayName: 'Quantity', name: 'MaterialNr', type: 'number', typeOptions: { numberPrecision: 4 }, default: 1, description: 'Negative for a returned item' },
				{ displayName: 'Price', name: 'MaterialPrice', type: 'number', typeOptions: { numberPrecision: 4 }, default: 0, description: 'Price per unit excluding VAT' },
				text('Unit', 'MaterialUnit', { placeholder: 'e.g. stuk', description: 'Unit the quantity is in' }),
			],
		},
	],
};

const workPeriods: INodeProperties = {
	displayName: 'Work Periods',
	name: 'workperiodsUi',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Work Period',
	default: {},
	displayOptions: { show: on('create') },
	options: [
		{
			displayName: 'Work Period',
			name: 'period',
			values: [
				text('Date', 'WorkDate', { placeholder: 'e.g. 2026-12-01', description: 'Day of the work period (ISO date or d-m-Y)' }),
				text('Begin Time', 'BeginTime', { placeholder: 'e.g. 08:00', description: 'Start time (HH:MM)' }),
				text('End Time', 'EndTime', { placeholder: 'e.g. 12:15', description: 'End time (HH:MM)' }),
				{ displayName: 'Break (Minutes)', name: 'Break', type: 'number', default: 0, description: 'Minutes of break within the period, not counted as work' },
				text('Total Time', 'TotalTime', { placeholder: 'e.g. 04:00 or 4', description: 'HH:MM or decimal hours; empty = end − begin − break' }),
				text('Hour Type', 'HourType', { placeholder: 'e.g. UUR-MONTEUR', description: 'Code of the hour type (uursoort) the hours are booked on' }),
				text('Employee Number', 'EmployeeNr', { placeholder: 'e.g. 11', description: 'Number of the employee who worked' }),
				{ displayName: 'Travel', name: 'Travel', type: 'number', default: 0, description: 'Travel distance' },
				text('Remark', 'WorkRemark', { description: 'Remark on the work period' }),
			],
		},
	],
};

export const workorderProperties: INodeProperties[] = [
	{
		...operationSelector(
			[
				{ name: 'Create', value: 'create', action: 'Create a work order', description: 'Post a new work order with material lines, work periods and planning' },
				{
					name: 'Create or Update From Exact Sales Order',
					value: 'createFromSalesOrder',
					action: 'Create or update a work order from an Exact sales order',
					description: 'Make work order VO-(order number) from an Exact sales order, never twice; carry changes over while it is Klaargezet, cancel it when the order is cancelled or deleted',
				},
				{
					name: 'Create From Exact Quotation',
					value: 'createFromQuotation',
					action: 'Create a work order from an accepted Exact quotation',
					description: 'Make work order OF-(quotation number) from an accepted Exact quotation with its lines and accounts, never twice',
				},
				{ name: 'Get', value: 'get', action: 'Get a work order', description: 'Read one work order without changing its status' },
				{ name: 'Get Many', value: 'getMany', action: 'Get many work orders', description: 'Read work orders by status and work status without changing their status' },
				{ name: 'Mark Handled', value: 'markHandled', action: 'Mark a work order handled', description: 'Set a completed work order to Afgehandeld, e.g. after a successful export' },
				{ name: 'Set Work Status', value: 'setWorkStatus', action: 'Set the work status of a work order', description: 'Set the work status, e.g. "export failed"' },
				{
					name: 'Sync From Exact Planning',
					value: 'syncFromPlanning',
					action: 'Sync a work order with an Exact planning line',
					description: 'Make, move or cancel work order PP-(planning ID) after an Exact project planning line; a work order a technician has is reported, not changed',
				},
				{ name: 'Update', value: 'update', action: 'Update a work order', description: 'Change the planning (date, time, employee) or the work status' },
			],
			'getMany',
		),
		displayOptions: { show: { resource: ['workorder'] } },
	},
	{
		displayName: 'Reading work orders never changes their status: this node always sends update_status=false. Only Mark Handled sets a work order to Afgehandeld.',
		name: 'readNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: on('get', 'getMany') },
	},
	workorderLocator,

	// Get Many
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'Compleet',
		description: "Which work orders to read, by OutSmart's status",
		displayOptions: { show: on('getMany') },
		options: [
			{ name: 'Afgehandeld (Handled)', value: 'Afgehandeld' },
			{ name: 'All', value: 'Alle' },
			{ name: 'Compleet (Completed, Waiting for the Office)', value: 'Compleet' },
			{ name: 'Klaargezet (Ready)', value: 'Klaargezet' },
			{ name: 'Opgehaald (On a Device)', value: 'Opgehaald' },
		],
	},
	workStatusField('workStatus', on('getMany'), false, 'Only work orders with this work status'),
	...returnAllOrLimit(on('getMany')),
	filtersParameter(on('getMany'), FILTER_KEYS, 'OutSmart\'s advanced filters on work order fields; all must match'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: on('get', 'getMany') },
		options: [{ ...madeInOption, displayOptions: { show: { '/operation': ['getMany'] } } }, outSmartOutputOption],
	},

	// Create From Exact Sales Order
	{
		displayName: 'Sales Order',
		name: 'salesOrder',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		displayOptions: { show: on('createFromSalesOrder') },
		description: 'The order as the Exact Online Sales Order node outputs it (Get Many, or Get Changes with its deletions), with Include Lines and Include Accounts on. The work order is numbered VO- and the order number; the customer is the delivery account and address, the invoice customer the invoice account, the work date the delivery date.',
	},
	{
		displayName: 'Work Status for Cancelled Orders Name or ID',
		name: 'cancelWorkStatus',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWorkStatuses' },
		default: '',
		displayOptions: { show: on('createFromSalesOrder') },
		description:
			'The work status (e.g. GEANNULEERD) a Klaargezet work order gets when its order is cancelled or deleted in Exact; added to OutSmart\'s list if missing. A work order a technician has picked up is reported, not changed. Empty: such orders are only reported. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Quotation',
		name: 'quotation',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		displayOptions: { show: on('createFromQuotation') },
		description: 'The accepted quotation as the Exact Online Quotation node outputs it, with its lines and Include Accounts on. The work order is numbered OF- and the quotation number; the customer is the delivery account and address, the invoice customer the invoice account, the work date the delivery date; optional lines are left out.',
	},
	{
		displayName: 'Options',
		name: 'fromOrderOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: on('createFromSalesOrder', 'createFromQuotation') },
		options: [
			{ displayName: 'Contact Person', name: 'contactPerson', type: 'string', default: '', description: "The customer's contact person on the work order (OutSmart requires one); empty: the account name" },
			{
				displayName: 'Hour Item Codes',
				name: 'hourItemCodes',
				type: 'string',
				default: '',
				placeholder: 'e.g. ARBEID, VOORRIJ',
				description: 'Exact items that are hours (uursoorten), comma-separated: their lines become the planned duration instead of material lines',
			},
			{
				displayName: 'New Work Orders: Delivery Date From',
				name: 'deliveryDateFrom',
				type: 'dateTime',
				default: '',
				displayOptions: { show: { '/operation': ['createFromSalesOrder'] } },
				description: 'Only orders to deliver on or after this day become new work orders, e.g. {{ $today }}; work orders that exist are kept up to date regardless',
			},
			{
				displayName: 'New Work Orders: Delivery Date To',
				name: 'deliveryDateTo',
				type: 'dateTime',
				default: '',
				displayOptions: { show: { '/operation': ['createFromSalesOrder'] } },
				description: 'Only orders to deliver on or before this day become new work orders, e.g. {{ $today.plus(14, "days") }}; work orders that exist are kept up to date regardless',
			},
			{
				displayName: 'New Work Orders: Description Contains',
				name: 'descriptionContains',
				type: 'string',
				default: '',
				displayOptions: { show: { '/operation': ['createFromSalesOrder'] } },
				placeholder: 'e.g. #outsmart',
				description: 'Only orders whose description contains this text (not case-sensitive), e.g. a tag, become new work orders; work orders that exist are kept up to date regardless',
			},
			{
				displayName: 'Skip Quotations From OutSmart',
				name: 'skipFromOutSmart',
				type: 'boolean',
				default: true,
				displayOptions: { show: { '/operation': ['createFromQuotation'] } },
				description: 'Whether to make no work order for a quotation made from an OutSmart quotation (Your Reference "OutSmart …"): OutSmart plans that work from its own quotation',
			},
		],
	},

	// Sync From Exact Planning
	{
		displayName: 'Planning Line',
		name: 'planningLine',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		displayOptions: { show: on('syncFromPlanning') },
		description:
			'The planning line as the Exact Online Project node outputs it (Planning: Get Changes or Get Many). A planned line (status 2) gets work order PP- and its ID for the customer of its project (the OutSmart relation with its account code), on its day, time and employee; a moved line moves it, a removed or reserved one cancels it, while it is still Klaargezet.',
	},
	{
		displayName: 'Options',
		name: 'planningOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: on('syncFromPlanning') },
		options: [
			{
				displayName: 'Cancel Work Status',
				name: 'cancelStatus',
				type: 'string',
				default: 'GEANNULEERD',
				description: 'The work status (code) that marks a work order whose planning line was removed in Exact; added to OutSmart when it is missing. OutSmart\'s API cannot delete a work order.',
			},
			{
				displayName: 'Cancel Work Status Name',
				name: 'cancelStatusName',
				type: 'string',
				default: 'Geannuleerd in Exact',
				description: 'The name of that work status when it has to be added',
			},
		],
	},

	// Create
	text('Work Order Number', 'workorderNo', {
		required: true,
		displayOptions: { show: on('create') },
		placeholder: 'e.g. WO-2026-0042',
		description: 'Unique number from your ERP (WorkorderNo)',
	}),
	...customerFields,
	{
		displayName: 'Type of Work Name or ID',
		name: 'typeOfWork',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWorkTypes' },
		required: true,
		default: '',
		displayOptions: { show: on('create', 'createFromSalesOrder', 'createFromQuotation', 'syncFromPlanning') },
		description: 'E.g. Onderhoud, Storing. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Payment Method Name or ID',
		name: 'paymentMethod',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPaymentMethods' },
		required: true,
		default: '',
		displayOptions: { show: on('create', 'createFromSalesOrder', 'createFromQuotation', 'syncFromPlanning') },
		description: 'E.g. op rekening. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	invoiceCustomer,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: on('create') },
		options: additionalFields,
	},
	materialLines,
	workPeriods,
	{
		displayName: 'Options',
		name: 'createOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: on('create') },
		options: [
			{
				displayName: 'Extra Fields (JSON)',
				name: 'extraFieldsJson',
				type: 'json',
				default: '{}',
				description: 'More work order fields by OutSmart name (e.g. Attachments, Forms, WorkObjects); they override the fields above',
			},
			{
				displayName: 'If the Number Exists',
				name: 'ifExists',
				type: 'options',
				default: 'error',
				description: 'What to do when OutSmart already has a work order with this number',
				options: [
					{ name: 'Error', value: 'error', description: 'Fail the item (OutSmart code 1504)' },
					{ name: 'Return the Existing Work Order', value: 'returnExisting', description: 'Output its row ID with created = false' },
				],
			},
			{
				displayName: 'Material Lines (JSON)',
				name: 'materialsJson',
				type: 'json',
				default: '[]',
				description: 'Material lines as an array, with OutSmart\'s names: [{"MaterialCode":"KLEINMAT","MaterialNr":2.5,"MaterialPrice":4.55,"MaterialName":"Klein materiaal"}]; added after the lines above',
			},
			{
				displayName: 'Work Periods (JSON)',
				name: 'workperiodsJson',
				type: 'json',
				default: '[]',
				description: 'Work periods as an array, with OutSmart\'s names: [{"WorkDate":"2026-12-01","BeginTime":"08:00","EndTime":"12:15","Break":15}]; added after the periods above',
			},
		],
	},

	// Update
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: on('update') },
		options: [
			{
				displayName: 'Employee Name or ID',
				name: 'employeeNr',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getEmployees' },
				default: '',
				description: 'The employee the work order is planned for. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			text('Work Date', 'workDate', { placeholder: 'e.g. 2026-12-01', description: 'Planned date (ISO date or d-m-Y)' }),
			{
				displayName: 'Work Status Name or ID',
				name: 'workStatus',
				type: 'options',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				typeOptions: { loadOptionsMethod: 'getWorkStatuses' },
				default: '',
			},
			text('Work Time', 'workTime', { placeholder: 'e.g. 09:30', description: 'New planned start time (HH:MM)' }),
		],
	},

	// Set Work Status
	workStatusField('workStatus', on('setWorkStatus'), true, 'The work status to set, e.g. the one that means "export failed"'),
	{
		displayName: 'Options',
		name: 'workStatusOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: on('setWorkStatus') },
		options: [
			{
				displayName: 'Create the Status If Missing',
				name: 'createIfMissing',
				type: 'boolean',
				default: true,
				description:
					'Whether to add the work status to OutSmart\'s list (code and name) when OutSmart does not know it yet, e.g. EXPFOUT in a fresh OutSmart; costs two calls, once',
			},
			{
				displayName: 'Name for a New Status',
				name: 'newStatusName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Export naar Exact mislukt',
				description: 'The name OutSmart shows for a status this node creates; empty: the code',
			},
		],
	},

	// Mark Handled
	{
		displayName: 'Sets the work order to Afgehandeld (handled): it leaves the Compleet list that exports and the OutSmart Trigger read. Do this only after the work order was processed successfully.',
		name: 'markHandledNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: on('markHandled') },
	},
	{
		displayName: 'Options',
		name: 'markOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: on('markHandled') },
		options: [
			{
				displayName: 'Only If Complete',
				name: 'onlyIfComplete',
				type: 'boolean',
				default: true,
				description: 'Whether to refuse work orders that are not Compleet (e.g. still Klaargezet); costs one extra read',
			},
		],
	},
];
