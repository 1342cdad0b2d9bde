/** Injected faults of the fake OutSmart: error codes, HTTP errors, hangs, drops, delays and lost answers. */
import { type OutSmartSimulator, demoSeed, startOutSmartSimulator } from '../../../simulators/outsmart';
import { admin, call, workorderInput } from '../outsmart/simClient';

let sim: OutSmartSimulator;

beforeAll(async () => {
	sim = await startOutSmartSimulator({ seed: 'demo' });
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.state.reset(demoSeed());
});

it('code: HTTP 200 with an error envelope, only as often as asked', async () => {
	const [fault] = (await admin(sim, 'POST', 'faults', { match: { path: 'GetWorkorders' }, kind: 'code', code: 1004, times: 1 })).json;
	expect(fault).toMatchObject({ id: expect.any(Number), fired: 0 });
	const first = await call(sim, 'GET', 'GetWorkorders/', { status: 'Compleet', update_status: 'false' });
	expect(first.status).toBe(200);
	expect(first.json).toEqual({ code: 1004, messages: [], response: null });
	expect((await call(sim, 'GET', 'GetWorkorders/', { status: 'Compleet', update_status: 'false' })).json.code).toBe(200);
	expect((await admin(sim, 'GET', 'faults')).json[0].fired).toBe(1);
	expect((await call(sim, 'GET', 'relations/')).json.code).toBe(200);
});

it('http: a non-envelope error page with the status; method and path prefix matching', async () => {
	sim.state.addFault({ match: { path: '/openapi/8/relations', method: 'POST' }, kind: 'http', status: 503 });
	expect((await call(sim, 'GET', 'relations/')).status).toBe(200);
	const answer = await call(sim, 'POST', 'relations/', {}, []);
	expect(answer.status).toBe(503);
	expect(answer.json).toBeUndefined();
	expect(answer.text).toContain('<html>');
});

it('drop: the connection closes without an answer', async () => {
	sim.state.addFault({ match: { path: 'relations' }, kind: 'drop', times: 1 });
	await expect(call(sim, 'GET', 'relations/')).rejects.toThrow();
	expect(sim.state.calls()[0]).toMatchObject({ endpoint: 'relations', outcome: 'dropped', fault: expect.any(Number) });
});

it('hang: no answer until the client gives up', async () => {
	sim.state.addFault({ kind: 'hang', times: 1 });
	await expect(call(sim, 'GET', 'relations/', {}, undefined, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
	expect((await call(sim, 'GET', 'relations/')).json.code).toBe(200);
});

it('delay: answers normally after the delay', async () => {
	sim.state.addFault({ kind: 'delay', delayMs: 120, times: 1 });
	const started = Date.now();
	expect((await call(sim, 'GET', 'employees/')).json.code).toBe(200);
	expect(Date.now() - started).toBeGreaterThanOrEqual(100);
});

it('write-then-drop: the write happens, the answer is cut off', async () => {
	sim.state.addFault({ match: { path: 'PostWorkorders' }, kind: 'write-then-drop', times: 1 });
	await expect(call(sim, 'POST', 'PostWorkorders/', {}, [workorderInput('LOST-ANSWER')])).rejects.toThrow();
	expect(sim.state.findWorkorder('LOST-ANSWER')).toBeDefined();
	expect(sim.state.calls().at(-1)).toMatchObject({ outcome: 'cut', code: 200 });
});

it('refuses faults it does not know', async () => {
	const answer = await admin(sim, 'POST', 'faults', { kind: 'explode' });
	expect(answer.status).toBe(400);
	expect(answer.json.error).toContain('Unknown fault kind');
});
