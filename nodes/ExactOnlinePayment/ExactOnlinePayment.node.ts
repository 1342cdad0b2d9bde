import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { listSearch, loadOptions } from '../ExactOnlineApi/entity/methods';
import { exactEntityBase } from '../ExactOnlineApi/entity/nodeDescription';
import { pickOperation, runOperation } from '../shared/router';
import { properties } from './description';
import { operations } from './operations';

/** Exact Online payment data: payment conditions, customer balances, open receivables and paid status per invoice. */
export class ExactOnlinePayment implements INodeType {
	description: INodeTypeDescription = {
		...exactEntityBase,
		displayName: 'Exact Online Payment',
		name: 'exactOnlinePayment',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Payment conditions, customer balances, open receivables and paid status of invoices in Exact Online',
		defaults: { name: 'Exact Online Payment' },
		usableAsTool: true,
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, pickOperation.call(this, operations));
	}
}
