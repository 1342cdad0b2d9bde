import type { IncomingHttpHeaders } from 'http';
import type { ExactRecord } from '../seed/types';
import { exactDate, parseDateInput } from './dates';
import { ENTITY_SETS, findEndpoint, serviceOf } from './entities';
import type { EndpointDef } from './entities';
import { COUNTED_ERROR_STATUSES } from './errorLimit';
import { ExactHttpError, badRequest, errorEnvelope, notFound } from './errors';
import { endpointFields, isEdm, isNumericEdm } from './fields';
import {
	compareScalars,
	formatLiteral,
	isGuid,
	normalize,
	parseExpand,
	parseFilter,
	parseOrderBy,
	parseSelect,
	parseSkiptoken,
	parseTop,
} from './odata';
import type { OrderKey, Scalar } from './odata';
import type { SimResponse } from './response';
import { jsonResponse, textResponse } from './response';
import { createRecord, deleteRecord, runAction, updateRecord } from './rules';
import type { WriteBody } from './rules';
import type { ExactState } from './state';
import { atomEntry, atomFeed, xmlError } from './xml';
import type { Projected } from './xml';

/**
 * /api/v1/...: authentication, division access, the error-limit block, rate limits, scopes, then the
 * endpoint table (entities.ts) decides what a GET/POST/PUT/DELETE does. JSON with Accept: application/json,
 * Atom XML otherwise.
 */

export interface ApiRequest {
	method: string;
	/** Raw (still percent-encoded) path, e.g. /api/v1/1234567/crm/Accounts. */
	pathname: string;
	/** Raw query string without '?'. */
	rawQuery: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
	/** http://host:port as the client addressed us (for __next and __metadata). */
	origin: string;
}

export interface ApiOutcome {
	response: SimResponse;
	division?: number;
	/** "GET crm/Accounts" (key and division removed). */
	endpointKey: string;
}

const MANDATORY_FILTER_MESSAGE = 'Please add a $select or a $top=1 statement to the query string.';
const KNOWN_OPTIONS = ['$filter', '$select', '$orderby', '$top', '$skip', '$skiptoken', '$expand', '$inlinecount', '$format'];

interface Parsed {
	division?: number;
	endpoint?: EndpointDef;
	/** Endpoint path as given (for unknown endpoints). */
	path: string;
	keyText?: string;
	nav?: string;
	count: boolean;
}

function parsePath(pathname: string, state: ExactState): Parsed {
	let rest: string;
	try {
		rest = decodeURIComponent(pathname.slice('/api/v1/'.length));
	} catch {
		rest = pathname.slice('/api/v1/'.length);
	}
	const first = rest.split('/')[0];
	let division: number | undefined;
	let remainder: string;
	if (first.toLowerCase() === 'current') {
		division = state.currentDivision;
		remainder = rest;
	} else if (/^\d+$/.test(first)) {
		division = Number(first);
		remainder = rest.slice(first.length + 1);
	} else {
		return { path: rest, count: false };
	}
	let count = false;
	if (/\/\$count$/i.test(remainder)) {
		count = true;
		remainder = remainder.replace(/\/\$count$/i, '');
	}
	const keyed = /^(.*?)\(([^)]*)\)(?:\/([A-Za-z_]+))?$/.exec(remainder);
	const path = keyed ? keyed[1] : remainder;
	let endpoint = findEndpoint(path);
	// current/Me has no division; every other endpoint needs one
	if (endpoint && Boolean(endpoint.noDivision) !== (first.toLowerCase() === 'current')) endpoint = undefined;
	return { division, endpoint, path, keyText: keyed?.[2], nav: keyed?.[3], count };
}

function wantsJson(headers: IncomingHttpHeaders, query: URLSearchParams): boolean {
	return String(headers.accept ?? '').toLowerCase().includes('application/json') || query.get('$format') === 'json';
}

function errorResponse(status: number, message: string, json: boolean, headers: Record<string, string> = {}): SimResponse {
	return json
		? jsonResponse(status, errorEnvelope(message), headers)
		: textResponse(status, xmlError(message), headers, 'application/xml; charset=utf-8');
}

