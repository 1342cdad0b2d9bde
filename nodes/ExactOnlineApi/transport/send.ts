/**
 * Sends one call to Exact Online at a finished URL: the shared throttle, n8n's OAuth2 (which adds the token and
 * refreshes it after a 401, the only status we let it see as an error), retries where they are safe, and
 * Exact's errors turned into clear node errors. Knows nothing of paths, divisions or node parameters.
 */
import { type IDataObject, type IHttpRequestMethods, type IHttpRequestOptions, sleep } from 'n8n-workflow';
import { asNodeError } from '../../shared/nodeErrors';
import { retryBudget } from '../../shared/retry';
import { EXACT_CREDENTIAL_TYPE, type ExactContext } from './context';
import { exactApiError } from './errors';
import { DailyLimitReachedError, acquire, readRateLimitHeaders, recordExhausted } from './throttle';
import { refreshRefusal, storedAccessToken, storedTokenChanged } from './tokenRefresh';

export interface ExactResponse {
	status: number;
	headers: Record<string, unknown>;
	body: unknown;
}

export interface ExactCall {
	method: IHttpRequestMethods;
	url: string;
	body?: IDataObject | IDataObject[];
	/** The division in the URL (for messages and the call budget), if any. */
	division?: number;
	/** The credential's Exact host: calls to one host and division share one budget. */
	baseUrl: string;
	itemIndex?: number;
	/** Milliseconds before a call is given up. */
	timeout?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
/** Reads that fail on the network or with a 5xx are tried again, with growing pauses: 0.5, 1, 2 s. */
const READ_BACKOFF = { attempts: 4, baseDelayMs: 500 };
/** A 429 can still happen when other processes share the budget; we wait for the reset this often. */
const RATE_LIMIT_RETRIES = 3;

function isSafeToRetry(method: IHttpRequestMethods): boolean {
	return method === 'GET' || method === 'HEAD';
}

interface TransportFailure {
	status?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
	code?: string;
}

/** Digs the answer (if any) out of what n8n's HTTP helper threw, without keeping the error itself. */
function transportFailure(error: unknown): TransportFailure {
	const seen = new Set<unknown>();
	let current: unknown = error;
	const failure: TransportFailure = {};
	while (typeof current === 'object' && current !== null && !seen.has(current)) {
		seen.add(current);
		const candidate = current as {
			code?: unknown;
			httpCode?: unknown;
			context?: { data?: unknown };
			response?: { status?: unknown; headers?: unknown; data?: unknown; body?: unknown };
			cause?: unknown;
		};
		if (failure.code === undefined && typeof candidate.code === 'string') failure.code = candidate.code;
		const response = candidate.response;
		if (failure.status === undefined && response && typeof response.status === 'number') {
			failure.status = response.status;
			failure.headers = (response.headers as Record<string, unknown>) ?? {};
			failure.body = response.data ?? response.body;
		}
		if (failure.status === undefined && typeof candidate.httpCode === 'string' && /^\d{3}$/.test(candidate.httpCode)) {
			// n8n 1.x wraps the answer in a NodeApiError that keeps only the status and the body (context.data).
			failure.status = Number(candidate.httpCode);
			failure.body = candidate.context?.data;
		}
		current = candidate.cause;
	}
	return failure;
}

function describe(method: IHttpRequestMethods, url: string): string {
	const path = url.replace(/^https?:\/\/[^/]+\/api\/v1\/(\d+\/)?/, '').replace(/\?.*$/, '');
	return `${method} ${decodeURIComponent(path)}`;
}

/** The options for n8n 1.x's refresh: errors thrown, so its OAuth2 helper sees the 401. */
function refreshingOptions(options: IHttpRequestOptions): IHttpRequestOptions {
	return { ...options, ignoreHttpStatusErrors: false };
}

export async function sendExact(this: ExactContext, call: ExactCall): Promise<ExactResponse> {
	const { method, url } = call;
	const credentials = await this.getCredentials(EXACT_CREDENTIAL_TYPE);
	const request = describe(method, url);
	const budgetKey = `${call.baseUrl}|${call.division ?? 'no-division'}`;
	const httpOptions: IHttpRequestOptions = {
		method,
		url,
		headers: {
			Accept: 'application/json',
			...(call.body !== undefined ? { 'Content-Type': 'application/json', Prefer: 'return=representation' } : {}),
		},
		body: call.body,
		json: true,
		returnFullResponse: true,
		// Every status comes back as an answer we can read, except 401: that one must be thrown so that
		// n8n's OAuth2 helper refreshes the token and repeats the call (n8n 2.x; for 1.x see below).
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
		timeout: call.timeout ?? DEFAULT_TIMEOUT_MS,
	};
	const options = { itemIndex: call.itemIndex };
	const division = call.division;
	const retry = retryBudget(isSafeToRetry(method) ? READ_BACKOFF : { attempts: 1, baseDelayMs: 0 });

	const fail = (failure: TransportFailure & { message?: string; refreshRefused?: boolean }) =>
		exactApiError(this.getNode(), {
			...failure,
			request,
			division,
			itemIndex: options.itemIndex,
		});

	let rateLimitRetries = 0;
	let tokenUsed = storedAccessToken(credentials);
	let resentAfterRefusal = false;
	let resentForRefresh = false;
	for (;;) {
		let ticket;
		try {
			ticket = await acquire(budgetKey, (ms) =>
				this.logger.info(`Exact Online: minutely call limit reached, waiting ${Math.ceil(ms / 1000)} s`),
			);
		} catch (error) {
			if (error instanceof DailyLimitReachedError) throw fail({ status: 429, message: error.message });
			throw asNodeError(this.getNode(), error, options.itemIndex);
		}

		let response: { statusCode: number; headers: Record<string, unknown>; body: unknown };
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				EXACT_CREDENTIAL_TYPE,
				resentForRefresh ? refreshingOptions(httpOptions) : httpOptions,
			)) as typeof response;
		} catch (error) {
			const refusal = refreshRefusal(error);
			if (refusal) {
				ticket.release();
				// Another process may have refreshed first and stored new tokens: send once more with those.
				if (refusal.kind === 'refused' && !resentAfterRefusal && (await storedTokenChanged.call(this, tokenUsed))) {
					resentAfterRefusal = true;
					tokenUsed = storedAccessToken(await this.getCredentials(EXACT_CREDENTIAL_TYPE));
					this.logger.info('Exact Online refused a token refresh; another process had stored new tokens, sending the request once more');
					continue;
				}
				throw fail({ status: 401, message: `Exact refused to renew the access token (${refusal.reason})`, refreshRefused: true });
			}
			const failure = transportFailure(error);
			ticket.release(failure.headers);
			const noAnswer = failure.status === undefined;
			if (noAnswer && (await retry.next('no answer'))) continue;
			throw fail({
				...failure,
				message: noAnswer ? `no answer (${failure.code ?? 'connection failed'})` : undefined,
			});
		}
		ticket.release(response.headers);
		const status = response.statusCode;

		if (status === 401 && !resentForRefresh) {
			// Only n8n 1.x hands a 401 back as an answer (it ignores `except`): send once more with every error
			// thrown, so that its OAuth2 helper refreshes the token and repeats the call.
			resentForRefresh = true;
			continue;
		}

		if (status === 429 && rateLimitRetries < RATE_LIMIT_RETRIES) {
			const limits = readRateLimitHeaders(response.headers);
			const wait = recordExhausted(budgetKey, limits);
			if (limits.dailyRemaining === 0 && limits.minutelyRemaining === undefined) {
				// The day is used up: say when it resets (the throttle now stops this division's next calls at once).
				throw fail({ status, headers: response.headers, body: response.body, message: new DailyLimitReachedError(limits.dailyReset).message });
			}
			rateLimitRetries++;
			this.logger.info(`Exact Online answered 429, waiting ${Math.ceil(wait / 1000)} s for the reset`);
			await sleep(wait);
			continue;
		}
		if (status >= 500 && (await retry.next(`HTTP ${status}`))) continue;
		if (status >= 400) {
			throw fail({ status, headers: response.headers, body: response.body });
		}
		if (typeof response.body === 'string' && response.body.trimStart().startsWith('<')) {
			throw fail({ status, message: 'Exact answered XML instead of JSON; the Accept header was lost on the way (proxy?)' });
		}
		return { status, headers: response.headers, body: response.body };
	}
}
