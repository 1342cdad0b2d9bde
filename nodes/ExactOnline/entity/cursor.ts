/**
 * Sync cursors for "Get Changes", kept in the workflow's static data (saved by n8n for production runs,
 * not for manual test runs). A cursor can move at once, or wait for a "Confirm Changes" step at the end
 * of the flow, so that a run that fails half-way reads the same changes again next time instead of losing
 * them (OutSmart upserts by code, so reading twice is harmless; missing a change is not).
 */
import type { IDataObject } from 'n8n-workflow';
import { SYNC_START } from '../transport/sync';

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
	 * IDs of deleted records handed out by this read: their remembered codes are dropped once the read is final
	 * (at once, or at Confirm Changes), so that a retried run still hands the deletion out with its code.
	 */
	forget?: string[];
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

/** Positions without an empty `streams` or `forget`, so cursors that need neither stay as they were. */
function positions(records: string, deleted: string, streams: Record<string, string> | undefined, forget: string[] = []): StreamPositions {
	return {
		records,
		deleted,
		...(streams && Object.keys(streams).length > 0 ? { streams } : {}),
		...(forget.length > 0 ? { forget } : {}),
	};
}

/**
 * Moves the cursor past what was read; `confirmLater` keeps it pending until confirmCursor. An extra stream
 * not read this run (e.g. its option switched off for a while) keeps its position, so switching it on again
 * hands out what changed meanwhile.
 */
export function advanceCursor(staticData: IDataObject, key: string, next: StreamPositions, confirmLater: boolean): SyncCursor {
	const current = readCursor(staticData, key);
	const read = positions(next.records, next.deleted, { ...current.streams, ...next.streams }, next.forget);
	if (confirmLater) {
		storeRead(staticData, key, current, read, true);
	} else {
		forgetCodes(staticData, key, read.forget);
		storeRead(staticData, key, current, positions(read.records, read.deleted, read.streams), false);
	}
	return readCursor(staticData, key);
}

/** Makes the pending position final; returns false when nothing was pending. */
export function confirmCursor(staticData: IDataObject, key: string): boolean {
	const cursor = readCursor(staticData, key);
	const forget = cursor.pending?.forget;
	if (!confirmRead(staticData, key, cursor)) return false;
	if (forget) {
		forgetCodes(staticData, key, forget);
		const final = { ...readCursor(staticData, key) };
		delete final.forget;
		staticData[key] = final as unknown as IDataObject;
	}
	return true;
}

/**
 * sync/Deleted names only the ID of a deleted record, while OutSmart knows records by code. So the codes of the
 * records a change stream handed out are remembered (ID -> code, beside the cursor) and handed out with their
 * deletion, which lets a flow deactivate the record in OutSmart. Only handed-out records: a deletion of a record
 * the flow never saw needs no code. A code is dropped when its deletion was handed out and is final.
 */
function codesKey(cursorKey: string): string {
	return `${cursorKey}:codes`;
}

export function readCodes(staticData: IDataObject, cursorKey: string): Record<string, string> {
	return (staticData[codesKey(cursorKey)] as Record<string, string> | undefined) ?? {};
}

/** Adds the codes of these records; writes to static data only when something is new (n8n saves any write). */
export function rememberCodes(staticData: IDataObject, cursorKey: string, entries: Array<[id: string, code: string]>): void {
	const codes = readCodes(staticData, cursorKey);
	const fresh = entries.filter(([id, code]) => codes[id] !== code);
	if (fresh.length === 0) return;
	staticData[codesKey(cursorKey)] = { ...codes, ...Object.fromEntries(fresh) };
}

function forgetCodes(staticData: IDataObject, cursorKey: string, ids: string[] | undefined): void {
	const codes = readCodes(staticData, cursorKey);
	const gone = (ids ?? []).filter((id) => id in codes);
	if (gone.length === 0) return;
	const kept = { ...codes };
	for (const id of gone) delete kept[id];
	staticData[codesKey(cursorKey)] = kept;
}

export function resetCodes(staticData: IDataObject, cursorKey: string): void {
	delete staticData[codesKey(cursorKey)];
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
