/**
 * Maps a Get Changes stream keeps beside its cursor in the workflow's static data, keyed by record ID:
 * - `codes`: ID -> code of the records it handed out. sync/Deleted names only the ID of a deleted record, while
 *   OutSmart knows records by code: the code goes out with the deletion, so a flow can deactivate the record. A
 *   deletion of a record the flow never saw needs no code, so only handed-out records are kept.
 * - `retry`: records a flow could not process (e.g. OutSmart refused them), given back at Confirm Changes: handed
 *   out again on the next runs until the flow takes them or they change in Exact, without re-reading everything.
 * An entry leaves when what used it is final (the deletion or retry handed out, and confirmed). Writes happen only
 * when something changes: n8n saves the workflow's whole static data after any write.
 */
import type { IDataObject } from 'n8n-workflow';

export type RememberedMap = 'codes' | 'retry';

function mapKey(cursorKey: string, name: RememberedMap): string {
	return `${cursorKey}:${name}`;
}

export function readRemembered<T>(staticData: IDataObject, cursorKey: string, name: RememberedMap): Record<string, T> {
	return (staticData[mapKey(cursorKey, name)] as Record<string, T> | undefined) ?? {};
}

/** Adds or replaces entries; no write when every entry is already there as it is. */
export function remember<T>(staticData: IDataObject, cursorKey: string, name: RememberedMap, entries: Array<[id: string, value: T]>): void {
	const map = readRemembered<T>(staticData, cursorKey, name);
	const fresh = entries.filter(([id, value]) => JSON.stringify(map[id]) !== JSON.stringify(value));
	if (fresh.length === 0) return;
	staticData[mapKey(cursorKey, name)] = { ...map, ...Object.fromEntries(fresh) } as IDataObject;
}

/** Removes these IDs; no write when none is there. An empty map is removed altogether. */
export function forget(staticData: IDataObject, cursorKey: string, name: RememberedMap, ids: string[] | undefined): void {
	const map = readRemembered(staticData, cursorKey, name);
	const gone = (ids ?? []).filter((id) => id in map);
	if (gone.length === 0) return;
	const kept = { ...map };
	for (const id of gone) delete kept[id];
	if (Object.keys(kept).length === 0) delete staticData[mapKey(cursorKey, name)];
	else staticData[mapKey(cursorKey, name)] = kept as IDataObject;
}

export function resetRemembered(staticData: IDataObject, cursorKey: string): void {
	for (const name of ['codes', 'retry'] as const) delete staticData[mapKey(cursorKey, name)];
}
