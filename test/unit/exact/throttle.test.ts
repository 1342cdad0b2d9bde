import {
	acquire,
	budgetSnapshot,
	readRateLimitHeaders,
	record,
	recordExhausted,
	DailyLimitReachedError,
} from '../../../nodes/ExactOnlineApi/transport/throttle';

describe('rate-limit headers', () => {
	it('reads epoch milliseconds and tolerates seconds', () => {
		const limits = readRateLimitHeaders({
			'X-RateLimit-Minutely-Remaining': '12',
			'X-RateLimit-Minutely-Reset': '1790000000000',
			'x-ratelimit-remaining': '4000',
			'x-ratelimit-reset': '1790000000',
		});
		expect(limits).toMatchObject({ minutelyRemaining: 12, minutelyReset: 1790000000000, dailyRemaining: 4000, dailyReset: 1790000000000 });
	});
});

describe('throttle', () => {
	it('does not wait while the server says calls are left', async () => {
		const key = 'test-no-wait';
		record(key, { minutelyRemaining: 2, minutelyReset: Date.now() + 60_000 });
		const waits: number[] = [];
		const first = await acquire(key, (ms) => waits.push(ms));
		const second = await acquire(key, (ms) => waits.push(ms));
		expect(waits).toEqual([]);
		expect(budgetSnapshot(key).inFlight).toBe(2);
		first.release();
		second.release();
	});

	it('waits for the minutely reset when in-flight calls use up what is left', async () => {
		const key = 'test-wait';
		record(key, { minutelyRemaining: 1, minutelyReset: Date.now() + 400 });
		const held = await acquire(key);
		const waits: number[] = [];
		const started = Date.now();
		const next = await acquire(key, (ms) => waits.push(ms));
		expect(waits.length).toBeGreaterThan(0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(350);
		held.release();
		next.release();
	});

	it('keeps the lowest count within one window, answers may overtake each other', () => {
		const key = 'test-min';
		const reset = Date.now() + 60_000;
		record(key, { minutelyRemaining: 10, minutelyReset: reset });
		record(key, { minutelyRemaining: 12, minutelyReset: reset });
		expect(budgetSnapshot(key).minutelyRemaining).toBe(10);
		record(key, { minutelyRemaining: 59, minutelyReset: reset + 60_000 });
		expect(budgetSnapshot(key).minutelyRemaining).toBe(59);
	});

	it('stops with a clear error when the daily budget is gone', async () => {
		const key = 'test-daily';
		record(key, { dailyRemaining: 0, dailyReset: Date.now() + 3_600_000 });
		await expect(acquire(key)).rejects.toThrow(DailyLimitReachedError);
		await expect(acquire(key)).rejects.toThrow(/daily limit .* used up; it resets at/);
	});

	it('after a 429 waits until the reset the answer named', () => {
		const key = 'test-429';
		const wait = recordExhausted(key, { minutelyRemaining: 0, minutelyReset: Date.now() + 5_000 });
		expect(wait).toBeGreaterThan(4_500);
		expect(wait).toBeLessThanOrEqual(5_300);
	});
});
