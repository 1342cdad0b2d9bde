/**
 * The OutSmart node's work orders against the fake OutSmart: reads by status and work status that never change
 * a status (update_status=false on every read), Get by number or row id, Create with lines, periods,
 * employees and planning (values round-trip), Update, Set Work Status, Mark Handled.
 */
import { customerFieldsOf } from '../../../simulators/outsmart';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { jsonOf, runNode, type RunOptions } from '../../harness/context';
import { byNumber, byRowId, credentials, useOutSmartSimulator } from './setup';

const node = new OutSmart();
const suite = useOutSmartSimulator();

const run = (parameters: INodeParameters, extra: Partial<RunOptions> = {}) =>
	runNode(node, { parameters: { resource: 'workorder', ...parameters }, credentials: credentials(suite.sim), ...extra });

const statusOf = (no: string) => suite.sim.state.getWorkorder(no).status;
const reads = () => suite.sim.state.calls().filter((c) => c.endpoint === 'GetWorkorders' || c.endpoint === 'GetWorkorder');
const numbers = (records: IDataObject[]) => records.map((r) => r.WorkorderNo);

afterEach(() => {
	// Whatever a test did, no read may have changed a status, and every read sent update_status explicitly.
	expect(suite.sim.state.stats().statusChangedByRead.filter((c) => !c.explicit)).toEqual([]);
	expect(reads().every((c) => c.query.update_status !== undefined)).toBe(true);
});

