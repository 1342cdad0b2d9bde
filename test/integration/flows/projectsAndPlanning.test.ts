/**
 * Flow 3 (projects and planning) as template 14 wires it, node by node against both simulators, in order:
 * Exact projects -> OutSmart projects; planned Exact planning lines -> planned work orders PP-<planning ID>; a
 * line moved or removed in Exact moves or cancels its work order while it is Klaargezet, and is only reported once
 * a technician has it; the hours of a completed project work order go back to Exact as time transactions, once.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineAccount } from '../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { ExactOnlineEmployee } from '../../../nodes/ExactOnlineEmployee/ExactOnlineEmployee.node';
import { ExactOnlineProject } from '../../../nodes/ExactOnlineProject/ExactOnlineProject.node';
import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { jsonOf, runNode } from '../../harness/context';
import { credentials as outSmartCredentials } from '../outsmart/setup';
import { upsertFromExact, useFlowSimulators } from './setup';

const world = useFlowSimulators();
const exactProject = new ExactOnlineProject();
const outSmart = new OutSmart();
const staticData: IDataObject = {};

const exact = async (parameters: IDataObject, items?: IDataObject[]) =>
	await runNode(exactProject, { parameters: parameters as never, items, credentials: world.exact.credentials(), staticData, mode: 'trigger', continueOnFail: true });
const outsmartRun = async (parameters: IDataObject, items?: IDataObject[]) =>
	await runNode(outSmart, { parameters: parameters as never, items, credentials: outSmartCredentials(world.outsmart), continueOnFail: true });

const planningChanges = async () => jsonOf(await exact({ resource: 'planning', operation: 'getChanges', syncName: 'planning', changesOptions: {} }));
const syncPlanning = async (lines: IDataObject[]) =>
	jsonOf(await outsmartRun({ resource: 'workorder', operation: 'syncFromPlanning', planningLine: '={{ $json }}', typeOfWork: 'Installatie', paymentMethod: 'op rekening' }, lines));
const workOrder = (no: string) => world.outsmart.state.getWorkorder(no) as IDataObject;
const exactLines = () => world.exact.sim.state.listRecords('ProjectPlanning') as IDataObject[];
/** An Exact date value: the Dutch wall clock written as if it were UTC. */
const exactAt = (y: number, m: number, d: number, h: number) => `/Date(${Date.UTC(y, m - 1, d, h)})/`;

beforeAll(async () => {
	// The world the flow needs in OutSmart: the relations and employees imported from Exact (templates 01 and 07).
	const accounts = jsonOf(await runNode(new ExactOnlineAccount(), { parameters: { operation: 'getMany', returnAll: true } as never, credentials: world.exact.credentials() }));
	await upsertFromExact(world.outsmart, 'relation', accounts.filter((a) => a.Status === 'C'));
	const employees = jsonOf(await runNode(new ExactOnlineEmployee(), { parameters: { operation: 'getMany', returnAll: true } as never, credentials: world.exact.credentials() }));
	await upsertFromExact(world.outsmart, 'employee', employees);
});

