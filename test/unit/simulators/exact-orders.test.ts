import { EXACT_SEED_FIXTURES, startExactSimulator } from '../../../simulators/exact';
import type { ExactSimulator } from '../../../simulators/exact';
import { exactTestClient } from '../../../simulators/exact/testing';
import type { ExactTestClient, List, Row, Single } from '../../../simulators/exact/testing';

/** Sales orders and quotations in the fake Exact: nested lines, numbering, status transitions, accept/reject, sync. */


const DIV = 1234567;
const F = EXACT_SEED_FIXTURES;

let sim: ExactSimulator;
let api: ExactTestClient;

beforeAll(async () => {
	sim = await startExactSimulator({ seed: 'tiny', minutelyLimit: 100_000 });
	api = exactTestClient(sim);
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.state.reset();
	sim.state.errorLimiter.reset();
});

async function post(path: string, body: unknown): Promise<{ status: number; body: Row; error?: string }> {
	const res = await api.post(`${DIV}/${path}`, body);
	const json = (await res.json()) as Single & { error?: { message: { value: string } } };
	return { status: res.status, body: json.d, error: json.error?.message.value };
}

async function put(path: string, body: unknown): Promise<{ status: number; error?: string }> {
	const res = await api.put(`${DIV}/${path}`, body);
	const text = await res.text();
	return { status: res.status, error: text ? (JSON.parse(text) as { error: { message: { value: string } } }).error.message.value : undefined };
}

async function rows(path: string): Promise<Row[]> {
	const res = await api.json<List>(`${DIV}/${path}`);
	expect(res.status).toBe(200);
	return res.body.d.results;
}

const orderWithLines = () => ({
	OrderedBy: F.accounts.bakkerij.id,
	YourRef: 'PO-TEST-1',
	Description: 'Nieuwe cv-ketel',
	SalesOrderLines: [
		{ Item: F.items.cvKetel.id, Quantity: 1, LineNumber: 7 },
		{ Item: F.items.kogelkraan.id, Quantity: 4, LineNumber: 3 },
		{ Item: F.items.arbeid.id, Quantity: 3 },
	],
});

async function createOrder(): Promise<{ id: string; number: number; lines: Row[] }> {
	const created = await post('salesorder/SalesOrders', orderWithLines());
	expect(created.status).toBe(201);
	const lines = (created.body.SalesOrderLines as { results: Row[] }).results;
	return { id: String(created.body.OrderID), number: Number(created.body.OrderNumber), lines };
}

