/**
 * The Exact Online credential and the API Request node in a real n8n, against the Exact simulator:
 * a Return-All read over many pages while the access token expires half-way (n8n refreshes once and stores
 * the rotated refresh token; Exact never sees an old one), Test Connection, the credential test, and a clean
 * per-item error without secrets. (n8n's own "Test" button for OAuth2 credentials only checks that a token
 * is stored; the Test Connection operation is the test that asks Exact which administration it reaches.)
 */
import { maskToken, startExactSimulator, MAIN_DIVISION, type ExactSimulator } from '../../simulators/exact';
import { createN8nInstance, linearConnections, waitFor, type N8nInstance } from '../../scripts/n8n';

jest.setTimeout(240_000);

const CREDENTIAL_ID = 'exactCredE2E0001';
const START = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} };

describe('Exact Online API Request in a real n8n', () => {
	let sim: ExactSimulator;
	let n8n: N8nInstance;
	const ids: Record<string, string> = {};

	const credential = (tokens: { access_token: string; refresh_token: string }) => ({
		id: CREDENTIAL_ID,
		name: 'Exact (simulator)',
		type: 'exactOnlineOAuth2Api',
		data: {
			region: 'custom',
			customBaseUrl: sim.url,
			division: '',
			clientId: 'demo-client-id',
			clientSecret: 'demo-client-secret',
			oauthTokenData: { ...tokens, token_type: 'bearer' },
		},
	});

	const exactNode = (name: string, parameters: Record<string, unknown>) => ({
		name,
		type: n8n.nodeType('exactOnlineApiRequest'),
		parameters,
		credentials: { exactOnlineOAuth2Api: { id: CREDENTIAL_ID, name: 'Exact (simulator)' } },
	});

	beforeAll(async () => {
		sim = await startExactSimulator({ seed: 'small' });
		n8n = await createN8nInstance({ name: 'exact-api-request' });
		const workflows = await n8n.importWorkflow([
			{
				name: 'All accounts',
				nodes: [START, exactNode('Accounts', { path: 'crm/Accounts', select: 'ID,Code,Name', returnAll: true })],
				connections: linearConnections('Start', 'Accounts'),
			},
			{
				name: 'Test connection',
				nodes: [START, exactNode('Test', { operation: 'testConnection' })],
				connections: linearConnections('Start', 'Test'),
			},
			{
				name: 'Missing record',
				nodes: [START, exactNode('Missing', { path: "crm/Accounts(guid'00000000-0000-0000-0000-00000000abcd')", select: 'ID' })],
				connections: linearConnections('Start', 'Missing'),
			},
		]);
		[ids.accounts, ids.test, ids.missing] = workflows;
		const tokens = { access_token: 'AT-e2e-1', refresh_token: 'RT-e2e-1' };
		sim.state.registerTokens(tokens);
		await n8n.importCredentials([credential(tokens)]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
	});

	it('reads 1,000 accounts over 17 pages while the token expires mid-run: one refresh, rotated token stored', async () => {
		sim.state.resetStats();
		// Page 2 is held back for a moment; while it waits, every access token expires (as after 10 minutes).
		// Exact then answers that page with 401 and n8n must refresh once and repeat the call.
		sim.state.addFault({ match: { method: 'GET', path: '/skiptoken/' }, kind: 'delay', delayMs: 2_000, times: 1 });
		const running = n8n.execute(ids.accounts);
		await waitFor(() => (sim.state.getStats().calls.byEndpoint['GET crm/Accounts'] ?? 0) >= 1 || undefined, 60_000, {
			intervalMs: 25,
			description: 'the first page of accounts',
		});
		sim.state.expireAccessTokens();
		const run = await running;
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		const accounts = run.json('Accounts');
		expect(accounts).toHaveLength(1000);
		expect(new Set(accounts.map((a) => a.ID)).size).toBe(1000);
		expect(accounts.find((a) => a.Name === "Bakkerij 't Hoekje")?.Code).toBe('1');

		const refreshes = sim.state.refreshHistory();
		expect(refreshes.map((r) => r.outcome)).toEqual(['ok']);
		const stored = await n8n.exportCredential(CREDENTIAL_ID);
		const storedTokens = stored.data.oauthTokenData as { refresh_token: string; access_token: string };
		expect(storedTokens.refresh_token).not.toBe('RT-e2e-1');
		expect(maskToken(storedTokens.refresh_token)).toBe(refreshes[0].newToken);
		expect(sim.state.getStats().calls.byStatus['401']).toBe(1);

		// The next run uses the stored token as is: no refresh, and never the old refresh token.
		const again = await n8n.execute(ids.test);
		expect(again.status).toBe('success');
		expect(sim.state.refreshHistory()).toHaveLength(1);
		expect(sim.state.getStats().rateLimited429).toBe(0);
	});

	it('Test Connection shows the administration the credential reaches', async () => {
		const run = await n8n.execute(ids.test);
		expect(run.status).toBe('success');
		expect(run.json('Test')[0]).toMatchObject({
			connected: true,
			division: MAIN_DIVISION,
			divisionSource: 'current division of the user',
			divisionName: expect.any(String),
		});
	});

	it('reports a missing record as a clear error without any token in it', async () => {
		const run = await n8n.execute(ids.missing);
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/Exact Online refused GET crm\/Accounts.*HTTP 404/);
		const stored = await n8n.exportCredential(CREDENTIAL_ID);
		const token = (stored.data.oauthTokenData as { access_token: string }).access_token;
		for (const text of [JSON.stringify(run.raw), run.output]) {
			expect(text).not.toContain(token);
			expect(text).not.toContain('demo-client-secret');
		}
	});
});
