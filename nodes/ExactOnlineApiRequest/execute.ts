import {
	NodeOperationError,
	jsonParse,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
} from 'n8n-workflow';
import { asNodeError } from '../shared/nodeErrors';
import { buildFilter, type FilterCondition } from '../ExactOnlineApi/filters';
import { ODataLiteralError } from '../ExactOnlineApi/odata';
import { ExactDateError } from '../ExactOnlineApi/dates';
import { cleanRecord } from '../ExactOnlineApi/records';
import {
	exactBaseUrl,
	exactGetAll,
	exactRequest,
	fetchCurrentUser,
	readList,
	EXACT_CREDENTIAL_TYPE,
	type ExactQuery,
} from '../ExactOnlineApi/transport';
import { readRateLimitHeaders } from '../ExactOnlineApi/transport/throttle';

interface RequestOptions {
	orderBy?: string;
	output?: 'clean' | 'raw';
	queryParameters?: { parameter?: Array<{ name: string; value: string }> };
	rawFilter?: string;
	timeout?: number;
}

/** "/api/v1/current/Me" is used as is; anything else sits below the division. */
function splitPath(path: string): { path: string; withDivision: boolean } {
	const trimmed = path.trim();
	const absolute = /^\/?api\/v1\//.exec(trimmed);
	if (absolute) return { path: trimmed.slice(absolute[0].length), withDivision: false };
	return { path: trimmed.replace(/^\/+/, ''), withDivision: true };
}

function parseBody(this: IExecuteFunctions, itemIndex: number): IDataObject | IDataObject[] {
	const raw = this.getNodeParameter('body', itemIndex, '{}') as string | IDataObject;
	if (typeof raw !== 'string') return raw;
	try {
		return jsonParse<IDataObject | IDataObject[]>(raw);
	} catch {
		throw new NodeOperationError(this.getNode(), 'The Body is not valid JSON', {
			itemIndex,
			description: 'Write the body as a JSON object, e.g. {"Name": "Bakkerij \'t Hoekje"}',
		});
	}
}

export async function makeRequest(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const { path, withDivision } = splitPath(this.getNodeParameter('path', itemIndex) as string);
	if (!path) {
		throw new NodeOperationError(this.getNode(), 'The Path is empty', {
			itemIndex,
			description: 'Enter an endpoint such as crm/Accounts',
		});
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as RequestOptions;
	const clean = (records: IDataObject[]) => (options.output === 'raw' ? records : records.map(cleanRecord));

	const query: ExactQuery = {};
	for (const parameter of options.queryParameters?.parameter ?? []) {
		if (parameter.name) query[parameter.name] = parameter.value;
	}

	if (method !== 'GET') {
		const response = await exactRequest.call(this, {
			method,
			path,
			withDivision,
			query,
			body: method === 'POST' || method === 'PUT' ? parseBody.call(this, itemIndex) : undefined,
			itemIndex,
			timeout: options.timeout,
		});
		const records = readList(response.body).records;
		return records.length ? clean(records) : [{ success: true, status: response.status }];
	}

	const select = (this.getNodeParameter('select', itemIndex, '') as string).replace(/\s+/g, '');
	const conditions = (
		this.getNodeParameter('conditions', itemIndex, {}) as { condition?: FilterCondition[] }
	).condition ?? [];
	let filter: string | undefined;
	try {
		filter = buildFilter(conditions, options.rawFilter);
	} catch (error) {
		if (error instanceof ODataLiteralError || error instanceof ExactDateError) {
			throw new NodeOperationError(this.getNode(), `A condition is not valid: ${error.message}`, { itemIndex });
		}
		throw asNodeError(this.getNode(), error, itemIndex);
	}
	if (select) query.$select = select;
	if (filter) query.$filter = filter;
	if (options.orderBy) query.$orderby = options.orderBy;

	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const records = withDivision
		? await exactGetAll.call(this, { path, query, limit, itemIndex, timeout: options.timeout })
		: readList(
				(await exactRequest.call(this, { path, withDivision, query, itemIndex, timeout: options.timeout })).body,
			).records;
	return clean(records);
}

export async function testConnection(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const credentials = await this.getCredentials(EXACT_CREDENTIAL_TYPE, itemIndex);
	const me = await fetchCurrentUser.call(
		this,
		'CurrentDivision,FullName,UserName,DivisionCustomerName,LanguageCode',
	);
	const configured = String(credentials.division ?? '').trim();
	const division = configured ? Number(configured) : me.CurrentDivision;
	const divisions = await exactRequest.call(this, {
		path: 'system/Divisions',
		query: { $select: 'Code,Description,CustomerName', $filter: `Code eq ${division}` },
		itemIndex,
	});
	const found = readList(divisions.body).records[0];
	const limits = readRateLimitHeaders(divisions.headers);
	return [
		{
			connected: true,
			host: exactBaseUrl(credentials),
			user: me.FullName ?? me.UserName ?? null,
			division,
			divisionName: (found?.Description as string) ?? null,
			divisionSource: configured ? 'credential' : 'current division of the user',
			callsLeftThisMinute: limits.minutelyRemaining ?? null,
			callsLeftToday: limits.dailyRemaining ?? null,
		},
	];
}
