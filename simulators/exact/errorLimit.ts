/**
 * Exact blocks an endpoint after more than 10 errors (400, 401, 403, 404) in an hour, per app, user, division
 * and endpoint. Here: a fixed one-hour window from the first error; the 11th error blocks the endpoint for the
 * rest of that window. A client that retries 4xx blindly shows up in the stats.
 */

export interface BlockedEndpoint {
	division: number;
	endpoint: string;
	/** Epoch ms when the block ends. */
	until: number;
}

interface Entry {
	windowStart: number;
	count: number;
	blockedUntil: number | null;
}

export const COUNTED_ERROR_STATUSES = [400, 401, 403, 404];

export class ErrorLimiter {
	private readonly entries = new Map<string, Entry>();

	/** Errors per endpoint since start (not reset by the window), for stats. */
	readonly totals = new Map<string, number>();

	constructor(
		private readonly now: () => number,
		private readonly maxErrors = 10,
		private readonly windowMs = 3_600_000,
	) {}

	private key(division: number, endpoint: string): string {
		return `${division} ${endpoint}`;
	}

	/** Epoch ms until which the endpoint is blocked, or undefined. */
	blockedUntil(division: number, endpoint: string): number | undefined {
		const entry = this.entries.get(this.key(division, endpoint));
		if (entry?.blockedUntil && this.now() < entry.blockedUntil) return entry.blockedUntil;
		return undefined;
	}

	record(division: number, endpoint: string): void {
		const now = this.now();
		const key = this.key(division, endpoint);
		let entry = this.entries.get(key);
		if (!entry || now >= entry.windowStart + this.windowMs) {
			entry = { windowStart: now, count: 0, blockedUntil: null };
			this.entries.set(key, entry);
		}
		entry.count += 1;
		if (entry.count > this.maxErrors) entry.blockedUntil = entry.windowStart + this.windowMs;
		this.totals.set(endpoint, (this.totals.get(endpoint) ?? 0) + 1);
	}

	blocked(): BlockedEndpoint[] {
		const now = this.now();
		const list: BlockedEndpoint[] = [];
		for (const [key, entry] of this.entries) {
			if (entry.blockedUntil && now < entry.blockedUntil) {
				const space = key.indexOf(' ');
				list.push({ division: Number(key.slice(0, space)), endpoint: key.slice(space + 1), until: entry.blockedUntil });
			}
		}
		return list;
	}

	reset(): void {
		this.entries.clear();
		this.totals.clear();
	}
}
