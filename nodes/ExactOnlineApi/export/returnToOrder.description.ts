import type { INodeProperties } from 'n8n-workflow';
import { fallbackHourItemOption, hourRoundingOption } from './createFromWorkOrder.description';

const show = { operation: ['updateFromWorkOrder'] };

export const returnToOrderProperties: INodeProperties[] = [
	{
		displayName:
			'Takes completed OutSmart work orders that were made from an Exact sales order (work order number VO-<order number>) back to that order: its lines get the quantities actually used (extra materials and hours as new lines), then, if you choose, Exact records the goods delivery and makes the draft invoice from the order. Never twice: a re-run finds the order already holding the work order and writes nothing. Output "Returned": mark these handled. Output "Not Returned": refused for a reason in the work order or its order. When Exact is down, the node stops and no work order is sorted.',
		name: 'returnNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Work Order',
		name: 'workOrder',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		displayOptions: { show },
		description: 'The completed OutSmart work order, as the OutSmart Trigger or the OutSmart node outputs it (raw or clean)',
	},
	{
		displayName: 'Record Goods Delivery',
		name: 'recordDelivery',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description: 'Whether to record a goods delivery (levering) in Exact of everything still to deliver on the order, once its lines hold what was used',
	},
	{
		displayName: 'Create Draft Invoice',
		name: 'createInvoice',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description:
			"Whether Exact makes a draft sales invoice from the order (linked to the order's lines): by delivered quantity when the goods delivery is recorded too, else by ordered quantity, which now is what was used",
	},
	{
		displayName: 'Invoice Journal Name or ID',
		name: 'invoiceJournal',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSalesJournals' },
		default: '',
		required: true,
		displayOptions: { show: { ...show, createInvoice: [true] } },
		description: 'Sales journal (verkoopboek) of the invoice, e.g. 70. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Options',
		name: 'returnOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			fallbackHourItemOption,
			hourRoundingOption,
			{
				displayName: 'Ordered Lines Not Used',
				name: 'unusedLines',
				type: 'options',
				default: 'remove',
				description: 'What happens to an order line whose item the technician did not use',
				options: [
					{ name: 'Remove the Line', value: 'remove', description: 'The order holds only what was used (a line Exact already delivered or invoiced is never removed)' },
					{ name: 'Keep It as Ordered', value: 'keep', description: 'E.g. for a fixed-price order.' },
				],
			},
			{
				displayName: 'Use Work Order Prices',
				name: 'useWorkOrderPrices',
				type: 'boolean',
				default: true,
				description: 'Whether extra lines (materials not on the order) take the price on the work order; otherwise Exact uses its own item price. Lines already on the order keep their price.',
			},
		],
	},
];
