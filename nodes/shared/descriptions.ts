/** Parameter blocks every node of both vendors uses, so that all of them look and behave the same. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** displayOptions.show of a parameter: parameter name -> the values that show it. */
export type Show = Record<string, string[]>;

export function operationSelector(options: INodePropertyOptions[], defaultValue: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options,
		default: defaultValue,
	};
}

export function returnAllOrLimit(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			displayOptions: { show },
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { ...show, returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** What Return All / Limit ask for, applied to a list read whole (e.g. OutSmart, which has no paging). */
export function limitToMax<T>(records: T[], returnAll: boolean, limit: number): T[] {
	return returnAll ? records : records.slice(0, Math.max(0, limit));
}
