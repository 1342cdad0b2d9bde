/**
 * Flow 1 kept in step, against both fakes: the Sales Order node's Get Changes (Include Accounts, deletions) feeds
 * the OutSmart node's Create or Update From Exact Sales Order. New open orders become work orders; a changed order
 * updates its Klaargezet work order where UpdateWorkorder can and reports the rest; a cancelled or deleted order
 * gives its Klaargezet work order the chosen work status; a picked-up work order is reported, never changed.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnlineSalesOrder/ExactOnlineSalesOrder.node';
import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { jsonOf, runNode } from '../../harness/context';
import type { ExactFixture } from '../exactSetup';
import { callsOf, runnerFor, startEntitySimulator } from '../exact/entities/setup';
import { credentials, useOutSmartSimulator } from './setup';

const outsmart = useOutSmartSimulator();
let exact: ExactFixture;
let staticData: IDataObject;

beforeAll(async () => {
	exact = await startEntitySimulator();
});
afterAll(async () => exact.sim.close());
beforeEach(() => {
	exact.sim.state.reset();
	staticData = {};
});

async function changes(): Promise<IDataObject[]> {
	const result = await runnerFor(exact, new ExactOnlineSalesOrder())(
		{ operation: 'getChanges', syncName: 'work orders', changesOptions: { includeAccounts: true } },
		{ staticData },
	);
	return jsonOf(result);
}

const sync = async (items: IDataObject[], parameters: IDataObject = {}) =>
	jsonOf(
		await runNode(new OutSmart(), {
			parameters: {
				resource: 'workorder',
				operation: 'createFromSalesOrder',
				salesOrder: '={{ $json }}',
				typeOfWork: 'Onderhoud',
				paymentMethod: 'op rekening',
				cancelWorkStatus: 'GEANNULEERD',
				fromOrderOptions: { hourItemCodes: 'ARBEID, VOORRIJ' },
				...parameters,
			} as INodeParameters,
			items,
			credentials: credentials(outsmart.sim),
			continueOnFail: true,
		}),
	);

const order = (number: number) => {
	const found = exact.sim.state.listRecords('SalesOrders').find((o) => o.OrderNumber === number);
	if (!found) throw new Error(`no order ${number}`);
	return found;
};
const linesOf = (number: number) =>
	exact.sim.state.listRecords('SalesOrderLines').filter((l) => l.OrderID === order(number).OrderID).sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber));
/** The order as the Sales Order node's Get hands it out (lines and accounts), e.g. handed out once more. */
async function reread(number: number): Promise<IDataObject> {
	const [found] = jsonOf(await runnerFor(exact, new ExactOnlineSalesOrder())({ operation: 'get', order: String(number), options: { includeAccounts: true } }));
	return found;
}
const workorder = (no: string) => outsmart.sim.state.getWorkorder(no);
const outcomes = (items: IDataObject[]) => items.map((r) => [r.WorkorderNo, r.outcome]);

