/**
 * One call to OutSmart's Open API: the credential's base URL plus the endpoint, the two tokens added by n8n's
 * `httpRequestWithAuthentication` (credential `outSmartApi`), the envelope checked, every non-200 `code` turned
 * into a NodeApiError (OutSmart answers most errors with HTTP 200), retries where they are safe.
 *
 * Rules:
 * - GetWorkorders/GetWorkorder always get an explicit `update_status` (OutSmart's default TRUE marks every work
 *   order it returns as handled). This function refuses a call without it; use workorders.ts, which sends
 *   `false` unless the caller explicitly asks to mark handled.
 * - Retries only for reads (GET without side effects), on network errors, timeouts, HTTP 5xx and code 1007,
 *   a bounded number of times with growing pauses. Writes, UpdateWorkorder, DeleteEntity and marking reads
 *   (update_status=true) are never repeated: a lost answer does not prove the write failed.
 * - Tokens never reach an error, a log line or output: we build errors from scrubbed parts and never rethrow
 *   n8n's request errors, whose `cause.config.url` carries the tokens.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';
import { retryBudget } from '../../shared/retry';

import { describeOutSmartCode } from './errors';
import { scrubText, secretList } from './secrets';

export type OutSmartContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

export const OUTSMART_CREDENTIAL_TYPE = 'outSmartApi';

export type OutSmartMethod = 'GET' | 'POST' | 'PUT';
export type OutSmartQuery = Record<string, string | number | boolean | undefined>;

export interface OutSmartEnvelope {
	code: number;
	messages: string[];
	response: unknown;
}

export interface OutSmartRetryOptions {
	/** Total tries of a safe read (default 3). */
	attempts?: number;
	/** Pause before the first retry (default 1000 ms), doubling each time. */
	baseDelayMs?: number;
	/** Longest pause (default 10000 ms). */
	maxDelayMs?: number;
}

/** Every endpoint of OutSmart's Open API v8 (the paths of outsmart-openapi-v8.json). */
export const OUTSMART_ENDPOINTS = [
	'addresses',
	'address',
	'categories',
	'category',
	'contactpersons',
	'contactperson',
	'DeleteEntity',
	'employees',
	'errors',
	'expense_categories',
	'expenses',
	'forms',
	'freefields',
	'generic_notes',
	'GetWorkorder',
	'GetWorkorders',
	'hours',
	'hourtypes',
	'invoices',
	'locations',
	'material_categories',
	'material_types',
	'materials',
	'notes',
	'numbers',
	'object',
	'object_parts',
	'object_parts/changed',
	'objects',
	'objects/changed',
	'parts',
	'paymentmethods',
	'PostWorkorders',
	'prices',
	'priorities',
	'project_activities',
	'projects',
	'quotations',
	'regions',
	'relations',
	'solutions',
	'suppliers',
	'tasks',
	'transactions',
	'travel',
	'UpdateWorkorder',
	'values',
	'vehicles',
	'warehouses',
	'workstatusses',
	'worktypes',
] as const;

export type OutSmartEndpoint = (typeof OUTSMART_ENDPOINTS)[number];
export type WorkorderReadEndpoint = 'GetWorkorders' | 'GetWorkorder';
/** true marks every returned work order Afgehandeld; false reads without changing anything. */
export type OutSmartUpdateStatus = boolean | 'true' | 'false';

interface RequestBase {
	method?: OutSmartMethod;
	qs?: OutSmartQuery;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	/** Milliseconds before giving up on an answer (default 300000: OutSmart answers are unpaged, can be huge). */
	timeout?: number;
	retry?: OutSmartRetryOptions;
}

/**
 * Options of one call. The endpoint is one of OutSmart's names (slashes are added). For GetWorkorders and
 * GetWorkorder the type requires `qs.update_status`; the same is checked at run time (also for any other
 * spelling), before anything is sent.
 */
