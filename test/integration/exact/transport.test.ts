/**
 * The Exact transport under load and faults, through the API Request node: the minutely budget, 429s from
 * other processes, the daily budget, 5xx, hangs and dropped connections. The simulator's clock is moved
 * ahead so that a 60-second window ends a few real seconds after it starts.
 */
import { ExactOnlineApiRequest } from '../../../nodes/ExactOnlineApiRequest/ExactOnlineApiRequest.node';
import { jsonOf, runNode } from '../../harness/context';
import { resetCredential, startExact, type ExactFixture } from '../exactSetup';

const node = new ExactOnlineApiRequest();
let exact: ExactFixture;

beforeAll(async () => {
	exact = await startExact();
});
afterAll(async () => exact.sim.close());
beforeEach(() => {
	exact.sim.state.reset({ clock: true });
	resetCredential(exact, '1234567');
});

const run = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	runNode(node, { parameters: parameters as never, credentials: exact.credentials(), ...extra });

/**
 * Starts a minute window that began (60 - seconds) ago, so that it ends `seconds` from now, with
 * `remaining` calls left. The simulator's clock is wound back while the window starts, then restored:
 * server and client agree on the time again.
 */
function windowEndsIn(seconds: number, remaining: number): void {
	const back = (60 - seconds) * 1000;
	exact.sim.state.advanceClock(-back);
	exact.sim.state.setLimits({ minutelyRemaining: remaining });
	exact.sim.state.advanceClock(back);
}

describe('Exact transport: rate limits', () => {
	it('waits for the minutely reset mid Return-All instead of earning a 429', async () => {
		exact.sim.state.seed('small');
		windowEndsIn(3, 5);
		const started = Date.now();
		const result = await run({ path: 'crm/Accounts', select: 'ID', returnAll: true });
		expect(jsonOf(result)).toHaveLength(1000);
		expect(exact.sim.state.getStats().rateLimited429).toBe(0);
		expect(Date.now() - started).toBeGreaterThan(1500);
		expect(result.host.logs.some((l) => /minutely call limit reached, waiting/.test(l.message))).toBe(true);
	}, 30_000);

	it('after a 429 from another process waits until the reset it names, then goes on', async () => {
		windowEndsIn(2, 0);
		const result = await run({ path: 'crm/Accounts', select: 'ID', limit: 3 });
		expect(jsonOf(result)).toHaveLength(3);
		expect(exact.sim.state.getStats().rateLimited429).toBe(1);
		expect(result.host.logs.some((l) => /answered 429, waiting/.test(l.message))).toBe(true);
	}, 20_000);

	it('stops with a clear error when the daily budget is used up, without hammering', async () => {
		// Its own server: the throttle rightly remembers an empty day for the rest of the process.
		const own = await startExact();
		try {
			own.sim.state.setLimits({ dailyRemaining: 0 });
			const first = await runNode(node, { parameters: { path: 'crm/Accounts', select: 'ID' } as never, credentials: own.credentials() });
			expect(first.error?.message).toMatch(/daily limit .* is used up; it resets at \d{4}-\d\d-\d\dT/);
			expect(first.error?.description).toMatch(/5,000 a day/);
			const second = await runNode(node, { parameters: { path: 'crm/Accounts', select: 'ID' } as never, credentials: own.credentials() });
			expect(second.error?.message).toMatch(/daily limit .* is used up; it resets at/);
			// current/Me, then one refused call; the second run does not even ask.
			expect(own.sim.state.getStats().rateLimited429).toBe(1);
		} finally {
			await own.sim.close();
		}
	});
});

describe('Exact transport: retries only where safe', () => {
	it('retries a read after 5xx answers', async () => {
		exact.sim.state.addFault({ match: { method: 'GET', path: 'crm/Accounts' }, kind: 'status', status: 503, times: 2 });
		const result = await run({ path: 'crm/Accounts', select: 'ID', limit: 2 });
		expect(jsonOf(result)).toHaveLength(2);
		expect(exact.sim.state.getStats().calls.byStatus['503']).toBe(2);
	}, 20_000);

	it('retries a read that hangs past the timeout', async () => {
		exact.sim.state.addFault({ match: { method: 'GET', path: 'crm/Accounts' }, kind: 'hang', times: 1 });
		const result = await run({ path: 'crm/Accounts', select: 'ID', limit: 1, options: { timeout: 1000 } });
		expect(jsonOf(result)).toHaveLength(1);
	}, 20_000);

	it('gives up on a read after a bounded number of retries, with a clear error', async () => {
		exact.sim.state.addFault({ match: { method: 'GET', path: 'crm/Accounts' }, kind: 'status', status: 500, times: 0 });
		const result = await run({ path: 'crm/Accounts', select: 'ID', limit: 1 });
		expect(result.error?.message).toMatch(/HTTP 500/);
		expect(result.error?.description).toMatch(/try again in a few minutes/);
		expect(exact.sim.state.getStats().calls.byStatus['500']).toBe(4);
	}, 20_000);

	it('never repeats a write that failed with a 5xx', async () => {
		const before = exact.sim.state.listRecords('Accounts').length;
		exact.sim.state.addFault({ match: { method: 'POST', path: 'crm/Accounts' }, kind: 'status', status: 500, times: 1 });
		const result = await run({ method: 'POST', path: 'crm/Accounts', body: '{"Name":"Eenmalig BV"}' });
		expect(result.error?.message).toMatch(/HTTP 500/);
		expect(exact.sim.state.getStats().calls.byEndpoint['POST crm/Accounts']).toBe(1);
		expect(exact.sim.state.listRecords('Accounts').length).toBe(before);
	});

	it('never repeats a write whose connection dropped after it was applied', async () => {
		const before = exact.sim.state.listRecords('Accounts').length;
		exact.sim.state.addFault({ match: { method: 'POST', path: 'crm/Accounts' }, kind: 'write-then-drop', times: 1 });
		const result = await run({ method: 'POST', path: 'crm/Accounts', body: '{"Name":"Eenmalig BV"}' });
		expect(result.error?.message).toMatch(/no answer/);
		expect(result.error?.description).toMatch(/writes are not/);
		expect(exact.sim.state.listRecords('Accounts').length).toBe(before + 1);
	});

	it('does not retry a 4xx, so Exact never blocks the endpoint because of us', async () => {
		for (let i = 0; i < 3; i++) {
			await run({ path: "crm/Accounts(guid'00000000-0000-0000-0000-0000000000aa')", select: 'ID' });
		}
		const stats = exact.sim.state.getStats();
		expect(Object.values(stats.errorsByEndpoint).reduce((a, b) => a + b, 0)).toBe(3);
		expect(stats.blockedEndpoints).toEqual([]);
	});
});
