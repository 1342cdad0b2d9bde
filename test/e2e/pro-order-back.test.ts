/**
 * Template 10 in a real n8n against the demo world: the completed work order VO-9101 goes back to Exact sales
 * order 9101 (the quantities used, the extra wire and call-out as new lines, the unused tube removed), Exact
 * records the goods delivery and makes the draft invoice from the order, and the work order is marked handled.
 * The first invoice call's answer is lost after Exact made the invoice; a re-run writes nothing to Exact at all.
 */
import type { IDataObject } from 'n8n-workflow';
import { startDemoWorld, type DemoWorld } from '../../scripts/demo-data';
import { importDemoWorkflows, readTemplate } from '../../scripts/demo';
import { ORDER_BACK_DEMO } from '../../scripts/demo-order-back';
import { customerFieldsOf } from '../../simulators/outsmart';
import { createN8nInstance, type N8nInstance } from '../../scripts/n8n';

jest.setTimeout(180_000);

const FILE = '10-work-orders-back-to-sales-orders.json';

describe('template 10: completed work orders back to their sales orders, in a real n8n', () => {
	let world: DemoWorld;
	let n8n: N8nInstance;
	let id: string;

	const order = () => world.exact.state.listRecords('SalesOrders').find((o) => o.OrderNumber === ORDER_BACK_DEMO.orderNumber)!;
	const lines = () =>
		world.exact.state
			.listRecords('SalesOrderLines')
			.filter((l) => l.OrderID === order().OrderID)
			.sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber))
			.map((l) => [l.ItemCode, l.Quantity, l.QuantityDelivered, l.QuantityInvoiced]);
	const invoices = () => world.exact.state.listRecords('SalesInvoices').filter((i) => i.OrderNumber === ORDER_BACK_DEMO.orderNumber);
	const deliveries = () => world.exact.state.listRecords('GoodsDeliveries');
	const exactWrites = () =>
		Object.entries(world.exact.state.getStats().calls.byEndpoint as Record<string, number>)
			.filter(([endpoint]) => !endpoint.startsWith('GET'))
			.reduce((sum, [, count]) => sum + count, 0);

	beforeAll(async () => {
		world = await startDemoWorld();
		n8n = await createN8nInstance({ name: 'pro-order-back' });
		[id] = await importDemoWorkflows(n8n, world, [readTemplate(FILE)]);
		await n8n.start();
	});

	afterAll(async () => {
		await n8n?.stop();
		await n8n?.dispose();
		await world?.close();
	});

	it('sets the order to what was used, delivers it, has Exact invoice it once (answer lost), marks the work order handled; a re-run writes nothing', async () => {
		expect(order()).toMatchObject({ Status: 20, DeliveryStatus: 20 });
		world.exact.state.addFault({ match: { method: 'POST', path: 'salesinvoice/InvoiceSalesOrders' }, kind: 'write-then-drop', times: 1 });

		const run = await n8n.runManualTrigger(id, 'Run now');
		expect(run.error).toBeUndefined();
		const returned = run.json('Update sales order in Exact');
		expect(run.json('Update sales order in Exact', { output: 1 })).toEqual([]);
		expect(returned).toEqual([
			expect.objectContaining({
				workOrderNumber: ORDER_BACK_DEMO.workOrderNumber,
				status: 'returned',
				orderNumber: ORDER_BACK_DEMO.orderNumber,
				goodsDelivery: expect.objectContaining({ status: 'created' }),
				salesInvoice: expect.objectContaining({ status: 'created', invoiceNumber: invoices()[0]?.InvoiceNumber }),
			}),
		]);

		// Exact: the order holds what was used, all delivered and invoiced, once.
		expect(lines()).toEqual([
			['CV-HRE28', 1, 1, 1],
			['KK-12', 3, 3, 3],
			['ARBEID', 4.5, 4.5, 4.5],
			['EL-VD25', 2, 2, 2],
			['VOORRIJ', 0.5, 0.5, 0.5],
		]);
		expect(order()).toMatchObject({ Status: 21, DeliveryStatus: 21, InvoiceStatus: 21 });
		expect(deliveries()).toHaveLength(1);
		expect(deliveries()[0]).toMatchObject({ Description: `Werkbon ${ORDER_BACK_DEMO.workOrderNumber}` });
		expect(invoices()).toHaveLength(1);
		expect(invoices()[0]).toMatchObject({ Status: 10, YourRef: 'PO-2026-118' });
		// OutSmart: handled.
		expect(world.outsmart.state.findWorkorder(ORDER_BACK_DEMO.workOrderNumber)?.status).toBe('Afgehandeld');

		// A re-run (the work order set back to Compleet, as if marking it handled had failed) writes nothing to Exact.
		world.outsmart.state.setWorkorderStatus(ORDER_BACK_DEMO.workOrderNumber, { status: 'Compleet' });
		world.exact.state.resetStats();
		const again = await n8n.runManualTrigger(id, 'Run now');
		expect(again.error).toBeUndefined();
		expect(again.json('Update sales order in Exact')).toEqual([
			expect.objectContaining({ status: 'alreadyReturned', goodsDelivery: expect.objectContaining({ status: 'alreadyDelivered' }), salesInvoice: expect.objectContaining({ status: 'alreadyInvoiced' }) }),
		]);
		expect(exactWrites()).toBe(0);
		expect(invoices()).toHaveLength(1);
		expect(deliveries()).toHaveLength(1);
		expect(world.outsmart.state.findWorkorder(ORDER_BACK_DEMO.workOrderNumber)?.status).toBe('Afgehandeld');
	});

	it('a work order whose order is gone is marked failed (EXPFOUT) and stays Compleet', async () => {
		const demo = world.outsmart.state.list('workorders').find((w) => w.WorkorderNo === ORDER_BACK_DEMO.workOrderNumber)!;
		world.outsmart.state.insertWorkorders([{ ...customerFieldsOf(demo), WorkorderNo: 'VO-99999', _complete: { workStatus: 'GEREED' } }]);
		const run = await n8n.runManualTrigger(id, 'Run now');
		expect(run.error).toBeUndefined();
		expect(run.json('Update sales order in Exact', { output: 1 })).toEqual([
			expect.objectContaining({ workOrderNumber: 'VO-99999', error: expect.stringContaining('Sales order 99999 of work order VO-99999 not found') }),
		]);
		const failed = world.outsmart.state.findWorkorder('VO-99999');
		expect(failed?.status).toBe('Compleet');
		expect((failed?.fields as IDataObject | undefined)?.WorkStatus).toBe('EXPFOUT');
	});
});
