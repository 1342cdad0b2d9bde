/**
 * Sales invoices from Exact's sync endpoint, one item per invoice (used by the Sales Invoice node's Get Changes and
 * the Exact Online Poll Trigger).
 */
import type { IDataObject } from 'n8n-workflow';
import { pick } from '../operations/output';
import { SALES_INVOICE } from './definitions';
import { isSyncHeaderRow } from './readMany';

/**
 * Exact's sync endpoint answers one row per invoice line with the header fields repeated, plus a header row
 * (LineNumber 0, ID = InvoiceID). On a line row the fields both have (Description, AmountDC, ...) are the
 * line's. We hand out one item per invoice: header fields from the header row, lines from the line rows.
 */
const HEADER_FIELDS = SALES_INVOICE.fields;
const LINE_FIELDS = [
	'ID', 'LineNumber', 'Item', 'ItemCode', 'ItemDescription', 'Description', 'Quantity', 'UnitCode', 'UnitPrice',
	'NetPrice', 'AmountDC', 'VATCode', 'VATPercentage', 'VATAmountDC', 'GLAccount',
];
/** Header fields a line row carries with the line's value; without a header row we leave them out. */
const LINE_VALUED = SALES_INVOICE.syncRowsPerLine?.lineValued ?? [];

export function groupInvoiceRows(rows: IDataObject[], extraHeaderFields: string[] = []): IDataObject[] {
	const headerFields = [...HEADER_FIELDS, ...extraHeaderFields];
	const groups = new Map<string, { header?: IDataObject; first: IDataObject; lines: IDataObject[]; timestamp: unknown }>();
	const order: Array<string | IDataObject> = [];
	for (const row of rows) {
		if (row.changeType === 'deleted') {
			order.push(row);
			continue;
		}
		const id = String(row.InvoiceID);
		let group = groups.get(id);
		if (!group) {
			group = { first: row, lines: [], timestamp: row.Timestamp };
			groups.set(id, group);
			order.push(id);
		}
		group.timestamp = row.Timestamp;
		if (isSyncHeaderRow(SALES_INVOICE, row)) group.header = row;
		else group.lines.push(pick(row, LINE_FIELDS));
	}
	return order.map((entry) => {
		if (typeof entry !== 'string') return entry;
		const group = groups.get(entry)!;
		const header = group.header
			? pick(group.header, headerFields)
			: pick(group.first, headerFields.filter((field) => !LINE_VALUED.includes(field)));
		const lines = group.lines.sort((a, b) => Number(a.LineNumber ?? 0) - Number(b.LineNumber ?? 0));
		return { ...header, SalesInvoiceLines: lines, Timestamp: group.timestamp, changeType: 'changed' } as IDataObject;
	});
}

/** What to $select on sync/SalesInvoice/SalesInvoices to group rows into invoices. */
export const INVOICE_SYNC_FIELDS = [...HEADER_FIELDS, ...LINE_FIELDS, 'InvoiceID'];
