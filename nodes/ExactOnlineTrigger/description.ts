/** Parameters of the Exact Online Trigger (webhook). */
import type { INodeProperties } from 'n8n-workflow';
import { exactOutputOption, fieldsOption, includeLinesOption, topicsParameter } from '../ExactOnlineApi/trigger/description';
import { DEFAULT_MAX_EVENT_AGE_MINUTES } from '../ExactOnlineApi/trigger/event';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Exact Online only calls HTTPS URLs: the Production URL above must start with https:// (set WEBHOOK_URL). Put the webhook secret of your Exact app in the credential. Exact does not promise delivery: pair this trigger with a periodic poll (Exact Online Poll Trigger or Get Changes) that catches what was missed.',
		name: 'httpsNotice',
		type: 'notice',
		default: '',
	},
	topicsParameter('webhook'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Event Only',
				name: 'eventOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to output only the event (key and action) instead of reading the changed record from Exact (one call per event)',
			},
			fieldsOption,
			includeLinesOption,
			{
				displayName: 'Maximum Event Age (Minutes)',
				name: 'maxEventAgeMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_EVENT_AGE_MINUTES,
				description:
					'Events Exact created longer ago than this are refused (a replayed old call); the catch-up poll picks up what they were about',
			},
			exactOutputOption,
		],
	},
];
