/**
 * outSmartRequest against the fake OutSmart over real HTTP: envelope, every code as a NodeApiError with meaning
 * and hint, HTTP-200 errors, retries only for safe reads, no secret anywhere.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	OUTSMART_CODES,
	describeOutSmartCode,
	isSafeToRetry,
	isUncertainOutcome,
	outSmartErrorCode,
	outSmartErrorDetails,
	outSmartRequest,
	outSmartRequestEnvelope,
	readEnvelope,
	redactSecrets,
	secretList,
	type OutSmartEndpoint,
} from '../../../nodes/OutSmartApi/transport';
import { type OutSmartSimulator, demoSeed, startOutSmartSimulator } from '../../../simulators/outsmart';
import { everythingIn, outSmartContext } from './context';
import { workorderInput } from './simClient';

const TOKEN = 'tok-SECRET-1234';
const SOFTWARE_TOKEN = 'sw-SECRET-5678';
const FAST = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 };

let sim: OutSmartSimulator;
let t: ReturnType<typeof outSmartContext>;

beforeAll(async () => {
	sim = await startOutSmartSimulator({ token: TOKEN, softwareToken: SOFTWARE_TOKEN });
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.state.reset(demoSeed());
	t = outSmartContext(sim, { token: TOKEN, softwareToken: SOFTWARE_TOKEN });
});

async function failure(promise: Promise<unknown>): Promise<NodeApiError & { description?: string }> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError & { description?: string };
	}
	throw new Error('expected the call to fail');
}

/** An endpoint name the types do not know, to test the run-time checks. */
const raw = (name: string) => name as 'relations';

function expectNoSecrets(text: string): void {
	expect(text).not.toContain(TOKEN);
	expect(text).not.toContain(SOFTWARE_TOKEN);
}

describe('successful calls', () => {
	it('returns the envelope response; strips trailing slashes from the base URL', async () => {
		const statuses = await outSmartRequest.call(t.ctx, { endpoint: 'workstatusses' });
		expect(statuses).toContainEqual({ sta_code: 'GEREED', sta_name: 'Gereed voor export' });
		expect(t.http[0].url).toMatch(/\/openapi\/8\/workstatusses\/\?token=/);
		expect(t.http[0].url).not.toContain('8//');
	});

	it('POSTs JSON and returns the count synced', async () => {
		const count = await outSmartRequest.call(t.ctx, {
			method: 'POST',
			endpoint: raw('/employees/'), // slashes are tolerated at run time
			body: [{ firstname: 'Anouk', lastname: "d'Hondt", number: '14' }],
		});
		expect(count).toBe(1);
		expect(sim.state.stats().upserts[0].created).toEqual(['14']);
	});

	it('gives the whole envelope including messages on success', async () => {
		const envelope = await outSmartRequestEnvelope.call(t.ctx, { endpoint: 'relations', qs: { key: 'zip', value: '1' } });
		expect(envelope).toEqual({ code: 200, messages: ['Unknown filter key: zip'], response: [] });
	});

	it('never logs the tokens', async () => {
		await outSmartRequest.call(t.ctx, { endpoint: 'relations' });
		await failure(outSmartRequest.call(t.ctx, { endpoint: raw('nope') }));
		expect(t.logs.length).toBeGreaterThan(0);
		expectNoSecrets(t.logs.join('\n'));
	});
});

