/**
 * The OutSmart Trigger against the fake OutSmart, poll by poll with one static-data object as n8n keeps it:
 * the first-poll option, no duplicates across polls and restarts (ActivePollTrigger: static data saved only
 * when a poll emits or on activation, as n8n does), a work order set back to the trigger's work status after a
 * failed export comes back, changed content comes back, work orders still complete after "Retry After" come
 * back (a dead or postponed export is never stuck), a state of the previous version is migrated, state pruned
 * to the Compleet list, manual mode leaves the state alone, ONE read per poll with update_status=false, and a
 * list of thousands.
 */
import { customerFieldsOf } from '../../../simulators/outsmart';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { OutSmartTrigger } from '../../../nodes/OutSmartTrigger/OutSmartTrigger.node';
import type { SeedWorkorder } from '../../../simulators/outsmart';
import { ActivePollTrigger } from '../../harness/activePollTrigger';
import { jsonOf, runNode, runPoll, type NodeRun } from '../../harness/context';
import { byNumber, credentials, useOutSmartSimulator } from './setup';

const trigger = new OutSmartTrigger();
const suite = useOutSmartSimulator();

const COMPLEET = ['WO-2026-0004', 'WO-2026-0005', 'WO-2026-0006', 'WO-2026-0007', 'WO-2026-0008', 'WO-2026-0011'];

/** One poll as an active workflow runs it (mode "trigger"), on the given static data. */
const poll = (staticData: IDataObject, parameters: INodeParameters = {}, mode: 'trigger' | 'manual' = 'trigger') =>
	runPoll(trigger, { parameters, credentials: credentials(suite.sim), staticData, mode });

const emitted = (run: NodeRun): string[] => {
	if (run.error) throw run.error;
	return (run.output?.[0] ?? []).map((item) => String(item.json.WorkorderNo));
};

/** The trigger in an active workflow of an n8n that can restart (static data saved as n8n saves it). */
const activeTrigger = (parameters: INodeParameters = {}) => new ActivePollTrigger(trigger, { parameters, credentials: credentials(suite.sim) });

type Seen = Record<string, [string, number]>;
const seenOf = (data: IDataObject): Seen => (data.outSmartTrigger as { seen: Seen }).seen;

const workorderReads = () => suite.sim.state.calls().filter((c) => c.endpoint === 'GetWorkorders' || c.endpoint === 'GetWorkorder');

