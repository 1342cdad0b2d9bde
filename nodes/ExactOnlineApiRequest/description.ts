import type { INodeProperties } from 'n8n-workflow';
import { exactOutputOption } from '../ExactOnlineApi/operations/output';
import { returnAllOrLimit } from '../shared/descriptions';

const forRequest = { show: { operation: ['request'] } };
const forGet = { show: { operation: ['request'], method: ['GET'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'request',
		options: [
			{
				name: 'Make a Request',
				value: 'request',
				action: 'Make a request to any exact online endpoint',
				description: 'Call any endpoint under /api/v1/{division}/ with paging, throttling and clear errors',
			},
			{
				name: 'Test Connection',
				value: 'testConnection',
				action: 'Show which administration the credential reaches',
				description: 'Shows the Exact user, the administration (division) this credential works in, and the calls left today',
			},
		],
	},
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'GET',
		description: 'HTTP method: GET reads (retried after network errors), POST creates, PUT updates, DELETE removes',
		displayOptions: forRequest,
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		displayOptions: forRequest,
		placeholder: "e.g. crm/Accounts or logistics/Items(guid'…')",
		description:
			'Endpoint below /api/v1/{division}/; the division comes from the credential. Start with /api/v1/ for the few endpoints without a division, such as /api/v1/current/Me.',
	},
	{
		displayName: 'Fields',
		name: 'select',
		type: 'string',
		default: '',
		displayOptions: forGet,
		placeholder: 'e.g. ID,Code,Name,Modified',
		description:
			'Comma-separated fields to return ($select). Ask only for what you need; /sync/ and /bulk/ endpoints require it.',
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		displayOptions: forGet,
		description: 'Conditions joined with "and" into $filter. Values are escaped for you, so names with quotes are safe.',
		options: [
			{
				name: 'condition',
				displayName: 'Condition',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'e.g. Name',
						description: 'Exact field to compare, as Exact spells it',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'eq',
						description: 'How the field is compared with the value',
						options: [
							{ name: 'Contains', value: 'contains' },
							{ name: 'Equals', value: 'eq' },
							{ name: 'Greater Than', value: 'gt' },
							{ name: 'Greater Than or Equal', value: 'ge' },
							{ name: 'Less Than', value: 'lt' },
							{ name: 'Less Than or Equal', value: 'le' },
							{ name: 'Not Equals', value: 'ne' },
							{ name: 'Starts With', value: 'startsWith' },
						],
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'What the field is compared with; quotes are escaped for you',
					},
					{
						displayName: 'Value Type',
						name: 'valueType',
						type: 'options',
						default: 'string',
						description: 'How Exact must read the value',
						options: [
							{ name: 'Account Code (Padded to 18)', value: 'accountCode' },
							{ name: 'Boolean', value: 'boolean' },
							{ name: 'Date / Time (Dutch Time)', value: 'datetime' },
							{ name: 'ID (GUID)', value: 'guid' },
							{ name: 'Number', value: 'number' },
							{ name: 'Text', value: 'string' },
							{ name: 'Whole Number (Int64)', value: 'int64' },
						],
					},
				],
			},
		],
	},
	...returnAllOrLimit(forGet.show),
	{
		displayName: 'Body',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { operation: ['request'], method: ['POST', 'PUT'] } },
		description:
			'JSON body. Lines can be nested in the header, e.g. SalesInvoiceLines inside a SalesInvoices POST. Dates as "2026-01-31T00:00:00".',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: forRequest,
		options: [
			{
				displayName: 'Order By',
				name: 'orderBy',
				type: 'string',
				default: '',
				placeholder: 'e.g. Modified desc',
				description: 'Sort order ($orderby)',
			},
			exactOutputOption,
			{
				displayName: 'Query Parameters',
				name: 'queryParameters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Parameter',
				description: 'Other query parameters for the URL',
				options: [
					{
						name: 'parameter',
						displayName: 'Parameter',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. $expand', description: 'Query parameter name' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Query parameter value, sent URL-encoded' },
						],
					},
				],
			},
			{
				displayName: 'Raw Filter',
				name: 'rawFilter',
				type: 'string',
				default: '',
				placeholder: "e.g. Blocked eq false and Status eq 'C'",
				description:
					'An OData $filter written by hand, joined with the conditions by "and". You must escape quotes yourself (\'O\'\'Neill\'); prefer Conditions.',
			},
			{
				displayName: 'Timeout (Ms)',
				name: 'timeout',
				type: 'number',
				default: 120000,
				typeOptions: { minValue: 1000 },
				description: 'How long to wait for one answer from Exact',
			},
		],
	},
];
