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

export { exactOutputOption, fieldsOption };