export function handleApi(state: ExactState, req: ApiRequest): ApiOutcome {
	const query = new URLSearchParams(req.rawQuery);
	const json = wantsJson(req.headers, query);
	const parsed = parsePath(req.pathname, state);
	const endpointPath = parsed.endpoint?.path ?? parsed.path;
	const endpointKey = `${req.method} ${endpointPath}`;
	const division = parsed.division;
	const done = (response: SimResponse): ApiOutcome => ({ response, division, endpointKey });

	if (division === undefined) {
		return done(errorResponse(404, `Resource not found for the segment '${parsed.path.split('/')[0]}'.`, json));
	}
	const countError = (response: SimResponse): SimResponse => {
		if (COUNTED_ERROR_STATUSES.includes(response.status)) state.errorLimiter.record(division, endpointPath);
		return response;
	};

	const auth = state.oauth.authenticate(req.headers.authorization);
	if (!auth.ok) {
		return done(
			countError(
				textResponse(401, `Unauthorized: ${auth.message}`, {
					'WWW-Authenticate': 'Bearer error="invalid_token"',
					...state.rateLimiter.peek(division),
				}),
			),
		);
	}

	const blockedUntil = state.errorLimiter.blockedUntil(division, endpointPath);
	if (blockedUntil !== undefined) {
		state.stats.blockedCalls += 1;
		return done(
			errorResponse(
				403,
				`Endpoint blocked: more than 10 errors within an hour on ${endpointPath}. Calls are refused until ${new Date(blockedUntil).toISOString()}.`,
				json,
				{ Reason: 'ErrorLimitExceeded', ...state.rateLimiter.peek(division) },
			),
		);
	}

	if (!state.accessibleDivisions.includes(division)) {
		return done(
			countError(
				errorResponse(403, `Forbidden: no access to division ${division}`, json, { Reason: 'NoDivisionAccess', ...state.rateLimiter.peek(division) }),
			),
		);
	}

	const rate = state.rateLimiter.consume(division);
	if (!rate.allowed) {
		const message =
			rate.kind === 'minutely'
				? `API rate limit exceeded: ${state.rateLimiter.minutelyLimit} calls per minute for division ${division}`
				: `API rate limit exceeded: ${state.rateLimiter.dailyLimit} calls per day for division ${division}`;
		return done(errorResponse(429, message, json, rate.headers));
	}

	let response: SimResponse;
	try {
		const endpoint = parsed.endpoint;
		if (!endpoint) throw notFound(`Resource not found for the segment '${parsed.path.split('/').pop() ?? ''}'.`);
		if (state.deniedScopes.has(serviceOf(endpoint.path))) throw new ExactHttpError(403, 'Forbidden - Application Scope Violated');
		if (!endpoint.methods.includes(req.method as EndpointDef['methods'][number])) {
			throw new ExactHttpError(405, `The HTTP method '${req.method}' is not allowed on ${endpoint.path}.`, { Allow: endpoint.methods.join(', ') });
		}
		response = dispatch(state, endpoint, parsed, division, req, query, json);
	} catch (error) {
		if (!(error instanceof ExactHttpError)) throw error;
		response = errorResponse(error.status, error.message, json, error.headers);
	}
	countError(response);
	Object.assign(response.headers, rate.headers);
	return done(response);
}

// ---------------------------------------------------------------- dispatch

interface Ctx {
	state: ExactState;
	endpoint: EndpointDef;
	division: number;
	req: ApiRequest;
	query: URLSearchParams;
	json: boolean;
	fields: Record<string, string>;
	/** http://host/api/v1/1234567/ */
	serviceRoot: string;
}

function dispatch(
	state: ExactState,
	endpoint: EndpointDef,
	parsed: Parsed,
	division: number,
	req: ApiRequest,
	query: URLSearchParams,
	json: boolean,
): SimResponse {
	const ctx: Ctx = {
		state,
		endpoint,
		division,
		req,
		query,
		json,
		fields: endpointFields(endpoint.fieldsKey).fields,
		serviceRoot: `${req.origin}/api/v1/${endpoint.noDivision ? '' : `${division}/`}`,
	};
	for (const name of query.keys()) {
		if (name.startsWith('$') && !KNOWN_OPTIONS.includes(name)) {
			throw badRequest(`The query parameter '${name}' begins with a system-reserved '$' character but is not recognized.`);
		}
	}
	switch (req.method) {
		case 'GET':
			if (parsed.count) return countRows(ctx);
			if (parsed.keyText !== undefined) return parsed.nav ? getNavigation(ctx, parsed.keyText, parsed.nav) : getSingle(ctx, parsed.keyText);
			return getCollection(ctx);
		case 'POST':
			if (parsed.keyText !== undefined) throw badRequest('POST is only allowed on a collection, without a key.');
			return post(ctx);
		case 'PUT':
			return put(ctx, requireKey(ctx, parsed.keyText));
		default:
			return remove(ctx, requireKey(ctx, parsed.keyText));
	}
}

