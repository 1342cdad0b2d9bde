import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { fetchTestEvent, pollChanges } from '../ExactOnlineApi/trigger/poll';
import { properties } from './description';

/**
 * Starts a workflow for records created, changed or deleted in Exact Online since the last poll (sync
 * endpoints), one item per record. For setups without a public HTTPS URL, and as the catch-up poll beside the
 * webhook trigger (Exact does not promise webhook delivery).
 */
export class ExactOnlinePollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Poll Trigger',
		name: 'exactOnlinePollTrigger',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["topics"] || []).join(", ") }}',
		description: 'Starts the workflow for records changed in Exact Online since the last poll',
		defaults: { name: 'Exact Online Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		properties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const records = this.getMode() === 'manual' ? await fetchTestEvent.call(this) : await pollChanges.call(this);
		return records.length > 0 ? [this.helpers.returnJsonArray(records)] : null;
	}
}
