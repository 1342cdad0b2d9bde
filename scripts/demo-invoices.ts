/**
 * The demo world's OutSmart invoices (template 12): invoices made in OutSmart for the Exact demo customers, with
 * the demo materials and hour types; a concept that is not booked; and one invoice a previous run booked in Exact
 * that the customer has paid since, so the first Run now also shows a payment coming back to OutSmart.
 */
import { EXACT_SEED_FIXTURES, type ExactSimulator } from '../simulators/exact';
import type { OutSmartSimulator } from '../simulators/outsmart';
import type { InvoiceInput } from '../simulators/outsmart/invoices';

const { accounts, items } = EXACT_SEED_FIXTURES;
const debtor = (account: { code: string; name: string }) => ({ debtorNumber: account.code.trim(), debtorName: account.name });

/** The OutSmart invoice a previous run booked in Exact, paid in Exact since. */
export const DEMO_PAID_INVOICE = '2026-00030';

export const DEMO_OUTSMART_INVOICES: InvoiceInput[] = [
	{
		number: 30,
		...debtor(accounts.bakkerij),
		date: '2026-11-02',
		description: 'Storing oven afvoer',
		lines: [{ hourType: items.arbeid.code, description: 'Arbeid', quantity: 2, price: 62.5, vatPercentage: 21 }],
	},
	{
		number: 31,
		...debtor(accounts.oneill),
		date: '2026-11-18',
		reference: 'PO-7781',
		description: 'Kogelkranen vervangen',
		lines: [
			{ material: items.kogelkraan.code, description: 'Kogelkraan 1/2"', quantity: 4, price: 12.5, vatPercentage: 21 },
			{ hourType: items.arbeid.code, description: 'Arbeid', quantity: 1.5, price: 62.5, vatPercentage: 21 },
		],
	},
	{
		number: 32,
		...debtor(accounts.cafe),
		date: '2026-11-19',
		description: 'Renovatie toilet',
		lines: [
			{ material: items.quoted.code, description: 'Toiletpot', quantity: 1, price: 189, vatPercentage: 9, discountPercentage: 10 },
			{ material: items.codeWithSpaces.code, description: 'Buis 15 mm', quantity: 3, price: 4.1, vatPercentage: 21 },
		],
	},
	{
		number: 33,
		...debtor(accounts.muller),
		date: '2026-11-20',
		type: 'CONCEPT_DEBIT',
		description: 'Offerte-factuur in concept',
		lines: [{ material: items.cvKetel.code, quantity: 1, price: 1450, vatPercentage: 21 }],
	},
];

/** Adds the invoices to OutSmart, and the paid one to Exact as booked by a previous run. */
export function addDemoInvoices(exact: ExactSimulator, outsmart: OutSmartSimulator): void {
	const invoices = DEMO_OUTSMART_INVOICES.map((invoice) => outsmart.state.invoicing.addInvoice(invoice));
	const paid = invoices.find((invoice) => invoice.inv_number_formatted === DEMO_PAID_INVOICE)!;
	const revenue = exact.state.listRecords('Items').find((item) => item.ID === items.arbeid.id)?.GLRevenue ?? null;
	const entry = exact.state.insertRecord('SalesEntries', {
		Customer: accounts.bakkerij.id,
		Journal: '70',
		EntryNumber: Number(DEMO_PAID_INVOICE.replace(/\D/g, '')),
		YourRef: DEMO_PAID_INVOICE,
		Description: String(paid.inv_description),
		SalesEntryLines: [{ GLAccount: revenue, AmountFC: Number(paid.inv_amount_excl), VATCode: '1', Description: 'Arbeid' }],
	});
	const receivable = exact.state.listRecords('Receivables').find((r) => r.EntryID === entry.EntryID)!;
	exact.state.updateRecord('Receivables', String(receivable.ID), { AmountDC: 0, IsFullyPaid: true });
}
