/**
 * The Exact Online Poll Trigger in an active workflow (static data kept and saved as n8n 2.41 does, see
 * ../../harness/activePollTrigger) against the Exact simulator: the first poll only finds the position (or hands
 * out everything), later polls hand out changes and deletions once, nothing changed costs one call per stream,
 * a poll that fails half-way moves no cursor, and Fetch Test Event shows a real record without moving any.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlinePollTrigger } from '../../../../nodes/ExactOnlinePollTrigger/ExactOnlinePollTrigger.node';
import { EXACT_SEED_FIXTURES } from '../../../../simulators/exact';
import { ActivePollTrigger } from '../../../harness/activePollTrigger';
import { jsonOf, runPoll, type NodeRun } from '../../../harness/context';
import { callsOf, endpointsOf, ISO_WITH_OFFSET, useEntitySimulator } from '../entities/setup';

const { accounts, items } = EXACT_SEED_FIXTURES;
const node = new ExactOnlinePollTrigger();
const suite = useEntitySimulator(node);

function trigger(parameters: IDataObject = {}): ActivePollTrigger {
	return new ActivePollTrigger(node, {
		parameters: { topics: ['Accounts', 'Items'], ...parameters },
		credentials: suite.exact.credentials(),
	});
}

const emitted = (run: NodeRun) => (run.output === undefined ? [] : jsonOf(run));
const summary = (run: NodeRun) => emitted(run).map((r) => [r.topic, r.Code, r.changeType]);

describe('Exact Online Poll Trigger', () => {
	it('first poll from now only finds the position; then changes and a deletion once each; nothing changed costs one call per topic plus one for deletions', async () => {
		const active = trigger();
		const first = await active.poll();
		expect(first.error).toBeUndefined();
		expect(first.output).toBeUndefined();
		expect(endpointsOf(first)).toEqual(['GET sync/CRM/Accounts', 'GET sync/Logistics/Items', 'GET sync/Deleted']);
		expect(callsOf(first)[2].query.$filter).toBe('Timestamp gt 1L and (EntityType eq 2 or EntityType eq 9)');

		suite.exact.sim.state.updateRecord('Accounts', accounts.oneill.id, { Phone: '070-1234567' });
		suite.exact.sim.state.updateRecord('Items', items.kogelkraan.id, { Description: 'Kogelkraan 1/2" messing, nieuw' });
		const second = await active.poll();
		expect(summary(second)).toEqual([
			['Accounts', '2', 'changed'],
			['Items', 'KK-12', 'changed'],
		]);
		expect(emitted(second)[0]).toMatchObject({ ID: accounts.oneill.id, Phone: '070-1234567' });
		expect(String(emitted(second)[0].Modified)).toMatch(ISO_WITH_OFFSET);

		suite.exact.sim.state.deleteRecord('Accounts', accounts.oneill.id);
		suite.exact.sim.state.deleteRecord('Items', items.kogelkraan.id);
		const third = await active.poll();
		// Each deletion carries the code this trigger saw before: OutSmart knows relations and materials by code.
		expect(emitted(third)).toEqual([
			{ ID: accounts.oneill.id, Code: '2', changeType: 'deleted', DeletedDate: expect.any(String), Timestamp: expect.anything(), topic: 'Accounts' },
			{ ID: items.kogelkraan.id, Code: 'KK-12', changeType: 'deleted', DeletedDate: expect.any(String), Timestamp: expect.anything(), topic: 'Items' },
		]);
		expect(JSON.stringify(active.staticData)).not.toContain(accounts.oneill.id);

		const quiet = await active.poll();
		expect(quiet.output).toBeUndefined();
		// One call per topic, plus one for the deletions of all topics.
		expect(endpointsOf(quiet)).toEqual(['GET sync/CRM/Accounts', 'GET sync/Logistics/Items', 'GET sync/Deleted']);
		const withoutDeletions = await active.poll({ topics: ['Accounts', 'Items'], options: { includeDeleted: false } });
		expect(endpointsOf(withoutDeletions)).toEqual(['GET sync/CRM/Accounts', 'GET sync/Logistics/Items']);
	});

	it('First Poll: Everything hands out every existing record once', async () => {
		const active = trigger({ topics: ['Accounts'], options: { firstPoll: 'everything' } });
		const first = await active.poll();
		expect(emitted(first)).toHaveLength(10);
		expect(emitted(first).every((r) => r.changeType === 'changed' && r.topic === 'Accounts')).toBe(true);
		expect((await active.poll()).output).toBeUndefined();
	});

	it('a poll that fails half-way moves no cursor: the next one hands out the same changes', async () => {
		const active = trigger();
		await active.poll();
		suite.exact.sim.state.updateRecord('Accounts', accounts.cafe.id, { City: 'Utrecht' });
		suite.exact.sim.state.addFault({ match: { method: 'GET', path: 'sync/Logistics/Items' }, kind: 'status', status: 400, times: 1 });
		const failed = await active.poll();
		expect(failed.error).toBeDefined();
		const retried = await active.poll();
		expect(summary(retried)).toEqual([['Accounts', '3', 'changed']]);
		expect(emitted(retried)[0].City).toBe('Utrecht');
	});

	it('the position survives an n8n restart once handed out (saved with the emit), and each topic has its own', async () => {
		const active = trigger({ topics: ['Accounts'] });
		await active.poll();
		suite.exact.sim.state.updateRecord('Accounts', accounts.cafe.id, { City: 'Utrecht' });
		expect(summary(await active.poll())).toEqual([['Accounts', '3', 'changed']]);
		active.restart();
		expect((await active.poll()).output).toBeUndefined();

		// A topic added later starts from now too, without touching the other's position.
		suite.exact.sim.state.updateRecord('Accounts', accounts.bakkerij.id, { City: 'Vught' });
		const added = await active.poll({ topics: ['Accounts', 'Items'] });
		expect(summary(added)).toEqual([['Accounts', '1', 'changed']]);
	});

	it('Fetch Test Event shows the most recently changed record in one call and moves no cursor', async () => {
		suite.exact.sim.state.updateRecord('Accounts', accounts.muller.id, { Phone: '+49 211 1234' });
		const staticData: IDataObject = {};
		const run = await runPoll(node, {
			parameters: { topics: ['Accounts', 'Items'] },
			credentials: suite.exact.credentials(),
			staticData,
			mode: 'manual',
		});
		expect(jsonOf(run)).toEqual([expect.objectContaining({ ID: accounts.muller.id, Name: 'Müller GmbH', changeType: 'changed', topic: 'Accounts' })]);
		expect(endpointsOf(run)).toEqual(['GET crm/Accounts']);
		expect(staticData).toEqual({});
	});

	it('every topic reads its own sync stream: sales orders, quotations, invoices, payments, project planning, hours, contacts', async () => {
		const topics = ['Contacts', 'PaymentTerms', 'ProjectPlanning', 'Quotations', 'SalesInvoices', 'SalesOrders', 'TimeTransactions'];
		const active = trigger({ topics, options: { firstPoll: 'everything' } });
		const first = await active.poll();
		expect(first.error).toBeUndefined();
		expect([...new Set(emitted(first).map((r) => r.topic))].sort()).toEqual(topics);
		expect(endpointsOf(first)).toEqual([
			'GET sync/CRM/Contacts',
			'GET sync/Cashflow/PaymentTerms',
			'GET sync/Project/ProjectPlanning',
			'GET sync/CRM/QuotationHeaders',
			'GET crm/QuotationLines',
			'GET sync/SalesInvoice/SalesInvoices',
			'GET sync/SalesOrder/SalesOrderHeaders',
			'GET salesorder/SalesOrderLines',
			'GET sync/Project/TimeCostTransactions',
			'GET sync/Deleted',
		]);
		// Invoices come one item each with their lines (the sync endpoint has a row per line).
		const invoices = emitted(first).filter((r) => r.topic === 'SalesInvoices');
		expect(invoices).toHaveLength(suite.exact.sim.state.listRecords('SalesInvoices').length);
		expect(invoices[0].SalesInvoiceLines).toEqual(expect.arrayContaining([expect.objectContaining({ LineNumber: 1 })]));
		// Orders and quotations too, read from their line endpoints (one call per 20 documents).
		for (const [topic, key, linesField] of [['SalesOrders', 'OrderID', 'SalesOrderLines'], ['Quotations', 'QuotationID', 'QuotationLines']]) {
			for (const document of emitted(first).filter((r) => r.topic === topic)) {
				const lines = suite.exact.sim.state.listRecords(linesField).filter((line) => String(line[key]) === String(document[key]));
				expect((document[linesField] as IDataObject[]).map((line) => line.ID).sort()).toEqual(lines.map((line) => line.ID).sort());
			}
		}
		expect(emitted(first).some((r) => r.topic === 'SalesOrders' && (r.SalesOrderLines as unknown[]).length > 0)).toBe(true);
		const planning = emitted(first).find((r) => r.topic === 'ProjectPlanning')!;
		suite.exact.sim.state.updateRecord('ProjectPlanning', String(planning.ID), { Hours: 6 });
		expect(emitted(await active.poll()).map((r) => [r.topic, r.ID, r.Hours])).toEqual([['ProjectPlanning', planning.ID, 6]]);
	});

	it('Include Lines off: documents come without lines and no line endpoint is read; Fetch Test Event of orders shows the lines', async () => {
		const active = trigger({ topics: ['SalesInvoices', 'SalesOrders'], options: { firstPoll: 'everything', includeLines: false } });
		const first = await active.poll();
		expect(endpointsOf(first)).toEqual(['GET sync/SalesInvoice/SalesInvoices', 'GET sync/SalesOrder/SalesOrderHeaders', 'GET sync/Deleted']);
		expect(emitted(first).length).toBeGreaterThan(1);
		expect(emitted(first).filter((r) => 'SalesInvoiceLines' in r || 'SalesOrderLines' in r)).toEqual([]);

		const test = await runPoll(node, { parameters: { topics: ['SalesOrders'] }, credentials: suite.exact.credentials(), staticData: {}, mode: 'manual' });
		expect(endpointsOf(test)).toEqual(['GET salesorder/SalesOrders', 'GET salesorder/SalesOrderLines']);
		const [order] = jsonOf(test);
		const lines = suite.exact.sim.state.listRecords('SalesOrderLines').filter((line) => line.OrderID === order.OrderID);
		expect((order.SalesOrderLines as IDataObject[]).map((line) => line.ID).sort()).toEqual(lines.map((line) => line.ID).sort());
	});

	it('Stock Positions reads sync/Inventory/StockPositions: a stock change once, with the stock per item and warehouse', async () => {
		const active = trigger({ topics: ['StockPositions'] });
		const first = await active.poll();
		expect(emitted(first)).toEqual([]);
		expect(endpointsOf(first)).toEqual(['GET sync/Inventory/StockPositions', 'GET sync/Deleted']);
		// A document booked in Exact (the admin side stands for Exact's own processing) moves the kogelkraan's stock.
		const row = suite.exact.sim.state.listRecords('ItemWarehouses').find((iw) => iw.Item === items.kogelkraan.id)!;
		suite.exact.sim.state.updateRecord('ItemWarehouses', String(row.ID), { CurrentStock: Number(row.CurrentStock) - 2 });
		const moved = await active.poll();
		expect(emitted(moved)).toEqual([
			expect.objectContaining({ topic: 'StockPositions', ID: row.ID, ItemCode: 'KK-12', WarehouseCode: row.WarehouseCode, CurrentStock: Number(row.CurrentStock) - 2, changeType: 'changed' }),
		]);
		expect(emitted(await active.poll())).toEqual([]);
	});

	it('says what to fix when no topic is chosen', async () => {
		const run = await trigger({ topics: [] }).poll();
		expect(run.error?.message).toBe('Choose at least one topic to watch');
	});
});
