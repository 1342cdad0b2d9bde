import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { listSearch, loadOptions } from '../ExactOnlineApi/entity/methods';
import { exactEntityBase } from '../ExactOnlineApi/entity/nodeDescription';
import { runOperation } from '../shared/router';
import { properties } from './description';
import { operations } from './operations';

/** Exact Online sales orders (salesorder/SalesOrders) with their lines. */
export class ExactOnlineSalesOrder implements INodeType {
	description: INodeTypeDescription = {
		...exactEntityBase,
		displayName: 'Exact Online Sales Order',
		name: 'exactOnlineSalesOrder',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": sales order" }}',
		description: 'Read, create and change sales orders (verkooporders) with lines in Exact Online',
		defaults: { name: 'Exact Online Sales Order' },
		// Update From OutSmart Work Order sorts work orders as the Basic export does: returned to their order, or
		// refused for a reason in the work order or its order. Anything else stops the node.
		outputs: `={{ $parameter.operation === "updateFromWorkOrder" ? [{ "type": "main", "displayName": "Returned" }, { "type": "main", "displayName": "Not Returned" }] : ["main"] }}`,
		usableAsTool: true,
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, operations[this.getNodeParameter('operation', 0) as string]);
	}
}
