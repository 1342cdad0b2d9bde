/**
 * The OutSmart node's Invoice and Transaction resources against the fake OutSmart: invoices as OutSmart renders
 * them, transactions listed and filtered, and Create From Exact Payment recording a payment once (re-runs, a
 * second payment, invoices not made in OutSmart, two executions at once).
 */
import type { IDataObject } from 'n8n-workflow';
import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { jsonOf, runNode } from '../../harness/context';
import { credentials, useOutSmartSimulator } from './setup';

const node = new OutSmart();
const suite = useOutSmartSimulator();

const run = (parameters: Record<string, unknown>, items?: IDataObject[]) =>
	runNode(node, { parameters: parameters as never, items, credentials: credentials(suite.sim) });

function addInvoice(number: number, debtorNumber = '1001', type: 'DEBIT' | 'CONCEPT_DEBIT' = 'DEBIT') {
	return suite.sim.state.invoicing.addInvoice({
		number,
		debtorNumber,
		date: '2026-11-20',
		type,
		lines: [{ material: 'KK-12', description: 'Kogelkraan', quantity: 2, price: 50, vatPercentage: 21 }],
	});
}

/** A payment term as Exact Online Payment hands it out for the booked entry (121.00 in all). */
const term = (reference: string, open: number, extra: IDataObject = {}): IDataObject => ({
	ID: 'b1e1c7a0-0000-4000-8000-000000000001',
	InvoiceNumber: Number(reference.replace(/\D/g, '')),
	YourRef: reference,
	TransactionAmountDC: 121,
	AmountDC: open,
	IsFullyPaid: open === 0,
	...extra,
});

const record = (payments: IDataObject[]) => run({ resource: 'transaction', operation: 'createFromExactPayment', registeredBy: 'Exact Online' }, payments);
const transactionPosts = () => suite.sim.state.stats().callsByMethod['POST transactions'] ?? 0;

