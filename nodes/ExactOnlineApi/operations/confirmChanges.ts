/**
 * Confirm Changes: its parameters and what it does: the position of a Get Changes step with Confirm Later made
 * final, and the records the flow gives back kept for a retry.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { Show } from '../../shared/descriptions';
import type { BatchOperation } from '../../shared/router';
import { confirmCursor, cursorKey } from '../entity/cursor';
import type { ExactEntity } from '../entity/definitions';
import { readRemembered, remember } from '../entity/remembered';

export function confirmParameters(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Sync Name',
			name: 'syncName',
			type: 'string',
			default: 'default',
			displayOptions: { show },
			description: 'The Sync Name of the Get Changes step whose position to confirm',
		},
	];
}

/**
 * The items a flow gives back to Confirm Changes: those carrying an `error` (e.g. from OutSmart's Refused output,
 * or n8n's error output, both with the record's own fields), as they were handed out. Deletions are not given back:
 * a refused deactivation does not change by asking again.
 */
export function givenBack(input: INodeExecutionData[], keyField: string): IDataObject[] {
	return input
		.map((item) => item.json)
		.filter((json) => typeof json.error === 'string' && json[keyField] && json.changeType !== 'deleted')
		.map((json) => {
			const record = { ...json };
			for (const field of ['error', 'details', 'changeType', 'retry']) delete record[field];
			return record;
		});
}

/**
 * Confirm Changes: makes the position of a Get Changes step with Confirm Later final, and keeps the records the
 * flow gives back (refused downstream) beside the cursor: Get Changes hands them out again on the next runs, with
 * `retry: true`, until the flow takes them or they change in Exact. So one bad record never holds the cursor back,
 * and is not lost either. Connect every branch that ends the flow (e.g. both outputs of an OutSmart upsert).
 */
export function confirmChangesOperation(entity: ExactEntity): BatchOperation {
	return {
		async batch(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const input = this.getInputData();
			const syncName = this.getNodeParameter('syncName', 0, 'default') as string;
			const staticData = this.getWorkflowStaticData('global');
			const key = cursorKey(entity.label, syncName);
			const confirmed = confirmCursor(staticData, key);
			const back = givenBack(input, entity.key);
			remember(staticData, key, 'retry', back.map((record) => [String(record[entity.key]).toLowerCase(), record]));
			const retrying = Object.keys(readRemembered(staticData, key, 'retry')).length;
			return [[{ json: { syncName, confirmed, givenBack: back.length, retrying }, pairedItem: input.map((_, item) => ({ item })) }]];
		},
	};
}