afterEach(() => {
	expect(suite.sim.state.stats().statusChangedByRead).toEqual([]);
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

		suite.sim.state.completeWorkorder('WO-2026-0001', { workStatus: 'GEREED' });
		const next = await poll(data);
		expect(emitted(next)).toEqual(['WO-2026-0001']);
		expect((await poll(data)).output).toBeUndefined();
		expect(suite.sim.state.getWorkorder('WO-2026-0001').status).toBe('Compleet');
		// One GetWorkorders per poll, never a second read of the list or of single work orders.
		expect(workorderReads().map((c) => c.endpoint)).toEqual(['GetWorkorders', 'GetWorkorders', 'GetWorkorders', 'GetWorkorders']);
	});

	it('survives a restart: the state n8n saved keeps the emitted work orders from coming back', async () => {
		const active = activeTrigger();
		await active.poll();
		suite.sim.state.completeWorkorder('WO-2026-0002');
		expect(emitted(await active.poll())).toEqual(['WO-2026-0002']);

		active.restart();
		expect((await active.poll()).output).toBeUndefined();
		suite.sim.state.completeWorkorder('WO-2026-0003');
		active.restart();
		expect(emitted(await active.poll())).toEqual(['WO-2026-0003']);
		expect((await active.poll()).output).toBeUndefined();
	});

	it('emits a work order again after a failed export set it aside and it was set back to the trigger\'s work status', async () => {
		const node = new OutSmart();
		const data: IDataObject = {};
		const params = { workStatus: 'GEREED', options: { emitExisting: true } };
		expect(emitted(await poll(data, params))).toContain('WO-2026-0004');

		// The export fails: the workflow sets the "export failed" status with the OutSmart node.
		const failed = await runNode(node, {
			parameters: { resource: 'workorder', operation: 'setWorkStatus', workorder: byNumber('WO-2026-0004'), workStatus: 'EXPFOUT' },
			credentials: credentials(suite.sim),
		});
		expect(jsonOf(failed)[0].result).toBe('updated');
		expect((await poll(data, params)).output).toBeUndefined();
		expect(seenOf(data)).not.toHaveProperty('169827');

		// The user fixes the cause and sets it back to GEREED: it is emitted again, once.
		suite.sim.state.setWorkorderStatus('WO-2026-0004', { workStatus: 'GEREED' });
		expect(emitted(await poll(data, params))).toEqual(['WO-2026-0004']);
		expect((await poll(data, params)).output).toBeUndefined();
	});

	it('without a work status, a change of work status or of the completed content emits the work order again', async () => {
		const data: IDataObject = {};
		await poll(data);
		suite.sim.state.setWorkorderStatus('WO-2026-0008', { workStatus: 'GEREED' });
		expect(emitted(await poll(data))).toEqual(['WO-2026-0008']);

		// The technician reopened and completed it with an extra hour: new content, same status.
		suite.sim.state.completeWorkorder('WO-2026-0006', {
			workperiods: [{ WorkDate: '20-11-2026', BeginTime: '07:00', EndTime: '18:45', Break: 30, HourType: 'UUR-MONTEUR', EmployeeNr: '11' }],
		});
		const changed = await poll(data);
		expect(emitted(changed)).toEqual(['WO-2026-0006']);
		expect(((changed.output?.[0][0].json as IDataObject).Workperiods as IDataObject[])[0]).toMatchObject({ TotalTime: 11.25 });
	});

	it('links whose query string changes on every read do not count as a change', async () => {
		const data: IDataObject = {};
		await poll(data);
		suite.sim.state.update('workorders', 'WO-2026-0005', { PdfUrl: 'https://cdn.example/werkbon.pdf?signature=abc&expires=1' });
		expect((await poll(data)).output).toBeUndefined();
		suite.sim.state.update('workorders', 'WO-2026-0005', { PdfUrl: 'https://cdn.example/werkbon.pdf?signature=def&expires=2' });
		expect((await poll(data)).output).toBeUndefined();
	});

	it('forgets work orders that left the Compleet list, so the state stays as small as the list', async () => {
		const data: IDataObject = {};
		await poll(data);
		for (const no of ['WO-2026-0004', 'WO-2026-0005']) suite.sim.state.setWorkorderStatus(no, { status: 'Afgehandeld' });
		await poll(data);
		expect(Object.keys(seenOf(data)).sort()).toEqual(['169829', '169830', '169831', '169834']);
	});

	it('another work status starts over as a first poll (the option decides again)', async () => {
		const data: IDataObject = {};
		await poll(data, { workStatus: 'GEREED' });
		expect((await poll(data, { workStatus: 'EXPFOUT' })).output).toBeUndefined();
		expect(emitted(await poll({ ...data }, { workStatus: 'MATWACHT', options: { emitExisting: true } }))).toEqual(['WO-2026-0007']);
	});

	it('"Skip Work Statuses" leaves a failed export alone until someone sets another status', async () => {
		const data: IDataObject = {};
		const params = { options: { skipWorkStatuses: 'EXPFOUT, MATWACHT', emitExisting: true } };
		expect(emitted(await poll(data, params))).toEqual(['WO-2026-0004', 'WO-2026-0005', 'WO-2026-0006', 'WO-2026-0011']);
		suite.sim.state.completeWorkorder('WO-2026-0008', { workStatus: 'GEREED' });
		expect(emitted(await poll(data, params))).toEqual(['WO-2026-0008']);
	});

	it('"Only Work Orders Made In: OutSmart" leaves the work orders of the sales order and quotation flows to them', async () => {
		const template = suite.sim.state.getWorkorder('WO-2026-0005');
		const base: SeedWorkorder = customerFieldsOf(template);
		suite.sim.state.insertWorkorders(
			['VO-4711', 'OF-20260003'].map((WorkorderNo) => ({ ...base, WorkorderNo, _complete: { workStatus: 'GEREED' } })),
		);
		expect(emitted(await poll({}, { options: { emitExisting: true } }))).toEqual(expect.arrayContaining(['VO-4711', 'OF-20260003']));
		const own = emitted(await poll({}, { options: { emitExisting: true, madeIn: ['outsmart'] } }));
		expect(own).toEqual(COMPLEET);
		expect(emitted(await poll({}, { options: { emitExisting: true, madeIn: ['salesOrder'] } }))).toEqual(['VO-4711']);
	});

	it('"Only Finished Work" skips work orders completed without finishing, until they are finished', async () => {
		const data: IDataObject = {};
		const params = { options: { onlyFinished: true, emitExisting: true } };
		expect(emitted(await poll(data, params))).not.toContain('WO-2026-0007');
		suite.sim.state.completeWorkorder('WO-2026-0007', { workStatus: 'GEREED' });
		expect(emitted(await poll(data, params))).toEqual(['WO-2026-0007']);
	});
});

