/**
 * Create From OutSmart Work Order: validate everything first (no call that Exact would refuse: Exact blocks an
 * endpoint after 10 errors an hour), look for an earlier export of the same work order, then write once. When
 * the answer to the write is lost, look again before trying a second time.
 */
import { NodeApiError, NodeOperationError, jsonParse, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { asNodeError } from '../../shared/nodeErrors';
import { cleanRecord } from '../records';
import { ACCOUNT, ITEM } from '../entity/definitions';
import { lookupByCodes } from '../entity/lookups';
import { exactRequest, readList, resolveDivision, exactBaseUrl, EXACT_CREDENTIAL_TYPE } from '../transport';
import { workOrderToDocument, type DocumentLine, type DocumentOptions, type HourRounding } from '../../mapping/workOrderDocument';
import { SALES_INVOICE_DOCUMENT, SALES_ORDER_DOCUMENT, type DocumentKind } from './documents';
import { findByReferences, rememberReference, withReferenceLock } from './references';

interface ExportParameters {
	descriptionTemplate?: string;
	fallbackHourItem?: string;
	hourLines?: DocumentOptions['hourLines'];
	hourRounding?: HourRounding;
	unknownMaterial?: 'error' | 'skip';
	useWorkOrderPrices?: boolean;
	descriptionLineItem?: string;
}

function workOrderOf(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const value = this.getNodeParameter('workOrder', itemIndex) as unknown;
	const parsed = typeof value === 'string' ? jsonParse<unknown>(value, { fallbackValue: undefined }) : value;
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(this.getNode(), 'The Work Order is not an OutSmart work order object', {
			itemIndex,
			description: 'Pass the work order from the OutSmart Trigger or the OutSmart node, e.g. {{ $json }}',
		});
	}
	return parsed as IDataObject;
}

function kindOf(this: IExecuteFunctions, itemIndex: number): DocumentKind {
	return this.getNodeParameter('documentType', itemIndex, 'salesInvoice') === 'salesOrder'
		? SALES_ORDER_DOCUMENT
		: SALES_INVOICE_DOCUMENT;
}

function optionsOf(this: IExecuteFunctions, itemIndex: number): ExportParameters & DocumentOptions {
	const raw = this.getNodeParameter('exportOptions', itemIndex, {}) as ExportParameters;
	return {
		...raw,
		hourRounding: Number(raw.hourRounding ?? 0) as HourRounding,
		hourLines: raw.hourLines ?? 'perHourType',
		useWorkOrderPrices: raw.useWorkOrderPrices !== false,
		descriptionTemplate: raw.descriptionTemplate ?? 'Werkbon {{WorkorderNo}}: {{TypeOfWork}}',
	};
}

/**
 * Before item 0: the whole run's references, then the accounts and items of the work orders not exported
 * yet, in a few batched calls (a re-run of exported work orders costs only the reference look-ups).
 */
async function prefetch(this: IExecuteFunctions): Promise<void> {
	const documents: Array<{ kind: DocumentKind; document: ReturnType<typeof workOrderToDocument> }> = [];
	for (let i = 0; i < this.getInputData().length; i++) {
		try {
			const document = workOrderToDocument(workOrderOf.call(this, i), optionsOf.call(this, i));
			if (!document.problems.length) documents.push({ kind: kindOf.call(this, i), document });
		} catch {
			// This item's own run reports what is wrong with it.
		}
	}
	const exported = new Set<string>();
	for (const kind of new Set(documents.map((d) => d.kind))) {
		const refs = documents.filter((d) => d.kind === kind).map((d) => d.document.workOrderNumber);
		for (const [ref, record] of await findByReferences.call(this, kind, refs)) if (record) exported.add(ref);
	}
	const pending = documents.filter((d) => !exported.has(d.document.workOrderNumber)).map((d) => d.document);
	await lookupByCodes.call(this, ACCOUNT, pending.map((d) => d.debtorNumber), ['Name']);
	await lookupByCodes.call(this, ITEM, pending.flatMap((d) => d.lines.map((line) => line.itemCode)), ['Description']);
}

function noAnswer(error: unknown): boolean {
	return error instanceof NodeApiError && (error.httpCode === null || error.httpCode === undefined);
}

