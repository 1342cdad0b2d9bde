/**
 * The employees and item groups flow as template 07 wires it, node by node against both simulators:
 * Exact employees (Get Changes) -> OutSmart employees, Exact item groups (Get Item Groups) -> OutSmart material
 * categories, and the materials flow's link of each material to its group's category. Checks what arrives in
 * OutSmart, the per-record report, and that a second run changes nothing.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineEmployee } from '../../../nodes/ExactOnlineEmployee/ExactOnlineEmployee.node';
import { ExactOnlineItem } from '../../../nodes/ExactOnlineItem/ExactOnlineItem.node';
import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { EXACT_SEED_FIXTURES } from '../../../simulators/exact';
import { jsonOf, runNode } from '../../harness/context';
import { credentials as outSmartCredentials } from '../outsmart/setup';
import { upsertFromExact, useFlowSimulators } from './setup';

const exactEmployee = new ExactOnlineEmployee();
const exactItem = new ExactOnlineItem();
const world = useFlowSimulators();

const upsert = async (resource: string, items: IDataObject[], options: IDataObject = {}) => await upsertFromExact(world.outsmart, resource, items, options);
const list = (endpoint: string) => world.outsmart.state.list(endpoint) as IDataObject[];

describe('employees: Exact employees -> OutSmart employees', () => {
	const staticData = {};
	const changes = async () =>
		jsonOf(
			await runNode(exactEmployee, {
				parameters: { operation: 'getChanges', syncName: 'employees', changesOptions: { confirmLater: true } } as never,
				credentials: world.exact.credentials(),
				staticData,
				mode: 'trigger',
			}),
		);
	const confirm = async () =>
		jsonOf(
			await runNode(exactEmployee, {
				parameters: { operation: 'confirmChanges', syncName: 'employees' } as never,
				credentials: world.exact.credentials(),
				staticData,
			}),
		);

	it('creates an employee per Exact employee: number = Exact code, tussenvoegsel with the last name', async () => {
		const read = await changes();
		expect(read).toHaveLength(3);
		const { stored, refused } = await upsert('employee', read);
		expect(refused).toEqual([]);
		expect(stored.map((r) => [r.key, r.outcome])).toEqual([['1', 'created'], ['2', 'created'], ['3', 'created']]);
		expect(list('employees').find((e) => e.number === '1')).toEqual({ number: '1', firstname: 'Jan', lastname: 'de Vries', active: '1' });
		expect(list('employees').find((e) => e.number === '2')).toMatchObject({ firstname: 'Ahmet', lastname: 'Yılmaz' });
		expect(await confirm()).toEqual([{ syncName: 'employees', confirmed: true, givenBack: 0, retrying: 0 }]);
	});

	it('a second run reads nothing and writes nothing', async () => {
		world.outsmart.state.resetStats();
		expect(await changes()).toEqual([]);
		expect(world.outsmart.state.stats().callsTotal).toBe(0);
	});

	it('an employee who leaves becomes inactive in OutSmart; one who left before the first import is not created', async () => {
		const ahmet = world.exact.sim.state.listRecords('Employees').find((e) => e.Code === '2');
		world.exact.sim.state.updateRecord('Employees', String(ahmet?.ID), { IsActive: false, EndDate: '2025-03-31T00:00:00' });
		world.exact.sim.state.insertRecord('Employees', { Code: '40', FirstName: 'Oud', LastName: 'Gediende', IsActive: false, EndDate: '2020-01-01T00:00:00' });
		const { stored } = await upsert('employee', await changes());
		expect(stored).toEqual([
			expect.objectContaining({ key: '2', outcome: 'updated', changedFields: ['active'] }),
			expect.objectContaining({ key: '40', outcome: 'skipped', sent: false }),
		]);
		expect(list('employees').find((e) => e.number === '2')).toMatchObject({ active: '0', firstname: 'Ahmet' });
		expect(list('employees').some((e) => e.number === '40')).toBe(false);
		await confirm();
	});

	it('an employee OutSmart refuses (no last name) goes to Refused, is given back, and comes again on the next run', async () => {
		const nameless = world.exact.sim.state.insertRecord('Employees', { Code: '41', FirstName: 'Alleen', LastName: '', IsActive: true });
		const { stored, refused } = await upsert('employee', await changes());
		expect(stored).toEqual([]);
		expect(refused).toEqual([expect.objectContaining({ ID: nameless.ID, error: expect.stringMatching(/^OutSmart refused employee 41: .*lastname/) })]);
		const confirmed = await runNode(exactEmployee, {
			parameters: { operation: 'confirmChanges', syncName: 'employees' } as never,
			credentials: world.exact.credentials(),
			staticData,
			items: refused,
		});
		expect(jsonOf(confirmed)).toEqual([expect.objectContaining({ confirmed: true, givenBack: 1, retrying: 1 })]);
		expect(await changes()).toEqual([expect.objectContaining({ ID: nameless.ID, retry: true })]);
	});
});

describe('item groups: Exact item groups -> OutSmart material categories; materials in their category', () => {
	const itemGroups = async () =>
		jsonOf(
			await runNode(exactItem, {
				parameters: { operation: 'getItemGroups', returnAll: true } as never,
				credentials: world.exact.credentials(),
			}),
		);

	it('creates a displayed category per item group, with the group code; the demo categories it already has are updated', async () => {
		const groups = await itemGroups();
		const { stored, refused } = await upsert('category', groups);
		expect(refused).toEqual([]);
		expect(stored).toHaveLength(groups.length);
		const sanitair = list('categories').find((c) => c.cat_code === 'SANITAIR');
		expect(sanitair).toMatchObject({ cat_name: 'Sanitair', cat_display: '1' });
		for (const group of groups) expect(list('categories').find((c) => c.cat_code === group.Code)).toMatchObject({ cat_name: group.Description, cat_display: '1' });
	});

	it('a second run sends nothing: every category is unchanged', async () => {
		world.outsmart.state.resetStats();
		const { stored } = await upsert('category', await itemGroups());
		expect(stored.every((r) => r.outcome === 'unchanged' && r.sent === false)).toBe(true);
		expect(world.outsmart.state.stats().callsTotal).toBe(1);
	});

	it("puts each material in its item group's category; time items and deletions are skipped with a reason", async () => {
		const items = jsonOf(
			await runNode(exactItem, {
				parameters: { operation: 'getChanges', syncName: 'material categories', changesOptions: { includePriceChanges: false, includeSalesPrice: false } } as never,
				credentials: world.exact.credentials(),
				staticData: {},
			}),
		);
		const { stored, refused } = await upsert('materialCategory', items);
		expect(refused).toEqual([]);
		const kogelkraan = items.find((i) => i.ID === EXACT_SEED_FIXTURES.items.kogelkraan.id) as IDataObject;
		expect(stored.find((r) => r.key === `KK-12|${String(kogelkraan.ItemGroupCode)}`)).toMatchObject({ outcome: 'created' });
		expect(list('material_categories')).toContainEqual(expect.objectContaining({ mct_mat_code: 'KK-12', mct_cat_code: kogelkraan.ItemGroupCode }));
		const arbeid = stored[items.findIndex((i) => i.Code === 'ARBEID')];
		expect(arbeid).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/ARBEID has no item group \(or is a time item\)/) });

		const again = await upsert('materialCategory', items);
		expect(again.stored.filter((r) => r.outcome !== 'skipped').every((r) => r.outcome === 'unchanged')).toBe(true);
		const deleted = await upsert('materialCategory', [{ ID: kogelkraan.ID, Code: 'KK-12', changeType: 'deleted' }]);
		expect(deleted.stored).toEqual([expect.objectContaining({ outcome: 'skipped', reason: 'Item KK-12 was deleted in Exact: its material keeps its categories' })]);

		// Delete by material code takes the material out of all its categories (e.g. before re-linking a regrouped item).
		const removed = await runNode(new OutSmart(), {
			parameters: { resource: 'materialCategory', operation: 'delete', deleteKey: 'KK-12' } as never,
			credentials: outSmartCredentials(world.outsmart),
		});
		expect(jsonOf(removed)).toEqual([expect.objectContaining({ deleted: true, mct_mat_code: 'KK-12' })]);
		expect(list('material_categories').some((c) => c.mct_mat_code === 'KK-12')).toBe(false);
		expect(list('material_categories').length).toBeGreaterThan(0);
	});

	it('an item moved to another item group: Only in This Category takes its material out of the old category first; without it, links are only added', async () => {
		const item = (group: string) => ({ ID: EXACT_SEED_FIXTURES.items.cvKetel.id, Code: 'CV-HRE28', Type: 1, ItemGroupCode: group });
		const linksOf = (material: string) => list('material_categories').filter((c) => c.mct_mat_code === material).map((c) => c.mct_cat_code).sort();
		// Two groups the material is not in yet.
		const groups = (await itemGroups()).map((g) => String(g.Code)).filter((code) => !linksOf('CV-HRE28').includes(code));
		expect(groups.length).toBeGreaterThan(1);
		const [first, second] = groups;
		const othersBefore = list('material_categories').filter((c) => c.mct_mat_code !== 'CV-HRE28');
		await upsert('materialCategory', [item(first)]);
		expect(linksOf('CV-HRE28')).toContain(first);

		// By default links are only added: moved to the second group, the material is in both categories.
		const added = await upsert('materialCategory', [item(second)]);
		expect(added.stored).toEqual([expect.objectContaining({ outcome: 'created' })]);
		expect(added.stored[0]).not.toHaveProperty('replaced');
		expect(linksOf('CV-HRE28')).toEqual(expect.arrayContaining([first, second]));

		// Moved on to a third category with the option on: one DeleteEntity by material code, then the one link.
		const third = 'VERHUIST';
		world.outsmart.state.resetStats();
		const moved = await upsert('materialCategory', [item(third)], { replaceOthers: true });
		expect(moved.refused).toEqual([]);
		expect(moved.stored).toEqual([expect.objectContaining({ outcome: 'created', replaced: expect.arrayContaining([`CV-HRE28|${first}`, `CV-HRE28|${second}`]) })]);
		expect(linksOf('CV-HRE28')).toEqual([third]);
		// The read, the clearing, the new link.
		expect(world.outsmart.state.stats().calls).toEqual({ material_categories: 2, DeleteEntity: 1 });
		// Other materials keep their categories; a second run changes nothing and clears nothing.
		expect(list('material_categories').filter((c) => c.mct_mat_code !== 'CV-HRE28')).toEqual(othersBefore);
		world.outsmart.state.resetStats();
		const again = await upsert('materialCategory', [item(third)], { replaceOthers: true });
		expect(again.stored).toEqual([expect.objectContaining({ outcome: 'unchanged' })]);
		expect(world.outsmart.state.stats().callsTotal).toBe(1);
	});
});
