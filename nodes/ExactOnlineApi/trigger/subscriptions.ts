/**
 * The webhook subscriptions of one trigger in Exact (webhooks/WebhookSubscriptions): one per topic, all with the
 * workflow's webhook URL as CallbackURL. They are always looked up by that URL in Exact itself, not remembered:
 * someone can remove one in Exact (or another n8n can), and then activation finds the gap and fills it.
 */
import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';
import { odataGuid, odataString } from '../odata';
import { exactGetAll, exactRequest } from '../transport';

const PATH = 'webhooks/WebhookSubscriptions';

export interface Subscription {
	id: string;
	topic: string;
}

export async function listSubscriptions(this: IHookFunctions, callbackUrl: string): Promise<Subscription[]> {
	const records = await exactGetAll.call(this, {
		path: PATH,
		query: { $select: 'ID,Topic,CallbackURL', $filter: `CallbackURL eq ${odataString(callbackUrl)}` },
	});
	return records.map((record: IDataObject) => ({ id: String(record.ID), topic: String(record.Topic) }));
}

/** What activation must change so that exactly `topics` are subscribed. */
export function subscriptionPlan(existing: Subscription[], topics: string[]): { create: string[]; remove: Subscription[] } {
	const have = new Set(existing.map((s) => s.topic));
	return {
		create: topics.filter((topic) => !have.has(topic)),
		remove: existing.filter((s) => !topics.includes(s.topic)),
	};
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Exact only calls HTTPS URLs and refuses to subscribe others; checking first saves a refused call (Exact blocks
 * an endpoint after 10 errors an hour). Plain http is let through on loopback only, for a local test server.
 */
export function assertHttps(this: IHookFunctions, callbackUrl: string): void {
	const url = new URL(callbackUrl);
	if (url.protocol === 'https:') return;
	if (url.protocol === 'http:' && (LOOPBACK.has(url.hostname) || url.hostname.endsWith('.localhost'))) {
		this.logger.warn(`Exact Online Trigger: ${callbackUrl} is plain http; the real Exact Online only calls HTTPS URLs`);
		return;
	}
	throw new NodeOperationError(this.getNode(), `Exact Online only calls HTTPS webhook URLs, and n8n's webhook URL is ${callbackUrl}`, {
		description:
			'Put n8n behind HTTPS and set WEBHOOK_URL to its https:// address (then the webhook URL shown in this node starts with https), or use the Exact Online Poll Trigger, which needs no public URL.',
	});
}

export async function createSubscription(this: IHookFunctions, callbackUrl: string, topic: string): Promise<void> {
	await exactRequest.call(this, {
		method: 'POST',
		path: PATH,
		body: { CallbackURL: callbackUrl, Topic: topic, Description: `n8n: ${this.getWorkflow().name ?? 'workflow'}`.slice(0, 60) },
	});
}

export async function deleteSubscription(this: IHookFunctions, id: string): Promise<void> {
	await exactRequest.call(this, { method: 'DELETE', path: `${PATH}(${odataGuid(id)})` });
}