describe('OutSmart codes become NodeApiErrors, also with HTTP 200', () => {
	it.each([
		[{ token: '' }, 1002, 'the token is missing'],
		[{ softwareToken: '' }, 1003, 'the software token is missing'],
		[{ token: 'wrong-token' }, 1004, 'token not authorized'],
		[{ softwareToken: 'wrong-software' }, 1005, 'software token not authorized or not matched to the token'],
	])('credential %o -> code %i', async (credentials, code, meaning) => {
		const ctx = outSmartContext(sim, { token: TOKEN, softwareToken: SOFTWARE_TOKEN, ...credentials }).ctx;
		const error = await failure(outSmartRequest.call(ctx, { endpoint: 'relations' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`OutSmart refused the request: ${meaning} (code ${code})`);
		expect(error.httpCode).toBe('200');
		expect(error.description).toContain('GET relations was answered with HTTP 200');
		expect(error.description).toContain(OUTSMART_CODES[code].hint);
		expectNoSecrets(everythingIn(error));
	});

	it('1004 tells where to copy the token from', async () => {
		const ctx = outSmartContext(sim, { token: 'wrong-token', softwareToken: SOFTWARE_TOKEN }).ctx;
		const error = await failure(outSmartRequest.call(ctx, { endpoint: 'relations' }));
		expect(error.description).toContain('Settings → Software integrations');
	});

	it('carries the envelope messages (a missing field named by OutSmart)', async () => {
		const error = await failure(
			outSmartRequest.call(t.ctx, { method: 'POST', endpoint: 'relations', body: [{ debtor_number: '9', street: 's', postal_code: 'p', city: 'c' }] }),
		);
		expect(error.message).toBe('OutSmart refused the request: a required relation field is missing (code 1301): Required field missing: name');
		expect(error.description).toContain('A relation needs name, debtor_number, street, postal_code and city.');
		expect(outSmartErrorCode(error)).toBe(1301);
		expect(outSmartErrorCode(new Error('x'))).toBeUndefined();
	});

	it('every documented code, injected as HTTP 200 envelope, gets its meaning and hint', async () => {
		const codes = Object.keys(OUTSMART_CODES).map(Number).filter((c) => c !== 200 && c !== 1007);
		for (const code of codes) {
			sim.state.clearFaults();
			sim.state.addFault({ kind: 'code', code, messages: [`detail ${code}`], times: 1 });
			const error = await failure(outSmartRequest.call(t.ctx, { endpoint: 'materials' }));
			const info = describeOutSmartCode(code);
			expect(error.message).toBe(`OutSmart refused the request: ${info.meaning} (code ${code}): detail ${code}`);
			expect(error.description).toContain(info.hint);
			expect(info.hint.length).toBeGreaterThan(10);
		}
	});

	it('describes unknown codes from their range', () => {
		expect(describeOutSmartCode(2900)).toMatchObject({ known: false, meaning: 'inserting or updating a record failed' });
		expect(describeOutSmartCode(2901)).toMatchObject({ known: false, meaning: 'a required field is missing' });
		expect(describeOutSmartCode(4242)).toMatchObject({ known: false, meaning: 'an unknown OutSmart code' });
	});

	it('a wrong base URL (no /openapi/8) gives a clear "not OutSmart" error', async () => {
		const ctx = outSmartContext(sim, { baseUrl: sim.root, token: TOKEN, softwareToken: SOFTWARE_TOKEN }).ctx;
		const error = await failure(outSmartRequest.call(ctx, { endpoint: 'relations', retry: FAST }));
		expect(error.message).toBe('OutSmart answered GET relations with HTTP 404 and no OutSmart envelope');
		expect(error.description).toContain('must end in /openapi/8');
	});

	it('unknown endpoint -> 1001; a base URL that is not a URL -> NodeOperationError', async () => {
		expect((await failure(outSmartRequest.call(t.ctx, { endpoint: raw('relationz') }))).message).toContain('unknown endpoint (code 1001)');
		const ctx = outSmartContext(sim, { baseUrl: 'out-smart.com/openapi/8' }).ctx;
		expect(await failure(outSmartRequest.call(ctx, { endpoint: 'relations' }))).toBeInstanceOf(NodeOperationError);
		expect(await failure(outSmartRequest.call(t.ctx, { endpoint: raw('../__admin/stats') }))).toBeInstanceOf(NodeOperationError);
	});
});

describe('retries: reads only', () => {
	const calls = () => sim.state.stats().callsTotal;

	it('retries a read after 1007 with HTTP 500 and succeeds', async () => {
		sim.state.addFault({ match: { path: 'relations' }, kind: 'code', code: 1007, status: 500, times: 2 });
		const relations = await outSmartRequest.call(t.ctx, { endpoint: 'relations', retry: FAST });
		expect(relations).toHaveLength(6);
		expect(calls()).toBe(3);
	});

	it('gives up after the attempts with the last error', async () => {
		sim.state.addFault({ match: { path: 'relations' }, kind: 'http', status: 503 });
		const error = await failure(outSmartRequest.call(t.ctx, { endpoint: 'relations', retry: FAST }));
		expect(calls()).toBe(3);
		expect(error.message).toBe('OutSmart answered GET relations with HTTP 503 and no OutSmart envelope');
		expect(error.httpCode).toBe('503');
		expect(error.description).toContain('(3 tries)');
	});

	it('retries a dropped connection on a read', async () => {
		sim.state.addFault({ match: { path: 'materials' }, kind: 'drop', times: 1 });
		expect(await outSmartRequest.call(t.ctx, { endpoint: 'materials', retry: FAST })).toHaveLength(6);
		expect(calls()).toBe(2);
	});

	it('retries a timeout on a read, then reports no answer', async () => {
		sim.state.addFault({ match: { path: 'hourtypes' }, kind: 'hang' });
		const error = await failure(outSmartRequest.call(t.ctx, { endpoint: 'hourtypes', timeout: 100, retry: { attempts: 2, baseDelayMs: 5 } }));
		expect(calls()).toBe(2);
		expect(error.message).toBe('OutSmart did not answer GET hourtypes: no answer within 100 ms');
		expect(error.description).toContain('Tried 2 times');
		expectNoSecrets(everythingIn(error));
	});

	it('never repeats a write whose answer was lost, and says the write may have happened', async () => {
		sim.state.addFault({ match: { path: 'PostWorkorders' }, kind: 'write-then-drop' });
		const error = await failure(
			outSmartRequest.call(t.ctx, { method: 'POST', endpoint: 'PostWorkorders', body: [workorderInput('ERP-77')], retry: FAST }),
		);
		expect(calls()).toBe(1);
		expect(sim.state.findWorkorder('ERP-77')).toBeDefined();
		expect(error.message).toMatch(/^OutSmart did not answer POST PostWorkorders: the connection failed/);
		expect(error.description).toContain('may or may not have applied this request');
		expectNoSecrets(everythingIn(error));
	});

	it('tells a write that may have happened (no answer, 5xx, 1007) from one that was refused', async () => {
		sim.state.addFault({ match: { path: 'PostWorkorders' }, kind: 'write-then-drop', times: 1 });
		const lost = await failure(outSmartRequest.call(t.ctx, { method: 'POST', endpoint: 'PostWorkorders', body: [workorderInput('ERP-78')] }));
		sim.state.addFault({ match: { path: 'relations', method: 'POST' }, kind: 'http', status: 502, times: 1 });
		const proxy = await failure(outSmartRequest.call(t.ctx, { method: 'POST', endpoint: 'relations', body: [{ name: 'x' }] }));
		sim.state.addFault({ match: { path: 'relations', method: 'POST' }, kind: 'code', code: 1007, times: 1 });
		const uncaught = await failure(outSmartRequest.call(t.ctx, { method: 'POST', endpoint: 'relations', body: [{ name: 'x' }] }));
		const refused = await failure(outSmartRequest.call(t.ctx, { method: 'POST', endpoint: 'relations', body: [{ name: 'x' }] }));
		expect([lost, proxy, uncaught, refused].map(isUncertainOutcome)).toEqual([true, true, true, false]);
		expect(isUncertainOutcome(new Error('plain'))).toBe(false);
		expect(outSmartErrorDetails(refused)).toEqual({
			code: 1301,
			messages: ['Required field missing: debtor_number', 'Required field missing: street', 'Required field missing: postal_code', 'Required field missing: city'],
		});
		expect(outSmartErrorDetails(lost)).toBeUndefined();
	});

	it('never repeats a write after 1007 or a 5xx', async () => {
		sim.state.addFault({ match: { path: 'relations', method: 'POST' }, kind: 'code', code: 1007, status: 500 });
		const error = await failure(outSmartRequest.call(t.ctx, { method: 'POST', endpoint: 'relations', body: [{ name: 'x' }], retry: FAST }));
		expect(calls()).toBe(1);
		expect(error.message).toContain('(code 1007)');
		expect(error.httpCode).toBe('500');
	});

	it('never repeats GET calls that change data: UpdateWorkorder, DeleteEntity, marking reads', async () => {
		sim.state.addFault({ kind: 'drop' });
		await failure(outSmartRequest.call(t.ctx, { endpoint: 'UpdateWorkorder', qs: { workorder_no: 'WO-2026-0001', workstatus: '002' }, retry: FAST }));
		await failure(outSmartRequest.call(t.ctx, { endpoint: 'DeleteEntity', qs: { entity: 'relation', key: 'debtor_number', value: '1' }, retry: FAST }));
		await failure(outSmartRequest.call(t.ctx, { endpoint: 'GetWorkorder', qs: { workorder_no: 'WO-2026-0004', update_status: true }, retry: FAST }));
		expect(calls()).toBe(3);
		await failure(outSmartRequest.call(t.ctx, { endpoint: 'GetWorkorders', qs: { status: 'Compleet', update_status: false }, retry: FAST }));
		expect(calls()).toBe(6);
	});

	it('isSafeToRetry', () => {
		expect(isSafeToRetry('GET', 'relations')).toBe(true);
		expect(isSafeToRetry('POST', 'relations')).toBe(false);
		expect(isSafeToRetry('GET', 'UpdateWorkorder')).toBe(false);
		expect(isSafeToRetry('GET', 'DeleteEntity')).toBe(false);
		expect(isSafeToRetry('GET', 'GetWorkorders', { update_status: 'false' })).toBe(true);
		expect(isSafeToRetry('GET', 'GetWorkorders', { update_status: true })).toBe(false);
		expect(isSafeToRetry('GET', 'GetWorkorders', {})).toBe(false);
	});
});

describe('work order reads need an explicit update_status', () => {
	it.each([['GetWorkorders'], ['GetWorkorder'], ['/getworkorders/']])('%s without update_status is refused before any call', async (endpoint) => {
		const error = await failure(outSmartRequest.call(t.ctx, { endpoint: endpoint as OutSmartEndpoint, qs: { status: 'Compleet' } } as never));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('needs an explicit update_status');
		expect(t.http).toHaveLength(0);
		expect(sim.state.stats().statusChangedByRead).toEqual([]);
	});

	it('the types refuse it too', async () => {
		// @ts-expect-error: GetWorkorders needs qs.update_status
		const error = await failure(outSmartRequest.call(t.ctx, { endpoint: 'GetWorkorders', qs: { status: 'Compleet' } }));
		expect(error).toBeInstanceOf(NodeOperationError);
	});

	it('update_status: false is sent as the literal "false"', async () => {
		await outSmartRequest.call(t.ctx, { endpoint: 'GetWorkorders', qs: { status: 'Compleet', update_status: false } });
		expect(sim.state.calls()[0].query.update_status).toBe('false');
		expect(sim.state.stats().statusChangedByRead).toEqual([]);
	});
});

describe('secrets', () => {
	it('scrubs tokens that OutSmart or a proxy echoes back', async () => {
		sim.state.addFault({ kind: 'code', code: 1004, messages: [`token ${TOKEN} unknown, url ?token=${TOKEN}&software_token=${SOFTWARE_TOKEN}`] });
		const error = await failure(outSmartRequest.call(t.ctx, { endpoint: 'relations' }));
		expect(error.message).toContain('token *** unknown');
		expectNoSecrets(everythingIn(error));
	});

	it('the harness error (like n8n) carries the tokens in its URL; ours never does', async () => {
		sim.state.addFault({ kind: 'drop' });
		const error = await failure(outSmartRequest.call(t.ctx, { method: 'POST', endpoint: 'relations', body: [] }));
		expect(error.cause).toBeUndefined();
		expectNoSecrets(everythingIn(error));
	});

	it('redactSecrets cleans an n8n request error for the node layer', async () => {
		let raw: unknown;
		try {
			await t.ctx.helpers.httpRequestWithAuthentication.call(t.ctx, 'outSmartApi', { url: `${sim.root}/nowhere`, json: true });
		} catch (error) {
			raw = error;
		}
		expect(everythingIn(raw)).toContain(TOKEN);
		const clean = redactSecrets(raw, secretList(TOKEN, SOFTWARE_TOKEN));
		expectNoSecrets(everythingIn(clean));
	});
});

describe('readEnvelope', () => {
	it('reads parsed and text envelopes, and nothing else', () => {
		expect(readEnvelope({ code: 200, messages: [], response: [] })).toEqual({ code: 200, messages: [], response: [] });
		expect(readEnvelope('{"code":"1004","messages":null,"response":null}')).toEqual({ code: 1004, messages: [], response: null });
		expect(readEnvelope('<html>')).toBeUndefined();
		expect(readEnvelope([1])).toBeUndefined();
		expect(readEnvelope({ code: 200 })).toBeUndefined();
	});
});
