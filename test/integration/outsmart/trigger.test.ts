/**
 * The OutSmart Trigger against the fake OutSmart, poll by poll with one static-data object as n8n keeps it:
 * the first-poll option, no duplicates across polls and restarts (static data saved as JSON and loaded
 * again), a work order set back to the trigger's work status after a failed export comes back, changed
 * content comes back, state pruned to the Compleet list, manual mode leaves the state alone, ONE read per
 * poll with update_status=false, and a list of thousands.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { OutSmartTrigger } from '../../../nodes/OutSmartTrigger/OutSmartTrigger.node';
import { type OutSmartSimulator, type SeedWorkorder, demoSeed } from '../../../simulators/outsmart';
import { jsonOf, runNode, runPoll, type NodeRun } from '../../harness/context';
import { byNumber, credentials, startOutSmart } from './setup';

const trigger = new OutSmartTrigger();
let sim: OutSmartSimulator;

beforeAll(async () => {
	sim = await startOutSmart();
});
afterAll(async () => sim.close());
beforeEach(() => sim.state.reset(demoSeed()));

const COMPLEET = ['WO-2026-0004', 'WO-2026-0005', 'WO-2026-0006', 'WO-2026-0007', 'WO-2026-0008', 'WO-2026-0011'];

/** One poll as an active workflow runs it (mode "trigger"), on the given static data. */
const poll = (staticData: IDataObject, parameters: INodeParameters = {}, mode: 'trigger' | 'manual' = 'trigger') =>
	runPoll(trigger, { parameters, credentials: credentials(sim), staticData, mode });

const emitted = (run: NodeRun): string[] => {
	if (run.error) throw run.error;
	return (run.output?.[0] ?? []).map((item) => String(item.json.WorkorderNo));
};

/** n8n saves static data as JSON in its database and loads it on start. */
const restart = (staticData: IDataObject): IDataObject => JSON.parse(JSON.stringify(staticData)) as IDataObject;

const workorderReads = () => sim.state.calls().filter((c) => c.endpoint === 'GetWorkorders' || c.endpoint === 'GetWorkorder');

afterEach(() => {
	expect(sim.state.stats().statusChangedByRead).toEqual([]);
});

describe('first poll', () => {
	it('by default remembers the work orders that are already complete and emits none', async () => {
		const data: IDataObject = {};
		const first = await poll(data);
		expect(first.output).toBeUndefined();
		expect(first.error).toBeUndefined();
		expect(Object.keys((data.outSmartTrigger as { seen: object }).seen)).toHaveLength(COMPLEET.length);
		expect(workorderReads().map((c) => c.query)).toEqual([expect.objectContaining({ status: 'Compleet', update_status: 'false' })]);
	});

	it('with "Emit Already Completed on First Poll" emits them, one item each with full detail, typed', async () => {
		const run = await poll({}, { options: { emitExisting: true } });
		expect(emitted(run)).toEqual(COMPLEET);
		const wo5 = run.output?.[0][1].json as IDataObject;
		expect(wo5).toMatchObject({ id: 169828, status: 'Compleet', WorkStatus: 'GEREED', WorkDate: '2026-11-22', WorkFinished: true });
		expect((wo5.Workperiods as IDataObject[])[0]).toMatchObject({ TotalTime: 2.25, TotalTimeText: '02:15' });
		expect((wo5.Materials as IDataObject[])[1]).toMatchObject({ MaterialNr: -1, MaterialPrice: 89.95 });
	});

	it('with a work status only emits those, the way OutSmart\'s export uses a standard status', async () => {
		const run = await poll({}, { workStatus: 'GEREED', options: { emitExisting: true } });
		expect(emitted(run)).toEqual(['WO-2026-0004', 'WO-2026-0005', 'WO-2026-0011']);
		expect(workorderReads()[0].query).toMatchObject({ status: 'Compleet', workstatus: 'GEREED', update_status: 'false' });
	});
});

