/**
 * Exact Online Sales Order against the Exact simulator: Get with lines, Get Many filters, Create with lines,
 * Update of header and lines (checked before any write), Get Changes / Confirm Changes from the header and
 * line sync streams (one item per order with all its lines; deletions).
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineSalesOrder } from '../../../../nodes/ExactOnlineSalesOrder/ExactOnlineSalesOrder.node';
import { SALES_ORDER, SALES_ORDER_LINE } from '../../../../nodes/ExactOnlineApi/entity/definitions';
import { EXACT_SEED_FIXTURES } from '../../../../simulators/exact';
import { jsonOf } from '../../../harness/context';
import { callsOf, endpointsOf, ISO_WITH_OFFSET, rl, type Runner, useEntitySimulator } from './setup';

const { accounts, items } = EXACT_SEED_FIXTURES;
const suite = useEntitySimulator(new ExactOnlineSalesOrder());
const { run } = suite;

const state = () => suite.exact.sim.state;
const orderRecord = (number: number) => state().listRecords('SalesOrders').find((o) => o.OrderNumber === number)!;
const linesOf = (orderId: unknown) =>
	state()
		.listRecords('SalesOrderLines')
		.filter((l) => l.OrderID === orderId)
		.sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber));
type Lines = Array<Record<string, unknown>>;
/** "PUT salesorder/SalesOrderLines" per call, without the record key. */
const writesOf = (result: Awaited<ReturnType<Runner>>) => endpointsOf(result).map((e) => e.replace(/\(guid'[^']+'\)$/, ''));

describe('Exact Online Sales Order: Get', () => {
	it('gets an order by number with its lines in line order: two calls', async () => {
		const result = await run({ operation: 'get', order: '1' });
		const [order] = jsonOf(result);
		expect(order).toMatchObject({ OrderNumber: 1, YourRef: 'PO-20250001', Status: 12, StatusDescription: 'Open', OrderedByName: "O'Neill Installaties" });
		expect(String(order.OrderDate)).toBe('2025-05-01T09:00:00.000+02:00');
		const lines = order.SalesOrderLines as Lines;
		expect(lines.map((l) => [l.LineNumber, l.ItemCode, l.Quantity, l.QuantityDelivered])).toEqual([
			[1, 'ARBEID', 1.5, 0],
			[2, 'CV-HRE28', 1, 0],
			[3, 'CV-HRE28', 4, 0],
			[4, 'CV-HRE28', 4, 0],
		]);
		expect(Object.keys(lines[0])).toEqual(SALES_ORDER_LINE.fields);
		expect(endpointsOf(result)).toEqual(['GET salesorder/SalesOrders', 'GET salesorder/SalesOrderLines']);
		expect(callsOf(result)[0].query.$filter).toBe('OrderNumber eq 1');
		expect(callsOf(result)[0].query.$select).toBe(SALES_ORDER.fields.join(','));
	});

	it('gets an order by its ID, and without lines with one call', async () => {
		const stored = orderRecord(2);
		const result = await run({ operation: 'get', order: String(stored.OrderID), options: { includeLines: false } });
		expect(jsonOf(result)[0]).toMatchObject({ OrderID: stored.OrderID, OrderNumber: 2 });
		expect(jsonOf(result)[0]).not.toHaveProperty('SalesOrderLines');
		expect(callsOf(result)).toHaveLength(1);
	});

	it('names an unknown order and the administration; refuses what is no number or ID without a call', async () => {
		const unknown = await run({ operation: 'get', order: '999' });
		expect(unknown.error?.message).toBe("Sales order '999' not found in administration 1234567");
		const bad = await run({ operation: 'get', order: 'PO-20250001' });
		expect(bad.error?.message).toBe("'PO-20250001' is not an order number or ID");
		expect(bad.error?.description).toBe('Enter the order number (digits, e.g. 1234) or the OrderID (a GUID)');
		expect(bad.host.http).toHaveLength(0);
	});
});

describe('Exact Online Sales Order: Get Many', () => {
	const numbers = (result: Awaited<ReturnType<Runner>>) => jsonOf(result).map((o) => o.OrderNumber);

	it('filters on status, delivery status and invoice status, newest first', async () => {
		const order2 = orderRecord(2);
		state().updateRecord('SalesOrderLines', String(linesOf(order2.OrderID)[0].ID), { QuantityDelivered: 3 });
		expect(numbers(await run({ operation: 'getMany', returnAll: true, filters: { status: '12' } }))).toEqual([3, 1]);
		const partial = await run({ operation: 'getMany', returnAll: true, filters: { deliveryStatus: '20', invoiceStatus: '12' } });
		expect(numbers(partial)).toEqual([2]);
		expect(callsOf(partial)[0].query.$filter).toBe('DeliveryStatus eq 20 and InvoiceStatus eq 12');
		expect(callsOf(partial)[0].query.$orderby).toBe('OrderNumber desc');
		state().updateRecord('SalesOrders', String(orderRecord(3).OrderID), { Status: 45 });
		expect(numbers(await run({ operation: 'getMany', returnAll: true, filters: { status: '45' } }))).toEqual([3]);
	});

	it('filters on the account, your reference, a description tag and date windows (Dutch dates)', async () => {
		const byAccount = await run({ operation: 'getMany', returnAll: true, account: rl('code', '2') });
		expect(numbers(byAccount)).toEqual([3, 1]);
		expect(endpointsOf(byAccount)).toEqual(['GET crm/Accounts', 'GET salesorder/SalesOrders']);
		expect(numbers(await run({ operation: 'getMany', returnAll: true, account: rl('list', accounts.longName.id) }))).toEqual([2]);
		expect(numbers(await run({ operation: 'getMany', returnAll: true, filters: { yourRef: 'PO-20250003' } }))).toEqual([3]);
		const tagged = await run({ operation: 'getMany', returnAll: true, filters: { descriptionContains: "KRAAN" } });
		expect(numbers(tagged)).toEqual([2]);
		const window = await run({ operation: 'getMany', returnAll: true, filters: { dateFrom: '2025-05-02', deliveryDateTo: '2025-05-09T12:00:00' } });
		expect(numbers(window)).toEqual([2]);
		expect(callsOf(window)[0].query.$filter).toBe("OrderDate ge datetime'2025-05-02T00:00:00' and DeliveryDate le datetime'2025-05-09T12:00:00'");
		const none = await run({ operation: 'getMany', returnAll: true, filters: { dateTo: '2025-04-30' } });
		expect(jsonOf(none)).toEqual([]);
	});

	it('adds the lines of all orders found with one extra call when asked; asks only for the usual fields', async () => {
		const result = await run({ operation: 'getMany', returnAll: true, options: { includeLines: true } });
		const orders = jsonOf(result);
		expect(orders.map((o) => (o.SalesOrderLines as Lines).length)).toEqual([3, 2, 4]);
		// Return All without a filter reads the headers from the sync endpoint (1,000 a call): one call either way.
		expect(endpointsOf(result)).toEqual(['GET sync/SalesOrder/SalesOrderHeaders', 'GET salesorder/SalesOrderLines']);
		const plain = await run({ operation: 'getMany', limit: 1 });
		expect(Object.keys(jsonOf(plain)[0])).toEqual(SALES_ORDER.fields);
		expect(callsOf(plain)).toHaveLength(1);
	});
});

describe('Exact Online Sales Order: Include Accounts', () => {
	it('adds the accounts each order names, one call for all of them, and the delivery address when there is one', async () => {
		const address = state().listRecords('Addresses').find((a) => a.Account === accounts.longName.id)!;
		state().updateRecord('SalesOrders', String(orderRecord(2).OrderID), { DeliveryAddress: address.ID });
		const result = await run({ operation: 'getMany', returnAll: true, options: { includeAccounts: true } });
		const orders = jsonOf(result);
		expect(orders.map((o) => (o.Accounts as Record<string, IDataObject>).OrderedBy.Name)).toEqual([
			"O'Neill Installaties",
			accounts.longName.name,
			"O'Neill Installaties",
		]);
		expect(Object.keys(orders[0].Accounts as IDataObject)).toEqual(['OrderedBy', 'InvoiceTo', 'DeliverTo']);
		expect((orders[0].Accounts as Record<string, IDataObject>).DeliverTo.Code).toBe('2');
		expect(orders[1].DeliveryAddressRecord).toMatchObject({ ID: address.ID, City: address.City });
		expect(orders[0]).not.toHaveProperty('DeliveryAddressRecord');
		expect(orders[0]).not.toHaveProperty('SalesOrderLines');
		expect(endpointsOf(result)).toEqual(['GET sync/SalesOrder/SalesOrderHeaders', 'GET crm/Accounts', 'GET crm/Addresses']);

		const one = await run({ operation: 'get', order: '1', options: { includeAccounts: true } });
		expect(jsonOf(one)[0]).toMatchObject({ Accounts: { OrderedBy: { ID: accounts.oneill.id } }, SalesOrderLines: expect.any(Array) });
		expect(endpointsOf(one)).toEqual(['GET salesorder/SalesOrders', 'GET salesorder/SalesOrderLines', 'GET crm/Accounts']);
	});
});

describe('Exact Online Sales Order: Create', () => {
	const newOrder = (lines: IDataObject[], additionalFields: IDataObject = {}) => ({
		operation: 'create',
		orderedBy: rl('code', '1'),
		lines: { line: lines },
		additionalFields,
	});

	it('creates an order with lines; item codes looked up once per run, Exact numbers the lines', async () => {
		const result = await run(
			newOrder(
				[
					{ item: 'CV-HRE28', quantity: 1 },
					{ item: 'kk-12', quantity: 4, unitPrice: 11.5, notes: 'messing' },
					{ item: items.arbeid.id, quantity: 3, description: 'Montage' },
				],
				{ YourRef: 'INK-881', DeliveryDate: '2025-07-14', Description: 'Nieuwe ketel' },
			),
		);
		const [order] = jsonOf(result);
		expect(order).toMatchObject({ OrderNumber: 4, YourRef: 'INK-881', Description: 'Nieuwe ketel', Status: 12, OrderedBy: accounts.bakkerij.id });
		expect(String(order.DeliveryDate)).toBe('2025-07-14T00:00:00.000+02:00');
		const lines = order.SalesOrderLines as Lines;
		expect(lines.map((l) => [l.LineNumber, l.ItemCode, l.Quantity, l.UnitPrice, l.Notes ?? null])).toEqual([
			[1, 'CV-HRE28', 1, expect.any(Number), null],
			[2, 'KK-12', 4, 11.5, 'messing'],
			[3, 'ARBEID', 3, 62.5, null],
		]);
		expect(Object.keys(lines[0]).every((field) => SALES_ORDER_LINE.fields.includes(field))).toBe(true);
		expect(endpointsOf(result)).toEqual(['GET crm/Accounts', 'GET logistics/Items', 'POST salesorder/SalesOrders']);
		expect(linesOf(order.OrderID)).toHaveLength(3);
	});

	it('stops an item with an unknown item code or without lines before anything is written', async () => {
		const unknown = await run(newOrder([{ item: 'CV-HRE28' }, { item: 'MAT-9' }]));
		expect(unknown.error?.message).toBe("Item 'MAT-9' not found in administration 1234567");
		expect(unknown.error?.description).toContain('nothing was written');
		const empty = await run(newOrder([]));
		expect(empty.error?.message).toBe('The order has no lines');
		expect(empty.host.http).toHaveLength(0);
		expect(state().listRecords('SalesOrders')).toHaveLength(3);
	});

	it("passes Exact's refusal of a blocked account on", async () => {
		const result = await run({ ...newOrder([{ item: 'KK-12' }]), orderedBy: rl('id', accounts.blocked.id) });
		expect(result.error?.message).toContain('Account is blocked');
		expect(state().listRecords('SalesOrders')).toHaveLength(3);
	});
});

describe('Exact Online Sales Order: Update', () => {
	it('changes header fields with one write when given the ID', async () => {
		const stored = orderRecord(1);
		const result = await run({ operation: 'update', order: String(stored.OrderID), updateFields: { YourRef: 'PO-NEW', DeliveryDate: '2025-06-01' } });
		expect(jsonOf(result)).toEqual([{ OrderID: stored.OrderID, YourRef: 'PO-NEW', DeliveryDate: '2025-06-01T00:00:00' }]);
		expect(writesOf(result)).toEqual(['PUT salesorder/SalesOrders']);
		expect(orderRecord(1).YourRef).toBe('PO-NEW');
	});

	it('updates, adds and deletes lines by number; the output shows the lines as Exact renumbered them', async () => {
		const stored = orderRecord(3);
		const result = await run({
			operation: 'update',
			order: '3',
			updateLines: { line: [{ lineNumber: 2, quantity: '2,5' }, { lineNumber: 3, item: 'CV-HRE28', unitPrice: '' }] },
			addLines: { line: [{ item: 'EL-VD25', quantity: 10 }] },
			deleteLines: '1',
		});
		const [order] = jsonOf(result);
		expect(order).toMatchObject({ OrderID: stored.OrderID, linesUpdated: 2, linesAdded: 1, linesDeleted: 1 });
		expect((order.SalesOrderLines as Lines).map((l) => [l.LineNumber, l.ItemCode, l.Quantity])).toEqual([
			[1, 'VOORRIJ', 2.5],
			[2, 'CV-HRE28', 3],
			[3, 'EL-VD25', 10],
		]);
		expect(writesOf(result)).toEqual([
			'GET logistics/Items',
			'GET salesorder/SalesOrders',
			'GET salesorder/SalesOrderLines',
			'PUT salesorder/SalesOrderLines',
			'PUT salesorder/SalesOrderLines',
			'POST salesorder/SalesOrderLines',
			'DELETE salesorder/SalesOrderLines',
			'GET salesorder/SalesOrderLines',
		]);
		expect(linesOf(stored.OrderID).map((l) => l.ItemCode)).toEqual(['VOORRIJ', 'CV-HRE28', 'EL-VD25']);
	});

	it('refuses unknown line numbers, bad quantities and contradictions before any write', async () => {
		const before = state().getStats().calls.total;
		const noLine = await run({ operation: 'update', order: '2', updateLines: { line: [{ lineNumber: 7, quantity: '1' }] } });
		expect(noLine.error?.message).toBe('The order has no line 7 (it has lines 1 to 2)');
		expect(endpointsOf(noLine)).toEqual(['GET salesorder/SalesOrders', 'GET salesorder/SalesOrderLines']);
		const badQuantity = await run({ operation: 'update', order: '2', updateLines: { line: [{ lineNumber: 1, quantity: 'twee' }] } });
		expect(badQuantity.error?.message).toBe("Line 1: quantity 'twee' is not a number");
		const both = await run({ operation: 'update', order: '2', updateLines: { line: [{ lineNumber: 1, quantity: '1' }] }, deleteLines: '1' });
		expect(both.error?.message).toBe('Line 1 is both updated and deleted');
		const nothing = await run({ operation: 'update', order: '2' });
		expect(nothing.error?.message).toBe('Nothing to update');
		expect(badQuantity.host.http.length + both.host.http.length + nothing.host.http.length).toBe(0);
		expect(state().getStats().calls.total - before).toBe(2);
	});

	it("says what was already written when Exact refuses a later step (a complete order can't change)", async () => {
		const stored = orderRecord(2);
		const lines = linesOf(stored.OrderID);
		const result = await run({
			operation: 'update',
			order: '2',
			updateFields: { Remarks: 'laatste levering' },
			updateLines: { line: [{ lineNumber: 1, quantity: '3' }] },
		});
		expect(result.error).toBeUndefined();
		for (const line of lines) state().updateRecord('SalesOrderLines', String(line.ID), { QuantityDelivered: line.Quantity, QuantityInvoiced: line.Quantity });
		const refused = await run({ operation: 'update', order: '2', updateFields: { Remarks: 'te laat' } });
		expect(refused.error?.message).toContain('Sales order 2 is complete and can no longer be changed');
		expect(orderRecord(2).Remarks).toBe('laatste levering');
	});
});

describe('Exact Online Sales Order: Get Changes', () => {
	const sync = (staticData: IDataObject, changesOptions: IDataObject = {}) => run({ operation: 'getChanges', changesOptions }, { staticData });

	it('first run: every order with all its lines from the streams; nothing changed costs three calls', async () => {
		const staticData: IDataObject = {};
		const first = await sync(staticData);
		const orders = jsonOf(first);
		expect(orders.map((o) => [o.OrderNumber, o.changeType, (o.SalesOrderLines as Lines).map((l) => l.LineNumber)])).toEqual([
			[1, 'changed', [1, 2, 3, 4]],
			[2, 'changed', [1, 2]],
			[3, 'changed', [1, 2, 3]],
		]);
		expect(String(orders[0].Modified)).toMatch(ISO_WITH_OFFSET);
		expect(endpointsOf(first)).toEqual(['GET sync/SalesOrder/SalesOrderHeaders', 'GET sync/Deleted', 'GET sync/SalesOrder/SalesOrderLines']);
		expect(callsOf(first)[1].query.$filter).toBe('Timestamp gt 1L and EntityType eq 32');

		const idle = await sync(staticData);
		expect(jsonOf(idle)).toEqual([]);
		expect(callsOf(idle)).toHaveLength(3);
	});

	it('a changed line hands out its order with all lines; a deleted order comes as deleted with its number', async () => {
		const staticData: IDataObject = {};
		await sync(staticData);
		const order1 = orderRecord(1);
		state().updateRecord('SalesOrderLines', String(linesOf(order1.OrderID)[1].ID), { Quantity: 2 });
		const second = await sync(staticData);
		const [changed] = jsonOf(second);
		expect(jsonOf(second)).toHaveLength(1);
		expect(changed).toMatchObject({ OrderNumber: 1, changeType: 'changed' });
		expect((changed.SalesOrderLines as Lines).map((l) => l.Quantity)).toEqual([1.5, 2, 4, 4]);
		expect(endpointsOf(second)).toEqual([
			'GET sync/SalesOrder/SalesOrderHeaders',
			'GET sync/Deleted',
			'GET sync/SalesOrder/SalesOrderLines',
			'GET salesorder/SalesOrderLines',
		]);

		state().deleteRecord('SalesOrders', String(orderRecord(2).OrderID));
		const third = await sync(staticData);
		expect(jsonOf(third)).toEqual([
			{ OrderID: expect.any(String), OrderNumber: '2', changeType: 'deleted', DeletedDate: expect.stringMatching(ISO_WITH_OFFSET), Timestamp: expect.any(Number) },
		]);
	});

	it('an order whose lines moved while its header did not is read from the standard endpoint', async () => {
		const staticData: IDataObject = {};
		await sync(staticData);
		// Put the line stream's position back before the lines of order 3, as when Exact changes lines without a new
		// header Timestamp: the header stream then has nothing, the line stream has order 3's lines.
		const cursor = staticData['exactSync:sales order:default'] as { streams: { lines: string } };
		const order3Lines = linesOf(orderRecord(3).OrderID);
		cursor.streams.lines = String(Math.min(...order3Lines.map((l) => Number(l.Timestamp))) - 1);
		const result = await sync(staticData);
		expect(jsonOf(result).map((o) => [o.OrderNumber, (o.SalesOrderLines as Lines).length])).toEqual([[3, 3]]);
		expect(endpointsOf(result)).toEqual([
			'GET sync/SalesOrder/SalesOrderHeaders',
			'GET sync/Deleted',
			'GET sync/SalesOrder/SalesOrderLines',
			'GET salesorder/SalesOrders',
			'GET salesorder/SalesOrderLines',
		]);
	});

	it('with Confirm Later reads the same changes again until Confirm Changes', async () => {
		const staticData: IDataObject = {};
		expect(jsonOf(await sync(staticData, { confirmLater: true }))).toHaveLength(3);
		expect(jsonOf(await sync(staticData, { confirmLater: true }))).toHaveLength(3);
		const confirmed = await run({ operation: 'confirmChanges' }, { staticData });
		expect(jsonOf(confirmed)[0]).toMatchObject({ confirmed: true });
		expect(jsonOf(await sync(staticData, { confirmLater: true }))).toEqual([]);
	});
});
