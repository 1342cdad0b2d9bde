/**
 * The import flows as the templates wire them, node by node against both simulators: Exact Get Changes ->
 * (filter) -> OutSmart upsert "Map From Exact Record" -> Confirm Changes. Checks what arrives in OutSmart,
 * the per-record report, and that a second run changes nothing.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineAccount } from '../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { ExactOnlineItem } from '../../../nodes/ExactOnlineItem/ExactOnlineItem.node';
import { ExactOnlinePayment } from '../../../nodes/ExactOnlinePayment/ExactOnlinePayment.node';
import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { EXACT_SEED_FIXTURES } from '../../../simulators/exact';
import type { OutSmartSimulator } from '../../../simulators/outsmart';
import { jsonOf, runNode } from '../../harness/context';
import { startExact, type ExactFixture } from '../exactSetup';
import { credentials as outSmartCredentials, startOutSmart } from '../outsmart/setup';

const exactAccount = new ExactOnlineAccount();
const exactItem = new ExactOnlineItem();
const exactPayment = new ExactOnlinePayment();
const outSmart = new OutSmart();
let exact: ExactFixture;
let outsmart: OutSmartSimulator;

beforeAll(async () => {
	exact = await startExact();
	outsmart = await startOutSmart();
});
afterAll(async () => {
	await exact.sim.close();
	await outsmart.close();
});

async function upsert(resource: string, items: IDataObject[]) {
	return await runNode(outSmart, {
		parameters: { resource, operation: 'upsert', dataMode: 'fromExact' } as never,
		items,
		credentials: outSmartCredentials(outsmart),
	});
}

const relations = () => outsmart.state.list('relations') as IDataObject[];

describe('relations: Exact accounts -> OutSmart relations', () => {
	const staticData = {};
	const changes = () =>
		runNode(exactAccount, {
			// As the template: customers only (Relation Types), and deletions, which deactivate.
			parameters: { operation: 'getChanges', syncName: 'relations', changesOptions: { confirmLater: true, types: ['C'] } } as never,
			credentials: exact.credentials(),
			staticData,
			mode: 'trigger',
		});

	it('imports customers with street and house number split, and reports each one', async () => {
		const wanted = jsonOf(await changes());
		expect(wanted.length).toBeGreaterThan(3);
		expect(wanted.every((r) => r.Status === 'C')).toBe(true);
		const codes = wanted.map((r) => String(r.Code).trim());
		const { prospect, suspect, supplier } = EXACT_SEED_FIXTURES.accounts;
		for (const other of [prospect, suspect, supplier]) expect(codes).not.toContain(other.code.trim());
		const report = jsonOf(await upsert('relation', wanted));
		expect(report).toHaveLength(wanted.length);
		const blockedCode = EXACT_SEED_FIXTURES.accounts.blocked.code.trim();
		// A blocked customer that OutSmart does not have is not created (inactive from the start).
		expect(report.find((r) => r.key === blockedCode)).toMatchObject({ outcome: 'skipped', sent: false });
		expect(report.filter((r) => r.key !== blockedCode).every((r) => r.outcome === 'created')).toBe(true);

		const bakkerij = relations().find((r) => r.debtor_number === '1');
		expect(bakkerij).toMatchObject({ name: "Bakkerij 't Hoekje", city: "'s-Hertogenbosch", active: '1', debtor_type: 'Klant' });
		expect(String(bakkerij?.house_number)).toMatch(/^\d/);
		expect(relations().find((r) => r.debtor_number === '4')).toMatchObject({ country: 'Duitsland' });
		const withNumbers = relations().find((r) => r.vat_number && r.kvk_number);
		expect(withNumbers).toBeDefined();
		expect(relations().some((r) => r.name === 'Café Façade & Zoon')).toBe(true);
		expect(relations().some((r) => r.debtor_number === blockedCode)).toBe(false);

		const confirmed = jsonOf(
			await runNode(exactAccount, {
				parameters: { operation: 'confirmChanges', syncName: 'relations' } as never,
				credentials: exact.credentials(),
				staticData,
			}),
		);
		expect(confirmed).toEqual([{ syncName: 'relations', confirmed: true, givenBack: 0, retrying: 0 }]);
	});

	it('a second run reads nothing new and writes nothing', async () => {
		outsmart.state.resetStats();
		expect(jsonOf(await changes())).toEqual([]);
	});

	it('a changed account is updated, reported as such', async () => {
		exact.sim.state.updateRecord('Accounts', EXACT_SEED_FIXTURES.accounts.bakkerij.id, { City: 'Vught' });
		const read = jsonOf(await changes());
		expect(read.map((r) => r.Code)).toEqual(['1']);
		const report = jsonOf(await upsert('relation', read));
		expect(report[0]).toMatchObject({ outcome: 'updated', changedFields: ['city'] });
		expect(relations().find((r) => r.debtor_number === '1')?.city).toBe('Vught');
	});

	it('a customer blocked in Exact becomes inactive in OutSmart; a deleted one too', async () => {
		exact.sim.state.updateRecord('Accounts', EXACT_SEED_FIXTURES.accounts.oneill.id, { Blocked: true });
		const blocked = jsonOf(await changes());
		// Confirm Later without Confirm Changes: the earlier change to account 1 comes again, unchanged in OutSmart.
		expect(jsonOf(await upsert('relation', blocked)).find((r) => r.key === '2')).toMatchObject({ outcome: 'updated', changedFields: ['active'] });
		expect(relations().find((r) => r.debtor_number === '2')).toMatchObject({ active: '0', name: EXACT_SEED_FIXTURES.accounts.oneill.name });

		exact.sim.state.deleteRecord('Accounts', EXACT_SEED_FIXTURES.accounts.emptyEmail.id);
		const deleted = jsonOf(await changes());
		expect(deleted).toContainEqual(expect.objectContaining({ changeType: 'deleted', Code: '10' }));
		expect(jsonOf(await upsert('relation', deleted)).find((r) => r.key === '10')).toMatchObject({ outcome: 'updated', changedFields: ['active'] });
		// Kept (work orders refer to it), inactive, with its data.
		expect(relations().find((r) => r.debtor_number === '10')).toMatchObject({ active: '0', name: 'Fam. de Jong' });
	});

	it('leaves out a prospect that changed; its deletion comes without a code (the flow never read it) and is skipped', async () => {
		const { prospect } = EXACT_SEED_FIXTURES.accounts;
		exact.sim.state.updateRecord('Accounts', prospect.id, { City: 'Kampen' });
		expect(jsonOf(await changes()).some((r) => r.ID === prospect.id)).toBe(false);

		exact.sim.state.deleteRecord('Accounts', prospect.id);
		const deletion = jsonOf(await changes()).filter((r) => r.ID === prospect.id);
		expect(deletion).toEqual([expect.objectContaining({ changeType: 'deleted', Code: null })]);
		const report = jsonOf(await upsert('relation', deletion));
		expect(report).toEqual([expect.objectContaining({ outcome: 'skipped', sent: false, reason: expect.stringContaining('left out by the node') })]);
		expect(relations().some((r) => r.debtor_number === prospect.code.trim())).toBe(false);
	});
});

describe('materials and hour types: Exact items -> OutSmart', () => {
	const itemChanges = async (syncName: string, changesOptions: IDataObject = {}) =>
		jsonOf(
			await runNode(exactItem, {
				parameters: { operation: 'getChanges', syncName, changesOptions } as never,
				credentials: exact.credentials(),
				staticData: {},
				mode: 'trigger',
			}),
		);

	it('imports sales items as materials and time items as hour types', async () => {
		// As the templates choose them in Get Changes (Kind, Sales Items Only): the same as a test on every item.
		const materials = await itemChanges('materials', { kind: 'materials', salesItemsOnly: true });
		const hourTypes = await itemChanges('hour types', { kind: 'time' });
		const all = await itemChanges('every item');
		const isTime = (r: IDataObject) => r.IsTime === 1 || r.IsTime === true;
		const codes = (records: IDataObject[]) => records.map((r) => r.Code).sort();
		expect(codes(materials)).toEqual(codes(all.filter((r) => r.IsSalesItem === true && !isTime(r))));
		expect(codes(all).length).toBeGreaterThan(codes(materials).length + codes(hourTypes).length);
		expect(codes(hourTypes)).toEqual(['ARBEID', 'SPOED', 'VOORRIJ']);

		const materialReport = jsonOf(await upsert('material', materials));
		// The item Exact ended is not brought into OutSmart; all others are.
		expect(materialReport.find((r) => r.key === 'OUD-TH01')).toMatchObject({ outcome: 'skipped' });
		expect(materialReport.filter((r) => r.key !== 'OUD-TH01').every((r) => r.outcome === 'created')).toBe(true);
		const stored = () => outsmart.state.list('materials') as IDataObject[];
		const pipe = stored().find((m) => m.code === 'BUIS 15 CU');
		expect(pipe).toMatchObject({ unit: expect.any(String) });
		expect(String(pipe?.price)).toMatch(/^\d+,\d\d$/);
		expect(stored().some((m) => m.code === 'OUD-TH01')).toBe(false);

		// An item that ends later keeps its code in OutSmart, marked so that technicians stop picking it.
		const ending = materials.find((m) => m.Code === 'KK-12')!;
		const ended = jsonOf(await upsert('material', [{ ...ending, EndDate: '2020-01-01T00:00:00.000+01:00' }]));
		expect(ended[0]).toMatchObject({ outcome: 'updated', changedFields: ['description'] });
		expect(String(stored().find((m) => m.code === 'KK-12')?.description)).toMatch(/^\[VERVALLEN\] /);

		const hourReport = jsonOf(await upsert('hourType', hourTypes));
		expect(hourReport).toHaveLength(3);
		const arbeid = (outsmart.state.list('hourtypes') as IDataObject[]).find((h) => h.code === 'ARBEID');
		expect(arbeid).toMatchObject({ name: expect.any(String), sale_booking: '1', cost_booking: '1' });
		expect(Number(String(arbeid?.sale_price))).toBeGreaterThan(0);
	});
});

describe('payment data: Exact payment conditions -> OutSmart payment methods', () => {
	it('creates a payment method per payment condition, then finds them unchanged', async () => {
		const conditions = jsonOf(
			await runNode(exactPayment, {
				parameters: { resource: 'paymentCondition', operation: 'getMany', returnAll: true } as never,
				credentials: exact.credentials(),
			}),
		);
		expect(conditions.map((c) => c.Code).sort()).toEqual(['14', '30', 'DIR']);
		const first = jsonOf(await upsert('paymentMethod', conditions));
		expect(first.map((r) => r.outcome)).toContain('created');
		const second = jsonOf(await upsert('paymentMethod', conditions));
		expect(second.every((r) => r.outcome === 'unchanged')).toBe(true);
	});
});

describe('deletions', () => {
	it('deactivates a deleted hour type and marks a deleted material; skips what OutSmart never had or whose code is unknown', async () => {
		const hour = jsonOf(await upsert('hourType', [{ ID: 'x', Code: 'SPOED', changeType: 'deleted' }, { ID: 'z', Code: 'NOOIT', changeType: 'deleted' }]));
		expect(hour.map((h) => h.outcome)).toEqual(['updated', 'skipped']);
		expect((outsmart.state.list('hourtypes') as IDataObject[]).find((h) => h.code === 'SPOED')?.active).toBe('0');
		expect((outsmart.state.list('hourtypes') as IDataObject[]).some((h) => h.code === 'NOOIT')).toBe(false);

		// OutSmart has no inactive flag for materials: the description it has gets the mark, once.
		const materials = () => outsmart.state.list('materials') as IDataObject[];
		const before = String(materials().find((m) => m.code === 'CV-HRE28')?.description);
		const deleted = { ID: 'y', Code: 'CV-HRE28', changeType: 'deleted' };
		expect(jsonOf(await upsert('material', [deleted]))[0]).toMatchObject({ outcome: 'updated', changedFields: ['description'] });
		expect(materials().find((m) => m.code === 'CV-HRE28')?.description).toBe(`[VERVALLEN] ${before}`);
		expect(jsonOf(await upsert('material', [deleted]))[0]).toMatchObject({ outcome: 'unchanged', sent: false });

		const unknown = jsonOf(await upsert('relation', [{ ID: 'w', Code: null, changeType: 'deleted' }]));
		expect(unknown[0]).toMatchObject({ outcome: 'skipped', sent: false, reason: expect.stringContaining('code is unknown') });
	});

	it('refuses a deleted contact person with a clear reason (OutSmart cannot deactivate one)', async () => {
		const contact = await runNode(outSmart, {
			parameters: { resource: 'contactPerson', operation: 'upsert', dataMode: 'fromExact' } as never,
			items: [{ ID: 'c', changeType: 'deleted' }],
			credentials: outSmartCredentials(outsmart),
		});
		expect(contact.output?.[1].map((item) => item.json)).toEqual([
			{ ID: 'c', changeType: 'deleted', error: 'A record was deleted in Exact', details: expect.any(String) },
		]);
	});
});

describe('contacts: Exact contacts -> OutSmart contact persons', () => {
	it('imports contacts with their account code, keyed by the Exact contact ID; a re-run finds them unchanged', async () => {
		const staticData = {};
		const all = jsonOf(
			await runNode(exactAccount, {
				// As the template: no deletions (OutSmart cannot deactivate a contact person).
				parameters: { operation: 'getContactChanges', syncName: 'contacts', changesOptions: { includeDeleted: false } } as never,
				credentials: exact.credentials(),
				staticData,
				mode: 'trigger',
			}),
		);
		// Contacts of the accounts deleted above have no account code any more: the upsert skips them, saying why.
		const deletedAccounts = [EXACT_SEED_FIXTURES.accounts.emptyEmail.id, EXACT_SEED_FIXTURES.accounts.prospect.id];
		const orphans = all.filter((c) => !c.AccountCode);
		expect(orphans.length).toBeGreaterThan(0);
		expect(orphans.every((c) => deletedAccounts.includes(String(c.Account)))).toBe(true);
		const read = all.filter((c) => !!c.AccountCode);
		expect(read.length).toBeGreaterThan(5);

		const report = jsonOf(await upsert('contactPerson', all));
		expect(report.filter((r) => r.outcome === 'skipped')).toEqual(orphans.map(() => expect.objectContaining({ sent: false, reason: expect.stringContaining('has no account code') })));
		expect(report.filter((r) => r.outcome !== 'skipped').every((r) => r.outcome === 'created')).toBe(true);
		const stored = outsmart.state.list('contactpersons') as IDataObject[];
		const siobhan = stored.find((c) => String(c.cpn_name).includes("O'Neill"));
		expect(siobhan).toMatchObject({ cpn_debtor_nr: EXACT_SEED_FIXTURES.accounts.oneill.code.trim() });
		expect(read.map((c) => c.ID)).toContain(siobhan?.cpn_code);

		expect(all.every((c) => c.changeType === 'changed')).toBe(true);
		expect(jsonOf(await upsert('contactPerson', read)).every((r) => r.outcome === 'unchanged')).toBe(true);
	});
});

describe('one bad record never blocks the others or the cursor', () => {
	const staticData: IDataObject = {};
	const changes = () =>
		runNode(exactAccount, {
			parameters: { operation: 'getChanges', syncName: 'bad record', changesOptions: { confirmLater: true } } as never,
			credentials: exact.credentials(),
			staticData,
			mode: 'trigger',
		});
	/** Confirm Changes fed by both outputs of the upsert, as the template wires it (n8n runs it once per branch). */
	const confirm = async (upsertRun: Awaited<ReturnType<typeof upsert>>) => {
		const results = [];
		for (const output of upsertRun.output ?? []) {
			if (!output.length) continue;
			results.push(
				...jsonOf(
					await runNode(exactAccount, {
						parameters: { operation: 'confirmChanges', syncName: 'bad record' } as never,
						items: output.map((item) => item.json),
						credentials: exact.credentials(),
						staticData,
					}),
				),
			);
		}
		return results;
	};
	const customers = (records: IDataObject[]) => records.filter((r) => r.Status === 'C');

	it('a customer OutSmart refuses (no address) is reported, the others are stored, the cursor moves, and it is retried until fixed', async () => {
		await confirm(await upsert('relation', customers(jsonOf(await changes()))));
		const noAddress = exact.sim.state.insertRecord('Accounts', { Name: 'Zonder Adres BV', Status: 'C', AddressLine1: '', Postcode: '', City: '' });
		const moved = exact.sim.state.insertRecord('Accounts', { Name: 'Verhuisd BV', Status: 'C', AddressLine1: 'Markt 1', Postcode: '2801 JA', City: 'Gouda' });

		const first = await upsert('relation', customers(jsonOf(await changes())));
		const refused = first.output?.[1].map((item) => item.json) ?? [];
		expect(refused).toEqual([expect.objectContaining({ ID: noAddress.ID, error: expect.stringMatching(/OutSmart refused relation .*: required field/) })]);
		expect(jsonOf(first)).toEqual([expect.objectContaining({ outcome: 'created', key: String(moved.Code).trim() })]);
		const confirmed = await confirm(first);
		expect(confirmed.some((c) => c.confirmed === true)).toBe(true);
		expect(confirmed.at(-1)).toMatchObject({ retrying: 1 });

		// Next run: nothing new in Exact; only the refused customer again (no re-read of everything), still refused.
		const again = jsonOf(await changes());
		expect(again).toEqual([expect.objectContaining({ ID: noAddress.ID, retry: true, changeType: 'changed' })]);
		const second = await upsert('relation', again);
		expect(second.output?.[1]).toHaveLength(1);
		expect(await confirm(second)).toEqual([expect.objectContaining({ confirmed: true, givenBack: 1, retrying: 1 })]);

		// Fixed in Exact: the fresh version comes (once, not beside the stored one), OutSmart takes it, the retry ends.
		exact.sim.state.updateRecord('Accounts', String(noAddress.ID), { AddressLine1: 'Dorpsstraat 2', Postcode: '1234 AB', City: 'Ede' });
		const fixed = jsonOf(await changes());
		expect(fixed).toEqual([expect.objectContaining({ ID: noAddress.ID, City: 'Ede', changeType: 'changed' })]);
		expect(fixed[0].retry).toBeUndefined();
		const third = await upsert('relation', fixed);
		// Created, or updated where an earlier test left a relation with the code Exact gave this account.
		expect(jsonOf(third)).toEqual([expect.objectContaining({ key: String(noAddress.Code).trim(), outcome: expect.stringMatching(/^(created|updated)$/) })]);
		expect(relations().find((r) => r.debtor_number === String(noAddress.Code).trim())).toMatchObject({ name: 'Zonder Adres BV', city: 'Ede' });
		expect(await confirm(third)).toEqual([expect.objectContaining({ confirmed: true, givenBack: 0, retrying: 0 })]);
		expect(jsonOf(await changes())).toEqual([]);
		expect(Object.keys(staticData).some((key) => key.endsWith(':retry'))).toBe(false);
	});
});
