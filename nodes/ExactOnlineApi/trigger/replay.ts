/**
 * Refusing replays: a signed body can be sent again by anyone who saw it once. Every accepted body is remembered
 * by its HashCode (an HMAC of the content, which carries the event's own time, so it names the body) with the
 * event time, in the workflow's static data; an event older than the maximum age is refused on its time alone,
 * so the memory only needs to hold that window and is pruned as it goes.
 */
import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { EXACT_TIME_ZONE } from '../dates';

const SEEN_KEY = 'exactWebhook:seen';
/** Exact's clock and ours differ a little: an event this far "in the future" is still taken. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** `EventCreatedOn` as epoch ms: Exact writes Dutch wall-clock time without an offset. */
export function eventTime(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const parsed = DateTime.fromISO(value, { zone: EXACT_TIME_ZONE });
	return parsed.isValid ? parsed.toMillis() : undefined;
}

export type ReplayCheck = { fresh: true } | { fresh: false; reason: string };

export function checkFreshness(staticData: IDataObject, hashCode: string, createdOn: unknown, maxAgeMs: number, now: number): ReplayCheck {
	const at = eventTime(createdOn);
	if (at === undefined) return { fresh: false, reason: 'no readable EventCreatedOn' };
	if (at < now - maxAgeMs) return { fresh: false, reason: `event of ${String(createdOn)} is older than the maximum event age` };
	if (at > now + CLOCK_SKEW_MS) return { fresh: false, reason: `event of ${String(createdOn)} lies in the future` };
	const seen = staticData[SEEN_KEY] as Record<string, number> | undefined;
	if (seen?.[hashCode.toUpperCase()] !== undefined) return { fresh: false, reason: 'this body was already processed (replay)' };
	return { fresh: true };
}

/** Remembers an accepted body and forgets those its age limit refuses anyway. */
export function rememberEvent(staticData: IDataObject, hashCode: string, createdOn: unknown, maxAgeMs: number, now: number): void {
	const seen = { ...((staticData[SEEN_KEY] as Record<string, number> | undefined) ?? {}) };
	for (const [hash, at] of Object.entries(seen)) if (at < now - maxAgeMs - CLOCK_SKEW_MS) delete seen[hash];
	seen[hashCode.toUpperCase()] = eventTime(createdOn) ?? now;
	staticData[SEEN_KEY] = seen;
}
