/**
 * Exact's mandatory filtering (since July 2021): the standard and bulk endpoints of an entity that has a sync
 * endpoint refuse a read without $filter. With it on in the simulator, every read a node makes must be accepted,
 * and hand out what the filtered standard read gives (a filter every record passes keeps a read there).
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineAccount } from '../../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { ExactOnlineItem } from '../../../../nodes/ExactOnlineItem/ExactOnlineItem.node';
import { ExactOnlineSalesInvoice } from '../../../../nodes/ExactOnlineSalesInvoice/ExactOnlineSalesInvoice.node';
import { jsonOf, type NodeRun } from '../../../harness/context';
import type { ExactFixture } from '../../exactSetup';
import { exactTestClient } from '../../../../simulators/exact/testing';
import { callsOf, DIVISION, endpointsOf, runnerFor, startEntitySimulator } from './setup';

/** Filters every seeded record passes (all were modified after 1990): the standard endpoint, as ground truth. */
const EVERYTHING = { modifiedSince: '1990-01-01' };

function expectNoneRefused(result: NodeRun): void {
	expect(result.error).toBeUndefined();
	expect(callsOf(result).filter((call) => call.status !== 200)).toEqual([]);
}

describe('mandatory filtering: Get Many without a filter is never refused', () => {
	let small: ExactFixture;
	beforeAll(async () => {
		small = await startEntitySimulator({ seed: 'small', mandatoryFiltering: true });
	});
	afterAll(async () => small.sim.close());
	afterEach(() => {
		small.sim.state.reset();
		small.sim.state.setMandatoryFiltering(true);
	});

	it('the simulator refuses unfiltered standard and bulk reads (what the nodes must avoid)', async () => {
		const client = exactTestClient(small.sim);
		for (const path of ['bulk/Logistics/Items?$select=ID', 'logistics/Items?$select=ID&$top=5', 'crm/Accounts?$select=ID&$top=5']) {
			const response = await client.get(`${DIVISION}/${path}`);
			expect(response.status).toBe(400);
			expect(await response.text()).toMatch(/mandatory filtering/);
		}
	});

	it('Item, Return All without a filter: the sync list, then the sales price in one bulk pass from the oldest Modified', async () => {
		const items = runnerFor(small, new ExactOnlineItem());
		const result = await items({ operation: 'getMany', returnAll: true, filters: { activeOnly: false } });
		expectNoneRefused(result);
		const calls = callsOf(result);
		expect(calls.map((call) => call.path)).toEqual(['sync/Logistics/Items', 'bulk/Logistics/Items']);
		expect(calls[1].query).toMatchObject({ $select: 'ID,StandardSalesPrice', $filter: expect.stringMatching(/^Modified ge datetime'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d'$/) });
		const standard = await items({ operation: 'getMany', returnAll: true, filters: { activeOnly: false, ...EVERYTHING } });
		expect(endpointsOf(standard)).toEqual(['GET bulk/Logistics/Items']);
		expect(jsonOf(result)).toHaveLength(small.sim.state.listRecords('Items').length);
		expect(jsonOf(result)).toEqual(jsonOf(standard));
		const prices = new Map(small.sim.state.listRecords('Items').map((item) => [item.ID, item.StandardSalesPrice]));
		expect(jsonOf(result).every((item) => item.StandardSalesPrice === prices.get(item.ID as string))).toBe(true);
	});

	it('Item, a limit without a filter: the first by code from the sync list, their prices by ID', async () => {
		const items = runnerFor(small, new ExactOnlineItem());
		const result = await items({ operation: 'getMany', limit: 25, filters: { activeOnly: false } });
		expectNoneRefused(result);
		expect(endpointsOf(result)).toEqual(['GET sync/Logistics/Items', 'GET logistics/Items', 'GET logistics/Items']);
		const standard = await items({ operation: 'getMany', limit: 25, filters: { activeOnly: false, ...EVERYTHING } });
		expect(endpointsOf(standard)).toEqual(['GET logistics/Items']);
		expect(jsonOf(result)).toEqual(jsonOf(standard));
	});

	it('Account and Sales Invoice, a limit without a filter: the first in the standard order from the sync list', async () => {
		const accounts = runnerFor(small, new ExactOnlineAccount());
		const result = await accounts({ operation: 'getMany', limit: 5 });
		expectNoneRefused(result);
		expect(endpointsOf(result)).toEqual(['GET sync/CRM/Accounts']);
		expect(jsonOf(result)).toEqual(jsonOf(await accounts({ operation: 'getMany', limit: 5, filters: EVERYTHING })));

		const invoices = runnerFor(small, new ExactOnlineSalesInvoice());
		const newest = await invoices({ operation: 'getMany', limit: 3 });
		expectNoneRefused(newest);
		expect(endpointsOf(newest)).toEqual(['GET sync/SalesInvoice/SalesInvoices']);
		expect(jsonOf(newest)).toEqual(jsonOf(await invoices({ operation: 'getMany', limit: 3, filters: { dateFrom: '2000-01-01' } })));
	});
});

describe('mandatory filtering: Item Get Changes prices many items without an unfiltered bulk read', () => {
	let small: ExactFixture;
	beforeAll(async () => {
		small = await startEntitySimulator({ seed: 'small', mandatoryFiltering: true });
	});
	afterAll(async () => small.sim.close());

	const priceOf = (id: unknown) => small.sim.state.listRecords('Items').find((item) => item.ID === id)?.StandardSalesPrice;

	it('a first run and a run with 150 changed items: every price right, each pass filtered on Modified, nothing handed out twice', async () => {
		const staticData: IDataObject = {};
		const items = runnerFor(small, new ExactOnlineItem());
		const first = await items({ operation: 'getChanges' }, { staticData });
		expectNoneRefused(first);
		const handed = jsonOf(first).filter((item) => item.changeType === 'changed');
		expect(handed).toHaveLength(small.sim.state.listRecords('Items').length);
		expect(handed.every((item) => item.StandardSalesPrice === priceOf(item.ID))).toBe(true);
		const firstBulk = callsOf(first).filter((call) => call.path === 'bulk/Logistics/Items');
		expect(firstBulk).toHaveLength(1);
		expect(firstBulk[0].query.$filter).toMatch(/^Modified ge datetime'/);

		const changed = small.sim.state.listRecords('Items').slice(0, 150);
		for (const item of changed) small.sim.state.updateRecord('Items', String(item.ID), { Description: `${String(item.Description)} *` });
		const second = await items({ operation: 'getChanges' }, { staticData });
		expectNoneRefused(second);
		const again = jsonOf(second).filter((item) => item.changeType === 'changed');
		expect(again.map((item) => item.ID).sort()).toEqual(changed.map((item) => item.ID).sort());
		expect(again.every((item) => item.StandardSalesPrice === priceOf(item.ID))).toBe(true);
		// the pass reads only what changed since the oldest of those: 150 items, one call
		const secondBulk = callsOf(second).filter((call) => call.path === 'bulk/Logistics/Items');
		expect(secondBulk).toHaveLength(1);
		expect(secondBulk[0].query.$filter > firstBulk[0].query.$filter).toBe(true);

		const third = await items({ operation: 'getChanges' }, { staticData });
		expectNoneRefused(third);
		expect(jsonOf(third)).toEqual([]);
	}, 30_000);
});
