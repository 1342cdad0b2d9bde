import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { loadOptions } from '../OutSmartApi/methods/loadOptions';
import { properties } from './description';
import { pollCompletedWorkorders } from './poll';

/**
 * Emits OutSmart work orders that are Compleet, one item each with full detail, once per change. Never changes a
 * work order's status: marking them handled is the workflow's job (OutSmart node, Mark Handled).
 */
export class OutSmartTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OutSmart Trigger',
		name: 'outSmartTrigger',
		icon: { light: 'file:../../icons/outSmart.svg', dark: 'file:../../icons/outSmart.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "completed work orders" + ($parameter["workStatus"] ? " (" + $parameter["workStatus"] + ")" : "") }}',
		description: 'Starts the workflow when work orders (werkbonnen) are completed in OutSmart',
		defaults: { name: 'OutSmart Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'outSmartApi', required: true }],
		properties,
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCompletedWorkorders.call(this);
	}
}
