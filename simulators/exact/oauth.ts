import { randomBytes } from 'crypto';
import { DateTime } from 'luxon';
import { EXACT_ZONE } from './dates';
import type { SimResponse } from './response';
import { jsonResponse, maskToken, textResponse } from './response';

/**
 * Exact's OAuth2 authorization-code flow with its quirks: auto-consent, single-use codes (3 min), 10-minute
 * access tokens, refresh tokens that rotate on every refresh (an old one answers 401 "Old refresh token used."),
 * no refresh within 570 s of the previous token (400 + Reason: TooEarlyToRefreshTokens), 30-day expiry of an
 * unused refresh token, and at most 200 token-endpoint calls per app and user a day.
 */

export interface OAuthConfig {
	clientId: string;
	clientSecret: string;
	accessTokenTtlSeconds: number;
	refreshMinIntervalSeconds: number;
	now: () => number;
}

export type RefreshOutcome =
	| 'ok'
	| 'old-token'
	| 'too-early'
	| 'expired'
	| 'unknown-token'
	| 'invalid-client'
	| 'daily-limit';

export interface RefreshHistoryEntry {
	/** ISO time of the attempt. */
	at: string;
	/** Masked (see maskToken) refresh token the client sent. */
	oldToken: string;
	/** Masked refresh token handed out, when the refresh succeeded. */
	newToken: string | null;
	outcome: RefreshOutcome;
	status: number;
}

export interface RegisterTokensInput {
	access_token: string;
	refresh_token: string;
	/** Seconds the access token stays valid from now (default: the access token TTL). */
	expires_in?: number;
	/** Pretend the pair was issued this many seconds ago (default 0, so an immediate refresh is too early). */
	issuedSecondsAgo?: number;
}

interface Chain {
	/** When the last token pair of this consent was issued (the 570 s rule counts from here). */
	lastIssuedAt: number;
}

interface AccessToken {
	chain: Chain;
	expiresAt: number;
}

interface RefreshToken {
	chain: Chain;
	issuedAt: number;
	rotated: boolean;
}

interface AuthCode {
	clientId: string;
	redirectUri: string;
	expiresAt: number;
	used: boolean;
}

export type AuthResult = { ok: true } | { ok: false; message: string };

const CODE_TTL_MS = 3 * 60_000;
const REFRESH_TTL_MS = 30 * 86_400_000;
const TOKEN_CALLS_PER_DAY = 200;

function isLoopbackHttp(url: URL): boolean {
	const host = url.hostname;
	return url.protocol === 'http:' && (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || host.startsWith('127.'));
}

function htmlPage(status: number, message: string): SimResponse {
	const safe = message.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
	return textResponse(status, `<!DOCTYPE html><html><head><title>Exact Online</title></head><body><h1>Error</h1><p>${safe}</p></body></html>`, {}, 'text/html; charset=utf-8');
}

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): SimResponse {
	return jsonResponse(status, { error, error_description: description }, { 'Cache-Control': 'no-store', ...headers });
}

export class OAuthServer {
	private readonly codes = new Map<string, AuthCode>();

	private readonly accessTokens = new Map<string, AccessToken>();

	private readonly refreshTokens = new Map<string, RefreshToken>();

	private readonly history: RefreshHistoryEntry[] = [];

	private tokenCalls = { day: '', count: 0 };

	/** Token-endpoint calls since start or the last counter reset. */
	tokenRequests = 0;

	constructor(private readonly config: OAuthConfig) {}