describe('a work order is never stuck: emitted again while still complete after "Retry After"', () => {
	const T0 = new Date('2026-11-27T10:00:00.000Z');
	/** The host's clock (only Date is faked: HTTP and the simulator's timers run for real). */
	const at = (minutes: number, seconds = 0) => jest.setSystemTime(T0.getTime() + minutes * 60_000 + seconds * 1000);
	const GEREED = ['WO-2026-0004', 'WO-2026-0005', 'WO-2026-0011'];

	beforeEach(() => {
		jest.useFakeTimers({
			doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
			now: T0,
		});
	});
	afterEach(() => jest.useRealTimers());

	it('an execution that died after the emit: the work order comes back once Retry After has passed, not at the restart, then not again once handled', async () => {
		const active = activeTrigger({ workStatus: 'GEREED' });
		expect((await active.poll()).output).toBeUndefined(); // activation: remembered only
		suite.sim.state.completeWorkorder('WO-2026-0001', { workStatus: 'GEREED' });
		at(1);
		expect(emitted(await active.poll())).toEqual(['WO-2026-0001']);

		// The execution dies (n8n killed, out of memory): nothing marks WO-2026-0001 handled. n8n starts again.
		at(3);
		active.restart();
		expect((await active.poll()).output).toBeUndefined();
		for (const minutes of [10, 30, 60]) {
			at(minutes);
			expect((await active.poll()).output).toBeUndefined();
		}
		at(61);
		const retried = await active.poll();
		expect(emitted(retried)).toEqual(['WO-2026-0001']);
		expect(retried.host.logs).toContainEqual({ level: 'info', message: expect.stringContaining('emitting 1 unchanged work order(s) again') });
		// The re-emitted item is the same work order with full detail, still Compleet.
		expect(retried.output?.[0][0].json).toMatchObject({ WorkorderNo: 'WO-2026-0001', status: 'Compleet', WorkStatus: 'GEREED' });

		// This time the export finishes and marks it handled: it leaves the list and is never emitted again.
		suite.sim.state.setWorkorderStatus('WO-2026-0001', { status: 'Afgehandeld' });
		for (const minutes of [62, 122, 200]) {
			at(minutes);
			expect((await active.poll()).output).toBeUndefined();
		}
		// Retries cost no call: one GetWorkorders per poll, nothing else.
		expect(workorderReads().map((c) => c.endpoint)).toEqual(Array(10).fill('GetWorkorders'));
	});

	it('emits a waiting work order once per interval, and only those still complete', async () => {
		const active = activeTrigger({ workStatus: 'GEREED', options: { emitExisting: true } });
		expect(emitted(await active.poll())).toEqual(GEREED);
		at(30);
		expect((await active.poll()).output).toBeUndefined();
		suite.sim.state.setWorkorderStatus('WO-2026-0004', { status: 'Afgehandeld' }); // exported meanwhile
		at(60);
		expect(emitted(await active.poll())).toEqual(['WO-2026-0005', 'WO-2026-0011']);
		at(61);
		expect((await active.poll()).output).toBeUndefined();
		at(119, 30);
		expect((await active.poll()).output).toBeUndefined();
		at(120);
		expect(emitted(await active.poll())).toEqual(['WO-2026-0005', 'WO-2026-0011']);
	});

	it('a changed work order is emitted at once, however recently it was emitted', async () => {
		const active = activeTrigger({ workStatus: 'GEREED', options: { emitExisting: true } });
		await active.poll();
		suite.sim.state.completeWorkorder('WO-2026-0005', {
			workperiods: [{ WorkDate: '22-11-2026', BeginTime: '07:00', EndTime: '12:00', Break: 0, HourType: 'UUR-MONTEUR', EmployeeNr: '11' }],
		});
		at(2);
		expect(emitted(await active.poll())).toEqual(['WO-2026-0005']);
		// Its interval starts from that emission; the others' from the first.
		at(60);
		expect(emitted(await active.poll())).toEqual(['WO-2026-0004', 'WO-2026-0011']);
		at(62);
		expect(emitted(await active.poll())).toEqual(['WO-2026-0005']);
	});

	it('Retry After 0 never emits an unchanged work order again', async () => {
		const active = activeTrigger({ workStatus: 'GEREED', options: { emitExisting: true, retryAfterMinutes: 0 } });
		expect(emitted(await active.poll())).toEqual(GEREED);
		for (const minutes of [60, 24 * 60, 30 * 24 * 60]) {
			at(minutes);
			expect((await active.poll()).output).toBeUndefined();
		}
	});

	it('work orders only remembered on the first poll are never emitted by a retry', async () => {
		const active = activeTrigger({ options: { retryAfterMinutes: 1 } });
		expect((await active.poll()).output).toBeUndefined();
		at(24 * 60);
		expect((await active.poll()).output).toBeUndefined();
		expect(Object.values(seenOf(active.staticData)).every(([, emittedAt]) => emittedAt === 0)).toBe(true);
	});

	it('a quiet poll\'s changes are lost on a restart (n8n saves on emit only): a work order that left and came back meanwhile returns with its retry', async () => {
		const node = new OutSmart();
		const active = activeTrigger({ workStatus: 'GEREED', options: { emitExisting: true } });
		expect(emitted(await active.poll())).toContain('WO-2026-0004');
		// The export fails and sets it aside; the next poll forgets it, in memory only.
		await runNode(node, {
			parameters: { resource: 'workorder', operation: 'setWorkStatus', workorder: byNumber('WO-2026-0004'), workStatus: 'EXPFOUT' },
			credentials: credentials(suite.sim),
		});
		at(1);
		expect((await active.poll()).output).toBeUndefined();
		expect(seenOf(active.staticData)).not.toHaveProperty('169827');
		expect(seenOf(active.savedStaticData)).toHaveProperty('169827');

		// n8n restarts; meanwhile the user set it back to GEREED unchanged. The saved state still has it as
		// emitted at T0, so it is not "back" (it would be without the restart) but waiting for its retry.
		active.restart();
		suite.sim.state.setWorkorderStatus('WO-2026-0004', { workStatus: 'GEREED' });
		at(2);
		expect((await active.poll()).output).toBeUndefined();
		at(60);
		expect(emitted(await active.poll())).toEqual(GEREED);
	});

	it('a state saved by the previous version is migrated: nothing emitted at the update, the waiting ones one interval later', async () => {
		// What version 1 saved for the same list: row id -> fingerprint.
		const current = activeTrigger({ workStatus: 'GEREED' });
		await current.poll();
		const v2 = current.staticData.outSmartTrigger as { scope: string; since: string; seen: Seen };
		const v1 = { version: 1, scope: v2.scope, since: v2.since, seen: Object.fromEntries(Object.entries(v2.seen).map(([id, [print]]) => [id, print])) };

		const updated = new ActivePollTrigger(trigger, { parameters: { workStatus: 'GEREED' }, credentials: credentials(suite.sim) });
		updated.staticData = { outSmartTrigger: v1 };
		expect((await updated.poll()).output).toBeUndefined(); // the first poll after the update
		expect(updated.staticData.outSmartTrigger).toMatchObject({ version: 2, scope: v1.scope, since: v1.since });
		suite.sim.state.completeWorkorder('WO-2026-0001', { workStatus: 'GEREED' });
		at(5);
		expect(emitted(await updated.poll())).toEqual(['WO-2026-0001']); // new: at once
		at(59);
		expect((await updated.poll()).output).toBeUndefined();
		at(60);
		expect(emitted(await updated.poll())).toEqual(GEREED); // still waiting one interval after the update
		at(65);
		expect(emitted(await updated.poll())).toEqual(['WO-2026-0001']);
	});
});