describe('projects: Exact -> OutSmart', () => {
	it('creates each project with code, customer, invoice customer, name, dates and active; a second run reads nothing', async () => {
		// P2025-001 runs on; P2025-002 ended in 2025 (as the seed has it).
		const running = world.exact.sim.state.listRecords('Projects').find((p) => p.Code === 'P2025-001') as IDataObject;
		world.exact.sim.state.updateRecord('Projects', String(running.ID), { EndDate: exactAt(2099, 12, 31, 0) });
		const projects = jsonOf(await exact({ resource: 'project', operation: 'getChanges', syncName: 'projects', changesOptions: {} }));
		const { stored, refused } = await upsertFromExact(world.outsmart, 'project', projects);
		expect(refused).toEqual([]);
		expect(stored.map((r) => [r.key, r.outcome])).toEqual([
			['P2025-002', 'skipped'],
			['P2025-001', 'created'],
		]);
		const p1 = (world.outsmart.state.list('projects') as IDataObject[]).find((p) => p.code === 'P2025-001');
		const exactP1 = projects.find((p) => p.Code === 'P2025-001') as IDataObject;
		expect(p1).toMatchObject({
			debtor_number: '1',
			debtor_number_invoice: '1',
			name: exactP1.Description,
			date_start: String(exactP1.StartDate).slice(0, 10),
			date_end: '2099-12-31',
			status: 'Actief',
			active: '1',
		});
		// An ended project is not created; one OutSmart has is closed when it ends.
		expect((world.outsmart.state.list('projects') as IDataObject[]).some((p) => p.code === 'P2025-002')).toBe(false);
		world.exact.sim.state.updateRecord('Projects', String(running.ID), { EndDate: exactAt(2025, 12, 31, 0) });
		const ended = jsonOf(await exact({ resource: 'project', operation: 'getChanges', syncName: 'projects', changesOptions: {} }));
		expect((await upsertFromExact(world.outsmart, 'project', ended)).stored.map((r) => [r.key, r.outcome])).toEqual([['P2025-001', 'updated']]);
		expect((world.outsmart.state.list('projects') as IDataObject[]).find((p) => p.code === 'P2025-001')).toMatchObject({ status: 'Afgesloten', active: '0', date_end: '2025-12-31' });
		expect(jsonOf(await exact({ resource: 'project', operation: 'getChanges', syncName: 'projects', changesOptions: {} }))).toEqual([]);
	});
});

describe('planning: Exact planning lines -> planned OutSmart work orders', () => {
	let planned: IDataObject[];

	it('makes work order PP-<planning ID> for each planned line (reserved ones wait), on its day, time, employee and project', async () => {
		const lines = await planningChanges();
		expect(lines).toHaveLength(4);
		const result = await syncPlanning(lines);
		expect(result.map((r) => r.action)).toEqual(['create', 'skip', 'create', 'skip']);
		planned = lines.filter((l) => l.Status === 2);
		const line = planned[0];
		const made = workOrder(`PP-${String(line.ID)}`);
		expect(made).toMatchObject({
			WorkorderNo: `PP-${String(line.ID)}`,
			status: 'Klaargezet',
			WorkDate: `${String(line.StartDate).slice(8, 10)}-${String(line.StartDate).slice(5, 7)}-${String(line.StartDate).slice(0, 4)}`,
			WorkTime: String(line.StartDate).slice(11, 16),
			EmployeeNr: line.EmployeeCode,
			ProjectNr: line.ProjectCode,
			WorkDuration: '480',
			CustomerDebtorNr: line.AccountCode,
			InternalWorkDescription: 'Uursoort: ARBEID - Arbeid monteur',
		});
		expect(made.Employees).toEqual([line.EmployeeCode]);
	});

	it('a second run with the same lines changes nothing', async () => {
		expect(await planningChanges()).toEqual([]);
		world.outsmart.state.clearCalls();
		const again = await syncPlanning(planned);
		expect(again.map((r) => r.action)).toEqual(['unchanged', 'unchanged']);
		const writes = world.outsmart.state.calls().filter((c) => c.endpoint !== 'GetWorkorder');
		expect(writes).toEqual([]);
	});

	it('moves a work order whose line moved (day, time, employee) and cancels one whose line was removed', async () => {
		const [moved, removed] = planned;
		world.exact.sim.state.updateRecord('ProjectPlanning', String(moved.ID), { StartDate: exactAt(2025, 3, 12, 13), EndDate: exactAt(2025, 3, 12, 17), Employee: exactLines().find((l) => l.EmployeeCode === '3')?.Employee });
		world.exact.sim.state.deleteRecord('ProjectPlanning', String(removed.ID));
		const changes = await planningChanges();
		const result = await syncPlanning(changes);
		expect(result.map((r) => [r.WorkorderNo, r.action])).toEqual([
			[`PP-${String(moved.ID)}`, 'move'],
			[`PP-${String(removed.ID)}`, 'cancel'],
		]);
		expect(workOrder(`PP-${String(moved.ID)}`)).toMatchObject({ WorkDate: '12-03-2025', WorkTime: '13:00', EmployeeNr: '3' });
		expect(workOrder(`PP-${String(removed.ID)}`)).toMatchObject({ WorkStatus: 'GEANNULEERD', status: 'Klaargezet' });
		expect((world.outsmart.state.list('workstatusses') as IDataObject[]).find((s) => s.sta_code === 'GEANNULEERD')).toMatchObject({ sta_name: 'Geannuleerd in Exact' });
		expect((await syncPlanning(changes)).map((r) => r.action)).toEqual(['unchanged', 'unchanged']);
	});

	it('once a technician has the work order, a move in Exact is reported, not applied', async () => {
		const [moved] = planned;
		const no = `PP-${String(moved.ID)}`;
		world.outsmart.state.setWorkorderStatus(no, { status: 'Opgehaald' });
		world.exact.sim.state.updateRecord('ProjectPlanning', String(moved.ID), { StartDate: exactAt(2025, 3, 14, 8), EndDate: exactAt(2025, 3, 14, 12) });
		const [report] = await syncPlanning(await planningChanges());
		expect(report).toMatchObject({ WorkorderNo: no, action: 'report', changes: { WorkDate: '2025-03-14', WorkTime: '08:00' }, status: 'Opgehaald' });
		expect(String(report.reason)).toMatch(/not moved, settle it in OutSmart/);
		expect(workOrder(no)).toMatchObject({ WorkDate: '12-03-2025', WorkTime: '13:00' });
	});

	it('a line whose customer is not in OutSmart says what to fix; the other lines go on', async () => {
		const [line] = exactLines();
		const result = await syncPlanning([{ ...line, ID: '00000000-0000-0000-0000-00000000abcd', Status: 2, AccountCode: '999', StartDate: '2025-05-01T08:00:00.000+02:00' }, { Status: 2 }]);
		expect(result[0].error).toBe('Relation 999 is not in OutSmart');
		expect(result[1].error).toBe('Planning Line is not an Exact planning line');
	});
});

