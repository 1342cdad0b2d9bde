/**
 * The fake OutSmart's work orders: PostWorkorders, the update_status quirk of GetWorkorders/GetWorkorder,
 * UpdateWorkorder, a technician completing work, the demo seed.
 */
import { type OutSmartSimulator, demoSeed, startOutSmartSimulator } from '../../../simulators/outsmart';
import { admin, call, workorderInput } from '../outsmart/simClient';

let sim: OutSmartSimulator;

beforeAll(async () => {
	sim = await startOutSmartSimulator({ now: () => new Date('2026-11-27T09:15:00Z') });
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.state.reset(demoSeed());
});

const statusOf = (no: string) => sim.state.getWorkorder(no).status;

describe('PostWorkorders', () => {
	it('creates work orders and answers [{workorder_no, row_id}]', async () => {
		const answer = await call(sim, 'POST', 'PostWorkorders/', {}, [
			workorderInput('ERP-1', {
				WorkDate: '1-12-2026',
				WorkTime: '09:00',
				WorkDuration: '90',
				Materials: [{ MaterialCode: 'KLEINMAT', MaterialNr: '2', MaterialPrice: '0,00', MaterialName: 'Klein materiaal' }],
			}),
			workorderInput('ERP-2'),
		]);
		expect(answer.json.code).toBe(200);
		expect(answer.json.response).toEqual([
			{ workorder_no: 'ERP-1', row_id: expect.any(Number) },
			{ workorder_no: 'ERP-2', row_id: answer.json.response[0].row_id + 1 },
		]);
		const read = await call(sim, 'GET', 'GetWorkorder/', { row_id: String(answer.json.response[0].row_id), update_status: 'false' });
		expect(read.json.response).toMatchObject({
			WorkorderNo: 'ERP-1',
			status: 'Klaargezet',
			WorkDate: '01-12-2026',
			WorkEndDate: '01-12-2026',
			WorkEndTime: '10:30',
			CreationDate: '2026-11-27 10:15',
			OrderNr: 'WB-2026-00001',
			WorkFinished: '0',
			CustomerLatitude: null,
			Materials: [expect.objectContaining({ MaterialNr: '2', MaterialPrice: '0,00', MaterialTotalPrice: '0,00', MaterialType: null })],
		});
	});

	it('lists every missing required field with 1501 and stores nothing', async () => {
		const input = workorderInput('X');
		for (const field of ['WorkorderNo', 'CustomerZIP', 'CustomerCity', 'CustomerNameInvoice']) delete input[field];
		const answer = await call(sim, 'POST', 'PostWorkorders/', {}, [workorderInput('OK-1'), input]);
		expect(answer.json).toEqual({
			code: 1501,
			messages: [
				'Required field missing: WorkorderNo',
				'Required field missing: CustomerZIP',
				'Required field missing: CustomerCity',
				'Required field missing: CustomerNameInvoice',
			],
			response: null,
		});
		expect(sim.state.findWorkorder('OK-1')).toBeUndefined();
	});

	it('refuses a material line without MaterialName (1501) and an unparseable date or price (1504)', async () => {
		const noName = workorderInput('M-1', { Materials: [{ MaterialCode: 'A', MaterialNr: '1', MaterialPrice: '1,00' }] });
		expect((await call(sim, 'POST', 'PostWorkorders/', {}, [noName])).json).toMatchObject({
			code: 1501,
			messages: ['Required field missing: MaterialName'],
		});
		const badDate = workorderInput('M-2', { WorkDate: '2026-12-01' });
		expect((await call(sim, 'POST', 'PostWorkorders/', {}, [badDate])).json).toMatchObject({
			code: 1504,
			messages: ['Date invalid. Format: 20-02-2016'],
		});
		const badPrice = workorderInput('M-3', {
			Materials: [{ MaterialCode: 'A', MaterialNr: '1', MaterialPrice: 'twaalf', MaterialName: 'a' }],
		});
		expect((await call(sim, 'POST', 'PostWorkorders/', {}, [badPrice])).json.code).toBe(1504);
	});

	it('refuses a WorkorderNo that already exists (1504)', async () => {
		const answer = await call(sim, 'POST', 'PostWorkorders/', {}, [workorderInput('WO-2026-0001')]);
		expect(answer.json).toEqual({ code: 1504, messages: ['WorkorderNo already exists: WO-2026-0001'], response: null });
	});
});

