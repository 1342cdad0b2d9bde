/**
 * "Get Changes": everything created or changed since the last run (sync endpoint), plus what was deleted
 * (sync/Deleted), one item each, marked `changeType: changed | deleted`. An incremental run with nothing
 * changed costs one call per stream. An entity can read extra streams beside its own (items: their price
 * list), each with its own position in the same cursor.
 */
import type { IDataObject } from 'n8n-workflow';
import { exactSyncDeleted, exactSyncRead, SYNC_START, type ExactContext } from '../transport';
import type { DeletedRecord } from '../transport/sync';
import { advanceCursor, cursorKey, readCursor, resetCursor, streamPosition } from './cursor';
import { readRemembered, remember, resetRemembered } from './remembered';
import type { ExactEntity } from './definitions';

/** What an extra stream sees of the run it is part of. */
export interface ExtraStreamRun {
	/** The changed records read so far; a stream may mark them. */
	changed: IDataObject[];
	/** Every row the entity's own stream read, also those `keep` left out (on purpose: no need to read them again). */
	read: IDataObject[];
	/** The entity's own stream starts at its beginning, so every record is handed out anyway. */
	fromStart: boolean;
	/** The fields and filter of the entity's own read. */
	select: string[];
	filter?: string;
}

export interface ExtraStream {
	/** Its position's name in the cursor. */
	name: string;
	/** Reads from `since`; answers its next position and records to hand out as changed too. */
	read(since: string, run: ExtraStreamRun): Promise<{ cursor: string; records: IDataObject[] }>;
}

export interface ChangesOptions {
	select: string[];
	syncName: string;
	includeDeleted: boolean;
	confirmLater: boolean;
	startOver: boolean;
	/**
	 * Which of the entity's records to hand out: `keep` picks them from the sync rows (sync endpoints are
	 * documented with the Timestamp filter only), `filter` is the same choice as OData for reads by ID.
	 */
	keep?: (record: IDataObject) => boolean;
	filter?: string;
	staticData: IDataObject;
	itemIndex?: number;
	/** Read after the entity's own streams, also when nothing of the entity changed. */
	extraStreams?: ExtraStream[];
	/**
	 * With Confirm Later, make the position final at once when nothing is handed out: nothing downstream can
	 * fail then, and no Confirm Changes step runs without items. For readers that leave most changes out (`keep`),
	 * which would otherwise read the same changes again every run until one is kept.
	 */
	confirmWhenEmpty?: boolean;
	/** Runs on the changed records before the cursor moves (e.g. to add fields the sync endpoint lacks). */
	afterRead?: (changed: IDataObject[]) => Promise<void>;
	/**
	 * Hand out at most about this many changed records a run (whole pages of 1,000): the position moves past those
	 * only, the next run goes on from there. Keeps one execution of a first read small (n8n holds every item of an
	 * execution in memory). Only for entities without extra streams: those may hand out records of the part not
	 * read yet.
	 */
	maxRecords?: number;
}

/** Whether the next Get Changes of this stream reads it from its start: then it hands out every record there is. */
export function readsFromStart(staticData: IDataObject, entity: ExactEntity, syncName: string, startOver: boolean): boolean {
	return startOver || readCursor(staticData, cursorKey(entity.label, syncName)).records === SYNC_START;
}

export async function getChanges(this: ExactContext, entity: ExactEntity, options: ChangesOptions): Promise<IDataObject[]> {
	if (!entity.syncEntity) throw new Error(`Exact has no sync endpoint for ${entity.label}s`);
	const key = cursorKey(entity.label, options.syncName);
	if (options.startOver) {
		resetCursor(options.staticData, key);
		resetRemembered(options.staticData, key);
	}
	const cursor = readCursor(options.staticData, key);
	const select = [...new Set(options.select)];

	const changed = await exactSyncRead.call(this, {
		entity: entity.syncEntity,
		select,
		since: cursor.records,
		maxRecords: options.extraStreams?.length ? undefined : options.maxRecords,
		itemIndex: options.itemIndex,
	});
	const records = options.keep ? changed.records.filter(options.keep) : changed.records;
	const deleted =
		options.includeDeleted && entity.deletedType !== undefined
			? await exactSyncDeleted.call(this, { entityType: entity.deletedType, since: cursor.deleted, itemIndex: options.itemIndex })
			: { records: [], cursor: cursor.deleted };

	const streams: Record<string, string> = {};
	const run: ExtraStreamRun = { changed: records, read: changed.records, fromStart: cursor.records === SYNC_START, select, filter: options.filter };
	for (const stream of options.extraStreams ?? []) {
		const read = await stream.read(streamPosition(cursor, stream.name), run);
		streams[stream.name] = read.cursor;
		records.push(...read.records);
	}

	if (options.afterRead && records.length > 0) await options.afterRead(records);

	const idOf = (id: unknown) => String(id ?? '').toLowerCase();
	if (entity.codeField) {
		const codeField = entity.codeField;
		const withCode = records.filter((r) => r[codeField] !== undefined && r[codeField] !== null);
		remember(options.staticData, key, 'codes', withCode.map((r) => [idOf(r[entity.key]), String(r[codeField]).trim()]));
	}
	const codes = readRemembered<string>(options.staticData, key, 'codes');
	// Records a flow gave back at Confirm Changes go out again, unless a newer version or their deletion is here.
	const retry = readRemembered<IDataObject>(options.staticData, key, 'retry');
	const fresh = new Set([...records.map((r) => idOf(r[entity.key])), ...deleted.records.map((r) => idOf(r.EntityKey))]);
	const retried = Object.entries(retry).filter(([id]) => !fresh.has(id));
	const settles = { codes: deleted.records.map((r) => idOf(r.EntityKey)), retry: Object.keys(retry) };
	const handedOut = [
		...records.map((record) => ({ ...record, changeType: 'changed' })),
		...retried.map(([, record]) => ({ ...record, changeType: 'changed', retry: true })),
		...deleted.records.map((record) => deletionItem(entity, record, codes)),
	];
	const final = options.confirmWhenEmpty && handedOut.length === 0;
	advanceCursor(options.staticData, key, { records: changed.cursor, deleted: deleted.cursor, streams, settles }, options.confirmLater && !final);
	return handedOut;
}

/** The item a deletion gives: the key, the code the stream handed out before (if any), when. */
export function deletionItem(entity: ExactEntity, record: DeletedRecord, codes: Record<string, string>): IDataObject {
	const code = codes[String(record.EntityKey ?? '').toLowerCase()] ?? null;
	return {
		[entity.key]: record.EntityKey,
		...(entity.codeField ? { [entity.codeField]: code } : {}),
		changeType: 'deleted',
		DeletedDate: record.DeletedDate ?? null,
		Timestamp: record.Timestamp,
	};
}
