/**
 * Turns an Exact answer that is not a success into an error that says what happened (Exact's own words and
 * the HTTP status) and what to do about it. The error is built from a clean object, never from the HTTP
 * client's error, so no token or request header can travel along into n8n's output or logs.
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

export interface ExactFailure {
	status?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
	/** What we asked, for the message: e.g. "GET crm/Accounts". */
	request: string;
	division?: number;
	itemIndex?: number;
	/** A message of our own (network failure, limit reached) instead of Exact's. */
	message?: string;
	/** The token could not be renewed: only reconnecting the credential helps. */
	refreshRefused?: boolean;
}

/** Exact's error body: {"error":{"code":"","message":{"lang":"","value":"..."}}}, or an OAuth-style one. */
export function exactErrorMessage(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		if (text.startsWith('{')) {
			try {
				return exactErrorMessage(JSON.parse(text));
			} catch {
				return text.slice(0, 300);
			}
		}
		const xmlMessage = /<message[^>]*>([^<]+)<\/message>/i.exec(text);
		if (xmlMessage) return xmlMessage[1].trim();
		return text ? text.slice(0, 300) : undefined;
	}
	if (typeof body !== 'object' || body === null) return undefined;
	const error = (body as { error?: unknown }).error;
	if (typeof error === 'object' && error !== null) {
		const message = (error as { message?: unknown }).message;
		if (typeof message === 'string') return message;
		if (typeof message === 'object' && message !== null) {
			const value = (message as { value?: unknown }).value;
			if (typeof value === 'string') return value;
		}
	}
	if (typeof error === 'string') {
		const description = (body as { error_description?: unknown }).error_description;
		return typeof description === 'string' ? `${error}: ${description}` : error;
	}
	return undefined;
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
	}
	return undefined;
}

const FORBIDDEN_REASONS: Record<string, string> = {
	NoDivisionAccess:
		'The connected Exact user cannot open this division. Enter a division this user has access to in the credential, or leave Division blank to use the current one.',
	BlockedUser: 'The connected Exact user is blocked. Ask your Exact administrator to unblock the user, then reconnect.',
	InactiveUser: 'The connected Exact user is inactive. Reconnect the credential with an active user.',
	BlockedCustomer: 'The Exact subscription is blocked. Contact Exact Online support.',
	LicenseExpired: 'The Exact Online licence has expired. Renew it, then run the workflow again.',
	DivisionBlocked: 'This Exact division (administration) is blocked. Choose another division in the credential.',
};

function hintFor(failure: ExactFailure, exactMessage: string | undefined): string {
	const { status } = failure;
	const division = failure.division !== undefined ? ` ${failure.division}` : '';
	if (status === undefined) {
		return 'Exact Online could not be reached. Check the region or base URL in the credential and the network; reads are retried automatically, writes are not.';
	}
	if (failure.refreshRefused && /not expired|too ?early/i.test(failure.message ?? '')) {
		return 'Exact answered 401 to an access token it still considers valid and refuses to renew it before the token is about 10 minutes old. This is usually momentary: run the workflow again in a few minutes; the stored token keeps working. Reconnect the credential only if this keeps happening. Nothing was written after this error.';
	}
	if (failure.refreshRefused) {
		return 'The Exact Online credential must be reconnected: open it in n8n and click "Reconnect" to sign in at Exact again. (Exact accepts each refresh token once; when another app or n8n instance uses the same connection, its tokens replace ours.) Nothing was written after this error; run the workflow again once reconnected.';
	}
	if (status === 401) {
		return 'Exact no longer accepts this connection. Open the Exact Online credential and click "Reconnect" to sign in again.';
	}
	if (status === 403) {
		const reason = header(failure.headers, 'reason');
		if (reason && FORBIDDEN_REASONS[reason]) return FORBIDDEN_REASONS[reason];
		if (exactMessage && /scope/i.test(exactMessage)) {
			return "The Exact app behind this credential lacks the permission (scope) for this data. Add the scope to the app in the Exact App Center, then reconnect the credential.";
		}
		return `The connected Exact user has no rights for this in division${division}. Check the user's rights in Exact.`;
	}
	if (status === 404) {
		return `Nothing exists at this address in division${division}. Check the ID or the path; Exact blocks an endpoint for an hour after 10 failed calls, so fix the input before running again.`;
	}
	if (status === 429) {
		return 'Exact allows 60 calls a minute and 5,000 a day per division. Spread the work over time or use the incremental (Get Changes) operations.';
	}
	if (status >= 500) {
		return 'Exact Online had a problem answering. Reads are retried automatically; try again in a few minutes.';
	}
	return 'Exact rejected the request. Check the field names and values; Exact blocks an endpoint for an hour after 10 failed calls, so fix the input before running again.';
}

export function exactApiError(node: INode, failure: ExactFailure): NodeApiError {
	const exactMessage = exactErrorMessage(failure.body);
	const what = failure.message ?? exactMessage ?? `HTTP ${failure.status ?? 'no answer'}`;
	// A 5xx is Exact failing, not Exact refusing what we asked.
	const verb = failure.status !== undefined && failure.status >= 500 ? 'could not answer' : 'refused';
	const message =
		failure.status !== undefined
			? `Exact Online ${verb} ${failure.request} (HTTP ${failure.status}): ${what}`
			: `Exact Online: ${what} (${failure.request})`;
	const clean: JsonObject = {
		message,
		httpCode: failure.status !== undefined ? String(failure.status) : null,
		exactMessage: exactMessage ?? null,
	};
	return new NodeApiError(node, clean, {
		message,
		description: hintFor(failure, exactMessage),
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
		itemIndex: failure.itemIndex,
	});
}
