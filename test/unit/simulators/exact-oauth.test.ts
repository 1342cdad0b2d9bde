import { maskToken, startExactSimulator } from '../../../simulators/exact';
import type { ExactSimulator } from '../../../simulators/exact';

/** OAuth2 quirks of the fake Exact server: rotation, old-token reuse, the 570 s rule, expiry, client auth. */

const CLIENT = { id: 'demo-client-id', secret: 'demo-client-secret' };
const REDIRECT = 'https://n8n.example.com/rest/oauth2-credential/callback';

let sim: ExactSimulator;
let now = Date.UTC(2025, 0, 15, 9, 0, 0);

beforeAll(async () => {
	sim = await startExactSimulator({ now: () => now });
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.state.reset({ oauth: true });
});

async function authorize(state = 'xyz'): Promise<URL> {
	const url = `${sim.url}/api/oauth2/auth?client_id=${CLIENT.id}&redirect_uri=${encodeURIComponent(REDIRECT)}&response_type=code&state=${state}`;
	const res = await fetch(url, { redirect: 'manual' });
	expect(res.status).toBe(302);
	return new URL(res.headers.get('location') ?? '');
}

async function token(form: Record<string, string>, headers: Record<string, string> = {}) {
	const res = await fetch(`${sim.url}/api/oauth2/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(form).toString(),
	});
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: JSON.parse(text) as Record<string, string> };
}

async function exchangeCode() {
	const redirect = await authorize();
	return token({
		grant_type: 'authorization_code',
		code: redirect.searchParams.get('code') ?? '',
		redirect_uri: REDIRECT,
		client_id: CLIENT.id,
		client_secret: CLIENT.secret,
	});
}

function refresh(refreshToken: string) {
	return token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: CLIENT.id, client_secret: CLIENT.secret });
}

function me(accessToken: string) {
	return fetch(`${sim.url}/api/v1/current/Me`, { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' } });
}

describe('authorization', () => {
	it('auto-consents and redirects back with a code and the state', async () => {
		const redirect = await authorize('state-42');
		expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT);
		expect(redirect.searchParams.get('state')).toBe('state-42');
		expect(redirect.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
	});

	it('answers 400 for an unknown client_id', async () => {
		const res = await fetch(`${sim.url}/api/oauth2/auth?client_id=nope&redirect_uri=${encodeURIComponent(REDIRECT)}&response_type=code`, {
			redirect: 'manual',
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Unknown client_id');
	});

	it('exchanges a code once: expires_in is a numeric string, a second use is invalid_grant', async () => {
		const redirect = await authorize();
		const form = {
			grant_type: 'authorization_code',
			code: redirect.searchParams.get('code') ?? '',
			redirect_uri: REDIRECT,
			client_id: CLIENT.id,
			client_secret: CLIENT.secret,
		};
		const first = await token(form);
		expect(first.status).toBe(200);
		expect(first.body.expires_in).toBe('600');
		expect(first.body.token_type).toBe('bearer');
		expect((await me(first.body.access_token)).status).toBe(200);
		const second = await token(form);
		expect(second.status).toBe(400);
		expect(second.body.error).toBe('invalid_grant');
	});

	it('refuses a code older than about 3 minutes', async () => {
		const redirect = await authorize();
		now += 4 * 60_000;
		const res = await token({
			grant_type: 'authorization_code',
			code: redirect.searchParams.get('code') ?? '',
			redirect_uri: REDIRECT,
			client_id: CLIENT.id,
			client_secret: CLIENT.secret,
		});
		expect(res.status).toBe(400);
		expect(res.body.error).toBe('invalid_grant');
	});

	it('rejects a wrong client secret with invalid_client and accepts HTTP Basic client auth', async () => {
		const bad = await token({ grant_type: 'refresh_token', refresh_token: 'x', client_id: CLIENT.id, client_secret: 'wrong' });
		expect(bad.status).toBe(400);
		expect(bad.body.error).toBe('invalid_client');

		const redirect = await authorize();
		const basic = Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64');
		const ok = await token(
			{ grant_type: 'authorization_code', code: redirect.searchParams.get('code') ?? '', redirect_uri: REDIRECT },
			{ Authorization: `Basic ${basic}` },
		);
		expect(ok.status).toBe(200);
	});
});

describe('refresh tokens', () => {
	it('refuses a refresh within 570 s of the last token with Reason: TooEarlyToRefreshTokens', async () => {
		const issued = await exchangeCode();
		now += 300_000;
		const early = await refresh(issued.body.refresh_token);
		expect(early.status).toBe(400);
		expect(early.body).toEqual({ error: 'access_denied', error_description: 'Rate limit exceeded: access_token not expired' });
		expect(early.headers.get('reason')).toBe('TooEarlyToRefreshTokens');
		// the refused refresh did not consume the token
		now += 280_000;
		expect((await refresh(issued.body.refresh_token)).status).toBe(200);
	});

	it('rotates on every refresh; the old refresh token then answers 401 "Old refresh token used."', async () => {
		const issued = await exchangeCode();
		now += 600_000;
		const rotated = await refresh(issued.body.refresh_token);
		expect(rotated.status).toBe(200);
		expect(rotated.body.refresh_token).not.toBe(issued.body.refresh_token);

		const reuse = await refresh(issued.body.refresh_token);
		expect(reuse.status).toBe(401);
		expect(reuse.body).toEqual({ error: 'unauthorized_client', error_description: 'Old refresh token used.' });

		now += 600_000;
		expect((await refresh(rotated.body.refresh_token)).status).toBe(200);
		const history = sim.state.refreshHistory();
		expect(history.map((h) => h.outcome)).toEqual(['ok', 'old-token', 'ok']);
		expect(history[0].oldToken).toBe(maskToken(issued.body.refresh_token));
		expect(history[0].newToken).toBe(maskToken(rotated.body.refresh_token));
		expect(JSON.stringify(history)).not.toContain(issued.body.refresh_token);
	});

	it('expires a refresh token unused for 30 days', async () => {
		const issued = await exchangeCode();
		now += 31 * 86_400_000;
		const res = await refresh(issued.body.refresh_token);
		expect(res.status).toBe(400);
		expect(res.body.error).toBe('invalid_request');
		expect(res.body.error_description).toMatch(/^The refresh token expired at /);
	});

	it('answers invalid_grant for an unknown refresh token and counts token requests', async () => {
		const res = await refresh('Gcp7!IAAAAnot-a-real-token');
		expect(res.status).toBe(400);
		expect(res.body.error).toBe('invalid_grant');
		expect(sim.state.getStats().tokenRequests).toBe(1);
	});

	it('refuses token requests beyond 200 a day', async () => {
		for (let i = 0; i < 200; i++) sim.state.oauth.token(new URLSearchParams({ grant_type: 'x' }), undefined);
		const res = await refresh('whatever');
		expect(res.status).toBe(400);
		expect(res.body.error).toBe('access_denied');
		expect(res.body.error_description).toContain('200 token requests');
	});
});

describe('access tokens on the API', () => {
	it('answers 401 with WWW-Authenticate for a missing, unknown or expired token', async () => {
		const missing = await fetch(`${sim.url}/api/v1/current/Me`, { headers: { Accept: 'application/json' } });
		expect(missing.status).toBe(401);
		expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
		expect((await me('nonsense')).status).toBe(401);

		const issued = await exchangeCode();
		expect((await me(issued.body.access_token)).status).toBe(200);
		now += 601_000;
		const expired = await me(issued.body.access_token);
		expect(expired.status).toBe(401);
		expect(await expired.text()).toContain('expired');
	});

	it('admin: registered tokens work, expire() makes them expire and an immediate refresh legal', async () => {
		const res = await fetch(`${sim.url}/__admin/oauth/tokens`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ access_token: 'known-access-token-1', refresh_token: 'known-refresh-token-1' }),
		});
		expect(res.status).toBe(200);
		expect((await me('known-access-token-1')).status).toBe(200);
		// freshly issued: refreshing now is too early
		expect((await refresh('known-refresh-token-1')).status).toBe(400);

		await fetch(`${sim.url}/__admin/oauth/expire`, { method: 'POST' });
		expect((await me('known-access-token-1')).status).toBe(401);
		const refreshed = await refresh('known-refresh-token-1');
		expect(refreshed.status).toBe(200);
		expect((await me(refreshed.body.access_token)).status).toBe(200);

		const history = (await (await fetch(`${sim.url}/__admin/oauth/history`)).json()) as { refreshes: Array<{ outcome: string }> };
		expect(history.refreshes.map((h) => h.outcome)).toEqual(['too-early', 'ok']);
	});

	it('never writes token values into the call log', async () => {
		const issued = await exchangeCode();
		await me(issued.body.access_token);
		await fetch(`${sim.url}/api/oauth2/auth?client_id=${CLIENT.id}&redirect_uri=${encodeURIComponent(REDIRECT)}&response_type=code&code=SECRETCODE1234567`, {
			redirect: 'manual',
		});
		const log = JSON.stringify(sim.state.calls());
		expect(log).not.toContain(issued.body.access_token);
		expect(log).not.toContain(issued.body.refresh_token);
		expect(log).not.toContain('SECRETCODE1234567');
		expect(log).toContain('code=SECR…4567');
	});
});