describe('update_status defaults to TRUE', () => {
	it('GetWorkorders without update_status marks every returned work order Afgehandeld', async () => {
		const answer = await call(sim, 'GET', 'GetWorkorders/', { status: 'Compleet' });
		const numbers = answer.json.response.map((w: { WorkorderNo: string }) => w.WorkorderNo);
		expect(numbers).toEqual(['WO-2026-0004', 'WO-2026-0005', 'WO-2026-0006', 'WO-2026-0007', 'WO-2026-0008', 'WO-2026-0011']);
		// the answer shows them as they were read ...
		expect(answer.json.response.every((w: { status: string }) => w.status === 'Compleet')).toBe(true);
		// ... and afterwards they are handled
		for (const no of numbers) expect(statusOf(no)).toBe('Afgehandeld');
		const changes = sim.state.stats().statusChangedByRead;
		expect(changes).toHaveLength(6);
		expect(changes[0]).toMatchObject({ workorderNo: 'WO-2026-0004', from: 'Compleet', endpoint: 'GetWorkorders', explicit: false });
		expect((await call(sim, 'GET', 'GetWorkorders/', { status: 'Compleet', update_status: 'false' })).json.response).toEqual([]);
	});

	it('update_status=false leaves the status alone; only the literal "false" does', async () => {
		const read = await call(sim, 'GET', 'GetWorkorders/', { status: 'Compleet', update_status: 'false' });
		expect(read.json.response).toHaveLength(6);
		expect(sim.state.stats().statusChangedByRead).toEqual([]);
		await call(sim, 'GET', 'GetWorkorder/', { workorder_no: 'WO-2026-0004', update_status: 'FALSE' });
		expect(statusOf('WO-2026-0004')).toBe('Compleet');
		await call(sim, 'GET', 'GetWorkorder/', { workorder_no: 'WO-2026-0004', update_status: '0' });
		expect(statusOf('WO-2026-0004')).toBe('Afgehandeld');
		expect(sim.state.stats().statusChangedByRead).toEqual([expect.objectContaining({ endpoint: 'GetWorkorder', explicit: true })]);
	});

	it('even a Klaargezet work order read without update_status is marked', async () => {
		await call(sim, 'GET', 'GetWorkorder/', { workorder_no: 'WO-2026-0001' });
		expect(statusOf('WO-2026-0001')).toBe('Afgehandeld');
	});

	it('GetWorkorder?update_status=true is the documented way to mark one handled', async () => {
		const answer = await call(sim, 'GET', 'GetWorkorder/', { row_id: String(sim.state.findWorkorder('WO-2026-0005')?.id), update_status: 'true' });
		expect(answer.json.response.WorkorderNo).toBe('WO-2026-0005');
		expect(statusOf('WO-2026-0005')).toBe('Afgehandeld');
		expect(statusOf('WO-2026-0004')).toBe('Compleet');
	});

	it('filters on workstatus and with advanced filters, marking only what it returns', async () => {
		const gereed = await call(sim, 'GET', 'GetWorkorders/', { status: 'Compleet', workstatus: 'GEREED', update_status: 'false' });
		expect(gereed.json.response.map((w: { WorkorderNo: string }) => w.WorkorderNo)).toEqual(['WO-2026-0004', 'WO-2026-0005', 'WO-2026-0011']);
		await call(sim, 'GET', 'GetWorkorders/', { status: 'Alle', key: 'CustomerDebtorNr', value: '1003' });
		expect(statusOf('WO-2026-0003')).toBe('Afgehandeld');
		expect(statusOf('WO-2026-0004')).toBe('Afgehandeld');
		expect(statusOf('WO-2026-0005')).toBe('Compleet');
	});

	it('an unknown work order -> 1500; a misspelled status gives an empty list', async () => {
		expect((await call(sim, 'GET', 'GetWorkorder/', { workorder_no: 'NOPE', update_status: 'false' })).json).toEqual({
			code: 1500,
			messages: [],
			response: null,
		});
		expect((await call(sim, 'GET', 'GetWorkorders/', { status: 'Complete', update_status: 'false' })).json.response).toEqual([]);
	});
});

