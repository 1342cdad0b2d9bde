import { dayBudget, tokenRefreshes, type ExportFlow } from '../../../bench/n8n/dayBudget';

/** The day's budget of the real-n8n bench: schedules times measured runs, and the token refreshes they cause. */

const exportFlow: ExportFlow = { name: 'export', pollMinutes: 30, workOrdersPerDay: 50, workday: [8, 17], perRunCalls: 4, perWorkOrderCalls: 1.2 };

describe('token refreshes', () => {
	it('refreshes when the last token is 10 minutes old, once for runs at the same minute', () => {
		expect(tokenRefreshes([0, 0, 5, 9, 10, 15, 30], 1)).toBe(3);
		expect(tokenRefreshes([], 1)).toBe(0);
	});
});

describe('a day of the schedules', () => {
	it('counts every run but one as idle, one with the changes, and the export per run and per work order', () => {
		const day = dayBudget(
			[
				{ name: 'relations', schedule: { everyMinutes: 30 }, idleCalls: 4, changedCalls: 6 },
				{ name: 'payment', schedule: { dailyAtHour: 6 }, idleCalls: 3, changedCalls: 5 },
			],
			[exportFlow],
			1,
		);
		expect(day.flows.map((f) => [f.name, f.runs, f.calls])).toEqual([
			['relations', 48, 47 * 4 + 6],
			['payment', 1, 5],
			// 18 polls between 8:30 and 17:00 find work (50 work orders, at most one run per poll)
			['export', 18, Math.round(18 * 4 + 50 * 1.2)],
		]);
		expect(day.calls).toBe(194 + 5 + 132);
		expect(day.share).toBeCloseTo(331 / 5000);
		// every 30 minutes the token is older than 10 minutes; the export polls fall on the same half hours
		expect(day.tokenCalls).toBe(48);
	});

	it('spreads fewer work orders than polls over the working day', () => {
		const day = dayBudget([], [{ ...exportFlow, workOrdersPerDay: 3 }], 1);
		expect(day.flows[0].runs).toBe(3);
		expect(day.tokenCalls).toBe(3);
	});
});

describe('Pro flows and webhook events', () => {
	it('counts a Pro flow in the total, not in the Basic share, and each webhook event as its calls and a possible refresh', () => {
		const day = dayBudget(
			[
				{ name: 'relations', schedule: { everyMinutes: 30 }, idleCalls: 4, changedCalls: 6 },
				{ name: 'by webhook', schedule: { everyMinutes: 60 }, idleCalls: 2, changedCalls: 3, pro: true, events: { perDay: 6, callsPerEvent: 1, workday: [8, 17] } },
			],
			[{ ...exportFlow, workOrdersPerDay: 0 }],
			1,
		);
		expect(day.flows.map((f) => [f.name, f.runs, f.calls])).toEqual([
			['relations', 48, 194],
			['by webhook', 24, 23 * 2 + 3],
			['by webhook: webhook events', 6, 6],
			['export', 0, 0],
		]);
		expect(day.calls).toBe(194 + 49 + 6);
		expect(day.basicCalls).toBe(194);
		expect(day.basicShare).toBeCloseTo(194 / 5000);
		// events at 8:45, 10:15, ... 16:15 come 15 minutes after a half-hourly run: each finds its token too old
		expect(day.tokenCalls).toBe(48 + 6);
	});

	it('counts an export-like Pro flow beside the export, in the total and not in the Basic share', () => {
		const back: ExportFlow = { ...exportFlow, name: 'back to orders', pro: true, workOrdersPerDay: 5, perRunCalls: 3, perWorkOrderCalls: 7 };
		const day = dayBudget([], [exportFlow, back], 1);
		expect(day.flows.map((f) => [f.name, f.runs, f.calls])).toEqual([
			['export', 18, Math.round(18 * 4 + 50 * 1.2)],
			['back to orders', 5, 5 * 3 + 5 * 7],
		]);
		expect(day.calls).toBe(132 + 50);
		expect(day.basicCalls).toBe(132);
	});

	it('counts the run after the changes at its own cost for a flow that reads back its own writes', () => {
		const day = dayBudget([{ name: 'quotations', schedule: { everyMinutes: 30 }, idleCalls: 4, changedCalls: 12, echoCalls: 7, pro: true }], [], 1);
		expect(day.flows).toEqual([{ name: 'quotations', schedule: 'every 30 min', runs: 48, calls: 46 * 4 + 12 + 7 }]);
		expect(day.basicCalls).toBe(0);
	});
});
