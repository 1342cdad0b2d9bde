/**
 * The one retry helper both transports use: growing pauses (doubling, capped) for a fixed number of tries.
 * Which failures may be retried is each API's own rule and stays in its transport: only they know that an
 * Exact write is never repeated blindly, or that OutSmart's code 1007 is worth another try.
 */
import { sleep } from 'n8n-workflow';

export interface Backoff {
	/** Tries in all, the first included. */
	attempts: number;
	/** Pause before the first retry, doubling after each. */
	baseDelayMs: number;
	/** Longest pause. */
	maxDelayMs?: number;
}

export interface RetryBudget {
	/** The try under way: 1 for the first. */
	readonly attempt: number;
	/** Waits the next pause and answers true, or answers false when the tries are used up. */
	next(why: string): Promise<boolean>;
}

export function retryBudget(backoff: Backoff, onRetry?: (why: string, nextAttempt: number, delayMs: number) => void): RetryBudget {
	let attempt = 1;
	return {
		get attempt() {
			return attempt;
		},
		async next(why: string) {
			if (attempt >= backoff.attempts) return false;
			const delay = Math.min(backoff.maxDelayMs ?? Number.POSITIVE_INFINITY, backoff.baseDelayMs * 2 ** (attempt - 1));
			onRetry?.(why, attempt + 1, delay);
			await sleep(delay);
			attempt++;
			return true;
		},
	};
}
