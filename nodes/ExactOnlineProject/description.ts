import type { INodeProperties } from 'n8n-workflow';
import { filtersCollection, modifiedSinceFilter, returnAllOrLimit, type Show } from '../shared/descriptions';
import { confirmParameters } from '../ExactOnlineApi/operations/confirmChanges';
import { changesParameters } from '../ExactOnlineApi/operations/getChanges';
import { byIdMode, recordLocator } from '../ExactOnlineApi/operations/locate';
import { readOptions } from '../ExactOnlineApi/operations/output';
import { fieldsCollection } from '../ExactOnlineApi/operations/write';

const forResource = (resource: string, ...operation: string[]): Show => ({ resource: [resource], operation });

const CHANGES_OPERATIONS = (plural: string, action: string) => [
	{ name: 'Confirm Changes', value: 'confirmChanges', action: `Confirm ${action} changes were processed`, description: 'Make the position of a Get Changes step with Confirm Later final' },
	{ name: 'Get Changes', value: 'getChanges', action: `Get changed ${plural}`, description: `Get ${plural} created, changed or deleted since the last run (sync endpoint)` },
];

function operationFor(resource: string, defaultValue: string, options: INodeProperties['options']): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: defaultValue,
		options,
	};
}

const projectLocator = (name: string, show: Show, description: string): INodeProperties =>
	recordLocator({
		displayName: 'Project',
		name,
		show,
		required: true,
		description,
		searchListMethod: 'searchProjects',
		codePlaceholder: 'e.g. P2025-001',
		codeHint: 'The project code as Exact shows it',
	});

const employeeLocator = (show: Show): INodeProperties =>
	recordLocator({
		displayName: 'Employee',
		name: 'employee',
		show,
		required: true,
		description: 'The employee (medewerker) who worked the hours',
		searchListMethod: 'searchEmployees',
		codePlaceholder: 'e.g. 12',
		codeHint: 'The employee code (personeelsnummer); OutSmart uses it as the employee number',
	});

const hourTypeLocator = (show: Show): INodeProperties =>
	recordLocator({
		displayName: 'Hour Type',
		name: 'hourType',
		show,
		required: true,
		description: 'The hour type (uursoort): an Exact time item',
		searchListMethod: 'searchItems',
		codePlaceholder: 'e.g. ARBEID',
		codeHint: 'The item code of the time item',
	});

