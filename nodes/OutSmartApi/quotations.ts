/**
 * OutSmart quotations (offertes, GET /quotations). OutSmart's OpenAPI export repeats the invoice schema under this
 * endpoint; the names below are those the live API returns, as a public client of it reads them (quo_status with
 * ACCEPTED and EXECUTED, quo_quotation_debtor_nr, quo_number_formatted, quo_timestamp_accepted, qln_lines with
 * qln_material_code, qln_amount, …, quotation_debtor with qnd_*), completed by analogy with the invoice fields
 * (inv_* -> quo_*, iln_* -> qln_*, ind_* -> qnd_*). Amounts come with a decimal point ("43.56"), as on invoices.
 */
import type { IDataObject } from 'n8n-workflow';
import { cleanValue } from './values/clean';

/** Where an OutSmart quotation stands; the customer accepted ACCEPTED ones, EXECUTED ones were then carried out. */
export const OUTSMART_QUOTATION_STATUSES = ['CONCEPT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXECUTED'] as const;

/** Header fields OutSmart filters on (advanced filters). */
export const QUOTATION_FILTER_KEYS = [
	'quo_id',
	'quo_number_formatted',
	'quo_quotation_debtor_nr',
	'quo_reference',
	'quo_status',
	'quo_date',
];

const HEADER_AMOUNTS = ['quo_amount', 'quo_amount_excl'];
const LINE_AMOUNTS = ['qln_amount', 'qln_price', 'qln_vat_percentage', 'qln_discount', 'qln_total', 'qln_total_discount', 'qln_total_vat', 'qln_total_excl', 'qln_total_incl'];

function withAmounts(record: IDataObject, fields: string[]): IDataObject {
	const out = { ...record };
	for (const field of fields) if (field in out) out[field] = cleanValue('pointAmount', out[field]) as IDataObject[string];
	return out;
}

/** A quotation with its amounts as numbers (header and lines); dates stay as OutSmart writes them (Y-m-d). */
export function cleanQuotation(raw: IDataObject): IDataObject {
	const out = withAmounts(raw, HEADER_AMOUNTS);
	if (Array.isArray(raw.qln_lines)) out.qln_lines = (raw.qln_lines as IDataObject[]).map((line) => withAmounts(line, LINE_AMOUNTS));
	return out;
}
