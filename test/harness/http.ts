/**
 * The HTTP half of our stand-in for n8n's execution context: a real request over the network (to a
 * simulator on 127.0.0.1), with n8n's semantics where our code depends on them:
 * - `ignoreHttpStatusErrors` (true, or { ignore, except: [401] }), `returnFullResponse`, `json`, `timeout`;
 * - errors thrown as NodeApiError wrapping an axios-like error ({ code, response: { status, headers, data },
 *   config with the Authorization header, as axios keeps it: our code must never let that reach output);
 * - OAuth2 as n8n 2.x does it (see makeHttpRequestWithAuthentication), with a credential store that behaves
 *   like n8n's database, so that two runs sharing it act like two n8n processes sharing one credential;
 * - or, with `n8nLine: 1`, as n8n 1.x does it (see makeHttpRequestWithAuthentication).
 */
import { NodeApiError, NodeOperationError, type IHttpRequestOptions, type INode, type JsonObject } from 'n8n-workflow';

export interface OAuthTokenData {
	access_token: string;
	refresh_token: string;
	[key: string]: unknown;
}

export type CredentialData = Record<string, unknown> & { oauthTokenData?: OAuthTokenData };

export interface HttpLogEntry {
	method: string;
	url: string;
	status?: number;
}

interface AxiosLikeError extends Error {
	isAxiosError: true;
	code?: string;
	response?: { status: number; headers: Record<string, string>; data: unknown };
	config: { url: string; method: string; headers: Record<string, string> };
}

function axiosError(message: string, config: AxiosLikeError['config'], extra: Partial<AxiosLikeError>): AxiosLikeError {
	const error = new Error(message) as AxiosLikeError;
	error.name = 'AxiosError';
	Object.defineProperty(error, 'constructor', { value: { name: 'AxiosError' } });
	return Object.assign(error, { isAxiosError: true as const, config }, extra);
}

function withQuery(url: string, qs: IHttpRequestOptions['qs']): string {
	if (!qs || Object.keys(qs).length === 0) return url;
	const target = new URL(url);
	for (const [key, value] of Object.entries(qs)) {
		if (value !== undefined && value !== null) target.searchParams.append(key, String(value));
	}
	return target.toString();
}

/** The n8n release line whose host behaviour the harness plays. */
export type N8nLine = 1 | 2;

function shouldThrow(status: number, ignore: IHttpRequestOptions['ignoreHttpStatusErrors'], line: N8nLine): boolean {
	if (ignore === true) return false;
	// n8n 1.x only asks whether the option is set: an { except } list is not read.
	if (ignore && typeof ignore === 'object') return line === 1 ? false : ignore.except.includes(status);
	return status < 200 || status >= 300;
}

async function send(
	options: IHttpRequestOptions,
	headers: Record<string, string>,
	log: HttpLogEntry[],
	line: N8nLine,
): Promise<unknown> {
	const method = (options.method ?? 'GET').toUpperCase();
	const url = withQuery(options.url, options.qs);
	const config = { url, method, headers };
	let body: string | undefined;
	if (options.body !== undefined && method !== 'GET') {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
	}
	const entry: HttpLogEntry = { method, url };
	log.push(entry);
	let response: Response;
	try {
		response = await fetch(url, {
			method,
			headers,
			body,
			signal: AbortSignal.timeout(options.timeout ?? 300_000),
			redirect: 'manual',
		});
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause;
		const timedOut = (error as Error).name === 'TimeoutError';
		const code = timedOut ? 'ECONNABORTED' : (cause?.code ?? 'ECONNRESET');
		throw axiosError(timedOut ? `timeout of ${options.timeout}ms exceeded` : `socket hang up (${code})`, config, { code });
	}
	entry.status = response.status;
	if (options.encoding === 'arraybuffer' && response.ok) return Buffer.from(await response.arrayBuffer());
	const text = await response.text();
	const responseHeaders: Record<string, string> = {};
	response.headers.forEach((value, key) => {
		responseHeaders[key] = value;
	});
	let data: unknown = text;
	if (options.json || (response.headers.get('content-type') ?? '').includes('json')) {
		try {
			data = text === '' ? undefined : JSON.parse(text);
		} catch {
			data = text;
		}
	}
	if (shouldThrow(response.status, options.ignoreHttpStatusErrors, line)) {
		throw axiosError(`Request failed with status code ${response.status}`, config, {
			response: { status: response.status, headers: responseHeaders, data },
		});
	}
	if (options.returnFullResponse) {
		return { body: data, headers: responseHeaders, statusCode: response.status, statusMessage: response.statusText };
	}
	return data;
}

function exactTokenUrl(credential: CredentialData): string {
	const region = String(credential.region ?? 'nl');
	const root = region === 'custom' ? String(credential.customBaseUrl) : `https://start.exactonline.${region}`;
	return `${root}/api/oauth2/token`;
}

/** What @n8n/client-oauth2 throws when the token endpoint refuses (n8n wraps it in a NodeApiError). */
class AuthError extends Error {
	readonly code = 'EAUTH';

	constructor(
		message: string,
		readonly body: Record<string, unknown>,
	) {
		super(message);
	}
}

/** client-oauth2 names a standard OAuth2 error in its own words, and uses the server's only for others. */
const OAUTH_ERROR_WORDS: Record<string, string> = {
	access_denied: 'The resource owner or authorization server denied the request.',
	invalid_request:
		'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
	unauthorized_client: 'The client is not authorized to request an authorization code using this method.',
};

