import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { listSearch, loadOptions } from '../ExactOnlineApi/entity/methods';
import { exactEntityBase } from '../ExactOnlineApi/entity/nodeDescription';
import { runOperation } from '../shared/router';
import { properties } from './description';
import { operations } from './operations';

/** Exact Online sales entries (salesentry/SalesEntries): sales invoices made elsewhere, booked in a sales journal. */
export class ExactOnlineSalesEntry implements INodeType {
	description: INodeTypeDescription = {
		...exactEntityBase,
		displayName: 'Exact Online Sales Entry',
		name: 'exactOnlineSalesEntry',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": sales entry" }}',
		description: 'Book sales invoices made elsewhere (e.g. in OutSmart) as sales entries (verkoopboekingen) in Exact Online',
		defaults: { name: 'Exact Online Sales Entry' },
		// Create From OutSmart Invoice sorts invoices into booked and refused for a reason in the invoice itself;
		// anything else (Exact down, auth) stops the node, so no invoice is taken for booked wrongly.
		outputs: `={{ $parameter.operation === "createFromOutSmartInvoice" ? [{ "type": "main", "displayName": "Booked" }, { "type": "main", "displayName": "Not Booked" }] : ["main"] }}`,
		usableAsTool: true,
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, operations[this.getNodeParameter('operation', 0) as string]);
	}
}
