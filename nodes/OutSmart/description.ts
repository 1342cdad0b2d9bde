/** All parameters of the OutSmart node: the resource selector, then each resource's own blocks. */
import type { INodeProperties } from 'n8n-workflow';

import { ENTITIES } from '../OutSmartApi/entities';
import { invoicingProperties } from './invoicing/description';
import { masterDataProperties } from './masterData/description';
import { quotationProperties } from './quotation/description';
import { workorderProperties } from './workorder/description';

const resourceOptions = [
	...ENTITIES.map((entity) => ({ name: entity.displayName, value: entity.resource })),
	{ name: 'Work Order (Werkbon)', value: 'workorder' },
	{ name: 'Quotation (Offerte)', value: 'quotation' },
	{ name: 'Invoice (Factuur)', value: 'invoice' },
	{ name: 'Transaction (Payment)', value: 'transaction' },
].sort((a, b) => a.name.localeCompare(b.name));

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resourceOptions,
		default: 'workorder',
	},
	...workorderProperties,
	...ENTITIES.flatMap(masterDataProperties),
	...quotationProperties,
	...invoicingProperties,
];