export type OutSmartRequestOptions =
	| (RequestBase & { endpoint: Exclude<OutSmartEndpoint, WorkorderReadEndpoint> })
	| (RequestBase & { endpoint: WorkorderReadEndpoint; qs: OutSmartQuery & { update_status: OutSmartUpdateStatus } });

const DEFAULT_TIMEOUT_MS = 300_000;
const WORKORDER_READS = /^getworkorders?$/i;
/** GET endpoints that change data: never repeated. */
const STATE_CHANGING_GETS = /^(updateworkorder|deleteentity)$/i;
const BASE_URL_HINT = 'Check the Base URL in the OutSmart credential: it must end in /openapi/8, e.g. https://www.out-smart.com/openapi/8.';

/** Whether a call may be repeated after a failure without risk of doing something twice. */
export function isSafeToRetry(method: OutSmartMethod, endpoint: string, qs: OutSmartQuery = {}): boolean {
	if (method !== 'GET') return false;
	if (STATE_CHANGING_GETS.test(endpoint)) return false;
	if (WORKORDER_READS.test(endpoint) && String(qs.update_status) !== 'false') return false;
	return true;
}

/** The envelope in an answer body (a parsed object or JSON text), or undefined when it is something else. */
export function readEnvelope(body: unknown): OutSmartEnvelope | undefined {
	let value = body;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const candidate = value as { code?: unknown; messages?: unknown; response?: unknown };
	const code = typeof candidate.code === 'string' && /^\d+$/.test(candidate.code) ? Number(candidate.code) : candidate.code;
	if (typeof code !== 'number' || !('response' in candidate)) return undefined;
	const messages = Array.isArray(candidate.messages) ? candidate.messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))) : [];
	return { code, messages, response: candidate.response };
}

interface ThrownFailure {
	status?: number;
	body?: unknown;
	code?: string;
	message: string;
	timedOut: boolean;
}

/** What n8n's HTTP helper threw, reduced to plain facts (the error itself, holding the URL, is not kept). */
function thrownFailure(error: unknown): ThrownFailure {
	const failure: ThrownFailure = { message: '', timedOut: false };
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (typeof current === 'object' && current !== null && !seen.has(current)) {
		seen.add(current);
		const c = current as {
			code?: unknown;
			name?: unknown;
			message?: unknown;
			response?: { status?: unknown; data?: unknown; body?: unknown };
			cause?: unknown;
		};
		if (!failure.message && typeof c.message === 'string') failure.message = c.message;
		if (failure.code === undefined && typeof c.code === 'string' && /^[A-Z_]+$/.test(c.code)) failure.code = c.code;
		if (c.name === 'TimeoutError') failure.timedOut = true;
		if (failure.status === undefined && c.response && typeof c.response.status === 'number') {
			failure.status = c.response.status;
			failure.body = c.response.data ?? c.response.body;
		}
		current = c.cause;
	}
	if (failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT' || /timeout|timed out/i.test(failure.message)) {
		failure.timedOut = true;
	}
	return failure;
}

