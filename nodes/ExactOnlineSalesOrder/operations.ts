import type { IExecuteFunctions } from 'n8n-workflow';
import { SALES_ORDER } from '../ExactOnlineApi/entity/definitions';
import { SALES_ORDER_DOC } from '../ExactOnlineApi/entity/salesDocuments';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { accountHeaderOperations, documentFilterConditions, type DocumentFilters, statusIs } from '../ExactOnlineApi/operations/documentHeader';
import { getDocumentOperation, getManyDocumentsOperation } from '../ExactOnlineApi/operations/getDocument';
import { getDocumentChangesOperation } from '../ExactOnlineApi/operations/getDocumentChanges';
import { andFilters, odataDateTime } from '../ExactOnlineApi/odata';
import type { Operation } from '../shared/router';
import { returnWorkOrdersToOrders } from '../ExactOnlineApi/export/returnToOrder';
import { DATE_FIELDS } from './description';

interface OrderFilters extends DocumentFilters {
	deliveryDateFrom?: string;
	deliveryDateTo?: string;
	deliveryStatus?: string;
	invoiceStatus?: string;
}

/** The Get Many filters as OData: the shared ones plus delivery and invoice status and a delivery date window. */
async function orderFilter(this: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as OrderFilters;
	return andFilters(
		...(await documentFilterConditions.call(this, { account: 'OrderedBy', date: 'OrderDate' }, filters, itemIndex)),
		statusIs('DeliveryStatus', filters.deliveryStatus),
		statusIs('InvoiceStatus', filters.invoiceStatus),
		filters.deliveryDateFrom ? `DeliveryDate ge ${odataDateTime(filters.deliveryDateFrom)}` : undefined,
		filters.deliveryDateTo ? `DeliveryDate le ${odataDateTime(filters.deliveryDateTo)}` : undefined,
	);
}

export const operations: Record<string, Operation> = {
	get: getDocumentOperation(SALES_ORDER_DOC, 'order'),
	getMany: getManyDocumentsOperation(SALES_ORDER_DOC, orderFilter, 'OrderNumber desc'),
	...accountHeaderOperations(SALES_ORDER_DOC, { parameter: 'order', accountParameter: 'orderedBy', accountField: 'OrderedBy', dateFields: DATE_FIELDS }),
	getChanges: getDocumentChangesOperation(SALES_ORDER_DOC),
	confirmChanges: confirmChangesOperation(SALES_ORDER),
	updateFromWorkOrder: { batch: returnWorkOrdersToOrders },
};
