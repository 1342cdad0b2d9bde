/**
 * The Exact Online Sales Order and Quotation nodes in a real n8n, against the Exact simulator: an order created with
 * lines, read back by its number from an expression and changed (a line updated, one added); a quotation created
 * and accepted with the sales order Exact makes, accepted again without a second order; Get Changes of orders over
 * two `n8n execute` runs (static data kept: all, then only what changed).
 */
import { EXACT_SEED_FIXTURES, startExactSimulator, type ExactSimulator } from '../../simulators/exact';
import { createN8nInstance, linearConnections, type N8nInstance } from '../../scripts/n8n';
import { exactSimulatorCredential } from './exactCredential';

jest.setTimeout(240_000);

const { accounts } = EXACT_SEED_FIXTURES;
const CREDENTIAL = { id: 'exactOrdersE2E', name: 'Exact (simulator)' };
const START = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} };
const rl = (mode: 'list' | 'code' | 'id', value: string) => ({ __rl: true, mode, value });
type Lines = Array<Record<string, unknown>>;

describe('Exact Online Sales Order and Quotation nodes in a real n8n', () => {
	let sim: ExactSimulator;
	let n8n: N8nInstance;
	const ids: Record<string, string> = {};

	const node = (name: string, nodeName: string, parameters: Record<string, unknown>) => ({
		name,
		type: n8n.nodeType(nodeName),
		parameters,
		credentials: { exactOnlineOAuth2Api: CREDENTIAL },
	});

	beforeAll(async () => {
		sim = await startExactSimulator({ seed: 'tiny' });
		n8n = await createN8nInstance({ name: 'exact-orders' });
		await n8n.importCredentials([exactSimulatorCredential(sim, CREDENTIAL, { access_token: 'AT-orders-1', refresh_token: 'RT-orders-1' })]);
		[ids.order, ids.quotation, ids.changes] = await n8n.importWorkflow([
			{
				name: 'Sales order: create, read back, change',
				nodes: [
					START,
					node('Order Create', 'exactOnlineSalesOrder', {
						operation: 'create',
						orderedBy: rl('code', '1'),
						lines: { line: [{ item: 'CV-HRE28', quantity: 1 }, { item: 'arbeid', quantity: 3 }] },
						additionalFields: { YourRef: 'E2E-ORDER', DeliveryDate: '2025-09-01' },
					}),
					node('Order Get', 'exactOnlineSalesOrder', { operation: 'get', order: '={{ $json.OrderNumber }}' }),
					node('Order Update', 'exactOnlineSalesOrder', {
						operation: 'update',
						order: '={{ $json.OrderID }}',
						updateFields: { Remarks: "Sleutel bij 't Hoekje" },
						updateLines: { line: [{ lineNumber: 2, quantity: '4,5' }] },
						addLines: { line: [{ item: 'KK-12', quantity: 2 }] },
					}),
				],
				connections: linearConnections('Start', 'Order Create', 'Order Get', 'Order Update'),
			},
			{
				name: 'Quotation: create and accept with a sales order',
				nodes: [
					START,
					node('Quotation Create', 'exactOnlineQuotation', {
						operation: 'create',
						orderAccount: rl('code', '2'),
						lines: { line: [{ item: 'SAN-WCP', quantity: 1 }] },
						additionalFields: { Description: 'Toilet vervangen', YourRef: 'E2E-OFFERTE' },
					}),
					node('Accept', 'exactOnlineQuotation', {
						operation: 'accept',
						quotation: '={{ $json.QuotationNumber }}',
						acceptOptions: { createSalesOrder: true },
					}),
					node('Accept Again', 'exactOnlineQuotation', {
						operation: 'accept',
						quotation: '={{ $json.QuotationID }}',
						acceptOptions: { createSalesOrder: true },
					}),
				],
				connections: linearConnections('Start', 'Quotation Create', 'Accept', 'Accept Again'),
			},
			{
				name: 'Order changes',
				nodes: [START, node('Orders', 'exactOnlineSalesOrder', { operation: 'getChanges' })],
				connections: linearConnections('Start', 'Orders'),
			},
		]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
	});

	it('creates an order with lines, reads it back by number and changes header and lines', async () => {
		const run = await n8n.execute(ids.order);
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		const [created] = run.json('Order Create');
		expect(created).toMatchObject({ OrderNumber: 4, OrderedBy: accounts.bakkerij.id, YourRef: 'E2E-ORDER', Status: 12 });
		expect((run.json('Order Get')[0].SalesOrderLines as Lines).map((l) => [l.LineNumber, l.ItemCode, l.Quantity])).toEqual([
			[1, 'CV-HRE28', 1],
			[2, 'ARBEID', 3],
		]);
		const [updated] = run.json('Order Update');
		expect((updated.SalesOrderLines as Lines).map((l) => [l.LineNumber, l.ItemCode, l.Quantity])).toEqual([
			[1, 'CV-HRE28', 1],
			[2, 'ARBEID', 4.5],
			[3, 'KK-12', 2],
		]);
		const stored = sim.state.listRecords('SalesOrders').find((o) => o.YourRef === 'E2E-ORDER');
		expect(stored?.Remarks).toBe("Sleutel bij 't Hoekje");
	});

	it('accepts a quotation with the sales order Exact makes, and a second accept makes no second order', async () => {
		const run = await n8n.execute(ids.quotation);
		expect(run.status).toBe('success');
		const [accepted] = run.json('Accept');
		expect(accepted).toMatchObject({ outcome: 'accepted', SalesOrder: { YourRef: 'E2E-OFFERTE', OrderedBy: accounts.oneill.id } });
		const [again] = run.json('Accept Again');
		expect(again).toMatchObject({ outcome: 'alreadyAccepted', SalesOrder: { OrderID: (accepted.SalesOrder as Record<string, unknown>).OrderID } });
		expect(sim.state.listRecords('SalesOrders').filter((o) => o.YourRef === 'E2E-OFFERTE')).toHaveLength(1);
		expect(sim.state.listRecords('Quotations').find((q) => q.YourRef === 'E2E-OFFERTE')?.Status).toBe(50);
	});

	it('Get Changes keeps its position between runs: every order with its lines, then only the changed one', async () => {
		const first = await n8n.execute(ids.changes);
		expect(first.status).toBe('success');
		const orders = first.json('Orders');
		expect(orders).toHaveLength(sim.state.listRecords('SalesOrders').length);
		expect(orders.every((o) => (o.SalesOrderLines as Lines).length > 0)).toBe(true);

		const order1 = sim.state.listRecords('SalesOrders').find((o) => o.OrderNumber === 1)!;
		sim.state.updateRecord('SalesOrders', String(order1.OrderID), { DeliveryDate: '2025-10-01' });
		const second = await n8n.execute(ids.changes);
		expect(second.json('Orders').map((o) => [o.OrderNumber, (o.SalesOrderLines as Lines).length])).toEqual([[1, 4]]);
		expect(sim.state.getStats().rateLimited429).toBe(0);
	});
});
