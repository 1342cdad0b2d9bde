/**
 * Admin interface of the fake OutSmart, JSON over HTTP at the server root under /__admin/ (outside /openapi/8,
 * no tokens needed). Every route calls one OutSmartState method, so tests can use either.
 *
 *   GET    /__admin/health
 *   POST   /__admin/reset                       {seed?: "demo"|"empty", seedOptions?}   empty everything (+ seed)
 *   POST   /__admin/seed                        {name?: "demo"|"empty", options?} | {records, workorders}
 *   GET    /__admin/config                      {amountStyle}
 *   POST   /__admin/config                      {amountStyle: "plain"|"thousands"}
 *   GET    /__admin/records                     {entity: count}
 *   GET    /__admin/records/:entity             rows as the API returns them ("workorders" too)
 *   POST   /__admin/records/:entity             row or rows: insert or update by key (OutSmart's validation)
 *   PATCH  /__admin/records/:entity/:key        merge fields (no validation); work orders by row id or number
 *   DELETE /__admin/records/:entity/:key
 *   GET    /__admin/workorders/:ref             {workorder, history}
 *   POST   /__admin/workorders/:ref/complete    CompleteOptions: as a technician, status Compleet
 *   POST   /__admin/workorders/:ref/status      {status?, workStatus?}
 *   GET    /__admin/quotations                  quotations as GET /quotations returns them
 *   POST   /__admin/quotations                  QuotationInput or a list: made as in the app
 *   POST   /__admin/quotations/:ref/status      {status}: e.g. ACCEPTED, as the customer answers (ref: id or number)
 *   GET    /__admin/stats        DELETE /__admin/stats
 *   GET    /__admin/calls        DELETE /__admin/calls                    (token values masked)
 *   GET    /__admin/faults       POST /__admin/faults (spec or array)   DELETE /__admin/faults[/:id]
 */
import { OutSmartFailure } from './envelope';
import type { FaultSpec } from './faults';
import type { AmountStyle } from './formats';
import { type DemoSeedOptions, seedByName } from './seed';
import type { QuotationInput } from './quotations';
import type { OutSmartSeed, OutSmartState } from './state';
import type { CompleteOptions, WorkorderStatus } from './workorders';

export interface AdminAnswer {
	status: number;
	body: unknown;
}

class AdminError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

function parseJson(body: Buffer): unknown {
	const text = body.toString('utf8').trim();
	if (!text) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		throw new AdminError(400, 'Body is not valid JSON');
	}
}

function asObject(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function seedFrom(body: Record<string, unknown>, nameKey: string, optionsKey: string): OutSmartSeed | undefined {
	if (body.records || body.workorders) return body as OutSmartSeed;
	const name = body[nameKey];
	if (name === undefined) return undefined;
	return seedByName(String(name), asObject(body[optionsKey]) as DemoSeedOptions);
}

function route(state: OutSmartState, method: string, parts: string[], body: unknown): unknown {
	const [section, id, action] = parts;
	const input = asObject(body);
	const shape = [
		section ?? '',
		...(id !== undefined ? [':id'] : []),
		...(action !== undefined ? [section === 'records' ? ':key' : action] : []),
	].join('/');
	switch (`${method} ${shape}`) {
		case 'GET health':
			return { ok: true };
		case 'POST reset':
			state.reset(seedFrom(input, 'seed', 'seedOptions'));
			return { ok: true, counts: counts(state) };
		case 'POST seed': {
			const seed = seedFrom(input, 'name', 'options') ?? seedByName('demo');
			state.reset(seed);
			return { ok: true, counts: counts(state) };
		}
		case 'GET config':
			return { amountStyle: state.amountStyle };
		case 'POST config': {
			const style = input.amountStyle;
			if (style !== 'plain' && style !== 'thousands') throw new AdminError(400, 'amountStyle must be plain or thousands');
			state.amountStyle = style as AmountStyle;
			return { amountStyle: state.amountStyle };
		}
		case 'GET records':
			return counts(state);
		case 'GET records/:id':
			return state.list(id);
		case 'POST records/:id':
			return state.insert(id, Array.isArray(body) ? body : [input]);
		case 'PATCH records/:id/:key':
			return state.update(id, action, input);
		case 'DELETE records/:id/:key':
			return { deleted: state.remove(id, action) };
		case 'GET workorders/:id':
			return { workorder: state.getWorkorder(id), history: state.workorderHistory(id) };
		case 'POST workorders/:id/complete':
			return state.completeWorkorder(id, input as CompleteOptions);
		case 'POST workorders/:id/status':
			return state.setWorkorderStatus(id, input as { status?: WorkorderStatus; workStatus?: string });
		case 'GET quotations':
			return state.quotations.list();
		case 'POST quotations':
			return state.quotations.add((Array.isArray(body) ? body : [input]) as QuotationInput[]);
		case 'POST quotations/:id/status':
			return state.quotations.setStatus(id, String(input.status ?? ''));
		case 'GET stats':
			return state.stats();
		case 'DELETE stats':
			state.resetStats();
			return { ok: true };
		case 'GET calls':
			return state.calls();
		case 'DELETE calls':
			state.clearCalls();
			return { ok: true };
		case 'GET faults':
			return state.faults();
		case 'POST faults':
			return (Array.isArray(body) ? body : [body]).map((spec) => state.addFault(spec as FaultSpec));
		case 'DELETE faults':
			state.clearFaults();
			return { ok: true };
		case 'DELETE faults/:id':
			return { deleted: state.removeFault(Number(id)) };
		default:
			throw new AdminError(404, `No admin route ${method} /__admin/${parts.join('/')}`);
	}
}

function counts(state: OutSmartState): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [endpoint, rows] of state.tables) out[endpoint] = rows.length;
	out.workorders = state.workorders.length;
	return out;
}

export function handleAdmin(state: OutSmartState, method: string, path: string, body: Buffer): AdminAnswer {
	const parts = path
		.replace(/^\/__admin\/?/, '')
		.split('/')
		.filter(Boolean)
		.map(decodeURIComponent);
	try {
		return { status: 200, body: route(state, method, parts, parseJson(body)) };
	} catch (error) {
		if (error instanceof AdminError) return { status: error.status, body: { error: error.message } };
		if (error instanceof OutSmartFailure) {
			return { status: 422, body: { error: error.message, code: error.code, messages: error.messages } };
		}
		return { status: 400, body: { error: (error as Error).message } };
	}
}