function snippet(body: unknown): string {
	const text = typeof body === 'string' ? body : JSON.stringify(body) ?? '';
	const flat = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function normaliseEndpoint(endpoint: string): string {
	return endpoint.trim().replace(/^\/+|\/+$/g, '');
}

/**
 * Calls OutSmart and returns the whole envelope of a successful answer (code 200). Messages can matter even
 * then: a filter on an unknown key answers 200 with an empty list and a message.
 */
export async function outSmartRequestEnvelope(this: OutSmartContext, options: OutSmartRequestOptions): Promise<OutSmartEnvelope> {
	const node = this.getNode();
	const method = options.method ?? 'GET';
	const endpoint = normaliseEndpoint(String(options.endpoint));
	const itemIndex = options.itemIndex;
	if (!/^[A-Za-z_]+(\/[A-Za-z_]+)*$/.test(endpoint)) {
		throw new NodeOperationError(node, `"${options.endpoint}" is not an OutSmart endpoint name`, {
			description: 'Use the name as OutSmart documents it, e.g. relations or GetWorkorders.',
			itemIndex,
		});
	}
	const qs: OutSmartQuery = { ...(options.qs ?? {}) };
	if (WORKORDER_READS.test(endpoint)) {
		const flag = qs.update_status;
		if (flag !== true && flag !== false && flag !== 'true' && flag !== 'false') {
			throw new NodeOperationError(node, `${endpoint} needs an explicit update_status`, {
				description:
					'Without update_status=false OutSmart marks every work order it returns as Afgehandeld. Read work orders through getWorkorders()/getWorkorder(), which send it.',
				itemIndex,
			});
		}
		qs.update_status = String(flag);
	}
	for (const key of Object.keys(qs)) if (qs[key] === undefined) delete qs[key];

	const credentials = await this.getCredentials(OUTSMART_CREDENTIAL_TYPE);
	const secrets = secretList(credentials.token, credentials.softwareToken);
	const scrub = (text: string) => scrubText(text, secrets);
	const baseUrl = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^/\s]+/i.test(baseUrl)) {
		throw new NodeOperationError(node, 'The OutSmart Base URL is not a web address', { description: BASE_URL_HINT, itemIndex });
	}
	const request = `${method} ${endpoint}`;
	const httpOptions: IHttpRequestOptions = {
		method,
		url: `${baseUrl}/${endpoint}/`,
		qs: qs as IDataObject,
		headers: { Accept: 'application/json' },
		body: options.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
	};

	const safe = isSafeToRetry(method, endpoint, qs);
	const retry = retryBudget(
		{ attempts: safe ? Math.max(1, options.retry?.attempts ?? 3) : 1, baseDelayMs: options.retry?.baseDelayMs ?? 1000, maxDelayMs: options.retry?.maxDelayMs ?? 10_000 },
		(why, next, delay) => this.logger.debug(scrub(`OutSmart ${request}: ${why}, try ${next} in ${delay} ms`)),
	);

	const codeError = (envelope: OutSmartEnvelope, status: number) => {
		const info = describeOutSmartCode(envelope.code);
		const own = envelope.messages.length ? `: ${envelope.messages.join('; ')}` : '';
		return new NodeApiError(node, scrubDeep({ outSmartCode: envelope.code, messages: envelope.messages, httpStatus: status, request }, secrets), {
			message: scrub(`OutSmart refused the request: ${info.meaning} (code ${envelope.code})${own}`),
			description: scrub(
				`${request} was answered with HTTP ${status} and code ${envelope.code}` +
					`${envelope.messages.length ? ` (${envelope.messages.join('; ')})` : ''}. ${info.hint}`,
			),
			httpCode: String(status),
			itemIndex,
		});
	};
	const foreignAnswer = (status: number, body: unknown, tries: number) =>
		new NodeApiError(node, { httpStatus: status, request, answer: scrub(snippet(body)) }, {
			message: `OutSmart answered ${request} with HTTP ${status}${readEnvelope(body) ? '' : ' and no OutSmart envelope'}`,
			description: scrub(
				`The answer was: "${snippet(body) || '(empty)'}". ` +
					(status >= 500
						? `OutSmart or a proxy in front of it failed${tries > 1 ? ` (${tries} tries)` : ''}; try again later.`
						: BASE_URL_HINT),
			),
			httpCode: String(status),
			itemIndex,
		});
	const noAnswer = (failure: ThrownFailure, tries: number) => {
		const timeout = httpOptions.timeout ?? DEFAULT_TIMEOUT_MS;
		const reason = failure.timedOut
			? `no answer within ${timeout < 1000 ? `${timeout} ms` : `${Math.round(timeout / 1000)} s`}`
			: `the connection failed (${failure.code ?? 'no code'})`;
		const description =
			method === 'GET' && safe
				? `Tried ${tries} time${tries > 1 ? 's' : ''}. ${BASE_URL_HINT} OutSmart may also be unreachable right now.`
				: 'OutSmart may or may not have applied this request. It was not repeated automatically: check in OutSmart (for a work order, get it by its number) before running again.';
		return new NodeApiError(node, { request, networkCode: failure.code ?? null, timedOut: failure.timedOut }, {
			message: scrub(`OutSmart did not answer ${request}: ${reason}`),
			description: scrub(description),
			itemIndex,
		});
	};

	for (;;) {
		const attempt = retry.attempt;
		this.logger.debug(
			`OutSmart ${request}${qs.update_status !== undefined ? ` update_status=${String(qs.update_status)}` : ''} (try ${attempt})`,
		);

		let status: number;
		let body: unknown;
		try {
			const answer = (await this.helpers.httpRequestWithAuthentication.call(this, OUTSMART_CREDENTIAL_TYPE, httpOptions)) as {
				statusCode?: number;
				body?: unknown;
			};
			status = typeof answer?.statusCode === 'number' ? answer.statusCode : 200;
			body = answer?.body;
		} catch (error) {
			const failure = thrownFailure(error);
			if (failure.status === undefined) {
				if (await retry.next(failure.timedOut ? 'timeout' : `connection failed (${failure.code ?? 'no code'})`)) continue;
				throw noAnswer(failure, attempt);
			}
			status = failure.status;
			body = failure.body;
		}

		const envelope = readEnvelope(body);
		if (status >= 500 || envelope?.code === 1007) {
			if (await retry.next(`HTTP ${status}${envelope ? ` code ${envelope.code}` : ''}`)) continue;
		}
		if (!envelope) throw foreignAnswer(status, body, attempt);
		if (envelope.code !== 200) throw codeError(envelope, status);
		if (status >= 400) throw foreignAnswer(status, body, attempt);
		return envelope;
	}
}

