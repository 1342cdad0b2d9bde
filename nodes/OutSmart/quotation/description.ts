/** The OutSmart node's Quotation resource: read the quotations (offertes) made in OutSmart. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, returnAllOrLimit } from '../../shared/descriptions';
import { filtersParameter, outSmartOutputOption } from '../../OutSmartApi/descriptions';
import { OUTSMART_QUOTATION_STATUSES, QUOTATION_FILTER_KEYS } from '../../OutSmartApi/quotations';

const show = { resource: ['quotation'], operation: ['getMany'] };
const titleCase = (status: string) => status.charAt(0) + status.slice(1).toLowerCase();

export const quotationProperties: INodeProperties[] = [
	{
		...operationSelector(
			[{ name: 'Get Many', value: 'getMany', action: 'Get many quotations', description: 'Read quotations (offertes) made in OutSmart, with their lines' }],
			'getMany',
		),
		displayOptions: { show: { resource: ['quotation'] } },
	},
	{
		displayName: 'Status',
		name: 'quotationStatus',
		type: 'options',
		default: '',
		description: 'Only quotations with this status (quo_status); Accepted: the customer accepted it',
		displayOptions: { show },
		options: [
			{ name: 'Any', value: '' },
			...OUTSMART_QUOTATION_STATUSES.map((status) => ({ name: titleCase(status), value: status })).sort((a, b) => a.name.localeCompare(b.name)),
		],
	},
	...returnAllOrLimit(show),
	filtersParameter(show, QUOTATION_FILTER_KEYS.map((key) => ({ name: key, value: key })), "OutSmart's advanced filters on quotation fields; all must match"),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [outSmartOutputOption],
	},
];