describe('OutSmart: Create or Update From Exact Sales Order, from Get Changes', () => {
	it('Get Changes with Include Accounts hands out each changed order with its accounts and delivery address, deletions without', async () => {
		const first = await runnerFor(exact, new ExactOnlineSalesOrder())(
			{ operation: 'getChanges', syncName: 'accounts', changesOptions: { includeAccounts: true } },
			{ staticData },
		);
		const orders = jsonOf(first);
		expect(orders).toHaveLength(3);
		for (const o of orders) expect((o.Accounts as Record<string, IDataObject>).OrderedBy.ID).toBe(o.OrderedBy);
		// headers, deletions, lines, then the accounts (one call for the few of them)
		expect(callsOf(first).map((c) => c.path)).toEqual(['sync/SalesOrder/SalesOrderHeaders', 'sync/Deleted', 'sync/SalesOrder/SalesOrderLines', 'crm/Accounts']);

		exact.sim.state.deleteRecord('SalesOrders', String(order(2).OrderID));
		const next = await runnerFor(exact, new ExactOnlineSalesOrder())({ operation: 'getChanges', syncName: 'accounts', changesOptions: { includeAccounts: true } }, { staticData });
		expect(jsonOf(next)).toEqual([expect.objectContaining({ OrderNumber: '2', changeType: 'deleted' })]);
		expect(jsonOf(next)[0].Accounts).toBeUndefined();
		expect(callsOf(next).map((c) => c.path)).toEqual(['sync/SalesOrder/SalesOrderHeaders', 'sync/Deleted', 'sync/SalesOrder/SalesOrderLines']);
	});

	it('creates, then updates date and materials of a Klaargezet work order and reports what OutSmart cannot change', async () => {
		expect(outcomes(await sync(await changes()))).toEqual([
			['VO-1', 'created'],
			['VO-2', 'created'],
			['VO-3', 'created'],
		]);
		// Nothing changed in Exact: nothing to hand out; the same items again change nothing either.
		expect(await changes()).toEqual([]);

		// Order 3: new delivery date and more of its material; order 2: another description (fixed on a work order).
		exact.sim.state.updateRecord('SalesOrders', String(order(3).OrderID), { DeliveryDate: '/Date(1748217600000)/' });
		const goods = linesOf(3).find((l) => !['ARBEID', 'VOORRIJ'].includes(String(l.ItemCode)))!;
		exact.sim.state.updateRecord('SalesOrderLines', String(goods.ID), { Quantity: 7 });
		exact.sim.state.updateRecord('SalesOrders', String(order(2).OrderID), { Description: 'Opdracht verplaatst naar de zolder' });
		outsmart.sim.state.resetStats();
		const changed = await sync(await changes());
		expect(changed).toEqual([
			expect.objectContaining({ WorkorderNo: 'VO-3', outcome: 'updated', changedFields: ['WorkDate', 'Materials'], WorkDate: '2025-05-26' }),
			expect.objectContaining({
				WorkorderNo: 'VO-2',
				outcome: 'reported',
				differingFields: ['ShortWorkDescription', 'WorkDescription'],
				reason: expect.stringMatching(/^OutSmart can't change ShortWorkDescription, WorkDescription on an existing work order/),
			}),
		]);
		expect(workorder('VO-3')).toMatchObject({ WorkDate: '26-05-2025' });
		expect((workorder('VO-3').Materials as IDataObject[]).map((m) => [m.MaterialCode, m.MaterialNr])).toEqual([[goods.ItemCode, '7']]);
		expect(workorder('VO-2').ShortWorkDescription).not.toBe('Opdracht verplaatst naar de zolder');
		// Per order one read; VO-3 one date update and one materials POST.
		expect(outsmart.sim.state.stats().callsTotal).toBe(4);

		// Nothing new in Exact; the same orders once more (a run that did not confirm): VO-3 is as the order says now.
		expect(await changes()).toEqual([]);
		const replay = await sync([await reread(3), await reread(2)]);
		expect(outcomes(replay)).toEqual([
			['VO-3', 'unchanged'],
			['VO-2', 'reported'],
		]);
	});

	it('a cancelled or deleted order gives its Klaargezet work order the chosen work status; a picked-up one is reported, not changed', async () => {
		await sync(await changes());
		const order2Id = String(order(2).OrderID);
		outsmart.sim.state.setWorkorderStatus('VO-3', { status: 'Opgehaald' });
		exact.sim.state.updateRecord('SalesOrders', String(order(1).OrderID), { Status: 45 });
		exact.sim.state.deleteRecord('SalesOrders', String(order(2).OrderID));
		exact.sim.state.updateRecord('SalesOrders', String(order(3).OrderID), { Status: 45 });

		const result = await sync(await changes());
		expect(result).toEqual([
			expect.objectContaining({ WorkorderNo: 'VO-1', outcome: 'cancelled', changedFields: ['WorkStatus'], WorkStatus: 'GEANNULEERD', orderWas: 'cancelled', statusCreated: true }),
			expect.objectContaining({ WorkorderNo: 'VO-3', outcome: 'reported', status: 'Opgehaald', reason: expect.stringMatching(/cancelled in Exact, but work order VO-3 is Opgehaald: a technician has it/) }),
			expect.objectContaining({ WorkorderNo: 'VO-2', outcome: 'cancelled', orderWas: 'deleted', OrderNumber: '2' }),
		]);
		expect(workorder('VO-1')).toMatchObject({ WorkStatus: 'GEANNULEERD', status: 'Klaargezet' });
		expect(workorder('VO-2')).toMatchObject({ WorkStatus: 'GEANNULEERD' });
		expect(workorder('VO-3').WorkStatus).not.toBe('GEANNULEERD');
		expect(outsmart.sim.state.list('workstatusses').filter((s) => s.sta_code === 'GEANNULEERD')).toHaveLength(1);

		// Handed out again (a run that did not confirm): nothing is written twice.
		outsmart.sim.state.resetStats();
		const again = await sync([await reread(1), await reread(3), { OrderID: order2Id, OrderNumber: 2, changeType: 'deleted' }]);
		expect(outcomes(again)).toEqual([
			['VO-1', 'unchanged'],
			['VO-3', 'reported'],
			['VO-2', 'unchanged'],
		]);
		// Only reads: one per order.
		expect(outsmart.sim.state.stats().callsTotal).toBe(3);
	});

	it('makes new work orders only of open orders in the filter; skips what has no work order; bad items say what to fix, the others go on', async () => {
		const [one, two, three] = await changes();
		exact.sim.state.updateRecord('SalesOrders', String(order(2).OrderID), { Description: 'Opdracht #outsmart groepenkast' });
		const tagged = await reread(2);
		const complete = { ...three, Status: 21, StatusDescription: 'Complete' };
		const result = await sync(
			[
				one,
				tagged,
				complete,
				'not an order' as unknown as IDataObject,
				{ OrderID: 'b6f1f0de-0000-4000-8000-000000000001', OrderNumber: null, changeType: 'deleted' },
				{ OrderID: String(order(2).OrderID), OrderNumber: '99', changeType: 'deleted' },
				{ ...two, SalesOrderLines: undefined },
			].map((json) => (typeof json === 'string' ? { value: json } : json)),
			{ fromOrderOptions: { hourItemCodes: 'ARBEID, VOORRIJ', descriptionContains: '#OUTSMART', deliveryDateFrom: '2025-05-01', deliveryDateTo: '2025-06-30' } },
		);
		expect(result.map((r) => r.outcome ?? r.error)).toEqual([
			'skipped',
			'created',
			'skipped',
			'Sales order is not an Exact sales order',
			'skipped',
			'skipped',
			'Sales order 2 comes without its lines',
		]);
		expect(result[0].reason).toBe('no work order made: its description does not contain "#OUTSMART"');
		expect(result[2].reason).toBe('no work order made: the order is Complete, not open: only open orders become work orders');
		expect(result[3].details).toMatch(/after an Exact Online Sales Order node/);
		expect(result[4].reason).toMatch(/^Exact names no order number for deleted order b6f1f0de/);
		expect(result[5]).toMatchObject({ WorkorderNo: 'VO-99', reason: 'the order was deleted in Exact and OutSmart has no work order VO-99' });
		expect(outsmart.sim.state.list('workorders').filter((w) => String(w.WorkorderNo).startsWith('VO-')).map((w) => w.WorkorderNo)).toEqual(['VO-2']);

		// A delivery date window leaves out orders outside it.
		const late = await sync([three], { fromOrderOptions: { deliveryDateFrom: '2025-06-01' } });
		expect(late[0]).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/^no work order made: its delivery date 2025-05-\d\d is before 2025-06-01$/) });
	});

	it('without a work status for cancelled orders, a cancelled order is reported; a completed work order whose order changed is skipped: its work is done', async () => {
		await sync(await changes());
		exact.sim.state.updateRecord('SalesOrders', String(order(1).OrderID), { Status: 45 });
		outsmart.sim.state.setWorkorderStatus('VO-2', { status: 'Compleet' });
		exact.sim.state.updateRecord('SalesOrders', String(order(2).OrderID), { DeliveryDate: '/Date(1748217600000)/' });
		const result = await sync(await changes(), { cancelWorkStatus: '' });
		expect(result).toEqual([
			expect.objectContaining({ WorkorderNo: 'VO-1', outcome: 'reported', reason: expect.stringMatching(/no work status for cancelled orders is chosen/) }),
			expect.objectContaining({ WorkorderNo: 'VO-2', outcome: 'skipped', differingFields: ['WorkDate'], reason: expect.stringMatching(/VO-2 is Compleet: the work is done, so changes to the order stay in Exact/) }),
		]);
		expect(workorder('VO-1').WorkStatus).toBe('');
		expect(workorder('VO-2').WorkDate).not.toBe('26-05-2025');
	});

	it('when OutSmart refuses the materials after the date was written, the item says what was written; the next order goes on', async () => {
		await sync(await changes());
		exact.sim.state.updateRecord('SalesOrders', String(order(3).OrderID), { DeliveryDate: '/Date(1748217600000)/' });
		const goods = linesOf(3).find((l) => !['ARBEID', 'VOORRIJ'].includes(String(l.ItemCode)))!;
		exact.sim.state.updateRecord('SalesOrderLines', String(goods.ID), { Quantity: 9 });
		exact.sim.state.updateRecord('SalesOrders', String(order(1).OrderID), { Status: 45 });
		outsmart.sim.state.addFault({ match: { path: 'UpdateWorkorder', method: 'POST' }, kind: 'code', code: 1501, messages: ['Required field MaterialName is missing'], times: 1 });
		const result = await sync(await changes());
		const refused = result.find((r) => r.error);
		expect(refused?.error).toMatch(/\(already changed on VO-3: WorkDate\)$/);
		expect(result.find((r) => r.WorkorderNo === 'VO-1')).toMatchObject({ outcome: 'cancelled' });
		expect(workorder('VO-3').WorkDate).toBe('26-05-2025');

		// Given back and read again (Confirm Changes keeps it): now only the materials are left to change.
		const retried = await sync([await reread(3)]);
		expect(retried).toEqual([expect.objectContaining({ WorkorderNo: 'VO-3', outcome: 'updated', changedFields: ['Materials'] })]);
	});
});