describe('OutSmart invoices and transactions', () => {
	it('lists invoices with OutSmart fields and filters them', async () => {
		addInvoice(1);
		addInvoice(2, '1002', 'CONCEPT_DEBIT');
		const all = jsonOf(await run({ resource: 'invoice', operation: 'getMany', returnAll: true }));
		expect(all.map((i) => [i.inv_number_formatted, i.inv_type, i.inv_amount, i.inv_status])).toEqual([
			['2026-00001', 'DEBIT', '121.00', 'OPEN'],
			['2026-00002', 'CONCEPT_DEBIT', '121.00', 'OPEN'],
		]);
		expect(all[0].iln_lines).toEqual([expect.objectContaining({ iln_material_code: 'KK-12', iln_total_excl: '100.00', iln_vat_percentage: '21.00' })]);
		const debit = jsonOf(
			await run({ resource: 'invoice', operation: 'getMany', returnAll: true, filters: { filter: [{ key: 'inv_type', value: 'DEBIT', operator: 'eq' }] } }),
		);
		expect(debit.map((i) => i.inv_number_formatted)).toEqual(['2026-00001']);
		const limited = jsonOf(await run({ resource: 'invoice', operation: 'getMany', returnAll: false, limit: 1 }));
		expect(limited).toHaveLength(1);
	});

	it('records a full payment as a transaction, which makes the invoice paid in OutSmart', async () => {
		const invoice = addInvoice(3);
		const out = jsonOf(await record([term('2026-00003', 0)]));
		expect(out).toEqual([expect.objectContaining({ status: 'recorded', invoiceNumber: '2026-00003', outSmartInvoiceId: invoice.inv_id, paidInExact: 121 })]);
		expect(suite.sim.state.invoicing.transactions).toEqual([
			expect.objectContaining({ int_inv_id: invoice.inv_id, int_amount: '121.00', int_external_transaction_id: 'EXACT-202600003-12100', int_user: 'Exact Online' }),
		]);
		expect(invoice).toMatchObject({ inv_balance: '121.00', inv_status: 'PAYED', inv_timestamp_payed: expect.any(String) });
		const listed = jsonOf(
			await run({ resource: 'transaction', operation: 'getMany', returnAll: true, filters: { filter: [{ key: 'int_inv_id', value: String(invoice.inv_id) }] } }),
		);
		expect(listed).toEqual([expect.objectContaining({ int_amount: '121.00', int_status: 'NEW' })]);
	});

	it('a re-run records nothing; a later second payment records only what is new', async () => {
		const invoice = addInvoice(4);
		await record([term('2026-00004', 21)]);
		expect(invoice).toMatchObject({ inv_balance: '100.00', inv_status: 'OPEN' });
		const again = jsonOf(await record([term('2026-00004', 21)]));
		expect(again[0]).toMatchObject({ status: 'alreadyRecorded' });
		const rest = jsonOf(await record([term('2026-00004', 0)]));
		expect(rest[0]).toMatchObject({ status: 'recorded', transaction: expect.objectContaining({ int_amount: '21.00' }) });
		expect(invoice).toMatchObject({ inv_balance: '121.00', inv_status: 'PAYED' });
		expect(transactionPosts()).toBe(2);
	});

	it('finds a transaction written by a run that stopped before the balance was read again, and does not write it twice', async () => {
		const invoice = addInvoice(5);
		// Stored, but (as after a lost answer) not assigned to the invoice yet: the balance still shows 0.
		suite.sim.state.invoicing.transactions.push({
			int_inv_id: null,
			int_transaction_id: 'EXACT-202600005-12100',
			int_external_transaction_id: 'EXACT-202600005-12100',
			int_description: '',
			int_amount: '121.00',
			int_type: 'EXACT',
			int_type_description: '',
			int_user: 'Exact Online',
			int_status: 'NEW',
			int_timestamp: '2026-11-21 10:00:00',
		});
		const out = jsonOf(await record([term('2026-00005', 0)]));
		expect(out[0]).toMatchObject({ status: 'alreadyRecorded', outSmartInvoiceId: invoice.inv_id });
		expect(transactionPosts()).toBe(0);
	});

	it('two executions at once record the payment once', async () => {
		const invoice = addInvoice(8);
		const [a, b] = await Promise.all([record([term('2026-00008', 0)]), record([term('2026-00008', 0)])]);
		expect([...jsonOf(a), ...jsonOf(b)].map((r) => r.status).sort()).toEqual(['alreadyRecorded', 'recorded']);
		expect(invoice).toMatchObject({ inv_balance: '121.00', inv_status: 'PAYED' });
		expect(transactionPosts()).toBe(1);
	});

	it('passes over payments of invoices not made in OutSmart and terms with nothing paid', async () => {
		addInvoice(6);
		const out = jsonOf(await record([term('WO-1234', 0), term('', 0, { YourRef: null }), term('2026-00006', 121)]));
		expect(out.map((r) => r.status)).toEqual(['notFromOutSmart', 'notFromOutSmart', 'nothingPaid']);
		expect(transactionPosts()).toBe(0);
	});

	it('a payment that is not an Exact payment term is a per-item error', async () => {
		addInvoice(7);
		const result = await runNode(node, {
			parameters: { resource: 'transaction', operation: 'createFromExactPayment', payment: '[1,2]' } as never,
			items: [{}],
			credentials: credentials(suite.sim),
			continueOnFail: true,
		});
		expect(jsonOf(result)[0]).toMatchObject({ error: 'The Payment is not an Exact payment term' });
	});

	it('OutSmart refuses a transaction without its documented fields', async () => {
		const response = await fetch(`${suite.sim.url}/transactions/?token=tok-Geheim-7734&software_token=sw-Geheim-9912`, {
			method: 'POST',
			body: JSON.stringify([{ int_inv_id: '1', int_amount: '1.00' }]),
		});
		expect(await response.json()).toMatchObject({ code: 1051 });
	});
});
