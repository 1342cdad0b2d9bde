import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { listSearch, loadOptions } from '../ExactOnline/entity/methods';
import { runPerItem } from '../shared/router';
import { properties } from './description';
import { operations } from './operations';

/** Exact Online relations (crm/Accounts): customers, prospects, suppliers. */
export class ExactOnlineAccount implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Account',
		name: 'exactOnlineAccount',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": account" }}',
		description: 'Read, create and update relations (customers, prospects, suppliers) in Exact Online',
		defaults: { name: 'Exact Online Account' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		return await runPerItem.call(this, operations[operation]);
	}
}