function requireKey(ctx: Ctx, keyText: string | undefined): string {
	if (keyText === undefined) throw badRequest(`${ctx.req.method} needs a key: ${ctx.endpoint.path}(guid'...')`);
	return String(parseKey(ctx, keyText));
}

function parseKey(ctx: Ctx, keyText: string): string | number {
	const type = ctx.fields[ctx.endpoint.key] ?? 'Edm.Guid';
	const text = keyText.trim();
	if (type === 'Edm.Guid') {
		const m = /^guid'([^']*)'$/i.exec(text);
		if (!m || !isGuid(m[1])) throw badRequest('Bad Request - Error in query syntax.');
		return m[1].toLowerCase();
	}
	if (isNumericEdm(type)) {
		const m = /^(\d+)L?$/.exec(text);
		if (!m) throw badRequest('Bad Request - Error in query syntax.');
		return Number(m[1]);
	}
	const m = /^'((?:[^']|'')*)'$/.exec(text);
	if (!m) throw badRequest('Bad Request - Error in query syntax.');
	return m[1].replace(/''/g, "'");
}

function keyLiteral(value: unknown, type: string): string {
	if (type === 'Edm.Guid') return `guid'${value}'`;
	if (type === 'Edm.Int64') return `${value}L`;
	if (isNumericEdm(type)) return String(value);
	return `'${String(value).replace(/'/g, "''")}'`;
}

function allRows(ctx: Ctx): ExactRecord[] {
	const { endpoint, state, division } = ctx;
	if (endpoint.rows) return endpoint.rows(state.readContext(division));
	if (endpoint.entity) return state.store.list(endpoint.entity, division);
	return [];
}

function findRow(ctx: Ctx, key: string | number): ExactRecord | undefined {
	const { endpoint, state, division } = ctx;
	if (endpoint.entity && !endpoint.rows && typeof key === 'string') return state.store.get(endpoint.entity, division, key);
	const type = ctx.fields[endpoint.key] ?? 'Edm.Guid';
	return allRows(ctx).find((r) => normalize(r[endpoint.key], type) === key);
}

function segmentName(ctx: Ctx): string {
	return ctx.endpoint.path.split('/').pop() ?? ctx.endpoint.path;
}

// ---------------------------------------------------------------- projection and rendering

function project(ctx: Ctx, record: ExactRecord, names: string[], expand: string[]): Projected {
	const { endpoint, fields } = ctx;
	const uri = `${ctx.serviceRoot}${endpoint.path}(${keyLiteral(record[endpoint.key], fields[endpoint.key] ?? 'Edm.Guid')})`;
	const out: Projected = { __metadata: { uri, type: endpoint.typeName } };
	for (const name of names) {
		const type = fields[name];
		if (!isEdm(type)) {
			if (expand.includes(name) && endpoint.lineNav === name) {
				const line = lineContext(ctx);
				out[name] = { results: linesOf(ctx, record).map((l) => project(line, l, Object.keys(line.fields), [])) };
			} else {
				out[name] = { __deferred: { uri: `${uri}/${name}` } };
			}
			continue;
		}
		out[name] = record[name] ?? null;
	}
	return out;
}

/** Context for rendering the line entity of a header endpoint (for $expand and navigation). */
function lineContext(ctx: Ctx): Ctx {
	const set = ctx.endpoint.entity ? ENTITY_SETS[ctx.endpoint.entity] : undefined;
	const lineEndpoint = set?.lines ? findEndpoint(ENTITY_SETS[set.lines.entity].endpoint) : undefined;
	if (!lineEndpoint) throw notFound(`Resource not found for the segment '${segmentName(ctx)}'.`);
	return { ...ctx, endpoint: lineEndpoint, fields: endpointFields(lineEndpoint.fieldsKey).fields };
}

function linesOf(ctx: Ctx, header: ExactRecord): ExactRecord[] {
	const set = ctx.endpoint.entity ? ENTITY_SETS[ctx.endpoint.entity] : undefined;
	if (!set?.lines) return [];
	const { fk, entity } = set.lines;
	const key = header[set.key];
	return ctx.state.store
		.list(entity, ctx.division)
		.filter((l) => l[fk] === key)
		.sort((a, b) => Number(a.LineNumber ?? 0) - Number(b.LineNumber ?? 0));
}

