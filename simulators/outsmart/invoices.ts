/**
 * OutSmart's own invoicing: `/invoices` (GET with the advanced filters) and `/transactions` (GET, POST, PUT), with
 * the fields of outsmart-openapi-v8.json (every value a string, amounts with a decimal point, dates Y-m-d,
 * timestamps "Y-m-d H:i:s"). A transaction assigned to an invoice adds to its inv_balance; when the balance
 * reaches inv_amount the invoice is PAYED and gets inv_timestamp_payed, as the description of inv_timestamp_payed says.
 */
import { type Envelope, OutSmartFailure, ok, requiredMissing } from './envelope';
import { type Query, applyFilters, readFilters } from './filters';

export type InvoiceRecord = Record<string, unknown> & { iln_lines: Array<Record<string, string | null>> };
export type TransactionRecord = Record<string, string | null>;

/** A line as a seed or test gives it: the material (or hour type), quantity, price, VAT and discount percentages. */
export interface InvoiceLineInput {
	material?: string;
	hourType?: string;
	description?: string;
	quantity: number;
	price: number;
	vatPercentage?: number;
	discountPercentage?: number;
}

/** An invoice made in OutSmart, as a seed or test gives it. */
export interface InvoiceInput {
	number: number;
	debtorNumber: string;
	debtorName?: string;
	date: string;
	dueDays?: number;
	type?: 'DEBIT' | 'CREDIT' | 'CONCEPT_DEBIT' | 'CONCEPT_CREDIT';
	reference?: string;
	description?: string;
	workorderId?: string | null;
	lines: InvoiceLineInput[];
}

const INVOICE_COLUMNS = [
	'inv_id', 'inv_worksheet_id', 'inv_quo_id', 'inv_inv_id', 'inv_type', 'inv_currency_code', 'inv_currency_symbol',
	'inv_description', 'inv_invoice_debtor_nr', 'inv_invoice_debtor_name', 'inv_invoice_debtor_email', 'inv_number_numeric',
	'inv_number_formatted', 'inv_status', 'inv_reference', 'inv_date', 'inv_due_date', 'inv_due_days', 'inv_terms',
	'inv_header', 'inv_amount', 'inv_amount_excl', 'inv_balance', 'inv_user_create', 'inv_user_mutate', 'inv_user_send',
	'inv_timestamp_create', 'inv_timestamp_mutate', 'inv_timestamp_payed', 'inv_timestamp_send',
];
const TRANSACTION_REQUIRED = [
	'int_inv_id', 'int_transaction_id', 'int_external_transaction_id', 'int_description', 'int_amount', 'int_type',
	'int_type_description', 'int_user',
];
const TRANSACTION_COLUMNS = [...TRANSACTION_REQUIRED, 'int_status', 'int_timestamp'];

const cents = (value: number) => Math.round(value * 100) / 100;
const point = (value: number) => cents(value).toFixed(2);
const amountOf = (value: unknown) => Number(String(value ?? '0').replace(',', '.')) || 0;