describe('dedupe', () => {
	it('never emits an unchanged work order twice; a newly completed one once', async () => {
		const data: IDataObject = {};
		expect(emitted(await poll(data, { options: { emitExisting: true } }))).toEqual(COMPLEET);
		expect((await poll(data)).output).toBeUndefined();

		sim.state.completeWorkorder('WO-2026-0001', { workStatus: 'GEREED' });
		const next = await poll(data);
		expect(emitted(next)).toEqual(['WO-2026-0001']);
		expect((await poll(data)).output).toBeUndefined();
		expect(sim.state.getWorkorder('WO-2026-0001').status).toBe('Compleet');
		// One GetWorkorders per poll, never a second read of the list or of single work orders.
		expect(workorderReads().map((c) => c.endpoint)).toEqual(['GetWorkorders', 'GetWorkorders', 'GetWorkorders', 'GetWorkorders']);
	});

	it('survives a restart: the state n8n saved (as JSON) keeps the emitted work orders from coming back', async () => {
		let data: IDataObject = {};
		await poll(data);
		sim.state.completeWorkorder('WO-2026-0002');
		expect(emitted(await poll(data))).toEqual(['WO-2026-0002']);

		data = restart(data);
		expect((await poll(data)).output).toBeUndefined();
		sim.state.completeWorkorder('WO-2026-0003');
		data = restart(data);
		expect(emitted(await poll(data))).toEqual(['WO-2026-0003']);
	});

	it('emits a work order again after a failed export set it aside and it was set back to the trigger\'s work status', async () => {
		const node = new OutSmart();
		const data: IDataObject = {};
		const params = { workStatus: 'GEREED', options: { emitExisting: true } };
		expect(emitted(await poll(data, params))).toContain('WO-2026-0004');

		// The export fails: the workflow sets the "export failed" status with the OutSmart node.
		const failed = await runNode(node, {
			parameters: { resource: 'workorder', operation: 'setWorkStatus', workorder: byNumber('WO-2026-0004'), workStatus: 'EXPFOUT' },
			credentials: credentials(sim),
		});
		expect(jsonOf(failed)[0].result).toBe('updated');
		expect((await poll(data, params)).output).toBeUndefined();
		expect((data.outSmartTrigger as { seen: Record<string, string> }).seen).not.toHaveProperty('169827');

		// The user fixes the cause and sets it back to GEREED: it is emitted again, once.
		sim.state.setWorkorderStatus('WO-2026-0004', { workStatus: 'GEREED' });
		expect(emitted(await poll(data, params))).toEqual(['WO-2026-0004']);
		expect((await poll(data, params)).output).toBeUndefined();
	});

	it('without a work status, a change of work status or of the completed content emits the work order again', async () => {
		const data: IDataObject = {};
		await poll(data);
		sim.state.setWorkorderStatus('WO-2026-0008', { workStatus: 'GEREED' });
		expect(emitted(await poll(data))).toEqual(['WO-2026-0008']);

		// The technician reopened and completed it with an extra hour: new content, same status.
		sim.state.completeWorkorder('WO-2026-0006', {
			workperiods: [{ WorkDate: '20-11-2026', BeginTime: '07:00', EndTime: '18:45', Break: 30, HourType: 'UUR-MONTEUR', EmployeeNr: '11' }],
		});
		const changed = await poll(data);
		expect(emitted(changed)).toEqual(['WO-2026-0006']);
		expect(((changed.output?.[0][0].json as IDataObject).Workperiods as IDataObject[])[0]).toMatchObject({ TotalTime: 11.25 });
	});

	it('links whose query string changes on every read do not count as a change', async () => {
		const data: IDataObject = {};
		await poll(data);
		sim.state.update('workorders', 'WO-2026-0005', { PdfUrl: 'https://cdn.example/werkbon.pdf?signature=abc&expires=1' });
		expect((await poll(data)).output).toBeUndefined();
		sim.state.update('workorders', 'WO-2026-0005', { PdfUrl: 'https://cdn.example/werkbon.pdf?signature=def&expires=2' });
		expect((await poll(data)).output).toBeUndefined();
	});

	it('forgets work orders that left the Compleet list, so the state stays as small as the list', async () => {
		const data: IDataObject = {};
		await poll(data);
		for (const no of ['WO-2026-0004', 'WO-2026-0005']) sim.state.setWorkorderStatus(no, { status: 'Afgehandeld' });
		await poll(data);
		const seen = (data.outSmartTrigger as { seen: Record<string, string> }).seen;
		expect(Object.keys(seen).sort()).toEqual(['169829', '169830', '169831', '169834']);
	});

	it('another work status starts over as a first poll (the option decides again)', async () => {
		const data: IDataObject = {};
		await poll(data, { workStatus: 'GEREED' });
		expect((await poll(data, { workStatus: 'EXPFOUT' })).output).toBeUndefined();
		expect(emitted(await poll({ ...data }, { workStatus: 'MATWACHT', options: { emitExisting: true } }))).toEqual(['WO-2026-0007']);
	});

	it('"Only Finished Work" skips work orders completed without finishing, until they are finished', async () => {
		const data: IDataObject = {};
		const params = { options: { onlyFinished: true, emitExisting: true } };
		expect(emitted(await poll(data, params))).not.toContain('WO-2026-0007');
		sim.state.completeWorkorder('WO-2026-0007', { workStatus: 'GEREED' });
		expect(emitted(await poll(data, params))).toEqual(['WO-2026-0007']);
	});
});

