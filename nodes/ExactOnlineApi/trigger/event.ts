/**
 * One webhook call from Exact: check it is Exact's (HashCode over the raw bytes, with the credential's webhook
 * secret), fresh (EventCreatedOn within the maximum age) and not a replay (its HashCode not seen before), then
 * turn it into the item the workflow gets: the changed record, read in one call with the usual fields, or for a
 * deletion (or "Event Only") the key and the action. A refused call runs nothing.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { getById, selectFor } from '../entity/recordAccess';
import { withLines } from '../entity/salesDocuments';
import { shape, splitFields, type ReadOptions } from '../operations/output';
import { EXACT_CREDENTIAL_TYPE } from '../transport';
import { checkFreshness, rememberEvent } from './replay';
import { verifySignature } from './signature';
import { topicOf, withItsLines } from './topics';

export interface WebhookOptions extends ReadOptions {
	eventOnly?: boolean;
	maxEventAgeMinutes?: number;
	includeLines?: boolean;
}

export const DEFAULT_MAX_EVENT_AGE_MINUTES = 30;

/** What Exact says happened (the verified Content). */
export interface ExactEvent {
	Topic: string;
	Action: 'Create' | 'Update' | 'Delete';
	Key: string;
	Division: number;
	EventCreatedOn: string;
	[field: string]: unknown;
}

/** A verified event of a watched topic, remembered against replays; `eventItem` turns it into the item. */
export interface AcceptedEvent {
	kind: 'accepted';
	event: ExactEvent;
	topic: NonNullable<ReturnType<typeof topicOf>>;
}

export type EventOutcome = { kind: 'refused'; status: 401; reason: string } | { kind: 'ignored'; reason: string } | AcceptedEvent;

function rawBodyOf(this: IWebhookFunctions): string | undefined {
	// n8n keeps the bytes it parsed the JSON from (its raw-body reader) on the request.
	const raw = (this.getRequestObject() as unknown as { rawBody?: Buffer | string }).rawBody;
	if (raw === undefined || raw === null) return undefined;
	return Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
}

/** Everything that needs no call to Exact: signature, freshness, replay, topic. */
export async function verifyEvent(this: IWebhookFunctions, topics: string[], options: WebhookOptions, now = Date.now()): Promise<EventOutcome> {
	const credentials = await this.getCredentials(EXACT_CREDENTIAL_TYPE);
	const secret = typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : '';
	if (secret === '') {
		return { kind: 'refused', status: 401, reason: 'the Exact Online credential has no Webhook Secret, so no event can be verified' };
	}
	const raw = rawBodyOf.call(this);
	if (!raw) return { kind: 'refused', status: 401, reason: 'empty body' };
	const signature = verifySignature(raw, secret);
	if (!signature.valid) return { kind: 'refused', status: 401, reason: signature.reason };

	let event: ExactEvent;
	try {
		event = JSON.parse(signature.contentText) as ExactEvent;
	} catch {
		return { kind: 'refused', status: 401, reason: 'Content is not JSON' };
	}
	const maxAgeMs = (options.maxEventAgeMinutes ?? DEFAULT_MAX_EVENT_AGE_MINUTES) * 60_000;
	const staticData = this.getWorkflowStaticData('node');
	const fresh = checkFreshness(staticData, signature.hashCode, event.EventCreatedOn, maxAgeMs, now);
	if (!fresh.fresh) return { kind: 'ignored', reason: fresh.reason };
	const topic = topicOf(String(event.Topic));
	if (!topic || !topics.includes(topic.value)) return { kind: 'ignored', reason: `topic ${String(event.Topic)} is not one this trigger watches` };
	rememberEvent(staticData, signature.hashCode, event.EventCreatedOn, maxAgeMs, now);
	return { kind: 'accepted', event, topic };
}

/** The item for an accepted event: the changed record (one call), or the key and action. */
export async function eventItem(this: IWebhookFunctions, accepted: AcceptedEvent, options: WebhookOptions): Promise<IDataObject> {
	const { event, topic } = accepted;
	const exactEvent = {
		topic: event.Topic,
		action: event.Action,
		key: event.Key,
		division: event.Division,
		eventCreatedOn: event.EventCreatedOn,
	};
	const { entity } = topic;
	const keyOnly = { [entity.key]: event.Key };
	if (event.Action === 'Delete') return { ...keyOnly, changeType: 'deleted', exactEvent };
	if (options.eventOnly) return { ...keyOnly, changeType: 'changed', exactEvent };

	const record = await getById.call(this, entity, String(event.Key), selectFor(entity, splitFields(options.extraFields)));
	if (!record) {
		// Deleted (or moved out of reach) between the event and our read: its own Delete event follows.
		return { ...keyOnly, changeType: 'changed', notFound: true, exactEvent };
	}
	const doc = withItsLines(topic, options.includeLines);
	const [full] = doc ? await withLines.call(this, doc, [record]) : [record];
	const [clean] = shape([full], options.output);
	return { ...clean, changeType: 'changed', exactEvent };
}
