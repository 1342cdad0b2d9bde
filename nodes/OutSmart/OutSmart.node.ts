import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { pickOperation, runOperation } from '../shared/router';
import { properties } from './description';
import { loadOptions } from '../OutSmartApi/methods/loadOptions';
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
		// Create or Update sorts records into two outputs: stored, and refused for something in the record. Anything
		// else (auth, OutSmart down) stops the node, so a flow never takes unsent records for stored ones.
		outputs: `={{ $parameter.operation === "upsert" ? [{ "type": "main", "displayName": "Stored" }, { "type": "main", "displayName": "Refused" }] : ["main"] }}`,
		credentials: [{ name: 'outSmartApi', required: true }],
		properties,
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, pickOperation.call(this, operations));
	}
}
