import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { ACCOUNT, PAYMENT_CONDITION, PAYMENT_TERM } from '../ExactOnline/entity/definitions';
import {
	confirmChangesOperation,
	createOperation,
	findRecord,
	getChangesOperation,
	getManyOperation,
	shape,
	splitFields,
	toBody,
} from '../ExactOnline/entity/standardOperations';
import { isGuid, odataGuid, odataNumber } from '../ExactOnline/odata';
import { exactGetAll } from '../ExactOnline/transport';
import type { ItemOperation } from '../shared/router';

interface ReadOptions {
	extraFields?: string;
	output?: 'clean' | 'raw';
}

const RECEIVABLE_FIELDS = ['Id', 'AccountId', 'AccountCode', 'AccountName', 'InvoiceNumber', 'InvoiceDate', 'DueDate', 'Amount', 'AmountInTransit', 'CurrencyCode', 'Description', 'YourRef', 'EntryNumber'];

/** Open items (read/financial/ReceivablesList): what customers still owe, with the open amount. */
const getReceivables: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
	const account = String(this.getNodeParameter('account', itemIndex, '', { extractValue: true }) ?? '').trim();
	let accountId: string | undefined;
	if (account) {
		accountId = isGuid(account) ? account : String((await findRecord.call(this, ACCOUNT, account, 'ID', itemIndex)).ID);
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const records = await exactGetAll.call(this, {
		path: 'read/financial/ReceivablesList',
		query: {
			$select: [...RECEIVABLE_FIELDS, ...splitFields(options.extraFields)].join(','),
			$filter: accountId ? `AccountId eq ${odataGuid(accountId)}` : undefined,
		},
		limit: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number),
		itemIndex,
	});
	return shape(records, options.output);
};

const STATUS_FIELDS = ['InvoiceNumber', 'AccountCode', 'AccountName', 'AmountDC', 'IsFullyPaid', 'LastPaymentDate', 'DueDate', 'InvoiceDate', 'YourRef', 'Status'];

/** Paid or not, from the receivable lines of the invoice (cashflow/Receivables). */
const getPaymentStatus: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const invoiceNumber = this.getNodeParameter('invoiceNumber', itemIndex) as number;
	if (!Number.isInteger(invoiceNumber) || invoiceNumber <= 0) {
		throw new NodeOperationError(this.getNode(), `"${invoiceNumber}" is not an invoice number`, {
			itemIndex,
			description: 'Enter the Exact sales invoice number, a whole number such as 26100012',
		});
	}
	const lines = shape(
		await exactGetAll.call(this, {
			path: 'cashflow/Receivables',
			query: { $select: STATUS_FIELDS.join(','), $filter: `InvoiceNumber eq ${odataNumber(invoiceNumber)}` },
			itemIndex,
		}),
		'clean',
	);
	if (lines.length === 0) {
		return [{ invoiceNumber, found: false, isFullyPaid: null, openAmount: null }];
	}
	const total = lines.reduce((sum, line) => sum + Number(line.AmountDC ?? 0), 0);
	const open = lines.filter((line) => line.IsFullyPaid !== true).reduce((sum, line) => sum + Number(line.AmountDC ?? 0), 0);
	const lastPayment = lines.map((line) => line.LastPaymentDate as string | null).filter(Boolean).sort().at(-1) ?? null;
	return [
		{
			invoiceNumber,
			found: true,
			isFullyPaid: lines.every((line) => line.IsFullyPaid === true),
			amount: Math.round(total * 100) / 100,
			openAmount: Math.round(open * 100) / 100,
			lastPaymentDate: lastPayment,
			dueDate: lines[0].DueDate ?? null,
			accountCode: lines[0].AccountCode ?? null,
			accountName: lines[0].AccountName ?? null,
			yourRef: lines[0].YourRef ?? null,
		} as IDataObject,
	];
};

export const operations: Record<string, Record<string, ItemOperation>> = {
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
	receivable: { getMany: getReceivables },
	paymentStatus: {
		get: getPaymentStatus,
		getChanges: getChangesOperation(PAYMENT_TERM),
		confirmChanges: confirmChangesOperation(PAYMENT_TERM),
	},
};
