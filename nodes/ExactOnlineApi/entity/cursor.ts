/**
 * Sync cursors for "Get Changes", kept in the workflow's static data (saved by n8n for production runs,
 * not for manual test runs). A cursor can move at once, or wait for a "Confirm Changes" step at the end
 * of the flow, so that a run that fails half-way reads the same changes again next time instead of losing
 * them (OutSmart upserts by code, so reading twice is harmless; missing a change is not).
 */
import type { IDataObject } from 'n8n-workflow';
import { SYNC_START } from '../transport/sync';
import { forget } from './remembered';

/** Where the next read of each stream starts. */
export interface StreamPositions {
	records: string;
	deleted: string;
	/**
	 * Streams read beside the entity's own, by name (items: `prices`, sync/Logistics/SalesItemPrices).
	 * Optional: cursors stored before a stream existed have none, and the stream then starts at its beginning.
	 */
	streams?: Record<string, string>;
	/**
	 * What this read used up, dropped from the remembered maps once the read is final (at once, or at Confirm
	 * Changes), so that a run that fails before it hands the same out again: the codes of deleted records handed
	 * out, and the records it handed out again for a retry.
	 */
	settles?: { codes?: string[]; retry?: string[] };
}

/** The positions now, and (with Confirm Later) those read but not yet confirmed. */
export type SyncCursor = Confirmable<StreamPositions>;

export function cursorKey(entityLabel: string, syncName: string): string {
	return `exactSync:${entityLabel}:${syncName.trim() || 'default'}`;
}

export function readCursor(staticData: IDataObject, key: string): SyncCursor {
	const stored = staticData[key] as SyncCursor | undefined;
	return stored?.records ? stored : { records: SYNC_START, deleted: SYNC_START };
}

/** Where an extra stream starts: its stored position, else its beginning. */
export function streamPosition(cursor: StreamPositions, stream: string): string {
	return cursor.streams?.[stream] ?? SYNC_START;
}

export function resetCursor(staticData: IDataObject, key: string): void {
	delete staticData[key];
}

/** Positions without an empty `streams` or `settles`, so cursors that need neither stay as they were. */
function positions(records: string, deleted: string, streams: Record<string, string> | undefined, settles?: StreamPositions['settles']): StreamPositions {
	const used = Object.fromEntries(Object.entries(settles ?? {}).filter(([, ids]) => ids && ids.length > 0));
	return {
		records,
		deleted,
		...(streams && Object.keys(streams).length > 0 ? { streams } : {}),
		...(Object.keys(used).length > 0 ? { settles: used } : {}),
	};
}

/** Drops from the remembered maps what a read that is now final used up. */
function settle(staticData: IDataObject, key: string, settles: StreamPositions['settles']): void {
	forget(staticData, key, 'codes', settles?.codes);
	forget(staticData, key, 'retry', settles?.retry);
}

/**
 * Moves the cursor past what was read; `confirmLater` keeps it pending until confirmCursor. An extra stream
 * not read this run (e.g. its option switched off for a while) keeps its position, so switching it on again
 * hands out what changed meanwhile.
 */
export function advanceCursor(staticData: IDataObject, key: string, next: StreamPositions, confirmLater: boolean): SyncCursor {
	const current = readCursor(staticData, key);
	const read = positions(next.records, next.deleted, { ...current.streams, ...next.streams }, next.settles);
	if (confirmLater) {
		storeRead(staticData, key, current, read, true);
	} else {
		settle(staticData, key, read.settles);
		storeRead(staticData, key, current, positions(read.records, read.deleted, read.streams), false);
	}
	return readCursor(staticData, key);
}

/** Makes the pending position final; returns false when nothing was pending. */
export function confirmCursor(staticData: IDataObject, key: string): boolean {
	const cursor = readCursor(staticData, key);
	const settles = cursor.pending?.settles;
	if (!confirmRead(staticData, key, cursor)) return false;
	if (settles) {
		settle(staticData, key, settles);
		const final = { ...readCursor(staticData, key) };
		delete final.settles;
		staticData[key] = final as unknown as IDataObject;
	}
	return true;
}

/** What a Get Changes step keeps in static data: its state now, and what it read but waits to confirm. */
export type Confirmable<T> = T & { pending?: T; lastRunAt?: string };

function withoutRunTime<T extends object>(state: Confirmable<T> | undefined): Confirmable<T> | undefined {
	if (!state) return undefined;
	const rest = { ...state };
	delete rest.lastRunAt;
	return rest;
}

/**
 * Stores what a run read: at once, or (`confirmLater`) pending beside the current state. A run that read nothing
 * new writes nothing: n8n saves the workflow's whole static data after any write, every run.
 */
export function storeRead<T extends object>(staticData: IDataObject, key: string, current: Confirmable<T>, next: T, confirmLater: boolean): void {
	const stored = confirmLater ? { ...withoutRunTime(current), pending: next } : next;
	if (JSON.stringify(withoutRunTime(staticData[key] as Confirmable<T> | undefined) ?? null) === JSON.stringify(stored)) return;
	staticData[key] = { ...stored, lastRunAt: new Date().toISOString() } as unknown as IDataObject;
}

/** Makes what is pending the state; false when nothing was pending. */
export function confirmRead<T extends object>(staticData: IDataObject, key: string, current: Confirmable<T>): boolean {
	if (!current.pending) return false;
	staticData[key] = { ...current.pending, lastRunAt: current.lastRunAt } as unknown as IDataObject;
	return true;
}
