import { ExactOnlineApiRequest } from '../../../nodes/ExactOnlineApiRequest/ExactOnlineApiRequest.node';
import { EXACT_SEED_FIXTURES, MAIN_DIVISION } from '../../../simulators/exact';
import { jsonOf, runNode } from '../../harness/context';
import { resetCredential, startExact, type ExactFixture } from '../exactSetup';

const node = new ExactOnlineApiRequest();
const { accounts } = EXACT_SEED_FIXTURES;
let exact: ExactFixture;

beforeAll(async () => {
	exact = await startExact();
});
afterAll(async () => exact.sim.close());
beforeEach(() => {
	exact.sim.state.reset();
	resetCredential(exact);
});

const run = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	runNode(node, { parameters: parameters as never, credentials: exact.credentials(), ...extra });

describe('Exact Online API Request', () => {
	it('reads a page of accounts in the current division, clean by default', async () => {
		const result = await run({ path: 'crm/Accounts', select: 'ID,Code,Name,Modified', limit: 5, options: { orderBy: 'Code' } });
		const records = jsonOf(result);
		expect(records).toHaveLength(5);
		const bakkerij = records.find((r) => r.ID === accounts.bakkerij.id);
		expect(bakkerij).toMatchObject({ Code: '1', Name: "Bakkerij 't Hoekje" });
		expect(String(bakkerij?.Modified)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000\+0[12]:00$/);
		expect(records[0]).not.toHaveProperty('__metadata');
		// current/Me once for the division, then the list.
		const paths = result.host.http.map((h) => new URL(h.url).pathname);
		expect(paths).toEqual(['/api/v1/current/Me', `/api/v1/${MAIN_DIVISION}/crm/Accounts`]);
	});

	it('follows __next across pages of 60 with Return All', async () => {
		exact.sim.state.seed('small');
		const result = await run({ path: 'crm/Accounts', select: 'ID,Code', returnAll: true });
		const records = jsonOf(result);
		expect(records).toHaveLength(1000);
		expect(new Set(records.map((r) => r.ID)).size).toBe(1000);
		expect(result.host.http.filter((h) => h.url.includes('/crm/Accounts')).length).toBe(Math.ceil(1000 / 60));
	});

	it('reads /sync/ in pages of 1,000 and needs a $select', async () => {
		exact.sim.state.seed('small');
		const withSelect = await run({
			path: 'sync/CRM/Accounts',
			select: 'ID,Timestamp',
			conditions: { condition: [{ field: 'Timestamp', operator: 'gt', value: '1', valueType: 'int64' }] },
			returnAll: true,
		});
		expect(jsonOf(withSelect)).toHaveLength(1000);
		expect(withSelect.host.http.filter((h) => h.url.includes('sync/CRM/Accounts')).length).toBe(1);

		const without = await run({ path: 'sync/CRM/Accounts', returnAll: true });
		expect(without.error?.message).toMatch(/HTTP 400.*\$select/);
	});

	it('escapes a name with quotes and pads the account code in conditions', async () => {
		const byName = await run({
			path: 'crm/Accounts',
			select: 'ID,Name',
			conditions: { condition: [{ field: 'Name', operator: 'eq', value: "O'Neill Installaties", valueType: 'string' }] },
		});
		expect(jsonOf(byName).map((r) => r.ID)).toEqual([accounts.oneill.id]);

		const byCode = await run({
			path: 'crm/Accounts',
			select: 'ID,Code',
			conditions: { condition: [{ field: 'Code', operator: 'eq', value: '1', valueType: 'accountCode' }] },
		});
		expect(jsonOf(byCode)).toEqual([{ ID: accounts.bakkerij.id, Code: '1' }]);
	});

	it('creates, updates and deletes a record', async () => {
		const created = jsonOf(
			await run({ method: 'POST', path: 'crm/Accounts', body: JSON.stringify({ Name: "Zonnepanelen 't Zuiden", City: 'Breda' }) }),
		)[0];
		expect(created).toMatchObject({ Name: "Zonnepanelen 't Zuiden", City: 'Breda' });
		expect(created.ID).toMatch(/^[0-9a-f-]{36}$/);

		const updated = jsonOf(
			await run({ method: 'PUT', path: `crm/Accounts(guid'${String(created.ID)}')`, body: '{"City":"Tilburg"}' }),
		);
		expect(updated).toEqual([{ success: true, status: 204 }]);
		expect(exact.sim.state.getRecord('Accounts', String(created.ID))?.City).toBe('Tilburg');

		const deleted = jsonOf(await run({ method: 'DELETE', path: `crm/Accounts(guid'${String(created.ID)}')` }));
		expect(deleted).toEqual([{ success: true, status: 204 }]);
		expect(exact.sim.state.getRecord('Accounts', String(created.ID))).toBeUndefined();
	});

	it('reaches endpoints without a division and tests the connection', async () => {
		const me = jsonOf(await run({ path: '/api/v1/current/Me', select: 'CurrentDivision,FullName' }));
		expect(me[0].CurrentDivision).toBe(MAIN_DIVISION);

		const test = jsonOf(await run({ operation: 'testConnection' }))[0];
		expect(test).toMatchObject({ connected: true, division: MAIN_DIVISION, divisionSource: 'current division of the user' });
		expect(typeof test.divisionName).toBe('string');
		expect(test.callsLeftToday).toEqual(expect.any(Number));
	});

	it('uses the division from the credential and explains a division without access', async () => {
		resetCredential(exact, '999');
		const result = await run({ path: 'crm/Accounts', select: 'ID' });
		expect(result.error?.message).toMatch(/HTTP 403/);
		expect(result.error?.description).toMatch(/cannot open this division/);
		expect(result.host.http.some((h) => h.url.includes('current/Me'))).toBe(false);
	});

	it('turns a 404 into an error that names the request, and continues other items on fail', async () => {
		const missing = `crm/Accounts(guid'00000000-0000-0000-0000-000000000001')`;
		const continued = await run({ path: missing, select: 'ID' }, { continueOnFail: true, items: [{}, {}] });
		const out = jsonOf(continued);
		expect(out).toHaveLength(2);
		expect(String(out[0].error)).toMatch(/GET crm\/Accounts.*HTTP 404/);
		expect(continued.output?.[0][1].pairedItem).toEqual({ item: 1 });
		const thrown = await run({ path: missing, select: 'ID' });
		expect(thrown.error?.message).toMatch(/HTTP 404/);
		expect(thrown.error?.description).toMatch(/Check the ID/);
	});

	it('explains a missing app scope', async () => {
		exact.sim.state.denyScopes(['salesinvoice']);
		const result = await run({ path: 'salesinvoice/SalesInvoices', select: 'InvoiceID' });
		expect(result.error?.message).toMatch(/HTTP 403.*Scope/i);
		expect(result.error?.description).toMatch(/permission \(scope\)/);
	});

	it('answers JSON because it asks for it (Exact defaults to XML)', async () => {
		const raw = await fetch(`${exact.sim.url}/api/v1/${MAIN_DIVISION}/crm/Accounts?$top=1&$select=ID`, {
			headers: { Authorization: `Bearer ${String(exact.credential.oauthTokenData?.access_token)}` },
		});
		expect(raw.headers.get('content-type')).toMatch(/xml/);
		const result = await run({ path: 'crm/Accounts', select: 'ID', limit: 1 });
		expect(jsonOf(result)).toHaveLength(1);
	});

	// n8n 2.x throws the 401 to its OAuth2 helper (ignoreHttpStatusErrors.except); n8n 1.x hands it back as an
	// answer and wraps errors without their cause: the transport must renew the token on both.
	describe.each([2, 1] as const)('on n8n %i.x', (n8nLine) => {
		it('refreshes an expired token once and stores the rotated refresh token', async () => {
			await run({ path: 'crm/Accounts', select: 'ID', limit: 1 }, { n8nLine });
			const before = exact.credential.oauthTokenData?.refresh_token;
			exact.sim.state.expireAccessTokens();
			const result = await run({ path: 'crm/Accounts', select: 'ID', limit: 1 }, { n8nLine });
			expect(jsonOf(result)).toHaveLength(1);
			expect(exact.credential.oauthTokenData?.refresh_token).not.toBe(before);
			const history = exact.sim.state.refreshHistory();
			expect(history.filter((h) => h.outcome === 'ok')).toHaveLength(1);
			expect(history.some((h) => h.outcome !== 'ok')).toBe(false);
		});

		it('two processes refreshing at once: the refused one sends once more with the tokens the other stored', async () => {
			await run({ path: 'crm/Accounts', select: 'ID', limit: 1 }, { n8nLine });
			exact.sim.state.expireAccessTokens();
			exact.sim.state.resetStats();
			// Both runs share the stored credential, as two n8n processes share n8n's database.
			const [a, b] = await Promise.all([
				run({ path: 'crm/Accounts', select: 'ID', limit: 1 }, { n8nLine }),
				run({ path: 'crm/Accounts', select: 'ID', limit: 1 }, { n8nLine }),
			]);
			expect(jsonOf(a)).toHaveLength(1);
			expect(jsonOf(b)).toHaveLength(1);
			const outcomes = exact.sim.state.refreshHistory().map((h) => h.outcome);
			// One refresh won, the other process's was refused once and it did not try again.
			expect(outcomes).toEqual(['ok', expect.not.stringMatching(/^ok$/)]);
		});

		it('a refresh token used elsewhere, with nothing new stored: one refused refresh, then "reconnect the credential"', async () => {
			const stolen = String(exact.credential.oauthTokenData?.refresh_token);
			exact.sim.state.expireAccessTokens();
			// Someone else (another app with the same connection) refreshes with our refresh token and keeps the result.
			const elsewhere = await fetch(`${exact.sim.url}/api/oauth2/token`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: stolen, client_id: 'demo-client-id', client_secret: 'demo-client-secret' }).toString(),
			});
			exact.sim.state.expireAccessTokens();
			expect(elsewhere.status).toBe(200);
			const result = await run({ path: 'crm/Accounts', select: 'ID', limit: 1 }, { n8nLine });
			expect(result.error?.message).toMatch(
				n8nLine === 2
					? /Exact refused to renew the access token \(unauthorized_client: Old refresh token used\.\)/
					: /Exact refused to renew the access token \(The client is not authorized to request an authorization code using this method\.\)/,
			);
			expect(result.error?.description).toMatch(/must be reconnected.*Reconnect/);
			expect(exact.sim.state.refreshHistory().filter((h) => h.outcome !== 'ok')).toHaveLength(1);
			const calls = result.host.http.filter((h) => h.url.includes('/api/v1/'));
			// n8n 1.x hands the first 401 back as an answer: one more call lets its OAuth2 helper see it.
			expect(calls).toHaveLength(n8nLine === 1 ? 2 : 1);
			expect(JSON.stringify(result.error)).not.toContain(stolen);
		}, 15_000);

		it('a 401 to a young token whose refresh Exact refuses as too early: "run again in a few minutes" where n8n passes Exact\'s words', async () => {
			exact.sim.state.addFault({ match: { path: '/api/v1/' }, kind: 'status', status: 401, times: n8nLine === 1 ? 2 : 1 });
			const result = await run({ path: 'crm/Accounts', select: 'ID', limit: 1 }, { n8nLine });
			if (n8nLine === 2) {
				expect(result.error?.message).toMatch(/Exact refused to renew the access token \(access_denied: Rate limit exceeded: access_token not expired\)/);
				expect(result.error?.description).toMatch(/run the workflow again in a few minutes/);
			} else {
				// n8n 1.x keeps only the OAuth2 library's generic words: the reason can't be told apart from a revoked grant.
				expect(result.error?.message).toMatch(/Exact refused to renew the access token \(The resource owner or authorization server denied the request\.\)/);
				expect(result.error?.description).toMatch(/must be reconnected/);
			}
			expect(exact.sim.state.refreshHistory().map((h) => h.outcome)).toEqual(['too-early']);
		}, 15_000);

		it('turns an error of the renewed call into a message that names the request and its status', async () => {
			exact.sim.state.expireAccessTokens();
			const result = await run({ path: 'crm/Nope', select: 'ID' }, { n8nLine });
			expect(result.error?.message).toMatch(/GET crm\/Nope \(HTTP 404\)/);
			expect(exact.sim.state.refreshHistory().map((h) => h.outcome)).toEqual(['ok']);
		});
	});

	it('never lets a token into an error or the output', async () => {
		const token = String(exact.credential.oauthTokenData?.access_token);
		const failed = await run({ path: 'crm/Nope', select: 'ID' }, { continueOnFail: true });
		const text = JSON.stringify(failed.output) + JSON.stringify(failed.host.logs);
		expect(text).not.toContain(token);
		const thrown = await run({ path: 'crm/Nope', select: 'ID' });
		expect(JSON.stringify(thrown.error, Object.getOwnPropertyNames(thrown.error))).not.toContain(token);
		expect(JSON.stringify(thrown.error)).not.toContain('Bearer');
	});
});
