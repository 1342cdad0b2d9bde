/**
 * The OutSmart Trigger's state survives an n8n restart: with "Emit Already Completed on First Poll", the
 * activation poll emits the completed work orders (and n8n saves the state with that emit); n8n stops; a work
 * order is completed meanwhile; after the start the activation poll emits only that one. With a lost state it
 * would emit all of them again (first poll), so this fails if the state is not saved or not read back.
 */
import { type OutSmartSimulator, demoSeed, startOutSmartSimulator } from '../../simulators/outsmart';
import { createN8nInstance, sleep, waitFor, type N8nInstance, type PublicExecution } from '../../scripts/n8n';

jest.setTimeout(240_000);

const TOKEN = 'tok-e2e-restart-61';
const SOFTWARE_TOKEN = 'sw-e2e-restart-62';
const CREDENTIAL = { id: 'outsmartCredE2E3', name: 'OutSmart (simulator)' };

describe('OutSmart Trigger across an n8n restart', () => {
	let sim: OutSmartSimulator;
	let n8n: N8nInstance;
	let workflowId: string;
	const timings: Record<string, number> = {};

	const polls = () => sim.state.calls().filter((c) => c.endpoint === 'GetWorkorders');
	const emitted = (execution: PublicExecution) =>
		(execution.data?.resultData.runData.Completed?.[0]?.data?.main?.[0] ?? []).map((item) => item.json.WorkorderNo);
	const executions = async (count: number) =>
		await waitFor(async () => {
			const list = await n8n.listExecutions(workflowId);
			return list.length === count && list.every((e) => e.finished || e.status === 'error') ? list : undefined;
		}, 30_000, { description: `${count} finished execution(s)`, intervalMs: 500 });

	beforeAll(async () => {
		sim = await startOutSmartSimulator({ token: TOKEN, softwareToken: SOFTWARE_TOKEN, seed: demoSeed() });
		n8n = await createN8nInstance({ name: 'outsmart-trigger-restart' });
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'outSmartApi', data: { baseUrl: sim.url, token: TOKEN, softwareToken: SOFTWARE_TOKEN } },
		]);
		workflowId = await n8n.importWorkflow({
			name: 'Completed work orders (restart)',
			nodes: [
				{
					name: 'Completed',
					type: n8n.nodeType('outSmartTrigger'),
					typeVersion: 1,
					// A long interval: only the activation polls run during this test.
					parameters: { pollTimes: { item: [{ mode: 'everyHour', minute: 59 }] }, workStatus: 'GEREED', options: { emitExisting: true } },
					credentials: { outSmartApi: CREDENTIAL },
				},
			],
			connections: {},
		});
		await n8n.publishWorkflow(workflowId);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
		console.info(`OutSmart Trigger restart e2e timings (ms): ${JSON.stringify(timings)}`);
	});

	it('the first activation emits the work orders already complete', async () => {
		const started = Date.now();
		await n8n.start();
		const [first] = await executions(1);
		timings.startToFirstExecutionMs = Date.now() - started;
		expect(emitted(first)).toEqual(['WO-2026-0004', 'WO-2026-0005', 'WO-2026-0011']);
	});

	it('after a restart only the work order completed while n8n was down is emitted', async () => {
		await n8n.stop();
		sim.state.completeWorkorder('WO-2026-0002', { workStatus: 'GEREED' });
		const before = polls().length;
		const restarted = Date.now();
		await n8n.start();
		await waitFor(() => polls().length > before, 30_000, { description: 'the activation poll after the restart' });
		const [latest] = await executions(2);
		timings.restartToExecutionMs = Date.now() - restarted;
		expect(emitted(latest)).toEqual(['WO-2026-0002']);
		await sleep(1_000);
		expect(await n8n.listExecutions(workflowId)).toHaveLength(2);
		expect(sim.state.stats().statusChangedByRead).toEqual([]);
		expect(polls().every((c) => c.query.update_status === 'false')).toBe(true);
	});
});
