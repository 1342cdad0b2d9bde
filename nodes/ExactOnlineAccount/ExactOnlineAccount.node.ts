import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { listSearch, loadOptions } from '../ExactOnlineApi/entity/methods';
import { exactEntityBase } from '../ExactOnlineApi/entity/nodeDescription';
import { runOperation } from '../shared/router';
import { properties } from './description';
import { operations } from './operations';

/** Exact Online relations (crm/Accounts): customers, prospects, suppliers. */
export class ExactOnlineAccount implements INodeType {
	description: INodeTypeDescription = {
		...exactEntityBase,
		displayName: 'Exact Online Account',
		name: 'exactOnlineAccount',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": account" }}',
		description: 'Read, create and update relations (customers, prospects, suppliers) in Exact Online',
		defaults: { name: 'Exact Online Account' },
		usableAsTool: true,
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, operations[this.getNodeParameter('operation', 0) as string]);
	}
}
