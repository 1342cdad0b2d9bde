/**
 * Quotations (offertes) of the fake OutSmart: made in the OutSmart app (here: the admin interface or a seed),
 * read with GET /quotations and OutSmart's advanced filters. Field names: OutSmart's OpenAPI export repeats the
 * invoice schema under /quotations; the live API answers quo_* headers, qln_* lines and a quotation_debtor with
 * qnd_* fields (quo_status ACCEPTED and EXECUTED, quo_quotation_debtor_nr, quo_number_formatted,
 * quo_timestamp_accepted, qln_material_code, qln_amount, qln_unit, … as a public client of the live API reads
 * them), the rest by analogy with the invoice fields. Amounts with a decimal point ("43.56"), as on invoices.
 *
 * Status: CONCEPT -> SENT -> ACCEPTED or REJECTED; ACCEPTED -> EXECUTED when the work is done. A quotation that
 * is accepted (or executed) can't be accepted again, nor a rejected one accepted.
 */
import { OutSmartFailure } from './envelope';
import { applyFilters, readFilters, type Query } from './filters';
import { pointAmount, readNumber, str } from './formats';
import type { StoredRecord } from './records';

export const QUOTATION_STATUSES = ['CONCEPT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXECUTED'] as const;
export type QuotationStatus = (typeof QUOTATION_STATUSES)[number];

/** Which status may follow which, as the app allows it. */
const NEXT: Record<QuotationStatus, QuotationStatus[]> = {
	CONCEPT: ['SENT', 'ACCEPTED', 'REJECTED'],
	SENT: ['ACCEPTED', 'REJECTED', 'CONCEPT'],
	ACCEPTED: ['EXECUTED'],
	REJECTED: ['CONCEPT'],
	EXECUTED: [],
};

export const QUOTATION_COLUMNS = [
	'quo_id', 'quo_worksheet_id', 'quo_project_id', 'quo_currency_code', 'quo_currency_symbol', 'quo_description',
	'quo_quotation_debtor_nr', 'quo_quotation_debtor_name', 'quo_quotation_debtor_email', 'quo_number_numeric',
	'quo_number_formatted', 'quo_status', 'quo_reference', 'quo_date', 'quo_expiration_date', 'quo_amount',
	'quo_amount_excl', 'quo_user_create', 'quo_timestamp_create', 'quo_timestamp_mutate', 'quo_timestamp_accepted',
];

/** A quotation line as made in the app. */
export interface QuotationLineInput {
	material_code?: string;
	hourtype?: string;
	description?: string;
	amount: number | string;
	price: number | string;
	vat_percentage?: number | string;
	discount?: number | string;
	unit?: string;
}

/** A quotation as made in the app (admin/seed): debtor, lines, optionally its status. */
export interface QuotationInput {
	debtor_nr: string;
	description?: string;
	reference?: string;
	date?: string;
	status?: QuotationStatus;
	lines: QuotationLineInput[];
}

interface StoredQuotation {
	header: Record<string, string | null>;
	lines: Array<Record<string, string | null>>;
	debtor: Record<string, string | null>;
}

/** What the book needs of the rest of the state: the clock and the relations (for the debtor block). */
export interface QuotationHost {
	now(): Date;
	table(endpoint: string): StoredRecord[];
}

const ymd = (instant: Date) => instant.toISOString().slice(0, 10);
const stamp = (instant: Date) => instant.toISOString().slice(0, 19).replace('T', ' ');

function amount(value: unknown, what: string): number {
	const n = readNumber(value);
	if (n === undefined) throw new OutSmartFailure(1504, [`Could not parse ${what}`]);
	return n;
}

export class QuotationBook {
	private quotations: StoredQuotation[] = [];
	private sequence = 1;
	private lineId = 1;

	constructor(private readonly host: QuotationHost) {}

	clear(): void {
		this.quotations = [];
		this.sequence = 1;
		this.lineId = 1;
	}

	/** Makes quotations as the app does: numbered, totals computed, the debtor block from the relation. */
	add(inputs: QuotationInput[]): Array<Record<string, unknown>> {
		return inputs.map((input) => this.render(this.addOne(input)));
	}

