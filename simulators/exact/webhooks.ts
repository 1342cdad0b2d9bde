import { createHmac } from 'crypto';
import { localIso, localMsFromEpoch } from './dates';

/**
 * Webhook delivery as Exact does it: POST {"Content":{...},"HashCode":"..."} to the subscription's CallbackURL,
 * HashCode = uppercase hex HMAC-SHA256 (key: the app's webhook secret) over the raw text of the Content value
 * exactly as sent. Only the key travels; the receiver fetches the record from ExactOnlineEndpoint.
 */

export interface WebhookEvent {
	topic: string;
	action: 'Create' | 'Update' | 'Delete';
	key: string;
	division: number;
}

export interface WebhookTarget {
	subscriptionId: string;
	callbackUrl: string;
	/** Full URL of the changed record. */
	endpoint: string;
}

export interface WebhookDelivery {
	time: string;
	subscriptionId: string;
	url: string;
	topic: string;
	action: string;
	key: string;
	division: number;
	/** Exact text POSTed (Content + HashCode). */
	body: string;
	hashCode: string;
	/** Receiver's HTTP status, when it answered. */
	status?: number;
	error?: string;
}

export function webhookHash(contentText: string, secret: string): string {
	return createHmac('sha256', secret).update(contentText, 'utf8').digest('hex').toUpperCase();
}

export class WebhookDispatcher {
	readonly deliveries: WebhookDelivery[] = [];

	private readonly pending = new Set<Promise<unknown>>();

	constructor(
		private readonly secret: () => string,
		private readonly clientId: () => string,
		private readonly now: () => number,
	) {}

	/** Deliver one event to each target; resolves when every receiver answered or failed. */
	async deliver(event: WebhookEvent, targets: WebhookTarget[]): Promise<WebhookDelivery[]> {
		const work = Promise.all(targets.map((t) => this.deliverOne(event, t)));
		this.pending.add(work);
		try {
			return await work;
		} finally {
			this.pending.delete(work);
		}
	}

	/** Resolves when no delivery is in flight (tests wait for automatic deliveries with this). */
	async idle(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	private async deliverOne(event: WebhookEvent, target: WebhookTarget): Promise<WebhookDelivery> {
		const now = this.now();
		const content = JSON.stringify({
			Topic: event.topic,
			ClientId: this.clientId(),
			Division: event.division,
			Action: event.action,
			Key: event.key,
			ExactOnlineEndpoint: target.endpoint,
			EventCreatedOn: localIso(localMsFromEpoch(now)),
		});
		const hashCode = webhookHash(content, this.secret());
		const body = `{"Content":${content},"HashCode":"${hashCode}"}`;
		const delivery: WebhookDelivery = {
			time: new Date(now).toISOString(),
			subscriptionId: target.subscriptionId,
			url: target.callbackUrl,
			topic: event.topic,
			action: event.action,
			key: event.key,
			division: event.division,
			body,
			hashCode,
		};
		try {
			const res = await fetch(target.callbackUrl, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body,
				signal: AbortSignal.timeout(5000),
			});
			delivery.status = res.status;
			await res.arrayBuffer().catch(() => undefined);
		} catch (error) {
			delivery.error = (error as Error).message;
		}
		this.deliveries.push(delivery);
		return delivery;
	}

	reset(): void {
		this.deliveries.length = 0;
	}
}
