import type { SeedData, SeedSize } from '../seed/types';
import { EXACT_ENTITY_NAMES } from '../seed/types';
import { entitySetByName } from './entities';
import { ExactHttpError } from './errors';
import type { FaultRuleInput } from './faults';
import type { RegisterTokensInput } from './oauth';
import type { LimitSettings } from './rateLimit';
import type { SimResponse } from './response';
import { jsonResponse } from './response';
import type { WriteBody } from './rules';
import type { DivisionAccessInput, ExactState, FireWebhookInput } from './state';

/**
 * /__admin/...: JSON control of the simulator for tests, benchmarks and the demo. Every route calls the same
 * ExactState method an in-process caller would use.
 */

export const ADMIN_ROUTES = [
	'GET    /__admin/health',
	'POST   /__admin/reset                      {oauth?: boolean, clock?: boolean}',
	"POST   /__admin/seed                       {size: 'tiny'|'small'|'medium'|'large'|{accounts, items, ...}}",
	'GET    /__admin/records/:entity            ?division=&limit=&offset=',
	'GET    /__admin/records/:entity/:id        ?division=',
	'POST   /__admin/records/:entity            record (nested lines allowed)',
	'PUT    /__admin/records/:entity/:id        changed fields',
	'DELETE /__admin/records/:entity/:id',
	'GET    /__admin/stats',
	'DELETE /__admin/stats                      (zero the counters and the call log)',
	'GET    /__admin/calls                      ?since=<seq>',
	'DELETE /__admin/calls',
	'GET    /__admin/faults',
	'POST   /__admin/faults                     rule or [rules]',
	'DELETE /__admin/faults[/:id]',
	'POST   /__admin/oauth/tokens               {access_token, refresh_token, expires_in?, issuedSecondsAgo?}',
	'POST   /__admin/oauth/expire',
	'GET    /__admin/oauth/history',
	'GET    /__admin/limits                     (limits, minuteMs, per division: minute and day counts, ended windows)',
	'POST   /__admin/limits                     {minutelyRemaining?, dailyRemaining?, minutelyLimit?, dailyLimit?, minuteMs?, division?}',
	'GET    /__admin/clock',
	'POST   /__admin/clock                      {advanceMs}',
	'POST   /__admin/webhooks/fire              {topic, action, key, division?}',
	'GET    /__admin/webhooks/deliveries',
	'POST   /__admin/scopes                     {deny: ["salesinvoice", ...]}',
	'POST   /__admin/mandatory-filtering        {enabled: boolean}',
	'POST   /__admin/divisions                  {accessible?: number[], current?: number}',
];

function fail(status: number, message: string): never {
	throw new ExactHttpError(status, message);
}

function parseJson(body: Buffer): Record<string, unknown> {
	const text = body.toString('utf8').trim();
	if (!text) return {};
	try {
		const value = JSON.parse(text) as unknown;
		if (Array.isArray(value)) return { items: value };
		if (value && typeof value === 'object') return value as Record<string, unknown>;
	} catch {
		// fall through
	}
	return fail(400, 'Body must be a JSON object');
}

function divisionOf(query: URLSearchParams, body: Record<string, unknown>, state: ExactState): number {
	const raw = query.get('division') ?? body.division;
	if (raw === undefined || raw === null) return state.currentDivision;
	const n = Number(raw);
	if (!Number.isInteger(n)) fail(400, `division must be a number: ${String(raw)}`);
	return n;
}

function entityName(name: string): string {
	const set = entitySetByName(name);
	if (!set) fail(404, `Unknown entity set '${name}'. Known: ${EXACT_ENTITY_NAMES.join(', ')}`);
	return set.name;
}

function recordsRoute(state: ExactState, method: string, parts: string[], query: URLSearchParams, body: Record<string, unknown>): SimResponse {
	const entity = entityName(parts[0]);
	const id = parts[1];
	const division = divisionOf(query, body, state);
	if (method === 'GET' && !id) {
		const all = state.listRecords(entity, division);
		const offset = Number(query.get('offset') ?? 0);
		const limit = query.get('limit') === null ? all.length : Number(query.get('limit'));
		return jsonResponse(200, { count: all.length, records: all.slice(offset, offset + limit) });
	}
	if (method === 'GET') {
		const record = state.getRecord(entity, id, division);
		return record ? jsonResponse(200, record) : fail(404, `${entity}(${id}) not found`);
	}
	if (method === 'POST' && !id) {
		const input = { ...body };
		delete input.division;
		return jsonResponse(201, state.insertRecord(entity, input as WriteBody, division));
	}
	if (method === 'PUT' && id) {
		const patch = { ...body };
		delete patch.division;
		return jsonResponse(200, state.updateRecord(entity, id, patch as WriteBody, division));
	}
	if (method === 'DELETE' && id) {
		state.deleteRecord(entity, id, division);
		return { status: 204, headers: {}, body: '' };
	}
	return fail(405, `${method} not supported here`);
}

