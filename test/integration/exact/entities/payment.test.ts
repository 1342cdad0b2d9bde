/**
 * Exact Online Payment against the Exact simulator: payment conditions, open receivables per account and
 * invoice, and the paid status of an invoice (the seed's three processed invoices: paid, 40% paid, open).
 */
import { ExactOnlinePayment } from '../../../../nodes/ExactOnlinePayment/ExactOnlinePayment.node';
import { EXACT_SEED_FIXTURES } from '../../../../simulators/exact';
import { jsonOf } from '../../../harness/context';
import { callsOf, endpointsOf, rl, useEntitySimulator } from './setup';

const { accounts } = EXACT_SEED_FIXTURES;
const node = new ExactOnlinePayment();
const suite = useEntitySimulator(node);
const { run } = suite;

describe('Exact Online Payment: payment conditions', () => {
	it('lists the payment conditions with one call', async () => {
		const result = await run({ resource: 'paymentCondition', operation: 'getMany', returnAll: true });
		expect(jsonOf(result).map((p) => [p.Code, p.PaymentDays])).toEqual([
			['14', 14],
			['30', 30],
			['DIR', 0],
		]);
		expect(endpointsOf(result)).toEqual(['GET cashflow/PaymentConditions']);
	});

	it('creates a payment condition and refuses a duplicate code per item', async () => {
		const result = await run({
			resource: 'paymentCondition',
			operation: 'create',
			code: '60',
			description: '60 dagen netto',
			additionalFields: { PaymentDays: 60, PaymentMethod: 'B' },
		});
		expect(jsonOf(result)[0]).toMatchObject({ Code: '60', Description: '60 dagen netto', PaymentDays: 60, PaymentMethod: 'B' });
		expect(suite.exact.sim.state.listRecords('PaymentConditions').map((p) => p.Code)).toContain('60');

		const duplicate = await run({ resource: 'paymentCondition', operation: 'create', code: '30', description: 'Nogmaals' }, { continueOnFail: true });
		expect(String(jsonOf(duplicate)[0].error)).toMatch(/HTTP 400/);
	});
});

describe('Exact Online Payment: open receivables', () => {
	it('lists what customers still owe, with the open amount', async () => {
		const result = await run({ resource: 'receivable', operation: 'getMany', returnAll: true });
		const open = jsonOf(result);
		expect(open.map((r) => [r.InvoiceNumber, r.Amount, r.AccountCode])).toEqual([
			[25700005, 710.9, '5'],
			[25700006, 542.24, '10'],
		]);
		expect(endpointsOf(result)).toEqual(['GET read/financial/ReceivablesList']);
	});

	it('of one account (by code: one lookup, then the list) and of one invoice', async () => {
		const byAccount = await run({ resource: 'receivable', operation: 'getMany', returnAll: true, account: rl('code', '10') });
		expect(jsonOf(byAccount).map((r) => r.InvoiceNumber)).toEqual([25700006]);
		expect(endpointsOf(byAccount)).toEqual(['GET crm/Accounts', 'GET read/financial/ReceivablesList']);
		expect(callsOf(byAccount)[1].query.$filter).toBe(`AccountId eq guid'${accounts.emptyEmail.id}'`);

		const none = await run({ resource: 'receivable', operation: 'getMany', returnAll: true, account: rl('list', accounts.bakkerij.id) });
		expect(jsonOf(none)).toEqual([]);
		expect(endpointsOf(none)).toEqual(['GET read/financial/ReceivablesList']);

		const byInvoice = await run({ resource: 'receivable', operation: 'getMany', returnAll: true, filters: { invoiceNumber: 25700005 } });
		expect(jsonOf(byInvoice).map((r) => r.YourRef)).toEqual(['WB-2025-0005']);
		const byRef = await run({ resource: 'receivable', operation: 'getMany', returnAll: true, filters: { yourRef: 'WB-2025-0006' } });
		expect(jsonOf(byRef).map((r) => r.InvoiceNumber)).toEqual([25700006]);
	});

	it('names an unknown account and the administration', async () => {
		const result = await run({ resource: 'receivable', operation: 'getMany', account: rl('code', '31337') });
		expect(result.error?.message).toBe("Account '31337' not found in administration 1234567");
	});
});

