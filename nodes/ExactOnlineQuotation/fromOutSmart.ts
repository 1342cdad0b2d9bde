/**
 * Create From OutSmart Quotation (flow 3, OutSmart -> Exact): each OutSmart quotation (as the OutSmart node reads
 * it) becomes an Exact quotation once, and is accepted in Exact when the customer accepted it in OutSmart.
 * The Exact quotation's Your Reference is "OutSmart <number>" (mapping/outSmartQuotation): the batch phase looks
 * all of them up first (one call per 20 quotations), so a re-run finds what an earlier run made and writes
 * nothing; an accepted quotation is never accepted twice. The accounts and items of the quotations to make are
 * looked up together too (one call per 20 codes). Then per quotation: the create (one write with its lines), the
 * accept (one write).
 */
import { type IDataObject, type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';
import { quotationFromOutSmart, type QuotationFromOutSmart } from '../mapping/outSmartQuotation';
import { type BatchOperation, RunScope, runPerItem } from '../shared/router';
import { ACCOUNT, ITEM, QUOTATION } from '../ExactOnlineApi/entity/definitions';
import { lookupByCodes } from '../ExactOnlineApi/entity/lookups';
import { createRecord } from '../ExactOnlineApi/entity/recordAccess';
import { itemIdsFor } from '../ExactOnlineApi/entity/salesDocuments';
import { administration } from '../ExactOnlineApi/operations/locate';
import { toBody } from '../ExactOnlineApi/operations/write';
import { odataString } from '../ExactOnlineApi/odata';
import { exactGetAnyOf } from '../ExactOnlineApi/transport';
import { postAccept, QUOTATION_STATUS } from './decision';

const FOUND_FIELDS = 'QuotationID,QuotationNumber,YourRef,Status,StatusDescription';

/** The OutSmart quotation of an input item (the OutSmart node's output), mapped. */
function inputQuotation(this: IExecuteFunctions, itemIndex: number): QuotationFromOutSmart {
	const raw = this.getNodeParameter('outSmartQuotation', itemIndex, {}) as unknown;
	const record = typeof raw === 'string' ? safeJson(raw) : raw;
	if (typeof record !== 'object' || record === null || Array.isArray(record) || !('quo_id' in record || 'quo_number_formatted' in record)) {
		throw new NodeOperationError(this.getNode(), 'OutSmart Quotation is not an OutSmart quotation', {
			itemIndex,
			description: 'Use {{ $json }} after the OutSmart node (Quotation → Get Many), so that the item has quo_number_formatted',
		});
	}
	return quotationFromOutSmart(record as IDataObject);
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Exact quotations made earlier from these OutSmart quotations, by Your Reference. */
async function findMade(this: IExecuteFunctions, references: string[]): Promise<Map<string, IDataObject>> {
	const found = await exactGetAnyOf.call(this, {
		path: QUOTATION.path,
		select: FOUND_FIELDS,
		values: [...new Set(references)],
		condition: (reference) => `YourRef eq ${odataString(reference)}`,
	});
	const byReference = new Map<string, IDataObject>();
	for (const quotation of found) if (!byReference.has(String(quotation.YourRef))) byReference.set(String(quotation.YourRef), quotation);
	return byReference;
}

/** The new Exact quotation's body: account and items by ID, OutSmart's prices and discounts. */
async function newQuotationBody(this: IExecuteFunctions, quotation: QuotationFromOutSmart, itemIndex: number, run: RunScope): Promise<IDataObject> {
	const accounts = await lookupByCodes.call(this, ACCOUNT, [quotation.accountCode], [], { cache: run.cache<IDataObject | null>(ACCOUNT.path), itemIndex });
	const account = accounts.get(quotation.accountCode);
	if (!account) {
		throw new NodeOperationError(this.getNode(), `Relation ${quotation.accountCode} of OutSmart quotation ${quotation.number} not found in administration ${await administration.call(this)}`, {
			itemIndex,
			description: 'Import the relation into Exact (or correct its debtor number in OutSmart); nothing was written',
		});
	}
	const itemIds = await itemIdsFor.call(this, quotation.lines.map((line) => line.itemCode), itemIndex, run);
	return toBody({
		OrderAccount: account.ID,
		YourRef: quotation.yourRef,
		Description: quotation.description,
		QuotationDate: quotation.quotationDate || undefined,
		QuotationLines: quotation.lines.map((line) =>
			toBody({
				Item: itemIds.get(line.itemCode),
				Quantity: line.quantity,
				UnitPrice: line.unitPrice,
				Discount: line.discount || undefined,
				Description: line.description || undefined,
			}),
		),
	});
}

/** Accepts the Exact quotation when OutSmart's is accepted; never twice, never a closed one. */
async function acceptIfAccepted(this: IExecuteFunctions, quotation: QuotationFromOutSmart, exact: IDataObject, itemIndex: number): Promise<string> {
	const status = Number(exact.Status);
	if (!quotation.accepted) return 'notAccepted';
	if (status === QUOTATION_STATUS.accepted) return 'alreadyAccepted';
	if (status === QUOTATION_STATUS.rejected || status === QUOTATION_STATUS.closed) {
		throw new NodeOperationError(this.getNode(), `OutSmart quotation ${quotation.number} is accepted, but Exact quotation ${String(exact.QuotationNumber)} is ${String(exact.StatusDescription ?? 'closed').toLowerCase()}`, {
			itemIndex,
			description: 'Make a new version of the quotation in Exact and accept it there, or correct the status in OutSmart',
		});
	}
	await postAccept.call(this, { QuotationID: exact.QuotationID, Action: 0 }, exact.QuotationNumber, itemIndex);
	return 'accepted';
}

export const createFromOutSmart: BatchOperation = {
	async batch(this: IExecuteFunctions) {
		// Batch phase: map every input, then one look-up per 20 references for what earlier runs made.
		const mapped = this.getInputData().map((_, itemIndex) => {
			try {
				return inputQuotation.call(this, itemIndex);
			} catch (error) {
				return error as Error;
			}
		});
		const usable = mapped.filter((q): q is QuotationFromOutSmart => !(q instanceof Error) && q.problems.length === 0);
		const made = await findMade.call(this, usable.map((q) => q.yourRef));
		// The accounts and items of the quotations to make, one call per 20 codes, for all items of the run.
		const run = new RunScope();
		const toMake = usable.filter((q) => !made.has(q.yourRef));
		await lookupByCodes.call(this, ACCOUNT, toMake.map((q) => q.accountCode), [], { cache: run.cache<IDataObject | null>(ACCOUNT.path) });
		await lookupByCodes.call(this, ITEM, toMake.flatMap((q) => q.lines.map((line) => line.itemCode)), ['Description'], { cache: run.cache<IDataObject | null>(ITEM.path) });

		return await runPerItem.call(this, async function (this: IExecuteFunctions, itemIndex: number) {
			const quotation = mapped[itemIndex];
			if (quotation instanceof Error) throw quotation;
			if (quotation.problems.length) {
				throw new NodeOperationError(this.getNode(), `OutSmart quotation ${quotation.number || '(no number)'} can't become an Exact quotation: ${quotation.problems.join('; ')}`, {
					itemIndex,
					description: 'Complete the quotation in OutSmart; nothing was written',
				});
			}
			let exact = made.get(quotation.yourRef);
			const outcome = exact ? 'exists' : 'created';
			if (!exact) {
				const created = await createRecord.call(this, QUOTATION, await newQuotationBody.call(this, quotation, itemIndex, run), itemIndex);
				exact = { QuotationID: created.QuotationID, QuotationNumber: created.QuotationNumber, Status: created.Status, StatusDescription: created.StatusDescription };
				made.set(quotation.yourRef, exact);
			}
			const acceptance = await acceptIfAccepted.call(this, quotation, exact, itemIndex);
			if (acceptance === 'accepted') exact.Status = QUOTATION_STATUS.accepted;
			return [
				{
					outcome,
					acceptance,
					OutSmartQuotationNumber: quotation.number,
					QuotationID: exact.QuotationID,
					QuotationNumber: exact.QuotationNumber,
					YourRef: quotation.yourRef,
				},
			];
		});
	},
};
