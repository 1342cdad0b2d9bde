import { exportWorkOrders } from '../ExactOnlineApi/export/createFromWorkOrder';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { ACCOUNT, ITEM, SALES_INVOICE, SALES_INVOICE_LINE } from '../ExactOnlineApi/entity/definitions';
import { lookupByCodes } from '../ExactOnlineApi/entity/lookups';
import { createRecord, selectFor } from '../ExactOnlineApi/entity/recordAccess';
import { resolvePaymentCondition } from '../ExactOnlineApi/entity/paymentConditions';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { getManyOperation } from '../ExactOnlineApi/operations/getMany';
import { administration, findRecord, keyOf, locatorInput, type LocatorInput } from '../ExactOnlineApi/operations/locate';
import { pick, shape, splitFields, type ReadOptions } from '../ExactOnlineApi/operations/output';
import { createdOutput, toBody } from '../ExactOnlineApi/operations/write';
import { getChanges } from '../ExactOnlineApi/entity/changes';
import { groupInvoiceRows, INVOICE_SYNC_FIELDS } from '../ExactOnlineApi/entity/invoiceRows';
import { andFilters, isGuid, odataDateTime, odataGuid, odataNumber, odataString } from '../ExactOnlineApi/odata';
import { exactGetAll } from '../ExactOnlineApi/transport';
import { oncePerRun, type ItemOperation, type Operation, type RunScope } from '../shared/router';

interface InvoiceReadOptions extends ReadOptions {
	includeLines?: boolean;
}

async function linesOf(this: IExecuteFunctions, invoiceId: string, itemIndex: number): Promise<IDataObject[]> {
	return await exactGetAll.call(this, {
		path: SALES_INVOICE_LINE.path,
		query: { $select: selectFor(SALES_INVOICE_LINE), $filter: `InvoiceID eq ${odataGuid(invoiceId)}`, $orderby: 'LineNumber' },
		itemIndex,
	});
}

/** An invoice is found by its InvoiceID (a GUID) or its invoice number (digits). */
function invoiceInput(this: IExecuteFunctions, itemIndex: number): LocatorInput {
	const value = String(this.getNodeParameter('invoice', itemIndex, '') ?? '').trim();
	if (isGuid(value)) return { value, by: 'id' };
	if (/^\d+$/.test(value)) return { value, by: 'code' };
	throw new NodeOperationError(this.getNode(), `'${value}' is not an invoice number or ID`, {
		itemIndex,
		description: 'Enter the invoice number (digits, e.g. 25700001) or the InvoiceID (a GUID)',
	});
}