describe('hours back: a completed project work order -> Exact time transactions, once', () => {
	it('books each work period on the project with the work order number in the notes; a second run books nothing', async () => {
		const [line] = exactLines();
		const no = `PP-${String(line.ID).toLowerCase()}`;
		world.outsmart.state.completeWorkorder(no, {
			workperiods: [
				{ WorkDate: '12-03-2025', BeginTime: '13:00', EndTime: '17:30', Break: 30, HourType: 'ARBEID', EmployeeNr: '3', WorkRemark: 'Badkamer betegeld' },
				{ WorkDate: '13-03-2025', BeginTime: '08:00', EndTime: '10:00', Break: 0, HourType: 'ARBEID', EmployeeNr: '1' },
			],
			materials: [],
		});
		const completed = jsonOf(await outsmartRun({ resource: 'workorder', operation: 'getMany', status: 'Compleet', returnAll: true, options: { madeIn: ['projectPlanning'] } }));
		expect(completed.map((w) => w.WorkorderNo)).toEqual([no]);
		const book = async () => jsonOf(await exact({ resource: 'timeTransaction', operation: 'createFromWorkOrder', workOrder: '={{ $json }}' }, completed));
		expect(await book()).toEqual([expect.objectContaining({ WorkorderNo: no, ProjectCode: line.ProjectCode, hours: 6, created: 2, alreadyBooked: 0 })]);
		const booked = (world.exact.sim.state.listRecords('TimeTransactions') as IDataObject[]).filter((t) => String(t.Notes ?? '').startsWith(no));
		expect(booked.map((t) => [t.Notes, t.Quantity, t.Project])).toEqual([
			[`${no} #1: Badkamer betegeld`, 4, line.Project],
			[`${no} #2`, 2, line.Project],
		]);
		expect(await book()).toEqual([expect.objectContaining({ created: 0, alreadyBooked: 2 })]);
		expect((world.exact.sim.state.listRecords('TimeTransactions') as IDataObject[]).filter((t) => String(t.Notes ?? '').startsWith(no))).toHaveLength(2);
		// Not a sales invoice: the export of template 05 leaves work orders of this flow alone.
		expect((world.exact.sim.state.listRecords('SalesInvoices') as IDataObject[]).filter((i) => i.YourRef === no)).toEqual([]);
	});
});
