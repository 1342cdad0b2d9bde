/**
 * Sync cursors for "Get Changes", kept in the workflow's static data (saved by n8n for production runs,
 * not for manual test runs). A cursor can move at once, or wait for a "Confirm Changes" step at the end
 * of the flow, so that a run that fails half-way reads the same changes again next time instead of losing
 * them (OutSmart upserts by code, so reading twice is harmless; missing a change is not).
 */
import type { IDataObject } from 'n8n-workflow';
import { SYNC_START } from '../transport/sync';

export interface SyncCursor {
	/** Where the next read starts: records, and deletions. */
	records: string;
	deleted: string;
	/** Read but not yet confirmed. */
	pending?: { records: string; deleted: string };
	lastRunAt?: string;
}

export function cursorKey(entityLabel: string, syncName: string): string {
	return `exactSync:${entityLabel}:${syncName.trim() || 'default'}`;
}

export function readCursor(staticData: IDataObject, key: string): SyncCursor {
	const stored = staticData[key] as SyncCursor | undefined;
	return stored?.records ? stored : { records: SYNC_START, deleted: SYNC_START };
}

export function writeCursor(staticData: IDataObject, key: string, cursor: SyncCursor): void {
	staticData[key] = cursor as unknown as IDataObject;
}

export function resetCursor(staticData: IDataObject, key: string): void {
	delete staticData[key];
}

/** Moves the cursor past what was read; `confirmLater` keeps it pending until confirmCursor. */
export function advanceCursor(
	staticData: IDataObject,
	key: string,
	next: { records: string; deleted: string },
	confirmLater: boolean,
): SyncCursor {
	const current = readCursor(staticData, key);
	const updated: SyncCursor = confirmLater
		? { ...current, pending: next, lastRunAt: new Date().toISOString() }
		: { records: next.records, deleted: next.deleted, lastRunAt: new Date().toISOString() };
	writeCursor(staticData, key, updated);
	return updated;
}

/** Makes the pending position final; returns false when nothing was pending. */
export function confirmCursor(staticData: IDataObject, key: string): boolean {
	const current = readCursor(staticData, key);
	if (!current.pending) return false;
	writeCursor(staticData, key, { records: current.pending.records, deleted: current.pending.deleted, lastRunAt: current.lastRunAt });
	return true;
}
