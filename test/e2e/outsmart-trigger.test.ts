/**
 * The OutSmart Trigger in an active workflow of a real n8n, against the fake OutSmart: activation polls once
 * and only remembers the work orders already complete; a work order completed afterwards starts the workflow
 * on the next scheduled poll (every minute here, n8n's shortest interval), one item with full detail, and
 * the workflow marks it handled with the OutSmart node. Reads never change a status by themselves.
 * (Restarts: outsmart-trigger-restart.test.ts.)
 */
import { type OutSmartSimulator, demoSeed, startOutSmartSimulator } from '../../simulators/outsmart';
import { createN8nInstance, sleep, waitFor, type N8nInstance, type PublicExecution } from '../../scripts/n8n';
import { completedThenMarkHandled } from './triggerWorkflow';

jest.setTimeout(240_000);

const TOKEN = 'tok-e2e-trigger-51';
const SOFTWARE_TOKEN = 'sw-e2e-trigger-52';
const CREDENTIAL = { id: 'outsmartCredE2E2', name: 'OutSmart (simulator)' };

describe('OutSmart Trigger in an active workflow', () => {
	let sim: OutSmartSimulator;
	let n8n: N8nInstance;
	let workflowId: string;
	const timings: Record<string, number> = {};

	const polls = () => sim.state.calls().filter((c) => c.endpoint === 'GetWorkorders');
	const items = (execution: PublicExecution, node: string) =>
		(execution.data?.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);

	beforeAll(async () => {
		sim = await startOutSmartSimulator({ token: TOKEN, softwareToken: SOFTWARE_TOKEN, seed: demoSeed() });
		n8n = await createN8nInstance({ name: 'outsmart-trigger' });
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'outSmartApi', data: { baseUrl: sim.url, token: TOKEN, softwareToken: SOFTWARE_TOKEN } },
		]);
		workflowId = await n8n.importWorkflow({
			name: 'Completed work orders',
			...completedThenMarkHandled(n8n, CREDENTIAL, { pollTimes: { item: [{ mode: 'everyMinute' }] }, workStatus: 'GEREED', options: {} }),
		});
		await n8n.publishWorkflow(workflowId);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
		console.info(`OutSmart Trigger e2e timings (ms): ${JSON.stringify(timings)}`);
	});

	it('activation polls once and only remembers the work orders that were already complete', async () => {
		const started = Date.now();
		await n8n.start();
		await waitFor(() => polls().length >= 1, 30_000, { description: 'the activation poll' });
		timings.startToFirstPollMs = Date.now() - started;
		expect(polls()[0].query).toMatchObject({ status: 'Compleet', workstatus: 'GEREED', update_status: 'false' });
		await sleep(2_000);
		expect(await n8n.listExecutions(workflowId)).toEqual([]);
	});

	it('a newly completed work order starts the workflow on the next poll: one item, full detail, then marked handled', async () => {
		sim.state.completeWorkorder('WO-2026-0001', {
			workStatus: 'GEREED',
			workperiods: [{ WorkDate: '30-11-2026', BeginTime: '08:00', EndTime: '18:15', Break: 0, HourType: 'UUR-MONTEUR', EmployeeNr: '11' }],
			materials: [{ MaterialCode: 'THERMOSTAAT-01', MaterialNr: -1 }],
		});
		const completed = Date.now();
		const [execution] = await waitFor(async () => {
			const list = await n8n.listExecutions(workflowId);
			return list.length && list.every((e) => e.finished || e.status === 'error') ? list : undefined;
		}, 90_000, { description: 'an execution of the trigger workflow', intervalMs: 1_000 });
		timings.completedToExecutionMs = Date.now() - completed;
		expect(execution.status).toBe('success');
		expect(execution.mode).toBe('trigger');
		const [workorder] = items(execution, 'Completed');
		expect(items(execution, 'Completed')).toHaveLength(1);
		expect(workorder).toMatchObject({ WorkorderNo: 'WO-2026-0001', status: 'Compleet', WorkStatus: 'GEREED', WorkFinished: true });
		expect(workorder.Workperiods).toEqual([expect.objectContaining({ WorkDate: '2026-11-30', TotalTime: 10.25, TotalTimeText: '10:15' })]);
		expect(workorder.Materials).toEqual([expect.objectContaining({ MaterialNr: -1, MaterialPrice: 89.95 })]);
		expect(items(execution, 'Mark handled')).toEqual([{ id: workorder.id, WorkorderNo: 'WO-2026-0001', status: 'Afgehandeld', previousStatus: 'Compleet' }]);
		expect(sim.state.getWorkorder('WO-2026-0001').status).toBe('Afgehandeld');
		// Only the workflow's Mark Handled changed a status; every trigger read sent update_status=false.
		expect(sim.state.stats().statusChangedByRead.map((c) => [c.workorderNo, c.endpoint])).toEqual([['WO-2026-0001', 'GetWorkorder']]);
		expect(polls().every((c) => c.query.update_status === 'false')).toBe(true);
	});
});
