import { balanceFingerprint, paidUp, summarizeReceivables } from '../../../nodes/ExactOnlinePayment/balances';

const row = (code: string, amount: number, due: string, invoice: number | null, extra = {}) => ({
	AccountCode: code,
	AccountId: `id-${code.trim()}`,
	AccountName: `Klant ${code.trim()}`,
	Amount: amount,
	CurrencyCode: 'EUR',
	DueDate: `${due}T00:00:00.000+01:00`,
	InvoiceNumber: invoice,
	EntryNumber: invoice ?? 9001,
	...extra,
});

describe('open items summed per customer', () => {
	it('adds amounts per account code (padded codes trimmed), counts invoices once, and takes the oldest due date', () => {
		const balances = summarizeReceivables(
			[row('  1', 100.1, '2026-12-10', 25700001), row('1', 50.2, '2026-11-01', 25700002), row('1', 25, '2026-11-15', 25700002), row('2', 10, '2026-12-01', 25700003)],
			'2026-11-27',
		);
		expect(balances.get('1')).toEqual({
			AccountID: 'id-1',
			AccountCode: '1',
			AccountName: 'Klant 1',
			OpenAmount: 175.3,
			OverdueAmount: 75.2,
			OpenInvoices: 2,
			OldestDueDate: '2026-11-01',
			CurrencyCode: 'EUR',
		});
		expect(balances.get('2')).toMatchObject({ OpenAmount: 10, OverdueAmount: 0, OpenInvoices: 1 });
	});

	it('is overdue only after the due day (Dutch date), and counts items without an invoice number apart', () => {
		const balances = summarizeReceivables([row('3', 20, '2026-11-27', null, { EntryNumber: 1 }), row('3', 5, '2026-11-26', null, { EntryNumber: 2 })], '2026-11-27');
		expect(balances.get('3')).toMatchObject({ OpenAmount: 25, OverdueAmount: 5, OpenInvoices: 2 });
	});

	it('a fingerprint changes with what a flow shows, not with names', () => {
		const a = summarizeReceivables([row('4', 20, '2026-12-01', 1)], '2026-11-27').get('4')!;
		const later = summarizeReceivables([row('4', 20, '2026-12-01', 1)], '2026-12-02').get('4')!;
		expect(balanceFingerprint(a)).toBe(balanceFingerprint({ ...a, AccountName: 'Ander' }));
		expect(balanceFingerprint(later)).not.toBe(balanceFingerprint(a));
		expect(balanceFingerprint(paidUp({ AccountCode: '4' }))).toBe('0.00|0.00|0|');
	});
});
