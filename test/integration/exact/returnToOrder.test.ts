/**
 * Sales Order → Update From OutSmart Work Order against the Exact simulator: the order's lines end up holding
 * what the work order used, the goods delivery and the draft invoice are made from the order when asked, and
 * nothing is written twice: re-runs, answers lost after a write, 5xx, two executions and two processes at once.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnlineSalesOrder/ExactOnlineSalesOrder.node';
import { EXACT_SEED_FIXTURES } from '../../../simulators/exact';
import { jsonOf } from '../../harness/context';
import { endpointsOf, useEntitySimulator } from './entities/setup';

const { accounts, items } = EXACT_SEED_FIXTURES;
const suite = useEntitySimulator(new ExactOnlineSalesOrder());
const state = () => suite.exact.sim.state;

/** Order 501 of O'Neill: 2 ball valves, 3 m tube, a boiler, 2 hours of labour. */
function seedOrder(number = 501, account: string = accounts.oneill.id): IDataObject {
	return state().insertRecord('SalesOrders', {
		OrderNumber: number,
		OrderedBy: account,
		YourRef: 'PO-7788',
		Description: 'Onderhoud cv',
		SalesOrderLines: [
			{ Item: items.kogelkraan.id, Quantity: 2, UnitPrice: 12.5 },
			{ Item: items.codeWithSpaces.id, Quantity: 3, UnitPrice: 4.1 },
			{ Item: items.cvKetel.id, Quantity: 1, UnitPrice: 1450 },
			{ Item: items.arbeid.id, Quantity: 2, UnitPrice: 65 },
		],
	});
}

/** The technician used 3 valves, the tube, no boiler, 2:30 labour, 1 extra wire and a call-out. */
function workOrder(number = 'VO-501', overrides: IDataObject = {}): IDataObject {
	return {
		WorkorderNo: number,
		CustomerDebtorNr: accounts.oneill.code.trim(),
		Materials: [
			{ MaterialCode: items.kogelkraan.code, MaterialNr: '3', MaterialPrice: '12,50', MaterialName: 'Kogelkraan' },
			{ MaterialCode: items.codeWithSpaces.code, MaterialNr: '3', MaterialPrice: '4,10', MaterialName: 'Buis' },
			{ MaterialCode: items.draad.code, MaterialNr: '1', MaterialPrice: '7,25', MaterialName: 'Draad' },
		],
		Workperiods: [
			{ WorkDate: '20-11-2026', TotalTime: '02:30', HourType: items.arbeid.code },
			{ WorkDate: '20-11-2026', TotalTime: '00:30', HourType: items.voorrij.code },
		],
		...overrides,
	};
}

const PARAMETERS = { operation: 'updateFromWorkOrder', workOrder: '={{ $json }}' };
const THEN_ALL = { recordDelivery: true, createInvoice: true, invoiceJournal: '70' };

const run = (workOrders: IDataObject[], parameters: Record<string, unknown> = {}) => suite.run({ ...PARAMETERS, ...parameters }, { items: workOrders });

const orderOf = (number: number) => state().listRecords('SalesOrders').find((o) => o.OrderNumber === number)!;
const linesOf = (number: number) =>
	state()
		.listRecords('SalesOrderLines')
		.filter((l) => l.OrderID === orderOf(number).OrderID)
		.sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber))
		.map((l) => [l.ItemCode, l.Quantity, l.Notes ?? null]);