function navFieldTypes(ctx: Ctx): Record<string, Record<string, string>> {
	if (!ctx.endpoint.lineNav) return {};
	return { [ctx.endpoint.lineNav]: lineContext(ctx).fields };
}

function successHeaders(): Record<string, string> {
	return { DataServiceVersion: '2.0;' };
}

function renderCollection(ctx: Ctx, records: Projected[], next?: string, count?: number): SimResponse {
	if (ctx.json) {
		const d: Record<string, unknown> = { results: records };
		if (count !== undefined) d.__count = String(count);
		if (next) d.__next = next;
		return { ...jsonResponse(200, { d }, successHeaders()), rows: records.length };
	}
	const xml = atomFeed(records, {
		fields: ctx.fields,
		navFields: navFieldTypes(ctx),
		title: segmentName(ctx),
		selfUrl: `${ctx.req.origin}${ctx.req.pathname}`,
		updated: new Date(ctx.state.now()).toISOString(),
		next,
	});
	return { ...textResponse(200, xml, successHeaders(), 'application/atom+xml; type=feed; charset=utf-8'), rows: records.length };
}

function renderEntry(ctx: Ctx, status: number, record: Projected, headers: Record<string, string> = {}): SimResponse {
	if (ctx.json) return jsonResponse(status, { d: record }, { ...successHeaders(), ...headers });
	const meta = record.__metadata as { uri: string };
	const xml = atomEntry(record, {
		fields: ctx.fields,
		navFields: navFieldTypes(ctx),
		title: segmentName(ctx),
		selfUrl: meta.uri,
		updated: new Date(ctx.state.now()).toISOString(),
	});
	return textResponse(status, xml, { ...successHeaders(), ...headers }, 'application/atom+xml; type=entry; charset=utf-8');
}

// ---------------------------------------------------------------- GET

function selectedNames(ctx: Ctx): string[] {
	const select = ctx.query.get('$select');
	return select ? parseSelect(select, ctx.fields, ctx.endpoint.typeName) : Object.keys(ctx.fields);
}

function expandedNames(ctx: Ctx): string[] {
	const expand = ctx.query.get('$expand');
	return expand ? parseExpand(expand, ctx.endpoint.lineNav ? [ctx.endpoint.lineNav] : [], ctx.endpoint.typeName) : [];
}

function filteredRows(ctx: Ctx): ExactRecord[] {
	const rows = allRows(ctx);
	const filter = ctx.query.get('$filter');
	if (!filter) return rows;
	const predicate = parseFilter(filter, ctx.fields, ctx.endpoint.typeName);
	return rows.filter(predicate);
}

/** Exact's words when mandatory filtering refuses an unfiltered read: they list the fields a filter may use. */
function filterRequiredMessage(ctx: Ctx): string {
	const fields = Object.keys(ctx.fields)
		.filter((name) => isEdm(ctx.fields[name]))
		.sort();
	return `This endpoint has mandatory filtering applied. A GET request for this endpoint must have a $filter parameter with one of the following fields in the url:${fields.join(',')}.`;
}

