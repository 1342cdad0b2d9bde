/**
 * Exact Online Project against the Exact simulator: projects and planning (Get, Get Many with filters, Get
 * Changes over runs with deletions), time transactions (Create, Get Many), and Create From OutSmart Work Order
 * booking each work period once, also when Exact's answer to a write is lost.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineProject } from '../../../../nodes/ExactOnlineProject/ExactOnlineProject.node';
import { PROJECT, PROJECT_PLANNING, TIME_TRANSACTION } from '../../../../nodes/ExactOnlineApi/entity/definitions';
import { jsonOf } from '../../../harness/context';
import { callsOf, endpointsOf, ISO_WITH_OFFSET, rl, useEntitySimulator } from './setup';

const suite = useEntitySimulator(new ExactOnlineProject());
const { run } = suite;
const state = () => suite.exact.sim.state;
const project = (parameters: IDataObject, extra = {}) => run({ resource: 'project', ...parameters }, extra);
const planning = (parameters: IDataObject, extra = {}) => run({ resource: 'planning', ...parameters }, extra);
const time = (parameters: IDataObject, extra = {}) => run({ resource: 'timeTransaction', ...parameters }, extra);
/** An Exact date value: the Dutch wall clock written as if it were UTC. */
const exactDay = (y: number, m: number, d: number, h = 0) => `/Date(${Date.UTC(y, m - 1, d, h)})/`;
const byCode = (entity: string, code: string) => state().listRecords(entity).find((r) => String(r.Code ?? '').trim() === code) as IDataObject;

describe('Exact Online Project: projects', () => {
	it('gets a project by code with one call and the fields the flow maps', async () => {
		const result = await project({ operation: 'get', project: rl('code', 'P2025-001') });
		expect(jsonOf(result)).toEqual([expect.objectContaining({ Code: 'P2025-001', AccountCode: '1', AccountName: "Bakkerij 't Hoekje" })]);
		expect(String(jsonOf(result)[0].StartDate)).toMatch(ISO_WITH_OFFSET);
		expect(endpointsOf(result)).toEqual(['GET project/Projects']);
		expect(callsOf(result)[0].query.$select.split(',')).toEqual(PROJECT.fields);
		expect((await project({ operation: 'get', project: rl('code', 'P9') })).error?.message).toBe("Project 'P9' not found in administration 1234567");
	});

	it('lists projects by code, description, or open only (ended ones left out)', async () => {
		const all = await project({ operation: 'getMany', returnAll: true });
		expect(jsonOf(all).map((p) => p.Code)).toEqual(['P2025-001', 'P2025-002']);
		const quoted = await project({ operation: 'getMany', returnAll: true, filters: { code: "P'1" } });
		expect(callsOf(quoted)[0].query.$filter).toBe("Code eq 'P''1'");
		expect(jsonOf(quoted)).toEqual([]);
		const second = byCode('Projects', 'P2025-002');
		state().updateRecord('Projects', String(byCode('Projects', 'P2025-001').ID), { EndDate: exactDay(2099, 12, 31) });
		state().updateRecord('Projects', String(second.ID), { EndDate: exactDay(2020, 1, 1) });
		const open = await project({ operation: 'getMany', returnAll: true, filters: { openOnly: true } });
		expect(jsonOf(open).map((p) => p.Code)).toEqual(['P2025-001']);
		const described = await project({ operation: 'getMany', returnAll: true, filters: { descriptionContains: String(second.Description).slice(0, 12) } });
		expect(jsonOf(described).map((p) => p.Code)).toContain('P2025-002');
	});

	it('Get Changes: all projects, then nothing, then a changed and a deleted one', async () => {
		const staticData: IDataObject = {};
		const sync = async () => await project({ operation: 'getChanges', changesOptions: {} }, { staticData });
		const first = await sync();
		expect(jsonOf(first).map((p) => [p.Code, p.changeType])).toEqual([
			['P2025-001', 'changed'],
			['P2025-002', 'changed'],
		]);
		expect(endpointsOf(first)).toEqual(['GET sync/Project/Projects', 'GET sync/Deleted']);
		expect(jsonOf(await sync())).toEqual([]);
		const [one, two] = [byCode('Projects', 'P2025-001'), byCode('Projects', 'P2025-002')];
		state().updateRecord('Projects', String(one.ID), { Description: 'Renovatie badkamer (fase 2)' });
		state().deleteRecord('Projects', String(two.ID));
		const later = jsonOf(await sync());
		expect(later).toEqual([
			expect.objectContaining({ Code: 'P2025-001', Description: 'Renovatie badkamer (fase 2)', changeType: 'changed' }),
			expect.objectContaining({ ID: two.ID, Code: 'P2025-002', changeType: 'deleted' }),
		]);
	});
});

