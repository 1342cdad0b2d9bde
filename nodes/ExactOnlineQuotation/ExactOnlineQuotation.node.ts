import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { listSearch, loadOptions } from '../ExactOnlineApi/entity/methods';
import { exactEntityBase } from '../ExactOnlineApi/entity/nodeDescription';
import { runOperation } from '../shared/router';
import { properties } from './description';
import { operations } from './operations';

/** Exact Online quotations (crm/Quotations) with their lines, accepted or rejected. */
export class ExactOnlineQuotation implements INodeType {
	description: INodeTypeDescription = {
		...exactEntityBase,
		displayName: 'Exact Online Quotation',
		name: 'exactOnlineQuotation',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": quotation" }}',
		description: 'Read, create, change, accept and reject quotations (offertes) in Exact Online',
		defaults: { name: 'Exact Online Quotation' },
		usableAsTool: true,
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, operations[this.getNodeParameter('operation', 0) as string]);
	}
}
