import { startExactSimulator } from '../../../simulators/exact';
import type { ExactSimulator, ExactStats } from '../../../simulators/exact';
import { exactTestClient } from '../../../simulators/exact/testing';
import type { ExactTestClient } from '../../../simulators/exact/testing';

/** Rate limits (headers in epoch ms, 429 with only minutely headers), the error-limit block, and stats. */

const DIV = 1234567;
// 15 Jan 2025 10:00 UTC = 11:00 in Amsterdam (CET, UTC+1): the day resets at 23:00 UTC
const START = Date.UTC(2025, 0, 15, 10, 0, 0);
const NEXT_DUTCH_MIDNIGHT = Date.UTC(2025, 0, 15, 23, 0, 0);

let now = START;
let sim: ExactSimulator;
let api: ExactTestClient;

beforeAll(async () => {
	sim = await startExactSimulator({ now: () => now });
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	now = START;
	sim.state.reset({ clock: true });
	api = exactTestClient(sim);
});

const journals = () => api.get(`${DIV}/financial/Journals?$select=Code`);

async function admin<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
	const res = await fetch(`${sim.url}/__admin/${path}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await res.json()) as T;
}

describe('rate limits', () => {
	it('sends daily and minutely headers with reset times in epoch milliseconds', async () => {
		const res = await journals();
		expect(res.status).toBe(200);
		const h = (name: string) => res.headers.get(name);
		expect(h('x-ratelimit-limit')).toBe('5000');
		expect(h('x-ratelimit-remaining')).toBe('4999');
		expect(h('x-ratelimit-reset')).toBe(String(NEXT_DUTCH_MIDNIGHT));
		expect(h('x-ratelimit-reset')).toMatch(/^\d{13}$/);
		expect(h('x-ratelimit-minutely-limit')).toBe('60');
		expect(h('x-ratelimit-minutely-remaining')).toBe('59');
		expect(h('x-ratelimit-minutely-reset')).toBe(String(START + 60_000));

		now += 10_000;
		const second = await journals();
		expect(second.headers.get('x-ratelimit-minutely-remaining')).toBe('58');
		// the window is fixed: it started with the first call
		expect(second.headers.get('x-ratelimit-minutely-reset')).toBe(String(START + 60_000));
	});

	it('answers 429 with only the minutely headers, then opens a new window after the reset', async () => {
		await admin('limits', 'POST', { minutelyRemaining: 2 });
		expect((await journals()).status).toBe(200);
		const last = await journals();
		expect(last.status).toBe(200);
		expect(last.headers.get('x-ratelimit-minutely-remaining')).toBe('0');

		const limited = await journals();
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-ratelimit-minutely-remaining')).toBe('0');
		expect(limited.headers.get('x-ratelimit-minutely-reset')).toBe(String(START + 60_000));
		expect(limited.headers.get('x-ratelimit-limit')).toBeNull();
		expect(limited.headers.get('x-ratelimit-remaining')).toBeNull();
		expect(limited.headers.get('x-ratelimit-reset')).toBeNull();
		const body = (await limited.json()) as { error: { message: { value: string } } };
		expect(body.error.message.value).toContain('rate limit');

		await admin('clock', 'POST', { advanceMs: 60_000 });
		const after = await journals();
		expect(after.status).toBe(200);
		expect(after.headers.get('x-ratelimit-minutely-remaining')).toBe('59');
		expect(after.headers.get('x-ratelimit-minutely-reset')).toBe(String(START + 120_000));
		expect(sim.state.getStats().rateLimited429).toBe(1);
	});

	it('counts per division and refuses when the daily limit is used up', async () => {
		sim.state.setLimits({ dailyRemaining: 1, division: DIV });
		expect((await journals()).status).toBe(200);
		const daily = await journals();
		expect(daily.status).toBe(429);
		expect(daily.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(daily.headers.get('x-ratelimit-reset')).toBe(String(NEXT_DUTCH_MIDNIGHT));
		// the other division has its own budget
		expect((await api.get('7654321/financial/Journals?$select=Code')).status).toBe(200);
	});
});

describe('scaled minute (benchmarks) and usage', () => {
	it('runs the minute window on minuteMs: headers, 429 and the next window follow it', async () => {
		await admin('limits', 'POST', { minuteMs: 5_000, minutelyRemaining: 1 });
		const first = await journals();
		expect(first.status).toBe(200);
		expect(first.headers.get('x-ratelimit-minutely-reset')).toBe(String(START + 5_000));
		const limited = await journals();
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-ratelimit-minutely-reset')).toBe(String(START + 5_000));

		now += 5_000;
		const next = await journals();
		expect(next.status).toBe(200);
		expect(next.headers.get('x-ratelimit-minutely-remaining')).toBe('59');
		expect(next.headers.get('x-ratelimit-minutely-reset')).toBe(String(START + 10_000));
	});

	it('counts every call in the day across scaled windows, and refuses when the day is used up', async () => {
		sim.state.setLimits({ minuteMs: 1_000, minutelyLimit: 2, dailyLimit: 5 });
		const statuses: number[] = [];
		for (let i = 0; i < 3; i++) {
			statuses.push((await journals()).status, (await journals()).status);
			now += 1_000;
		}
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
		const limits = await admin<{ minuteMs: number; dailyLimit: number; divisions: Record<string, { dayCount: number; closedWindows: Array<{ start: number; calls: number }> }> }>('limits');
		expect(limits.minuteMs).toBe(1_000);
		expect(limits.dailyLimit).toBe(5);
		expect(limits.divisions[DIV].dayCount).toBe(5);
		expect(limits.divisions[DIV].closedWindows).toEqual([
			{ start: START, calls: 2 },
			{ start: START + 1_000, calls: 2 },
			{ start: START + 2_000, calls: 1 },
		]);
		expect(sim.state.getStats().rateLimited429).toBe(1);
	});

	it('takes minuteMs as an option, refuses a bad one, and reset() returns to the option', async () => {
		const scaled = await startExactSimulator({ now: () => now, minuteMs: 2_000 });
		try {
			const res = await exactTestClient(scaled).get(`${DIV}/financial/Journals?$select=Code`);
			expect(res.headers.get('x-ratelimit-minutely-reset')).toBe(String(START + 2_000));
			const bad = await fetch(`${scaled.url}/__admin/limits`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ minuteMs: 0 }) });
			expect(bad.status).toBe(400);
			scaled.state.setLimits({ minuteMs: 9_000 });
			scaled.state.reset();
			expect(scaled.state.limits().minuteMs).toBe(2_000);
		} finally {
			await scaled.close();
		}
	});
});

describe('error limit', () => {
	it('blocks an endpoint after more than 10 errors in an hour and shows it in the stats', async () => {
		for (let i = 0; i < 11; i++) {
			expect((await api.get(`${DIV}/logistics/Items?$select=NoSuchField`)).status).toBe(400);
		}
		const blocked = await api.get(`${DIV}/logistics/Items?$select=Code`);
		expect(blocked.status).toBe(403);
		const body = (await blocked.json()) as { error: { message: { value: string } } };
		expect(body.error.message.value).toContain('more than 10 errors');
		// other endpoints still work
		expect((await journals()).status).toBe(200);

		const stats = await admin<ExactStats>('stats');
		expect(stats.errorsByEndpoint['logistics/Items']).toBe(11);
		expect(stats.blockedEndpoints).toEqual([{ division: DIV, endpoint: 'logistics/Items', until: START + 3_600_000 }]);
		expect(stats.blockedCalls).toBe(1);

		now += 3_600_000;
		expect((await api.get(`${DIV}/logistics/Items?$select=Code`)).status).toBe(200);
	});

	it('counts 401s and 404s too', async () => {
		for (let i = 0; i < 11; i++) {
			await fetch(`${sim.url}/api/v1/${DIV}/crm/Contacts?$select=ID`, { headers: { Authorization: 'Bearer wrong', Accept: 'application/json' } });
		}
		expect((await api.get(`${DIV}/crm/Contacts?$select=ID`)).status).toBe(403);
		for (let i = 0; i < 11; i++) await api.get(`${DIV}/crm/Addresses(guid'00000000-0000-0000-0000-000000000000')`);
		expect((await api.get(`${DIV}/crm/Addresses?$select=ID`)).status).toBe(403);
	});
});

describe('stats and call log', () => {
	it('counts calls per endpoint and status, token requests, and resets with DELETE /__admin/stats', async () => {
		await journals();
		await journals();
		await api.get(`${DIV}/crm/Accounts(guid'00000000-0000-0000-0000-000000000000')`);
		await api.post(`${DIV}/crm/Accounts`, { Name: 'Stats BV' });
		await fetch(`${sim.url}/api/oauth2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=refresh_token&refresh_token=x&client_id=demo-client-id&client_secret=demo-client-secret',
		});
		const stats = await admin<ExactStats>('stats');
		expect(stats.calls.total).toBe(4);
		expect(stats.calls.byEndpoint).toEqual({ 'GET financial/Journals': 2, 'GET crm/Accounts': 1, 'POST crm/Accounts': 1 });
		expect(stats.calls.byStatus).toEqual({ '200': 2, '404': 1, '201': 1 });
		expect(stats.calls.byKind).toEqual({ sync: 0, bulk: 0, read: 3, write: 1 });
		expect(stats.tokenRequests).toBe(1);

		const { calls } = await admin<{ calls: Array<{ method: string; path: string; query: string; status: number; time: string }> }>('calls');
		expect(calls.map((c) => c.status)).toEqual([200, 200, 404, 201, 400]);
		expect(calls[0]).toEqual(
			expect.objectContaining({ method: 'GET', path: `/api/v1/${DIV}/financial/Journals`, query: '$select=Code', time: new Date(START).toISOString() }),
		);

		await admin('stats', 'DELETE');
		const zero = await admin<ExactStats>('stats');
		expect(zero.calls.total).toBe(0);
		expect(zero.tokenRequests).toBe(0);
	});

	it('reset puts the data back to the seed', async () => {
		const before = sim.state.listRecords('Accounts').length;
		await api.post(`${DIV}/crm/Accounts`, { Name: 'Tijdelijk BV' });
		expect(sim.state.listRecords('Accounts')).toHaveLength(before + 1);
		await admin('reset', 'POST');
		expect(sim.state.listRecords('Accounts')).toHaveLength(before);
		// tokens survive a reset unless asked otherwise
		expect((await journals()).status).toBe(200);
	});

	it('admin seed replaces the data with another size', async () => {
		const res = await admin<{ counts: Record<string, number> }>('seed', 'POST', { size: { accounts: 70, items: 15 } });
		expect(res.counts.Accounts).toBe(70);
		expect(res.counts.Items).toBe(15);
		const page = await api.json<{ d: { results: unknown[]; __next?: string } }>(`${DIV}/crm/Accounts?$select=ID`);
		expect(page.body.d.results).toHaveLength(60);
		expect(page.body.d.__next).toBeDefined();
		await admin('seed', 'POST', { size: 'tiny' });
		expect(sim.state.listRecords('Accounts')).toHaveLength(10);
	});

	it('admin records: insert, update (new Timestamp) and delete', async () => {
		const created = await admin<Record<string, unknown>>('records/Items', 'POST', { Code: 'ADMIN-1', Description: 'Via admin' });
		expect(created.Code).toBe('ADMIN-1');
		const updated = await admin<Record<string, unknown>>(`records/Items/${created.ID}`, 'PUT', { Description: 'Gewijzigd' });
		expect(Number(updated.Timestamp)).toBeGreaterThan(Number(created.Timestamp));
		expect(updated.Description).toBe('Gewijzigd');
		const list = await admin<{ count: number; records: unknown[] }>('records/items?limit=2');
		expect(list.records).toHaveLength(2);
		const del = await fetch(`${sim.url}/__admin/records/Items/${created.ID}`, { method: 'DELETE' });
		expect(del.status).toBe(204);
		const deleted = sim.state.store.division(DIV).deleted.filter((d) => d.EntityKey === created.ID);
		expect(deleted).toEqual([expect.objectContaining({ EntityType: 9 })]);
		expect((await fetch(`${sim.url}/__admin/records/Nope`)).status).toBe(404);
	});
});