function getCollection(ctx: Ctx): SimResponse {
	const { endpoint, query } = ctx;
	const select = query.get('$select');
	const topText = query.get('$top');
	const top = topText === null ? undefined : parseTop(topText);
	if (endpoint.requireSelect && !select && top !== 1) throw badRequest(MANDATORY_FILTER_MESSAGE);
	if (endpoint.mandatoryFiltering && !select && top === undefined) throw badRequest(MANDATORY_FILTER_MESSAGE);
	if (ctx.state.mandatoryFiltering && endpoint.syncCovered && !query.get('$filter')?.trim()) throw badRequest(filterRequiredMessage(ctx));
	const names = selectedNames(ctx);
	const expand = expandedNames(ctx);

	const orderText = query.get('$orderby');
	const keys: OrderKey[] = orderText ? parseOrderBy(orderText, ctx.fields, endpoint.typeName) : [];
	for (const field of endpoint.orderBy) {
		if (!keys.some((k) => k.field === field)) keys.push({ field, desc: false });
	}
	const types = keys.map((k) => ctx.fields[k.field] ?? 'Edm.String');
	const compareTuples = (a: Scalar[], b: Scalar[]): number => {
		for (let i = 0; i < keys.length; i++) {
			const c = compareScalars(a[i], b[i]);
			if (c !== 0) return keys[i].desc ? -c : c;
		}
		return 0;
	};
	let rows = filteredRows(ctx)
		.map((record) => ({ record, tuple: keys.map((k, i) => normalize(record[k.field], types[i])) }))
		.sort((a, b) => compareTuples(a.tuple, b.tuple));
	const total = rows.length;

	const skiptoken = query.get('$skiptoken');
	if (skiptoken) {
		const after = parseSkiptoken(skiptoken, keys.length);
		rows = rows.filter((r) => compareTuples(r.tuple, after) > 0);
	} else {
		const skipText = query.get('$skip');
		if (skipText !== null) rows = rows.slice(parseTop(skipText));
	}

	const limit = Math.min(endpoint.pageSize, top ?? Number.POSITIVE_INFINITY);
	const page = rows.slice(0, limit);
	let next: string | undefined;
	const remainingTop = top === undefined ? undefined : top - page.length;
	if (rows.length > page.length && page.length > 0 && (remainingTop === undefined || remainingTop > 0)) {
		const last = page[page.length - 1];
		const token = keys.map((k, i) => formatLiteral(last.tuple[i], types[i])).join(',');
		next = nextLink(ctx.req, token, remainingTop);
	}
	const inline = query.get('$inlinecount') === 'allpages' ? total : undefined;
	return renderCollection(
		ctx,
		page.map((r) => project(ctx, r.record, names, expand)),
		next,
		inline,
	);
}

/** The next page: the request URL as sent, with $skiptoken (and what is left of $top) replaced. */
function nextLink(req: ApiRequest, token: string, remainingTop: number | undefined): string {
	const kept = req.rawQuery
		.split('&')
		.filter((part) => part && !/^(\$|%24)(skiptoken|top|skip)=/i.test(part));
	if (remainingTop !== undefined) kept.push(`$top=${remainingTop}`);
	kept.push(`$skiptoken=${encodeURIComponent(token)}`);
	return `${req.origin}${req.pathname}?${kept.join('&')}`;
}

function getSingle(ctx: Ctx, keyText: string): SimResponse {
	const row = findRow(ctx, parseKey(ctx, keyText));
	if (!row) throw notFound(`Resource not found for the segment '${segmentName(ctx)}'.`);
	return renderEntry(ctx, 200, project(ctx, row, selectedNames(ctx), expandedNames(ctx)));
}

function getNavigation(ctx: Ctx, keyText: string, nav: string): SimResponse {
	if (nav !== ctx.endpoint.lineNav) throw notFound(`Resource not found for the segment '${nav}'.`);
	const header = findRow(ctx, parseKey(ctx, keyText));
	if (!header) throw notFound(`Resource not found for the segment '${segmentName(ctx)}'.`);
	const line = lineContext(ctx);
	const names = ctx.query.get('$select') ? parseSelect(ctx.query.get('$select') ?? '', line.fields, line.endpoint.typeName) : Object.keys(line.fields);
	return renderCollection(line, linesOf(ctx, header).map((l) => project(line, l, names, [])));
}

function countRows(ctx: Ctx): SimResponse {
	return textResponse(200, String(filteredRows(ctx).length), successHeaders());
}

// ---------------------------------------------------------------- writes

function parseBody(ctx: Ctx): unknown {
	const text = ctx.req.body.toString('utf8');
	if (!text.trim()) throw badRequest('Error processing request stream. The request should be a valid top-level resource object.');
	try {
		return JSON.parse(text);
	} catch {
		throw badRequest('Error processing request stream. The request should be a valid top-level resource object.');
	}
}

function conversionError(name: string, type: string, value: unknown): ExactHttpError {
	return badRequest(`Error processing request stream. Cannot convert the value '${String(value)}' to the type '${type}' of property '${name}'.`);
}

