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

/** The "Filters" collection of a Get Many (or similar read): `options` are its filters. */
export function filtersCollection(show: Show, options: INodeProperties[], name = 'filters'): INodeProperties {
	return { displayName: 'Filters', name, type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: { show }, options };
}

/** A "Modified Since" filter, for records whose `Modified` a read can compare. */
export function modifiedSinceFilter(plural: string, note = ''): INodeProperties {
	return {
		displayName: 'Modified Since',
		name: 'modifiedSince',
		type: 'dateTime',
		default: '',
		description: `Only ${plural} changed at or after this moment${note}`,
	};
}

/** Parameters in the alphabetical order n8n's lint wants for collection options, when a list is put together. */
export function sortedByName(parameters: INodeProperties[]): INodeProperties[] {
	return [...parameters].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
