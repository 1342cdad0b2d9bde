import { nextAmsterdamMidnight } from './dates';

/**
 * Exact's per-division call limits: a fixed 60 s window that starts with the first call after the previous
 * window ended, and a daily count that resets at Dutch midnight. Reset headers are epoch milliseconds.
 * The window can run on a scaled clock (`minuteMs`, e.g. 5 s) so that a benchmark at the cap fits in minutes;
 * every call is still counted, in the window and in the day.
 */

export interface LimitSettings {
	minutelyLimit?: number;
	dailyLimit?: number;
	/** Start the current minute window with this many calls left. */
	minutelyRemaining?: number;
	/** Start the current day with this many calls left. */
	dailyRemaining?: number;
	/** Length of the "minute" window in ms (default 60,000; smaller for benchmarks on a scaled clock). */
	minuteMs?: number;
	/** Only this division (default: every division). */
	division?: number;
}

/** A minute window that has ended: when it started and how many calls it let through. */
export interface ClosedWindow {
	start: number;
	calls: number;
}

/** What the limiter counted for one division (GET /__admin/limits). */
export interface DivisionUsage {
	minuteCount: number;
	minuteStart: number | null;
	dayCount: number;
	dayReset: number;
	/** The last windows that ended, oldest first (at most 1,000). */
	closedWindows: ClosedWindow[];
}

interface Window {
	minuteStart: number | null;
	minuteCount: number;
	dayReset: number;
	dayCount: number;
	closed: ClosedWindow[];
}

const MAX_CLOSED_WINDOWS = 1000;

export type RateDecision =
	| { allowed: true; headers: Record<string, string> }
	| { allowed: false; kind: 'minutely' | 'daily'; headers: Record<string, string> };

export class RateLimiter {
	private readonly windows = new Map<number, Window>();

	constructor(
		private readonly now: () => number,
		public minutelyLimit: number,
		public dailyLimit: number,
		private readonly divisions: () => number[],
		public minuteMs = 60_000,
	) {}

	private window(division: number): Window {
		const now = this.now();
		let w = this.windows.get(division);
		if (!w) {
			w = { minuteStart: null, minuteCount: 0, dayReset: nextAmsterdamMidnight(now), dayCount: 0, closed: [] };
			this.windows.set(division, w);
		}
		if (w.minuteStart !== null && now >= w.minuteStart + this.minuteMs) {
			w.closed.push({ start: w.minuteStart, calls: w.minuteCount });
			if (w.closed.length > MAX_CLOSED_WINDOWS) w.closed.shift();
			w.minuteStart = null;
			w.minuteCount = 0;
		}
		if (now >= w.dayReset) {
			w.dayReset = nextAmsterdamMidnight(now);
			w.dayCount = 0;
		}
		return w;
	}

	private minutelyHeaders(w: Window): Record<string, string> {
		return {
			'X-RateLimit-Minutely-Limit': String(this.minutelyLimit),
			'X-RateLimit-Minutely-Remaining': String(Math.max(0, this.minutelyLimit - w.minuteCount)),
			'X-RateLimit-Minutely-Reset': String((w.minuteStart ?? this.now()) + this.minuteMs),
		};
	}

	private dailyHeaders(w: Window): Record<string, string> {
		return {
			'X-RateLimit-Limit': String(this.dailyLimit),
			'X-RateLimit-Remaining': String(Math.max(0, this.dailyLimit - w.dayCount)),
			'X-RateLimit-Reset': String(w.dayReset),
		};
	}

	/** Count one call, or refuse it. A refusal carries only the headers of the limit that was hit. */
	consume(division: number): RateDecision {
		const w = this.window(division);
		if (w.dayCount >= this.dailyLimit) return { allowed: false, kind: 'daily', headers: this.dailyHeaders(w) };
		if (w.minuteCount >= this.minutelyLimit) return { allowed: false, kind: 'minutely', headers: this.minutelyHeaders(w) };
		if (w.minuteStart === null) w.minuteStart = this.now();
		w.minuteCount += 1;
		w.dayCount += 1;
		return { allowed: true, headers: { ...this.dailyHeaders(w), ...this.minutelyHeaders(w) } };
	}

	/** Current headers without counting a call. */
	peek(division: number): Record<string, string> {
		const w = this.window(division);
		return { ...this.dailyHeaders(w), ...this.minutelyHeaders(w) };
	}

	/** The counts of one division, including the windows that ended. */
	usage(division: number): DivisionUsage {
		const w = this.window(division);
		return { minuteCount: w.minuteCount, minuteStart: w.minuteStart, dayCount: w.dayCount, dayReset: w.dayReset, closedWindows: [...w.closed] };
	}

	set(settings: LimitSettings): void {
		if (settings.minuteMs !== undefined) {
			if (!Number.isFinite(settings.minuteMs) || settings.minuteMs < 1) throw new Error('minuteMs must be a positive number of milliseconds');
			this.minuteMs = settings.minuteMs;
		}
		if (settings.minutelyLimit !== undefined) this.minutelyLimit = settings.minutelyLimit;
		if (settings.dailyLimit !== undefined) this.dailyLimit = settings.dailyLimit;
		const targets = settings.division !== undefined ? [settings.division] : this.divisions();
		for (const division of targets) {
			const w = this.window(division);
			if (settings.minutelyRemaining !== undefined) {
				w.minuteCount = Math.max(0, this.minutelyLimit - settings.minutelyRemaining);
				if (w.minuteStart === null) w.minuteStart = this.now();
			}
			if (settings.dailyRemaining !== undefined) {
				w.dayCount = Math.max(0, this.dailyLimit - settings.dailyRemaining);
			}
		}
	}

	reset(minutelyLimit: number, dailyLimit: number, minuteMs: number): void {
		this.windows.clear();
		this.minutelyLimit = minutelyLimit;
		this.dailyLimit = dailyLimit;
		this.minuteMs = minuteMs;
	}
}
