/**
 * Flow 3, Exact -> OutSmart: an accepted Exact quotation (as the Quotation node hands it out with its lines and
 * Include Accounts) -> work order OF-<quotation number>, mapped the way a sales order is (salesOrderWorkOrder):
 * customer from the delivery account, invoice customer from the invoice account, work date from the delivery date,
 * goods as planned materials at the quoted prices, hour items as planned time. Optional lines are left out: the
 * customer accepted the quotation, not its options (Exact leaves them off the sales order it makes, too).
 */
import type { IDataObject } from 'n8n-workflow';
import { truthy } from './values';
import { isOutSmartQuotationReference } from './outSmartQuotation';
import {
	type AccountFields,
	documentAccounts,
	documentToWorkOrder,
	type SalesOrderAccounts,
	type SalesOrderWorkOrderOptions,
	type WorkOrderFromSalesOrder,
} from './salesOrderWorkOrder';

/** Exact's status of an accepted quotation. */
export const QUOTATION_ACCEPTED = 50;

const QUOTATION_ACCOUNT_FIELDS: AccountFields = { orderedBy: 'OrderAccount', deliverTo: 'DeliveryAccount', invoiceTo: 'InvoiceAccount' };

export function quotationAccounts(quotation: IDataObject, contactName?: string): SalesOrderAccounts | undefined {
	return documentAccounts(quotation, QUOTATION_ACCOUNT_FIELDS, contactName);
}

/** Whether the quotation was made from an OutSmart quotation (flow 3's other direction): OutSmart plans that work itself. */
export function cameFromOutSmart(quotation: IDataObject): boolean {
	return isOutSmartQuotationReference(quotation.YourRef);
}

/** The quotation's lines without item code: made before Include Accounts added the codes. */
export function linesWithoutItemCode(quotation: IDataObject): number[] {
	const lines = (quotation.QuotationLines as IDataObject[] | undefined) ?? [];
	return lines.filter((line) => !line.ItemCode).map((line) => Number(line.LineNumber ?? 0));
}

export function quotationToWorkOrder(quotation: IDataObject, accounts: SalesOrderAccounts, options: SalesOrderWorkOrderOptions): WorkOrderFromSalesOrder {
	const lines = ((quotation.QuotationLines as IDataObject[] | undefined) ?? []).filter((line) => !truthy(line.Optional));
	return documentToWorkOrder(
		{
			origin: 'quotation',
			number: quotation.QuotationNumber,
			lines,
			workDate: quotation.DeliveryDate,
			description: quotation.Description,
			yourRef: quotation.YourRef,
			remarks: quotation.Remarks,
		},
		accounts,
		options,
	);
}
