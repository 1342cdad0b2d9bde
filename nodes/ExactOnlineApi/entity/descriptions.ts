/** Parameter blocks the entity nodes share, so every node looks and behaves the same. */
import type { INodeProperties } from 'n8n-workflow';

import { type Show } from '../../shared/descriptions';

export const fieldsOption: INodeProperties = {
	displayName: 'Extra Fields',
	name: 'extraFields',
	type: 'string',
	default: '',
	placeholder: 'e.g. SearchCode,Classification1',
	description: 'Comma-separated Exact fields to return besides the usual ones',
};

export const exactOutputOption: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	default: 'clean',
	options: [
		{ name: 'Clean', value: 'clean', description: 'Dates as ISO strings with offset, codes trimmed, metadata removed' },
		{ name: 'Raw', value: 'raw', description: 'The record exactly as Exact sends it' },
	],
};

export function readOptions(show: Show, extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [fieldsOption, exactOutputOption, ...extra],
	};
}

export function changesParameters(show: Show, entityPlural: string, extraOptions: INodeProperties[] = []): INodeProperties[] {
	return [
		{
			displayName: `Returns the ${entityPlural} created or changed since the last run (and those deleted), one item each with changeType "changed" or "deleted". The position is kept in the workflow's static data, which n8n saves for active and scheduled runs, not for manual test runs.`,
			name: 'changesNotice',
			type: 'notice',
			default: '',
			displayOptions: { show },
		},
		{
			displayName: 'Sync Name',
			name: 'syncName',
			type: 'string',
			default: 'default',
			displayOptions: { show },
			description:
				'Names this position in the change stream. Use a different name for each flow that reads the same changes; Confirm Changes must use the same name.',
		},
		{
			displayName: 'Options',
			name: 'changesOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [
				fieldsOption,
				exactOutputOption,
				{
					displayName: 'Confirm Later',
					name: 'confirmLater',
					type: 'boolean',
					default: false,
					description:
						'Whether to keep the position until a Confirm Changes step at the end of the flow succeeds. Then a run that fails half-way reads the same changes again next time instead of losing them.',
				},
				{
					displayName: 'Include Deletions',
					name: 'includeDeleted',
					type: 'boolean',
					default: true,
					description: 'Whether to also return records deleted in Exact (from sync/Deleted)',
				},
				{
					displayName: 'Start From Scratch',
					name: 'startOver',
					type: 'boolean',
					default: false,
					description: 'Whether to forget the position and read everything again (a full resync)',
				},
				...extraOptions,
			],
		},
	];
}

const GUID_REGEX = '^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$';

/** "By ID" mode of a resource locator: an Exact GUID. */
export const byIdMode = {
	displayName: 'By ID',
	name: 'id',
	type: 'string' as const,
	placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6',
	validation: [{ type: 'regex' as const, properties: { regex: GUID_REGEX, errorMessage: 'Not an Exact ID (GUID)' } }],
};

/** A resource locator for an Exact record: from a searchable list, by the code users know, or by ID. */
export function recordLocator(options: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	codePlaceholder: string;
	codeHint?: string;
	required?: boolean;
	show?: Show;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? false,
		...(options.show ? { displayOptions: { show: options.show } } : {}),
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true, searchFilterRequired: false },
			},
			{ displayName: 'By Code', name: 'code', type: 'string', placeholder: options.codePlaceholder, hint: options.codeHint },
			byIdMode,
		],
	};
}

/**
 * A payment condition (betalingsconditie): Exact refers to it by its code everywhere (accounts, invoices),
 * so the list gives codes; an ID is turned into the code with one call.
 */
export function paymentConditionLocator(name: string, description: string): INodeProperties {
	return recordLocator({
		displayName: 'Payment Condition',
		name,
		description,
		searchListMethod: 'searchPaymentConditions',
		codePlaceholder: 'e.g. 30',
	});
}

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

/** A collection of record fields: "Additional Fields" on create, "Update Fields" on update. */
export function fieldsCollection(
	displayName: 'Additional Fields' | 'Update Fields',
	show: Show,
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName,
		name: displayName === 'Additional Fields' ? 'additionalFields' : 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options,
	};
}
