import { EXACT_SEED_FIXTURES, startExactSimulator } from '../../../simulators/exact';
import type { ExactSimulator } from '../../../simulators/exact';
import { exactTestClient } from '../../../simulators/exact/testing';
import type { ExactTestClient, Row, Single } from '../../../simulators/exact/testing';

/**
 * What follows a sales order in the fake Exact: goods deliveries (salesorder/GoodsDeliveries, lines nested) raise
 * the delivered quantity of the order lines they name; InvoiceSalesOrders makes a draft invoice per order from what
 * is left to invoice; an order line's quantity can't go below what was delivered or invoiced.
 */

const DIV = 1234567;
const F = EXACT_SEED_FIXTURES;

let sim: ExactSimulator;
let api: ExactTestClient;

beforeAll(async () => {
	sim = await startExactSimulator({ seed: 'tiny', minutelyLimit: 100_000 });
	api = exactTestClient(sim);
});
afterAll(async () => sim.close());
beforeEach(() => {
	sim.state.reset();
	sim.state.errorLimiter.reset();
});

async function send(method: 'post' | 'put', path: string, body: unknown): Promise<{ status: number; body?: Row; error?: string }> {
	const res = await api[method](`${DIV}/${path}`, body);
	const text = await res.text();
	const json = text ? (JSON.parse(text) as Single & { error?: { message: { value: string } } }) : undefined;
	return { status: res.status, body: json?.d, error: json?.error?.message.value };
}

function order(): { id: string; number: number; lines: Row[] } {
	const record = sim.state.insertRecord('SalesOrders', {
		OrderedBy: F.accounts.bakkerij.id,
		YourRef: 'PO-1',
		SalesOrderLines: [
			{ Item: F.items.kogelkraan.id, Quantity: 4, UnitPrice: 10 },
			{ Item: F.items.arbeid.id, Quantity: 2, UnitPrice: 60 },
		],
	});
	const lines = sim.state.listRecords('SalesOrderLines').filter((l) => l.OrderID === record.OrderID);
	return { id: String(record.OrderID), number: Number(record.OrderNumber), lines: lines.sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber)) };
}

const orderRecord = (id: string) => sim.state.listRecords('SalesOrders').find((o) => o.OrderID === id)!;
const lineRecord = (id: unknown) => sim.state.listRecords('SalesOrderLines').find((l) => l.ID === id)!;

describe('fake Exact: goods deliveries', () => {
	it('a delivery of part of a line makes the order partly delivered; its lines take the order line numbers', async () => {
		const { id, number, lines } = order();
		const created = await send('post', 'salesorder/GoodsDeliveries', { Description: 'Werkbon VO-1', GoodsDeliveryLines: [{ SalesOrderLineID: lines[0].ID, QuantityDelivered: 3 }] });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ DeliveryNumber: 1, Description: 'Werkbon VO-1', DeliveryAccount: F.accounts.bakkerij.id });
		const [line] = sim.state.listRecords('GoodsDeliveryLines');
		expect(line).toMatchObject({ SalesOrderNumber: number, SalesOrderLineNumber: 1, ItemCode: 'KK-12', QuantityOrdered: 4, QuantityDelivered: 3 });
		expect(lineRecord(lines[0].ID)).toMatchObject({ QuantityDelivered: 3, DeliveryStatus: 20 });
		expect(orderRecord(id)).toMatchObject({ DeliveryStatus: 20, Status: 20 });
	});

	it('a line without a quantity delivers what is open; delivering more than is open is refused', async () => {
		const { id, lines } = order();
		await send('post', 'salesorder/GoodsDeliveries', { GoodsDeliveryLines: lines.map((l) => ({ SalesOrderLineID: l.ID })) });
		expect(orderRecord(id)).toMatchObject({ DeliveryStatus: 21 });
		const again = await send('post', 'salesorder/GoodsDeliveries', { GoodsDeliveryLines: [{ SalesOrderLineID: lines[1].ID, QuantityDelivered: 1 }] });
		expect(again).toMatchObject({ status: 400, error: expect.stringMatching(/more than the quantity still to deliver \(0\)/) });
		expect(sim.state.listRecords('GoodsDeliveries')).toHaveLength(1);
	});

	it('a delivery needs its lines, each naming a sales order line', async () => {
		expect((await send('post', 'salesorder/GoodsDeliveries', { Description: 'x' })).error).toBe('Mandatory: GoodsDeliveryLines');
		expect((await send('post', 'salesorder/GoodsDeliveries', { GoodsDeliveryLines: [{ QuantityDelivered: 1 }] })).error).toBe('Mandatory: SalesOrderLineID');
	});
});

