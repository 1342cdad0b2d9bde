/** Parameter blocks the OutSmart node's resources share. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ORIGIN_PREFIXES_TEXT } from '../mapping/workOrderOrigin';
import type { Show } from '../shared/descriptions';
import { OUTSMART_OPERATORS } from './transport';


/** Which flow's work orders to take: the Pro flows number theirs after the Exact document (see workOrderOrigin). */
export const madeInOption: INodeProperties = {
	displayName: 'Only Work Orders Made In',
	name: 'madeIn',
	type: 'multiOptions',
	default: [],
	options: [
		{ name: 'OutSmart', value: 'outsmart', description: 'Work orders made in OutSmart (any number without the prefixes below)' },
		{ name: 'Exact Sales Order (VO-…)', value: 'salesOrder', description: 'Work orders the sales order flow made, numbered VO- and the order number' },
		{ name: 'Exact Quotation (OF-…)', value: 'quotation', description: 'Work orders the quotation flow made, numbered OF- and the quotation number' },
		{ name: 'Exact Project Planning (PP-…)', value: 'projectPlanning', description: 'Work orders the planning flow made, numbered PP- and the planning number' },
	],
	description: `Where the work orders came from, read off their number: ${ORIGIN_PREFIXES_TEXT}. Each export flow takes only its own, so a work order is never invoiced by two flows. Nothing chosen: all work orders.`,
};

export const outSmartOutputOption: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	default: 'clean',
	description: 'How records come out: typed values, as OutSmart sends them, or both',
	options: [
		{
			name: 'Clean',
			value: 'clean',
			description: 'Amounts as numbers, dates as ISO dates, HH:MM durations as decimal hours (the text beside them), flags as booleans',
		},
		{ name: 'Clean With Raw', value: 'both', description: 'Clean, plus the record exactly as OutSmart sent it under "raw"' },
		{ name: 'Raw', value: 'raw', description: 'The record exactly as OutSmart sends it' },
	],
};

const OPERATOR_NAMES: Record<(typeof OUTSMART_OPERATORS)[number], string> = {
	eq: 'Equals',
	ge: 'Greater Than or Equal',
	gt: 'Greater Than',
	le: 'Less Than or Equal',
	li: 'Like (% as Wildcard)',
	lt: 'Less Than',
	ne: 'Not Equals',
};

/** OutSmart's advanced filters (key / value / operator); `keys` fills the field dropdown. */
export function filtersParameter(show: Show, keys: INodePropertyOptions[], description: string): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		description,
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'key',
						type: 'options',
						options: keys,
						default: '',
						description:
							'The OutSmart field to filter on. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'eq',
						description: 'How the field is compared with the value',
						options: Object.entries(OPERATOR_NAMES)
							.map(([value, name]) => ({ name, value }))
							.sort((a, b) => a.name.localeCompare(b.name)),
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Compared as OutSmart stores it: amounts with a decimal comma, dates as OutSmart writes them',
					},
				],
			},
		],
	};
}

export interface FilterValues {
	filter?: Array<{ key?: string; operator?: string; value?: string | number }>;
}