describe('UpdateWorkorder', () => {
	it('changes date, time, employee and workstatus', async () => {
		const answer = await call(sim, 'GET', 'UpdateWorkorder/', {
			workorder_no: 'WO-2026-0002',
			workdate: '3-12-2026',
			worktime: '13:30',
			employee_nr: '12',
			workstatus: '002',
		});
		expect(answer.json).toEqual({ code: 200, messages: [], response: null });
		expect(sim.state.getWorkorder('WO-2026-0002')).toMatchObject({
			WorkDate: '03-12-2026',
			WorkTime: '13:30',
			EmployeeNr: '12',
			WorkStatus: '002',
		});
	});

	it('no data -> 1502, the same data -> 1503, invalid data -> 1504 with every message, unknown -> 1500', async () => {
		expect((await call(sim, 'GET', 'UpdateWorkorder/', { workorder_no: 'WO-2026-0001' })).json.code).toBe(1502);
		const same = await call(sim, 'GET', 'UpdateWorkorder/', { workorder_no: 'WO-2026-0001', employee_nr: '11' });
		expect(same.json).toEqual({ code: 1503, messages: ['No data changed'], response: null });
		const invalid = await call(sim, 'GET', 'UpdateWorkorder/', {
			workorder_no: 'WO-2026-0001',
			workdate: '2026-12-01',
			worktime: '25:00',
			employee_nr: '99',
		});
		expect(invalid.json).toEqual({
			code: 1504,
			messages: ['Date invalid. Format: 20-02-2016', 'Time invalid. Format: 07:08', 'Employee not updated'],
			response: null,
		});
		expect((await call(sim, 'GET', 'UpdateWorkorder/', { workorder_no: 'NOPE', workstatus: '002' })).json.code).toBe(1500);
	});

	it('POST replaces (ClearMaterials=true) or adds material lines', async () => {
		const line = { MaterialCode: 'KLEINMAT', MaterialNr: '3', MaterialPrice: '1,50', MaterialName: 'Klein materiaal' };
		await call(sim, 'POST', 'UpdateWorkorder/', { workorder_no: 'WO-2026-0001' }, [line]);
		expect(sim.state.getWorkorder('WO-2026-0001').Materials).toHaveLength(2);
		await call(sim, 'POST', 'UpdateWorkorder/', { workorder_no: 'WO-2026-0001', ClearMaterials: 'true' }, [line]);
		expect(sim.state.getWorkorder('WO-2026-0001').Materials).toEqual([
			expect.objectContaining({ MaterialCode: 'KLEINMAT', MaterialNr: '3', MaterialTotalPrice: '4,50' }),
		]);
	});
});

describe('a technician completes a work order (admin)', () => {
	it('sets Compleet with work periods, materials, signature and photos', async () => {
		const done = await admin(sim, 'POST', 'workorders/WO-2026-0001/complete', {
			workperiods: [{ BeginTime: '09:00', EndTime: '10:15', Break: 0 }],
			materials: [{ MaterialCode: 'THERMOSTAAT-01', MaterialNr: 1 }, { MaterialCode: 'KLEINMAT', MaterialNr: 1 }],
			workStatus: 'GEREED',
		});
		expect(done.status).toBe(200);
		expect(done.json).toMatchObject({
			status: 'Compleet',
			WorkFinished: '1',
			WorkStatus: 'GEREED',
			Signature: expect.stringMatching(/\.png$/),
			Workperiods: [{ WorkDate: '30-11-2026', BeginTime: '09:00', EndTime: '10:15', TotalTime: '01:15', Break: '0', HourType: 'UUR-MONTEUR', EmployeeNr: '11' }],
			Materials: [
				expect.objectContaining({ MaterialCode: 'THERMOSTAAT-01', MaterialPrice: '89,95', MaterialTotalPrice: '89,95', MaterialUnit: 'stuk' }),
				expect.objectContaining({ MaterialCode: 'KLEINMAT', MaterialPrice: '0,00' }),
			],
		});
		const pdf = await fetch(done.json.PdfUrl);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		const history = (await admin(sim, 'GET', 'workorders/WO-2026-0001')).json.history;
		expect(history.map((h: { to: string; by: string }) => `${h.to} by ${h.by}`)).toEqual(['Klaargezet by PostWorkorders', 'Compleet by technician']);
	});

	it('sets status and WorkStatus through the admin API', async () => {
		const answer = await admin(sim, 'POST', 'workorders/WO-2026-0004/status', { workStatus: 'EXPFOUT' });
		expect(answer.json).toMatchObject({ status: 'Compleet', WorkStatus: 'EXPFOUT' });
		expect((await admin(sim, 'POST', 'workorders/WO-2026-0004/status', { status: 'Klaar' })).status).toBe(400);
	});
});

