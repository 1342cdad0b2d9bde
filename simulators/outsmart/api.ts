/**
 * The OutSmart Open API endpoints under /openapi/8/: master data (GET lists with filters, POST inserts or
 * updates by key and answers the number of records synced), the singular filter endpoints, work orders and
 * DeleteEntity. Each handler returns an envelope or throws an OutSmartFailure (turned into an error envelope).
 */
import { ENTITY_BY_DELETE_NAME, ENTITY_BY_ENDPOINT, ENTITY_BY_FILTER_ENDPOINT, type EntityDef } from './entities';
import { type Envelope, OutSmartFailure, ok } from './envelope';
import { type Query, applyFilters, readFilters, scalar } from './filters';
import { str } from './formats';
import { handleInvoicing } from './invoices';
import { renderRecord } from './records';
import type { OutSmartState } from './state';
import { createWorkorders, getWorkorder, getWorkorders, updateWorkorder, updateWorkorderMaterials } from './workorders';

export interface ApiRequest {
	method: string;
	endpoint: string;
	query: Query;
	body: Buffer;
}

const WORKORDER_ENDPOINTS = ['PostWorkorders', 'GetWorkorders', 'GetWorkorder', 'UpdateWorkorder', 'DeleteEntity', 'quotations'];
const INVOICING_ENDPOINTS = ['invoices', 'transactions'];

/** Endpoint names are matched exactly as OutSmart spells them (case-sensitive). */
export function isKnownEndpoint(endpoint: string): boolean {
	return ENTITY_BY_ENDPOINT.has(endpoint) || ENTITY_BY_FILTER_ENDPOINT.has(endpoint) || WORKORDER_ENDPOINTS.includes(endpoint) || INVOICING_ENDPOINTS.includes(endpoint);
}

/** POST bodies: nothing -> 1008; not a JSON array or object -> 1009; one object counts as a list of one. */
export function parseBody(body: Buffer): unknown[] {
	const text = body.toString('utf8');
	if (text.trim() === '') throw new OutSmartFailure(1008, ['Unable to fetch body']);
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new OutSmartFailure(1009, ['Unable to parse body']);
	}
	if (Array.isArray(parsed)) return parsed;
	if (typeof parsed === 'object' && parsed !== null) return [parsed];
	throw new OutSmartFailure(1009, ['Unable to parse body']);
}

function unsupported(method: string, endpoint: string): never {
	throw new OutSmartFailure(1001, [`Method ${method} not supported on endpoint ${endpoint}`]);
}

function listEntity(state: OutSmartState, def: EntityDef, query: Query): Envelope {
	const rows = state.table(def.endpoint).map((r) => renderRecord(def, r, state.amountStyle));
	const { rows: filtered, messages } = applyFilters(rows, readFilters(query), def.columns);
	return { code: 200, messages, response: filtered };
}

function deleteEntity(state: OutSmartState, query: Query): Envelope {
	const entity = scalar(query, 'entity') ?? '';
	const deleteAll = (scalar(query, 'delete_all') ?? '').toLowerCase() === 'true';
	const asList = (v: Query[string] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
	const keys = asList(query.key);
	const values = asList(query.value);

	if (entity === 'workorder') {
		if (deleteAll) throw new OutSmartFailure(1600, ['Delete all not allowed on Workorder entity']);
		const fieldOf: Record<string, (w: OutSmartState['workorders'][number]) => string> = {
			db_row: (w) => String(w.id),
			workorder_no: (w) => w.fields.WorkorderNo ?? '',
			order_no: (w) => w.fields.OrderNr ?? '',
		};
		for (const key of keys) {
			if (!fieldOf[key]) throw new OutSmartFailure(1600, [`Key: ${key} not allowed for entity: ${entity}`]);
		}
		if (!keys.length || values.length < keys.length) throw new OutSmartFailure(1600, ['Key and value required']);
		const before = state.workorders.length;
		state.workorders = state.workorders.filter((w) => !keys.every((key, i) => fieldOf[key](w) === values[i]));
		return ok(before - state.workorders.length);
	}

	const def = ENTITY_BY_DELETE_NAME.get(entity);
	if (!def) throw new OutSmartFailure(1600, [`Entity: ${entity} not found`]);
	const rows = state.table(def.endpoint);
	if (deleteAll) {
		const count = rows.length;
		rows.splice(0, rows.length);
		return ok(count);
	}
	for (const key of keys) {
		if (!def.deleteKeys?.[key]) throw new OutSmartFailure(1600, [`Key: ${key} not allowed for entity: ${entity}`]);
	}
	if (!keys.length || values.length < keys.length) throw new OutSmartFailure(1600, ['Key and value required']);
	const matches = (r: (typeof rows)[number]) =>
		keys.every((key, i) => {
			const field = def.deleteKeys?.[key] as string;
			return (field === 'db_row' ? String(r.db_row) : str(r.data[field])) === values[i];
		});
	const remaining = rows.filter((r) => !matches(r));
	const count = rows.length - remaining.length;
	rows.splice(0, rows.length, ...remaining);
	return ok(count);
}

export function handleApi(state: OutSmartState, request: ApiRequest): Envelope {
	const { method, endpoint, query } = request;

	const invoicing = handleInvoicing(state.invoicing, method, endpoint, query, () => parseBody(request.body));
	if (invoicing) return invoicing;

	const entity = ENTITY_BY_ENDPOINT.get(endpoint);
	if (entity) {
		if (method === 'GET') return listEntity(state, entity, query);
		if (method === 'POST') {
			const result = state.insert(entity.endpoint, parseBody(request.body) as Array<Record<string, unknown>>);
			state.noteUpsert(result);
			return ok(result.count);
		}
		unsupported(method, endpoint);
	}

	const filterEntity = ENTITY_BY_FILTER_ENDPOINT.get(endpoint);
	if (filterEntity) {
		if (method !== 'GET') unsupported(method, endpoint);
		return listEntity(state, filterEntity, query);
	}

	switch (endpoint) {
		case 'PostWorkorders': {
			if (method !== 'POST') unsupported(method, endpoint);
			const created = createWorkorders(state, parseBody(request.body));
			state.notePostedWorkorders(created);
			return ok(created);
		}
		case 'GetWorkorders':
			if (method !== 'GET') unsupported(method, endpoint);
			return getWorkorders(state, query);
		case 'GetWorkorder':
			if (method !== 'GET') unsupported(method, endpoint);
			return getWorkorder(state, query);
		case 'UpdateWorkorder':
			if (method === 'GET') return updateWorkorder(state, query);
			if (method === 'POST') return updateWorkorderMaterials(state, query, parseBody(request.body));
			return unsupported(method, endpoint);
		case 'DeleteEntity':
			if (method !== 'GET') unsupported(method, endpoint);
			return deleteEntity(state, query);
		case 'quotations': {
			// PUT (update a quotation) is documented without its body; this fake only reads.
			if (method !== 'GET') unsupported(method, endpoint);
			const { rows, messages } = state.quotations.read(query);
			return { code: 200, messages, response: rows };
		}
		default:
			throw new OutSmartFailure(1001);
	}
}
