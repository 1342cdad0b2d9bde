/**
 * OutSmart's own invoicing. Invoices are read as OutSmart sends them (the booking in Exact reads those fields).
 * Create From Exact Payment brings an invoice's balance in OutSmart up to what Exact says is paid: the invoice is
 * found by its formatted number (the entry's Your Reference), and the transaction is written only when OutSmart
 * shows less paid and no transaction with its external ID exists, so a payment is recorded once.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation, Operation } from '../../shared/router';
import { limitToMax } from '../../shared/descriptions';
import { withKeyLock } from '../../shared/keyedLock';
import { objectParameter } from '../../shared/objectParameter';
import { text } from '../../mapping/values';
import { externalPaymentId, paidInExact, paymentToTransaction } from '../../mapping/outSmartInvoice';
import { listRecords, outSmartRequest, type OutSmartRecordEndpoint } from '../../OutSmartApi/transport';
import { assertKnownFilterKeys, readFilters } from '../masterData/operations';

function getMany(endpoint: OutSmartRecordEndpoint): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const { records, messages } = await listRecords.call(this, endpoint, readFilters.call(this, itemIndex), { itemIndex });
		assertKnownFilterKeys.call(this, messages, itemIndex);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		return limitToMax(records, returnAll, this.getNodeParameter('limit', itemIndex, 50) as number);
	};
}

function paymentOf(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const payment = objectParameter.call(this, 'payment', itemIndex);
	if (!payment) {
		throw new NodeOperationError(this.getNode(), 'The Payment is not an Exact payment term', {
			itemIndex,
			description: 'Pass a payment term from Exact Online Payment → Invoice Payment Status, e.g. {{ $json }}',
		});
	}
	return payment;
}

const recordPayment: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const term = paymentOf.call(this, itemIndex);
	const reference = text(term.YourRef);
	const base = { invoiceNumber: reference || null, exactEntryNumber: term.InvoiceNumber ?? null, paidInExact: paidInExact(term) };
	if (!reference) return [{ ...base, status: 'notFromOutSmart' }];
	// Nothing paid yet (e.g. a term just booked): nothing to bring over, and no call to OutSmart.
	if (base.paidInExact <= 0) return [{ ...base, status: 'nothingPaid' }];
	// Two executions in this process that record the same invoice's payment take turns; the second reads the new balance.
	return await withKeyLock(`outsmart-invoice|${reference}`, async () => {
		const { records } = await listRecords.call(this, 'invoices', [{ key: 'inv_number_formatted', value: reference, operator: 'eq' }], { itemIndex });
		const invoice = records[0];
		if (!invoice) return [{ ...base, status: 'notFromOutSmart' }];
		const transaction = paymentToTransaction(term, invoice, this.getNodeParameter('registeredBy', itemIndex, 'Exact Online') as string);
		const summary = { ...base, outSmartInvoiceId: invoice.inv_id, balanceInOutSmart: Number(invoice.inv_balance ?? 0) };
		if (!transaction) return [{ ...summary, status: base.paidInExact > 0 ? 'alreadyRecorded' : 'nothingPaid' }];
		// A run that stopped after OutSmart stored the transaction, before it counted in the invoice's balance.
		const externalId = externalPaymentId(term, base.paidInExact);
		const existing = await listRecords.call(this, 'transactions', [{ key: 'int_external_transaction_id', value: externalId, operator: 'eq' }], { itemIndex });
		if (existing.records.length) return [{ ...summary, status: 'alreadyRecorded', transaction: existing.records[0] }];
		const stored = await outSmartRequest.call(this, { method: 'POST', endpoint: 'transactions', body: [transaction], itemIndex });
		return [{ ...summary, status: 'recorded', transaction: Array.isArray(stored) ? (stored[0] as IDataObject) : transaction }];
	});
};

export const invoiceOperations: Record<string, Operation> = { getMany: getMany('invoices') };
export const transactionOperations: Record<string, Operation> = { getMany: getMany('transactions'), createFromExactPayment: recordPayment };
