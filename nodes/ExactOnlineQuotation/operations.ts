import type { IExecuteFunctions } from 'n8n-workflow';
import { QUOTATION } from '../ExactOnlineApi/entity/definitions';
import { QUOTATION_DOC } from '../ExactOnlineApi/entity/salesDocuments';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { accountHeaderOperations, documentFilterConditions, type DocumentFilters } from '../ExactOnlineApi/operations/documentHeader';
import { getDocumentOperation, getManyDocumentsOperation } from '../ExactOnlineApi/operations/getDocument';
import { getDocumentChangesOperation } from '../ExactOnlineApi/operations/getDocumentChanges';
import { andFilters } from '../ExactOnlineApi/odata';
import type { Operation } from '../shared/router';
import { cameFromOutSmart } from '../mapping/quotationWorkOrder';
import { accept, reject } from './decision';
import { DATE_FIELDS } from './description';
import { createFromOutSmart } from './fromOutSmart';

/** The Get Many filters as OData: account (OrderAccount), status, your reference, description, quotation date. */
async function quotationFilter(this: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as DocumentFilters;
	return andFilters(...(await documentFilterConditions.call(this, { account: 'OrderAccount', date: 'QuotationDate' }, filters, itemIndex)));
}

export const operations: Record<string, Operation> = {
	get: getDocumentOperation(QUOTATION_DOC, 'quotation'),
	getMany: getManyDocumentsOperation(QUOTATION_DOC, quotationFilter, 'QuotationNumber desc'),
	...accountHeaderOperations(QUOTATION_DOC, { parameter: 'quotation', accountParameter: 'orderAccount', accountField: 'OrderAccount', dateFields: DATE_FIELDS }),
	accept,
	reject,
	createFromOutSmart,
	// Quotations this flow made from OutSmart ones come back in the stream; the work-order step skips them by Your Reference.
	getChanges: getDocumentChangesOperation(QUOTATION_DOC, { headerOnly: { option: 'outSmartHeaderOnly', test: cameFromOutSmart } }),
	confirmChanges: confirmChangesOperation(QUOTATION),
};
