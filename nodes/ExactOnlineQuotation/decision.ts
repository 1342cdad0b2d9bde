/**
 * Accept and Reject: Exact's function endpoints crm/AcceptQuotation and crm/RejectQuotation. The quotation is
 * read first (it also turns a number into the ID): one already accepted is reported as such without asking Exact
 * again (Exact would refuse it, and ten refusals an hour block the endpoint), so running a flow twice is safe.
 * Accept can have Exact make the sales order from the quotation (Action 1); the order is then read back, found
 * by the number in Exact's answer, else by its reference and account.
 */
import { type IDataObject, type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';
import type { ItemOperation } from '../shared/router';
import { QUOTATION, SALES_ORDER } from '../ExactOnlineApi/entity/definitions';
import { selectFor } from '../ExactOnlineApi/entity/recordAccess';
import { documentInput, QUOTATION_DOC } from '../ExactOnlineApi/entity/salesDocuments';
import { findRecord } from '../ExactOnlineApi/operations/locate';
import { shape } from '../ExactOnlineApi/operations/output';
import { andFilters, odataGuid, odataNumber, odataString } from '../ExactOnlineApi/odata';
import { exactGetAll, exactRequest, readList } from '../ExactOnlineApi/transport';

export const QUOTATION_STATUS = {
	rejected: 5,
	closed: 6,
	draft: 20,
	open: 25,
	processing: 35,
	printed: 40,
	accepted: 50,
} as const;

const ACTION_NONE = 0;
const ACTION_CREATE_SALES_ORDER = 1;

interface AcceptOptions {
	createSalesOrder?: boolean;
	orderReference?: string;
}

/** The sales order Exact made on acceptance, or null when none is found. */
async function findCreatedOrder(
	this: IExecuteFunctions,
	quotation: IDataObject,
	reference: string | undefined,
	successMessage: unknown,
	itemIndex: number,
): Promise<IDataObject | null> {
	const number = /(\d+)/.exec(String(successMessage ?? ''))?.[1];
	const filter = number
		? `OrderNumber eq ${odataNumber(Number(number))}`
		: reference
			? andFilters(`YourRef eq ${odataString(reference)}`, `OrderedBy eq ${odataGuid(String(quotation.OrderAccount))}`)
			: undefined;
	if (!filter) return null;
	const [order] = await exactGetAll.call(this, {
		path: SALES_ORDER.path,
		query: { $select: 'OrderID,OrderNumber,YourRef,OrderedBy,Status,StatusDescription,AmountDC', $filter: filter, $orderby: 'OrderNumber desc' },
		limit: 1,
		itemIndex,
	});
	return order ?? null;
}

async function readQuotation(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await findRecord.call(
		this,
		QUOTATION,
		documentInput.call(this, QUOTATION_DOC, 'quotation', itemIndex),
		selectFor(QUOTATION, [], ['QuotationID', 'QuotationNumber', 'OrderAccount', 'YourRef', 'Status', 'StatusDescription']),
		itemIndex,
	);
}

function refuse(this: IExecuteFunctions, message: string, description: string, itemIndex: number): never {
	throw new NodeOperationError(this.getNode(), message, { itemIndex, description });
}

/** crm/AcceptQuotation with this body; Exact's answer, or an error with Exact's reason. */
export async function postAccept(this: IExecuteFunctions, body: IDataObject, number: unknown, itemIndex: number): Promise<IDataObject> {
	const response = await exactRequest.call(this, { method: 'POST', path: 'crm/AcceptQuotation', body, itemIndex });
	const answer = readList(response.body).records[0] ?? {};
	if (answer.ErrorMessage) refuse.call(this, `Exact did not accept quotation ${String(number)}: ${String(answer.ErrorMessage)}`, 'Check the quotation in Exact', itemIndex);
	return answer;
}

export const accept: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const options = this.getNodeParameter('acceptOptions', itemIndex, {}) as AcceptOptions;
	const quotation = await readQuotation.call(this, itemIndex);
	const status = Number(quotation.Status);
	const number = quotation.QuotationNumber;
	if (status === QUOTATION_STATUS.rejected || status === QUOTATION_STATUS.closed) {
		refuse.call(this, `Quotation ${number} is ${String(quotation.StatusDescription ?? 'closed').toLowerCase()} and can't be accepted`, 'Only an open or draft quotation can be accepted; make a new version in Exact', itemIndex);
	}
	const reference = options.orderReference?.trim() || (quotation.YourRef ? String(quotation.YourRef) : undefined);
	const result: IDataObject = { QuotationID: quotation.QuotationID, QuotationNumber: number };
	if (status === QUOTATION_STATUS.accepted) {
		// Accepted before (by a user, or a run whose answer was lost): report it, with the order made then if asked.
		result.outcome = 'alreadyAccepted';
		if (options.createSalesOrder) result.SalesOrder = await findCreatedOrder.call(this, quotation, reference, undefined, itemIndex);
		return shape([result], 'clean');
	}
	const body: IDataObject = {
		QuotationID: quotation.QuotationID,
		Action: options.createSalesOrder ? ACTION_CREATE_SALES_ORDER : ACTION_NONE,
		...(options.createSalesOrder && reference ? { YourRef: reference } : {}),
	};
	const answer = await postAccept.call(this, body, number, itemIndex);
	result.outcome = 'accepted';
	result.message = answer.SuccessMessage ?? null;
	if (options.createSalesOrder) {
		result.SalesOrder = await findCreatedOrder.call(this, quotation, reference, answer.SalesOrderSuccess, itemIndex);
	}
	return shape([result], 'clean');
};

export const reject: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const quotation = await readQuotation.call(this, itemIndex);
	const status = Number(quotation.Status);
	const number = quotation.QuotationNumber;
	const result: IDataObject = { QuotationID: quotation.QuotationID, QuotationNumber: number };
	if (status === QUOTATION_STATUS.accepted || status === QUOTATION_STATUS.closed) {
		refuse.call(this, `Quotation ${number} is ${String(quotation.StatusDescription ?? 'closed').toLowerCase()} and can't be rejected`, 'Only an open or draft quotation can be rejected', itemIndex);
	}
	if (status === QUOTATION_STATUS.rejected) return [{ ...result, outcome: 'alreadyRejected' }];
	const response = await exactRequest.call(this, { method: 'POST', path: 'crm/RejectQuotation', body: { QuotationID: quotation.QuotationID }, itemIndex });
	const answer = readList(response.body).records[0] ?? {};
	if (answer.ErrorMessage) refuse.call(this, `Exact did not reject quotation ${number}: ${String(answer.ErrorMessage)}`, 'Check the quotation in Exact', itemIndex);
	return [{ ...result, outcome: 'rejected', message: answer.SuccessMessage ?? null }];
};