describe('Exact Online Project: planning', () => {
	it('gets a line by ID, and lists planned or reserved lines of a project in a window', async () => {
		const [line] = state().listRecords('ProjectPlanning');
		const one = await planning({ operation: 'get', planningLine: rl('id', String(line.ID)) });
		expect(jsonOf(one)).toEqual([expect.objectContaining({ ID: line.ID, EmployeeCode: '1', HourTypeCode: 'ARBEID', Hours: 8, Status: 2 })]);
		expect(callsOf(one)[0].query.$select.split(',')).toEqual(PROJECT_PLANNING.fields);

		const planned = await planning({ operation: 'getMany', returnAll: true, filters: { status: '2' } });
		expect(jsonOf(planned).every((l) => l.Status === 2)).toBe(true);
		expect(jsonOf(planned)).toHaveLength(2);
		const ofProject = await planning({ operation: 'getMany', returnAll: true, filters: { project: String(line.Project), status: 'any' } });
		expect(jsonOf(ofProject).map((l) => l.Status)).toEqual([2, 1]);
		expect(callsOf(ofProject)[0].query.$filter).toBe(`Project eq guid'${String(line.Project)}'`);
		const none = await planning({ operation: 'getMany', returnAll: true, filters: { from: '2099-01-01T00:00:00' } });
		expect(jsonOf(none)).toEqual([]);
	});

	it('Get Changes hands out a moved line and a removed one (sync/Deleted type 26)', async () => {
		const staticData: IDataObject = {};
		const sync = async () => await planning({ operation: 'getChanges', changesOptions: {} }, { staticData });
		expect(jsonOf(await sync())).toHaveLength(4);
		const [moved, removed] = state().listRecords('ProjectPlanning');
		state().updateRecord('ProjectPlanning', String(moved.ID), { StartDate: exactDay(2025, 1, 10, 10), EndDate: exactDay(2025, 1, 10, 14), Hours: 4 });
		state().deleteRecord('ProjectPlanning', String(removed.ID));
		const changes = jsonOf(await sync());
		expect(changes).toEqual([
			expect.objectContaining({ ID: moved.ID, Hours: 4, changeType: 'changed' }),
			expect.objectContaining({ ID: removed.ID, changeType: 'deleted' }),
		]);
		expect(String(changes[0].StartDate)).toMatch(/^2025-01-10T10:00:00\.000\+01:00$/);
	});
});

describe('Exact Online Project: time transactions', () => {
	it('books hours by codes (three look-ups and one write) and lists them by project and notes', async () => {
		const created = await time({
			operation: 'create',
			timeProject: rl('code', 'P2025-002'),
			employee: rl('code', '2'),
			hourType: rl('code', 'ARBEID'),
			date: '2025-06-02',
			quantity: 2.5,
			additionalFields: { Notes: 'Extra werk', StartTime: '2025-06-02T08:00:00', EndTime: '2025-06-02T10:30:00' },
		});
		expect(jsonOf(created)).toEqual([expect.objectContaining({ ProjectCode: 'P2025-002', Quantity: 2.5, Notes: 'Extra werk', ItemDescription: 'Arbeid monteur' })]);
		expect(String(jsonOf(created)[0].Date)).toMatch(/^2025-06-02T00:00:00\.000\+02:00$/);
		expect(endpointsOf(created)).toEqual(['GET project/Projects', 'GET payroll/Employees', 'GET logistics/Items', 'POST project/TimeTransactions']);

		const listed = await time({ operation: 'getMany', returnAll: true, filters: { projectCode: 'P2025-002', notesContain: 'extra' } });
		expect(jsonOf(listed).map((t) => t.Notes)).toEqual(['Extra werk']);
		expect(callsOf(listed)[0].query.$select.split(',')).toEqual(TIME_TRANSACTION.fields);
		const all = await time({ operation: 'getMany', returnAll: true, filters: { projectCode: 'P2025-002' } });
		expect(jsonOf(all)).toHaveLength(6);
	});

	it('refuses a goods item as hour type with Exact\'s message', async () => {
		const result = await time({ operation: 'create', timeProject: rl('code', 'P2025-001'), employee: rl('code', '1'), hourType: rl('code', 'KK-12'), date: '2025-06-02', quantity: 1 });
		expect(result.error?.message).toMatch(/KK-12 is not a time item/);
	});
});

