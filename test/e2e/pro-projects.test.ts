/**
 * Template 14 (projects, planning and hours) in a real n8n against the demo world of `npm start`, with the end
 * states checked on both sides: Exact projects in OutSmart, planned lines as work orders PP-<planning ID>, a line
 * moved or removed in Exact moving or cancelling its work order (reported once a technician has it), and the hours
 * of a completed work order booked once as time transactions on the project: also when Exact's answer to a write is
 * lost and when the run fails after booking, before the work order is marked handled. A second run changes nothing.
 */

import type { IDataObject } from 'n8n-workflow';
import { startDemoWorld, type DemoWorld } from '../../scripts/demo-data';
import { importDemoWorkflows, readTemplate } from '../../scripts/demo';
import { DEMO_PROJECT_CODE } from '../../scripts/demo-projects';
import { createN8nInstance, type N8nInstance } from '../../scripts/n8n';
import { planningWorkOrderNumber } from '../../nodes/mapping/projectPlanning';

jest.setTimeout(300_000);

const FILE = '14-projects-and-planning.json';
const PLAN = 'Plan work orders in OutSmart';
const BOOK = 'Book hours on the project in Exact';

describe('template 14: projects, planning and hours in a real n8n', () => {
	let world: DemoWorld;
	let n8n: N8nInstance;
	let id: string;

	const exactRecords = (entity: string) => world.exact.state.listRecords(entity) as IDataObject[];
	const workorder = (no: string) => (world.outsmart.state.findWorkorder(no) ? (world.outsmart.state.getWorkorder(no) as IDataObject) : undefined);
	const demoLines = () => exactRecords('ProjectPlanning').filter((l) => l.ProjectCode === DEMO_PROJECT_CODE);
	const hoursOf = (no: string) => exactRecords('TimeTransactions').filter((t) => String(t.Notes ?? '').startsWith(`${no} #`));
	/** An Exact date value: the Dutch wall clock of `days` from today at `hour`, written as if it were UTC. */
	const exactDay = (days: number, hour: number) => {
		const today = new Date();
		return `/Date(${Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + days, hour)})/`;
	};
	const outSmartWrites = () => world.outsmart.state.calls().filter((c) => !['GetWorkorder', 'GetWorkorders', 'relations'].includes(c.endpoint) || String(c.query.update_status) === 'true');

	beforeAll(async () => {
		world = await startDemoWorld();
		// The employees as template 07 imports them (number = Exact employee code): moves need them in OutSmart.
		world.outsmart.state.insert('employees', [
			{ number: '1', firstname: 'Jan', lastname: 'de Vries', active: '1' },
			{ number: '2', firstname: 'Ahmet', lastname: 'Yılmaz', active: '1' },
			{ number: '3', firstname: 'Sanne', lastname: 'Bakker', active: '1' },
		]);
		n8n = await createN8nInstance({ name: 'pro-projects' });
		[id] = await importDemoWorkflows(n8n, world, [readTemplate(FILE)]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await world?.close();
	});

	it('first run: the running project, its planned lines as work orders, and the completed work order\'s hours in Exact', async () => {
		const run = await n8n.execute(id);
		expect(run.error).toBeUndefined();
		expect(run.json('Create or update projects in OutSmart').map((r) => [r.key, r.outcome])).toContainEqual([DEMO_PROJECT_CODE, 'created']);
		expect((world.outsmart.state.list('projects') as IDataObject[]).find((p) => p.code === DEMO_PROJECT_CODE)).toMatchObject({
			debtor_number: '1',
			debtor_number_invoice: '1',
			name: 'Verbouwing bakkerij: nieuwe installatie',
			status: 'Actief',
			active: '1',
		});

		const [done, tomorrow, dayAfter, reserved] = demoLines();
		const planned = run.json(PLAN);
		const action = (line: IDataObject) => planned.find((r) => r.PlanningId === line.ID)?.action;
		expect([action(done), action(tomorrow), action(dayAfter), action(reserved)]).toEqual(['unchanged', 'create', 'create', 'skip']);
		expect(workorder(planningWorkOrderNumber(tomorrow.ID))).toMatchObject({
			status: 'Klaargezet',
			WorkTime: '07:00',
			EmployeeNr: '1',
			ProjectNr: DEMO_PROJECT_CODE,
			WorkDuration: '480',
			CustomerDebtorNr: '1',
			Employees: ['1'],
		});
		expect(workorder(planningWorkOrderNumber(dayAfter.ID))).toMatchObject({ WorkTime: '08:00', EmployeeNr: '2', WorkDuration: '360' });
		expect(workorder(planningWorkOrderNumber(reserved.ID))).toBeUndefined();

		const doneNo = planningWorkOrderNumber(done.ID);
		expect(run.json(BOOK)).toEqual([expect.objectContaining({ WorkorderNo: doneNo, ProjectCode: DEMO_PROJECT_CODE, hours: 4, created: 1 })]);
		expect(hoursOf(doneNo)).toEqual([expect.objectContaining({ Project: done.Project, Quantity: 4, Notes: `${doneNo} #1: Leidingen verwijderd, afgedopt` })]);
		expect(workorder(doneNo)?.status).toBe('Afgehandeld');
		// Hours go to the project, never as a sales invoice.
		expect(exactRecords('SalesInvoices').some((i) => String(i.YourRef ?? '').startsWith('PP-'))).toBe(false);
	});

	it('a second run changes nothing on either side', async () => {
		world.outsmart.state.clearCalls();
		world.exact.state.resetStats();
		const transactions = exactRecords('TimeTransactions').length;
		const run = await n8n.execute(id);
		expect(run.status).toBe('success');
		expect(run.json('Project changes in Exact')).toEqual([]);
		expect(run.json('Planning changes in Exact')).toEqual([]);
		expect(run.json('Completed planning work orders')).toEqual([]);
		expect(outSmartWrites()).toEqual([]);
		expect(exactRecords('TimeTransactions')).toHaveLength(transactions);
		// What a quiet run costs: each change stream and its deletions log, and one OutSmart read (plus the division
		// look-up, which a running n8n does once per process and `n8n execute` once per run).
		expect(world.exact.state.getStats().calls.byEndpoint).toEqual({
			'GET current/Me': 1,
			'GET sync/Project/Projects': 1,
			'GET sync/Project/ProjectPlanning': 1,
			'GET sync/Deleted': 2,
		});
		expect(world.outsmart.state.calls().map((c) => c.endpoint)).toEqual(['GetWorkorders']);
	});

	it('moves and cancels open work orders, reports a handled one; hours go in once though the answer and the run are lost', async () => {
		const [done, tomorrow, dayAfter] = demoLines();
		world.exact.state.updateRecord('ProjectPlanning', String(tomorrow.ID), { StartDate: exactDay(3, 13), EndDate: exactDay(3, 17), Employee: exactRecords('Employees').find((e) => e.Code === '2')?.ID });
		world.exact.state.deleteRecord('ProjectPlanning', String(dayAfter.ID));
		world.exact.state.updateRecord('ProjectPlanning', String(done.ID), { StartDate: exactDay(-1, 10), EndDate: exactDay(-1, 14) });
		// The seed's first planned line (made into a work order on the first run) is done: two work periods.
		const seedLine = exactRecords('ProjectPlanning').find((l) => l.ProjectCode !== DEMO_PROJECT_CODE && l.Status === 2) as IDataObject;
		const seedNo = planningWorkOrderNumber(seedLine.ID);
		world.outsmart.state.completeWorkorder(seedNo, {
			workperiods: [
				{ BeginTime: '08:00', EndTime: '12:00', Break: 0, HourType: 'ARBEID', EmployeeNr: '1' },
				{ BeginTime: '13:00', EndTime: '14:30', Break: 0, HourType: 'VOORRIJ', EmployeeNr: '1' },
			],
			materials: [],
		});
		// Exact stores the first time transaction but its answer is lost; OutSmart fails the run at marking handled.
		world.exact.state.addFault({ match: { method: 'POST', path: 'project/TimeTransactions' }, kind: 'write-then-drop', times: 1 });
		// (The planning step reads its three changed lines' work orders first: those reads pass.)
		world.outsmart.state.addFault({ match: { path: 'GetWorkorder' }, kind: 'delay', delayMs: 1, times: 3 });
		world.outsmart.state.addFault({ match: { path: 'GetWorkorder' }, kind: 'code', code: 1004, times: 1 });

		const run = await n8n.execute(id);
		expect(run.status).toBe('error');
		expect(run.error?.node?.name).toBe('Mark handled in OutSmart');
		const actions = Object.fromEntries(run.json(PLAN).map((r) => [String(r.PlanningId), [r.action, r.changes ?? null]]));
		expect(actions[String(tomorrow.ID)]).toEqual(['move', { WorkDate: expect.any(String), WorkTime: '13:00', EmployeeNr: '2' }]);
		expect(actions[String(dayAfter.ID)]).toEqual(['cancel', null]);
		expect(actions[String(done.ID)]).toEqual(['report', { WorkTime: '10:00' }]);
		expect(workorder(planningWorkOrderNumber(tomorrow.ID))).toMatchObject({ WorkTime: '13:00', EmployeeNr: '2', status: 'Klaargezet' });
		expect(workorder(planningWorkOrderNumber(dayAfter.ID))).toMatchObject({ WorkStatus: 'GEANNULEERD', status: 'Klaargezet' });
		expect(workorder(planningWorkOrderNumber(done.ID))).toMatchObject({ WorkTime: '08:00', status: 'Afgehandeld' });
		expect(hoursOf(seedNo).map((t) => [t.Notes, t.Quantity])).toEqual([
			[`${seedNo} #1`, 4],
			[`${seedNo} #2`, 1.5],
		]);
		expect(workorder(seedNo)?.status).toBe('Compleet');

		// Next run: the hours are found by their notes and not booked again; the work order is marked handled now.
		world.outsmart.state.clearCalls();
		const settle = await n8n.execute(id);
		expect(settle.error).toBeUndefined();
		expect(settle.json(BOOK)).toEqual([expect.objectContaining({ WorkorderNo: seedNo, created: 0, alreadyBooked: 2 })]);
		expect(hoursOf(seedNo)).toHaveLength(2);
		expect(workorder(seedNo)?.status).toBe('Afgehandeld');
		// The planning changes were taken in the failed run; read again, they would change nothing.
		const replanned = settle.runData[PLAN] ? settle.json(PLAN) : [];
		expect(replanned.every((r) => ['unchanged', 'report'].includes(String(r.action)))).toBe(true);
		expect(outSmartWrites().map((c) => c.endpoint)).toEqual(['GetWorkorder']);
	});
});