function stamp(date: Date): string {
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

function addDays(ymd: string, days: number): string {
	const date = new Date(`${ymd}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

function lineOf(invoiceId: string, lineId: number, order: number, input: InvoiceLineInput): Record<string, string | null> {
	const total = input.quantity * input.price;
	const discount = total * ((input.discountPercentage ?? 0) / 100);
	const excl = total - discount;
	const vat = excl * ((input.vatPercentage ?? 21) / 100);
	return {
		iln_id: String(lineId),
		iln_inv_id: invoiceId,
		iln_order: String(order),
		iln_material_code: input.material ?? '',
		iln_material_hourtype: input.hourType ?? null,
		iln_description: input.description ?? '',
		iln_amount: point(input.quantity),
		iln_price: point(input.price),
		iln_vat_percentage: point(input.vatPercentage ?? 21),
		iln_discount: point(input.discountPercentage ?? 0),
		iln_total: point(total),
		iln_total_discount: point(discount),
		iln_total_vat: point(vat),
		iln_total_excl: point(excl),
		iln_total_incl: point(excl + vat),
	};
}

/** The invoices and transactions of one fake OutSmart environment. */
export class InvoiceBook {
	readonly invoices: InvoiceRecord[] = [];
	readonly transactions: TransactionRecord[] = [];
	private invoiceId = 164;
	private lineId = 1883;

	constructor(
		private readonly now: () => Date,
		private readonly publicUrl: () => string,
	) {}

	/** Adds an invoice made in the app (admin and seeds; the API only reads invoices). */
	addInvoice(input: InvoiceInput): InvoiceRecord {
		const id = String(this.invoiceId++);
		const lines = input.lines.map((line, order) => lineOf(id, this.lineId++, order, line));
		const excl = lines.reduce((sum, line) => sum + amountOf(line.iln_total_excl), 0);
		const incl = lines.reduce((sum, line) => sum + amountOf(line.iln_total_incl), 0);
		const year = input.date.slice(0, 4);
		const dueDays = input.dueDays ?? 14;
		const created = stamp(this.now());
		const invoice: InvoiceRecord = {
			inv_id: id,
			inv_worksheet_id: input.workorderId ?? null,
			inv_quo_id: null,
			inv_inv_id: null,
			inv_type: input.type ?? 'DEBIT',
			inv_currency_code: 'EUR',
			inv_currency_symbol: '€',
			inv_description: input.description ?? '',
			inv_invoice_debtor_nr: input.debtorNumber,
			inv_invoice_debtor_name: input.debtorName ?? '',
			inv_invoice_debtor_email: '',
			inv_number_numeric: String(input.number),
			inv_number_formatted: `${year}-${String(input.number).padStart(5, '0')}`,
			inv_status: 'OPEN',
			inv_reference: input.reference ?? '',
			inv_date: input.date,
			inv_due_date: addDays(input.date, dueDays),
			inv_due_days: String(dueDays),
			inv_terms: '',
			inv_header: '',
			inv_amount: point(incl),
			inv_amount_excl: point(excl),
			inv_balance: '0.00',
			inv_user_create: 'Planner',
			inv_user_mutate: '',
			inv_user_send: 'Planner',
			inv_timestamp_create: created,
			inv_timestamp_mutate: null,
			inv_timestamp_payed: null,
			inv_timestamp_send: created,
			iln_lines: lines,
			invoice_debtor: {
				ind_name: input.debtorName ?? '',
				ind_debiteur_number: input.debtorNumber,
				ind_street: '',
				ind_zip: '',
				ind_city: '',
				ind_country: '',
				ind_contact: '',
				ind_phone: '',
				ind_email: '',
			},
			pdf: `${this.publicUrl()}/files/invoice-${id}.pdf`,
			ubl: `${this.publicUrl()}/files/invoice-${id}.xml`,
		};
		this.invoices.push(invoice);
		return invoice;
	}

	listInvoices(query: Query): Envelope {
		const { rows, messages } = applyFilters(this.invoices, readFilters(query), INVOICE_COLUMNS);
		return { code: 200, messages, response: rows };
	}

	listTransactions(query: Query): Envelope {
		const { rows, messages } = applyFilters(this.transactions, readFilters(query), TRANSACTION_COLUMNS);
		return { code: 200, messages, response: rows };
	}

	/** POST /transactions: every row needs the documented fields; a known int_inv_id adds to that invoice's balance. */
	addTransactions(rows: unknown[]): Envelope {
		const checked = rows.map((row) => this.checkTransaction(row));
		const stored = checked.map((row) => {
			const transaction: TransactionRecord = {
				...Object.fromEntries(TRANSACTION_REQUIRED.map((field) => [field, row[field] === null ? null : String(row[field])])),
				int_amount: point(amountOf(row.int_amount)),
				int_status: 'NEW',
				int_timestamp: typeof row.int_timestamp === 'string' && row.int_timestamp ? row.int_timestamp : stamp(this.now()),
			};
			this.transactions.push(transaction);
			this.settle(transaction.int_inv_id);
			return transaction;
		});
		return ok(stored);
	}

	/** PUT /transactions: (re)assigns transactions, found by int_transaction_id or int_external_transaction_id, to an invoice. */
	assignTransactions(rows: unknown[]): Envelope {
		const changed: TransactionRecord[] = [];
		for (const row of rows as Array<Record<string, unknown>>) {
			if (!('int_inv_id' in row)) throw new OutSmartFailure(1051, [requiredMissing('int_inv_id')]);
			const found = this.transactions.find(
				(t) =>
					(row.int_transaction_id !== undefined && t.int_transaction_id === String(row.int_transaction_id)) ||
					(row.int_external_transaction_id !== undefined && t.int_external_transaction_id === String(row.int_external_transaction_id)),
			);
			if (!found) continue;
			const before = found.int_inv_id;
			found.int_inv_id = row.int_inv_id === null || row.int_inv_id === 'null' ? null : String(row.int_inv_id);
			this.settle(before);
			this.settle(found.int_inv_id);
			changed.push(found);
		}
		return ok(changed);
	}

	private checkTransaction(row: unknown): Record<string, unknown> {
		if (!row || typeof row !== 'object') throw new OutSmartFailure(1009, ['Unable to parse body']);
		const record = row as Record<string, unknown>;
		for (const field of TRANSACTION_REQUIRED) {
			if (!(field in record) || (record[field] === null && field !== 'int_inv_id')) throw new OutSmartFailure(1051, [requiredMissing(field)]);
		}
		if (!Number.isFinite(Number(String(record.int_amount).replace(',', '.')))) {
			throw new OutSmartFailure(1504, [`Could not parse int_amount: ${String(record.int_amount)}`]);
		}
		return record;
	}

	/** An invoice's balance is the sum of its transactions; paid in full makes it PAYED. */
	private settle(invoiceId: string | null): void {
		const invoice = this.invoices.find((i) => i.inv_id === invoiceId);
		if (!invoice) return;
		const balance = this.transactions.filter((t) => t.int_inv_id === invoiceId).reduce((sum, t) => sum + amountOf(t.int_amount), 0);
		invoice.inv_balance = point(balance);
		const paid = cents(balance) >= amountOf(invoice.inv_amount);
		invoice.inv_status = paid ? 'PAYED' : 'OPEN';
		invoice.inv_timestamp_payed = paid ? (invoice.inv_timestamp_payed ?? stamp(this.now())) : null;
		invoice.inv_timestamp_mutate = stamp(this.now());
	}
}

/** The /invoices and /transactions endpoints; undefined for any other endpoint. */
export function handleInvoicing(book: InvoiceBook, method: string, endpoint: string, query: Query, body: () => unknown[]): Envelope | undefined {
	if (endpoint === 'invoices') {
		if (method === 'GET') return book.listInvoices(query);
		throw new OutSmartFailure(1001, [`Method ${method} not supported on endpoint ${endpoint}`]);
	}
	if (endpoint !== 'transactions') return undefined;
	if (method === 'GET') return book.listTransactions(query);
	if (method === 'POST') return book.addTransactions(body());
	if (method === 'PUT') return book.assignTransactions(body());
	throw new OutSmartFailure(1001, [`Method ${method} not supported on endpoint ${endpoint}`]);
}