const workOrder = (extra: IDataObject = {}): IDataObject => ({
	WorkorderNo: 'PP-abc',
	ProjectNr: 'P2025-001',
	status: 'Compleet',
	Workperiods: [
		{ WorkDate: '03-06-2025', BeginTime: '08:00', EndTime: '12:15', Break: 15, TotalTime: '04:00', HourType: 'ARBEID', EmployeeNr: '1', WorkRemark: 'Leidingen gelegd' },
		{ WorkDate: '03-06-2025', BeginTime: '12:15', EndTime: '12:15', TotalTime: '00:00', HourType: 'VOORRIJ', EmployeeNr: '1' },
		{ WorkDate: '04-06-2025', BeginTime: '07:30', EndTime: '09:00', TotalTime: '01:30', HourType: '', EmployeeNr: '2' },
	],
	...extra,
});

describe('Exact Online Project: Create From OutSmart Work Order', () => {
	const book = (items: IDataObject[], options: IDataObject = { fallbackHourType: 'ARBEID' }) =>
		run({ resource: 'timeTransaction', operation: 'createFromWorkOrder', workOrder: '={{ $json }}', timeOptions: options }, { items, continueOnFail: true } as never);
	const booked = (no: string) => state().listRecords('TimeTransactions').filter((t) => String(t.Notes ?? '').startsWith(`${no} #`));

	it('books each work period with time on the project, once: a second run finds them by the notes and writes nothing', async () => {
		const first = await book([workOrder()]);
		expect(jsonOf(first)).toEqual([expect.objectContaining({ WorkorderNo: 'PP-abc', ProjectCode: 'P2025-001', hours: 5.5, created: 2, alreadyBooked: 0 })]);
		const rows = booked('PP-abc');
		expect(rows.map((t) => [t.Notes, t.Quantity])).toEqual([
			['PP-abc #1: Leidingen gelegd', 4],
			['PP-abc #3', 1.5],
		]);
		expect(rows.map((t) => t.Project)).toEqual([byCode('Projects', 'P2025-001').ID, byCode('Projects', 'P2025-001').ID]);
		expect(endpointsOf(first).filter((e) => e.startsWith('POST'))).toHaveLength(2);

		const again = await book([workOrder()]);
		expect(jsonOf(again)).toEqual([expect.objectContaining({ created: 0, alreadyBooked: 2 })]);
		expect(endpointsOf(again)).toEqual(['GET project/Projects', 'GET project/TimeTransactions']);
		expect(booked('PP-abc')).toHaveLength(2);
	});

	it('a write whose answer is lost is found by the read-back, not written again; a later run books only what is missing', async () => {
		state().addFault({ match: { method: 'POST', path: 'project/TimeTransactions' }, kind: 'write-then-drop', times: 1 });
		const first = await book([workOrder()]);
		expect(jsonOf(first)).toEqual([expect.objectContaining({ created: 2 })]);
		expect(booked('PP-abc')).toHaveLength(2);

		state().deleteRecord('TimeTransactions', String(booked('PP-abc')[1].ID));
		state().addFault({ match: { method: 'POST', path: 'project/TimeTransactions' }, kind: 'drop', times: 1 });
		const lost = await book([workOrder()]);
		expect(lost.output?.[0][0].json.error).toMatch(/did not confirm the time transaction of work order PP-abc, work period 3/);
		expect(booked('PP-abc')).toHaveLength(1);
		const settled = await book([workOrder()]);
		expect(jsonOf(settled)).toEqual([expect.objectContaining({ created: 1, alreadyBooked: 1 })]);
		expect(booked('PP-abc').map((t) => t.Notes)).toEqual(['PP-abc #1: Leidingen gelegd', 'PP-abc #3']);
	});

	it('looks up the projects, employees and hour types of the whole run at once: 10 work orders, 13 reads', async () => {
		const account = byCode('Projects', 'P2025-001').Account;
		const orders = Array.from({ length: 10 }, (_, n) => {
			state().insertRecord('Projects', { Code: `P-RUN-${n}`, Description: `Project ${n}`, Account: account });
			state().insertRecord('Employees', { Code: String(100 + n), FirstName: 'Monteur', LastName: String(n) });
			return workOrder({
				WorkorderNo: `PP-run-${n}`,
				ProjectNr: `P-RUN-${n}`,
				Workperiods: [{ WorkDate: '03-06-2025', TotalTime: '02:00', HourType: n % 2 ? 'VOORRIJ' : 'ARBEID', EmployeeNr: String(100 + n) }],
			});
		});
		const first = await book(orders);
		expect(jsonOf(first).map((o) => [o.WorkorderNo, o.created])).toEqual(orders.map((o) => [o.WorkorderNo, 1]));
		const reads = endpointsOf(first).filter((e) => e.startsWith('GET'));
		// One read per entity for the run (10 codes, under 20 a call), one read of the written periods per work order.
		expect(reads.filter((e) => e !== 'GET project/TimeTransactions')).toEqual(['GET project/Projects', 'GET payroll/Employees', 'GET logistics/Items']);
		expect(reads).toHaveLength(13);
		expect(state().listRecords('TimeTransactions').filter((t) => String(t.Notes ?? '').startsWith('PP-run-')).map((t) => t.Employee)).toEqual(
			orders.map((_, n) => byCode('Employees', String(100 + n)).ID),
		);

		// An unknown employee in the run refuses only its own work order, with the reason; the known ones are booked.
		const mixed = await book([
			workOrder({ WorkorderNo: 'PP-mix-1', ProjectNr: 'P-RUN-1', Workperiods: [{ WorkDate: '05-06-2025', TotalTime: '01:00', HourType: 'ARBEID', EmployeeNr: '999' }] }),
			workOrder({ WorkorderNo: 'PP-mix-2', ProjectNr: 'P-RUN-2', Workperiods: [{ WorkDate: '05-06-2025', TotalTime: '01:00', HourType: 'ARBEID', EmployeeNr: '102' }] }),
			...orders,
		]);
		const out = mixed.output?.[0].map((i) => i.json) ?? [];
		expect(out[0].error).toBe('work order PP-mix-1: employee 999 not found in Exact');
		expect(out[1]).toEqual(expect.objectContaining({ WorkorderNo: 'PP-mix-2', created: 1 }));
		expect(out.slice(2).map((o) => [o.created, o.alreadyBooked])).toEqual(orders.map(() => [0, 1]));
		expect(endpointsOf(mixed).filter((e) => !e.endsWith('TimeTransactions'))).toEqual(['GET project/Projects', 'GET payroll/Employees', 'GET logistics/Items']);
	});

	it('says per work order what to fix and writes nothing for it; the others go on', async () => {
		const result = await book([
			workOrder({ WorkorderNo: 'PP-none', ProjectNr: '', Workperiods: [] }),
			workOrder({ WorkorderNo: 'PP-unknown', ProjectNr: 'P-404', Workperiods: [{ WorkDate: '03-06-2025', TotalTime: '01:00', HourType: 'ARBEID', EmployeeNr: '1' }] }),
			workOrder({ WorkorderNo: 'PP-who', Workperiods: [{ WorkDate: '03-06-2025', TotalTime: '01:00', HourType: 'ARBEID', EmployeeNr: '77' }] }),
			workOrder({ WorkorderNo: 'PP-ok' }),
		], {});
		const out = result.output?.[0].map((i) => i.json) ?? [];
		expect(out[0].error).toMatch(/PP-none: The work order has no project/);
		expect(out[1].error).toBe('Project P-404 on work order PP-unknown not found in Exact');
		expect(out[2].error).toBe('work order PP-who: employee 77 not found in Exact');
		expect(out[3].error).toMatch(/Work period 3 has no hour type/);
		expect(state().listRecords('TimeTransactions').filter((t) => String(t.Notes ?? '').startsWith('PP-'))).toEqual([]);
	});
});
