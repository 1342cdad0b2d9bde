/**
 * Sales documents with lines (invoices, orders, quotations): a header entity whose lines live on their own
 * endpoint and are posted nested in the header. What the document nodes share: finding one by number or ID,
 * reading the lines of many headers in few calls, and turning the node's line parameters into Exact lines.
 */
import { type IDataObject, type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';
import type { RunScope } from '../../shared/router';
import { isGuid, odataGuid } from '../odata';
import { administration, type LocatorInput } from '../operations/locate';
import { toBody } from '../operations/write';
import { exactGetAnyOf, type ExactContext } from '../transport';
import { ACCOUNT, ADDRESS, ITEM, QUOTATION, QUOTATION_LINE, SALES_INVOICE, SALES_INVOICE_LINE, SALES_ENTRY, SALES_ENTRY_LINE, SALES_ORDER, SALES_ORDER_LINE, type ExactEntity } from './definitions';
import { readByIds } from './byIds';
import { lookupByCodes } from './lookups';
import { selectFor } from './recordAccess';

export interface SalesDocument {
	header: ExactEntity;
	/** The line entity; its field holding the header key has the header key's name (InvoiceID, OrderID, ...). */
	line: ExactEntity;
	/** The header's navigation property for its lines, e.g. SalesOrderLines. */
	linesField: string;
	/** How users call it, for messages: "invoice", "order", "quotation"; with its article: "an invoice". */
	noun: string;
	aNoun: string;
	/** A number as an example in messages. */
	exampleNumber: string;
	/** The header fields that name an account (ordering, invoice, delivery). */
	accountFields: string[];
}

export const SALES_INVOICE_DOC: SalesDocument = {
	header: SALES_INVOICE,
	line: SALES_INVOICE_LINE,
	linesField: 'SalesInvoiceLines',
	noun: 'invoice',
	aNoun: 'an invoice',
	exampleNumber: '25700001',
	accountFields: ['InvoiceTo', 'OrderedBy'],
};

export const SALES_ORDER_DOC: SalesDocument = {
	header: SALES_ORDER,
	line: SALES_ORDER_LINE,
	linesField: 'SalesOrderLines',
	noun: 'order',
	aNoun: 'an order',
	exampleNumber: '1234',
	accountFields: ['OrderedBy', 'InvoiceTo', 'DeliverTo'],
};

export const QUOTATION_DOC: SalesDocument = {
	header: QUOTATION,
	line: QUOTATION_LINE,
	linesField: 'QuotationLines',
	noun: 'quotation',
	aNoun: 'a quotation',
	exampleNumber: '1234',
	accountFields: ['OrderAccount', 'InvoiceAccount', 'DeliveryAccount'],
};

/** A booked sales invoice made elsewhere: its lines are amounts on G/L accounts, not items. */
export const SALES_ENTRY_DOC: SalesDocument = {
	header: SALES_ENTRY,
	line: SALES_ENTRY_LINE,
	linesField: 'SalesEntryLines',
	noun: 'entry',
	aNoun: 'an entry',
	exampleNumber: '26700001',
	accountFields: ['Customer'],
};

/** The header key as the lines name it (InvoiceID, OrderID, QuotationID). */
export function lineParentField(doc: SalesDocument): string {
	return doc.header.key;
}

const idKey = (value: unknown) => String(value ?? '').toLowerCase();

/** A document is found by its ID (a GUID) or its number (digits), from a plain string parameter. */
export function documentInput(this: IExecuteFunctions, doc: SalesDocument, parameter: string, itemIndex: number): LocatorInput {
	const value = String(this.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
	if (isGuid(value)) return { value, by: 'id' };
	if (/^\d+$/.test(value)) return { value, by: 'code' };
	throw new NodeOperationError(this.getNode(), `'${value}' is not ${doc.aNoun} number or ID`, {
		itemIndex,
		description: `Enter the ${doc.noun} number (digits, e.g. ${doc.exampleNumber}) or the ${doc.header.key} (a GUID)`,
	});
}

/** The lines of these documents in line order, one call per 20 documents; every ID gets a list (maybe empty). */
export async function readLines(
	this: ExactContext,
	doc: SalesDocument,
	headerIds: string[],
	itemIndex?: number,
): Promise<Map<string, IDataObject[]>> {
	const parent = lineParentField(doc);
	const ids = [...new Set(headerIds.map(idKey).filter(Boolean))];
	const rows = await exactGetAnyOf.call(this, {
		path: doc.line.path,
		select: selectFor(doc.line),
		values: ids,
		condition: (id) => `${parent} eq ${odataGuid(id)}`,
		itemIndex,
	});
	const byHeader = new Map<string, IDataObject[]>(ids.map((id) => [id, []]));
	for (const row of rows) byHeader.get(idKey(row[parent]))?.push(row);
	for (const lines of byHeader.values()) lines.sort((a, b) => Number(a.LineNumber ?? 0) - Number(b.LineNumber ?? 0));
	return byHeader;
}

/** The headers, each with its lines under the document's lines field. */
export async function withLines(this: ExactContext, doc: SalesDocument, headers: IDataObject[], itemIndex?: number): Promise<IDataObject[]> {
	if (headers.length === 0) return headers;
	const lines = await readLines.call(this, doc, headers.map((h) => String(h[doc.header.key])), itemIndex);
	return headers.map((header) => ({ ...header, [doc.linesField]: lines.get(idKey(header[doc.header.key])) ?? [] }));
}

/** Records by ID (lower case): by ID in batches of 20, or one pass over the list when many (see byIds.ts). */
async function recordsByIds(this: ExactContext, entity: ExactEntity, ids: string[], itemIndex?: number): Promise<Map<string, IDataObject>> {
	const records = await readByIds.call(this, { entity, ids: ids.map(idKey), select: selectFor(entity), itemIndex });
	return new Map(records.map((record) => [idKey(record[entity.key]), record]));
}

/**
 * The headers with the accounts they name under `Accounts` (by field: OrderedBy, InvoiceTo, ...) and, when they
 * have one, the delivery address under `DeliveryAddressRecord`: what a flow needs to plan the work (e.g. an
 * OutSmart work order) without a look-up per document. One call per 20 accounts and per 20 addresses (one pass
 * of 1,000 a call above 100).
 */
export async function withAccounts(this: ExactContext, doc: SalesDocument, headers: IDataObject[], itemIndex?: number): Promise<IDataObject[]> {
	await addItemCodes.call(this, doc, headers, itemIndex);
	const accountIds = headers.flatMap((header) => doc.accountFields.map((field) => String(header[field] ?? '')));
	const accounts = await recordsByIds.call(this, ACCOUNT, accountIds, itemIndex);
	const addressIds = headers.map((header) => String(header.DeliveryAddress ?? ''));
	const addresses = await recordsByIds.call(this, ADDRESS, addressIds, itemIndex);
	return headers.map((header) => ({
		...header,
		Accounts: Object.fromEntries(doc.accountFields.map((field) => [field, accounts.get(idKey(header[field])) ?? null])),
		...(header.DeliveryAddress ? { DeliveryAddressRecord: addresses.get(idKey(header.DeliveryAddress)) ?? null } : {}),
	}));
}

/** Whether the document's lines lack their item's code (quotation lines name the item by ID only). */
export function linesLackItemCode(doc: SalesDocument): boolean {
	return !doc.line.fields.includes('ItemCode');
}

/**
 * Gives each line that names an item by ID only its `ItemCode` (in place), so a flow can match it by code, e.g.
 * to an OutSmart material: one call per 20 items (one pass over the sync list above 100). Nothing to do for documents whose
 * lines carry the code (orders, invoices), or headers read without their lines.
 */
async function addItemCodes(this: ExactContext, doc: SalesDocument, headers: IDataObject[], itemIndex?: number): Promise<void> {
	if (!linesLackItemCode(doc)) return;
	const lines = headers.flatMap((header) => (Array.isArray(header[doc.linesField]) ? (header[doc.linesField] as IDataObject[]) : []));
	const ids = lines.filter((line) => line.ItemCode === undefined).map((line) => String(line.Item ?? ''));
	if (!ids.some(Boolean)) return;
	const items = await readByIds.call(this, { entity: ITEM, ids, select: 'ID,Code', itemIndex });
	const codes = new Map(items.map((item) => [idKey(item.ID), String(item.Code ?? '').trim()]));
	for (const line of lines) if (line.ItemCode === undefined) line.ItemCode = codes.get(idKey(line.Item)) ?? null;
}

/** A line as the node's Lines parameter gives it. */
export interface LineInput {
	item?: string;
	quantity?: number;
	unitPrice?: number;
	description?: string;
	vatCode?: string;
	notes?: string;
}

/** What can be checked without Exact: there are lines, and each names an item. */
export function checkLines(this: IExecuteFunctions, doc: SalesDocument, lines: LineInput[], itemIndex: number): void {
	if (lines.length === 0) {
		throw new NodeOperationError(this.getNode(), `The ${doc.noun} has no lines`, { itemIndex, description: 'Add at least one line' });
	}
	const empty = lines.findIndex((line) => !String(line.item ?? '').trim());
	if (empty !== -1) {
		throw new NodeOperationError(this.getNode(), `Line ${empty + 1} has no item`, {
			itemIndex,
			description: `Every ${doc.noun} line needs an item code or ID; nothing was written`,
		});
	}
}

/**
 * Item codes (or IDs) to item IDs, each code looked up once per run; an unknown code stops the item before
 * anything is written, naming every unknown code.
 */
export async function itemIdsFor(this: IExecuteFunctions, values: string[], itemIndex: number, run: RunScope): Promise<Map<string, string>> {
	const codes = values.map((value) => value.trim()).filter((code) => code && !isGuid(code));
	const found = await lookupByCodes.call(this, ITEM, codes, ['Description'], { cache: run.cache<IDataObject | null>(ITEM.path), itemIndex });
	const unknown = [...new Set(codes.filter((code) => !found.get(code)))];
	if (unknown.length) {
		const names = unknown.map((code) => `'${code}'`).join(', ');
		throw new NodeOperationError(this.getNode(), `Item ${names} not found in administration ${await administration.call(this)}`, {
			itemIndex,
			description: 'Create the item in Exact or correct the code on the line; nothing was written',
		});
	}
	return new Map(values.map((value) => [value, isGuid(value.trim()) ? value.trim() : String(found.get(value.trim())?.ID)]));
}

/** The document's lines as Exact takes them: items by ID, empty values left out (Exact fills them from the item). */
export async function resolveLines(
	this: IExecuteFunctions,
	doc: SalesDocument,
	lines: LineInput[],
	itemIndex: number,
	run: RunScope,
): Promise<IDataObject[]> {
	checkLines.call(this, doc, lines, itemIndex);
	const itemIds = await itemIdsFor.call(this, lines.map((line) => String(line.item)), itemIndex, run);
	return lines.map((line) => lineBody(line, itemIds));
}

/** One line as Exact takes it, its item by the ID found for it (see itemIdsFor). */
export function lineBody(line: LineInput, itemIds: Map<string, string>): IDataObject {
	return toBody({
		Item: itemIds.get(String(line.item)),
		Quantity: line.quantity ?? 1,
		UnitPrice: line.unitPrice || undefined,
		Description: line.description,
		VATCode: line.vatCode,
		Notes: line.notes,
	});
}
