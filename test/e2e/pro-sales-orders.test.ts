/**
 * Flow 1 (template 09) in a real n8n, imported as shipped, against the demo world `npm start` shows: Exact sales
 * orders that changed meet their OutSmart work order VO-<number>. New open orders become work orders, a changed
 * order updates its Klaargezet work order (date, materials) and reports what OutSmart can't change, a cancelled or
 * deleted order gives its Klaargezet work order the chosen work status, a work order a technician has is
 * reported and left alone; a second run changes nothing.
 */

import type { IDataObject } from 'n8n-workflow';
import { startDemoWorld, type DemoWorld } from '../../scripts/demo-data';
import { importDemoWorkflows, readTemplate } from '../../scripts/demo';
import { ORDER_BACK_DEMO } from '../../scripts/demo-order-back';
import { createN8nInstance, type N8nInstance } from '../../scripts/n8n';

jest.setTimeout(240_000);

const FILE = '09-sales-orders-to-work-orders.json';
const SYNC = 'Create or update work orders in OutSmart';
const HOUR_ITEMS = ['ARBEID', 'VOORRIJ', 'SPOED'];

describe('template 09: Exact sales orders to OutSmart work orders, kept in step', () => {
	let world: DemoWorld;
	let n8n: N8nInstance;
	let id: string;

	const orders = () => world.exact.state.listRecords('SalesOrders');
	const order = (number: number) => {
		const found = orders().find((o) => o.OrderNumber === number);
		if (!found) throw new Error(`no sales order ${number}`);
		return found;
	};
	const workorder = (no: string) => world.outsmart.state.getWorkorder(no) as IDataObject;
	const salesWorkorders = () => (world.outsmart.state.list('workorders') as IDataObject[]).filter((w) => /^VO-\d+$/.test(String(w.WorkorderNo)));
	const byOutcome = (report: IDataObject[]) => Object.fromEntries(report.map((r) => [String(r.WorkorderNo), r.outcome]));
	const exactDay = (iso: string) => `/Date(${Date.parse(`${iso}T12:00:00Z`)})/`;

	beforeAll(async () => {
		world = await startDemoWorld();
		n8n = await createN8nInstance({ name: 'pro-sales-orders' });
		[id] = await importDemoWorkflows(n8n, world, [readTemplate(FILE)]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await world?.close();
	});

	it('first run: new open orders become work orders, VO-2 follows its order, cancelled order 4 is GEANNULEERD, picked-up VO-5 is reported', async () => {
		const open = orders().filter((o) => o.Status === 12);
		const ordersBefore = JSON.stringify(orders());
		const run = await n8n.execute(id);
		expect(run.error).toBeUndefined();
		const report = run.json(SYNC) as IDataObject[];
		// Template 10's demo work order VO-9101 is completed by the technician: its work is done, so it is skipped and left alone.
		expect(byOutcome(report)).toEqual({
			'VO-1': 'created',
			'VO-2': 'updated',
			'VO-3': 'created',
			'VO-4': 'cancelled',
			'VO-5': 'reported',
			[ORDER_BACK_DEMO.workOrderNumber]: 'skipped',
		});

		// New work orders: customer, date and materials of their order.
		for (const number of [1, 3]) {
			const made = workorder(`VO-${number}`);
			expect(made).toMatchObject({ status: 'Klaargezet', TypeOfWork: 'Onderhoud', ShortWorkDescription: order(number).Description, CustomerName: order(number).DeliverToName });
			const goods = world.exact.state.listRecords('SalesOrderLines').filter((l) => l.OrderID === order(number).OrderID && !HOUR_ITEMS.includes(String(l.ItemCode)));
			expect((made.Materials as IDataObject[]).map((m) => m.MaterialCode).sort()).toEqual(goods.map((l) => l.ItemCode).sort());
		}
		// VO-2 was made earlier with another date and material: both follow the order; its hand-typed customer is reported.
		const updated = report.find((r) => r.WorkorderNo === 'VO-2')!;
		expect(updated).toMatchObject({ changedFields: ['WorkDate', 'Materials'], notUpdatedFields: expect.arrayContaining(['CustomerName', 'ShortWorkDescription']) });
		expect(updated.reason).toMatch(/^OutSmart can't change .*CustomerName/);
		const two = workorder('VO-2');
		expect((two.Materials as IDataObject[]).map((m) => m.MaterialCode)).toEqual(
			world.exact.state.listRecords('SalesOrderLines').filter((l) => l.OrderID === order(2).OrderID && !HOUR_ITEMS.includes(String(l.ItemCode))).map((l) => l.ItemCode),
		);
		expect(two.WorkDate).not.toBe('01-05-2025');
		expect(two.ShortWorkDescription).toBe('Gemaakt bij een eerdere run');
		// Cancelled in Exact: the Klaargezet work order gets the template's work status, nothing else.
		expect(workorder('VO-4')).toMatchObject({ status: 'Klaargezet', WorkStatus: 'GEANNULEERD', WorkDate: '02-06-2025' });
		// A technician has VO-5: reported with the reason, left as it was.
		expect(report.find((r) => r.WorkorderNo === 'VO-5')).toMatchObject({ status: 'Opgehaald', reason: expect.stringMatching(/VO-5 is Opgehaald: a technician has it/) });
		expect(workorder('VO-5')).toMatchObject({ status: 'Opgehaald', WorkDate: '03-06-2025', ShortWorkDescription: 'Gemaakt bij een eerdere run' });
		expect(run.json('Reported: see the reason').map((r) => r.WorkorderNo)).toEqual(['VO-5']);

		// Exact: nothing written, the position confirmed.
		expect(JSON.stringify(orders())).toBe(ordersBefore);
		expect(open.map((o) => o.OrderNumber).sort()).toEqual([1, 2, 3, 5]);
		expect(run.json('Confirm changes processed')).toContainEqual(expect.objectContaining({ syncName: 'work orders from sales orders', confirmed: true }));
	});

	it('a second run changes nothing on either side', async () => {
		const before = JSON.stringify(salesWorkorders());
		world.outsmart.state.resetStats();
		const again = await n8n.execute(id);
		expect(again.status).toBe('success');
		expect(again.json('Sales order changes in Exact')).toEqual([]);
		expect(world.outsmart.state.stats().callsTotal).toBe(0);
		expect(JSON.stringify(salesWorkorders())).toBe(before);
	});

	it('a changed order updates its Klaargezet work order, a cancelled and a deleted one get GEANNULEERD, one in progress is reported', async () => {
		world.exact.state.updateRecord('SalesOrders', String(order(1).OrderID), { DeliveryDate: exactDay('2025-07-01') });
		world.exact.state.updateRecord('SalesOrders', String(order(3).OrderID), { Status: 45 });
		world.exact.state.deleteRecord('SalesOrders', String(order(2).OrderID));
		world.exact.state.updateRecord('SalesOrders', String(order(5).OrderID), { DeliveryDate: exactDay('2025-07-02') });

		const run = await n8n.execute(id);
		expect(run.error).toBeUndefined();
		const report = run.json(SYNC) as IDataObject[];
		expect(byOutcome(report)).toEqual({ 'VO-1': 'updated', 'VO-2': 'cancelled', 'VO-3': 'cancelled', 'VO-5': 'reported' });
		expect(report.find((r) => r.WorkorderNo === 'VO-1')).toMatchObject({ changedFields: ['WorkDate'], WorkDate: '2025-07-01' });
		expect(report.find((r) => r.WorkorderNo === 'VO-2')).toMatchObject({ orderWas: 'deleted' });
		expect(report.find((r) => r.WorkorderNo === 'VO-5')).toMatchObject({ differingFields: expect.arrayContaining(['WorkDate']) });
		expect(workorder('VO-1')).toMatchObject({ WorkDate: '01-07-2025', status: 'Klaargezet' });
		expect(workorder('VO-2').WorkStatus).toBe('GEANNULEERD');
		expect(workorder('VO-3').WorkStatus).toBe('GEANNULEERD');
		expect(workorder('VO-5')).toMatchObject({ WorkDate: '03-06-2025', status: 'Opgehaald' });
		// (Handing the same orders out again writes nothing: test/integration/outsmart/salesOrderSync.test.ts.)
	});
});
