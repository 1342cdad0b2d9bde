/**
 * The payment-data flow as template 04 wires its second branch: Exact Payment "Customer Balance → Get Changes"
 * -> OutSmart relation upsert "Map From Exact Record" (the remark) -> Confirm Changes. Checks the remark text,
 * what a run with nothing changed costs, that a customer who paid everything is cleared, that a new payment
 * condition arrives, and that Confirm Later hands out the same customers again after a failed run.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineAccount } from '../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { ExactOnlinePayment } from '../../../nodes/ExactOnlinePayment/ExactOnlinePayment.node';
import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { EXACT_SEED_FIXTURES } from '../../../simulators/exact';
import type { OutSmartSimulator } from '../../../simulators/outsmart';
import { jsonOf, runNode } from '../../harness/context';
import { callsOf, endpointsOf } from '../exact/entities/setup';
import { startExact, type ExactFixture } from '../exactSetup';
import { credentials as outSmartCredentials, startOutSmart } from '../outsmart/setup';

const { accounts } = EXACT_SEED_FIXTURES;
const payment = new ExactOnlinePayment();
const outSmart = new OutSmart();
let exact: ExactFixture;
let outsmart: OutSmartSimulator;

async function upsertRelations(items: IDataObject[]) {
	return jsonOf(
		await runNode(outSmart, {
			parameters: { resource: 'relation', operation: 'upsert', dataMode: 'fromExact' } as never,
			items,
			credentials: outSmartCredentials(outsmart),
		}),
	);
}

const remarkOf = (code: string) => String((outsmart.state.list('relations') as IDataObject[]).find((r) => r.debtor_number === code)?.remark ?? '');

beforeAll(async () => {
	exact = await startExact();
	outsmart = await startOutSmart();
	// The relations flow has run: the customers are in OutSmart.
	const customers = jsonOf(
		await runNode(new ExactOnlineAccount(), {
			parameters: { operation: 'getChanges', syncName: 'relations' } as never,
			credentials: exact.credentials(),
			staticData: {},
			mode: 'trigger',
		}),
	).filter((a) => a.Status === 'C' && a.Blocked !== true);
	await upsertRelations(customers);
});
afterAll(async () => {
	await exact.sim.close();
	await outsmart.close();
});

describe('payment data: Exact customer balances -> the OutSmart relation remark', () => {
	const staticData: IDataObject = {};
	const balanceChanges = (confirmLater = false) =>
		runNode(payment, {
			parameters: { resource: 'customerBalance', operation: 'getChanges', syncName: 'payment data', balanceOptions: { confirmLater } } as never,
			credentials: exact.credentials(),
			staticData,
			mode: 'trigger',
		});
	const confirm = async () =>
		jsonOf(
			await runNode(payment, {
				parameters: { resource: 'customerBalance', operation: 'confirmChanges', syncName: 'payment data' } as never,
				credentials: exact.credentials(),
				staticData,
			}),
		);
	const openReceivables = () => exact.sim.state.listRecords('Receivables').filter((r) => r.IsFullyPaid !== true);

	it('the first run hands out every customer with its payment condition and open amount; the remark shows both', async () => {
		const run = await balanceChanges();
		const balances = jsonOf(run);
		const customerCodes = exact.sim.state.listRecords('Accounts').filter((a) => a.Status === 'C').map((a) => String(a.Code).trim());
		expect(balances.map((b) => b.AccountCode)).toEqual(expect.arrayContaining(customerCodes));
		expect(balances.every((b) => b.changeReason === 'firstRun')).toBe(true);
		// One account sync call, the open items, and no look-ups: the sync read brought every account.
		expect(endpointsOf(run).filter((e) => e !== 'GET read/financial/ReceivablesList')).toEqual(['GET sync/CRM/Accounts']);
		// Only the Timestamp filter on the sync endpoint; customers are picked from what it returns.
		expect(callsOf(run).find((c) => c.path === 'sync/CRM/Accounts')?.query.$filter).toBe('Timestamp gt 1L');
		expect(balances.some((b) => b.AccountCode === accounts.prospect.code.trim())).toBe(false);

		const debtor = openReceivables()[0];
		const code = String(debtor.AccountCode).trim();
		const expected = openReceivables()
			.filter((r) => String(r.AccountCode).trim() === code)
			.reduce((sum, r) => sum + Number(r.AmountDC), 0);
		const balance = balances.find((b) => b.AccountCode === code)!;
		expect(balance).toMatchObject({ IsFullyPaid: false, PaymentCondition: expect.any(String), PaymentConditionDescription: expect.any(String) });
		expect(balance.OpenAmount).toBeCloseTo(expected, 2);

		const report = await upsertRelations(balances);
		// A customer OutSmart does not have (the blocked one) gets no relation from its payment data.
		expect(report.find((r) => r.key === accounts.blocked.code.trim())).toMatchObject({ outcome: 'skipped', sent: false });
		expect(report.filter((r) => r.outcome === 'created')).toEqual([]);
		expect(remarkOf(code)).toMatch(/^Betalingsconditie: .+\nOpenstaand volgens Exact: € [\d.]+,\d\d \(\d+ factu(ur|ren)(, waarvan € [\d.]+,\d\d vervallen)?\)$/);
		const paidUp = balances.find((b) => b.IsFullyPaid === true && report.find((r) => r.key === b.AccountCode)?.outcome === 'updated');
		expect(paidUp).toBeDefined();
		expect(remarkOf(paidUp!.AccountCode as string)).toMatch(/\nOpenstaand volgens Exact: niets$/);
	});

	it('a run with nothing changed hands out nothing and costs the account sync plus the open items', async () => {
		const run = await balanceChanges();
		expect(jsonOf(run)).toEqual([]);
		expect(new Set(endpointsOf(run))).toEqual(new Set(['GET sync/CRM/Accounts', 'GET read/financial/ReceivablesList']));
		expect(endpointsOf(run).filter((e) => e === 'GET sync/CRM/Accounts')).toHaveLength(1);
	});

	it('a customer who paid everything comes once more with nothing open, and its remark is cleared', async () => {
		const code = String(openReceivables()[0].AccountCode).trim();
		for (const receivable of openReceivables().filter((r) => String(r.AccountCode).trim() === code)) {
			exact.sim.state.updateRecord('Receivables', String(receivable.ID), { IsFullyPaid: true, AmountDC: 0 });
		}
		const run = await balanceChanges(true);
		const balances = jsonOf(run);
		expect(balances).toEqual([
			expect.objectContaining({ AccountCode: code, OpenAmount: 0, OpenInvoices: 0, IsFullyPaid: true, changeReason: 'balance', PaymentCondition: expect.any(String) }),
		]);
		// Its payment condition came from one look-up by ID.
		expect(endpointsOf(run)).toContain('GET crm/Accounts');

		await upsertRelations(balances);
		expect(remarkOf(code)).toMatch(/\nOpenstaand volgens Exact: niets$/);
	});

	it('with Confirm Later and no Confirm Changes the next run hands out the same customer again', async () => {
		expect(jsonOf(await balanceChanges(true)).map((b) => b.changeReason)).toEqual(['balance']);
		expect(await confirm()).toEqual([{ syncName: 'payment data', confirmed: true, givenBack: 0 }]);
		expect(jsonOf(await balanceChanges())).toEqual([]);
	});

	it('a customer the flow gives back to Confirm Changes (OutSmart refused it) is handed out again next run, only that one', async () => {
		exact.sim.state.updateRecord('Accounts', accounts.cafe.id, { PaymentConditionSales: '14' });
		const [cafe] = jsonOf(await balanceChanges(true));
		expect(cafe).toMatchObject({ AccountCode: '3', changeReason: 'account' });
		const back = jsonOf(
			await runNode(payment, {
				parameters: { resource: 'customerBalance', operation: 'confirmChanges', syncName: 'payment data' } as never,
				items: [{ ...cafe, error: 'OutSmart refused relation 3: remark too long (code 1300)', details: null }],
				credentials: exact.credentials(),
				staticData,
			}),
		);
		expect(back).toEqual([{ syncName: 'payment data', confirmed: true, givenBack: 1 }]);
		expect(jsonOf(await balanceChanges(true))).toEqual([expect.objectContaining({ AccountCode: '3', PaymentCondition: '14' })]);
		await confirm();
		expect(jsonOf(await balanceChanges())).toEqual([]);
	});

	it('a new payment condition on an account arrives, with its description', async () => {
		exact.sim.state.updateRecord('Accounts', accounts.cafe.id, { PaymentConditionSales: '30' });
		const balances = jsonOf(await balanceChanges());
		expect(balances).toEqual([expect.objectContaining({ AccountCode: '3', PaymentCondition: '30', changeReason: 'account' })]);
		await upsertRelations(balances);
		expect(remarkOf('3')).toMatch(/^Betalingsconditie: 30 dagen/);
	});
});

describe('Customer Balance → Get Many', () => {
	it('one account, also when it owes nothing', async () => {
		const balances = jsonOf(
			await runNode(payment, {
				parameters: { resource: 'customerBalance', operation: 'getMany', account: { __rl: true, mode: 'code', value: '7' } } as never,
				credentials: exact.credentials(),
			}),
		);
		expect(balances).toEqual([expect.objectContaining({ AccountCode: '7', AccountID: accounts.prospect.id, OpenAmount: 0, IsFullyPaid: true })]);
	});

	it('every customer with something open, summed per account', async () => {
		const balances = jsonOf(
			await runNode(payment, { parameters: { resource: 'customerBalance', operation: 'getMany' } as never, credentials: exact.credentials() }),
		);
		const owing = new Set(exact.sim.state.listRecords('Receivables').filter((r) => r.IsFullyPaid !== true).map((r) => String(r.AccountCode).trim()));
		expect(new Set(balances.map((b) => b.AccountCode))).toEqual(owing);
		expect(balances.every((b) => (b.OpenInvoices as number) > 0 && typeof b.PaymentConditionDescription === 'string')).toBe(true);
	});
});