describe('manual mode ("Fetch Test Event")', () => {
	it('returns real, recent completed work orders and leaves the state and the statuses alone', async () => {
		const data: IDataObject = {};
		await poll(data);
		const before = JSON.stringify(data);
		suite.sim.state.completeWorkorder('WO-2026-0001');

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
		suite.sim.state.addFault({ match: { path: 'GetWorkorders' }, kind: 'code', code: 1004 });
		const run = await poll(data);
		expect(run.error?.message).toBe('OutSmart refused the request: token not authorized (code 1004)');
		expect(JSON.stringify(data)).toBe(before);
	});
});

describe('a large Compleet list', () => {
	it('3,000 work orders: one read per poll, all emitted once, none again', async () => {
		const template = suite.sim.state.getWorkorder('WO-2026-0005');
		const base: SeedWorkorder = customerFieldsOf(template);
		suite.sim.state.insertWorkorders(
			Array.from({ length: 3000 }, (_, i) => ({
				...base,
				WorkorderNo: `BULK-${String(i).padStart(5, '0')}`,
				_complete: { workStatus: 'GEREED', materials: [{ MaterialCode: 'KLEINMAT', MaterialNr: '2,5', MaterialPrice: '4,55' }] },
			})),
		);
		suite.sim.state.clearCalls();
		const data: IDataObject = {};
		const started = Date.now();
		const first = await poll(data, { workStatus: 'GEREED', options: { emitExisting: true } });
		const firstMs = Date.now() - started;
		expect(emitted(first)).toHaveLength(3003);
		const second = Date.now();
		expect((await poll(data, { workStatus: 'GEREED' })).output).toBeUndefined();
		const secondMs = Date.now() - second;
		expect(workorderReads()).toHaveLength(2);
		// Fingerprint and emission time: about 42 bytes a work order.
		expect(JSON.stringify(data).length).toBeLessThan(3003 * 45);
		console.info(`OutSmart Trigger, 3,003 work orders: first poll ${firstMs} ms, second ${secondMs} ms, state ${JSON.stringify(data).length} bytes`);
	}, 60_000);
});