function authErrorMessage(data: Record<string, unknown>, status: number): string {
	return OAUTH_ERROR_WORDS[String(data.error)] ?? String(data.error_description ?? data.error ?? `HTTP status ${status}`);
}

/** n8n's error for a revoked grant (invalid_grant): the credential must be reconnected. */
function reconnectError(node: INode): NodeOperationError {
	return new NodeOperationError(node, `The credential of type "exactOnlineOAuth2Api" needs to be reconnected.`, {
		description: 'Access could not be refreshed. Open the credential and reconnect it to continue.',
		failure: { cause: 'credential-invalid' },
	} as never);
}

async function refreshOAuth2(node: INode, credential: CredentialData, log: HttpLogEntry[], line: N8nLine): Promise<OAuthTokenData> {
	const tokens = credential.oauthTokenData;
	if (!tokens) throw new Error('OAuth credentials not connected');
	const form = new URLSearchParams({
		refresh_token: tokens.refresh_token,
		grant_type: 'refresh_token',
		client_id: String(credential.clientId ?? ''),
		client_secret: String(credential.clientSecret ?? ''),
	});
	const url = exactTokenUrl(credential);
	log.push({ method: 'POST', url });
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: form.toString(),
	});
	const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	log[log.length - 1].status = response.status;
	if (!response.ok) {
		if (data.error === 'invalid_grant' && line === 2) throw reconnectError(node);
		throw new AuthError(authErrorMessage(data, response.status), data);
	}
	return { ...tokens, ...(data as OAuthTokenData) };
}

/**
 * Where credentials live, like n8n's database: every read is a fresh copy of what is stored now (so another
 * "process" sharing the store can have saved new tokens in between), and a refresh saves the new tokens.
 */
export interface CredentialStore {
	read(type: string): CredentialData;
	saveTokens(type: string, tokens: OAuthTokenData): void;
}

/**
 * n8n 1.x's NodeApiError keeps neither the error it wraps nor the answer's headers: only `httpCode` (the
 * status, or client-oauth2's 'EAUTH'), the message, and an object body as `context.data`.
 */
function n8n1ApiError(node: INode, error: unknown): NodeApiError {
	const wrapped = new NodeApiError(node, error as JsonObject);
	const original = error as { code?: unknown; response?: { status?: number; data?: unknown } };
	const data = original.response?.data;
	Object.assign(wrapped, {
		cause: undefined,
		httpCode: original.response?.status !== undefined ? String(original.response.status) : original.code === 'EAUTH' ? 'EAUTH' : wrapped.httpCode,
		context: typeof data === 'object' && data !== null && !Array.isArray(data) ? { data } : {},
	});
	return wrapped;
}

/**
 * n8n's `httpRequestWithAuthentication`, for our two credential types. For OAuth2 it behaves as n8n 2.x does:
 * the credential is read once per request; after a thrown 401 the stored credential is read again, and when
 * another process has saved a new access token meanwhile that one is used; otherwise one refresh with the
 * refresh token this request read, the new tokens saved, the call repeated. A refused refresh is thrown as
 * n8n throws it (NodeApiError around client-oauth2's AuthError, or n8n's "needs to be reconnected").
 * As n8n 1.x (`line` 1): no second look at the store after a 401 (one refresh with the token this request read),
 * a refused refresh is always the AuthError, and errors are wrapped the lossy 1.x way (n8n1ApiError).
 */
/** n8n's plain httpRequest (no credential), e.g. for a file at a temporary URL. */
export function makeHttpRequest(log: HttpLogEntry[], line: N8nLine = 2) {
	return async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
		return await send(options, { ...((options.headers as Record<string, string>) ?? {}) }, log, line);
	};
}

export function makeHttpRequestWithAuthentication(node: () => INode, store: CredentialStore, log: HttpLogEntry[], line: N8nLine = 2) {
	return async function httpRequestWithAuthentication(type: string, options: IHttpRequestOptions): Promise<unknown> {
		const credential = store.read(type);
		const call = (tokens: OAuthTokenData | undefined) => {
			const headers: Record<string, string> = { ...((options.headers as Record<string, string>) ?? {}) };
			const request = { ...options };
			if (type === 'exactOnlineOAuth2Api') {
				headers.Authorization = `Bearer ${tokens?.access_token ?? ''}`;
			} else if (type === 'outSmartApi') {
				request.qs = { ...(options.qs ?? {}), token: String(credential.token), software_token: String(credential.softwareToken) };
			}
			return send(request, headers, log, line);
		};
		try {
			try {
				return await call(credential.oauthTokenData);
			} catch (error) {
				const status = (error as AxiosLikeError).response?.status;
				if (type !== 'exactOnlineOAuth2Api' || status !== 401) throw error;
				const stored = store.read(type).oauthTokenData;
				if (line === 2 && stored && stored.access_token !== credential.oauthTokenData?.access_token) return await call(stored);
				const renewed = await refreshOAuth2(node(), credential, log, line);
				store.saveTokens(type, renewed);
				return await call(renewed);
			}
		} catch (error) {
			throw line === 1 ? n8n1ApiError(node(), error) : new NodeApiError(node(), error as JsonObject);
		}
	};
}
