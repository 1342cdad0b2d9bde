/**
 * "Get Changes": everything created or changed since the last run (sync endpoint), plus what was deleted
 * (sync/Deleted), one item each, marked `changeType: changed | deleted`. An incremental run with nothing
 * changed costs one call per stream.
 */
import type { IDataObject } from 'n8n-workflow';
import { exactSyncDeleted, exactSyncRead, type ExactContext } from '../transport';
import { advanceCursor, cursorKey, readCursor, resetCursor } from './cursor';
import type { ExactEntity } from './definitions';

export interface ChangesOptions {
	select: string[];
	syncName: string;
	includeDeleted: boolean;
	confirmLater: boolean;
	startOver: boolean;
	filter?: string;
	staticData: IDataObject;
	itemIndex?: number;
	/** Runs on the changed records before the cursor moves (e.g. to add fields the sync endpoint lacks). */
	afterRead?: (changed: IDataObject[]) => Promise<void>;
}

export async function getChanges(this: ExactContext, entity: ExactEntity, options: ChangesOptions): Promise<IDataObject[]> {
	if (!entity.syncEntity) throw new Error(`Exact has no sync endpoint for ${entity.label}s`);
	const key = cursorKey(entity.label, options.syncName);
	if (options.startOver) resetCursor(options.staticData, key);
	const cursor = readCursor(options.staticData, key);

	const changed = await exactSyncRead.call(this, {
		entity: entity.syncEntity,
		select: [...new Set(options.select)],
		since: cursor.records,
		filter: options.filter,
		itemIndex: options.itemIndex,
	});
	const deleted =
		options.includeDeleted && entity.deletedType !== undefined
			? await exactSyncDeleted.call(this, { entityType: entity.deletedType, since: cursor.deleted, itemIndex: options.itemIndex })
			: { records: [], cursor: cursor.deleted };

	if (options.afterRead && changed.records.length > 0) await options.afterRead(changed.records);

	advanceCursor(options.staticData, key, { records: changed.cursor, deleted: deleted.cursor }, options.confirmLater);

	return [
		...changed.records.map((record) => ({ ...record, changeType: 'changed' })),
		...deleted.records.map((record) => ({
			[entity.key]: record.EntityKey,
			changeType: 'deleted',
			DeletedDate: record.DeletedDate ?? null,
			Timestamp: record.Timestamp,
		})),
	];
}