describe('fake Exact: InvoiceSalesOrders and order line quantities', () => {
	it('makes a draft invoice from the order by ordered quantity, its lines pointing to the order lines', async () => {
		const { id, number, lines } = order();
		const answer = await send('post', 'salesinvoice/InvoiceSalesOrders', { JournalCode: '70', InvoiceMode: 1, CreateMode: 1, SalesOrderIDs: [{ ID: id }] });
		expect(answer).toMatchObject({ status: 201, body: { NumberOfCreatedInvoices: 1, NumberOfFailedInvoices: 0, Errors: null } });
		const [invoice] = sim.state.listRecords('SalesInvoices').filter((i) => i.OrderNumber === number);
		expect(invoice).toMatchObject({ Status: 10, Journal: '70', YourRef: 'PO-1', InvoiceTo: F.accounts.bakkerij.id });
		const invoiceLines = sim.state.listRecords('SalesInvoiceLines').filter((l) => l.InvoiceID === invoice.InvoiceID);
		expect(invoiceLines.map((l) => [l.SalesOrderLine, l.Quantity, l.UnitPrice])).toEqual([
			[lines[0].ID, 4, 10],
			[lines[1].ID, 2, 60],
		]);
		expect(orderRecord(id)).toMatchObject({ InvoiceStatus: 21, DeliveryStatus: 12, Status: 20 });
		// Nothing is left: a second call makes no invoice and says why.
		const again = await send('post', 'salesinvoice/InvoiceSalesOrders', { JournalCode: '70', InvoiceMode: 1, SalesOrderIDs: [{ ID: id }] });
		expect(again.body).toMatchObject({ NumberOfCreatedInvoices: 0, NumberOfFailedInvoices: 1, Errors: `Sales order ${number}: nothing to invoice` });
	});

	it('by delivered quantity invoices only what was delivered', async () => {
		const { id, lines } = order();
		await send('post', 'salesorder/GoodsDeliveries', { GoodsDeliveryLines: [{ SalesOrderLineID: lines[0].ID, QuantityDelivered: 1 }] });
		await send('post', 'salesinvoice/InvoiceSalesOrders', { JournalCode: '70', InvoiceMode: 0, SalesOrderIDs: [{ ID: id }] });
		expect(sim.state.listRecords('SalesInvoiceLines').filter((l) => l.SalesOrder === id).map((l) => l.Quantity)).toEqual([1]);
		expect(lineRecord(lines[0].ID)).toMatchObject({ QuantityInvoiced: 1, InvoiceStatus: 20 });
	});

	it('refuses an unknown journal for the whole call, and a line quantity below what was delivered', async () => {
		const { id, lines } = order();
		expect((await send('post', 'salesinvoice/InvoiceSalesOrders', { JournalCode: '99', SalesOrderIDs: [{ ID: id }] })).error).toBe('Journal not found: 99');
		await send('post', 'salesorder/GoodsDeliveries', { GoodsDeliveryLines: [{ SalesOrderLineID: lines[0].ID, QuantityDelivered: 3 }] });
		const lower = await send('put', `salesorder/SalesOrderLines(guid'${String(lines[0].ID)}')`, { Quantity: 2 });
		expect(lower).toMatchObject({ status: 400, error: expect.stringMatching(/Quantity 2 of sales order line 1 .* is less than what was delivered or invoiced \(3\)/) });
		expect((await send('put', `salesorder/SalesOrderLines(guid'${String(lines[0].ID)}')`, { Quantity: 3 })).status).toBe(204);
	});
});
