/** Parameters of the Exact Online Poll Trigger. n8n adds "Poll Times" itself to every polling trigger. */
import type { INodeProperties } from 'n8n-workflow';
import { exactOutputOption, fieldsOption, includeLinesOption, topicsParameter } from '../ExactOnlineApi/trigger/description';

export const properties: INodeProperties[] = [
	{
		displayName:
			"Reads what changed since the last poll from Exact's sync endpoints: one call per topic (and one for deletions) when nothing changed. No public URL needed. The position is kept in the workflow's static data.",
		name: 'pollNotice',
		type: 'notice',
		default: '',
	},
	topicsParameter('poll'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			fieldsOption,
			includeLinesOption,
			{
				displayName: 'First Poll',
				name: 'firstPoll',
				type: 'options',
				default: 'fromNow',
				options: [
					{ name: 'From Now', value: 'fromNow', description: 'The first poll only finds the position; later changes start the workflow' },
					{ name: 'Everything', value: 'everything', description: 'The first poll hands out every existing record (a full import)' },
				],
				description: 'What the first poll after activation (or after adding a topic) hands out',
			},
			{
				displayName: 'Include Deletions',
				name: 'includeDeleted',
				type: 'boolean',
				default: true,
				description: 'Whether to also hand out records deleted in Exact (changeType "deleted", with the key and the code the trigger saw before)',
			},
			exactOutputOption,
		],
	},
];