describe('manual mode ("Fetch Test Event")', () => {
	it('returns real, recent completed work orders and leaves the state and the statuses alone', async () => {
		const data: IDataObject = {};
		await poll(data);
		const before = JSON.stringify(data);
		sim.state.completeWorkorder('WO-2026-0001');

		const run = await poll(data, {}, 'manual');
		// Newest work first (last work period), at most 5.
		expect(emitted(run)).toEqual(['WO-2026-0001', 'WO-2026-0005', 'WO-2026-0011', 'WO-2026-0007', 'WO-2026-0004']);
		expect(JSON.stringify(data)).toBe(before);
		// The real poll still sees WO-2026-0001 as new.
		expect(emitted(await poll(data))).toEqual(['WO-2026-0001']);
	});

	it('says what to do when nothing is complete', async () => {
		const run = await poll({}, { workStatus: 'EXPOK' }, 'manual');
		expect(run.error?.message).toBe('No completed work orders in OutSmart to show');
		expect(run.error?.description).toContain('work status EXPOK');
	});
});

describe('errors', () => {
	it('an OutSmart code fails the poll with the code and changes no state', async () => {
		const data: IDataObject = {};
		await poll(data);
		const before = JSON.stringify(data);
		sim.state.addFault({ match: { path: 'GetWorkorders' }, kind: 'code', code: 1004 });
		const run = await poll(data);
		expect(run.error?.message).toBe('OutSmart refused the request: token not authorized (code 1004)');
		expect(JSON.stringify(data)).toBe(before);
	});
});

describe('a large Compleet list', () => {
	it('3,000 work orders: one read per poll, all emitted once, none again', async () => {
		const template = sim.state.getWorkorder('WO-2026-0005');
		const base: SeedWorkorder = {
			...Object.fromEntries(Object.entries(template).filter(([k, v]) => /^Customer|^TypeOfWork$|^PaymentMethod$/.test(k) && v !== null)),
		};
		sim.state.insertWorkorders(
			Array.from({ length: 3000 }, (_, i) => ({
				...base,
				WorkorderNo: `BULK-${String(i).padStart(5, '0')}`,
				_complete: { workStatus: 'GEREED', materials: [{ MaterialCode: 'KLEINMAT', MaterialNr: '2,5', MaterialPrice: '4,55' }] },
			})),
		);
		sim.state.clearCalls();
		const data: IDataObject = {};
		const started = Date.now();
		const first = await poll(data, { workStatus: 'GEREED', options: { emitExisting: true } });
		const firstMs = Date.now() - started;
		expect(emitted(first)).toHaveLength(3003);
		const second = Date.now();
		expect((await poll(data, { workStatus: 'GEREED' })).output).toBeUndefined();
		const secondMs = Date.now() - second;
		expect(workorderReads()).toHaveLength(2);
		expect(JSON.stringify(data).length).toBeLessThan(3003 * 30);
		console.info(`OutSmart Trigger, 3,003 work orders: first poll ${firstMs} ms, second ${secondMs} ms, state ${JSON.stringify(data).length} bytes`);
	}, 60_000);
});
