import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { pickOperation, runPerItem } from '../shared/router';
import { properties } from './description';
import { loadOptions } from './methods/loadOptions';
import { operations } from './operations';

/** OutSmart (field service): work orders, relations, materials, hour types, projects and other master data. */
export class OutSmart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OutSmart',
		name: 'outSmart',
		icon: { light: 'file:../../icons/outSmart.svg', dark: 'file:../../icons/outSmart.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Read and write OutSmart work orders (werkbonnen), relations, materials, hour types and other master data',
		defaults: { name: 'OutSmart' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'outSmartApi', required: true }],
		properties,
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPerItem.call(this, pickOperation.call(this, operations));
	}
}