	private addOne(input: QuotationInput): StoredQuotation {
		const debtorNr = str(input.debtor_nr).trim();
		if (!debtorNr) throw new OutSmartFailure(1504, ['Required field missing: debtor_nr']);
		if (!Array.isArray(input.lines) || input.lines.length === 0) throw new OutSmartFailure(1504, ['A quotation needs lines']);
		const relation = this.host.table('relations').find((r) => str(r.data.debtor_number) === debtorNr)?.data ?? {};
		const now = this.host.now();
		const id = String(this.sequence);
		const numeric = this.sequence++;
		let excl = 0;
		let incl = 0;
		const lines = input.lines.map((line, order) => {
			const count = amount(line.amount, 'amount');
			const price = amount(line.price, 'price');
			const vat = line.vat_percentage === undefined ? 21 : amount(line.vat_percentage, 'vat_percentage');
			const discount = line.discount === undefined ? 0 : amount(line.discount, 'discount');
			const total = count * price;
			const totalDiscount = (total * discount) / 100;
			const lineExcl = total - totalDiscount;
			const lineVat = (lineExcl * vat) / 100;
			excl += lineExcl;
			incl += lineExcl + lineVat;
			return {
				qln_id: String(this.lineId++),
				qln_quo_id: id,
				qln_order: String(order),
				qln_material_code: line.material_code ?? null,
				qln_material_hourtype: line.hourtype ?? null,
				qln_description: line.description ?? '',
				qln_unit: line.unit ?? '',
				qln_amount: pointAmount(count),
				qln_price: pointAmount(price),
				qln_vat_percentage: pointAmount(vat),
				qln_discount: pointAmount(discount),
				qln_total: pointAmount(total),
				qln_total_discount: pointAmount(totalDiscount),
				qln_total_vat: pointAmount(lineVat),
				qln_total_excl: pointAmount(lineExcl),
				qln_total_incl: pointAmount(lineExcl + lineVat),
			};
		});
		const quotation: StoredQuotation = {
			header: {
				quo_id: id,
				quo_worksheet_id: null,
				quo_project_id: null,
				quo_currency_code: 'EUR',
				quo_currency_symbol: '€',
				quo_description: input.description ?? '',
				quo_quotation_debtor_nr: debtorNr,
				quo_quotation_debtor_name: str(relation.name),
				quo_quotation_debtor_email: str(relation.email),
				quo_number_numeric: String(numeric),
				quo_number_formatted: `${now.getUTCFullYear()}-${String(numeric).padStart(5, '0')}`,
				quo_status: 'CONCEPT',
				quo_reference: input.reference ?? '',
				quo_date: input.date ?? ymd(now),
				quo_expiration_date: ymd(new Date(now.getTime() + 30 * 86_400_000)),
				quo_amount: pointAmount(incl),
				quo_amount_excl: pointAmount(excl),
				quo_user_create: 'Planner',
				quo_timestamp_create: stamp(now),
				quo_timestamp_mutate: null,
				quo_timestamp_accepted: null,
			},
			lines,
			debtor: {
				qnd_name: str(relation.name),
				qnd_debiteur_number: debtorNr,
				qnd_street: [str(relation.street), str(relation.house_number)].filter(Boolean).join(' '),
				qnd_zip: str(relation.postal_code),
				qnd_city: str(relation.city),
				qnd_country: str(relation.country),
				qnd_contact: str(relation.contact),
				qnd_phone: str(relation.phone_number),
				qnd_email: str(relation.email),
			},
		};
		this.quotations.push(quotation);
		if (input.status && input.status !== 'CONCEPT') this.moveTo(quotation, input.status);
		return quotation;
	}

	private find(ref: string): StoredQuotation {
		const quotation = this.quotations.find((q) => q.header.quo_id === ref || q.header.quo_number_formatted === ref);
		if (!quotation) throw new OutSmartFailure(1504, [`Quotation not found: ${ref}`]);
		return quotation;
	}

	/** The customer's answer (or the office's step), as in the app; a step the app does not allow is refused. */
	setStatus(ref: string, status: string): Record<string, unknown> {
		const quotation = this.find(ref);
		this.moveTo(quotation, status);
		return this.render(quotation);
	}

	private moveTo(quotation: StoredQuotation, status: string): void {
		const current = quotation.header.quo_status as QuotationStatus;
		const next = status.toUpperCase() as QuotationStatus;
		if (!QUOTATION_STATUSES.includes(next)) throw new OutSmartFailure(1504, [`Unknown quotation status: ${status}`]);
		if (!NEXT[current].includes(next)) {
			throw new OutSmartFailure(1504, [`Quotation ${quotation.header.quo_number_formatted} is ${current} and can't become ${next}`]);
		}
		const now = stamp(this.host.now());
		quotation.header.quo_status = next;
		quotation.header.quo_timestamp_mutate = now;
		if (next === 'ACCEPTED') quotation.header.quo_timestamp_accepted = now;
	}

	list(): Array<Record<string, unknown>> {
		return this.quotations.map((q) => this.render(q));
	}

	/** GET /quotations: all, or those matching the advanced filters (on header fields). */
	read(query: Query): { rows: Array<Record<string, unknown>>; messages: string[] } {
		return applyFilters(this.list(), readFilters(query), QUOTATION_COLUMNS);
	}

	private render(quotation: StoredQuotation): Record<string, unknown> {
		return {
			...quotation.header,
			qln_lines: quotation.lines.map((line) => ({ ...line })),
			quotation_debtor: { ...quotation.debtor },
			pdf: null,
		};
	}
}