const planningLocator: INodeProperties = {
	displayName: 'Planning Line ID',
	name: 'planningLine',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	displayOptions: { show: forResource('planning', 'get') },
	description: 'The planning line; Exact gives planning lines no code, only an ID (e.g. from Get Many or Get Changes)',
	modes: [byIdMode],
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'project',
		options: [
			{ name: 'Planning', value: 'planning', description: 'Project planning (projectplanning): an employee planned on a project with an hour type, from start to end' },
			{ name: 'Project', value: 'project', description: 'Projects (projecten) of customers' },
			{ name: 'Time Transaction', value: 'timeTransaction', description: 'Hours (uren) booked on a project' },
		],
	},
	operationFor('project', 'getMany', [
		CHANGES_OPERATIONS('projects', 'project')[0],
		{ name: 'Get', value: 'get', action: 'Get a project', description: 'Get one project by code or ID' },
		CHANGES_OPERATIONS('projects', 'project')[1],
		{ name: 'Get Many', value: 'getMany', action: 'Get many projects', description: 'Get projects that match filters' },
	]),
	operationFor('planning', 'getMany', [
		CHANGES_OPERATIONS('planning lines', 'planning')[0],
		{ name: 'Get', value: 'get', action: 'Get a planning line', description: 'Get one planning line by ID' },
		CHANGES_OPERATIONS('planning lines', 'planning')[1],
		{ name: 'Get Many', value: 'getMany', action: 'Get many planning lines', description: 'Get planning lines that match filters' },
	]),
	operationFor('timeTransaction', 'getMany', [
		{ name: 'Create', value: 'create', action: 'Create a time transaction', description: 'Book hours of an employee on a project' },
		{
			name: 'Create From OutSmart Work Order',
			value: 'createFromWorkOrder',
			action: 'Book the hours of an OutSmart work order on its project',
			description: 'Each work period of a completed project work order becomes a time transaction on the project, once (the work order number in the notes is the key)',
		},
		{ name: 'Get Many', value: 'getMany', action: 'Get many time transactions', description: 'Get hours booked on projects that match filters' },
	]),

	// Project
	projectLocator('project', forResource('project', 'get'), 'The project in Exact'),
	readOptions(forResource('project', 'get')),
	...returnAllOrLimit(forResource('project', 'getMany')),
	filtersCollection(forResource('project', 'getMany'), [
		{ displayName: 'Account ID', name: 'account', type: 'string', default: '', description: 'Only projects of this customer (its Exact ID)' },
		{ displayName: 'Code', name: 'code', type: 'string', default: '', description: 'Exact project code, e.g. P2025-001' },
		{ displayName: 'Description Contains', name: 'descriptionContains', type: 'string', default: '', description: 'Part of the project description' },
		modifiedSinceFilter('projects'),
		{ displayName: 'Open Only', name: 'openOnly', type: 'boolean', default: false, description: 'Whether to leave out projects whose end date has passed' },
	]),
	readOptions(forResource('project', 'getMany')),
	...changesParameters(forResource('project', 'getChanges'), 'projects'),
	...confirmParameters(forResource('project', 'confirmChanges')),

	// Planning
	planningLocator,
	readOptions(forResource('planning', 'get')),
	...returnAllOrLimit(forResource('planning', 'getMany')),
	filtersCollection(forResource('planning', 'getMany'), [
		{ displayName: 'Employee ID', name: 'employee', type: 'string', default: '', description: 'Only lines of this employee (their Exact ID)' },
		{ displayName: 'From', name: 'from', type: 'dateTime', default: '', description: 'Only lines that end on or after this moment' },
		modifiedSinceFilter('planning lines'),
		{ displayName: 'Project ID', name: 'project', type: 'string', default: '', description: 'Only lines of this project (its Exact ID)' },
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'any',
			description: 'Only planned lines (work for a technician), only reserved ones, or both',
			options: [
				{ name: 'Any', value: 'any' },
				{ name: 'Planned', value: '2' },
				{ name: 'Reserved', value: '1' },
			],
		},
		{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: 'Only lines that start before this moment' },
	]),
	readOptions(forResource('planning', 'getMany')),
	...changesParameters(forResource('planning', 'getChanges'), 'planning lines'),
	...confirmParameters(forResource('planning', 'confirmChanges')),

	// Time transaction
	projectLocator('timeProject', forResource('timeTransaction', 'create'), 'The project the hours are booked on'),
	employeeLocator(forResource('timeTransaction', 'create')),
	hourTypeLocator(forResource('timeTransaction', 'create')),
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: forResource('timeTransaction', 'create') },
		description: 'The day the hours were worked (Dutch time)',
	},
	{
		displayName: 'Hours',
		name: 'quantity',
		type: 'number',
		required: true,
		default: 1,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		displayOptions: { show: forResource('timeTransaction', 'create') },
		description: 'How many hours, e.g. 1.5',
	},
	fieldsCollection('Additional Fields', forResource('timeTransaction', 'create'), [
		{ displayName: 'End Time', name: 'EndTime', type: 'dateTime', default: '', description: 'When the work ended' },
		{ displayName: 'Notes', name: 'Notes', type: 'string', default: '', description: 'Remarks on the hours' },
		{ displayName: 'Start Time', name: 'StartTime', type: 'dateTime', default: '', description: 'When the work started' },
	]),
	readOptions(forResource('timeTransaction', 'create')),
	{
		displayName: 'Work Order',
		name: 'workOrder',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		displayOptions: { show: forResource('timeTransaction', 'createFromWorkOrder') },
		description:
			'A completed work order from the OutSmart node or trigger. Its project (ProjectNr) is the Exact project code, each work period\'s employee number the Exact employee code and its hour type the Exact time item code. Periods booked before (their work order number and period in the notes) are not booked again.',
	},
	{
		displayName: 'Options',
		name: 'timeOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: forResource('timeTransaction', 'createFromWorkOrder') },
		options: [
			{
				displayName: 'Fallback Hour Type',
				name: 'fallbackHourType',
				type: 'string',
				default: '',
				placeholder: 'e.g. ARBEID',
				description: 'Exact time item code for work periods without an hour type; empty: such a period is an error',
			},
		],
	},
	...returnAllOrLimit(forResource('timeTransaction', 'getMany')),
	filtersCollection(forResource('timeTransaction', 'getMany'), [
		{ displayName: 'Employee ID', name: 'employee', type: 'string', default: '', description: 'Only hours of this employee (their Exact ID)' },
		{ displayName: 'From Date', name: 'from', type: 'dateTime', default: '', description: 'Only hours on or after this day' },
		{ displayName: 'Notes Contain', name: 'notesContain', type: 'string', default: '', description: 'Part of the notes, e.g. a work order number' },
		{ displayName: 'Project Code', name: 'projectCode', type: 'string', default: '', description: 'Only hours on this project, e.g. P2025-001' },
		{ displayName: 'To Date', name: 'to', type: 'dateTime', default: '', description: 'Only hours before this day' },
	]),
	readOptions(forResource('timeTransaction', 'getMany')),
];