/** A JSON value checked and converted for an Edm type (dates become "/Date(ms)/" in Dutch local time). */
function coerceValue(name: string, type: string, value: unknown): unknown {
	if (value === null) return null;
	switch (type) {
		case 'Edm.String':
		case 'Edm.Binary':
			if (typeof value !== 'string') throw conversionError(name, type, value);
			return value;
		case 'Edm.Guid':
			if (typeof value !== 'string' || !isGuid(value)) throw conversionError(name, type, value);
			return value.toLowerCase();
		case 'Edm.Boolean':
			if (typeof value !== 'boolean') throw conversionError(name, type, value);
			return value;
		case 'Edm.DateTime': {
			const local = parseDateInput(value);
			if (local === undefined) throw conversionError(name, type, value);
			return exactDate(local);
		}
		default: {
			if (!isNumericEdm(type)) return value;
			const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
			if (!Number.isFinite(n)) throw conversionError(name, type, value);
			if (type !== 'Edm.Double' && type !== 'Edm.Decimal' && type !== 'Edm.Single' && !Number.isInteger(n)) throw conversionError(name, type, value);
			if (type === 'Edm.Byte' && (n < 0 || n > 255)) throw conversionError(name, type, value);
			return n;
		}
	}
}

/** A function endpoint's list of keys, e.g. InvoiceSalesOrders' SalesOrderIDs: [{ ID: guid }]. */
function coerceKeyList(name: string, value: unknown): WriteBody[] {
	const list = Array.isArray(value) ? value : (value as { results?: unknown })?.results;
	if (!Array.isArray(list)) throw badRequest(`Error processing request stream. '${name}' must be an array of ${name}.`);
	return list.map((item) => ({ ID: coerceValue('ID', 'Edm.Guid', (item as { ID?: unknown } | null)?.ID) }));
}

function coerceBody(raw: unknown, fields: Record<string, string>, typeName: string, lines?: { nav: string; ctx: Ctx }, keyLists = false): WriteBody {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
		throw badRequest('Error processing request stream. The request should be a valid top-level resource object.');
	}
	const out: WriteBody = {};
	for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
		if (name === '__metadata') continue;
		const type = fields[name];
		if (!type) {
			throw badRequest(`The property '${name}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type.`);
		}
		if (!isEdm(type) && keyLists) {
			out[name] = coerceKeyList(name, value);
			continue;
		}
		if (!isEdm(type)) {
			if (!lines || name !== lines.nav) throw badRequest(`The navigation property '${name}' can't be set in this request.`);
			const list = Array.isArray(value) ? value : (value as { results?: unknown })?.results;
			if (!Array.isArray(list)) throw badRequest(`Error processing request stream. '${name}' must be an array of ${name}.`);
			out[name] = list.map((item) => coerceBody(item, lines.ctx.fields, lines.ctx.endpoint.typeName));
			continue;
		}
		out[name] = coerceValue(name, type, value);
	}
	return out;
}

function writeBody(ctx: Ctx): WriteBody {
	const lines = ctx.endpoint.lineNav ? { nav: ctx.endpoint.lineNav, ctx: lineContext(ctx) } : undefined;
	return coerceBody(parseBody(ctx), ctx.fields, ctx.endpoint.typeName, lines, ctx.endpoint.kind === 'action');
}

function post(ctx: Ctx): SimResponse {
	const { endpoint, state, division } = ctx;
	const body = writeBody(ctx);
	const writeCtx = state.writeContext(division, true);
	if (endpoint.action) {
		const result = runAction(endpoint.action, body, writeCtx);
		return renderEntry(ctx, 201, project(ctx, result, Object.keys(ctx.fields), []));
	}
	if (!endpoint.entity) throw new ExactHttpError(405, `The HTTP method 'POST' is not allowed on ${endpoint.path}.`);
	const { record, lines } = createRecord(endpoint.entity, body, writeCtx);
	const expand = lines.length > 0 && endpoint.lineNav ? [endpoint.lineNav] : [];
	const projected = project(ctx, record, Object.keys(ctx.fields), expand);
	return renderEntry(ctx, 201, projected, { Location: (projected.__metadata as { uri: string }).uri });
}

function put(ctx: Ctx, key: string): SimResponse {
	if (!ctx.endpoint.entity) throw new ExactHttpError(405, `The HTTP method 'PUT' is not allowed on ${ctx.endpoint.path}.`);
	updateRecord(ctx.endpoint.entity, key, writeBody(ctx), ctx.state.writeContext(ctx.division, true));
	return { status: 204, headers: successHeaders(), body: '' };
}

function remove(ctx: Ctx, key: string): SimResponse {
	if (!ctx.endpoint.entity) throw new ExactHttpError(405, `The HTTP method 'DELETE' is not allowed on ${ctx.endpoint.path}.`);
	deleteRecord(ctx.endpoint.entity, key, ctx.state.writeContext(ctx.division, true));
	return { status: 204, headers: successHeaders(), body: '' };
}
