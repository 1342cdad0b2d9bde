import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { ACCOUNT } from '../ExactOnlineApi/entity/definitions';
import { createRecord } from '../ExactOnlineApi/entity/recordAccess';
import { SALES_ENTRY_DOC } from '../ExactOnlineApi/entity/salesDocuments';
import { bookOutSmartInvoices } from '../ExactOnlineApi/export/bookInvoices';
import { documentFilterConditions, type DocumentFilters, headerBody } from '../ExactOnlineApi/operations/documentHeader';
import { getDocumentOperation, getManyDocumentsOperation } from '../ExactOnlineApi/operations/getDocument';
import { keyOf, locatorInput, type LocatorInput } from '../ExactOnlineApi/operations/locate';
import { pick, type ReadOptions } from '../ExactOnlineApi/operations/output';
import { createdOutput, toBody } from '../ExactOnlineApi/operations/write';
import { andFilters, isGuid, odataString } from '../ExactOnlineApi/odata';
import type { ItemOperation, Operation } from '../shared/router';

interface EntryLineInput {
	glAccount?: string;
	amount?: number;
	vatCode?: string;
	description?: string;
}

/** Get Many's filters as OData: customer, your reference, journal, entry date. */
async function entryFilter(this: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as DocumentFilters & { journal?: string };
	const journal = filters.journal?.trim();
	return andFilters(
		...(await documentFilterConditions.call(this, { account: 'Customer', date: 'EntryDate' }, filters, itemIndex)),
		journal ? `Journal eq ${odataString(journal)}` : undefined,
	);
}

/** Each line needs a G/L account ID; checked before anything is sent. */
function entryLines(this: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const lines = (this.getNodeParameter('lines', itemIndex, {}) as { line?: EntryLineInput[] }).line ?? [];
	if (!lines.length) throw new NodeOperationError(this.getNode(), 'The entry has no lines', { itemIndex, description: 'Add at least one line' });
	const bad = lines.findIndex((line) => !isGuid(String(line.glAccount ?? '').trim()));
	if (bad !== -1) {
		throw new NodeOperationError(this.getNode(), `Line ${bad + 1} has no G/L account ID`, {
			itemIndex,
			description: 'Every line needs the ID (a GUID) of the revenue account it is booked on; nothing was written',
		});
	}
	return lines.map((line) => toBody({ GLAccount: String(line.glAccount).trim(), AmountFC: line.amount ?? 0, VATCode: line.vatCode, Description: line.description }));
}

const createEntry: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
	const lines = entryLines.call(this, itemIndex);
	const customer = await keyOf.call(this, ACCOUNT, locatorInput.call(this, 'customer', itemIndex, { what: 'customer' }) as LocatorInput, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (!additional.EntryNumber) delete additional.EntryNumber;
	const header = await headerBody.call(this, additional, ['EntryDate', 'DueDate'], itemIndex);
	const body: IDataObject = { Customer: customer, Journal: this.getNodeParameter('journal', itemIndex) as string, ...header, SalesEntryLines: lines };
	const created = await createRecord.call(this, SALES_ENTRY_DOC.header, body, itemIndex);
	const output = createdOutput(SALES_ENTRY_DOC.header, created, options, ['SalesEntryLines']);
	if (options.output !== 'raw' && Array.isArray(output.SalesEntryLines)) {
		output.SalesEntryLines = (output.SalesEntryLines as IDataObject[]).map((line) => pick(line, SALES_ENTRY_DOC.line.fields));
	}
	return [output];
};

export const operations: Record<string, Operation> = {
	get: getDocumentOperation(SALES_ENTRY_DOC, 'entry'),
	getMany: getManyDocumentsOperation(SALES_ENTRY_DOC, entryFilter, 'EntryDate desc'),
	create: createEntry,
	createFromOutSmartInvoice: { batch: bookOutSmartInvoices },
};
