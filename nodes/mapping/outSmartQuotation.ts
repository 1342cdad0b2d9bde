/**
 * Flow 3, OutSmart -> Exact: a quotation made in OutSmart (offerte, GET /quotations) -> an Exact quotation. The
 * Exact quotation's Your Reference is "OutSmart <OutSmart's quotation number>": the key a later run finds it by
 * (so it is made once), and what tells the Exact -> OutSmart direction that OutSmart already has this work.
 * A quotation the customer accepted in OutSmart (ACCEPTED, or EXECUTED once the work is done) is to be accepted
 * in Exact. Pure: item and account look-ups are the Exact node's.
 */
import type { IDataObject } from 'n8n-workflow';
import { text } from './values';

const REFERENCE_PREFIX = 'OutSmart ';

/** OutSmart's statuses of a quotation the customer accepted. */
export const OUTSMART_ACCEPTED_STATUSES = ['ACCEPTED', 'EXECUTED'];

export function outSmartQuotationReference(number: unknown): string {
	return `${REFERENCE_PREFIX}${text(number)}`;
}

export function isOutSmartQuotationReference(yourRef: unknown): boolean {
	const reference = text(yourRef);
	return reference.startsWith(REFERENCE_PREFIX) && reference.length > REFERENCE_PREFIX.length;
}

export interface QuotationLineFromOutSmart {
	/** Material code, else hour type code: the Exact item's code. */
	itemCode: string;
	quantity: number;
	unitPrice: number;
	/** Exact's discount: a fraction (0.1 = 10 %). */
	discount: number;
	description: string;
}

export interface QuotationFromOutSmart {
	/** OutSmart's quotation number (quo_number_formatted), e.g. 2026-00012. */
	number: string;
	/** The Exact account's code: OutSmart's debtor number. */
	accountCode: string;
	yourRef: string;
	description: string;
	/** yyyy-mm-dd, or '' when OutSmart has none. */
	quotationDate: string;
	lines: QuotationLineFromOutSmart[];
	accepted: boolean;
	/** What makes it impossible to create in Exact, e.g. "line 2 has no material or hour type". */
	problems: string[];
}

/** OutSmart writes these amounts with a decimal point ("2.00"); a comma is read too. */
function amount(value: unknown): number {
	const parsed = Number(text(value).replace(',', '.'));
	return Number.isFinite(parsed) ? parsed : NaN;
}

function day(value: unknown): string {
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text(value));
	return match ? match[1] : '';
}

export function quotationFromOutSmart(quotation: IDataObject): QuotationFromOutSmart {
	const number = text(quotation.quo_number_formatted) || text(quotation.quo_number_numeric);
	const problems: string[] = [];
	if (!number) problems.push('it has no quotation number (quo_number_formatted)');
	const accountCode = text(quotation.quo_quotation_debtor_nr);
	if (!accountCode) problems.push('it has no debtor number (quo_quotation_debtor_nr)');
	const rows = [...((quotation.qln_lines as IDataObject[] | undefined) ?? [])].sort((a, b) => Number(a.qln_order ?? 0) - Number(b.qln_order ?? 0));
	if (rows.length === 0) problems.push('it has no lines');
	const lines = rows.map((row, index) => {
		const itemCode = text(row.qln_material_code) || text(row.qln_material_hourtype);
		if (!itemCode) problems.push(`line ${index + 1} has no material or hour type code`);
		const quantity = amount(row.qln_amount);
		const unitPrice = amount(row.qln_price);
		if (Number.isNaN(quantity) || Number.isNaN(unitPrice)) problems.push(`line ${index + 1} has an amount or price that is not a number`);
		const discount = amount(row.qln_discount);
		return { itemCode, quantity, unitPrice, discount: Number.isNaN(discount) ? 0 : discount / 100, description: text(row.qln_description) };
	});
	return {
		number,
		accountCode,
		yourRef: outSmartQuotationReference(number),
		description: text(quotation.quo_description) || `Offerte ${number}`,
		quotationDate: day(quotation.quo_date),
		lines,
		accepted: OUTSMART_ACCEPTED_STATUSES.includes(text(quotation.quo_status).toUpperCase()),
		problems,
	};
}
