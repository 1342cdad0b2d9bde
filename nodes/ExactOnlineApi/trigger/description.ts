/** Parameters both Exact Online triggers share. */
import type { INodeProperties } from 'n8n-workflow';
import { exactOutputOption, fieldsOption } from '../operations/output';
import { topicOptions } from './topics';

export function topicsParameter(kind: 'webhook' | 'poll'): INodeProperties {
	return {
		displayName: 'Topics',
		name: 'topics',
		type: 'multiOptions',
		options: topicOptions(kind),
		default: ['Accounts'],
		required: true,
		description: 'What to watch in Exact: the workflow starts for every record of these kinds that is created, changed or deleted',
	};
}

/** Include Lines: documents (invoices, orders, quotations) come with their lines. */
export const includeLinesOption: INodeProperties = {
	displayName: 'Include Lines',
	name: 'includeLines',
	type: 'boolean',
	default: true,
	description:
		'Whether sales invoices, sales orders and quotations come with their lines (SalesInvoiceLines, SalesOrderLines, QuotationLines): one extra call per event, or per 20 changed documents when polling',
};

export { exactOutputOption, fieldsOption };