describe('Exact Online Payment: invoice payment status', () => {
	const status = async (invoiceNumber: unknown) =>
		jsonOf(await run({ resource: 'paymentStatus', operation: 'get', invoiceNumber }))[0];

	it('tells paid, partly paid and open apart, with one call per invoice', async () => {
		expect(await status(25700004)).toMatchObject({ found: true, isFullyPaid: true, amount: 279.06, openAmount: 0, paidAmount: 279.06 });
		expect(await status(25700005)).toMatchObject({ found: true, isFullyPaid: false, amount: 1184.84, openAmount: 710.9, paidAmount: 473.94 });
		const open = await status(25700006);
		expect(open).toMatchObject({ found: true, isFullyPaid: false, amount: 542.24, openAmount: 542.24, paidAmount: 0, lastPaymentDate: null, accountCode: '10', yourRef: 'WB-2025-0006' });
		const result = await run({ resource: 'paymentStatus', operation: 'get', invoiceNumber: 25700004 });
		expect(endpointsOf(result)).toEqual(['GET cashflow/Receivables']);
		expect(String(jsonOf(result)[0].lastPaymentDate)).toMatch(/^2025-04-\d\dT11:00:00\.000\+02:00$/);
	});

	it('says found: false for a draft invoice (Exact has no receivable for it yet)', async () => {
		expect(await status(25700001)).toEqual({ invoiceNumber: 25700001, found: false, isFullyPaid: null, amount: null, openAmount: null, paidAmount: null });
	});

	it('takes the number from an expression that gives a string, and refuses what is no number', async () => {
		expect(await status('25700004')).toMatchObject({ invoiceNumber: 25700004, isFullyPaid: true });
		const bad = await run({ resource: 'paymentStatus', operation: 'get', invoiceNumber: 'WB-2025-0004' });
		expect(bad.error?.message).toBe("'WB-2025-0004' is not an invoice number");
		expect(bad.host.http).toHaveLength(0);
	});

	it('answers one item per input item, paired', async () => {
		const result = await run(
			{ resource: 'paymentStatus', operation: 'get', invoiceNumber: '={{ $json.invoice }}' },
			{ items: [{ invoice: 25700006 }, { invoice: 25700004 }, { invoice: 25700002 }] },
		);
		expect(result.output?.[0].map((item) => [item.json.invoiceNumber, item.json.isFullyPaid, item.pairedItem])).toEqual([
			[25700006, false, { item: 0 }],
			[25700004, true, { item: 1 }],
			[25700002, null, { item: 2 }],
		]);
	});

	it('sees a payment made in Exact', async () => {
		const receivable = suite.exact.sim.state.listRecords('Receivables').find((r) => r.InvoiceNumber === 25700006);
		suite.exact.sim.state.updateRecord('Receivables', String(receivable?.ID), { AmountDC: 0, IsFullyPaid: true, Status: 50, LastPaymentDate: '/Date(1751364000000)/' });
		expect(await status(25700006)).toMatchObject({ isFullyPaid: true, openAmount: 0, paidAmount: 542.24, lastPaymentDate: '2025-07-01T10:00:00.000+02:00' });
	});
});

describe('Exact Online Payment: scopes', () => {
	it('explains a missing cashflow scope', async () => {
		suite.exact.sim.state.denyScopes(['cashflow']);
		const result = await run({ resource: 'paymentStatus', operation: 'get', invoiceNumber: 25700004 });
		expect(result.error?.message).toMatch(/HTTP 403.*Scope/i);
		expect(result.error?.description).toMatch(/permission \(scope\)/);
	});
});