describe('sales orders', () => {
	it('creates an order with nested lines, numbered by Exact in the order sent, open on all three statuses', async () => {
		const created = await post('salesorder/SalesOrders', orderWithLines());
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ OrderNumber: 4, Status: 12, DeliveryStatus: 12, InvoiceStatus: 12, StatusDescription: 'Open' });
		const lines = (created.body.SalesOrderLines as { results: Row[] }).results;
		expect(lines.map((l) => [l.ItemCode, l.LineNumber, l.QuantityDelivered])).toEqual([
			['CV-HRE28', 1, 0],
			['KK-12', 2, 0],
			['ARBEID', 3, 0],
		]);

		const read = await rows(
			`salesorder/SalesOrders?$filter=OrderNumber eq 4&$select=OrderID,YourRef,SalesOrderLines&$expand=SalesOrderLines`,
		);
		expect(read).toHaveLength(1);
		const expanded = (read[0].SalesOrderLines as { results: Row[] }).results;
		expect(expanded.map((l) => l.Quantity)).toEqual([1, 4, 3]);
	});

	it('adds a line last and closes the gap after a deleted line, giving the moved lines a new Timestamp', async () => {
		const order = await createOrder();
		const added = await post('salesorder/SalesOrderLines', { OrderID: order.id, Item: F.items.draad.id, Quantity: 10, LineNumber: 1 });
		expect(added.status).toBe(201);
		expect(added.body.LineNumber).toBe(4);

		const [cursor] = (await rows(`sync/SalesOrder/SalesOrderLines?$select=Timestamp&$filter=Timestamp gt 1L`))
			.map((r) => Number(r.Timestamp))
			.sort((a, b) => b - a);
		const res = await api.del(`${DIV}/salesorder/SalesOrderLines(guid'${order.lines[0].ID}')`);
		expect(res.status).toBe(204);

		const lines = await rows(`salesorder/SalesOrderLines?$filter=OrderID eq guid'${order.id}'&$select=ItemCode,LineNumber&$orderby=LineNumber`);
		expect(lines.map((l) => [l.LineNumber, l.ItemCode])).toEqual([
			[1, 'KK-12'],
			[2, 'ARBEID'],
			[3, 'EL-VD25'],
		]);
		const changed = await rows(`sync/SalesOrder/SalesOrderLines?$select=ItemCode,LineNumber&$filter=Timestamp gt ${cursor}L`);
		expect(changed.map((l) => l.ItemCode).sort()).toEqual(['ARBEID', 'EL-VD25', 'KK-12']);
		const deleted = await rows(`sync/Deleted?$select=EntityKey,EntityType&$filter=Timestamp gt ${cursor}L`);
		expect(deleted).toEqual([expect.objectContaining({ EntityKey: order.lines[0].ID, EntityType: 33 })]);
	});

	it('follows delivered and invoiced quantities: partial, then complete, and a complete order is locked', async () => {
		const order = await createOrder();
		sim.state.updateRecord('SalesOrderLines', String(order.lines[1].ID), { QuantityDelivered: 2 });
		let header = sim.state.getRecord('SalesOrders', order.id)!;
		expect([header.Status, header.DeliveryStatus, header.InvoiceStatus]).toEqual([20, 20, 12]);
		expect(header.DeliveryStatusDescription).toBe('Partial');
		expect(sim.state.getRecord('SalesOrderLines', String(order.lines[1].ID))!.DeliveryStatus).toBe(20);

		const refusedDelete = await api.del(`${DIV}/salesorder/SalesOrderLines(guid'${order.lines[1].ID}')`);
		expect(refusedDelete.status).toBe(400);
		expect(await refusedDelete.text()).toContain('was delivered or invoiced');

		for (const line of order.lines) {
			sim.state.updateRecord('SalesOrderLines', String(line.ID), { QuantityDelivered: line.Quantity, QuantityInvoiced: line.Quantity });
		}
		header = sim.state.getRecord('SalesOrders', order.id)!;
		expect([header.Status, header.DeliveryStatus, header.InvoiceStatus, header.StatusDescription]).toEqual([21, 21, 21, 'Complete']);

		const refused = await put(`salesorder/SalesOrders(guid'${order.id}')`, { Description: 'te laat' });
		expect(refused).toEqual({ status: 400, error: `Sales order ${order.number} is complete and can no longer be changed` });
		const refusedLine = await post('salesorder/SalesOrderLines', { OrderID: order.id, Item: F.items.draad.id });
		expect(refusedLine.status).toBe(400);
	});

	it('keeps a cancelled order cancelled and refuses changes to it', async () => {
		const order = await createOrder();
		sim.state.updateRecord('SalesOrders', order.id, { Status: 45 });
		sim.state.updateRecord('SalesOrderLines', String(order.lines[0].ID), { Notes: 'geannuleerd door klant' });
		expect(sim.state.getRecord('SalesOrders', order.id)!.StatusDescription).toBe('Cancelled');
		const refused = await put(`salesorder/SalesOrderLines(guid'${order.lines[0].ID}')`, { Quantity: 2 });
		expect(refused).toEqual({ status: 400, error: `Sales order ${order.number} is cancelled and can no longer be changed` });
	});

	it('hands out headers and lines on the sync endpoints, a changed line also moving its header', async () => {
		const order = await createOrder();
		const headers = await rows(`sync/SalesOrder/SalesOrderHeaders?$select=Timestamp,OrderID,OrderNumber,Status&$filter=Timestamp gt 1L`);
		expect(headers.map((h) => h.OrderNumber)).toEqual([1, 2, 3, 4]);
		const allLines = await rows(`sync/SalesOrder/SalesOrderLines?$select=Timestamp&$filter=Timestamp gt 1L`);
		const cursor = Math.max(...[...headers, ...allLines].map((r) => Number(r.Timestamp)));
		await put(`salesorder/SalesOrderLines(guid'${order.lines[2].ID}')`, { Quantity: 5 });
		const changedHeaders = await rows(`sync/SalesOrder/SalesOrderHeaders?$select=OrderID,AmountFC&$filter=Timestamp gt ${cursor}L`);
		expect(changedHeaders).toEqual([expect.objectContaining({ OrderID: order.id })]);
		const changedLines = await rows(`sync/SalesOrder/SalesOrderLines?$select=ID,Quantity&$filter=Timestamp gt ${cursor}L`);
		expect(changedLines).toEqual([expect.objectContaining({ ID: order.lines[2].ID, Quantity: 5 })]);
	});
});

