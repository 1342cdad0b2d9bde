import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { ACCOUNT, ITEM, SALES_INVOICE, SALES_INVOICE_LINE } from '../ExactOnline/entity/definitions';
import { lookupByCodes } from '../ExactOnline/entity/lookups';
import { createRecord, selectFor } from '../ExactOnline/entity/operations';
import {
	confirmChangesOperation,
	findRecord,
	getManyOperation,
	locatorValue,
	shape,
	splitFields,
	toBody,
} from '../ExactOnline/entity/standardOperations';
import { getChanges } from '../ExactOnline/entity/changes';
import { andFilters, isGuid, odataDateTime, odataGuid, odataNumber, odataString } from '../ExactOnline/odata';
import { exactGetAll } from '../ExactOnline/transport';
import type { ItemOperation } from '../shared/router';

interface ReadOptions {
	extraFields?: string;
	output?: 'clean' | 'raw';
	includeLines?: boolean;
}

async function accountId(this: IExecuteFunctions, value: string, itemIndex: number): Promise<string> {
	return isGuid(value) ? value : String((await findRecord.call(this, ACCOUNT, value, 'ID', itemIndex)).ID);
}

async function linesOf(this: IExecuteFunctions, invoiceId: string, itemIndex: number): Promise<IDataObject[]> {
	return await exactGetAll.call(this, {
		path: SALES_INVOICE_LINE.path,
		query: { $select: selectFor(SALES_INVOICE_LINE), $filter: `InvoiceID eq ${odataGuid(invoiceId)}`, $orderby: 'LineNumber' },
		itemIndex,
	});
}

const get: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
	const value = String(this.getNodeParameter('invoice', itemIndex)).trim();
	const invoice = await findRecord.call(this, SALES_INVOICE, value, selectFor(SALES_INVOICE, splitFields(options.extraFields)), itemIndex);
	const withLines =
		options.includeLines === false
			? invoice
			: { ...invoice, SalesInvoiceLines: await linesOf.call(this, String(invoice.InvoiceID), itemIndex) };
	return shape([withLines], options.output);
};

interface InvoiceFilters {
	dateFrom?: string;
	dateTo?: string;
	status?: string;
	yourRef?: string;
}

async function invoiceFilter(this: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as InvoiceFilters;
	const account = String(this.getNodeParameter('account', itemIndex, '', { extractValue: true }) ?? '').trim();
	return andFilters(
		account ? `InvoiceTo eq ${odataGuid(await accountId.call(this, account, itemIndex))}` : undefined,
		filters.status && filters.status !== 'any' ? `Status eq ${odataNumber(Number(filters.status))}` : undefined,
		filters.yourRef ? `YourRef eq ${odataString(filters.yourRef)}` : undefined,
		filters.dateFrom ? `InvoiceDate ge ${odataDateTime(filters.dateFrom)}` : undefined,
		filters.dateTo ? `InvoiceDate le ${odataDateTime(filters.dateTo)}` : undefined,
	);
}

interface LineInput {
	item?: string;
	quantity?: number;
	unitPrice?: number;
	description?: string;
	vatCode?: string;
}

/** Invoice lines with item codes turned into IDs; unknown codes stop the item before anything is written. */
export async function resolveLines(this: IExecuteFunctions, lines: LineInput[], itemIndex: number): Promise<IDataObject[]> {
	const codes = lines.map((line) => String(line.item ?? '').trim()).filter((code) => code && !isGuid(code));
	const found = await lookupByCodes.call(this, ITEM, codes, ['Description'], itemIndex);
	const unknown = codes.filter((code) => !found.get(code));
	if (unknown.length) {
		throw new NodeOperationError(this.getNode(), `Item ${unknown.map((c) => `"${c}"`).join(', ')} not found in Exact`, {
			itemIndex,
			description: 'Create the item in Exact or correct the code; nothing was written',
		});
	}
	return lines.map((line) => {
		const code = String(line.item ?? '').trim();
		if (!code) {
			throw new NodeOperationError(this.getNode(), 'A line has no item', { itemIndex, description: 'Every invoice line needs an item code or ID' });
		}
		return toBody({
			Item: isGuid(code) ? code : String(found.get(code)?.ID),
			Quantity: line.quantity ?? 1,
			UnitPrice: line.unitPrice || undefined,
			Description: line.description,
			VATCode: line.vatCode,
		});
	});
}

