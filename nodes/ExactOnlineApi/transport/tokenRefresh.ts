/**
 * A refused token refresh. n8n's OAuth2 helper refreshes after a 401; Exact refuses a refresh token that was
 * used already ("Old refresh token used.") or one asked again within ~570 s. With several n8n processes on one
 * credential that happens when two refresh at the same moment: the other one won and stored the new tokens.
 * We never call the token URL ourselves: we look whether the stored credential got a new access token and, if
 * so, send the request once more through n8n (which reads the stored credential); otherwise the credential
 * must be reconnected.
 */
import { sleep } from 'n8n-workflow';
import { EXACT_CREDENTIAL_TYPE, type ExactContext } from './context';

export interface RefreshRefusal {
	/** `revoked`: n8n itself says the grant is gone (invalid_grant). `refused`: any other refusal. */
	kind: 'revoked' | 'refused';
	/** Exact's words (error and description), never a token. */
	reason: string;
}

interface Inspectable {
	code?: unknown;
	httpCode?: unknown;
	body?: unknown;
	message?: unknown;
	failure?: { cause?: unknown };
	cause?: unknown;
}

/** Finds a refused refresh in what n8n's HTTP helper threw (client-oauth2's AuthError, or n8n's reconnect error). */
export function refreshRefusal(error: unknown): RefreshRefusal | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	// n8n 1.x: a NodeApiError that kept only the code and the message of the OAuth2 library's AuthError. n8n 2.x
	// sets the same code on its wrapper but keeps the AuthError (with Exact's words) as the cause: prefer that.
	let wrapperOnly: RefreshRefusal | undefined;
	while (typeof current === 'object' && current !== null && !seen.has(current)) {
		seen.add(current);
		const candidate = current as Inspectable;
		if (candidate.failure?.cause === 'credential-invalid' || /needs to be reconnected/i.test(String(candidate.message ?? ''))) {
			return { kind: 'revoked', reason: 'the refresh token is no longer valid' };
		}
		if (candidate.code === 'EAUTH' && typeof candidate.body === 'object' && candidate.body !== null) {
			const body = candidate.body as { error?: unknown; error_description?: unknown };
			const parts = [body.error, body.error_description].filter((p) => typeof p === 'string' && p !== '');
			return { kind: 'refused', reason: parts.join(': ') || 'refused' };
		}
		if (candidate.httpCode === 'EAUTH' && !wrapperOnly) {
			const message = typeof candidate.message === 'string' ? candidate.message : '';
			wrapperOnly = { kind: 'refused', reason: message || 'refused' };
		}
		current = candidate.cause;
	}
	return wrapperOnly;
}

export function storedAccessToken(credentials: { oauthTokenData?: unknown }): string | undefined {
	const data = credentials.oauthTokenData as { access_token?: unknown } | undefined;
	return typeof data?.access_token === 'string' ? data.access_token : undefined;
}

/** How long another process may take to store the tokens it just received. */
const STORE_WAIT_MS = 5_000;
const STORE_POLL_MS = 250;

/** Whether the stored credential holds another access token than `used` (read from n8n, no call to Exact). */
export async function storedTokenChanged(this: ExactContext, used: string | undefined): Promise<boolean> {
	const until = Date.now() + STORE_WAIT_MS;
	for (;;) {
		const current = storedAccessToken(await this.getCredentials(EXACT_CREDENTIAL_TYPE));
		if (current !== undefined && current !== used) return true;
		if (Date.now() >= until) return false;
		await sleep(STORE_POLL_MS);
	}
}
