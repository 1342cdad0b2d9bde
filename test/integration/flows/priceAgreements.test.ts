/**
 * The price agreements flow as template 08 wires it, node by node against both simulators: Exact Price Agreement
 * Get Changes -> OutSmart price upsert "Map From Exact Record" -> Confirm Changes. Checks the prices OutSmart has
 * (material or hour type, debtor, dates, price), that a second run changes nothing, and that ended, deleted and
 * moved agreements end in OutSmart.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlinePriceAgreement } from '../../../nodes/ExactOnlinePriceAgreement/ExactOnlinePriceAgreement.node';
import { EXACT_SEED_FIXTURES } from '../../../simulators/exact';
import { jsonOf, runNode } from '../../harness/context';
import { upsertFromExact, useFlowSimulators } from './setup';

const node = new ExactOnlinePriceAgreement();
const world = useFlowSimulators();
const staticData: IDataObject = {};

const changes = async () =>
	jsonOf(
		await runNode(node, {
			parameters: { operation: 'getChanges', syncName: 'prices', changesOptions: { confirmLater: true } } as never,
			credentials: world.exact.credentials(),
			staticData,
			mode: 'trigger',
		}),
	);
const confirm = async (items: IDataObject[] = []) =>
	jsonOf(
		await runNode(node, {
			parameters: { operation: 'confirmChanges', syncName: 'prices' } as never,
			credentials: world.exact.credentials(),
			staticData,
			items,
		}),
	);
const prices = () => (world.outsmart.state.list('prices') as IDataObject[]).filter((p) => p.debtornr);
const customerRows = () => world.exact.sim.state.listRecords('SalesItemPrices').filter((r) => r.Account);

describe('price agreements: Exact price list -> OutSmart prices', () => {
	let handed: IDataObject[] = [];

	it('creates a price per customer agreement: material or hour type, debtor number, dates, price', async () => {
		const { oneill } = EXACT_SEED_FIXTURES.accounts;
		world.exact.sim.state.insertRecord('SalesItemPrices', { Account: oneill.id, Item: EXACT_SEED_FIXTURES.items.kogelkraan.id, Price: 17, StartDate: '2025-01-01T00:00:00' });
		handed = await changes();
		expect(handed.find((r) => r.Account === oneill.id)).toMatchObject({ AccountCode: '2', ItemCode: 'KK-12', ItemIsTime: false });
		expect(handed).toHaveLength(customerRows().length);
		const { stored, refused } = await upsertFromExact(world.outsmart, 'price', handed);
		expect(refused).toEqual([]);
		expect(stored.every((r) => r.outcome === 'created')).toBe(true);
		const bakkerij = handed.find((r) => r.Account === EXACT_SEED_FIXTURES.accounts.bakkerij.id) as IDataObject;
		const kind = bakkerij.ItemIsTime ? 'hourtype' : 'material';
		expect(prices()).toContainEqual(
			expect.objectContaining({ [kind]: bakkerij.ItemCode, debtornr: '1', date_start: '2025-01-01', price: Number(bakkerij.Price).toFixed(2) }),
		);
		expect(prices().some((p) => p.date_end === '2025-12-31')).toBe(customerRows().some((r) => r.EndDate));
		expect(await confirm()).toEqual([expect.objectContaining({ confirmed: true, givenBack: 0 })]);
	});

	it('a second run reads nothing and writes nothing', async () => {
		world.outsmart.state.resetStats();
		expect(await changes()).toEqual([]);
		expect(world.outsmart.state.stats().callsTotal).toBe(0);
	});

	it('a new price, an ended, a deleted and a moved agreement: updated, created, or ended in OutSmart', async () => {
		const [repriced, ended, deleted, moved] = handed;
		world.exact.sim.state.updateRecord('SalesItemPrices', String(repriced.ID), { Price: 7.25 });
		world.exact.sim.state.updateRecord('SalesItemPrices', String(ended.ID), { EndDate: '2025-09-30T00:00:00' });
		world.exact.sim.state.deleteRecord('SalesItemPrices', String(deleted.ID));
		world.exact.sim.state.updateRecord('SalesItemPrices', String(moved.ID), { StartDate: '2026-02-01T00:00:00' });
		const read = await changes();
		const { stored, refused } = await upsertFromExact(world.outsmart, 'price', read);
		expect(refused).toEqual([]);
		const outcome = (id: unknown, type: string) => stored[read.findIndex((r) => String(r.ID).toLowerCase() === String(id).toLowerCase() && r.changeType === type)];
		expect(outcome(repriced.ID, 'changed')).toMatchObject({ outcome: 'updated', changedFields: ['price'] });
		expect(outcome(ended.ID, 'changed')).toMatchObject({ outcome: 'updated', changedFields: ['date_end'] });
		expect(outcome(deleted.ID, 'deleted')).toMatchObject({ outcome: 'updated', changedFields: ['date_end'] });
		expect(outcome(moved.ID, 'changed')).toMatchObject({ outcome: 'created' });
		expect(outcome(moved.ID, 'deleted')).toMatchObject({ outcome: 'updated', changedFields: ['date_end'] });

		const find = (row: IDataObject, start: string) =>
			prices().find((p) => p.debtornr === row.AccountCode && (p.material === row.ItemCode || p.hourtype === row.ItemCode) && p.date_start === start);
		expect(find(repriced, '2025-01-01')?.price).toBe('7.25');
		expect(find(ended, '2025-01-01')?.date_end).toBe('2025-09-30');
		const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		expect([yesterday, new Date().toISOString().slice(0, 10)]).toContain(find(deleted, '2025-01-01')?.date_end);
		expect(find(moved, '2026-02-01')).toMatchObject({ date_end: null });
		expect(String(find(moved, '2025-01-01')?.date_end) < '2026-02-01').toBe(true);
		await confirm();

		// Settled: the next run reads nothing and OutSmart is not called.
		world.outsmart.state.resetStats();
		expect(await changes()).toEqual([]);
		expect(world.outsmart.state.stats().callsTotal).toBe(0);
	});

	it('a price from a quantity on (staffel) is not sent, and its deletion leaves the price for any quantity; a row that becomes one ends its price', async () => {
		const { muller } = EXACT_SEED_FIXTURES.accounts;
		const item = EXACT_SEED_FIXTURES.items.draad.id;
		const base = world.exact.sim.state.insertRecord('SalesItemPrices', { Account: muller.id, Item: item, Price: 4, Quantity: 0, StartDate: '2025-03-01T00:00:00' });
		const staffel = world.exact.sim.state.insertRecord('SalesItemPrices', { Account: muller.id, Item: item, Price: 3.5, Quantity: 50, StartDate: '2025-03-01T00:00:00' });
		const read = await changes();
		const { stored, refused } = await upsertFromExact(world.outsmart, 'price', read);
		expect(refused).toEqual([]);
		const outcomeOf = (id: unknown, type = 'changed') => stored[read.findIndex((r) => idOf(r.ID) === idOf(id) && r.changeType === type)];
		expect(outcomeOf(base.ID)).toMatchObject({ outcome: 'created' });
		expect(outcomeOf(staffel.ID)).toMatchObject({ outcome: 'skipped', sent: false, reason: expect.stringMatching(/from quantity 50 on \(staffel\)/) });
		const mullerPrice = () => prices().filter((p) => p.debtornr === String(muller.code).trim() && p.date_start === '2025-03-01');
		expect(mullerPrice()).toEqual([expect.objectContaining({ price: '4.00', date_end: null })]);
		await confirm();

		// The staffel row deleted in Exact: the price for any quantity stays as it is.
		world.exact.sim.state.deleteRecord('SalesItemPrices', String(staffel.ID));
		const deletion = await changes();
		expect(deletion).toEqual([expect.objectContaining({ changeType: 'deleted', Quantity: 50 })]);
		expect((await upsertFromExact(world.outsmart, 'price', deletion)).stored).toEqual([expect.objectContaining({ outcome: 'skipped' })]);
		expect(mullerPrice()).toEqual([expect.objectContaining({ price: '4.00', date_end: null })]);
		await confirm();

		// The base row becomes a price from 10 on: the OutSmart price (any quantity) ends.
		world.exact.sim.state.updateRecord('SalesItemPrices', String(base.ID), { Quantity: 10 });
		const became = await changes();
		expect(became.map((r) => r.changeType).sort()).toEqual(['changed', 'deleted']);
		const ending = await upsertFromExact(world.outsmart, 'price', became);
		expect(ending.refused).toEqual([]);
		expect(mullerPrice()).toEqual([expect.objectContaining({ price: '4.00', date_end: expect.any(String) })]);
		await confirm();
	});
});

const idOf = (value: unknown) => String(value).toLowerCase();
