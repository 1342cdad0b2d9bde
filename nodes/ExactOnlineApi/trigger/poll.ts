/**
 * One poll of the Exact Online Poll Trigger: Get Changes (../entity/changes: the sync cursor, changed records, one
 * item each) for every chosen topic, and the deletions of all topics in one sync/Deleted read. The reads work on a copy of the node's static data, copied back
 * only when the poll hands its items to n8n (returning them is the hand-off; n8n saves static data when a poll
 * emits): a poll that fails half-way moves no cursor, and the next one reads the same changes again.
 */
import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';
import { deletionItem, getChanges } from '../entity/changes';
import { cursorKey } from '../entity/cursor';
import { fieldsFor } from '../entity/definitions';
import { selectFor } from '../entity/recordAccess';
import { withLines } from '../entity/salesDocuments';
import { shape, splitFields, type ReadOptions } from '../operations/output';
import { forget, readRemembered } from '../entity/remembered';
import { exactGetAll, exactSyncDeleted, SYNC_START } from '../transport';
import { topicOf, withItsLines, type TriggerTopic } from './topics';

export interface PollOptions extends ReadOptions {
	firstPoll?: 'fromNow' | 'everything';
	includeDeleted?: boolean;
	includeLines?: boolean;
}

/** The cursor's name inside the node's own static data (each trigger node has its own). */
const SYNC_NAME = 'trigger';

export function chosenTopics(this: IPollFunctions): TriggerTopic[] {
	const values = this.getNodeParameter('topics', []) as string[];
	const topics = values.map((value) => topicOf(value)).filter((topic): topic is TriggerTopic => topic !== undefined);
	if (topics.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one topic to watch');
	return topics;
}

/** Copies what the reads changed into n8n's static data (a proxy that marks itself changed on writes). */
function commit(staticData: IDataObject, draft: IDataObject): void {
	for (const key of Object.keys(staticData)) if (!(key in draft)) delete staticData[key];
	for (const [key, value] of Object.entries(draft)) {
		if (JSON.stringify(staticData[key]) !== JSON.stringify(value)) staticData[key] = value;
	}
}

export async function pollChanges(this: IPollFunctions): Promise<IDataObject[]> {
	const topics = chosenTopics.call(this);
	const options = this.getNodeParameter('options', {}) as PollOptions;
	const staticData = this.getWorkflowStaticData('node');
	const draft = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	const handOutFirst = options.firstPoll === 'everything';
	const items: IDataObject[] = [];
	for (const topic of topics) {
		const { entity, syncRows } = topic;
		const extraFields = splitFields(options.extraFields);
		const firstPoll = draft[cursorKey(entity.label, SYNC_NAME)] === undefined;
		const rows = await getChanges.call(this, entity, {
			select: [...(syncRows?.select ?? fieldsFor(entity, 'sync')), ...extraFields],
			syncName: SYNC_NAME,
			// Deletions of all topics come from one read below: one call per topic, plus one, when nothing changed.
			includeDeleted: false,
			confirmLater: false,
			startOver: false,
			staticData: draft,
		});
		// "From now": the first read only finds the position; what exists already is not handed out.
		if (firstPoll && !handOutFirst) continue;
		const records = await withTopicLines.call(this, topic, syncRows ? syncRows.group(rows, extraFields) : rows, options.includeLines);
		items.push(...shape(records, options.output).map((record) => ({ ...record, topic: topic.value })));
	}
	if (options.includeDeleted !== false) items.push(...(await pollDeletions.call(this, topics, draft, handOutFirst)));
	// With nothing to hand out only a first position is stored (n8n saves it with the activation).
	commit(staticData, draft);
	return items;
}

/**
 * Documents with their lines, as Include Lines asks: invoices have them from their sync rows already; orders and
 * quotations get them from the line endpoint (one call per 20 changed documents, none when nothing changed).
 */
async function withTopicLines(
	this: IPollFunctions,
	topic: TriggerTopic,
	records: IDataObject[],
	includeLines: boolean | undefined,
	linesRead = topic.syncRows !== undefined,
): Promise<IDataObject[]> {
	const doc = topic.document;
	if (!doc) return records;
	if (!withItsLines(topic, includeLines)) {
		return records.map((record) => Object.fromEntries(Object.entries(record).filter(([field]) => field !== doc.linesField)));
	}
	return linesRead ? records : await withLines.call(this, doc, records);
}

/** Where the one sync/Deleted read of all topics stands. */
const DELETED_CURSOR_KEY = 'exactTrigger:deleted';

/** Deletions of every topic in one sync/Deleted read, each with the code its topic's stream handed out before. */
async function pollDeletions(this: IPollFunctions, topics: TriggerTopic[], draft: IDataObject, handOutFirst: boolean): Promise<IDataObject[]> {
	const watched = topics.filter((topic) => topic.entity.deletedType !== undefined);
	if (watched.length === 0) return [];
	const stored = draft[DELETED_CURSOR_KEY] as string | undefined;
	const read = await exactSyncDeleted.call(this, {
		entityType: watched.map((topic) => topic.entity.deletedType as number),
		since: stored ?? SYNC_START,
	});
	draft[DELETED_CURSOR_KEY] = read.cursor;
	if (stored === undefined && !handOutFirst) return [];
	const items: IDataObject[] = [];
	for (const record of read.records) {
		const topic = watched.find((t) => t.entity.deletedType === Number(record.EntityType));
		if (!topic) continue;
		const key = cursorKey(topic.entity.label, SYNC_NAME);
		items.push({ ...deletionItem(topic.entity, record, readRemembered<string>(draft, key, 'codes')), topic: topic.value });
		// The code went out with the deletion; the record is gone, so its code is no longer needed.
		forget(draft, key, 'codes', [String(record.EntityKey).toLowerCase()]);
	}
	return items;
}

/** "Fetch Test Event": the most recently changed record of the first topic, one call; no cursor moves. */
export async function fetchTestEvent(this: IPollFunctions): Promise<IDataObject[]> {
	const [topic] = chosenTopics.call(this);
	const options = this.getNodeParameter('options', {}) as PollOptions;
	const { entity } = topic;
	const [record] = await exactGetAll.call(this, {
		path: entity.path,
		query: { $select: selectFor(entity, splitFields(options.extraFields)), $orderby: 'Modified desc', $top: 1 },
		limit: 1,
	});
	if (!record) throw new NodeOperationError(this.getNode(), `Exact has no ${entity.label}s yet to show as a test event`);
	return shape(await withTopicLines.call(this, topic, [record], options.includeLines, false), options.output).map((clean) => ({ ...clean, changeType: 'changed', topic: topic.value }));
}
