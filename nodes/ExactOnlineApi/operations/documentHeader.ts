/**
 * What the sales document nodes (orders, quotations, invoices) do alike with the header: the Get Many filters
 * they share (account, status, your reference, description, a date window), and Create / Update of a header
 * made out to one account, with dates in Dutch time and the payment condition as its code.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { ItemOperation } from '../../shared/router';
import { ACCOUNT } from '../entity/definitions';
import { resolvePaymentCondition } from '../entity/paymentConditions';
import type { SalesDocument } from '../entity/salesDocuments';
import { odataContains, odataDateTime, odataGuid, odataNumber, odataString } from '../odata';
import { keyOf, locatorInput, type LocatorInput } from './locate';
import { toBody } from './write';
import { createDocumentOperation, updateDocumentOperation } from './writeDocument';

export interface DocumentFilters {
	dateFrom?: string;
	dateTo?: string;
	descriptionContains?: string;
	status?: string;
	yourRef?: string;
}

/** `field eq 12` for a chosen status code; nothing for "any". */
export function statusIs(field: string, value: string | undefined): string | undefined {
	return value && value !== 'any' ? `${field} eq ${odataNumber(Number(value))}` : undefined;
}

/**
 * The shared filters as OData conditions: the `account` locator on `accountField` (a code costs one look-up), the
 * status, your reference, description contains, and `dateField` from/to.
 */
export async function documentFilterConditions(
	this: IExecuteFunctions,
	fields: { account: string; date: string },
	filters: DocumentFilters,
	itemIndex: number,
): Promise<Array<string | undefined>> {
	const account = locatorInput.call(this, 'account', itemIndex, { required: false, what: 'account' });
	return [
		account ? `${fields.account} eq ${odataGuid(await keyOf.call(this, ACCOUNT, account, itemIndex))}` : undefined,
		statusIs('Status', filters.status),
		filters.yourRef?.trim() ? `YourRef eq ${odataString(filters.yourRef.trim())}` : undefined,
		filters.descriptionContains ? odataContains('Description', filters.descriptionContains) : undefined,
		filters.dateFrom ? `${fields.date} ge ${odataDateTime(filters.dateFrom)}` : undefined,
		filters.dateTo ? `${fields.date} le ${odataDateTime(filters.dateTo)}` : undefined,
	];
}

/** Header fields from a fields collection: dates in Dutch time, the payment condition locator as its code. */
export async function headerBody(this: IExecuteFunctions, fields: IDataObject, dateFields: string[], itemIndex: number): Promise<IDataObject> {
	return await resolvePaymentCondition.call(this, toBody(fields, dateFields), 'PaymentCondition', itemIndex);
}

export interface AccountHeaderSpec {
	/** The node's number-or-ID parameter (Update). */
	parameter: string;
	/** The node's account locator on Create, and the header field it fills (OrderedBy, OrderAccount). */
	accountParameter: string;
	accountField: string;
	dateFields: string[];
}

/** Create (account + Additional Fields + Lines) and Update (Update Fields + line changes) of a document. */
export function accountHeaderOperations(doc: SalesDocument, spec: AccountHeaderSpec): { create: ItemOperation; update: ItemOperation } {
	return {
		create: createDocumentOperation(doc, async function (itemIndex) {
			const input = locatorInput.call(this, spec.accountParameter, itemIndex, { what: 'account' }) as LocatorInput;
			const account = await keyOf.call(this, ACCOUNT, input, itemIndex);
			const additional = await headerBody.call(this, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, spec.dateFields, itemIndex);
			return { [spec.accountField]: account, ...additional };
		}),
		update: updateDocumentOperation(doc, spec.parameter, async function (itemIndex) {
			return await headerBody.call(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, spec.dateFields, itemIndex);
		}),
	};
}
