/** Parameters of the OutSmart Trigger. n8n adds "Poll Times" itself to every polling trigger. */
import type { INodeProperties } from 'n8n-workflow';

import { madeInOption, outSmartOutputOption } from '../OutSmartApi/descriptions';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Every poll reads the whole list of completed work orders from OutSmart (OutSmart has no paging and no "changed since"). Poll every 5-15 minutes, not every minute, and hand work orders off (Mark Handled) so the list stays short.',
		name: 'loadNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Work Status Name or ID',
		name: 'workStatus',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWorkStatusFilter' },
		default: '',
		description:
			'Only completed work orders with this work status, the way OutSmart\'s own export uses a "standard status". Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Emit Already Completed on First Poll',
				name: 'emitExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether the first poll after activation emits the work orders that are already complete. Off: they are only remembered, and only work orders completed later are emitted.',
			},
			{
				displayName: 'Only Finished Work',
				name: 'onlyFinished',
				type: 'boolean',
				default: false,
				description: 'Whether to skip work orders the technician completed without finishing the work (WorkFinished = 0, e.g. waiting for material)',
			},
			outSmartOutputOption,
			{
				displayName: 'Read Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 5 },
				default: 300,
				description: 'How long to wait for OutSmart\'s answer (a long list can take minutes); never longer than n8n allows a poll',
			},
			{
				displayName: 'Retry After (Minutes)',
				name: 'retryAfterMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description:
					'Emit a work order again when it is still complete (still in this list) this many minutes after it was last emitted. So an export that died (n8n restarted, out of memory) or was postponed (Exact unreachable) is offered again instead of staying stuck; the export is idempotent, so a repeat never invoices twice. Keep it longer than an export takes. Costs no extra OutSmart calls. 0 = never emit an unchanged work order again.',
			},
			madeInOption,
			{
				displayName: 'Skip Work Statuses',
				name: 'skipWorkStatuses',
				type: 'string',
				default: '',
				placeholder: 'e.g. EXPFOUT',
				description:
					'Work status codes to leave alone, comma-separated: e.g. the status your flow sets when an export failed, so that such a work order waits until someone fixes it and sets another status',
			},
		],
	},
];
