/**
 * Get Stock Changes, Per Item, by its Exact calls in an administration of 20,000 items (some 17,600 stock positions,
 * 18 pages of the sync list): a first run reads the list once (its changes are every position there is), and a
 * later run takes look-ups of 20 items a call or one pass over the list, whichever costs fewer calls by the list's
 * size at its last whole read.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineWarehouse } from '../../../../nodes/ExactOnlineWarehouse/ExactOnlineWarehouse.node';
import { jsonOf } from '../../../harness/context';
import { endpointsOf, runnerFor, startEntitySimulator } from './setup';
import type { ExactFixture } from '../../exactSetup';

let exact: ExactFixture;
beforeAll(async () => {
	exact = await startEntitySimulator({ seed: { accounts: 10, items: 20_000, salesInvoices: 0, salesOrders: 0, quotations: 0, employees: 0, projects: 0 } });
});
afterAll(async () => exact.sim.close());

const state = () => exact.sim.state;
const positions = () => state().listRecords('ItemWarehouses');
const staticData: IDataObject = {};
const stockRun = () =>
	runnerFor(exact, new ExactOnlineWarehouse())({ operation: 'getChanges', syncName: 'stock', changesOptions: { perItem: true, includeDeleted: false } }, { staticData });
const count = (endpoints: string[], endpoint: string) => endpoints.filter((e) => e === endpoint).length;
const SYNC = 'GET sync/Inventory/StockPositions';
const LOOK_UP = 'GET inventory/ItemWarehouses';

jest.setTimeout(60_000);

function byItem(): Map<string, IDataObject[]> {
	const grouped = new Map<string, IDataObject[]>();
	for (const p of positions()) grouped.set(String(p.ItemCode), [...(grouped.get(String(p.ItemCode)) ?? []), p]);
	return grouped;
}

/** One position each of `n` stock items moves (every 7th item); answers their codes. */
function moveStock(n: number): string[] {
	const rows = [...byItem().values()].filter((_, i) => i % 7 === 0).slice(0, n).map((own) => own[0]);
	for (const row of rows) state().updateRecord('ItemWarehouses', String(row.ID), { CurrentStock: Number(row.CurrentStock ?? 0) + 1 });
	return rows.map((row) => String(row.ItemCode)).sort();
}

/** Each handed-out item has every warehouse it has in Exact, with its stock there. */
function expectWholeStock(handed: IDataObject[]): void {
	const grouped = byItem();
	for (const item of handed) {
		const own = grouped.get(String(item.ItemCode)) ?? [];
		expect((item.Warehouses as IDataObject[]).map((w) => [w.WarehouseCode, w.CurrentStock]).sort()).toEqual(own.map((p) => [p.WarehouseCode, p.CurrentStock]).sort());
	}
}

describe('Get Stock Changes per item: Exact calls', () => {
	const pages = () => Math.ceil(positions().length / 1000);

	it('first run: the stock list once, no second pass for the other warehouses', async () => {
		expect(pages()).toBe(18);
		const first = await stockRun();
		expect(endpointsOf(first)).toEqual(Array(pages()).fill(SYNC));
		const handed = jsonOf(first);
		expect(handed).toHaveLength(new Set(positions().map((p) => p.ItemCode)).size);
		expectWholeStock(handed.filter((_, i) => i % 500 === 0));
	});

	it('180 items moved: look-ups of 20 a call (9) rather than the list (18 pages)', async () => {
		const codes = moveStock(180);
		const run = await stockRun();
		const endpoints = endpointsOf(run);
		expect(count(endpoints, SYNC)).toBe(1);
		expect(count(endpoints, LOOK_UP)).toBe(9);
		expect(endpoints).toHaveLength(10);
		const handed = jsonOf(run);
		expect(handed.map((item) => item.ItemCode)).toEqual(codes);
		expectWholeStock(handed);
	});

	it('1,000 items moved: one pass over the list (18 pages) rather than 50 look-ups', async () => {
		const codes = moveStock(1000);
		const run = await stockRun();
		const endpoints = endpointsOf(run);
		// The changes (1,000 positions: one page) and the list from its start.
		expect(endpoints).toEqual(Array(1 + pages()).fill(SYNC));
		const handed = jsonOf(run);
		expect(handed.map((item) => item.ItemCode)).toEqual(codes);
		expectWholeStock(handed.slice(0, 50));
	});
});
