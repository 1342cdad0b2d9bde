import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { listSearch, loadOptions } from '../ExactOnlineApi/entity/methods';
import { exactEntityBase } from '../ExactOnlineApi/entity/nodeDescription';
import { pickOperation, runOperation } from '../shared/router';
import { properties } from './description';
import { operations } from './operations';

/** Exact Online projects, project planning and time transactions: what OutSmart plans and what goes back as hours. */
export class ExactOnlineProject implements INodeType {
	description: INodeTypeDescription = {
		...exactEntityBase,
		displayName: 'Exact Online Project',
		name: 'exactOnlineProject',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Projects, project planning and time transactions (uren) in Exact Online, e.g. to plan work orders in OutSmart',
		defaults: { name: 'Exact Online Project' },
		usableAsTool: true,
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, pickOperation.call(this, operations));
	}
}
