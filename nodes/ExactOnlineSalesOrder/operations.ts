import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { ACCOUNT, SALES_ORDER } from '../ExactOnlineApi/entity/definitions';
import { resolvePaymentCondition } from '../ExactOnlineApi/entity/paymentConditions';
import { SALES_ORDER_DOC } from '../ExactOnlineApi/entity/salesDocuments';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { getDocumentOperation, getManyDocumentsOperation } from '../ExactOnlineApi/operations/getDocument';
import { getDocumentChangesOperation } from '../ExactOnlineApi/operations/getDocumentChanges';
import { keyOf, locatorInput, type LocatorInput } from '../ExactOnlineApi/operations/locate';
import { toBody } from '../ExactOnlineApi/operations/write';
import { createDocumentOperation, updateDocumentOperation } from '../ExactOnlineApi/operations/writeDocument';
import { andFilters, odataContains, odataDateTime, odataGuid, odataNumber, odataString } from '../ExactOnlineApi/odata';
import type { Operation } from '../shared/router';
import { DATE_FIELDS } from './description';

interface OrderFilters {
	dateFrom?: string;
	dateTo?: string;
	deliveryDateFrom?: string;
	deliveryDateTo?: string;
	deliveryStatus?: string;
	descriptionContains?: string;
	invoiceStatus?: string;
	status?: string;
	yourRef?: string;
}

const statusIs = (field: string, value: string | undefined) =>
	value && value !== 'any' ? `${field} eq ${odataNumber(Number(value))}` : undefined;

/** The Get Many filters as OData (the account given by code costs one look-up). */
async function orderFilter(this: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as OrderFilters;
	const account = locatorInput.call(this, 'account', itemIndex, { required: false, what: 'account' });
	return andFilters(
		account ? `OrderedBy eq ${odataGuid(await keyOf.call(this, ACCOUNT, account, itemIndex))}` : undefined,
		statusIs('Status', filters.status),
		statusIs('DeliveryStatus', filters.deliveryStatus),
		statusIs('InvoiceStatus', filters.invoiceStatus),
		filters.yourRef?.trim() ? `YourRef eq ${odataString(filters.yourRef.trim())}` : undefined,
		filters.descriptionContains ? odataContains('Description', filters.descriptionContains) : undefined,
		filters.dateFrom ? `OrderDate ge ${odataDateTime(filters.dateFrom)}` : undefined,
		filters.dateTo ? `OrderDate le ${odataDateTime(filters.dateTo)}` : undefined,
		filters.deliveryDateFrom ? `DeliveryDate ge ${odataDateTime(filters.deliveryDateFrom)}` : undefined,
		filters.deliveryDateTo ? `DeliveryDate le ${odataDateTime(filters.deliveryDateTo)}` : undefined,
	);
}

/** Header fields from a fields collection: dates in Dutch time, the payment condition as its code. */
async function headerBody(this: IExecuteFunctions, fields: IDataObject, itemIndex: number): Promise<IDataObject> {
	return await resolvePaymentCondition.call(this, toBody(fields, DATE_FIELDS), 'PaymentCondition', itemIndex);
}

export const operations: Record<string, Operation> = {
	get: getDocumentOperation(SALES_ORDER_DOC, 'order'),
	getMany: getManyDocumentsOperation(SALES_ORDER_DOC, orderFilter, 'OrderNumber desc'),
	create: createDocumentOperation(SALES_ORDER_DOC, async function (itemIndex) {
		const orderedBy = await keyOf.call(
			this,
			ACCOUNT,
			locatorInput.call(this, 'orderedBy', itemIndex, { what: 'account' }) as LocatorInput,
			itemIndex,
		);
		const additional = await headerBody.call(this, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, itemIndex);
		return { OrderedBy: orderedBy, ...additional };
	}),
	update: updateDocumentOperation(SALES_ORDER_DOC, 'order', async function (itemIndex) {
		return await headerBody.call(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	}),
	getChanges: getDocumentChangesOperation(SALES_ORDER_DOC),
	confirmChanges: confirmChangesOperation(SALES_ORDER),
};
