import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { listSearch, loadOptions } from '../ExactOnlineApi/entity/methods';
import { exactEntityBase } from '../ExactOnlineApi/entity/nodeDescription';
import { runOperation } from '../shared/router';
import { properties } from './description';
import { operations } from './operations';

/** Exact Online warehouses (inventory/Warehouses) and the stock per item and warehouse. Stock is read-only: Exact changes it through documents. */
export class ExactOnlineWarehouse implements INodeType {
	description: INodeTypeDescription = {
		...exactEntityBase,
		displayName: 'Exact Online Warehouse',
		name: 'exactOnlineWarehouse',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": warehouse" }}',
		description: 'Read warehouses (magazijnen) and stock per item and warehouse in Exact Online, e.g. for OutSmart warehouses',
		defaults: { name: 'Exact Online Warehouse' },
		usableAsTool: true,
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, operations[this.getNodeParameter('operation', 0) as string]);
	}
}
