import type { ExactSimulator } from './index';

/**
 * A minimal client for tests and scripts: registers a known token pair with the simulator and sends API
 * calls with it. Paths are relative to /api/v1/ (e.g. "1234567/crm/Accounts?$select=ID") or absolute URLs
 * (e.g. a __next link, followed as-is).
 */

/** Exact's JSON answers as tests read them: a list page, or one record. */
export type Row = Record<string, unknown>;
export interface List {
	d: { results: Row[]; __next?: string };
}
export interface Single {
	d: Row;
}

export interface ExactTestClient {
	accessToken: string;
	refreshToken: string;
	/** Absolute URL for a path relative to /api/v1/ (absolute URLs pass through). */
	url(path: string): string;
	get(path: string, headers?: Record<string, string>): Promise<Response>;
	post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
	put(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
	del(path: string, headers?: Record<string, string>): Promise<Response>;
	/** GET with Accept: application/json, parsed. */
	json<T = unknown>(path: string): Promise<{ status: number; body: T; headers: Headers }>;
}

export interface ExactTestClientOptions {
	accessToken?: string;
	refreshToken?: string;
	/** Send Accept: application/json (default true). */
	acceptJson?: boolean;
}

let counter = 0;

export function exactTestClient(sim: ExactSimulator, options: ExactTestClientOptions = {}): ExactTestClient {
	counter += 1;
	const accessToken = options.accessToken ?? `test-access-token-${counter}-${Date.now()}`;
	const refreshToken = options.refreshToken ?? `test-refresh-token-${counter}-${Date.now()}`;
	sim.state.registerTokens({ access_token: accessToken, refresh_token: refreshToken, expires_in: 365 * 86_400 });
	const base: Record<string, string> = { Authorization: `Bearer ${accessToken}` };
	if (options.acceptJson !== false) base.Accept = 'application/json';
	const url = (path: string) => (/^https?:/.test(path) ? path : `${sim.url}/api/v1/${path.replace(/^\//, '')}`);
	const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
		fetch(url(path), {
			method,
			headers: { ...base, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	return {
		accessToken,
		refreshToken,
		url,
		get: (path, headers) => send('GET', path, undefined, headers),
		post: (path, body, headers) => send('POST', path, body, headers),
		put: (path, body, headers) => send('PUT', path, body, headers),
		del: (path, headers) => send('DELETE', path, undefined, headers),
		async json<T>(path: string) {
			const res = await send('GET', path, undefined, { Accept: 'application/json' });
			const text = await res.text();
			return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
		},
	};
}
