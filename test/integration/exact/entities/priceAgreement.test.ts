/**
 * Exact Online Price Agreement against the Exact simulator: Get Many with its filters (customer agreements, default
 * prices, valid on a day), and Get Changes over several runs: the customer's code and the item's kind added,
 * deletions (which Exact does not log for price rows) found by reading the IDs, a moved start date ending the old
 * row, and Confirm Later keeping both until Confirm Changes.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlinePriceAgreement } from '../../../../nodes/ExactOnlinePriceAgreement/ExactOnlinePriceAgreement.node';
import { EXACT_SEED_FIXTURES } from '../../../../simulators/exact';
import { jsonOf } from '../../../harness/context';
import { callsOf, endpointsOf, runnerFor, startEntitySimulator, useEntitySimulator } from './setup';

const suite = useEntitySimulator(new ExactOnlinePriceAgreement());
const { run } = suite;
const rows = () => suite.exact.sim.state.listRecords('SalesItemPrices');
const customerRows = () => rows().filter((r) => r.Account);

describe('Exact Online Price Agreement: Get and Get Many', () => {
	it('lists customer agreements by default, default prices or all when asked', async () => {
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(jsonOf(result).map((r) => r.ID).sort()).toEqual(customerRows().map((r) => r.ID).sort());
		expect(callsOf(result)[0].query.$filter).toBe('Account ne null');
		const defaults = jsonOf(await run({ operation: 'getMany', returnAll: true, filters: { kind: 'default' } }));
		expect(defaults.every((r) => r.Account === null)).toBe(true);
		expect(jsonOf(await run({ operation: 'getMany', returnAll: true, filters: { kind: 'any' } }))).toHaveLength(rows().length);
	});

	it("finds one customer's agreements valid on a day, and one row by ID", async () => {
		const [first] = customerRows();
		const result = await run({ operation: 'getMany', returnAll: true, filters: { account: String(first.Account), validOn: '2025-06-01T00:00:00' } });
		expect(jsonOf(result).map((r) => r.ID)).toContain(first.ID);
		expect(callsOf(result)[0].query.$filter).toBe(
			`Account ne null and Account eq guid'${String(first.Account)}' and (StartDate eq null or StartDate le datetime'2025-06-01T00:00:00') and (EndDate eq null or EndDate ge datetime'2025-06-01T00:00:00')`,
		);
		expect(jsonOf(await run({ operation: 'getMany', returnAll: true, filters: { validOn: '2024-06-01T00:00:00' } }))).toEqual([]);
		const one = await run({ operation: 'get', priceAgreement: String(first.ID) });
		expect(jsonOf(one)).toEqual([expect.objectContaining({ ID: first.ID, Price: first.Price, ItemCode: first.ItemCode })]);
		expect(endpointsOf(one)).toHaveLength(1);
	});
});

describe('Exact Online Price Agreement: Get Changes', () => {
	it('hands out agreements with the customer code and item kind, then only changes, deletions and moved rows', async () => {
		const staticData: IDataObject = {};
		const sync = async (options: IDataObject = {}) =>
			await run({ operation: 'getChanges', syncName: 'prices', changesOptions: options }, { staticData });
		const first = await sync();
		const handed = jsonOf(first);
		expect(handed.map((r) => r.ID).sort()).toEqual(customerRows().map((r) => r.ID).sort());
		const bakkerij = handed.find((r) => r.Account === EXACT_SEED_FIXTURES.accounts.bakkerij.id);
		expect(bakkerij).toMatchObject({ AccountCode: '1', changeType: 'changed' });
		expect(typeof bakkerij?.ItemIsTime).toBe('boolean');
		// Prices, account codes, item kinds, then the IDs of all price rows (for deletions).
		expect(endpointsOf(first)).toEqual(['GET sync/Logistics/SalesItemPrices', 'GET crm/Accounts', 'GET logistics/Items', 'GET sync/Logistics/SalesItemPrices']);
		expect(callsOf(first)[3].query).toMatchObject({ $select: 'ID,Timestamp', $filter: 'Timestamp gt 1L' });

		const nothing = await sync();
		expect(jsonOf(nothing)).toEqual([]);
		expect(endpointsOf(nothing)).toEqual(['GET sync/Logistics/SalesItemPrices', 'GET sync/Logistics/SalesItemPrices']);

		// A new default price is no customer agreement: not handed out.
		suite.exact.sim.state.insertRecord('SalesItemPrices', { Item: EXACT_SEED_FIXTURES.items.kogelkraan.id, Price: 19.5 });
		expect(jsonOf(await sync())).toEqual([]);

		// Deleted in Exact: handed out with the fields it had; a moved start date: changed, and the old row deleted.
		const [gone, moved] = handed;
		suite.exact.sim.state.deleteRecord('SalesItemPrices', String(gone.ID));
		suite.exact.sim.state.updateRecord('SalesItemPrices', String(moved.ID), { StartDate: '2026-01-01T00:00:00' });
		const changes = jsonOf(await sync({ confirmLater: true }));
		expect(changes).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ ID: moved.ID, changeType: 'changed', StartDate: expect.stringMatching(/^2026-01-01T00:00:00/) }),
				expect.objectContaining({ ID: String(moved.ID).toLowerCase(), changeType: 'deleted', StartDate: moved.StartDate, AccountCode: moved.AccountCode }),
				expect.objectContaining({ ID: String(gone.ID).toLowerCase(), changeType: 'deleted', ItemCode: gone.ItemCode, AccountCode: gone.AccountCode, Price: gone.Price }),
			]),
		);
		expect(changes).toHaveLength(3);
		// Not confirmed: the same again; confirmed: nothing more.
		expect(jsonOf(await sync({ confirmLater: true }))).toHaveLength(3);
		const confirmed = await run({ operation: 'confirmChanges', syncName: 'prices' }, { staticData });
		expect(jsonOf(confirmed)).toEqual([expect.objectContaining({ confirmed: true })]);
		expect(jsonOf(await sync({ confirmLater: true }))).toEqual([]);
	});

	it('without deletions costs one call when nothing changed', async () => {
		const staticData: IDataObject = {};
		await run({ operation: 'getChanges', changesOptions: { includeDeleted: false } }, { staticData });
		const nothing = await run({ operation: 'getChanges', changesOptions: { includeDeleted: false } }, { staticData });
		expect(endpointsOf(nothing)).toEqual(['GET sync/Logistics/SalesItemPrices']);
	});
});

describe('Exact Online Price Agreement: many customers', () => {
	it('above 100 customers and items reads their codes and kinds from the sync lists (1,000 a call), not 20 a call', async () => {
		const small = await startEntitySimulator({ seed: 'small', mandatoryFiltering: true });
		try {
			const accounts = small.sim.state.listRecords('Accounts').filter((a) => a.Status === 'C').slice(0, 150);
			const items = small.sim.state.listRecords('Items').slice(0, 150);
			accounts.forEach((account, i) => small.sim.state.insertRecord('SalesItemPrices', { Account: account.ID, Item: items[i].ID, Price: 10 + i }));
			const result = await runnerFor(small, new ExactOnlinePriceAgreement())({ operation: 'getChanges', changesOptions: { includeDeleted: false } }, { staticData: {} });
			const handed = jsonOf(result);
			const inserted = handed.filter((r) => accounts.some((a) => a.ID === r.Account) && items.some((i) => i.ID === r.Item) && r.Price === 10 + accounts.findIndex((a) => a.ID === r.Account));
			expect(inserted).toHaveLength(150);
			for (const row of inserted) {
				const account = accounts.find((a) => a.ID === row.Account) as IDataObject;
				expect(row.AccountCode).toBe(String(account.Code).trim());
				expect(row.ItemIsTime).toBe(Number(items.find((i) => i.ID === row.Item)?.IsTime) === 1);
			}
			expect(endpointsOf(result)).toEqual(['GET sync/Logistics/SalesItemPrices', 'GET sync/CRM/Accounts', 'GET sync/Logistics/Items']);
			expect(callsOf(result)[1].query.$select).toBe('ID,Code,Timestamp');
			expect(callsOf(result).every((call) => call.status === 200)).toBe(true);
		} finally {
			await small.sim.close();
		}
	});
});

describe('Exact Online Price Agreement: Create, Update, Delete', () => {
	it("creates a customer's agreed price by account and item code, changes it, and deletes it", async () => {
		const created = await run({
			operation: 'create',
			account: { __rl: true, mode: 'code', value: '2' },
			item: { __rl: true, mode: 'code', value: 'KK-12' },
			price: 11.75,
			additionalFields: { StartDate: '2026-01-01T00:00:00', EndDate: '2026-12-31T00:00:00' },
		});
		const [row] = jsonOf(created);
		expect(row).toMatchObject({ Account: EXACT_SEED_FIXTURES.accounts.oneill.id, Item: EXACT_SEED_FIXTURES.items.kogelkraan.id, ItemCode: 'KK-12', Price: 11.75 });
		expect(String(row.StartDate)).toMatch(/^2026-01-01T00:00:00/);
		// Two look-ups (the codes) and the write.
		expect(endpointsOf(created)).toEqual(['GET logistics/Items', 'GET crm/Accounts', 'POST logistics/SalesItemPrices']);
		expect(String(row.EndDate)).toMatch(/^2026-12-31T00:00:00/);

		const updated = await run({ operation: 'update', priceAgreement: String(row.ID), updateFields: { Price: 12.25 } });
		expect(jsonOf(updated)).toEqual([expect.objectContaining({ ID: row.ID, Price: 12.25 })]);
		expect(rows().find((r) => r.ID === row.ID)?.Price).toBe(12.25);

		const deleted = await run({ operation: 'delete', priceAgreement: String(row.ID) });
		expect(jsonOf(deleted)).toEqual([{ ID: row.ID, deleted: true }]);
		expect(rows().some((r) => r.ID === row.ID)).toBe(false);
		const notAnId = await run({ operation: 'delete', priceAgreement: 'KK-12' });
		expect(notAnId.error?.message).toBe("'KK-12' is not an Exact ID");
		expect(notAnId.host.http).toHaveLength(0);
	});

	it("creates an item's default price without a customer", async () => {
		const [row] = jsonOf(await run({ operation: 'create', account: { __rl: true, mode: 'list', value: '' }, item: { __rl: true, mode: 'code', value: 'KK-12' }, price: 14 }));
		expect(row).toMatchObject({ Account: null, Price: 14 });
	});
});
