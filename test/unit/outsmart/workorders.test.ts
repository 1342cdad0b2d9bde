/**
 * The work order and master-data helpers against the fake OutSmart: reads never mark work orders handled unless
 * asked, the documented export flow, UpdateWorkorder, and OutSmart's formats read from real answers.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	deleteEntity,
	getWorkorder,
	getWorkorders,
	listRecords,
	markWorkorderHandled,
	parseAmount,
	parseDate,
	parseDuration,
	postWorkorders,
	readWorkorders,
	updateWorkorder,
	upsertRecords,
	type WorkorderStatusFilter,
} from '../../../nodes/OutSmartApi/transport';
import { type OutSmartSimulator, demoSeed, startOutSmartSimulator } from '../../../simulators/outsmart';
import { outSmartContext } from './context';
import { workorderInput } from './simClient';

let sim: OutSmartSimulator;
let t: ReturnType<typeof outSmartContext>;

beforeAll(async () => {
	sim = await startOutSmartSimulator();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.state.reset(demoSeed());
	t = outSmartContext(sim);
});

const status = (no: string) => sim.state.getWorkorder(no).status;
const sentQueries = () => sim.state.calls().map((c) => c.query);

describe('reading work orders', () => {
	it('getWorkorders sends update_status=false and changes nothing', async () => {
		const workorders = await getWorkorders.call(t.ctx, { status: 'Compleet' });
		expect(workorders.map((w) => w.WorkorderNo)).toEqual(['WO-2026-0004', 'WO-2026-0005', 'WO-2026-0006', 'WO-2026-0007', 'WO-2026-0008', 'WO-2026-0011']);
		expect(sentQueries()[0]).toMatchObject({ status: 'Compleet', update_status: 'false' });
		expect(sim.state.stats().statusChangedByRead).toEqual([]);
		expect(status('WO-2026-0004')).toBe('Compleet');
	});

	it('filters by WorkStatus and advanced filters (indexed key[0]= parameters)', async () => {
		const gereed = await getWorkorders.call(t.ctx, {
			status: 'Compleet',
			workStatus: 'GEREED',
			filters: [{ key: 'CustomerCity', value: "'s-Hertogenbosch" }],
		});
		expect(gereed.map((w) => w.WorkorderNo)).toEqual(['WO-2026-0005']);
		expect(t.http[0].url).toContain('key%5B0%5D=CustomerCity');
		expect(sentQueries()[0]).toMatchObject({ workstatus: 'GEREED', key: ['CustomerCity'], operator: ['eq'], update_status: 'false' });
	});

	it('readWorkorders also hands over OutSmart\'s messages (an unknown filter key answers 200 and an empty list)', async () => {
		const { workorders, messages } = await readWorkorders.call(t.ctx, { status: 'Alle', filters: [{ key: 'Klant', value: 'x' }] });
		expect(workorders).toEqual([]);
		expect(messages).toEqual(['Unknown filter key: Klant']);
		expect(sentQueries()[0]).toMatchObject({ update_status: 'false' });
	});

	it('refuses an unknown status before calling (OutSmart would answer an empty list)', async () => {
		const error = await getWorkorders.call(t.ctx, { status: 'Complete' as WorkorderStatusFilter }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(t.http).toHaveLength(0);
	});

	it('refuses a bad filter operator before calling', async () => {
		const error = await getWorkorders
			.call(t.ctx, { status: 'Alle', filters: [{ key: 'id', value: 1, operator: 'like' as 'li' }] })
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toContain('Unknown OutSmart filter operator "like"');
	});

	it('getWorkorder by number or row id leaves the status alone', async () => {
		const byNo = await getWorkorder.call(t.ctx, { workorderNo: 'WO-2026-0006' });
		const byRow = await getWorkorder.call(t.ctx, { rowId: byNo.id as string });
		expect(byRow.WorkorderNo).toBe('WO-2026-0006');
		expect(sentQueries().map((q) => q.update_status)).toEqual(['false', 'false']);
		expect(status('WO-2026-0006')).toBe('Compleet');
	});

	it('a work order reference needs a number or a numeric row id', async () => {
		expect(await getWorkorder.call(t.ctx, {}).catch((e: unknown) => e)).toBeInstanceOf(NodeOperationError);
		expect(await getWorkorder.call(t.ctx, { rowId: 'WO-1' }).catch((e: unknown) => e)).toBeInstanceOf(NodeOperationError);
		const missing = await getWorkorder.call(t.ctx, { workorderNo: 'NOPE' }).catch((e: unknown) => e);
		expect(missing).toBeInstanceOf(NodeApiError);
		expect((missing as Error).message).toBe('OutSmart refused the request: work order not found (code 1500)');
	});
});

describe('the documented export flow', () => {
	it('reads Compleet without marking, marks only the successes, flags the failure', async () => {
		const completed = await getWorkorders.call(t.ctx, { status: 'Compleet', workStatus: 'GEREED' });
		for (const workorder of completed) {
			const exported = workorder.WorkorderNo !== 'WO-2026-0005'; // pretend the export of 0005 failed
			if (exported) await markWorkorderHandled.call(t.ctx, { rowId: workorder.id as string });
			else await updateWorkorder.call(t.ctx, { workorderNo: workorder.WorkorderNo as string }, { workStatus: 'EXPFOUT' });
		}
		expect(status('WO-2026-0004')).toBe('Afgehandeld');
		expect(status('WO-2026-0011')).toBe('Afgehandeld');
		expect(sim.state.getWorkorder('WO-2026-0005')).toMatchObject({ status: 'Compleet', WorkStatus: 'EXPFOUT' });
		const changes = sim.state.stats().statusChangedByRead;
		expect(changes.map((c) => [c.workorderNo, c.endpoint, c.explicit])).toEqual([
			['WO-2026-0004', 'GetWorkorder', true],
			['WO-2026-0011', 'GetWorkorder', true],
		]);
		expect((await getWorkorders.call(t.ctx, { status: 'Compleet', workStatus: 'GEREED' })).map((w) => w.WorkorderNo)).toEqual([]);
	});

	it('markAsHandled on getWorkorders is explicit and marks what it returns', async () => {
		await getWorkorders.call(t.ctx, { status: 'Compleet', workStatus: 'EXPFOUT', markAsHandled: true });
		expect(sentQueries()[0].update_status).toBe('true');
		expect(sim.state.stats().statusChangedByRead.map((c) => c.workorderNo)).toEqual(['WO-2026-0008']);
	});
});

describe('UpdateWorkorder', () => {
	it('formats ISO dates and times the OutSmart way', async () => {
		const result = await updateWorkorder.call(t.ctx, { workorderNo: 'WO-2026-0002' }, { workDate: '2026-12-03', workTime: '2026-12-03T12:30:00Z', employeeNr: '12' });
		expect(result).toBe('updated');
		expect(sentQueries()[0]).toMatchObject({ workdate: '03-12-2026', worktime: '13:30', employee_nr: '12' });
		expect(sim.state.getWorkorder('WO-2026-0002')).toMatchObject({ WorkDate: '03-12-2026', WorkTime: '13:30', EmployeeNr: '12' });
	});

	it('treats "no data changed" (1503) as unchanged, and refuses an empty update before calling', async () => {
		expect(await updateWorkorder.call(t.ctx, { workorderNo: 'WO-2026-0001' }, { employeeNr: '11' })).toBe('unchanged');
		const empty = await updateWorkorder.call(t.ctx, { workorderNo: 'WO-2026-0001' }, {}).catch((e: unknown) => e);
		expect(empty).toBeInstanceOf(NodeOperationError);
		expect(sim.state.stats().callsTotal).toBe(1);
	});

	it('passes OutSmart\'s 1504 on, and refuses an unreadable date itself', async () => {
		const unknownEmployee = await updateWorkorder.call(t.ctx, { workorderNo: 'WO-2026-0001' }, { employeeNr: '99' }).catch((e: unknown) => e);
		expect((unknownEmployee as Error).message).toBe('OutSmart refused the request: OutSmart could not parse the data (code 1504): Employee not updated');
		const badDate = await updateWorkorder.call(t.ctx, { workorderNo: 'WO-2026-0001' }, { workDate: 'volgende week' }).catch((e: unknown) => e);
		expect(badDate).toBeInstanceOf(NodeOperationError);
	});
});

describe('posting and master data', () => {
	it('postWorkorders answers row ids; a missing field gives 1501 with every field', async () => {
		const posted = await postWorkorders.call(t.ctx, [workorderInput('ERP-100'), workorderInput('ERP-101')]);
		expect(posted).toEqual([
			{ workorder_no: 'ERP-100', row_id: expect.any(Number) },
			{ workorder_no: 'ERP-101', row_id: expect.any(Number) },
		]);
		const input = workorderInput('ERP-102');
		delete input.CustomerZIP;
		delete input.PaymentMethod;
		const error = (await postWorkorders.call(t.ctx, [input]).catch((e: unknown) => e)) as Error & { description: string };
		expect(error.message).toBe(
			'OutSmart refused the request: the work order misses a required field (code 1501): Required field missing: CustomerZIP; Required field missing: PaymentMethod',
		);
	});

	it('upsertRecords, listRecords (with filters and messages) and deleteEntity', async () => {
		expect(await upsertRecords.call(t.ctx, 'materials', [{ code: 'NIEUW-1', description: 'Nieuw', price: '1,00', unit: 'st' }])).toBe(1);
		expect(await upsertRecords.call(t.ctx, 'materials', [])).toBe(0);
		const found = await listRecords.call(t.ctx, 'materials', [{ key: 'code', value: 'NIEUW%', operator: 'li' }]);
		expect(found).toEqual({ records: [expect.objectContaining({ code: 'NIEUW-1', price: '1,00' })], messages: [] });
		const unknown = await listRecords.call(t.ctx, 'materials', [{ key: 'artikelcode', value: 'x' }]);
		expect(unknown).toEqual({ records: [], messages: ['Unknown filter key: artikelcode'] });
		expect(await deleteEntity.call(t.ctx, { entity: 'material', key: 'code', value: 'NIEUW-1' })).toBe(1);
	});
});

describe('formats of real answers', () => {
	it('reads amounts, quantities, durations and dates of a completed work order', async () => {
		const workorder = await getWorkorder.call(t.ctx, { workorderNo: 'WO-2026-0006' });
		const materials = workorder.Materials as Array<Record<string, string>>;
		expect(materials.map((m) => [parseAmount(m.MaterialNr), parseAmount(m.MaterialPrice), parseAmount(m.MaterialTotalPrice)])).toEqual([
			[1, 1234.5, 1234.5],
			[2.5, 2.15, 5.38],
			[1, 49.5, 49.5],
		]);
		const periods = workorder.Workperiods as Array<Record<string, string>>;
		expect(periods.map((p) => parseDuration(p.TotalTime).hours)).toEqual([10.25, 4]);
		expect(parseDate(periods[0].WorkDate)).toBe('2026-11-20');
	});

	it('reads the thousands style and the returned line of the awkward work order', async () => {
		sim.state.amountStyle = 'thousands';
		const boiler = await getWorkorder.call(t.ctx, { workorderNo: 'WO-2026-0006' });
		expect((boiler.Materials as Array<Record<string, string>>)[0].MaterialPrice).toBe('1.234,50');
		expect(parseAmount((boiler.Materials as Array<Record<string, string>>)[0].MaterialPrice)).toBe(1234.5);
		sim.state.amountStyle = 'plain';
		const returned = await getWorkorder.call(t.ctx, { workorderNo: 'WO-2026-0005' });
		const lines = returned.Materials as Array<Record<string, string>>;
		expect(lines.map((m) => parseAmount(m.MaterialTotalPrice))).toEqual([0, -89.95, 89.95]);
		expect(parseDuration((returned.Workperiods as Array<Record<string, string>>)[1].TotalTime)).toEqual({ minutes: 0, hours: 0, text: '00:00' });
	});
});
