import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { listSearch, loadOptions } from '../ExactOnline/entity/methods';
import { exactEntityBase } from '../ExactOnline/entity/nodeDescription';
import { runPerItem } from '../shared/router';
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
		usableAsTool: true,
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runPerItem.call(this, operations[this.getNodeParameter('operation', 0) as string]);
	}
}
