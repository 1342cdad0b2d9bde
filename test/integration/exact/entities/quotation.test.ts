/**
 * Exact Online Quotation against the Exact simulator: Get with lines, Get Many filters, Create with lines, Update,
 * Accept (optionally with the sales order Exact makes) and Reject, safe to repeat; Get Changes from the header and
 * line sync streams.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineQuotation } from '../../../../nodes/ExactOnlineQuotation/ExactOnlineQuotation.node';
import { QUOTATION, QUOTATION_LINE } from '../../../../nodes/ExactOnlineApi/entity/definitions';
import { EXACT_SEED_FIXTURES } from '../../../../simulators/exact';
import { jsonOf } from '../../../harness/context';
import { callsOf, endpointsOf, ISO_WITH_OFFSET, rl, type Runner, useEntitySimulator } from './setup';

const { accounts, items } = EXACT_SEED_FIXTURES;
const suite = useEntitySimulator(new ExactOnlineQuotation());
const { run } = suite;

const state = () => suite.exact.sim.state;
const quotationRecord = (number: number) => state().listRecords('Quotations').find((q) => q.QuotationNumber === number)!;
const ordersFrom = (reference: string) => state().listRecords('SalesOrders').filter((o) => o.YourRef === reference);
type Lines = Array<Record<string, unknown>>;
const numbers = (result: Awaited<ReturnType<Runner>>) => jsonOf(result).map((q) => q.QuotationNumber);

describe('Exact Online Quotation: Get and Get Many', () => {
	it('gets a quotation by number with its lines: two calls; by ID without lines: one', async () => {
		const result = await run({ operation: 'get', quotation: '2' });
		const [quotation] = jsonOf(result);
		expect(quotation).toMatchObject({ QuotationNumber: 2, Status: 25, OrderAccountName: "O'Neill Installaties", OrderAccountCode: '2' });
		expect(String(quotation.QuotationDate)).toMatch(ISO_WITH_OFFSET);
		const lines = quotation.QuotationLines as Lines;
		expect(lines.map((l) => l.LineNumber)).toEqual([1, 2, 3, 4]);
		expect(Object.keys(lines[0])).toEqual(QUOTATION_LINE.fields.filter((f) => f in lines[0]));
		expect(endpointsOf(result)).toEqual(['GET crm/Quotations', 'GET crm/QuotationLines']);
		expect(callsOf(result)[0].query.$filter).toBe('QuotationNumber eq 2');

		const stored = quotationRecord(3);
		const byId = await run({ operation: 'get', quotation: String(stored.QuotationID), options: { includeLines: false } });
		expect(jsonOf(byId)[0]).toMatchObject({ QuotationID: stored.QuotationID, QuotationNumber: 3, StatusDescription: 'Accepted' });
		expect(callsOf(byId)).toHaveLength(1);
		const bad = await run({ operation: 'get', quotation: 'OF-3' });
		expect(bad.error?.message).toBe("'OF-3' is not a quotation number or ID");
	});

	it('filters on status, account and quotation date, newest first; lines of all with one more call', async () => {
		expect(numbers(await run({ operation: 'getMany', returnAll: true, filters: { status: '50' } }))).toEqual([3]);
		expect(numbers(await run({ operation: 'getMany', returnAll: true, account: rl('code', '2') }))).toEqual([2]);
		const dated = await run({ operation: 'getMany', returnAll: true, filters: { dateFrom: '2025-04-02', dateTo: '2025-04-02T23:59:59' } });
		expect(numbers(dated)).toEqual([2]);
		expect(callsOf(dated)[0].query.$filter).toBe("QuotationDate ge datetime'2025-04-02T00:00:00' and QuotationDate le datetime'2025-04-02T23:59:59'");
		const all = await run({ operation: 'getMany', returnAll: true, options: { includeLines: true } });
		expect(jsonOf(all).map((q) => (q.QuotationLines as Lines).length)).toEqual([5, 4, 5]);
		// Without a filter: the sync list (mandatory filtering), VATAmountFC (not on it) by ID, then the lines.
		expect(endpointsOf(all)).toEqual(['GET sync/CRM/QuotationHeaders', 'GET crm/Quotations', 'GET crm/QuotationLines']);
		expect(callsOf(all)[1].query.$select).toBe('QuotationID,VATAmountFC');
		const filtered = await run({ operation: 'getMany', returnAll: true, filters: { dateFrom: '2000-01-01' } });
		expect(endpointsOf(filtered)).toEqual(['GET crm/Quotations']);
		expect(callsOf(filtered)[0].query.$select).toBe(QUOTATION.fields.join(','));
		expect(jsonOf(all).map(({ QuotationLines, ...quotation }) => quotation)).toEqual(jsonOf(filtered));
	});
});

describe('Exact Online Quotation: Create and Update', () => {
	it('creates a draft quotation with lines and dates in Dutch time', async () => {
		const result = await run({
			operation: 'create',
			orderAccount: rl('code', '3'),
			lines: { line: [{ item: 'SAN-WCP', quantity: 1 }, { item: 'ARBEID', quantity: 4, unitPrice: 58 }] },
			additionalFields: { Description: 'Toilet vervangen', ClosingDate: '2025-08-01', YourRef: 'AANVRAAG-12' },
		});
		const [quotation] = jsonOf(result);
		expect(quotation).toMatchObject({ QuotationNumber: 4, Status: 20, OrderAccount: accounts.cafe.id, YourRef: 'AANVRAAG-12' });
		expect(String(quotation.ClosingDate)).toBe('2025-08-01T00:00:00.000+02:00');
		expect((quotation.QuotationLines as Lines).map((l) => [l.LineNumber, l.Item, l.Quantity, l.UnitPrice])).toEqual([
			[1, items.quoted.id, 1, expect.any(Number)],
			[2, items.arbeid.id, 4, 58],
		]);
		expect(endpointsOf(result)).toEqual(['GET crm/Accounts', 'GET logistics/Items', 'POST crm/Quotations']);
	});

	it('updates the header and a line by number', async () => {
		const result = await run({
			operation: 'update',
			quotation: '1',
			updateFields: { Description: 'Groepenkast 3-fase' },
			updateLines: { line: [{ lineNumber: 5, quantity: '6' }] },
		});
		expect(jsonOf(result)[0]).toMatchObject({ Description: 'Groepenkast 3-fase', linesUpdated: 1 });
		const lines = state().listRecords('QuotationLines').filter((l) => l.QuotationID === quotationRecord(1).QuotationID);
		expect(lines.find((l) => l.LineNumber === 5)?.Quantity).toBe(6);
		expect(quotationRecord(1).Description).toBe('Groepenkast 3-fase');
	});
});

describe('Exact Online Quotation: Accept and Reject', () => {
	it('accepts with the sales order Exact makes; a second run reports it accepted, with the same order, and writes nothing', async () => {
		const first = await run({ operation: 'accept', quotation: '2', acceptOptions: { createSalesOrder: true, orderReference: 'OF-2' } });
		const [accepted] = jsonOf(first);
		expect(accepted).toMatchObject({ QuotationNumber: 2, outcome: 'accepted', message: 'Quotation accepted' });
		expect(accepted.SalesOrder).toMatchObject({ OrderNumber: 4, YourRef: 'OF-2', OrderedBy: accounts.oneill.id, Status: 12 });
		expect(endpointsOf(first)).toEqual(['GET crm/Quotations', 'POST crm/AcceptQuotation', 'GET salesorder/SalesOrders']);
		expect(quotationRecord(2).Status).toBe(50);
		const [order] = ordersFrom('OF-2');
		expect(state().listRecords('SalesOrderLines').filter((l) => l.OrderID === order.OrderID)).toHaveLength(4);

		const again = await run({ operation: 'accept', quotation: '2', acceptOptions: { createSalesOrder: true, orderReference: 'OF-2' } });
		expect(jsonOf(again)[0]).toMatchObject({ outcome: 'alreadyAccepted', SalesOrder: { OrderID: order.OrderID, OrderNumber: 4 } });
		expect(endpointsOf(again)).toEqual(['GET crm/Quotations', 'GET salesorder/SalesOrders']);
		expect(ordersFrom('OF-2')).toHaveLength(1);
	});

	it('accepts without an order by default', async () => {
		const result = await run({ operation: 'accept', quotation: '1' });
		expect(jsonOf(result)).toEqual([{ QuotationID: quotationRecord(1).QuotationID, QuotationNumber: 1, outcome: 'accepted', message: 'Quotation accepted' }]);
		expect(state().listRecords('SalesOrders')).toHaveLength(3);
		expect(endpointsOf(result)).toEqual(['GET crm/Quotations', 'POST crm/AcceptQuotation']);
	});

	it('rejects once, then reports it rejected; refuses to accept a rejected one or reject an accepted one, without asking Exact', async () => {
		const rejected = await run({ operation: 'reject', quotation: '2' });
		expect(jsonOf(rejected)[0]).toMatchObject({ QuotationNumber: 2, outcome: 'rejected', message: 'Quotation rejected' });
		expect(quotationRecord(2).Status).toBe(5);
		const again = await run({ operation: 'reject', quotation: '2' });
		expect(jsonOf(again)[0]).toMatchObject({ outcome: 'alreadyRejected' });
		expect(endpointsOf(again)).toEqual(['GET crm/Quotations']);

		const acceptRejected = await run({ operation: 'accept', quotation: '2' });
		expect(acceptRejected.error?.message).toBe("Quotation 2 is rejected and can't be accepted");
		const rejectAccepted = await run({ operation: 'reject', quotation: '3' });
		expect(rejectAccepted.error?.message).toBe("Quotation 3 is accepted and can't be rejected");
		expect([...endpointsOf(acceptRejected), ...endpointsOf(rejectAccepted)]).toEqual(['GET crm/Quotations', 'GET crm/Quotations']);
	});

	it('names an unknown quotation', async () => {
		const result = await run({ operation: 'accept', quotation: '77' });
		expect(result.error?.message).toBe("Quotation '77' not found in administration 1234567");
	});
});

describe('Exact Online Quotation: Get Changes', () => {
	it('hands out every quotation with its lines, then only the accepted one; nothing changed costs three calls', async () => {
		const staticData: IDataObject = {};
		const sync = () => run({ operation: 'getChanges' }, { staticData });
		const first = await sync();
		expect(jsonOf(first).map((q) => [q.QuotationNumber, (q.QuotationLines as Lines).length])).toEqual([
			[1, 5],
			[2, 4],
			[3, 5],
		]);
		expect(endpointsOf(first)).toEqual(['GET sync/CRM/QuotationHeaders', 'GET sync/Deleted', 'GET sync/CRM/QuotationLines']);
		expect(callsOf(first)[1].query.$filter).toBe('Timestamp gt 1L and EntityType eq 34');
		expect(callsOf(await sync())).toHaveLength(3);

		await run({ operation: 'accept', quotation: '1' });
		const changed = jsonOf(await sync());
		expect(changed.map((q) => [q.QuotationNumber, q.Status, q.changeType])).toEqual([[1, 50, 'changed']]);
		expect((changed[0].QuotationLines as Lines).map((l) => l.LineNumber)).toEqual([1, 2, 3, 4, 5]);
	});
});
