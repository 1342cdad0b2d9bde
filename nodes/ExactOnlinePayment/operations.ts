import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { ACCOUNT, PAYMENT_CONDITION, PAYMENT_TERM } from '../ExactOnlineApi/entity/definitions';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { getChangesOperation } from '../ExactOnlineApi/operations/getChanges';
import { getManyOperation } from '../ExactOnlineApi/operations/getMany';
import { keyOf, locatorInput } from '../ExactOnlineApi/operations/locate';
import { shape, splitFields, type ReadOptions } from '../ExactOnlineApi/operations/output';
import { createOperation, toBody } from '../ExactOnlineApi/operations/write';
import { andFilters, odataGuid, odataNumber, odataString } from '../ExactOnlineApi/odata';
import { exactGetAll } from '../ExactOnlineApi/transport';
import type { ItemOperation, Operation } from '../shared/router';
import { customerBalanceOperations } from './customerBalances';

const RECEIVABLE_FIELDS = ['Id', 'AccountId', 'AccountCode', 'AccountName', 'InvoiceNumber', 'InvoiceDate', 'DueDate', 'Amount', 'AmountInTransit', 'CurrencyCode', 'Description', 'YourRef', 'EntryNumber'];

interface ReceivableFilters {
	invoiceNumber?: number | string;
	yourRef?: string;
}

/** A positive whole number, from a number field or an expression that gave a string; else undefined. */
function invoiceNumberOf(value: unknown): number | undefined {
	const number = typeof value === 'number' ? value : Number(String(value ?? '').trim());
	return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** Open items (read/financial/ReceivablesList): what customers still owe, with the open amount. */
const getReceivables: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as ReceivableFilters;
	const account = locatorInput.call(this, 'account', itemIndex, { required: false, what: 'account' });
	const accountId = account ? await keyOf.call(this, ACCOUNT, account, itemIndex) : undefined;
	const invoiceNumber = invoiceNumberOf(filters.invoiceNumber);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const records = await exactGetAll.call(this, {
		path: 'read/financial/ReceivablesList',
		query: {
			$select: [...new Set([...RECEIVABLE_FIELDS, ...splitFields(options.extraFields)])].join(','),
			$filter: andFilters(
				accountId ? `AccountId eq ${odataGuid(accountId)}` : undefined,
				invoiceNumber ? `InvoiceNumber eq ${odataNumber(invoiceNumber)}` : undefined,
				filters.yourRef?.trim() ? `YourRef eq ${odataString(filters.yourRef.trim())}` : undefined,
			),
		},
		limit: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number),
		itemIndex,
	});
	return shape(records, options.output);
};

/** TransactionAmountDC is the invoice amount, AmountDC what is still to be paid on that payment term. */
const STATUS_FIELDS = ['InvoiceNumber', 'AccountCode', 'AccountName', 'TransactionAmountDC', 'AmountDC', 'IsFullyPaid', 'LastPaymentDate', 'DueDate', 'InvoiceDate', 'YourRef', 'Status'];

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Paid or not, from the payment terms of the invoice (cashflow/Receivables): one call per invoice. */
const getPaymentStatus: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const raw = this.getNodeParameter('invoiceNumber', itemIndex) as unknown;
	const invoiceNumber = invoiceNumberOf(raw);
	if (invoiceNumber === undefined) {
		throw new NodeOperationError(this.getNode(), `'${String(raw)}' is not an invoice number`, {
			itemIndex,
			description: 'Enter the Exact sales invoice number, a whole number such as 25700005',
		});
	}
	const terms = shape(
		await exactGetAll.call(this, {
			path: 'cashflow/Receivables',
			query: { $select: STATUS_FIELDS.join(','), $filter: `InvoiceNumber eq ${odataNumber(invoiceNumber)}` },
			itemIndex,
		}),
		'clean',
	);
	if (terms.length === 0) {
		// Exact makes a receivable when an invoice is processed; a draft or unknown invoice has none.
		return [{ invoiceNumber, found: false, isFullyPaid: null, amount: null, openAmount: null, paidAmount: null }];
	}
	const amount = round2(terms.reduce((sum, term) => sum + Number(term.TransactionAmountDC ?? term.AmountDC ?? 0), 0));
	const openAmount = round2(terms.filter((term) => term.IsFullyPaid !== true).reduce((sum, term) => sum + Number(term.AmountDC ?? 0), 0));
	const lastPayment = terms.map((term) => term.LastPaymentDate as string | null).filter(Boolean).sort().at(-1) ?? null;
	return [
		{
			invoiceNumber,
			found: true,
			isFullyPaid: terms.every((term) => term.IsFullyPaid === true),
			amount,
			openAmount,
			paidAmount: round2(amount - openAmount),
			lastPaymentDate: lastPayment,
			dueDate: terms[0].DueDate ?? null,
			invoiceDate: terms[0].InvoiceDate ?? null,
			accountCode: terms[0].AccountCode ?? null,
			accountName: terms[0].AccountName ?? null,
			yourRef: terms[0].YourRef ?? null,
		} as IDataObject,
	];
};

export const operations: Record<string, Record<string, Operation>> = {
	paymentCondition: {
		getMany: getManyOperation(PAYMENT_CONDITION, () => undefined, 'Code'),
		create: createOperation(PAYMENT_CONDITION, function (itemIndex) {
			return toBody({
				Code: this.getNodeParameter('code', itemIndex) as string,
				Description: this.getNodeParameter('description', itemIndex) as string,
				...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			});
		}),
	},
	customerBalance: customerBalanceOperations,
	receivable: { getMany: getReceivables },
	paymentStatus: {
		get: getPaymentStatus,
		getChanges: getChangesOperation(PAYMENT_TERM),
		confirmChanges: confirmChangesOperation(PAYMENT_TERM),
	},
};
