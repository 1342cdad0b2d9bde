import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { listSearch, loadOptions } from '../ExactOnlineApi/entity/methods';
import { exactEntityBase } from '../ExactOnlineApi/entity/nodeDescription';
import { runOperation } from '../shared/router';
import { properties } from './description';
import { operations } from './operations';

/** Exact Online employees (payroll/Employees): the technicians OutSmart plans. Read-only in Exact's API. */
export class ExactOnlineEmployee implements INodeType {
	description: INodeTypeDescription = {
		...exactEntityBase,
		displayName: 'Exact Online Employee',
		name: 'exactOnlineEmployee',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": employee" }}',
		description: 'Read employees (medewerkers) in Exact Online, e.g. to plan them in OutSmart',
		defaults: { name: 'Exact Online Employee' },
		usableAsTool: true,
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, operations[this.getNodeParameter('operation', 0) as string]);
	}
}
