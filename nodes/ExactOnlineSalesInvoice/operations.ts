import { exportWorkOrders } from '../ExactOnlineApi/export/createFromWorkOrder';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { ACCOUNT, SALES_INVOICE } from '../ExactOnlineApi/entity/definitions';
import { resolvePaymentCondition } from '../ExactOnlineApi/entity/paymentConditions';
import { SALES_INVOICE_DOC } from '../ExactOnlineApi/entity/salesDocuments';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { getDocumentOperation } from '../ExactOnlineApi/operations/getDocument';
import { getManyOperation } from '../ExactOnlineApi/operations/getMany';
import { keyOf, locatorInput, type LocatorInput } from '../ExactOnlineApi/operations/locate';
import { type ChangesParameters, changesSettings } from '../ExactOnlineApi/operations/getChanges';
import { shape, splitFields } from '../ExactOnlineApi/operations/output';
import { toBody } from '../ExactOnlineApi/operations/write';
import { createDocumentOperation } from '../ExactOnlineApi/operations/writeDocument';
import { getChanges } from '../ExactOnlineApi/entity/changes';
import { groupInvoiceRows, INVOICE_SYNC_FIELDS } from '../ExactOnlineApi/entity/invoiceRows';
import { andFilters, odataDateTime, odataGuid, odataNumber, odataString } from '../ExactOnlineApi/odata';
import { oncePerRun, type Operation } from '../shared/router';

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

const createWithLines = createDocumentOperation(SALES_INVOICE_DOC, async function (itemIndex) {
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
	return {
		InvoiceTo: invoiceTo,
		OrderedBy: invoiceTo,
		Journal: this.getNodeParameter('journal', itemIndex) as string,
		...additional,
	};
});

/** Read once per run, however many items come in. */
const getInvoiceChanges = oncePerRun(async function (this: IExecuteFunctions) {
	const itemIndex = 0;
	const options = this.getNodeParameter('changesOptions', itemIndex, {}) as ChangesParameters;
	const extra = splitFields(options.extraFields);
	const rows = await getChanges.call(this, SALES_INVOICE, {
		select: [...INVOICE_SYNC_FIELDS, ...extra],
		...changesSettings.call(this, options, itemIndex),
	});
	return shape(groupInvoiceRows(rows, extra), options.output);
});

export const operations: Record<string, Operation> = {
	get: getDocumentOperation(SALES_INVOICE_DOC, 'invoice'),
	getMany: getManyOperation(SALES_INVOICE, invoiceFilter, 'InvoiceDate desc'),
	create: createWithLines,
	createFromWorkOrder: { batch: exportWorkOrders },
	getChanges: getInvoiceChanges,
	confirmChanges: confirmChangesOperation(SALES_INVOICE),
};
