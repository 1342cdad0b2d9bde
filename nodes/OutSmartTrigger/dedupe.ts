/**
 * What the OutSmart Trigger remembers between polls, and how it decides what to emit. Pure: no I/O, the time
 * comes in.
 *
 * State (in the workflow's static data, which n8n saves for active workflows): per row id a fingerprint of what
 * matters about the work order - its status, its work status and a hash of its completed content (work periods,
 * materials, descriptions, signature, ...) - and when the trigger last emitted it. A work order is emitted when
 * its row id is not remembered or its fingerprint changed, and again when it is still in the list (still
 * Compleet, same filters) `retryAfterSeconds` after its last emission: the execution that got it died (n8n
 * restarted, worker killed, out of memory) or the export left it ready on purpose (Exact down, answer lost).
 * Row ids no longer in the answer are forgotten, which also caps the state at the size of OutSmart's Compleet
 * list. So:
 * - an unchanged work order is emitted once per retry interval at most, and never again with retries off;
 * - one only remembered on the first poll (the option "Emit Already Completed on First Poll" off) is not
 *   retried: it was never offered, by choice;
 * - a work order set back to the trigger's work status after a failed export (it left the list, then came back)
 *   is emitted again at once;
 * - a work order whose content changed while it stayed Compleet is emitted again at once.
 */
import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

export const STATE_VERSION = 2;

/**
 * A remembered work order: its fingerprint and when the trigger last emitted it, in whole seconds since 1970
 * (0: only remembered, never emitted). A pair of short values keeps the state small: it is saved on every emit.
 */
export type SeenEntry = [fingerprint: string, emittedAt: number];

export interface TriggerState {
	version: number;
	/** What the state was built for (work status, filters); another scope starts over as a first poll. */
	scope: string;
	/** row id -> [fingerprint, last emitted at]. */
	seen: Record<string, SeenEntry>;
	/** ISO time of the first poll that built this state. */
	since: string;
}

/** Version 1 (before retries): row id -> fingerprint. */
interface TriggerStateV1 {
	version: 1;
	scope: string;
	seen: Record<string, string>;
	since: string;
}

/**
 * Polls on a schedule start one interval apart give or take some milliseconds (database, isolate); without this
 * slack a poll exactly one interval later could miss the retry by a hair and postpone it a whole interval.
 */
export const POLL_JITTER_SECONDS = 5;

/** Key fields (not content) whose changes never matter: links may carry signed, changing query strings. */
const VOLATILE_KEY = /url$/i;

function stable(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(stable);
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort()) {
			if (VOLATILE_KEY.test(key)) continue;
			out[key] = stable((value as Record<string, unknown>)[key]);
		}
		return out;
	}
	// A link's path identifies a photo or document; its query string may change on every read.
	if (typeof value === 'string' && /^https?:\/\//i.test(value)) return value.replace(/[?#].*$/, '');
	return value;
}

/**
 * The fingerprint of a work order as OutSmart returned it (raw): a hash of its status, its work status and its
 * content (keys sorted, so a different key order from OutSmart does not re-emit every work order). 16 hex
 * characters keep the state small (a list of thousands is saved on every emit). Unchanged since version 1 of
 * the state, so a migrated state does not see every work order as changed.
 */
export function fingerprint(workorder: IDataObject): string {
	return createHash('sha256')
		.update(`${String(workorder.status ?? '')}|${String(workorder.WorkStatus ?? '')}|`)
		.update(JSON.stringify(stable(workorder)))
		.digest('hex')
		.slice(0, 16);
}

export function rowIdOf(workorder: IDataObject): string {
	return String(workorder.id ?? workorder.WorkorderNo ?? '');
}

export const toSeconds = (time: Date): number => Math.floor(time.getTime() / 1000);

function isSeenEntry(value: unknown): value is SeenEntry {
	return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'number';
}

/**
 * The state this trigger saved, or undefined (nothing usable: a first poll). A version 1 state is migrated: its
 * work orders count as emitted `now`, so the ones still waiting are offered again one retry interval after the
 * update, not all at once on the first poll after it.
 */
export function readState(data: IDataObject, now: Date): TriggerState | undefined {
	const state = data.outSmartTrigger as TriggerState | TriggerStateV1 | undefined;
	if (!state || typeof state.seen !== 'object' || state.seen === null || typeof state.scope !== 'string') return undefined;
	if (state.version === 1) {
		const at = toSeconds(now);
		const seen: Record<string, SeenEntry> = {};
		for (const [id, print] of Object.entries((state as TriggerStateV1).seen)) {
			if (typeof print === 'string') seen[id] = [print, at];
		}
		return { version: STATE_VERSION, scope: state.scope, seen, since: state.since };
	}
	if (state.version !== STATE_VERSION || !Object.values(state.seen).every(isSeenEntry)) return undefined;
	return state as TriggerState;
}

export interface PollDecision {
	/** Work orders to emit, in OutSmart's order. */
	emit: IDataObject[];
	/** How many of them are unchanged and emitted again because the retry interval passed. */
	retried: number;
	/** The state to keep after this poll. */
	next: TriggerState;
	/** True when there was no usable state (first poll, or another scope). */
	firstPoll: boolean;
	/** Row ids forgotten because they left the list. */
	forgotten: number;
}

export interface DecideOptions {
	scope: string;
	emitExisting: boolean;
	/** Emit an unchanged work order again this long after its last emission; 0 = never. */
	retryAfterSeconds: number;
	now: Date;
}

/**
 * Decides what one poll emits. On a first poll, `emitExisting` decides whether the work orders already in the
 * list are emitted or only remembered.
 */
export function decide(workorders: IDataObject[], previous: TriggerState | undefined, options: DecideOptions): PollDecision {
	const firstPoll = !previous || previous.scope !== options.scope;
	const before = firstPoll ? {} : previous.seen;
	const now = toSeconds(options.now);
	const retryDue = (emittedAt: number) =>
		options.retryAfterSeconds > 0 && emittedAt > 0 && now - emittedAt >= options.retryAfterSeconds - POLL_JITTER_SECONDS;
	const seen: Record<string, SeenEntry> = {};
	const emit: IDataObject[] = [];
	let retried = 0;
	for (const workorder of workorders) {
		const id = rowIdOf(workorder);
		if (!id) continue;
		if (id in seen) continue; // the same row twice in one answer: once is enough
		const print = fingerprint(workorder);
		const [knownPrint, emittedAt] = before[id] ?? ['', 0];
		let emitNow: boolean;
		if (firstPoll) emitNow = options.emitExisting;
		else if (knownPrint !== print) emitNow = true;
		else emitNow = retryDue(emittedAt);
		if (emitNow && !firstPoll && knownPrint === print) retried++;
		seen[id] = [print, emitNow ? now : emittedAt];
		if (emitNow) emit.push(workorder);
	}
	const forgotten = Object.keys(before).filter((id) => !(id in seen)).length;
	return {
		emit,
		retried,
		firstPoll,
		forgotten,
		next: { version: STATE_VERSION, scope: options.scope, seen, since: (firstPoll ? undefined : previous?.since) ?? options.now.toISOString() },
	};
}
