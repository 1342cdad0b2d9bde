/**
 * Exact's 60 calls a minute, reached in the middle of a Return All of each entity node: the node waits for
 * the minute to end and goes on; no 429 reaches the user. Each test has its own simulator (the throttle's
 * budget is per base URL and division for the whole process), with the real minutely limit. The simulator's
 * clock is wound back while the window starts, so that the minute ends a few real seconds later.
 */
import type { INodeType } from 'n8n-workflow';
import { ExactOnlineAccount } from '../../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { ExactOnlineItem } from '../../../../nodes/ExactOnlineItem/ExactOnlineItem.node';
import { ExactOnlinePayment } from '../../../../nodes/ExactOnlinePayment/ExactOnlinePayment.node';
import { ExactOnlineSalesInvoice } from '../../../../nodes/ExactOnlineSalesInvoice/ExactOnlineSalesInvoice.node';
import type { SeedSize } from '../../../../simulators/exact';
import { jsonOf } from '../../../harness/context';
import type { ExactFixture } from '../../exactSetup';
import { callsOf, rl, runnerFor, startEntitySimulator } from './setup';

jest.setTimeout(30_000);

/** A minute window that ends `seconds` from now with `remaining` calls left. */
function windowEndsIn(exact: ExactFixture, seconds: number, remaining: number): void {
	const back = (60 - seconds) * 1000;
	exact.sim.state.advanceClock(-back);
	exact.sim.state.setLimits({ minutelyRemaining: remaining });
	exact.sim.state.advanceClock(back);
}

async function withLimitedSimulator(seed: SeedSize, test: (exact: ExactFixture) => Promise<void>): Promise<void> {
	const exact = await startEntitySimulator({ seed, minutelyLimit: 60 });
	try {
		await test(exact);
	} finally {
		await exact.sim.close();
	}
}

async function expectWaitNotRefusal(
	exact: ExactFixture,
	node: INodeType,
	parameters: Record<string, unknown>,
	expected: { records: number; calls: number; remaining?: number },
): Promise<void> {
	windowEndsIn(exact, 2, expected.remaining ?? 3);
	const started = Date.now();
	const result = await runnerFor(exact, node)(parameters, { staticData: {} });
	expect(result.error).toBeUndefined();
	expect(jsonOf(result)).toHaveLength(expected.records);
	expect(callsOf(result)).toHaveLength(expected.calls);
	expect(callsOf(result).every((call) => call.status === 200)).toBe(true);
	expect(exact.sim.state.getStats().rateLimited429).toBe(0);
	expect(result.host.logs.some((line) => /minutely call limit reached, waiting/.test(line.message))).toBe(true);
	expect(Date.now() - started).toBeGreaterThan(1000);
}

describe('the minutely limit reached mid Return All: the nodes wait, no 429 reaches the user', () => {
	it('Exact Online Account: Get Many of 5,000 accounts (sync, 1,000 a call: 5 calls)', async () => {
		await withLimitedSimulator('medium', async (exact) => {
			await expectWaitNotRefusal(exact, new ExactOnlineAccount(), { operation: 'getMany', returnAll: true }, { records: 5000, calls: 5 });
		});
	});

	it('Exact Online Item: Get Many of the ~2,400 active items (bulk, 1,000 a call)', async () => {
		await withLimitedSimulator('medium', async (exact) => {
			const active = exact.sim.state.listRecords('Items').filter((i) => !i.EndDate).length;
			expect(active).toBeGreaterThan(2000);
			await expectWaitNotRefusal(exact, new ExactOnlineItem(), { operation: 'getMany', returnAll: true }, { records: active, calls: Math.ceil(active / 1000), remaining: 2 });
		});
	});

	it('Exact Online Item: Get Changes with sales prices (sync, deletions, price list, bulk prices)', async () => {
		await withLimitedSimulator('medium', async (exact) => {
			windowEndsIn(exact, 2, 2);
			const result = await runnerFor(exact, new ExactOnlineItem())({ operation: 'getChanges' }, { staticData: {} });
			expect(jsonOf(result)).toHaveLength(2500);
			expect(callsOf(result)).toHaveLength(3 + 1 + 1 + 3);
			expect(exact.sim.state.getStats().rateLimited429).toBe(0);
		});
	});

	it('Exact Online Sales Invoice: Get Many of 200 invoices with a filter and a limit of 200 (standard endpoint, 60 a call: 4 calls)', async () => {
		await withLimitedSimulator('medium', async (exact) => {
			const everyInvoice = { dateFrom: '2000-01-01' };
			await expectWaitNotRefusal(exact, new ExactOnlineSalesInvoice(), { operation: 'getMany', limit: 200, filters: everyInvoice }, { records: 200, calls: 4 });
		});
	});

	it('Exact Online Payment: open receivables of 54 invoices, by account and for all', async () => {
		await withLimitedSimulator('medium', async (exact) => {
			const open = exact.sim.state.listRecords('Receivables').filter((r) => r.IsFullyPaid !== true);
			windowEndsIn(exact, 2, 1);
			const run = runnerFor(exact, new ExactOnlinePayment());
			const byAccount = await run({ resource: 'receivable', operation: 'getMany', returnAll: true, account: rl('code', String(open[0].AccountCode)) });
			expect(jsonOf(byAccount).length).toBeGreaterThan(0);
			const all = await run({ resource: 'receivable', operation: 'getMany', returnAll: true });
			expect(jsonOf(all)).toHaveLength(open.length);
			expect(exact.sim.state.getStats().rateLimited429).toBe(0);
			expect([...byAccount.host.logs, ...all.host.logs].some((line) => /minutely call limit reached, waiting/.test(line.message))).toBe(true);
		});
	});

	it('a 429 caused by another process (its calls used the minute up) is waited out too', async () => {
		await withLimitedSimulator('small', async (exact) => {
			windowEndsIn(exact, 2, 0);
			const result = await runnerFor(exact, new ExactOnlineAccount())({ operation: 'getMany', limit: 130 });
			expect(jsonOf(result)).toHaveLength(130);
			// Exact refused the first call once; the node waited for the reset it named and went on.
			expect(exact.sim.state.getStats().rateLimited429).toBe(1);
			expect(result.host.logs.some((line) => /answered 429, waiting/.test(line.message))).toBe(true);
		});
	});
});