describe('reading', () => {
	it.each([
		['Klaargezet', ['WO-2026-0001', 'WO-2026-0002']],
		['Opgehaald', ['WO-2026-0003']],
		['Compleet', ['WO-2026-0004', 'WO-2026-0005', 'WO-2026-0006', 'WO-2026-0007', 'WO-2026-0008', 'WO-2026-0011']],
		['Afgehandeld', ['WO-2026-0009', 'WO-2026-0010']],
	])('Get Many %s sends update_status=false and leaves every status as it was', async (status, expected) => {
		const result = await run({ operation: 'getMany', status, returnAll: true });
		expect(numbers(jsonOf(result))).toEqual(expected);
		expect(reads().map((c) => c.query)).toEqual([expect.objectContaining({ status, update_status: 'false' })]);
		expect(suite.sim.state.stats().statusChangedByRead).toEqual([]);
		expect(statusOf('WO-2026-0004')).toBe('Compleet');
	});

	it('filters by work status and by advanced filters; the limit applies after the one read', async () => {
		const gereed = await run({ operation: 'getMany', status: 'Compleet', workStatus: 'GEREED', returnAll: true });
		expect(numbers(jsonOf(gereed))).toEqual(['WO-2026-0004', 'WO-2026-0005', 'WO-2026-0011']);
		const filtered = await run({
			operation: 'getMany',
			status: 'Alle',
			returnAll: true,
			filters: { filter: [{ key: 'CustomerDebtorNr', operator: 'eq', value: '1005' }] },
		});
		expect(numbers(jsonOf(filtered))).toEqual(['WO-2026-0008', 'WO-2026-0010']);
		const limited = await run({ operation: 'getMany', status: 'Alle', returnAll: false, limit: 3 });
		expect(jsonOf(limited)).toHaveLength(3);
		const unknown = await run({ operation: 'getMany', status: 'Alle', returnAll: true, filters: { filter: [{ key: 'Klant', value: 'x' }] } });
		expect(unknown.error?.message).toBe('OutSmart does not know this filter field: Unknown filter key: Klant');
	});

	it('"Only Work Orders Made In" keeps the work orders of the chosen flows, read off their number', async () => {
		const template = suite.sim.state.getWorkorder('WO-2026-0005');
		const base = customerFieldsOf(template);
		suite.sim.state.insertWorkorders([{ ...base, WorkorderNo: 'VO-4711', _complete: { workStatus: 'GEREED' } }]);
		const all = numbers(jsonOf(await run({ operation: 'getMany', status: 'Compleet', returnAll: true })));
		expect(all).toContain('VO-4711');
		const own = await run({ operation: 'getMany', status: 'Compleet', returnAll: true, options: { madeIn: ['outsmart'] } });
		expect(numbers(jsonOf(own))).toEqual(all.filter((n) => n !== 'VO-4711'));
		const orders = await run({ operation: 'getMany', status: 'Compleet', returnAll: true, options: { madeIn: ['salesOrder', 'quotation'] } });
		expect(numbers(jsonOf(orders))).toEqual(['VO-4711']);
	});

	it('Get by number or by row id, typed: decimal commas, HH:MM durations, d-m-Y dates, flags', async () => {
		const byNo = jsonOf(await run({ operation: 'get', workorder: byNumber('WO-2026-0005') }))[0];
		const byRow = jsonOf(await run({ operation: 'get', workorder: byRowId(byNo.id as number) }))[0];
		expect(byRow).toEqual(byNo);
		expect(byNo).toMatchObject({
			id: 169828,
			WorkorderNo: 'WO-2026-0005',
			WorkDate: '2026-11-22',
			WorkTime: '07:30',
			WorkEndDate: null,
			CreationDate: expect.stringMatching(/^2026-11-18T\d\d:\d\d:00\+01:00$/),
			WorkFinished: true,
			Archived: false,
			status: 'Compleet',
			WorkStatus: 'GEREED',
		});
		expect(byNo.Materials).toEqual([
			expect.objectContaining({ MaterialCode: 'KLEINMAT', MaterialNr: 1, MaterialPrice: 0, MaterialTotalPrice: 0 }),
			expect.objectContaining({ MaterialCode: 'THERMOSTAAT-01', MaterialNr: -1, MaterialPrice: 89.95, MaterialTotalPrice: -89.95 }),
			expect.objectContaining({ MaterialCode: 'THERMOSTAAT-01', MaterialNr: 1, MaterialPrice: 89.95, MaterialTotalPrice: 89.95 }),
		]);
		expect(byNo.Workperiods).toEqual([
			expect.objectContaining({ WorkDate: '2026-11-22', BeginTime: '07:30', EndTime: '09:45', Break: 0, TotalTime: 2.25, TotalTimeText: '02:15' }),
			expect.objectContaining({ TotalTime: 0, TotalTimeText: '00:00' }),
		]);
		expect(reads().map((c) => c.query.update_status)).toEqual(['false', 'false']);
		expect(statusOf('WO-2026-0005')).toBe('Compleet');
	});

	it('reads "1234,50", "2,5" and a 10:15 day as numbers; raw output keeps OutSmart\'s text', async () => {
		const clean = jsonOf(await run({ operation: 'get', workorder: byNumber('WO-2026-0006') }))[0];
		expect((clean.Materials as IDataObject[]).map((m) => [m.MaterialNr, m.MaterialPrice, m.MaterialTotalPrice])).toEqual([
			[1, 1234.5, 1234.5],
			[2.5, 2.15, 5.38],
			[1, 49.5, 49.5],
		]);
		expect((clean.Workperiods as IDataObject[])[0]).toMatchObject({ TotalTime: 10.25, TotalTimeText: '10:15', Break: 30, Travel: 38 });
		const raw = jsonOf(await run({ operation: 'get', workorder: byNumber('WO-2026-0006'), options: { output: 'raw' } }))[0];
		expect((raw.Materials as IDataObject[])[0]).toMatchObject({ MaterialNr: '1', MaterialPrice: '1234,50' });
		expect((raw.Workperiods as IDataObject[])[0]).toMatchObject({ TotalTime: '10:15' });
	});

	it('with the "thousands" style ("1.234,50") the amounts read the same', async () => {
		suite.sim.state.amountStyle = 'thousands';
		const clean = jsonOf(await run({ operation: 'get', workorder: byNumber('WO-2026-0006') }))[0];
		expect((clean.Materials as IDataObject[])[0]).toMatchObject({ MaterialPrice: 1234.5, MaterialTotalPrice: 1234.5 });
		suite.sim.state.amountStyle = 'plain';
	});

	it('an unknown work order is OutSmart\'s code 1500 as a clear per-item error', async () => {
		const result = await run({ operation: 'get', workorder: byNumber('WO-2025-9999') }, { items: [{}, {}], continueOnFail: true });
		const error = { error: 'OutSmart has no work order WO-2025-9999 (code 1500)', details: expect.stringContaining('Check the row id or work order number') };
		expect(jsonOf(result)).toEqual([error, error]);
		const byRow = await run({ operation: 'setWorkStatus', workorder: byRowId(1), workStatus: 'EXPFOUT' }, { continueOnFail: true });
		expect(jsonOf(byRow)[0].error).toBe('OutSmart has no work order with row ID 1 (code 1500)');
		expect(result.output?.[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Create', () => {
	const create = (parameters: INodeParameters = {}, extra: Partial<RunOptions> = {}) =>
		run(
			{
				operation: 'create',
				workorderNo: 'WO-2026-0042',
				customerName: "Bakkerij 't Hoekje",
				customerDebtorNr: '1001',
				customerStreet: 'Kerkstraat',
				customerZip: '5211 KH',
				customerCity: "'s-Hertogenbosch",
				customerContactPerson: "Mevr. A. van 't Hof",
				typeOfWork: 'Onderhoud',
				paymentMethod: 'op rekening',
				...parameters,
			},
			extra,
		);

	it('posts a work order with planning, material lines, work periods and employees, written as OutSmart wants', async () => {
		const result = await create({
			additionalFields: {
				WorkDate: '2026-12-01',
				WorkTime: '9:30',
				WorkDuration: 90,
				WorkDeadline: '2026-12-15T10:00:00.000+01:00',
				WorkStatus: '002',
				EmployeeNr: '11',
				Employees: '11, 13',
				WorkDescription: 'Onderhoud cv-ketel',
				MinimumHours: 1.5,
			},
			materialsUi: {
				material: [
					{ MaterialCode: 'KLEINMAT', MaterialName: 'Klein materiaal', MaterialNr: 2.5, MaterialPrice: 12.5, MaterialUnit: 'post' },
					{ MaterialCode: 'THERMOSTAAT-01', MaterialName: 'Thermostaat retour', MaterialNr: -1, MaterialPrice: 89.95, MaterialUnit: 'stuk' },
				],
			},
			workperiodsUi: {
				period: [
					{ WorkDate: '2026-12-01', BeginTime: '08:00', EndTime: '18:30', Break: 15, HourType: 'UUR-MONTEUR', EmployeeNr: '11', Travel: 24 },
					{ WorkDate: '2026-12-01', BeginTime: '18:30', EndTime: '18:30', TotalTime: '', HourType: 'UUR-LEERLING' },
				],
			},
			createOptions: { materialsJson: '[{"MaterialCode":"CV-KETEL-01","MaterialName":"Cv-ketel","MaterialNr":1,"MaterialPrice":"1.234,50"}]' },
		});
		const [out] = jsonOf(result);
		expect(out).toEqual({ created: true, WorkorderNo: 'WO-2026-0042', id: expect.any(Number) });

		const posted = suite.sim.state.calls().find((c) => c.endpoint === 'PostWorkorders');
		expect(posted?.records).toBe(1);
		const raw = suite.sim.state.getWorkorder('WO-2026-0042');
		expect(raw).toMatchObject({
			id: String(out.id),
			status: 'Klaargezet',
			WorkDate: '01-12-2026',
			WorkTime: '09:30',
			WorkEndDate: '01-12-2026',
			WorkEndTime: '11:00',
			WorkDeadline: '15-12-2026',
			WorkStatus: '002',
			EmployeeNr: '11',
			MinimumHours: '1.50',
			CustomerNameInvoice: "Bakkerij 't Hoekje",
			CustomerZIPInvoice: '5211 KH',
			Employees: ['11', '13'],
		});
		expect((raw.Materials as IDataObject[]).map((m) => [m.MaterialNr, m.MaterialPrice])).toEqual([
			['2,5', '12,50'],
			['-1', '89,95'],
			['1', '1234,50'],
		]);
		expect((raw.Workperiods as IDataObject[]).map((p) => [p.WorkDate, p.BeginTime, p.EndTime, p.Break, p.TotalTime, p.Travel])).toEqual([
			['01-12-2026', '08:00', '18:30', '15', '10:15', '24'],
			['01-12-2026', '18:30', '18:30', '0', '00:00', '0'],
		]);

		// Read back through the node: the same numbers come out.
		const back = jsonOf(await run({ operation: 'get', workorder: byNumber('WO-2026-0042') }))[0];
		expect((back.Materials as IDataObject[]).map((m) => m.MaterialNr)).toEqual([2.5, -1, 1]);
		expect((back.Workperiods as IDataObject[]).map((p) => p.TotalTime)).toEqual([10.25, 0]);
		expect(back).toMatchObject({ WorkDate: '2026-12-01', WorkDeadline: '2026-12-15', MinimumHours: 1.5 });
	});

	it('a different invoice customer: given fields are used, the required ones left out are copied', async () => {
		await create({ invoiceCustomer: { CustomerNameInvoice: 'Woningstichting Zuid-Oost', CustomerDebtorNrInvoice: '1005' } });
		expect(suite.sim.state.getWorkorder('WO-2026-0042')).toMatchObject({
			CustomerNameInvoice: 'Woningstichting Zuid-Oost',
			CustomerDebtorNrInvoice: '1005',
			CustomerStreetInvoice: 'Kerkstraat',
			CustomerEmailInvoice: '',
		});
	});

	it('a missing required field is OutSmart\'s 1501 for that item, with what to fill in', async () => {
		const result = await create({ customerZip: '' }, { continueOnFail: true });
		expect(jsonOf(result)[0]).toEqual({
			error: 'OutSmart refused work order WO-2026-0042: required field CustomerZIP missing; required field CustomerZIPInvoice missing (code 1501)',
			details: expect.stringContaining('A work order needs WorkorderNo, CustomerName'),
		});
	});

	it('a number that exists is refused (1504), or returned with created=false when asked', async () => {
		const refused = await create({ workorderNo: 'WO-2026-0004' }, { continueOnFail: true });
		expect(jsonOf(refused)[0].error).toBe('OutSmart refused work order WO-2026-0004: workorderNo already exists: WO-2026-0004 (code 1504)');
		expect(jsonOf(refused)[0].details).toContain('If the Number Exists');

		const existing = await create({ workorderNo: 'WO-2026-0004', createOptions: { ifExists: 'returnExisting' } });
		expect(jsonOf(existing)).toEqual([{ created: false, WorkorderNo: 'WO-2026-0004', id: 169827, status: 'Compleet' }]);
	});

	it('bad input is refused before anything is sent, naming the field', async () => {
		const result = await create(
			{ workperiodsUi: { period: [{ WorkDate: '2026-12-01', BeginTime: '12:00', EndTime: '08:00' }] } },
			{ continueOnFail: true },
		);
		expect(jsonOf(result)[0].error).toBe(
			'Cannot send the work order: Workperiods[0].TotalTime: ends (08:00) before it begins (12:00) plus the break; give TotalTime',
		);
		const badDate = await create({ additionalFields: { WorkDate: '31-02-2026' } }, { continueOnFail: true });
		expect(jsonOf(badDate)[0].error).toMatch(/^Cannot send the work order: WorkDate: Cannot read "31-02-2026" as an OutSmart date/);
		expect(suite.sim.state.calls().filter((c) => c.endpoint === 'PostWorkorders')).toHaveLength(0);
	});

	it('when the answer is lost after the write, a read proves it exists: no second work order', async () => {
		suite.sim.state.addFault({ match: { path: 'PostWorkorders' }, kind: 'write-then-drop', times: 1 });
		const result = await create();
		expect(jsonOf(result)).toEqual([{ created: true, WorkorderNo: 'WO-2026-0042', id: expect.any(Number), confirmedByRead: true }]);
		expect(suite.sim.state.stats().workordersPosted).toHaveLength(1);
	});

	it('when the connection drops before the write, a read proves it is missing and it is posted once more', async () => {
		suite.sim.state.addFault({ match: { path: 'PostWorkorders' }, kind: 'drop', times: 1 });
		const result = await create();
		expect(jsonOf(result)).toEqual([{ created: true, WorkorderNo: 'WO-2026-0042', id: expect.any(Number), retried: true }]);
		expect(suite.sim.state.stats().workordersPosted).toHaveLength(1);
	});
});

describe('changing work orders', () => {
	it('Update sets planning and work status; the same values again are "unchanged" (OutSmart\'s 1503)', async () => {
		const params = { operation: 'update', workorder: byNumber('WO-2026-0002'), updateFields: { workDate: '2026-12-03', workTime: '13:15', employeeNr: '12' } };
		expect(jsonOf(await run(params))).toEqual([
			{ WorkorderNo: 'WO-2026-0002', result: 'updated', workDate: '2026-12-03', workTime: '13:15', employeeNr: '12' },
		]);
		expect(suite.sim.state.getWorkorder('WO-2026-0002')).toMatchObject({ WorkDate: '03-12-2026', WorkTime: '13:15', EmployeeNr: '12' });
		expect(jsonOf(await run(params))[0].result).toBe('unchanged');
	});

	it('Update refuses an unknown employee with OutSmart\'s 1504 and nothing to update before calling', async () => {
		const unknown = await run({ operation: 'update', workorder: byNumber('WO-2026-0002'), updateFields: { employeeNr: '99' } }, { continueOnFail: true });
		expect(jsonOf(unknown)[0].error).toBe('OutSmart refused the request: OutSmart could not parse the data (code 1504): Employee not updated');
		const nothing = await run({ operation: 'update', workorder: byNumber('WO-2026-0002'), updateFields: {} }, { continueOnFail: true });
		expect(jsonOf(nothing)[0].error).toBe('Nothing to update on the work order');
	});

	it('Set Work Status sets e.g. "export failed" by row id; the status itself stays Compleet', async () => {
		const result = await run({ operation: 'setWorkStatus', workorder: byRowId(169827), workStatus: 'EXPFOUT' });
		expect(jsonOf(result)).toEqual([{ id: 169827, WorkStatus: 'EXPFOUT', result: 'updated' }]);
		expect(suite.sim.state.getWorkorder('WO-2026-0004')).toMatchObject({ WorkStatus: 'EXPFOUT', status: 'Compleet' });
		const unknown = await run(
			{ operation: 'setWorkStatus', workorder: byRowId(169827), workStatus: 'BESTAATNIET', workStatusOptions: { createIfMissing: false } },
			{ continueOnFail: true },
		);
		expect(jsonOf(unknown)[0].error).toBe('OutSmart refused the request: OutSmart could not parse the data (code 1504): Workstatus not updated');
	});

	it('Set Work Status adds a status a fresh OutSmart does not know yet (e.g. EXPFOUT), once, then sets it', async () => {
		const statuses = () => (suite.sim.state.list('workstatusses') as IDataObject[]).map((s) => s.sta_code);
		expect(statuses()).not.toContain('EXPMISLUKT');
		const params = { operation: 'setWorkStatus', workorder: byRowId(169827), workStatus: 'EXPMISLUKT', workStatusOptions: { newStatusName: 'Export naar Exact mislukt' } };
		expect(jsonOf(await run(params))).toEqual([{ id: 169827, WorkStatus: 'EXPMISLUKT', result: 'updated', statusCreated: true }]);
		expect(suite.sim.state.list('workstatusses')).toContainEqual(expect.objectContaining({ sta_code: 'EXPMISLUKT', sta_name: 'Export naar Exact mislukt' }));
		expect(suite.sim.state.getWorkorder('WO-2026-0004')).toMatchObject({ WorkStatus: 'EXPMISLUKT' });
		// Known now: the next one costs the update alone.
		suite.sim.state.resetStats();
		expect(jsonOf(await run({ ...params, workorder: byRowId(169828) }))).toEqual([{ id: 169828, WorkStatus: 'EXPMISLUKT', result: 'updated' }]);
		expect(suite.sim.state.stats().callsTotal).toBe(1);
	});

	it('Mark Handled sets a completed work order Afgehandeld, once', async () => {
		const result = await run({ operation: 'markHandled', workorder: byNumber('WO-2026-0004') });
		expect(jsonOf(result)).toEqual([{ id: 169827, WorkorderNo: 'WO-2026-0004', status: 'Afgehandeld', previousStatus: 'Compleet' }]);
		expect(statusOf('WO-2026-0004')).toBe('Afgehandeld');
		const changes = suite.sim.state.stats().statusChangedByRead;
		expect(changes).toEqual([expect.objectContaining({ workorderNo: 'WO-2026-0004', explicit: true, endpoint: 'GetWorkorder' })]);

		const again = await run({ operation: 'markHandled', workorder: byNumber('WO-2026-0004') });
		expect(jsonOf(again)[0]).toMatchObject({ alreadyHandled: true, previousStatus: 'Afgehandeld' });
		expect(suite.sim.state.stats().statusChangedByRead).toHaveLength(1);
	});

	it('Mark Handled whose answer is lost: a read decides, so it is marked exactly once', async () => {
		const params = { operation: 'markHandled', workorder: byNumber('WO-2026-0004'), markOptions: { onlyIfComplete: false } };
		suite.sim.state.addFault({ match: { path: 'GetWorkorder' }, kind: 'write-then-drop', times: 1 });
		expect(jsonOf(await run(params))).toEqual([
			{ id: 169827, WorkorderNo: 'WO-2026-0004', status: 'Afgehandeld', previousStatus: null, confirmedByRead: true },
		]);
		suite.sim.state.addFault({ match: { path: 'GetWorkorder' }, kind: 'drop', times: 1 });
		const dropped = await run({ ...params, workorder: byNumber('WO-2026-0005') });
		expect(jsonOf(dropped)).toEqual([{ id: 169828, WorkorderNo: 'WO-2026-0005', status: 'Afgehandeld', previousStatus: 'Compleet', retried: true }]);
		expect(suite.sim.state.stats().statusChangedByRead.map((c) => c.workorderNo)).toEqual(['WO-2026-0004', 'WO-2026-0005']);
		expect(reads().map((c) => c.query.update_status)).toEqual(['true', 'false', 'true', 'false', 'true']);
	});

	it('Mark Handled refuses a work order that is not complete, unless told otherwise', async () => {
		const refused = await run({ operation: 'markHandled', workorder: byNumber('WO-2026-0001') }, { continueOnFail: true });
		expect(jsonOf(refused)[0].error).toBe('Work order WO-2026-0001 is Klaargezet, not Compleet: not marked handled');
		expect(statusOf('WO-2026-0001')).toBe('Klaargezet');

		const forced = await run({ operation: 'markHandled', workorder: byNumber('WO-2026-0001'), markOptions: { onlyIfComplete: false } });
		expect(jsonOf(forced)[0]).toMatchObject({ status: 'Afgehandeld', previousStatus: 'Klaargezet' });
		expect(reads()).toHaveLength(2); // the refused check, then one marking read
	});
});