function scrubDeep(value: Record<string, unknown>, secrets: readonly string[]): JsonObject {
	return JSON.parse(scrubText(JSON.stringify(value), secrets)) as JsonObject;
}

/** The OutSmart code of an error this transport threw (undefined for network, HTTP and input errors). */
export function outSmartErrorCode(error: unknown): number | undefined {
	const code = (error as { errorResponse?: { outSmartCode?: unknown } } | undefined)?.errorResponse?.outSmartCode;
	return typeof code === 'number' ? code : undefined;
}

/** OutSmart's code and own messages of an error this transport threw for an error envelope. */
export function outSmartErrorDetails(error: unknown): { code: number; messages: string[] } | undefined {
	const response = (error as { errorResponse?: { outSmartCode?: unknown; messages?: unknown } } | undefined)?.errorResponse;
	if (typeof response?.outSmartCode !== 'number') return undefined;
	const messages = Array.isArray(response.messages) ? response.messages.filter((m): m is string => typeof m === 'string') : [];
	return { code: response.outSmartCode, messages };
}

/**
 * Whether a failed call may still have been applied by OutSmart: no answer (network error, time-out), an
 * HTTP 5xx without envelope, or code 1007 (uncaught error). A write that failed like this must be checked
 * with a read before it is repeated.
 */
export function isUncertainOutcome(error: unknown): boolean {
	const response = (error as { errorResponse?: Record<string, unknown> } | undefined)?.errorResponse;
	if (!response || typeof response !== 'object') return false;
	if (response.outSmartCode === 1007) return true;
	if (typeof response.outSmartCode === 'number') return false;
	if (response.timedOut === true || 'networkCode' in response) return true;
	return typeof response.httpStatus === 'number' && response.httpStatus >= 500;
}

/** Calls OutSmart and returns the envelope's `response` (see outSmartRequestEnvelope). */
export async function outSmartRequest(this: OutSmartContext, options: OutSmartRequestOptions): Promise<unknown> {
	return (await outSmartRequestEnvelope.call(this, options)).response;
}
