import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { listSearch, loadOptions } from '../ExactOnlineApi/entity/methods';
import { exactEntityBase } from '../ExactOnlineApi/entity/nodeDescription';
import { runOperation } from '../shared/router';
import { properties } from './description';
import { operations } from './operations';

/** Exact Online sales invoices (salesinvoice/SalesInvoices) with their lines. */
export class ExactOnlineSalesInvoice implements INodeType {
	description: INodeTypeDescription = {
		...exactEntityBase,
		displayName: 'Exact Online Sales Invoice',
		name: 'exactOnlineSalesInvoice',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": sales invoice" }}',
		description: 'Read and create sales invoices with lines in Exact Online',
		defaults: { name: 'Exact Online Sales Invoice' },
		// Create From OutSmart Work Order sorts work orders into two outputs: exported, and refused for a reason in
		// the work order itself. Anything else (Exact down, auth) stops the node, so no work order is marked wrongly.
		outputs: `={{ $parameter.operation === "createFromWorkOrder" ? [{ "type": "main", "displayName": "Exported" }, { "type": "main", "displayName": "Not Exported" }] : ["main"] }}`,
		usableAsTool: true,
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, operations[this.getNodeParameter('operation', 0) as string]);
	}
}
