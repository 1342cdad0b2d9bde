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
			parameters: { operation: 'getChanges', syncName: 'relations', changesOptions: { confirmLater: true } } as never,
			credentials: exact.credentials(),
			staticData,
			mode: 'trigger',
		});
	// The template's filter: customers that are not blocked.
	const customers = (records: IDataObject[]) => records.filter((r) => r.changeType === 'changed' && r.Status === 'C' && r.Blocked !== true);

	it('imports customers with street and house number split, and reports each one', async () => {
		const read = jsonOf(await changes());
		const wanted = customers(read);
		expect(wanted.length).toBeGreaterThan(3);
		const report = jsonOf(await upsert('relation', wanted));
		expect(report).toHaveLength(wanted.length);
		expect(report.every((r) => r.outcome === 'created')).toBe(true);

		const bakkerij = relations().find((r) => r.debtor_number === '1');
		expect(bakkerij).toMatchObject({ name: "Bakkerij 't Hoekje", city: "'s-Hertogenbosch" });
		expect(String(bakkerij?.house_number)).toMatch(/^\d/);
		expect(relations().some((r) => r.name === 'Café Façade & Zoon')).toBe(true);
		expect(relations().some((r) => r.debtor_number === EXACT_SEED_FIXTURES.accounts.blocked.code.trim())).toBe(false);

		const confirmed = jsonOf(
			await runNode(exactAccount, {
				parameters: { operation: 'confirmChanges', syncName: 'relations' } as never,
				credentials: exact.credentials(),
				staticData,
			}),
		);
		expect(confirmed).toEqual([{ syncName: 'relations', confirmed: true }]);
	});

	it('a second run reads nothing new and writes nothing', async () => {
		outsmart.state.resetStats();
		expect(jsonOf(await changes())).toEqual([]);
	});

	it('a changed account is updated, reported as such', async () => {
		exact.sim.state.updateRecord('Accounts', EXACT_SEED_FIXTURES.accounts.bakkerij.id, { City: 'Vught' });
		const read = customers(jsonOf(await changes()));
		expect(read.map((r) => r.Code)).toEqual(['1']);
		const report = jsonOf(await upsert('relation', read));
		expect(report[0]).toMatchObject({ outcome: 'updated', changedFields: ['city'] });
		expect(relations().find((r) => r.debtor_number === '1')?.city).toBe('Vught');
	});
});

describe('materials and hour types: Exact items -> OutSmart', () => {
	it('imports sales items as materials and time items as hour types', async () => {
		const items = jsonOf(
			await runNode(exactItem, {
				parameters: { operation: 'getChanges', syncName: 'items' } as never,
				credentials: exact.credentials(),
				staticData: {},
				mode: 'trigger',
			}),
		);
		const isTime = (r: IDataObject) => r.IsTime === 1 || r.IsTime === true;
		const materials = items.filter((r) => r.changeType === 'changed' && r.IsSalesItem === true && !isTime(r));
		const hourTypes = items.filter((r) => r.changeType === 'changed' && isTime(r));
		expect(hourTypes.map((r) => r.Code).sort()).toEqual(['ARBEID', 'SPOED', 'VOORRIJ']);

		const materialReport = jsonOf(await upsert('material', materials));
		expect(materialReport.every((r) => r.outcome === 'created' || r.outcome === 'updated')).toBe(true);
		const stored = outsmart.state.list('materials') as IDataObject[];
		const pipe = stored.find((m) => m.code === 'BUIS 15 CU');
		expect(pipe).toMatchObject({ unit: expect.any(String) });
		expect(String(pipe?.price)).toMatch(/^\d+,\d\d$/);
		expect(String(stored.find((m) => m.code === 'OUD-TH01')?.description)).toMatch(/^\[VERVALLEN\] /);

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
	it('deactivates a deleted hour type and refuses a deleted relation with a clear reason', async () => {
		const hour = jsonOf(await upsert('hourType', [{ ID: 'x', Code: 'SPOED', changeType: 'deleted' }]));
		expect(hour[0]).toMatchObject({ outcome: 'updated' });
		expect((outsmart.state.list('hourtypes') as IDataObject[]).find((h) => h.code === 'SPOED')?.active).toBe('0');

		const relation = await runNode(outSmart, {
			parameters: { resource: 'relation', operation: 'upsert', dataMode: 'fromExact' } as never,
			items: [{ ID: 'y', Code: '1', changeType: 'deleted' }],
			credentials: outSmartCredentials(outsmart),
			continueOnFail: true,
		});
		expect(jsonOf(relation)[0].error).toBe('Record 1 was deleted in Exact');
	});
});

describe('contacts: Exact contacts -> OutSmart contact persons', () => {
	it('imports contacts with their account code, keyed by the Exact contact ID; a re-run finds them unchanged', async () => {
		const staticData = {};
		const read = jsonOf(
			await runNode(exactAccount, {
				parameters: { operation: 'getContactChanges', syncName: 'contacts' } as never,
				credentials: exact.credentials(),
				staticData,
				mode: 'trigger',
			}),
		).filter((c) => c.changeType === 'changed');
		expect(read.length).toBeGreaterThan(5);
		expect(read.every((c) => typeof c.AccountCode === 'string' && c.AccountCode !== '')).toBe(true);

		const report = jsonOf(await upsert('contactPerson', read));
		expect(report.every((r) => r.outcome === 'created')).toBe(true);
		const stored = outsmart.state.list('contactpersons') as IDataObject[];
		const siobhan = stored.find((c) => String(c.cpn_name).includes("O'Neill"));
		expect(siobhan).toMatchObject({ cpn_debtor_nr: EXACT_SEED_FIXTURES.accounts.oneill.code.trim() });
		expect(read.map((c) => c.ID)).toContain(siobhan?.cpn_code);

		expect(jsonOf(await upsert('contactPerson', read)).every((r) => r.outcome === 'unchanged')).toBe(true);
	});
});