const get: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const options = this.getNodeParameter('options', itemIndex, {}) as InvoiceReadOptions;
	const invoice = await findRecord.call(
		this,
		SALES_INVOICE,
		invoiceInput.call(this, itemIndex),
		selectFor(SALES_INVOICE, splitFields(options.extraFields)),
		itemIndex,
	);
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
	const account = locatorInput.call(this, 'account', itemIndex, { required: false, what: 'account' });
	return andFilters(
		account ? `InvoiceTo eq ${odataGuid(await keyOf.call(this, ACCOUNT, account, itemIndex))}` : undefined,
		filters.status && filters.status !== 'any' ? `Status eq ${odataNumber(Number(filters.status))}` : undefined,
		filters.yourRef?.trim() ? `YourRef eq ${odataString(filters.yourRef.trim())}` : undefined,
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

/** What can be checked without Exact: there are lines, and each names an item. */
function checkLines(this: IExecuteFunctions, lines: LineInput[], itemIndex: number): void {
	if (lines.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The invoice has no lines', { itemIndex, description: 'Add at least one line' });
	}
	const empty = lines.findIndex((line) => !String(line.item ?? '').trim());
	if (empty !== -1) {
		throw new NodeOperationError(this.getNode(), `Line ${empty + 1} has no item`, {
			itemIndex,
			description: 'Every invoice line needs an item code or ID; nothing was written',
		});
	}
}

/** Invoice lines with item codes turned into IDs; unknown codes stop the item before anything is written. */
export async function resolveLines(this: IExecuteFunctions, lines: LineInput[], itemIndex: number, run: RunScope): Promise<IDataObject[]> {
	checkLines.call(this, lines, itemIndex);
	const codes = lines.map((line) => String(line.item).trim()).filter((code) => !isGuid(code));
	const found = await lookupByCodes.call(this, ITEM, codes, ['Description'], { cache: run.cache<IDataObject | null>(ITEM.path), itemIndex });
	const unknown = [...new Set(codes.filter((code) => !found.get(code)))];
	if (unknown.length) {
		const names = unknown.map((code) => `'${code}'`).join(', ');
		throw new NodeOperationError(
			this.getNode(),
			`Item ${names} not found in administration ${await administration.call(this)}`,
			{ itemIndex, description: 'Create the item in Exact or correct the code on the line; nothing was written' },
		);
	}
	return lines.map((line) => {
		const code = String(line.item).trim();
		return toBody({
			Item: isGuid(code) ? code : String(found.get(code)?.ID),
			Quantity: line.quantity ?? 1,
			UnitPrice: line.unitPrice || undefined,
			Description: line.description,
			VATCode: line.vatCode,
		});
	});
}

const createWithLines: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
	const lines = (this.getNodeParameter('lines', itemIndex, {}) as { line?: LineInput[] }).line ?? [];
	checkLines.call(this, lines, itemIndex);
	const invoiceTo = await keyOf.call(
		this,
		ACCOUNT,
		locatorInput.call(this, 'invoiceTo', itemIndex, { what: 'account' }) as LocatorInput,
		itemIndex,
	);
	const additional = await resolvePaymentCondition.call(
		this,
		toBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, ['InvoiceDate']),
		'PaymentCondition',
		itemIndex,
	);
	const body: IDataObject = {
		InvoiceTo: invoiceTo,
		OrderedBy: invoiceTo,
		Journal: this.getNodeParameter('journal', itemIndex) as string,
		...additional,
		SalesInvoiceLines: await resolveLines.call(this, lines, itemIndex, run),
	};
	const created = await createRecord.call(this, SALES_INVOICE, body, itemIndex);
	const output = createdOutput(SALES_INVOICE, created, options, ['SalesInvoiceLines']);
	if (options.output !== 'raw' && Array.isArray(output.SalesInvoiceLines)) {
		output.SalesInvoiceLines = (output.SalesInvoiceLines as IDataObject[]).map((line) => pick(line, SALES_INVOICE_LINE.fields));
	}
	return [output];
};

/** Read once per run, however many items come in. */
const getInvoiceChanges = oncePerRun(async function (this: IExecuteFunctions) {
	const itemIndex = 0;
	const options = this.getNodeParameter('changesOptions', itemIndex, {}) as ReadOptions & {
		confirmLater?: boolean;
		includeDeleted?: boolean;
		startOver?: boolean;
	};
	const extra = splitFields(options.extraFields);
	const rows = await getChanges.call(this, SALES_INVOICE, {
		select: [...INVOICE_SYNC_FIELDS, ...extra],
		syncName: this.getNodeParameter('syncName', itemIndex, 'default') as string,
		includeDeleted: options.includeDeleted !== false,
		confirmLater: options.confirmLater === true,
		startOver: options.startOver === true,
		staticData: this.getWorkflowStaticData('global'),
		itemIndex,
	});
	return shape(groupInvoiceRows(rows, extra), options.output);
});

export const operations: Record<string, Operation> = {
	get,
	getMany: getManyOperation(SALES_INVOICE, invoiceFilter, 'InvoiceDate desc'),
	create: createWithLines,
	createFromWorkOrder: { batch: exportWorkOrders },
	getChanges: getInvoiceChanges,
	confirmChanges: confirmChangesOperation(SALES_INVOICE),
};
