/**
 * What each customer owes, summed from Exact's open items (read/financial/ReceivablesList, clean records):
 * open amount, the part past its due date, the number of open invoices and the oldest due date. Pure.
 */
import type { IDataObject } from 'n8n-workflow';

export interface CustomerBalance {
	AccountID: string | null;
	AccountCode: string;
	AccountName: string | null;
	OpenAmount: number;
	OverdueAmount: number;
	OpenInvoices: number;
	OldestDueDate: string | null;
	CurrencyCode: string;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** "2026-11-12T00:00:00.000+01:00" -> "2026-11-12" (dates are Dutch local time, so the date part is the day). */
const dayOf = (value: unknown): string | null => (typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : null);

/** A customer without open items. */
export function paidUp(account: { AccountID?: string | null; AccountCode: string; AccountName?: string | null }): CustomerBalance {
	return {
		AccountID: account.AccountID ?? null,
		AccountCode: account.AccountCode,
		AccountName: account.AccountName ?? null,
		OpenAmount: 0,
		OverdueAmount: 0,
		OpenInvoices: 0,
		OldestDueDate: null,
		CurrencyCode: 'EUR',
	};
}

/** Open items grouped per account code; `today` is the Dutch date (YYYY-MM-DD) that decides what is overdue. */
export function summarizeReceivables(rows: IDataObject[], today: string): Map<string, CustomerBalance> {
	const balances = new Map<string, CustomerBalance>();
	const invoices = new Map<string, Set<string>>();
	for (const row of rows) {
		const code = String(row.AccountCode ?? '').trim();
		if (!code) continue;
		let balance = balances.get(code);
		if (!balance) {
			balance = paidUp({ AccountID: (row.AccountId as string) ?? null, AccountCode: code, AccountName: (row.AccountName as string) ?? null });
			balance.CurrencyCode = String(row.CurrencyCode ?? 'EUR');
			balances.set(code, balance);
			invoices.set(code, new Set());
		}
		const amount = Number(row.Amount ?? 0);
		if (!Number.isFinite(amount)) continue;
		balance.OpenAmount = round2(balance.OpenAmount + amount);
		const due = dayOf(row.DueDate);
		if (due && due < today) balance.OverdueAmount = round2(balance.OverdueAmount + amount);
		if (due && (balance.OldestDueDate === null || due < balance.OldestDueDate)) balance.OldestDueDate = due;
		// Several open terms of one invoice count as one invoice; an item without a number (e.g. a memorial entry) counts on its own.
		invoices.get(code)!.add(row.InvoiceNumber ? String(row.InvoiceNumber) : `entry:${String(row.EntryNumber ?? row.Id ?? invoices.get(code)!.size)}`);
		balance.OpenInvoices = invoices.get(code)!.size;
	}
	return balances;
}

/** What a flow downstream shows of a balance: when this changes, the customer is handed out again. */
export function balanceFingerprint(balance: CustomerBalance): string {
	return [balance.OpenAmount.toFixed(2), balance.OverdueAmount.toFixed(2), balance.OpenInvoices, balance.OldestDueDate ?? ''].join('|');
}