describe('demo seed', () => {
	it('is deterministic and has the awkward values', () => {
		expect(JSON.stringify(demoSeed())).toBe(JSON.stringify(demoSeed()));
		const byNo = (no: string) => sim.state.getWorkorder(no);
		expect(byNo('WO-2026-0005')).toMatchObject({
			CustomerCity: "'s-Hertogenbosch",
			CustomerName: "Bakkerij 't Hoekje",
			Workperiods: [expect.objectContaining({ TotalTime: '02:15' }), expect.objectContaining({ TotalTime: '00:00' })],
			Materials: [
				expect.objectContaining({ MaterialPrice: '0,00' }),
				expect.objectContaining({ MaterialNr: '-1', MaterialTotalPrice: '-89,95' }),
				expect.objectContaining({ MaterialNr: '1' }),
			],
		});
		expect(byNo('WO-2026-0006')).toMatchObject({
			CustomerName: 'Café Façade',
			Workperiods: [expect.objectContaining({ TotalTime: '10:15', Break: '30' }), expect.anything()],
			Materials: [expect.objectContaining({ MaterialPrice: '1234,50' }), expect.objectContaining({ MaterialNr: '2,5', MaterialTotalPrice: '5,38' }), expect.anything()],
		});
		const statuses = sim.state.list('workorders').map((w) => `${w.WorkorderNo}:${w.status}:${w.WorkStatus}`);
		expect(statuses).toEqual([
			'WO-2026-0001:Klaargezet:',
			'WO-2026-0002:Klaargezet:',
			'WO-2026-0003:Opgehaald:',
			'WO-2026-0004:Compleet:GEREED',
			'WO-2026-0005:Compleet:GEREED',
			'WO-2026-0006:Compleet:',
			'WO-2026-0007:Compleet:MATWACHT',
			'WO-2026-0008:Compleet:EXPFOUT',
			'WO-2026-0009:Afgehandeld:',
			'WO-2026-0010:Afgehandeld:EXPOK',
			'WO-2026-0011:Compleet:GEREED',
		]);
	});

	it('takes debtor numbers, material codes and hour type codes from Exact', () => {
		sim.state.reset(
			demoSeed({ debtorNumbers: ['400001', '400002'], materialCodes: ['ITEM-A', 'ITEM-B', 'ITEM-C'], hourTypeCodes: ['ARBEID'] }),
		);
		const workorders = sim.state.list('workorders');
		const debtors = new Set(workorders.map((w) => w.CustomerDebtorNr));
		expect([...debtors].sort()).toEqual(['400001', '400002']);
		const materials = new Set(workorders.flatMap((w) => (w.Materials as Array<{ MaterialCode: string }>).map((m) => m.MaterialCode)));
		expect([...materials].every((code) => ['ITEM-A', 'ITEM-B', 'ITEM-C'].includes(code))).toBe(true);
		const hourTypes = new Set(workorders.flatMap((w) => (w.Workperiods as Array<{ HourType: string }>).map((p) => p.HourType)));
		expect([...hourTypes]).toEqual(['ARBEID']);
		expect(sim.state.list('relations').map((r) => r.debtor_number)).toEqual(['400001', '400002']);
	});
});
