/**
 * OutSmart's own invoicing <-> Exact's bookkeeping. Pure, no I/O:
 * - an invoice made in OutSmart (`/invoices`) -> the sales entry that books it in Exact (codes stay codes; the
 *   booking operation resolves them);
 * - a payment Exact recorded for that entry (a payment term of cashflow/Receivables or sync PaymentTerms) -> the
 *   OutSmart transaction that makes the invoice paid, with an external ID that names the payment, so that it is
 *   recorded once.
 */
import type { IDataObject } from 'n8n-workflow';
import { parseAmount } from '../shared/formats';
import { text } from './values';

/** How the Exact entry number (the invoice number in Exact) is made from OutSmart's invoice number. */
export type EntryNumberSource = 'formatted' | 'numeric';

export interface SalesEntryLineDraft {
	/** The material or hour type code (Exact item code): its revenue account books the line. */
	itemCode: string;
	description: string;
	/** Excluding VAT, after discount. */
	amount: number;
	vatPercentage: number;
}

export interface SalesEntryDraft {
	entryNumber: number;
	/** OutSmart's formatted number (e.g. 2026-00012): the entry's Your Reference, how payments find the invoice. */
	reference: string;
	invoiceId: string;
	debtorNumber: string;
	credit: boolean;
	/** Y-m-d. */
	date: string;
	dueDate: string;
	description: string;
	/** Including VAT, as OutSmart computed it: checked against what Exact books. */
	total: number;
	pdfUrl: string;
	lines: SalesEntryLineDraft[];
	/** What keeps the invoice from being booked as it is; empty when it can go. */
	problems: string[];
}

const BOOKABLE_TYPES = ['DEBIT', 'CREDIT'];
const MAX_INT32 = 2_147_483_647;

function amount(value: unknown, problems: string[], what: string): number {
	try {
		return parseAmount(value ?? '0');
	} catch {
		problems.push(`${what} '${text(value)}' is not an amount`);
		return 0;
	}
}

/** 2026-00012 -> 202600012 (formatted), or the numeric value; undefined when no Int32 comes out. */
export function entryNumberOf(invoice: IDataObject, source: EntryNumberSource): number | undefined {
	const digits = source === 'formatted' ? text(invoice.inv_number_formatted).replace(/\D/g, '') : text(invoice.inv_number_numeric);
	if (!/^\d+$/.test(digits)) return undefined;
	const number = Number(digits);
	return number > 0 && number <= MAX_INT32 ? number : undefined;
}

/** An OutSmart invoice -> the sales entry that books it; `problems` says what keeps it from being booked. */
export function invoiceToSalesEntry(invoice: IDataObject, source: EntryNumberSource): SalesEntryDraft {
	const problems: string[] = [];
	const type = text(invoice.inv_type).toUpperCase();
	if (!BOOKABLE_TYPES.includes(type)) problems.push(`it is ${type ? `a ${type} invoice` : 'no final invoice'} (only DEBIT and CREDIT invoices are booked)`);
	const entryNumber = entryNumberOf(invoice, source);
	if (entryNumber === undefined) problems.push(`its number '${text(source === 'formatted' ? invoice.inv_number_formatted : invoice.inv_number_numeric)}' gives no entry number (digits, at most ${MAX_INT32})`);
	const debtorNumber = text(invoice.inv_invoice_debtor_nr);
	if (!debtorNumber) problems.push('it has no debtor number');
	const rawLines = Array.isArray(invoice.iln_lines) ? (invoice.iln_lines as IDataObject[]) : [];
	const lines = rawLines.map((line, index) => {
		const itemCode = text(line.iln_material_code) || text(line.iln_material_hourtype);
		if (!itemCode) problems.push(`line ${index + 1} has no material or hour type code`);
		return {
			itemCode,
			description: text(line.iln_description),
			amount: amount(line.iln_total_excl, problems, `line ${index + 1}'s amount`),
			vatPercentage: amount(line.iln_vat_percentage, problems, `line ${index + 1}'s VAT percentage`),
		};
	});
	if (!lines.length) problems.push('it has no lines');
	const reference = text(invoice.inv_number_formatted) || text(invoice.inv_number_numeric);
	return {
		entryNumber: entryNumber ?? 0,
		reference,
		invoiceId: text(invoice.inv_id),
		debtorNumber,
		credit: type === 'CREDIT',
		date: text(invoice.inv_date).slice(0, 10),
		dueDate: text(invoice.inv_due_date).slice(0, 10),
		description: (text(invoice.inv_description) || `OutSmart factuur ${reference}`).slice(0, 100),
		total: amount(invoice.inv_amount, problems, 'the invoice amount'),
		pdfUrl: text(invoice.pdf),
		lines,
		problems,
	};
}

/** What Exact says was paid of an entry: the term's amount less what is still open. */
export function paidInExact(term: IDataObject): number {
	const total = Number(term.TransactionAmountDC ?? term.AmountDC ?? 0);
	const open = term.IsFullyPaid === true ? 0 : Number(term.AmountDC ?? 0);
	return Math.round((total - open) * 100) / 100;
}

/**
 * The transaction that brings the OutSmart invoice's balance up to what Exact says is paid; undefined when
 * OutSmart already shows that much. Its external ID names the Exact entry and the paid total, so a re-run (or a
 * second run at once) finds it.
 */
export function paymentToTransaction(term: IDataObject, invoice: IDataObject, user: string): IDataObject | undefined {
	const paid = paidInExact(term);
	const balance = parseAmount(invoice.inv_balance ?? '0');
	const missing = Math.round((paid - balance) * 100) / 100;
	if (missing <= 0) return undefined;
	const entry = text(term.InvoiceNumber) || text(term.EntryNumber);
	return {
		int_inv_id: text(invoice.inv_id),
		int_transaction_id: externalPaymentId(term, paid),
		int_external_transaction_id: externalPaymentId(term, paid),
		int_description: `Betaling Exact Online, boeking ${entry}`.slice(0, 255),
		int_amount: missing.toFixed(2),
		int_type: 'EXACT',
		int_type_description: 'Exact Online',
		int_user: user,
	};
}

/** EXACT-<entry number>-<paid total in cents>: one per entry and paid total. */
export function externalPaymentId(term: IDataObject, paid: number): string {
	return `EXACT-${text(term.InvoiceNumber) || text(term.EntryNumber) || text(term.ID)}-${Math.round(paid * 100)}`;
}
