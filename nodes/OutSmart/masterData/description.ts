/** The parameters of the master-data resources (relations, materials, ...): Get Many, Upsert, Delete. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationSelector, returnAllOrLimit } from '../../shared/descriptions';
import { filtersParameter, outSmartOutputOption } from '../../OutSmartApi/descriptions';
import type { OutSmartEntity } from '../../OutSmartApi/entities';
import { FROM_EXACT } from './fromExact';

function fieldOptions(entity: OutSmartEntity): INodePropertyOptions[] {
	return entity.fields
		.map((field) => ({ name: `${field.displayName} (${field.name})`, value: field.name }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

function operations(entity: OutSmartEntity): INodeProperties {
	const label = entity.label;
	const options: INodePropertyOptions[] = [
		{ name: 'Get Many', value: 'getMany', action: `Get many ${label}s`, description: `List ${label}s, optionally filtered` },
		{
			name: 'Create or Update',
			value: 'upsert',
			action: `Create or update ${label}s`,
			description: 'Create a new record, or update the current one if it already exists (upsert)',
		},
	];
	if (entity.delete) {
		options.unshift({
			name: 'Delete',
			value: 'delete',
			action: `Delete a ${label}`,
			description: `Delete a ${label} by its ${entity.delete.keyDisplayName.toLowerCase()}`,
		});
	}
	return { ...operationSelector(options, 'getMany'), displayOptions: { show: { resource: [entity.resource] } } };
}

function upsertParameters(entity: OutSmartEntity): INodeProperties[] {
	const show = { resource: [entity.resource], operation: ['upsert'] };
	const required = entity.fields.filter((f) => f.required).map((f) => f.name);
	return [
		{
			displayName: 'Fields to Send',
			name: 'dataMode',
			type: 'options',
			default: 'defineBelow',
			description: `Where the ${entity.label} fields come from`,
			displayOptions: { show },
			options: [
				{
					name: 'Map Automatically',
					value: 'autoMapInputData',
					description: `Send the input item's fields that carry OutSmart's names (${entity.fields
						.slice(0, 3)
						.map((f) => f.name)
						.join(', ')}, ...); other fields are ignored and listed in the output`,
				},
				{ name: 'Define Below', value: 'defineBelow', description: 'Set each field with a value or an expression' },
				...(FROM_EXACT[entity.resource]
					? [
							{
								name: 'Map From Exact Record',
								value: 'fromExact',
								description: `The input item is ${FROM_EXACT[entity.resource]} from an Exact Online node; fields set below override the mapping`,
							},
						]
					: []),
			],
		},
		{
			displayName: `OutSmart needs ${required.join(', ')} for a new ${entity.label}. For an existing one, required fields you leave out are taken from OutSmart, so you can send only what changes. Numbers, booleans and ISO dates are written the way OutSmart wants them.`,
			name: 'upsertNotice',
			type: 'notice',
			default: '',
			displayOptions: { show },
		},
		{
			displayName: 'Fields',
			name: 'fieldsUi',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: { ...show, dataMode: ['defineBelow', 'fromExact'] } },
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'name',
							type: 'options',
							options: fieldOptions(entity),
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The value to write; numbers, booleans and ISO dates are converted to what OutSmart expects' },
					],
				},
			],
		},
		{
			displayName: 'Options',
			name: 'upsertOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Batch Size',
					name: 'batchSize',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 100,
					description: 'Records per OutSmart call. When OutSmart refuses a batch, it is split to find the refused record; the others are stored.',
				},
				{
					displayName: 'Include Record Sent',
					name: 'includeRecord',
					type: 'boolean',
					default: true,
					description:
						'Whether each output item holds the record as it was sent to OutSmart. Off, an item says only what happened (outcome, key, changed fields): a first import of thousands then keeps n8n\'s memory and its stored execution smaller.',
				},
				{
					displayName: 'Send Unchanged Records',
					name: 'sendUnchanged',
					type: 'boolean',
					default: false,
					description: 'Whether to also send records that already have these values in OutSmart (normally skipped, reported as "unchanged")',
				},
				...(entity.replaceable
					? [{ displayName: entity.replaceable.displayName, name: 'replaceOthers', type: 'boolean' as const, default: false, description: entity.replaceable.description }]
					: []),
			],
		},
	];
}

function getManyParameters(entity: OutSmartEntity): INodeProperties[] {
	const show = { resource: [entity.resource], operation: ['getMany'] };
	return [
		...returnAllOrLimit(show),
		filtersParameter(
			show,
			fieldOptions(entity),
			`OutSmart's advanced filters; all must match. OutSmart has no paging: it always answers the whole list, the limit is applied here.`,
		),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [outSmartOutputOption],
		},
	];
}

function deleteParameters(entity: OutSmartEntity): INodeProperties[] {
	if (!entity.delete) return [];
	return [
		{
			displayName: entity.delete.keyDisplayName,
			name: 'deleteKey',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: { resource: [entity.resource], operation: ['delete'] } },
			description: `The ${entity.delete.keyDisplayName.toLowerCase()} of the ${entity.label} to delete`,
		},
	];
}

export function masterDataProperties(entity: OutSmartEntity): INodeProperties[] {
	return [operations(entity), ...getManyParameters(entity), ...upsertParameters(entity), ...deleteParameters(entity)];
}
