import { exportWorkOrders } from '../ExactOnlineApi/export/createFromWorkOrder';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { ACCOUNT, SALES_INVOICE } from '../ExactOnlineApi/entity/definitions';
import { SALES_INVOICE_DOC } from '../ExactOnlineApi/entity/salesDocuments';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { getDocumentOperation, getManyDocumentsOperation } from '../ExactOnlineApi/operations/getDocument';
import { keyOf, locatorInput, type LocatorInput } from '../ExactOnlineApi/operations/locate';
import { type ChangesParameters, changesSettings } from '../ExactOnlineApi/operations/getChanges';
import { shape, splitFields } from '../ExactOnlineApi/operations/output';
import { documentFilterConditions, type DocumentFilters, headerBody } from '../ExactOnlineApi/operations/documentHeader';
import { createDocumentOperation } from '../ExactOnlineApi/operations/writeDocument';
import { getChanges } from '../ExactOnlineApi/entity/changes';
import { groupInvoiceRows, INVOICE_SYNC_FIELDS } from '../ExactOnlineApi/entity/invoiceRows';
import { andFilters } from '../ExactOnlineApi/odata';
import { oncePerRun, type Operation } from '../shared/router';

/** The Get Many filters as OData: account (InvoiceTo), status, your reference, invoice date. */
async function invoiceFilter(this: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as DocumentFilters;
	return andFilters(...(await documentFilterConditions.call(this, { account: 'InvoiceTo', date: 'InvoiceDate' }, filters, itemIndex)));
}

const createWithLines = createDocumentOperation(SALES_INVOICE_DOC, async function (itemIndex) {
	const invoiceTo = await keyOf.call(
		this,
		ACCOUNT,
		locatorInput.call(this, 'invoiceTo', itemIndex, { what: 'account' }) as LocatorInput,
		itemIndex,
	);
	const additional = await headerBody.call(this, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, ['InvoiceDate'], itemIndex);
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
	getMany: getManyDocumentsOperation(SALES_INVOICE_DOC, invoiceFilter, 'InvoiceDate desc'),
	create: createWithLines,
	createFromWorkOrder: { batch: exportWorkOrders },
	getChanges: getInvoiceChanges,
	confirmChanges: confirmChangesOperation(SALES_INVOICE),
};
