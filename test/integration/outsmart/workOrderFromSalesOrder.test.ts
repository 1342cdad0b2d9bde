/**
 * Flow 1's last step against both fakes: Exact sales orders as the Sales Order node reads them (Include Lines,
 * Include Accounts) go into the OutSmart node's Create From Exact Sales Order; work orders VO-<number> come out,
 * a second run finds them instead of making new ones, and an order that can't become a work order says why.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnlineSalesOrder/ExactOnlineSalesOrder.node';
import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { EXACT_SEED_FIXTURES } from '../../../simulators/exact';
import { jsonOf, runNode } from '../../harness/context';
import type { ExactFixture } from '../exactSetup';
import { runnerFor, startEntitySimulator } from '../exact/entities/setup';
import { credentials, useOutSmartSimulator } from './setup';

const outsmart = useOutSmartSimulator();
let exact: ExactFixture;

beforeAll(async () => {
	exact = await startEntitySimulator();
});
afterAll(async () => exact.sim.close());
beforeEach(() => exact.sim.state.reset());

async function openOrders(): Promise<IDataObject[]> {
	const result = await runnerFor(exact, new ExactOnlineSalesOrder())({
		operation: 'getMany',
		returnAll: true,
		filters: { status: '12' },
		options: { includeLines: true, includeAccounts: true },
	});
	return jsonOf(result);
}

const fromOrders = (items: IDataObject[], parameters: IDataObject = {}) =>
	runNode(new OutSmart(), {
		parameters: {
			resource: 'workorder',
			operation: 'createFromSalesOrder',
			salesOrder: '={{ $json }}',
			typeOfWork: 'Onderhoud',
			paymentMethod: 'op rekening',
			fromOrderOptions: { hourItemCodes: 'ARBEID, VOORRIJ' },
			...parameters,
		} as INodeParameters,
		items,
		credentials: credentials(outsmart.sim),
		continueOnFail: true,
	});

describe('OutSmart: Create From Exact Sales Order', () => {
	it('makes work order VO-<number> per open order, with customer, planning and materials; a second run makes none', async () => {
		const orders = await openOrders();
		expect(orders.map((o) => o.OrderNumber)).toEqual([3, 2, 1]);
		const first = jsonOf(await fromOrders(orders));
		expect(first.map((r) => [r.WorkorderNo, r.created, r.OrderNumber])).toEqual([
			['VO-3', true, 3],
			['VO-2', true, 2],
			['VO-1', true, 1],
		]);

		const stored = outsmart.sim.state.getWorkorder('VO-3');
		expect(stored).toMatchObject({
			WorkorderNo: 'VO-3',
			CustomerName: "O'Neill Installaties",
			CustomerDebtorNr: '2',
			CustomerStreet: 'Laan van Meerdervoort',
			CustomerStreetNo: '1250-B',
			CustomerNameInvoice: "O'Neill Installaties",
			WorkDate: '10-05-2025',
			TypeOfWork: 'Onderhoud',
			WorkDescription: 'Opdracht groepenkast\nUw referentie: PO-20250003',
		});
		const materials = stored.Materials as IDataObject[];
		expect(materials.map((m) => m.MaterialCode)).toEqual(['KK-12']);
		expect(first[0]).toMatchObject({ materials: 1, plannedHours: 4.5 });
		expect(outsmart.sim.state.findWorkorder('VO-1')?.materials.map((m) => m.MaterialCode)).toEqual(['CV-HRE28', 'CV-HRE28', 'CV-HRE28']);

		const again = jsonOf(await fromOrders(orders));
		expect(again.map((r) => [r.WorkorderNo, r.created])).toEqual([
			['VO-3', false],
			['VO-2', false],
			['VO-1', false],
		]);
		const made = outsmart.sim.state.list('workorders').filter((w) => String(w.WorkorderNo).startsWith('VO-'));
		expect(made).toHaveLength(3);
	});

	it('says what to fix for an order without lines or accounts, or whose customer has no address; the others go on', async () => {
		const [order3, order2] = await openOrders();
		const withoutLines = { ...order3 };
		delete withoutLines.SalesOrderLines;
		const withoutAccounts = { ...order2 };
		delete withoutAccounts.Accounts;
		const noAddress = {
			...order2,
			OrderNumber: 77,
			Accounts: { OrderedBy: { ...(order2.Accounts as Record<string, IDataObject>).OrderedBy, AddressLine1: '', City: '' } },
		};
		const result = jsonOf(await fromOrders([withoutLines, withoutAccounts, noAddress, order2]));
		expect(result.map((r) => r.error ?? r.WorkorderNo)).toEqual([
			'Sales order 3 comes without its lines',
			'Sales order 2 comes without its accounts',
			'Sales order 77: the customer has no CustomerStreet, CustomerCity',
			'VO-2',
		]);
		expect(result[0].details).toBe('Turn on Include Lines in the Exact Online Sales Order node');
		expect(outsmart.sim.state.findWorkorder('VO-77')).toBeUndefined();
		expect(outsmart.sim.state.getWorkorder('VO-2').CustomerName).toBe(EXACT_SEED_FIXTURES.accounts.longName.name);
	});
});
