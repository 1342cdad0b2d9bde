/**
 * What the OutSmart Trigger remembers between polls, and how it decides what to emit. Pure: no I/O.
 *
 * State (in the workflow's static data, which n8n saves for active workflows): per row id a fingerprint of what
 * matters about the work order - its status, its work status and a hash of its completed content (work periods,
 * materials, descriptions, signature, ...). A work order is emitted when its row id is not remembered or its
 * fingerprint changed. Row ids no longer in the answer are forgotten, which also caps the state at the size of
 * OutSmart's Compleet list. So:
 * - an unchanged work order is never emitted twice;
 * - a work order set back to the trigger's work status after a failed export (it left the list, then came back)
 *   is emitted again;
 * - a work order whose content changed while it stayed Compleet is emitted again.
 */
import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

export const STATE_VERSION = 1;

export interface TriggerState {
	version: number;
	/** What the state was built for (work status, filters); another scope starts over as a first poll. */
	scope: string;
	/** row id -> fingerprint. */
	seen: Record<string, string>;
	/** ISO time of the first poll that built this state. */
	since: string;
}

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
 * characters keep the state small (a list of thousands is saved on every emit).
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

export function readState(data: IDataObject): TriggerState | undefined {
	const state = data.outSmartTrigger as TriggerState | undefined;
	if (!state || state.version !== STATE_VERSION || typeof state.seen !== 'object' || state.seen === null) return undefined;
	return state;
}

export interface PollDecision {
	/** Work orders to emit, in OutSmart's order. */
	emit: IDataObject[];
	/** The state to keep after this poll. */
	next: TriggerState;
	/** True when there was no usable state (first poll, or another scope). */
	firstPoll: boolean;
	/** Row ids forgotten because they left the list. */
	forgotten: number;
}

/**
 * Decides what one poll emits. On a first poll, `emitExisting` decides whether the work orders already in the
 * list are emitted or only remembered.
 */
export function decide(
	workorders: IDataObject[],
	previous: TriggerState | undefined,
	options: { scope: string; emitExisting: boolean; now: Date },
): PollDecision {
	const firstPoll = !previous || previous.scope !== options.scope;
	const before = firstPoll ? {} : previous.seen;
	const seen: Record<string, string> = {};
	const emit: IDataObject[] = [];
	for (const workorder of workorders) {
		const id = rowIdOf(workorder);
		if (!id) continue;
		const print = fingerprint(workorder);
		if (id in seen) continue; // the same row twice in one answer: once is enough
		seen[id] = print;
		if (firstPoll ? options.emitExisting : before[id] !== print) emit.push(workorder);
	}
	const forgotten = Object.keys(before).filter((id) => !(id in seen)).length;
	return {
		emit,
		firstPoll,
		forgotten,
		next: { version: STATE_VERSION, scope: options.scope, seen, since: (firstPoll ? undefined : previous?.since) ?? options.now.toISOString() },
	};
}