function route(state: ExactState, method: string, path: string, query: URLSearchParams, body: Record<string, unknown>): SimResponse | Promise<SimResponse> {
	const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
	const [head, ...rest] = parts;
	const key = `${method} ${head ?? ''}${rest.length && head !== 'records' ? `/${rest.join('/')}` : ''}`;
	if (head === 'records' && rest.length > 0) return recordsRoute(state, method, rest, query, body);
	if (method === 'DELETE' && head === 'faults' && rest.length === 1) {
		return state.faults.remove(Number(rest[0])) ? jsonResponse(200, { ok: true }) : fail(404, `No fault rule ${rest[0]}`);
	}
	switch (key) {
		case 'GET ':
			return jsonResponse(200, { routes: ADMIN_ROUTES, url: state.baseUrl });
		case 'GET health':
			return jsonResponse(200, { ok: true, url: state.baseUrl, now: state.now() });
		case 'POST reset':
			state.reset({ oauth: body.oauth === true, clock: body.clock === true });
			return jsonResponse(200, { ok: true });
		case 'POST seed': {
			const size = body.size as SeedSize | undefined;
			const data = body.data as SeedData | undefined;
			if (!size && !data) fail(400, "Give {size: 'tiny'|'small'|'medium'|'large'|{accounts, items, ...}} or {data: SeedData}");
			state.seed((data ?? size) as SeedSize | SeedData);
			const counts: Record<string, number> = {};
			for (const name of EXACT_ENTITY_NAMES) counts[name] = state.listRecords(name).length;
			return jsonResponse(200, { ok: true, counts });
		}
		case 'GET stats':
			return jsonResponse(200, state.getStats());
		case 'DELETE stats':
			state.resetStats();
			return jsonResponse(200, { ok: true });
		case 'GET calls':
			return jsonResponse(200, { calls: state.calls(Number(query.get('since') ?? 0)) });
		case 'DELETE calls':
			state.stats.clearLog();
			return jsonResponse(200, { ok: true });
		case 'GET faults':
			return jsonResponse(200, { faults: state.faults.list() });
		case 'POST faults': {
			const inputs = (Array.isArray(body.items) ? body.items : [body]) as FaultRuleInput[];
			try {
				return jsonResponse(201, { faults: inputs.map((rule) => state.addFault(rule)) });
			} catch (error) {
				return fail(400, (error as Error).message);
			}
		}
		case 'DELETE faults':
			state.clearFaults();
			return jsonResponse(200, { ok: true });
		case 'POST oauth/tokens':
			try {
				state.registerTokens(body as unknown as RegisterTokensInput);
			} catch (error) {
				fail(400, (error as Error).message);
			}
			return jsonResponse(200, { ok: true });
		case 'POST oauth/expire':
			state.expireAccessTokens();
			return jsonResponse(200, { ok: true });
		case 'GET oauth/history':
			return jsonResponse(200, { refreshes: state.refreshHistory() });
		case 'GET limits':
			return jsonResponse(200, state.limits());
		case 'POST limits':
			try {
				state.setLimits(body as LimitSettings);
			} catch (error) {
				fail(400, (error as Error).message);
			}
			return jsonResponse(200, { ok: true });
		case 'GET clock':
			return jsonResponse(200, { now: state.now(), iso: new Date(state.now()).toISOString() });
		case 'POST clock': {
			const advance = Number(body.advanceMs ?? 0);
			if (!Number.isFinite(advance) || advance < 0) fail(400, 'advanceMs must be a non-negative number');
			const now = state.advanceClock(advance);
			return jsonResponse(200, { now, iso: new Date(now).toISOString() });
		}
		case 'POST webhooks/fire': {
			const input = body as unknown as FireWebhookInput;
			if (!input.topic || !input.key || !['Create', 'Update', 'Delete'].includes(input.action)) {
				fail(400, "Give {topic, action: 'Create'|'Update'|'Delete', key, division?}");
			}
			return state.fireWebhook(input).then((deliveries) => jsonResponse(200, { deliveries }));
		}
		case 'GET webhooks/deliveries':
			return jsonResponse(200, { deliveries: state.webhooks.deliveries });
		case 'POST scopes':
			state.denyScopes(Array.isArray(body.deny) ? body.deny.map(String) : []);
			return jsonResponse(200, { deny: [...state.deniedScopes] });
		case 'POST mandatory-filtering':
			if (typeof body.enabled !== 'boolean') fail(400, 'Give {enabled: true|false}');
			state.setMandatoryFiltering(body.enabled as boolean);
			return jsonResponse(200, { enabled: state.mandatoryFiltering });
		case 'POST divisions':
			state.setDivisionAccess(body as DivisionAccessInput);
			return jsonResponse(200, { accessible: state.accessibleDivisions, current: state.currentDivision });
		default:
			return fail(404, `No admin route ${method} /__admin/${parts.join('/')}`);
	}
}

export async function handleAdmin(state: ExactState, method: string, pathname: string, query: URLSearchParams, body: Buffer): Promise<SimResponse> {
	try {
		return await route(state, method, pathname.slice('/__admin'.length), query, parseJson(body));
	} catch (error) {
		if (error instanceof ExactHttpError) return jsonResponse(error.status, { error: error.message });
		// rules.ts raises ExactHttpError for bad data; anything else (unknown entity, bad fault) is the caller's input
		return jsonResponse(400, { error: (error as Error).message });
	}
}