export async function createFromWorkOrder(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	if (itemIndex === 0) await prefetch.call(this);
	const workOrder = workOrderOf.call(this, itemIndex);
	const options = optionsOf.call(this, itemIndex);
	const kind = kindOf.call(this, itemIndex);
	const document = workOrderToDocument(workOrder, options);
	const name = `work order ${document.workOrderNumber || '(no number)'}`;
	const refuse = (message: string, description: string) =>
		new NodeOperationError(this.getNode(), message, { itemIndex, description });

	if (document.problems.length) {
		throw refuse(`The ${name} cannot be exported: ${document.problems.join('; ')}`, 'Correct the work order in OutSmart, then run the export again');
	}
	const credentials = await this.getCredentials(EXACT_CREDENTIAL_TYPE, itemIndex);
	const division = await resolveDivision.call(this, exactBaseUrl(credentials), credentials);
	const exportedBefore = (await findByReferences.call(this, kind, [document.workOrderNumber], { itemIndex })).get(document.workOrderNumber);
	if (exportedBefore) {
		const record = cleanRecord(exportedBefore);
		return [{ workOrderNumber: document.workOrderNumber, status: 'alreadyExported', documentType: kind.label, [kind.key]: record[kind.key], [kind.numberField]: record[kind.numberField] ?? null, account: document.debtorNumber }];
	}

	const account = (await lookupByCodes.call(this, ACCOUNT, [document.debtorNumber], ['Name'], itemIndex)).get(document.debtorNumber);
	if (!account) {
		throw refuse(
			`Relation ${document.debtorNumber} on ${name} not found in Exact administration ${division}`,
			'Create the relation in Exact (or import it), or correct the debtor number in OutSmart; nothing was written',
		);
	}
	const items = await lookupByCodes.call(this, ITEM, document.lines.map((l) => l.itemCode), ['Description'], itemIndex);
	const unknown = document.lines.filter((line) => !items.get(line.itemCode));
	const unknownHours = unknown.filter((line) => line.source !== 'material');
	if (unknownHours.length || (unknown.length && options.unknownMaterial !== 'skip')) {
		const kindWord = (line: DocumentLine) => (line.source === 'material' ? 'Material' : line.source === 'hours' ? 'Hour type' : 'Text item');
		throw refuse(
			// A code on two lines (e.g. a material and its return) is named once.
			[...new Set(unknown.map((line) => `${kindWord(line)} ${line.itemCode} on ${name} not found in Exact administration ${division}`))].join('; '),
			'Create the item in Exact or correct the code in OutSmart; nothing was written',
		);
	}
	const lines = document.lines.filter((line) => items.get(line.itemCode));
	if (!lines.some((line) => line.source !== 'text')) {
		throw refuse(`Nothing is left to export on ${name}`, 'All its lines have materials unknown in Exact');
	}

	const body: IDataObject = {
		OrderedBy: account.ID,
		...(kind.needsJournal ? { InvoiceTo: account.ID, Journal: this.getNodeParameter('exportJournal', itemIndex) as string } : {}),
		YourRef: document.workOrderNumber,
		Description: document.description,
		[kind.linesField]: lines.map((line) => ({
			Item: items.get(line.itemCode)?.ID,
			Quantity: line.quantity,
			...(line.unitPrice !== undefined ? { UnitPrice: line.unitPrice } : {}),
			Description: line.description.slice(0, 60),
		})),
	};
	const summary = (record: IDataObject, status: 'created' | 'alreadyExported') => ({
		workOrderNumber: document.workOrderNumber,
		status,
		documentType: kind.label,
		[kind.key]: record[kind.key],
		[kind.numberField]: record[kind.numberField] ?? null,
		account: document.debtorNumber,
		lines: lines.length,
		skippedLines: unknown.map((line) => line.itemCode),
	});

	const lockKey = `${exactBaseUrl(credentials)}|${division}|${kind.path}|${document.workOrderNumber}`;
	return await withReferenceLock(lockKey, async (waited) => {
		const earlier = (await findByReferences.call(this, kind, [document.workOrderNumber], { fresh: waited, itemIndex })).get(
			document.workOrderNumber,
		);
		if (earlier) return [summary(cleanRecord(earlier), 'alreadyExported')];
		const write = async () => {
			const response = await exactRequest.call(this, { method: 'POST', path: kind.path, body, itemIndex });
			return cleanRecord(readList(response.body).records[0] ?? {});
		};
		let created: IDataObject;
		try {
			created = await write();
		} catch (error) {
			if (!noAnswer(error)) throw asNodeError(this.getNode(), error, itemIndex);
			// The answer was lost: the document may exist. Only a fresh look that finds nothing allows a retry.
			const after = (await findByReferences.call(this, kind, [document.workOrderNumber], { fresh: true, itemIndex })).get(
				document.workOrderNumber,
			);
			if (after) return [summary(cleanRecord(after), 'created')];
			created = await write();
		}
		rememberReference.call(this, kind, document.workOrderNumber, created);
		return [summary(created, 'created')];
	});
}
