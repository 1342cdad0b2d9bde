import type { INodeProperties } from 'n8n-workflow';
import { filtersCollection, modifiedSinceFilter, operationSelector, returnAllOrLimit } from '../shared/descriptions';
import { confirmParameters } from '../ExactOnlineApi/operations/confirmChanges';
import { changesParameters } from '../ExactOnlineApi/operations/getChanges';
import { recordLocator } from '../ExactOnlineApi/operations/locate';
import { readOptions } from '../ExactOnlineApi/operations/output';

const on = (...operation: string[]) => ({ operation });

export const properties: INodeProperties[] = [
	operationSelector(
		[
			{ name: 'Confirm Changes', value: 'confirmChanges', action: 'Confirm employee changes were processed', description: 'Make the position of a Get Changes step with Confirm Later final' },
			{ name: 'Get', value: 'get', action: 'Get an employee', description: 'Get one employee by ID or code' },
			{ name: 'Get Changes', value: 'getChanges', action: 'Get changed employees', description: 'Get employees created or changed since the last run (one who leaves gets an end date)' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many employees', description: 'Get employees that match filters' },
		],
		'getMany',
	),
	recordLocator({
		displayName: 'Employee',
		name: 'employee',
		show: on('get'),
		required: true,
		description: 'The employee (medewerker) in Exact',
		searchListMethod: 'searchEmployees',
		codePlaceholder: 'e.g. 12',
		codeHint: 'The employee code (personeelsnummer) as Exact shows it',
	}),
	readOptions(on('get')),
	...returnAllOrLimit(on('getMany')),
	filtersCollection(on('getMany'), [
		{ displayName: 'Active Only', name: 'activeOnly', type: 'boolean', default: true, description: 'Whether to leave out employees who left (not active in Exact)' },
		{ displayName: 'Code', name: 'code', type: 'string', default: '', description: 'Exact employee code, e.g. 12' },
		modifiedSinceFilter('employees'),
		{ displayName: 'Name Contains', name: 'nameContains', type: 'string', default: '', description: 'Part of the full name' },
	]),
	readOptions(on('getMany')),
	...changesParameters(on('getChanges'), 'employees'),
	...confirmParameters(on('confirmChanges')),
];
