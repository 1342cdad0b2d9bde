import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Every n8n context our Exact code runs in: node execution, dropdowns, polling, webhooks. */
export type ExactContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export const EXACT_CREDENTIAL_TYPE = 'exactOnlineOAuth2Api';
