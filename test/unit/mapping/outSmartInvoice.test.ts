import { entryNumberOf, externalPaymentId, invoiceToSalesEntry, paidInExact, paymentToTransaction } from '../../../nodes/mapping/outSmartInvoice';

const invoice = {
	inv_id: '164',
	inv_type: 'DEBIT',
	inv_invoice_debtor_nr: '1010',
	inv_number_numeric: '12',
	inv_number_formatted: '2026-00012',
	inv_date: '2026-11-20',
	inv_due_date: '2026-12-04',
	inv_description: '',
	inv_amount: '43.56',
	inv_balance: '0.00',
	pdf: 'https://files.example/invoice.pdf',
	iln_lines: [
		{ iln_material_code: '00000001', iln_material_hourtype: null, iln_description: 'Kogelkraan', iln_total_excl: '36.00', iln_vat_percentage: '21.00' },
		{ iln_material_code: '', iln_material_hourtype: 'ARBEID', iln_description: 'Arbeid', iln_total_excl: '50.00', iln_vat_percentage: '9.00' },
	],
};

describe('OutSmart invoice -> Exact sales entry', () => {
	it('takes the number, debtor, dates, lines (material or hour type code) and VAT percentages', () => {
		const draft = invoiceToSalesEntry(invoice, 'formatted');
		expect(draft).toMatchObject({
			entryNumber: 202600012,
			reference: '2026-00012',
			invoiceId: '164',
			debtorNumber: '1010',
			credit: false,
			date: '2026-11-20',
			dueDate: '2026-12-04',
			description: 'OutSmart factuur 2026-00012',
			total: 43.56,
			problems: [],
		});
		expect(draft.lines).toEqual([
			{ itemCode: '00000001', description: 'Kogelkraan', amount: 36, vatPercentage: 21 },
			{ itemCode: 'ARBEID', description: 'Arbeid', amount: 50, vatPercentage: 9 },
		]);
	});

	it('names every reason an invoice cannot be booked', () => {
		const draft = invoiceToSalesEntry({ ...invoice, inv_type: 'CONCEPT_CREDIT', inv_invoice_debtor_nr: '', inv_number_formatted: 'X', iln_lines: [{ iln_total_excl: 'abc', iln_vat_percentage: '21' }] }, 'formatted');
		expect(draft.problems).toEqual([
			'it is a CONCEPT_CREDIT invoice (only DEBIT and CREDIT invoices are booked)',
			"its number 'X' gives no entry number (digits, at most 2147483647)",
			'it has no debtor number',
			'line 1 has no material or hour type code',
			"line 1's amount 'abc' is not an amount",
		]);
	});

	it('makes the entry number from the formatted or the numeric number, within Int32', () => {
		expect(entryNumberOf(invoice, 'numeric')).toBe(12);
		expect(entryNumberOf({ inv_number_formatted: '2026-0000000012' }, 'formatted')).toBeUndefined();
		expect(entryNumberOf({ inv_number_numeric: '0' }, 'numeric')).toBeUndefined();
	});
});

describe('Exact payment -> OutSmart transaction', () => {
	const term = { InvoiceNumber: 202600012, YourRef: '2026-00012', TransactionAmountDC: 43.56, AmountDC: 13.56, IsFullyPaid: false };

	it('records what Exact says is paid beyond what OutSmart shows, with an ID naming the entry and the paid total', () => {
		expect(paidInExact(term)).toBe(30);
		expect(paymentToTransaction(term, invoice, 'Exact Online')).toEqual({
			int_inv_id: '164',
			int_transaction_id: 'EXACT-202600012-3000',
			int_external_transaction_id: 'EXACT-202600012-3000',
			int_description: 'Betaling Exact Online, boeking 202600012',
			int_amount: '30.00',
			int_type: 'EXACT',
			int_type_description: 'Exact Online',
			int_user: 'Exact Online',
		});
		expect(paymentToTransaction({ ...term, AmountDC: 0, IsFullyPaid: true }, { ...invoice, inv_balance: '30.00' }, 'x')?.int_amount).toBe('13.56');
	});

	it('records nothing when OutSmart already shows as much paid, or nothing is paid', () => {
		expect(paymentToTransaction(term, { ...invoice, inv_balance: '30.00' }, 'x')).toBeUndefined();
		expect(paymentToTransaction({ ...term, AmountDC: 43.56 }, invoice, 'x')).toBeUndefined();
		expect(externalPaymentId({ ID: 'abc' }, 1.5)).toBe('EXACT-abc-150');
	});
});