const createWithLines: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const invoiceTo = await accountId.call(this, locatorValue.call(this, 'invoiceTo', itemIndex), itemIndex);
	const lines = (this.getNodeParameter('lines', itemIndex, {}) as { line?: LineInput[] }).line ?? [];
	if (lines.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The invoice has no lines', { itemIndex, description: 'Add at least one line' });
	}
	const additional = toBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, ['InvoiceDate']);
	const body: IDataObject = {
		InvoiceTo: invoiceTo,
		OrderedBy: invoiceTo,
		Journal: this.getNodeParameter('journal', itemIndex) as string,
		...additional,
		SalesInvoiceLines: await resolveLines.call(this, lines, itemIndex),
	};
	return shape([await createRecord.call(this, SALES_INVOICE, body, itemIndex)], 'clean');
};

/** The sync endpoint answers one row per invoice line; we hand out one item per invoice with its lines. */
const HEADER_FIELDS = SALES_INVOICE.fields;
const LINE_FIELDS = ['ID', 'LineNumber', 'Item', 'ItemCode', 'ItemDescription', 'Quantity', 'UnitPrice', 'NetPrice', 'VATCode', 'VATPercentage', 'GLAccount'];

export function groupInvoiceRows(rows: IDataObject[]): IDataObject[] {
	const invoices = new Map<string, IDataObject>();
	const result: IDataObject[] = [];
	for (const row of rows) {
		if (row.changeType === 'deleted') {
			result.push(row);
			continue;
		}
		const id = String(row.InvoiceID);
		let invoice = invoices.get(id);
		if (!invoice) {
			invoice = { changeType: 'changed', SalesInvoiceLines: [] };
			for (const field of [...HEADER_FIELDS, 'Timestamp']) if (field in row) invoice[field] = row[field];
			invoices.set(id, invoice);
			result.push(invoice);
		}
		invoice.Timestamp = row.Timestamp;
		const line: IDataObject = {};
		for (const field of LINE_FIELDS) if (field in row) line[field] = row[field];
		(invoice.SalesInvoiceLines as IDataObject[]).push(line);
	}
	return result;
}

const getInvoiceChanges: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	if (itemIndex > 0) return [];
	const options = this.getNodeParameter('changesOptions', itemIndex, {}) as ReadOptions & {
		confirmLater?: boolean;
		includeDeleted?: boolean;
		startOver?: boolean;
	};
	const rows = await getChanges.call(this, SALES_INVOICE, {
		select: [...new Set([...HEADER_FIELDS, ...LINE_FIELDS, ...splitFields(options.extraFields)])],
		syncName: this.getNodeParameter('syncName', itemIndex, 'default') as string,
		includeDeleted: options.includeDeleted !== false,
		confirmLater: options.confirmLater === true,
		startOver: options.startOver === true,
		staticData: this.getWorkflowStaticData('global'),
		itemIndex,
	});
	return shape(groupInvoiceRows(rows), options.output);
};

export const operations: Record<string, ItemOperation> = {
	get,
	getMany: async function (this: IExecuteFunctions, itemIndex: number) {
		const filter = await invoiceFilter.call(this, itemIndex);
		return await getManyOperation(SALES_INVOICE, () => filter, 'InvoiceDate desc').call(this, itemIndex);
	},
	create: createWithLines,
	getChanges: getInvoiceChanges,
	confirmChanges: confirmChangesOperation(SALES_INVOICE),
};
