/**
 * One call to Exact Online: region and division in the URL, JSON instead of Exact's default XML, the shared
 * throttle, retries where they are safe, and Exact's errors turned into clear node errors. n8n's own OAuth2
 * helper adds the token and refreshes it after a 401 (the only status we let it see as an error).
 */
import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
} from 'n8n-workflow';
import { asNodeError } from '../../shared/nodeErrors';
import { EXACT_CREDENTIAL_TYPE, type ExactContext } from './context';
import { InvalidDivisionError, resolveDivision } from './division';
import { exactApiError } from './errors';
import { ExactConfigurationError, exactBaseUrl } from './regions';
import { DailyLimitReachedError, acquire, readRateLimitHeaders, recordExhausted } from './throttle';
import { refreshRefusal, storedAccessToken, storedTokenChanged } from './tokenRefresh';

export type ExactQuery = Record<string, string | number | boolean | undefined>;

export interface ExactRequestOptions {
	method?: IHttpRequestMethods;
	/** Path under /api/v1/{division}/, e.g. "crm/Accounts" or "crm/Accounts(guid'…')". */
	path?: string;
	/** A full URL Exact gave us (a `__next` link); used exactly as given. */
	url?: string;
	/** False for the few endpoints without a division, such as current/Me. */
	withDivision?: boolean;
	query?: ExactQuery;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	/** Milliseconds before a call is given up. */
	timeout?: number;
}

export interface ExactResponse {
	status: number;
	headers: Record<string, unknown>;
	body: unknown;
}

const DEFAULT_TIMEOUT_MS = 120_000;
/** Reads that fail on the network or with a 5xx are tried this many more times, with growing pauses. */
const READ_RETRIES = 3;
const RETRY_BASE_DELAY_MS = 500;
/** A 429 can still happen when other processes share the budget; we wait for the reset this often. */
const RATE_LIMIT_RETRIES = 3;

/** OData wants `$filter=...` with its dollar kept and spaces as %20; URLSearchParams would write '+'. */
export function buildQueryString(query: ExactQuery | undefined): string {
	if (!query) return '';
	const parts = Object.entries(query)
		.filter(([, value]) => value !== undefined && value !== '')
		.map(([key, value]) => `${encodeURIComponent(key).replace(/%24/g, '$')}=${encodeURIComponent(String(value))}`);
	return parts.length ? `?${parts.join('&')}` : '';
}

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
			failure.status = Number(candidate.httpCode);
		}
		current = candidate.cause;
	}
	return failure;
}

function describe(method: IHttpRequestMethods, url: string): string {
	const path = url.replace(/^https?:\/\/[^/]+\/api\/v1\/(\d+\/)?/, '').replace(/\?.*$/, '');
	return `${method} ${decodeURIComponent(path)}`;
}

class ForeignLinkError extends Error {}

function assertSameHost(url: string, baseUrl: string): void {
	if (!url.startsWith(`${baseUrl}/api/`)) {
		// Never send the token anywhere but the credential's own Exact host.
		throw new ForeignLinkError(`Refusing to follow a link outside ${baseUrl}: ${url.replace(/\?.*$/, '')}`);
	}
}

export async function exactRequest(this: ExactContext, options: ExactRequestOptions): Promise<ExactResponse> {
	const method = options.method ?? 'GET';
	const credentials = await this.getCredentials(EXACT_CREDENTIAL_TYPE);
	let baseUrl: string;
	let division: number | undefined;
	let url: string;
	try {
		baseUrl = exactBaseUrl(credentials);
		division = options.withDivision !== false ? await resolveDivision.call(this, baseUrl, credentials) : undefined;
		if (options.url) {
			assertSameHost(options.url, baseUrl);
			url = options.url;
		} else {
			const path = (options.path ?? '').replace(/^\/+/, '');
			url = `${baseUrl}/api/v1/${division !== undefined ? `${division}/` : ''}${path}${buildQueryString(options.query)}`;
		}
	} catch (error) {
		if (error instanceof ExactConfigurationError || error instanceof InvalidDivisionError || error instanceof ForeignLinkError) {
			throw new NodeOperationError(this.getNode(), error.message, { itemIndex: options.itemIndex });
		}
		throw asNodeError(this.getNode(), error, options.itemIndex);
	}
	const request = describe(method, url);
	const budgetKey = `${baseUrl}|${division ?? 'no-division'}`;

	const httpOptions: IHttpRequestOptions = {
		method,
		url,
		headers: {
			Accept: 'application/json',
			...(options.body !== undefined ? { 'Content-Type': 'application/json', Prefer: 'return=representation' } : {}),
		},
		body: options.body,
		json: true,
		returnFullResponse: true,
		// Every status comes back as an answer we can read, except 401: that one must be thrown so that
		// n8n's OAuth2 helper refreshes the token and repeats the call.
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
		timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
	};

	const fail = (failure: TransportFailure & { message?: string; refreshRefused?: boolean }) =>
		exactApiError(this.getNode(), {
			...failure,
			request,
			division,
			itemIndex: options.itemIndex,
		});

	let readRetries = 0;
	let rateLimitRetries = 0;
	let tokenUsed = storedAccessToken(credentials);
	let resentAfterRefusal = false;
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
				httpOptions,
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
			if (noAnswer && isSafeToRetry(method) && readRetries < READ_RETRIES) {
				await sleep(RETRY_BASE_DELAY_MS * 2 ** readRetries++);
				continue;
			}
			throw fail({
				...failure,
				message: noAnswer ? `no answer (${failure.code ?? 'connection failed'})` : undefined,
			});
		}
		ticket.release(response.headers);
		const status = response.statusCode;

		if (status === 429 && rateLimitRetries < RATE_LIMIT_RETRIES) {
			const limits = readRateLimitHeaders(response.headers);
			if (limits.dailyRemaining === 0 && limits.minutelyRemaining === undefined) {
				throw fail({ status, headers: response.headers, body: response.body, message: 'the daily call limit is used up' });
			}
			const wait = recordExhausted(budgetKey, limits);
			rateLimitRetries++;
			this.logger.info(`Exact Online answered 429, waiting ${Math.ceil(wait / 1000)} s for the reset`);
			await sleep(wait);
			continue;
		}
		if (status >= 500 && isSafeToRetry(method) && readRetries < READ_RETRIES) {
			await sleep(RETRY_BASE_DELAY_MS * 2 ** readRetries++);
			continue;
		}
		if (status >= 400) {
			throw fail({ status, headers: response.headers, body: response.body });
		}
		if (typeof response.body === 'string' && response.body.trimStart().startsWith('<')) {
			throw fail({ status, message: 'Exact answered XML instead of JSON; the Accept header was lost on the way (proxy?)' });
		}
		return { status, headers: response.headers, body: response.body };
	}
}
