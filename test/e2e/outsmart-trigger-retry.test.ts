/**
 * A work order is never stuck, in a real n8n: the OutSmart Trigger (every minute, Retry After 1 minute) emits a
 * completed work order at activation into "Mark handled", whose OutSmart call hangs (an injected fault), and n8n
 * is SIGKILLed while that execution is in flight. After the restart the activation poll does NOT emit it again
 * (its last emission is less than a minute old: n8n saved the state with the emit); the first scheduled poll at
 * least a minute after the emission does, exactly once, and that execution marks it handled.
 * Wall time about 1.5-2.5 minutes (the restart after a crash waits 10 s; the re-emission waits for the minute).
 */
import { type OutSmartSimulator, demoSeed, startOutSmartSimulator } from '../../simulators/outsmart';
import { createN8nInstance, sleep, waitFor, type N8nInstance, type PublicExecution } from '../../scripts/n8n';
import { completedThenMarkHandled } from './triggerWorkflow';
import { POLL_JITTER_SECONDS } from '../../nodes/OutSmartTrigger/dedupe';

jest.setTimeout(300_000);

const TOKEN = 'tok-e2e-retry-71';
const SOFTWARE_TOKEN = 'sw-e2e-retry-72';
const CREDENTIAL = { id: 'outsmartCredE2E4', name: 'OutSmart (simulator)' };
const WORKORDER = 'WO-2026-0004';

describe('OutSmart Trigger: a work order whose execution died is emitted again after Retry After', () => {
	let sim: OutSmartSimulator;
	let n8n: N8nInstance;
	let workflowId: string;
	const timings: Record<string, number> = {};

	const calls = (endpoint: string) => sim.state.calls().filter((c) => c.endpoint === endpoint);
	const atMs = (call: { at: string }) => Date.parse(call.at);
	const emitted = (execution: PublicExecution) =>
		(execution.data?.resultData.runData.Completed?.[0]?.data?.main?.[0] ?? []).map((item) => item.json.WorkorderNo);

	beforeAll(async () => {
		sim = await startOutSmartSimulator({ token: TOKEN, softwareToken: SOFTWARE_TOKEN, seed: demoSeed() });
		// One work order ready for export (GEREED); the demo's other two are handled already.
		for (const no of ['WO-2026-0005', 'WO-2026-0011']) sim.state.setWorkorderStatus(no, { status: 'Afgehandeld' });
		n8n = await createN8nInstance({ name: 'outsmart-trigger-retry' });
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'outSmartApi', data: { baseUrl: sim.url, token: TOKEN, softwareToken: SOFTWARE_TOKEN } },
		]);
		workflowId = await n8n.importWorkflow({
			name: 'Export work orders (retry)',
			...completedThenMarkHandled(n8n, CREDENTIAL, {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				workStatus: 'GEREED',
				options: { emitExisting: true, retryAfterMinutes: 1 },
			}),
		});
		await n8n.publishWorkflow(workflowId);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
		console.info(`OutSmart Trigger retry e2e timings (ms): ${JSON.stringify(timings)}`);
	});

	it('emits it once after the retry interval, not at the restart, and the second execution marks it handled', async () => {
		const started = Date.now();
		// The export's first OutSmart call never answers: the execution stays in flight.
		sim.state.addFault({ match: { path: 'GetWorkorder' }, kind: 'hang', times: 1 });
		await n8n.start();
		const hung = await waitFor(() => calls('GetWorkorder')[0], 60_000, { description: 'the first execution calling OutSmart' });
		const firstEmission = atMs(calls('GetWorkorders')[0]); // the activation poll that emitted
		timings.startToInFlightMs = Date.now() - started;
		expect(hung.outcome).toBe('hung');
		expect(sim.state.getWorkorder(WORKORDER).status).toBe('Compleet');

		await n8n.kill();
		const killedAt = Date.now();
		const pollsBefore = calls('GetWorkorders').length;
		await n8n.start();
		timings.killToReadyMs = Date.now() - killedAt;
		// Activation polls at once: the work order is still complete, but its emission is under a minute old.
		await waitFor(() => calls('GetWorkorders').length > pollsBefore, 30_000, { description: 'the activation poll after the restart' });
		const activationPoll = calls('GetWorkorders')[pollsBefore];
		expect(atMs(activationPoll) - firstEmission).toBeLessThan(55_000);
		await sleep(3_000);
		expect(calls('GetWorkorder')).toHaveLength(1);

		// The first scheduled poll a minute or more after the emission emits it again, and the flow finishes.
		const handled = await waitFor(() => sim.state.getWorkorder(WORKORDER).status === 'Afgehandeld', 150_000, {
			description: `${WORKORDER} marked handled by a second execution`,
			intervalMs: 500,
		});
		expect(handled).toBe(true);
		timings.emissionToRetryHandledMs = Date.now() - firstEmission;
		const retryCall = calls('GetWorkorder')[1];
		const retryPoll = calls('GetWorkorders').filter((c) => c.seq < retryCall.seq).at(-1)!;
		// Retried once the interval passed, within the trigger's slack for poll timing (POLL_JITTER_SECONDS). These are
		// the simulator's request times; the trigger dates the emission when it has handled the first poll's answer,
		// a second or two later on a busy machine (a clean-clone CI run measured 54.3 s), hence the margin.
		expect(atMs(retryPoll) - firstEmission).toBeGreaterThanOrEqual(60_000 - POLL_JITTER_SECONDS * 1000 - 3_000);
		const quietPolls = calls('GetWorkorders').filter((c) => c.seq >= activationPoll.seq && c.seq < retryPoll.seq);
		expect(quietPolls.length).toBeGreaterThanOrEqual(1);

		const executions = await waitFor(async () => {
			const list = await n8n.listExecutions(workflowId);
			return list.some((e) => e.status === 'success') ? list : undefined;
		}, 30_000, { description: 'the successful retry execution', intervalMs: 500 });
		const after = executions.filter((e) => Date.parse(e.startedAt) >= killedAt);
		// Exactly once more: one execution since the restart, with the work order, which succeeded.
		expect(after.map((e) => [e.status, emitted(e)])).toEqual([['success', [WORKORDER]]]);
		const killed = executions.filter((e) => Date.parse(e.startedAt) < killedAt);
		expect(killed).toHaveLength(1);
		expect(killed[0].status).not.toBe('success');
		// Every trigger read left statuses alone; only the second execution's Mark Handled set Afgehandeld.
		expect(calls('GetWorkorders').every((c) => c.query.update_status === 'false')).toBe(true);
		expect(sim.state.stats().statusChangedByRead.map((c) => [c.workorderNo, c.endpoint])).toEqual([[WORKORDER, 'GetWorkorder']]);
		timings.totalMs = Date.now() - started;
		timings.pollsAfterRestart = calls('GetWorkorders').length - pollsBefore;
	});
});