describe('quotations', () => {
	async function createQuotation(): Promise<Row> {
		const created = await post('crm/Quotations', {
			OrderAccount: F.accounts.oneill.id,
			Description: 'Badkamer renovatie',
			YourRef: 'OFF-77',
			QuotationLines: [
				{ Item: F.items.quoted.id, Quantity: 1, LineNumber: 10 },
				{ Item: F.items.arbeid.id, Quantity: 6, UnitPrice: 55 },
				{ Item: F.items.kogelkraan.id, Quantity: 2, Optional: true },
			],
		});
		expect(created.status).toBe(201);
		return created.body;
	}

	it('creates a draft with lines numbered by Exact', async () => {
		const q = await createQuotation();
		expect(q).toMatchObject({ QuotationNumber: 4, Status: 20, StatusDescription: 'Draft', VersionNumber: 1 });
		expect((q.QuotationLines as { results: Row[] }).results.map((l) => l.LineNumber)).toEqual([1, 2, 3]);
	});

	it('accepts with Action 1: Exact makes the sales order from the non-optional lines; a second accept is refused', async () => {
		const q = await createQuotation();
		const accepted = await post('crm/AcceptQuotation', { QuotationID: q.QuotationID, Action: 1, YourRef: 'OF-4' });
		expect(accepted.status).toBe(201);
		expect(accepted.body).toMatchObject({ SuccessMessage: 'Quotation accepted', SalesOrderSuccess: 'Sales order 4 has been created' });
		expect(sim.state.getRecord('Quotations', String(q.QuotationID))!.Status).toBe(50);

		const [order] = await rows(`salesorder/SalesOrders?$filter=YourRef eq 'OF-4'&$select=OrderID,OrderNumber,OrderedBy,Description,Status`);
		expect(order).toMatchObject({ OrderNumber: 4, OrderedBy: F.accounts.oneill.id, Description: 'Badkamer renovatie', Status: 12 });
		const lines = await rows(`salesorder/SalesOrderLines?$filter=OrderID eq guid'${order.OrderID}'&$select=ItemCode,Quantity,UnitPrice,LineNumber&$orderby=LineNumber`);
		expect(lines.map((l) => [l.LineNumber, l.ItemCode, l.Quantity, l.UnitPrice])).toEqual([
			[1, 'SAN-WCP', 1, expect.any(Number)],
			[2, 'ARBEID', 6, 55],
		]);

		const again = await post('crm/AcceptQuotation', { QuotationID: q.QuotationID, Action: 1 });
		expect(again.status).toBe(400);
		expect(again.error).toBe('Quotation 4 is already closed (Accepted)');
		const reject = await post('crm/RejectQuotation', { QuotationID: q.QuotationID });
		expect(reject.status).toBe(400);
		expect(sim.state.listRecords('SalesOrders')).toHaveLength(4);
	});

	it('accepts without an order by default, rejects an open one, and refuses actions it does not model', async () => {
		const first = await createQuotation();
		expect((await post('crm/AcceptQuotation', { QuotationID: first.QuotationID })).status).toBe(201);
		expect(sim.state.listRecords('SalesOrders')).toHaveLength(3);

		const second = await createQuotation();
		const project = await post('crm/AcceptQuotation', { QuotationID: second.QuotationID, Action: 3 });
		expect(project.status).toBe(400);
		expect(project.error).toContain('use 0 (no action) or 1 (create sales order)');
		expect(sim.state.getRecord('Quotations', String(second.QuotationID))!.Status).toBe(20);
		const rejected = await post('crm/RejectQuotation', { QuotationID: second.QuotationID });
		expect(rejected.body.SuccessMessage).toBe('Quotation rejected');
		expect(sim.state.getRecord('Quotations', String(second.QuotationID))!.StatusDescription).toBe('Rejected');
	});

	it('hands out quotation headers and lines on the sync endpoints and deletions as types 34/35', async () => {
		const q = await createQuotation();
		const headers = await rows(`sync/CRM/QuotationHeaders?$select=Timestamp,QuotationID,QuotationNumber&$filter=Timestamp gt 1L`);
		expect(headers.map((h) => h.QuotationNumber)).toEqual([1, 2, 3, 4]);
		const lines = await rows(`sync/CRM/QuotationLines?$select=QuotationID,LineNumber&$filter=QuotationID eq guid'${q.QuotationID}'`);
		expect(lines.map((l) => l.LineNumber)).toEqual([1, 2, 3]);
		const cursor = Math.max(...headers.map((h) => Number(h.Timestamp)));
		expect((await api.del(`${DIV}/crm/Quotations(guid'${q.QuotationID}')`)).status).toBe(204);
		const deleted = await rows(`sync/Deleted?$select=EntityKey,EntityType&$filter=Timestamp gt ${cursor}L`);
		expect(deleted.map((d) => d.EntityType).sort()).toEqual([34, 35, 35, 35]);
	});
});