	/** GET /api/oauth2/auth: the user always consents; redirect back with a single-use code. */
	authorize(query: URLSearchParams): SimResponse {
		if (query.get('client_id') !== this.config.clientId) return htmlPage(400, 'Unknown client_id: the app is not registered.');
		const redirect = query.get('redirect_uri') ?? '';
		let target: URL;
		try {
			target = new URL(redirect);
		} catch {
			return htmlPage(400, 'redirect_uri is missing or not a valid URL.');
		}
		if (target.protocol !== 'https:' && !isLoopbackHttp(target)) {
			return htmlPage(400, 'redirect_uri must use HTTPS.');
		}
		const state = query.get('state');
		if (query.get('response_type') !== 'code') {
			target.searchParams.set('error', 'unsupported_response_type');
		} else {
			const code = randomBytes(24).toString('base64url');
			this.codes.set(code, { clientId: this.config.clientId, redirectUri: redirect, expiresAt: this.config.now() + CODE_TTL_MS, used: false });
			target.searchParams.set('code', code);
		}
		if (state !== null) target.searchParams.set('state', state);
		return { status: 302, headers: { Location: target.toString() }, body: '' };
	}

	/** POST /api/oauth2/token. */
	token(form: URLSearchParams, authorization: string | undefined): SimResponse {
		this.tokenRequests += 1;
		const now = this.config.now();
		const grant = form.get('grant_type');
		const presented = form.get('refresh_token') ?? '';
		const record = (outcome: RefreshOutcome, status: number, newToken: string | null = null) => {
			if (grant === 'refresh_token') {
				this.history.push({
					at: new Date(now).toISOString(),
					oldToken: maskToken(presented),
					newToken: newToken === null ? null : maskToken(newToken),
					outcome,
					status,
				});
			}
		};

		const day = DateTime.fromMillis(now, { zone: EXACT_ZONE }).toISODate() ?? '';
		if (this.tokenCalls.day !== day) this.tokenCalls = { day, count: 0 };
		this.tokenCalls.count += 1;
		if (this.tokenCalls.count > TOKEN_CALLS_PER_DAY) {
			record('daily-limit', 400);
			return oauthError(400, 'access_denied', `Rate limit exceeded: more than ${TOKEN_CALLS_PER_DAY} token requests today`);
		}

		let clientId = form.get('client_id');
		let clientSecret = form.get('client_secret');
		const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
		if (basic) {
			const [id, ...secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
			clientId = decodeURIComponent(id);
			clientSecret = decodeURIComponent(secret.join(':'));
		}
		if (clientId !== this.config.clientId || clientSecret !== this.config.clientSecret) {
			record('invalid-client', basic ? 401 : 400);
			return oauthError(basic ? 401 : 400, 'invalid_client', 'Client authentication failed', basic ? { 'WWW-Authenticate': 'Basic' } : {});
		}

		if (grant === 'authorization_code') return this.exchangeCode(form, now);
		if (grant === 'refresh_token') {
			const { response, outcome, newToken } = this.refresh(presented, now);
			record(outcome, response.status, newToken);
			return response;
		}
		return oauthError(400, 'unsupported_grant_type', `Unsupported grant_type: ${grant ?? '(none)'}`);
	}

	private exchangeCode(form: URLSearchParams, now: number): SimResponse {
		const code = this.codes.get(form.get('code') ?? '');
		if (!code) return oauthError(400, 'invalid_grant', 'Invalid authorization code');
		if (code.used) return oauthError(400, 'invalid_grant', 'Authorization code already used');
		if (now > code.expiresAt) return oauthError(400, 'invalid_grant', 'Authorization code expired');
		const redirect = form.get('redirect_uri');
		if (redirect !== null && redirect !== code.redirectUri) return oauthError(400, 'invalid_grant', 'redirect_uri does not match');
		code.used = true;
		return this.issue({ lastIssuedAt: now }, now).response;
	}

	private refresh(token: string, now: number): { response: SimResponse; outcome: RefreshOutcome; newToken: string | null } {
		const found = this.refreshTokens.get(token);
		if (!token || !found) {
			return { response: oauthError(400, 'invalid_grant', 'Invalid refresh token'), outcome: 'unknown-token', newToken: null };
		}
		if (found.rotated) {
			return { response: oauthError(401, 'unauthorized_client', 'Old refresh token used.'), outcome: 'old-token', newToken: null };
		}
		const expiresAt = found.issuedAt + REFRESH_TTL_MS;
		if (now > expiresAt) {
			return {
				response: oauthError(400, 'invalid_request', `The refresh token expired at ${new Date(expiresAt).toISOString()}`),
				outcome: 'expired',
				newToken: null,
			};
		}
		if (now - found.chain.lastIssuedAt < this.config.refreshMinIntervalSeconds * 1000) {
			return {
				response: oauthError(400, 'access_denied', 'Rate limit exceeded: access_token not expired', { Reason: 'TooEarlyToRefreshTokens' }),
				outcome: 'too-early',
				newToken: null,
			};
		}
		found.rotated = true;
		const issued = this.issue(found.chain, now);
		return { response: issued.response, outcome: 'ok', newToken: issued.refreshToken };
	}

	private issue(chain: Chain, now: number): { response: SimResponse; refreshToken: string } {
		// Exact's refresh tokens contain '!', '+', '/' and '=': a client that does not form-encode them loses them.
		const accessToken = `stampNL001.${randomBytes(48).toString('base64url')}`;
		const refreshToken = `Gcp7!IAAAA${randomBytes(36).toString('base64')}`;
		chain.lastIssuedAt = now;
		this.accessTokens.set(accessToken, { chain, expiresAt: now + this.config.accessTokenTtlSeconds * 1000 });
		this.refreshTokens.set(refreshToken, { chain, issuedAt: now, rotated: false });
		const response = jsonResponse(
			200,
			{
				access_token: accessToken,
				token_type: 'bearer',
				expires_in: String(this.config.accessTokenTtlSeconds),
				refresh_token: refreshToken,
			},
			{ 'Cache-Control': 'no-store' },
		);
		return { response, refreshToken };
	}

	/** Check the bearer token of an API call. */
	authenticate(authorization: string | undefined): AuthResult {
		const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
		if (!m) return { ok: false, message: 'Authorization header with a Bearer token is missing' };
		const token = this.accessTokens.get(m[1].trim());
		if (!token) return { ok: false, message: 'Access token is not valid' };
		if (this.config.now() >= token.expiresAt) return { ok: false, message: 'Access token expired' };
		return { ok: true };
	}

	/** Admin: make a known token pair valid (e.g. the pair stored in a test credential). */
	registerTokens(input: RegisterTokensInput): void {
		if (!input.access_token || !input.refresh_token) throw new Error('access_token and refresh_token are required');
		const now = this.config.now();
		const issuedAt = now - (input.issuedSecondsAgo ?? 0) * 1000;
		const chain: Chain = { lastIssuedAt: issuedAt };
		const ttl = input.expires_in ?? this.config.accessTokenTtlSeconds - (input.issuedSecondsAgo ?? 0);
		this.accessTokens.set(input.access_token, { chain, expiresAt: now + ttl * 1000 });
		this.refreshTokens.set(input.refresh_token, { chain, issuedAt, rotated: false });
	}

	/** Admin: every access token expires now, and its pair is old enough that a refresh is allowed at once. */
	expireAccessTokens(): void {
		const now = this.config.now();
		const legalAt = now - this.config.refreshMinIntervalSeconds * 1000 - 1;
		for (const token of this.accessTokens.values()) {
			token.expiresAt = Math.min(token.expiresAt, now - 1);
			token.chain.lastIssuedAt = Math.min(token.chain.lastIssuedAt, legalAt);
		}
		for (const token of this.refreshTokens.values()) {
			token.chain.lastIssuedAt = Math.min(token.chain.lastIssuedAt, legalAt);
		}
	}

	refreshHistory(): RefreshHistoryEntry[] {
		return [...this.history];
	}

	resetCounters(): void {
		this.tokenRequests = 0;
		this.tokenCalls = { day: '', count: 0 };
		this.history.length = 0;
	}

	/** Forget every code and token (a new consent is then needed). */
	clearTokens(): void {
		this.codes.clear();
		this.accessTokens.clear();
		this.refreshTokens.clear();
	}
}
