import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { eventItem, verifyEvent, type WebhookOptions } from '../ExactOnlineApi/trigger/event';
import {
	assertHttps,
	createSubscription,
	deleteSubscription,
	listSubscriptions,
	subscriptionPlan,
} from '../ExactOnlineApi/trigger/subscriptions';
import { properties } from './description';

function callbackUrl(this: IHookFunctions): string {
	return this.getNodeWebhookUrl('default') as string;
}

function chosenTopics(this: IHookFunctions | IWebhookFunctions): string[] {
	return this.getNodeParameter('topics', []) as string[];
}

/**
 * Starts a workflow when Exact Online calls the webhook: subscribes to the chosen topics on activation, removes
 * the subscriptions on deactivation, and runs only for calls that carry Exact's signature.
 */
export class ExactOnlineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Trigger',
		name: 'exactOnlineTrigger',
		icon: { light: 'file:../../icons/exactOnline.svg', dark: 'file:../../icons/exactOnline.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["topics"] || []).join(", ") }}',
		description: 'Starts the workflow when records change in Exact Online (webhook)',
		defaults: { name: 'Exact Online Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const plan = subscriptionPlan(await listSubscriptions.call(this, callbackUrl.call(this)), chosenTopics.call(this));
				return plan.create.length === 0 && plan.remove.length === 0;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const url = callbackUrl.call(this);
				assertHttps.call(this, url);
				const plan = subscriptionPlan(await listSubscriptions.call(this, url), chosenTopics.call(this));
				for (const topic of plan.create) await createSubscription.call(this, url, topic);
				for (const stale of plan.remove) await deleteSubscription.call(this, stale.id);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				for (const subscription of await listSubscriptions.call(this, callbackUrl.call(this))) {
					await deleteSubscription.call(this, subscription.id);
				}
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as WebhookOptions;
		const outcome = await verifyEvent.call(this, chosenTopics.call(this), options);
		const response = this.getResponseObject();
		if (outcome.kind === 'refused') {
			this.logger.warn(`Exact Online Trigger refused a webhook call: ${outcome.reason}`);
			response.status(outcome.status).json({ refused: outcome.reason });
			return { noWebhookResponse: true };
		}
		if (outcome.kind === 'ignored') {
			// Exact's own event, only late, repeated or off-topic: answered 200 so Exact sees it delivered.
			this.logger.info(`Exact Online Trigger ignored a webhook call: ${outcome.reason}`);
			response.status(200).json({ ignored: outcome.reason });
			return { noWebhookResponse: true };
		}
		// Exact hears back at once: reading the record may wait for Exact's minutely limit, and a slow answer
		// would count as a failed delivery. The event is remembered already, so a retried delivery runs nothing.
		response.status(200).json({ received: true });
		const item = await eventItem.call(this, outcome, options);
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
