/**
 * Exact allows 60 calls a minute and 5,000 a day per app and division, and says how many are left in the
 * X-RateLimit-* headers of every answer. This throttle keeps one budget per division for the whole n8n
 * process (all executions share it), waits for the minutely reset instead of earning a 429, and stops with
 * a clear error when the daily budget is gone. Several n8n workers stay in step through the headers: each
 * answer tells every process what the server has counted.
 */
import { sleep } from 'n8n-workflow';

export interface RateLimitHeaders {
	minutelyLimit?: number;
	minutelyRemaining?: number;
	minutelyReset?: number;
	dailyLimit?: number;
	dailyRemaining?: number;
	dailyReset?: number;
}

interface Budget {
	minutelyRemaining?: number;
	minutelyReset?: number;
	dailyRemaining?: number;
	dailyReset?: number;
	/** Calls sent whose answer (and so the server's new count) has not arrived yet. */
	inFlight: number;
}

export class DailyLimitReachedError extends Error {
	constructor(readonly resetAt: number | undefined) {
		super(
			`The daily limit of Exact Online API calls for this division is used up${
				resetAt ? `; it resets at ${new Date(resetAt).toISOString()}` : ''
			}`,
		);
	}
}

/** Exact sends reset times as epoch milliseconds; accept seconds too, in case a proxy rewrites them. */
function toEpochMs(value: number | undefined): number | undefined {
	if (value === undefined || !Number.isFinite(value)) return undefined;
	return value < 1e12 ? value * 1000 : value;
}

function headerNumber(headers: Record<string, unknown>, name: string): number | undefined {
	const raw = headers[name] ?? headers[name.toLowerCase()];
	const text = Array.isArray(raw) ? raw[0] : raw;
	if (text === undefined || text === null || text === '') return undefined;
	const value = Number(text);
	return Number.isFinite(value) ? value : undefined;
}

export function readRateLimitHeaders(headers: Record<string, unknown> | undefined): RateLimitHeaders {
	if (!headers) return {};
	const lower: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(headers)) lower[key.toLowerCase()] = value;
	return {
		minutelyLimit: headerNumber(lower, 'x-ratelimit-minutely-limit'),
		minutelyRemaining: headerNumber(lower, 'x-ratelimit-minutely-remaining'),
		minutelyReset: toEpochMs(headerNumber(lower, 'x-ratelimit-minutely-reset')),
		dailyLimit: headerNumber(lower, 'x-ratelimit-limit'),
		dailyRemaining: headerNumber(lower, 'x-ratelimit-remaining'),
		dailyReset: toEpochMs(headerNumber(lower, 'x-ratelimit-reset')),
	};
}

/** A little slack on top of the reset time, for clock differences between us and Exact. */
const RESET_MARGIN_MS = 250;
/** A minutely window never lasts longer than this; guards against a skewed or bogus reset header. */
const MAX_MINUTELY_WAIT_MS = 61_000;

const budgets = new Map<string, Budget>();

function budgetFor(key: string): Budget {
	let budget = budgets.get(key);
	if (!budget) {
		budget = { inFlight: 0 };
		budgets.set(key, budget);
	}
	return budget;
}

function minutelyWait(budget: Budget, now: number): number {
	if (budget.minutelyReset !== undefined && now >= budget.minutelyReset) {
		// A new minute has begun: the old count no longer applies.
		budget.minutelyRemaining = undefined;
		budget.minutelyReset = undefined;
	}
	if (budget.minutelyRemaining === undefined) return 0;
	if (budget.minutelyRemaining - budget.inFlight > 0) return 0;
	const until = (budget.minutelyReset ?? now + MAX_MINUTELY_WAIT_MS) + RESET_MARGIN_MS;
	return Math.min(Math.max(until - now, RESET_MARGIN_MS), MAX_MINUTELY_WAIT_MS);
}

function checkDaily(budget: Budget, now: number): void {
	if (budget.dailyReset !== undefined && now >= budget.dailyReset) {
		budget.dailyRemaining = undefined;
		budget.dailyReset = undefined;
	}
	if (budget.dailyRemaining !== undefined && budget.dailyRemaining - budget.inFlight <= 0) {
		throw new DailyLimitReachedError(budget.dailyReset);
	}
}

export interface ThrottleTicket {
	/** Hand the answer's headers back (or nothing, when no answer came) to free the slot. */
	release(headers?: Record<string, unknown>): void;
}

/**
 * Waits until the division's budget allows one more call, then reserves it.
 * `onWait` is told how long it waits, so that callers can log it.
 */
export async function acquire(key: string, onWait?: (ms: number) => void): Promise<ThrottleTicket> {
	const budget = budgetFor(key);
	for (;;) {
		const now = Date.now();
		checkDaily(budget, now);
		const wait = minutelyWait(budget, now);
		if (wait === 0) break;
		onWait?.(wait);
		await sleep(wait);
	}
	budget.inFlight++;
	let released = false;
	return {
		release(headers) {
			if (released) return;
			released = true;
			budget.inFlight--;
			record(key, readRateLimitHeaders(headers));
		},
	};
}

/** Takes in what the server said. Within one window the lowest count wins (answers can overtake). */
export function record(key: string, limits: RateLimitHeaders): void {
	const budget = budgetFor(key);
	if (limits.minutelyRemaining !== undefined) {
		const sameWindow = limits.minutelyReset !== undefined && limits.minutelyReset === budget.minutelyReset;
		budget.minutelyRemaining =
			sameWindow && budget.minutelyRemaining !== undefined
				? Math.min(budget.minutelyRemaining, limits.minutelyRemaining)
				: limits.minutelyRemaining;
		budget.minutelyReset = limits.minutelyReset ?? budget.minutelyReset;
	}
	if (limits.dailyRemaining !== undefined) {
		const sameDay = limits.dailyReset !== undefined && limits.dailyReset === budget.dailyReset;
		budget.dailyRemaining =
			sameDay && budget.dailyRemaining !== undefined
				? Math.min(budget.dailyRemaining, limits.dailyRemaining)
				: limits.dailyRemaining;
		budget.dailyReset = limits.dailyReset ?? budget.dailyReset;
	}
}

/** After a 429: nothing is left until the reset the answer names. */
export function recordExhausted(key: string, limits: RateLimitHeaders): number {
	const budget = budgetFor(key);
	budget.minutelyRemaining = 0;
	budget.minutelyReset = limits.minutelyReset ?? Date.now() + MAX_MINUTELY_WAIT_MS;
	if (limits.dailyRemaining === 0) {
		budget.dailyRemaining = 0;
		budget.dailyReset = limits.dailyReset;
	}
	return minutelyWait(budget, Date.now());
}

/** What the throttle currently knows; for logs and tests. */
export function budgetSnapshot(key: string): Readonly<Budget> {
	return { ...budgetFor(key) };
}
