import type { INodeProperties } from 'n8n-workflow';

const show = { operation: ['createFromWorkOrder'] };

/** Options the work order steps share: the way back to a sales order reads hours as the export does. */
export const fallbackHourItemOption: INodeProperties = {
	displayName: 'Fallback Hour Item',
	name: 'fallbackHourItem',
	type: 'string',
	default: '',
	placeholder: 'e.g. ARBEID',
	description: 'Exact item code for work periods without an hour type. Empty: such a work order is refused.',
};

export const hourRoundingOption: INodeProperties = {
	displayName: 'Hour Rounding',
	name: 'hourRounding',
	type: 'options',
	default: 0,
	description: 'Round the time of every work period up to',
	options: [
		{ name: 'No Rounding', value: 0 },
		{ name: '5 Minutes', value: 5 },
		{ name: '15 Minutes', value: 15 },
		{ name: '30 Minutes', value: 30 },
	],
};

export const createFromWorkOrderProperties: INodeProperties[] = [
	{
		displayName:
			'Turns completed OutSmart work orders (from the OutSmart Trigger or the OutSmart node) into draft documents in Exact, a line per material and per hour type, Your Reference = the work order number: never written twice, also when two runs or n8n processes export at once. Output "Exported": mark these handled. Output "Not Exported": refused for a reason in the work order (unknown relation or material, …). When Exact is down or the login fails, the node stops with the error and no work order is sorted: keep Settings → On Error at "Stop Workflow".',
		name: 'exportNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Create As',
		name: 'documentType',
		type: 'options',
		default: 'salesInvoice',
		description: 'What each work order becomes in Exact',
		displayOptions: { show },
		options: [
			{ name: 'Draft Sales Invoice', value: 'salesInvoice', description: 'A concept invoice (status 10) to check and send in Exact' },
			{ name: 'Sales Order', value: 'salesOrder', description: 'A sales order, to invoice later from Exact' },
		],
	},
	{
		displayName: 'Work Order',
		name: 'workOrder',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		displayOptions: { show },
		description: 'The OutSmart work order, as the OutSmart Trigger or the OutSmart node outputs it (raw or clean)',
	},
	{
		displayName: 'Journal Name or ID',
		name: 'exportJournal',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSalesJournals' },
		default: '',
		required: true,
		displayOptions: { show: { ...show, documentType: ['salesInvoice'] } },
		description: 'Sales journal (verkoopboek), e.g. 70. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Options',
		name: 'exportOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Description',
				name: 'descriptionTemplate',
				type: 'string',
				default: 'Werkbon {{WorkorderNo}}: {{TypeOfWork}}',
				description: 'Document description; {{Field}} is replaced by that field of the work order',
			},
			{
				displayName: 'Export Work Orders of Other Flows',
				name: 'exportOtherFlows',
				type: 'boolean',
				default: false,
				description:
					'Whether to export work orders that a Pro flow made from an Exact sales order (VO-…), quotation (OF-…) or project planning line (PP-…) too. Off: they go to Not Exported, because their own flow returns them to that document and a second one would bill twice.',
			},
			fallbackHourItemOption,
			{
				displayName: 'Hour Lines',
				name: 'hourLines',
				type: 'options',
				default: 'perHourType',
				description: 'How the hours of a work order become invoice lines',
				options: [
					{ name: 'One per Hour Type (Summed)', value: 'perHourType' },
					{ name: 'One per Work Period', value: 'perWorkPeriod' },
				],
			},
			hourRoundingOption,
			{
				displayName: 'Stock Warehouse',
				name: 'stockWarehouse',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1',
				description:
					"Exact warehouse code the materials leave (the document's warehouse; Exact takes their stock out when the invoice is processed, or at the order's goods delivery). Empty: no warehouse on the document, Exact's own default.",
			},
			{
				displayName: 'Take Warehouse From Work Order',
				name: 'warehouseFromWorkOrder',
				type: 'boolean',
				default: false,
				description:
					"Whether the warehouse the technician took the materials from (the material lines' OutSmart warehouse, e.g. the van) is the document's warehouse instead. Lines without one count as the Stock Warehouse; lines from two warehouses refuse the work order (Exact takes one per document).",
			},
			{
				displayName: 'Unknown Material',
				name: 'unknownMaterial',
				type: 'options',
				default: 'error',
				description: 'What to do with a material line whose code Exact does not know',
				options: [
					{ name: 'Refuse the Work Order', value: 'error', description: 'Nothing is written; the reason is in the error' },
					{ name: 'Leave the Line Out', value: 'skip', description: 'Export the rest; the output lists the lines left out' },
				],
			},
			{
				displayName: 'Use Work Order Prices',
				name: 'useWorkOrderPrices',
				type: 'boolean',
				default: true,
				description: 'Whether material lines take the price on the work order; otherwise Exact uses its own item price',
			},
			{
				displayName: 'Work Description Line Item',
				name: 'descriptionLineItem',
				type: 'string',
				default: '',
				placeholder: 'e.g. TEKST',
				description: 'Exact item code for a text line (price 0) that carries the work description. Empty: no text line.',
			},
		],
	},
];