const invoicesOf = (number: number) => state().listRecords('SalesInvoices').filter((i) => i.OrderNumber === number);
const deliveries = () => state().listRecords('GoodsDeliveries');
const writes = (result: Awaited<ReturnType<typeof run>>) => endpointsOf(result).filter((e) => !e.startsWith('GET')).map((e) => e.replace(/\(guid'[^']+'\)$/, ''));
const refusedOf = (result: Awaited<ReturnType<typeof run>>) => {
	if (result.error) throw result.error;
	return (result.output?.[1] ?? []).map((item) => item.json);
};

const USED = [
	['KK-12', 3, null],
	['BUIS 15 CU', 3, null],
	['ARBEID', 2.5, null],
	['EL-VD25', 1, 'Werkbon VO-501'],
	['VOORRIJ', 0.5, 'Werkbon VO-501'],
];

describe('Sales Order: Update From OutSmart Work Order', () => {
	it('sets the order lines to what was used, adds the extra material and hours, removes what was not used', async () => {
		seedOrder();
		const result = await run([workOrder()]);
		const [out] = jsonOf(result);
		expect(out).toMatchObject({
			workOrderNumber: 'VO-501',
			status: 'returned',
			orderNumber: 501,
			linesUpdated: [
				{ lineNumber: 1, item: 'KK-12', from: 2, to: 3 },
				{ lineNumber: 4, item: 'ARBEID', from: 2, to: 2.5 },
			],
			linesAdded: [{ item: 'EL-VD25', quantity: 1 }, { item: 'VOORRIJ', quantity: 0.5 }],
			linesRemoved: [{ lineNumber: 3, item: 'CV-HRE28', quantity: 1 }],
			goodsDelivery: null,
			salesInvoice: null,
		});
		expect(linesOf(501)).toEqual(USED);
		// Lines kept their order price; the extra line took the work order's price.
		const wire = state().listRecords('SalesOrderLines').find((l) => l.ItemCode === 'EL-VD25')!;
		expect(wire.UnitPrice).toBe(7.25);
		// Reads: order, lines, relation, items; then one write per change and a read-back of the lines.
		expect(writes(result)).toEqual([
			'PUT salesorder/SalesOrderLines',
			'PUT salesorder/SalesOrderLines',
			'POST salesorder/SalesOrderLines',
			'POST salesorder/SalesOrderLines',
			'DELETE salesorder/SalesOrderLines',
		]);
		expect(endpointsOf(result)).toHaveLength(4 + 5 + 1);
	});

	it('a re-run finds the order already holding the work order and writes nothing', async () => {
		seedOrder();
		await run([workOrder()], THEN_ALL);
		const again = await run([workOrder()], THEN_ALL);
		expect(writes(again)).toEqual([]);
		// Order, lines, relation, items, and the look-ups that name the delivery and the invoice.
		expect(endpointsOf(again)).toHaveLength(6);
		const [out] = jsonOf(again);
		expect(out).toMatchObject({
			status: 'alreadyReturned',
			linesUpdated: [],
			linesAdded: [],
			linesRemoved: [],
			goodsDelivery: { status: 'alreadyDelivered', deliveryNumber: 1 },
			salesInvoice: { status: 'alreadyInvoiced', invoiceNumber: invoicesOf(501)[0].InvoiceNumber },
		});
		expect(linesOf(501)).toEqual(USED);
		expect(deliveries()).toHaveLength(1);
		expect(invoicesOf(501)).toHaveLength(1);
	});

	it('records the goods delivery and has Exact make the draft invoice from the order, linked to its lines', async () => {
		seedOrder();
		const result = await run([workOrder()], THEN_ALL);
		const [out] = jsonOf(result);
		const [invoice] = invoicesOf(501);
		// 4 reads, 5 line writes, a read-back, the delivery (the lines follow from Exact's answer), the invoice and
		// the run's look-up of the invoice numbers.
		expect(endpointsOf(result)).toHaveLength(13);
		expect(out).toMatchObject({
			goodsDelivery: { status: 'created', deliveryNumber: 1 },
			salesInvoice: { status: 'created', invoiceNumber: invoice.InvoiceNumber, invoiceID: invoice.InvoiceID },
		});
		expect(deliveries()[0]).toMatchObject({ Description: 'Werkbon VO-501', DeliveryAccount: accounts.oneill.id });
		expect(invoice).toMatchObject({ Status: 10, Journal: '70', YourRef: 'PO-7788', InvoiceTo: accounts.oneill.id });
		const order = orderOf(501);
		const invoiceLines = state().listRecords('SalesInvoiceLines').filter((l) => l.InvoiceID === invoice.InvoiceID);
		expect(invoiceLines.map((l) => [l.ItemCode, l.Quantity, l.SalesOrder, l.SalesOrderNumber])).toEqual(
			USED.map(([code, quantity]) => [code, quantity, order.OrderID, 501]),
		);
		expect(order).toMatchObject({ DeliveryStatus: 21, InvoiceStatus: 21, Status: 21 });
	});

	it('20 work orders: the orders, lines, relations, items and the invoice numbers are read once for the run', async () => {
		const numbers = Array.from({ length: 20 }, (_, n) => 601 + n);
		for (const number of numbers) seedOrder(number);
		const orders = numbers.map((number) => workOrder(`VO-${number}`));
		const count = (result: Awaited<ReturnType<typeof run>>) => {
			const byEndpoint: Record<string, number> = {};
			for (const endpoint of endpointsOf(result).map((e) => e.replace(/\(guid'[^']+'\)$/, ''))) byEndpoint[endpoint] = (byEndpoint[endpoint] ?? 0) + 1;
			return byEndpoint;
		};
		const first = await run(orders, THEN_ALL);
		expect(jsonOf(first).map((o) => [o.status, (o.goodsDelivery as IDataObject).status, (o.salesInvoice as IDataObject).status])).toEqual(numbers.map(() => ['returned', 'created', 'created']));
		expect(jsonOf(first).map((o) => (o.salesInvoice as IDataObject).invoiceNumber)).toEqual(numbers.map((number) => invoicesOf(number)[0].InvoiceNumber));
		// Per work order: its 5 line writes, one read-back of its lines (the proof), the delivery and the invoice.
		expect(count(first)).toEqual({
			'GET salesorder/SalesOrders': 1,
			// The 80 lines of the 20 orders are two pages of 60; then one read-back per order.
			'GET salesorder/SalesOrderLines': 2 + 20,
			'GET crm/Accounts': 1,
			'GET logistics/Items': 1,
			'PUT salesorder/SalesOrderLines': 2 * 20,
			'POST salesorder/SalesOrderLines': 2 * 20,
			'DELETE salesorder/SalesOrderLines': 20,
			'POST salesorder/GoodsDeliveries': 20,
			'POST salesinvoice/InvoiceSalesOrders': 20,
			'GET salesinvoice/SalesInvoices': 1,
		});

		const again = await run(orders, THEN_ALL);
		expect(jsonOf(again).map((o) => [o.status, (o.goodsDelivery as IDataObject).deliveryNumber])).toEqual(numbers.map((_, n) => ['alreadyReturned', n + 1]));
		expect(count(again)).toEqual({
			'GET salesorder/SalesOrders': 1,
			'GET salesorder/SalesOrderLines': 2,
			'GET crm/Accounts': 1,
			'GET logistics/Items': 1,
			'GET salesorder/GoodsDeliveries': 1,
			'GET salesinvoice/SalesInvoices': 1,
		});
		expect(deliveries()).toHaveLength(20);
		for (const number of numbers) expect(invoicesOf(number)).toHaveLength(1);
	});

	it('invoices by ordered quantity when no delivery is recorded, and delivers only when asked', async () => {
		seedOrder();
		const [out] = jsonOf(await run([workOrder()], { createInvoice: true, invoiceJournal: '70' }));
		expect(out.goodsDelivery).toBeNull();
		expect(out.salesInvoice).toMatchObject({ status: 'created' });
		expect(deliveries()).toHaveLength(0);
		expect(orderOf(501)).toMatchObject({ DeliveryStatus: 12, InvoiceStatus: 21, Status: 20 });
	});

	it('keeps ordered lines that were not used when asked', async () => {
		seedOrder();
		const [out] = jsonOf(await run([workOrder()], { returnOptions: { unusedLines: 'keep' } }));
		expect(out.linesRemoved).toEqual([]);
		expect(linesOf(501).map((l) => l[0])).toContain('CV-HRE28');
	});
});

describe('Sales Order: Update From OutSmart Work Order never writes twice', () => {
	it('a new line whose answer is lost is found on the order, not added a second time', async () => {
		seedOrder();
		state().addFault({ match: { method: 'POST', path: 'salesorder/SalesOrderLines' }, kind: 'write-then-drop', times: 1 });
		const result = await run([workOrder()]);
		expect(jsonOf(result)[0]).toMatchObject({ status: 'returned' });
		expect(linesOf(501)).toEqual(USED);
	});

	it('a goods delivery and an invoice whose answers are lost are found, not made twice', async () => {
		seedOrder();
		state().addFault({ match: { method: 'POST', path: 'salesorder/GoodsDeliveries' }, kind: 'write-then-drop', times: 1 });
		state().addFault({ match: { method: 'POST', path: 'salesinvoice/InvoiceSalesOrders' }, kind: 'write-then-drop', times: 1 });
		const [out] = jsonOf(await run([workOrder()], THEN_ALL));
		expect(out).toMatchObject({ goodsDelivery: { status: 'created', deliveryNumber: 1 }, salesInvoice: { status: 'created' } });
		expect(deliveries()).toHaveLength(1);
		expect(invoicesOf(501)).toHaveLength(1);
	});

	it('Exact answering 503 to the invoice stops the run with a clear error; the next run invoices once', async () => {
		seedOrder();
		state().addFault({ match: { method: 'POST', path: 'salesinvoice/InvoiceSalesOrders' }, kind: 'status', status: 503, times: 0 });
		const failed = await run([workOrder()], THEN_ALL);
		expect(failed.output).toBeUndefined();
		expect(failed.error?.message).toMatch(/Exact did not confirm the invoice of sales order 501 for work order VO-501 \(HTTP 503\)/);
		expect(failed.error?.description).toMatch(/not written a second time.*stays ready/);
		expect(invoicesOf(501)).toHaveLength(0);
		// What was written stays; the next run only invoices.
		expect(linesOf(501)).toEqual(USED);
		state().clearFaults();
		const next = await run([workOrder()], THEN_ALL);
		expect(writes(next)).toEqual(['POST salesinvoice/InvoiceSalesOrders']);
		expect(invoicesOf(501)).toHaveLength(1);
	});

	it('a new line whose connection drops before Exact stored it stops the run; the next run adds it once', async () => {
		seedOrder();
		state().addFault({ match: { method: 'POST', path: 'salesorder/SalesOrderLines' }, kind: 'drop', times: 1 });
		const failed = await run([workOrder()]);
		expect(failed.error?.message).toMatch(/did not confirm the new line EL-VD25 on sales order 501 for work order VO-501/);
		const next = await run([workOrder()]);
		expect(jsonOf(next)[0]).toMatchObject({ status: 'returned' });
		expect(linesOf(501)).toEqual(USED);
	});

	it('two executions at once: one set of new lines, one delivery, one invoice', async () => {
		seedOrder();
		const [a, b] = await Promise.all([run([workOrder()], THEN_ALL), run([workOrder()], THEN_ALL)]);
		const statuses = [...jsonOf(a), ...jsonOf(b)].map((r) => r.status).sort();
		expect(statuses).toEqual(['alreadyReturned', 'returned']);
		expect(linesOf(501)).toEqual(USED);
		expect(deliveries()).toHaveLength(1);
		expect(invoicesOf(501)).toHaveLength(1);
	});

	it('another process added the same line at the same moment: the later line is removed', async () => {
		seedOrder();
		state().addFault({ match: { method: 'POST', path: 'salesorder/SalesOrderLines' }, kind: 'delay', delayMs: 600 });
		const running = run([workOrder()]);
		await new Promise((resolve) => setTimeout(resolve, 200));
		// "Another n8n process" adds the wire for this work order first.
		state().insertRecord('SalesOrderLines', { OrderID: orderOf(501).OrderID, Item: items.draad.id, Quantity: 1, Notes: 'Werkbon VO-501' });
		const [out] = jsonOf(await running);
		expect(out).toMatchObject({ status: 'returned', duplicateLinesRemoved: 1 });
		expect(linesOf(501).filter((l) => l[0] === 'EL-VD25')).toHaveLength(1);
	});

	it('another process delivered the order at the same moment: Exact refuses our delivery, none is made twice', async () => {
		seedOrder();
		await run([workOrder()]);
		state().addFault({ match: { method: 'POST', path: 'salesorder/GoodsDeliveries' }, kind: 'delay', delayMs: 500 });
		const running = run([workOrder()], THEN_ALL);
		await new Promise((resolve) => setTimeout(resolve, 200));
		const lines = state().listRecords('SalesOrderLines').filter((l) => l.OrderID === orderOf(501).OrderID);
		state().insertRecord('GoodsDeliveries', { Description: 'Werkbon VO-501', GoodsDeliveryLines: lines.map((l) => ({ SalesOrderLineID: l.ID, QuantityDelivered: l.Quantity })) });
		const [out] = jsonOf(await running);
		// The invoice that follows goes by what the other process delivered.
		expect(out).toMatchObject({ goodsDelivery: { status: 'alreadyDelivered', deliveryNumber: 1 }, salesInvoice: { status: 'created' } });
		expect(deliveries()).toHaveLength(1);
		expect(invoicesOf(501)).toHaveLength(1);
	});

	it('another process invoiced the order at the same moment: Exact makes no second invoice, the first is reported', async () => {
		seedOrder();
		await run([workOrder()]);
		state().addFault({ match: { method: 'POST', path: 'salesinvoice/InvoiceSalesOrders' }, kind: 'delay', delayMs: 500 });
		const running = run([workOrder()], { createInvoice: true, invoiceJournal: '70' });
		await new Promise((resolve) => setTimeout(resolve, 200));
		const lines = state().listRecords('SalesOrderLines').filter((l) => l.OrderID === orderOf(501).OrderID);
		const theirs = state().insertRecord('SalesInvoices', {
			OrderedBy: accounts.oneill.id,
			Journal: '70',
			OrderNumber: 501,
			SalesInvoiceLines: lines.map((l) => ({ Item: l.Item, Quantity: l.Quantity, SalesOrder: l.OrderID, SalesOrderLine: l.ID })),
		});
		for (const line of lines) state().updateRecord('SalesOrderLines', String(line.ID), { QuantityInvoiced: line.Quantity });
		const [out] = jsonOf(await running);
		expect(out).toMatchObject({ status: 'alreadyReturned', salesInvoice: { status: 'alreadyInvoiced', invoiceID: theirs.InvoiceID } });
		expect(invoicesOf(501)).toHaveLength(1);
	});
});

describe('Sales Order: Update From OutSmart Work Order refuses, per work order', () => {
	it('refuses a work order made in OutSmart, an unknown order and another customer\'s order, and goes on with the rest', async () => {
		seedOrder();
		seedOrder(502, accounts.bakkerij.id);
		const result = await run([workOrder('WO-9'), workOrder('VO-999'), workOrder('VO-502'), workOrder()]);
		expect(refusedOf(result).map((r) => [r.workOrderNumber, r.error])).toEqual([
			['WO-9', 'Work order WO-9 was made in OutSmart, not from an Exact sales order: it has no order to go back to'],
			['VO-999', 'Sales order 999 of work order VO-999 not found in Exact administration 1234567'],
			['VO-502', `Sales order 502 is for ${accounts.bakkerij.name}, not for relation ${accounts.oneill.code.trim()} on work order VO-502`],
		]);
		expect(jsonOf(result).map((r) => r.workOrderNumber)).toEqual(['VO-501']);
		expect(linesOf(502).map((l) => l[1])).toEqual([2, 3, 1, 2]);
	});

	it('refuses a work order that used less than Exact already delivered, and writes nothing', async () => {
		seedOrder();
		const line = state().listRecords('SalesOrderLines').find((l) => l.OrderID === orderOf(501).OrderID && l.ItemCode === 'KK-12')!;
		state().updateRecord('SalesOrderLines', String(line.ID), { QuantityDelivered: 2 });
		const result = await run([workOrder('VO-501', { Materials: [{ MaterialCode: items.kogelkraan.code, MaterialNr: '1' }] })]);
		expect(refusedOf(result)[0].error).toBe(
			'Work order VO-501 cannot go back to sales order 501: Sales order line 1 (KK-12) was already delivered or invoiced 2, more than the 1 used on the work order',
		);
		expect(writes(result)).toEqual([]);
	});

	it('refuses a cancelled order and an unknown item before writing', async () => {
		seedOrder();
		seedOrder(503);
		state().updateRecord('SalesOrders', String(orderOf(503).OrderID), { Status: 45 });
		const unknownItem = workOrder('VO-501', { Materials: [{ MaterialCode: 'NOPE-1', MaterialNr: '1' }] });
		const result = await run([workOrder('VO-503'), unknownItem]);
		expect(refusedOf(result).map((r) => r.error)).toEqual([
			'Sales order 503 of work order VO-503 is cancelled in Exact',
			'Item NOPE-1 on work order VO-501 not found in Exact administration 1234567',
		]);
		expect(writes(result)).toEqual([]);
	});

	it('a wrong invoice journal is the node\'s setting: the run stops', async () => {
		seedOrder();
		const result = await run([workOrder()], { createInvoice: true, invoiceJournal: '99' });
		expect(result.error?.message).toMatch(/Journal not found: 99/);
		expect(result.error?.description).toMatch(/Invoice Journal/);
		expect(invoicesOf(501)).toHaveLength(0);
	});
});
