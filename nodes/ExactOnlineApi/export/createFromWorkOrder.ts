/**
 * Create From OutSmart Work Order: a batch operation over all input work orders, with two outputs.
 *
 * - Exported: a document was written, or one written earlier was found (the flow marks these handled).
 * - Not Exported: something is wrong with the work order itself (malformed, an unknown relation or material, a
 *   reference used for another customer, a document Exact refused for its content). The flow marks these failed.
 * - Anything else (Exact down, auth or token refresh failing, limits used up, a write whose answer was lost and
 *   that can't be found yet) is not the work order's fault: the node stops with that error, every work order stays
 *   as it is, and the next run picks them up. A write is never sent twice on evidence that can still change.
 *
 * Never twice, also across n8n processes: before writing, look for the work order's reference; after all writes,
 * read the references back. When two processes wrote the same work order at the same moment, the oldest document
 * is kept and each process whose own document is newer deletes it (so two processes never delete each other's).
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { asNodeError } from '../../shared/nodeErrors';
import { objectParameter } from '../../shared/objectParameter';
import { cleanRecord } from '../records';
import { ACCOUNT, ITEM, WAREHOUSE } from '../entity/definitions';
import { lookupByCodes, type CodeCache } from '../entity/lookups';
import { odataGuid } from '../odata';
import { exactGetAnyOf, exactRequest, readList, resolveDivision, exactBaseUrl, EXACT_CREDENTIAL_TYPE } from '../transport';
import { workOrderToDocument, type DocumentLine, type DocumentOptions, type HourRounding, type WorkOrderDocument } from '../../mapping/workOrderDocument';
import { describeOrigin, exactNumberOf, workOrderOrigin } from '../../mapping/workOrderOrigin';
import { SALES_INVOICE_DOCUMENT, SALES_ORDER_DOCUMENT, type DocumentKind } from './documents';
import { findByReferences, withReferenceLock, type ReferenceCache } from './references';

interface ExportParameters {
	descriptionTemplate?: string;
	fallbackHourItem?: string;
	hourLines?: DocumentOptions['hourLines'];
	hourRounding?: HourRounding;
	unknownMaterial?: 'error' | 'skip';
	useWorkOrderPrices?: boolean;
	descriptionLineItem?: string;
	exportOtherFlows?: boolean;
	stockWarehouse?: string;
	warehouseFromWorkOrder?: boolean;
}

/** What the export reads of a relation: Exact refuses documents for a blocked one, so we check first. */
const ACCOUNT_FIELDS = ['Name', 'Blocked'];

/** Something wrong with one work order: it goes to the Not Exported output, the others go on. */
export class WorkOrderFault extends NodeOperationError {}

/** One input item, read and mapped before any call. */
interface Candidate {
	itemIndex: number;
	kind: DocumentKind;
	options: ExportParameters & DocumentOptions;
	document?: WorkOrderDocument;
	fault?: WorkOrderFault;
}

/** What one run shares between its work orders: passed down, never kept beyond the run. */
interface ExportRun {
	division: number;
	baseUrl: string;
	references: ReferenceCache;
	accounts: CodeCache;
	items: CodeCache;
	warehouses: CodeCache;
}

/** A document this run wrote, to be read back at the end. */
interface Written {
	candidate: Candidate;
	document: WorkOrderDocument;
	account: IDataObject;
	created: IDataObject;
	summary: IDataObject;
}

/** The Work Order parameter as an object (the OutSmart work order), or a fault for that item. */
export function workOrderOf(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const workOrder = objectParameter.call(this, 'workOrder', itemIndex);
	if (!workOrder) {
		throw new WorkOrderFault(this.getNode(), 'The Work Order is not an OutSmart work order object', {
			itemIndex,
			description: 'Pass the work order from the OutSmart Trigger or the OutSmart node, e.g. {{ $json }}',
		});
	}
	return workOrder;
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

function nameOf(document: WorkOrderDocument): string {
	return `work order ${document.workOrderNumber || '(no number)'}`;
}

function candidateOf(this: IExecuteFunctions, itemIndex: number): Candidate {
	const kind = kindOf.call(this, itemIndex);
	const options = optionsOf.call(this, itemIndex);
	try {
		const document = workOrderToDocument(workOrderOf.call(this, itemIndex), options);
		const origin = workOrderOrigin(document.workOrderNumber);
		if (origin !== 'outsmart' && options.exportOtherFlows !== true) {
			// Its own flow returns it to the Exact document it came from: a second document here would bill twice.
			const fault = new WorkOrderFault(
				this.getNode(),
				`The ${nameOf(document)} was ${describeOrigin(origin)} (${exactNumberOf(document.workOrderNumber)}): that flow returns it to Exact, it is not invoiced here`,
				{
					itemIndex,
					description:
						"Give this export only work orders made in OutSmart (option 'Only Work Orders Made In: OutSmart' of the OutSmart Trigger or of OutSmart → Get Many), or switch on 'Export Work Orders of Other Flows' if no other flow handles them",
				},
			);
			return { itemIndex, kind, options, document, fault };
		}
		if (!document.problems.length) return { itemIndex, kind, options, document };
		return {
			itemIndex,
			kind,
			options,
			document,
			fault: new WorkOrderFault(this.getNode(), `The ${nameOf(document)} cannot be exported: ${document.problems.join('; ')}`, {
				itemIndex,
				description: 'Correct the work order in OutSmart, then run the export again',
			}),
		};
	} catch (error) {
		if (error instanceof WorkOrderFault) return { itemIndex, kind, options, fault: error };
		throw asNodeError(this.getNode(), error, itemIndex);
	}
}

/**
 * The whole run's references, accounts and, for work orders not exported yet, items: a few batched calls
 * (a re-run of exported work orders costs only the reference and account look-ups).
 */
async function prefetch(this: IExecuteFunctions, run: ExportRun, candidates: Candidate[]): Promise<void> {
	const ready = candidates.filter((c) => c.document && !c.fault);
	const exported = new Set<string>();
	for (const kind of new Set(ready.map((c) => c.kind))) {
		const refs = ready.filter((c) => c.kind === kind).map((c) => c.document!.workOrderNumber);
		for (const [ref, found] of await findByReferences.call(this, kind, refs, run.references)) if (found.length) exported.add(ref);
	}
	await lookupByCodes.call(this, ACCOUNT, ready.map((c) => c.document!.debtorNumber), ACCOUNT_FIELDS, { cache: run.accounts });
	const pending = ready.filter((c) => !exported.has(c.document!.workOrderNumber)).map((c) => c.document!);
	await lookupByCodes.call(this, ITEM, pending.flatMap((d) => d.lines.map((line) => line.itemCode)), ['Description'], { cache: run.items });
	const warehouses = pending.map((d) => d.warehouseCode ?? '').filter(Boolean);
	if (warehouses.length) await lookupByCodes.call(this, WAREHOUSE, warehouses, ['Description'], { cache: run.warehouses });
}

/** The Exact warehouse the document's materials leave, or undefined for none; an unknown code refuses the work order. */
async function warehouseOf(this: IExecuteFunctions, run: ExportRun, candidate: Candidate, document: WorkOrderDocument): Promise<IDataObject | undefined> {
	const code = document.warehouseCode;
	if (!code) return undefined;
	const found = (await lookupByCodes.call(this, WAREHOUSE, [code], ['Description'], { cache: run.warehouses, itemIndex: candidate.itemIndex })).get(code);
	if (found) return found;
	throw refuse.call(
		this,
		candidate,
		`Warehouse ${code} on ${nameOf(document)} not found in Exact administration ${run.division}`,
		"Use an Exact warehouse code: in the node's Stock Warehouse option, or as the OutSmart warehouse of the material lines (flow 13 imports Exact's warehouses with their codes); nothing was written",
	);
}

export function sameId(a: unknown, b: unknown): boolean {
	return String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();
}

function summaryOf(kind: DocumentKind, document: WorkOrderDocument, record: IDataObject, status: 'created' | 'alreadyExported'): IDataObject {
	const clean = cleanRecord(record);
	return {
		workOrderNumber: document.workOrderNumber,
		status,
		documentType: kind.label,
		[kind.key]: clean[kind.key],
		[kind.numberField]: clean[kind.numberField] ?? null,
		account: document.debtorNumber,
	};
}

/** Refuses a reference that another customer's document carries: the work order number is not proof alone. */
async function refuseForeign(this: IExecuteFunctions, candidate: Candidate, document: WorkOrderDocument, foreign: IDataObject): Promise<never> {
	const { kind, itemIndex } = candidate;
	const [owner] = await exactGetAnyOf.call(this, {
		path: ACCOUNT.path,
		select: 'ID,Code,Name',
		values: [String(foreign.OrderedBy ?? '')].filter(Boolean),
		condition: (id) => `ID eq ${odataGuid(id)}`,
		itemIndex,
	});
	const customer = owner ? `${String(owner.Code ?? '').trim()} (${String(owner.Name ?? '')})` : String(foreign.OrderedByName ?? 'unknown');
	throw new WorkOrderFault(
		this.getNode(),
		`Reference ${document.workOrderNumber} is used by ${kind.label} ${String(foreign[kind.numberField] ?? foreign[kind.key])} of customer ${customer}, not of relation ${document.debtorNumber} on this work order`,
		{
			itemIndex,
			description: `Nothing was written. Two work orders with the same number for different customers, or a document typed by hand with this reference: check the ${kind.label} in Exact and the work order in OutSmart`,
		},
	);
}

/** The earlier document of this work order for its customer (oldest first), or undefined. */
async function earlierExport(
	this: IExecuteFunctions,
	run: ExportRun,
	candidate: Candidate,
	document: WorkOrderDocument,
	account: IDataObject,
	fresh: boolean,
): Promise<IDataObject[]> {
	const found = (await findByReferences.call(this, candidate.kind, [document.workOrderNumber], run.references, { fresh, itemIndex: candidate.itemIndex })).get(
		document.workOrderNumber,
	) ?? [];
	const mine = found.filter((record) => sameId(record.OrderedBy, account.ID));
	if (!mine.length && found.length) await refuseForeign.call(this, candidate, document, found[0]);
	return mine;
}

function refuse(this: IExecuteFunctions, candidate: Candidate, message: string, description: string): WorkOrderFault {
	return new WorkOrderFault(this.getNode(), message, { itemIndex: candidate.itemIndex, description });
}

/** No status at all (time-out, connection dropped) or a 5xx: Exact may have stored the write or not. */
export function answerLost(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const status = Number(error.httpCode);
	return error.httpCode === null || error.httpCode === undefined || status >= 500;
}

/**
 * Exact refused the document for what is in it (HTTP 400): the work order's fault, unless it is about the
 * journal, which is the same for the whole run and must be fixed in the node, not in every work order.
 */
function refusedContent(error: unknown): boolean {
	return refused400(error) && !journalRefused(error);
}

function journalRefused(error: unknown): boolean {
	return refused400(error) && /journal/i.test((error as NodeApiError).message);
}

export function refused400(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '400';
}

/** Writes the document once. A lost answer is looked into, never answered with a second write. */
async function write(this: IExecuteFunctions, run: ExportRun, candidate: Candidate, document: WorkOrderDocument, account: IDataObject, body: IDataObject): Promise<IDataObject> {
	const { kind, itemIndex } = candidate;
	try {
		const response = await exactRequest.call(this, { method: 'POST', path: kind.path, body, itemIndex });
		return readList(response.body).records[0] ?? {};
	} catch (error) {
		if (refusedContent(error)) {
			const nodeError = error as NodeApiError;
			throw refuse.call(this, candidate, `Exact refused the ${kind.label} for ${nameOf(document)}: ${nodeError.message}`, nodeError.description ?? 'Correct the work order in OutSmart, then run the export again');
		}
		if (journalRefused(error)) {
			const nodeError = error as NodeApiError;
			throw new NodeOperationError(this.getNode(), nodeError.message, {
				itemIndex,
				description:
					"Choose this administration's sales journal in 'Journal' of this node (the list shows its sales journals; 70 is Exact's usual Verkoopboek). No work order was sorted: run again after fixing it.",
			});
		}
		if (!answerLost(error)) throw asNodeError(this.getNode(), error, itemIndex);
		const stored = await earlierExport.call(this, run, candidate, document, account, true);
		if (stored.length) return stored[stored.length - 1];
		const lost = error as NodeApiError;
		throw new NodeOperationError(
			this.getNode(),
			`Exact did not confirm the ${kind.label} for ${nameOf(document)} (${lost.httpCode ? `HTTP ${lost.httpCode}` : 'no answer'}) and it is not in Exact (yet)`,
			{
				itemIndex,
				description:
					'It was not written a second time, because Exact may still store the first one. The work order stays ready: the next run looks for it first and writes it only if it is still not there.',
			},
		);
	}
}

async function exportOne(this: IExecuteFunctions, run: ExportRun, candidate: Candidate): Promise<IDataObject | Written> {
	if (candidate.fault) throw candidate.fault;
	const document = candidate.document!;
	const { kind, options, itemIndex } = candidate;
	const name = nameOf(document);

	const account = (await lookupByCodes.call(this, ACCOUNT, [document.debtorNumber], ACCOUNT_FIELDS, { cache: run.accounts, itemIndex })).get(document.debtorNumber);
	if (!account) {
		throw refuse.call(
			this,
			candidate,
			`Relation ${document.debtorNumber} on ${name} not found in Exact administration ${run.division}`,
			'Create the relation in Exact (or import it), or correct the debtor number in OutSmart; nothing was written',
		);
	}
	const earlier = await earlierExport.call(this, run, candidate, document, account, false);
	if (earlier.length) return duplicatesNoted(summaryOf(kind, document, earlier[0], 'alreadyExported'), kind, earlier);
	if (account.Blocked === true) {
		// Exact would refuse the document (and count the refusal towards its 10-errors-an-hour block).
		throw refuse.call(
			this,
			candidate,
			`Relation ${document.debtorNumber} (${String(account.Name ?? '')}) on ${name} is blocked in Exact`,
			'Unblock the relation in Exact, or correct the debtor number in OutSmart; nothing was written',
		);
	}

	const items = await lookupByCodes.call(this, ITEM, document.lines.map((l) => l.itemCode), ['Description'], { cache: run.items, itemIndex });
	const unknown = document.lines.filter((line) => !items.get(line.itemCode));
	const unknownHours = unknown.filter((line) => line.source !== 'material');
	if (unknownHours.length || (unknown.length && options.unknownMaterial !== 'skip')) {
		const kindWord = (line: DocumentLine) => (line.source === 'material' ? 'Material' : line.source === 'hours' ? 'Hour type' : 'Text item');
		throw refuse.call(
			this,
			candidate,
			// A code on two lines (e.g. a material and its return) is named once.
			[...new Set(unknown.map((line) => `${kindWord(line)} ${line.itemCode} on ${name} not found in Exact administration ${run.division}`))].join('; '),
			'Create the item in Exact or correct the code in OutSmart; nothing was written',
		);
	}
	const lines = document.lines.filter((line) => items.get(line.itemCode));
	if (!lines.some((line) => line.source !== 'text')) {
		throw refuse.call(this, candidate, `Nothing is left to export on ${name}`, 'All its lines have materials unknown in Exact');
	}

	const warehouse = await warehouseOf.call(this, run, candidate, document);
	const body: IDataObject = {
		OrderedBy: account.ID,
		...(warehouse ? { [kind.warehouseField]: warehouse.ID } : {}),
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
	const details = { lines: lines.length, skippedLines: unknown.map((line) => line.itemCode) };

	const lockKey = `${run.baseUrl}|${run.division}|${kind.path}|${document.workOrderNumber}`;
	return await withReferenceLock(lockKey, async (waited) => {
		if (waited) {
			// Another execution in this process wrote this work order a moment ago.
			const meanwhile = await earlierExport.call(this, run, candidate, document, account, true);
			if (meanwhile.length) return { ...summaryOf(kind, document, meanwhile[0], 'alreadyExported'), ...details };
		}
		const created = await write.call(this, run, candidate, document, account, body);
		return { candidate, document, account, created, summary: { ...summaryOf(kind, document, created, 'created'), ...details } };
	});
}

/** A later run that finds more than one document for a work order says so (it deletes nothing it did not write). */
function duplicatesNoted(summary: IDataObject, kind: DocumentKind, documents: IDataObject[]): IDataObject {
	if (documents.length < 2) return summary;
	return { ...summary, duplicates: documents.slice(1).map((d) => d[kind.numberField] ?? d[kind.key]) };
}

function isWritten(value: IDataObject | Written | WorkOrderFault): value is Written {
	return !(value instanceof WorkOrderFault) && 'candidate' in value && 'created' in value && 'summary' in value;
}

/**
 * Reads back every document this run wrote (batched), and where another process wrote the same work order
 * first, deletes this run's newer draft: the oldest document is the one that counts.
 */
async function settle(this: IExecuteFunctions, run: ExportRun, written: Written[]): Promise<Map<Written, IDataObject>> {
	const settled = new Map<Written, IDataObject>();
	for (const kind of new Set(written.map((w) => w.candidate.kind))) {
		const ofKind = written.filter((w) => w.candidate.kind === kind);
		const found = await findByReferences.call(this, kind, ofKind.map((w) => w.document.workOrderNumber), run.references, { fresh: true });
		for (const entry of ofKind) {
			const mine = (found.get(entry.document.workOrderNumber) ?? []).filter((r) => sameId(r.OrderedBy, entry.account.ID));
			const oldest = mine[0];
			if (!oldest || sameId(oldest[kind.key], entry.created[kind.key])) {
				settled.set(entry, entry.summary);
				continue;
			}
			settled.set(entry, await removeNewer.call(this, entry, oldest));
		}
	}
	return settled;
}

async function removeNewer(this: IExecuteFunctions, entry: Written, oldest: IDataObject): Promise<IDataObject> {
	const { kind, itemIndex } = entry.candidate;
	const ownNumber = entry.created[kind.numberField] ?? entry.created[kind.key];
	const result = { ...summaryOf(kind, entry.document, oldest, 'alreadyExported'), lines: entry.summary.lines, skippedLines: entry.summary.skippedLines };
	try {
		await exactRequest.call(this, { method: 'DELETE', path: `${kind.path}(${odataGuid(String(entry.created[kind.key]))})`, itemIndex });
		return { ...result, duplicateRemoved: ownNumber };
	} catch (error) {
		// The work order is exported (the oldest document stays); this run's copy could not be removed.
		const reason = error instanceof Error ? error.message : String(error);
		return { ...result, duplicateNotRemoved: ownNumber, warning: `Another run exported this work order at the same moment; delete ${kind.label} ${String(ownNumber)} in Exact by hand (${reason})` };
	}
}

export async function exportWorkOrders(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	if (count === 0) return [[], []];
	const credentials = await this.getCredentials(EXACT_CREDENTIAL_TYPE);
	const baseUrl = exactBaseUrl(credentials);
	const division = await resolveDivision.call(this, baseUrl, credentials);
	const run: ExportRun = { baseUrl, division, references: new Map(), accounts: new Map(), items: new Map(), warehouses: new Map() };
	const candidates = Array.from({ length: count }, (_, itemIndex) => candidateOf.call(this, itemIndex));
	await prefetch.call(this, run, candidates);

	const results: Array<IDataObject | Written | WorkOrderFault> = [];
	for (const candidate of candidates) {
		try {
			results.push(await exportOne.call(this, run, candidate));
		} catch (error) {
			if (!(error instanceof WorkOrderFault)) throw asNodeError(this.getNode(), error, candidate.itemIndex);
			results.push(error);
		}
	}
	const settled = await settle.call(this, run, results.filter(isWritten));

	const exported: INodeExecutionData[] = [];
	const failed: INodeExecutionData[] = [];
	results.forEach((result, index) => {
		const candidate = candidates[index];
		const pairedItem = { item: candidate.itemIndex };
		if (result instanceof WorkOrderFault) {
			failed.push({
				json: { workOrderNumber: candidate.document?.workOrderNumber ?? null, error: result.message, details: result.description ?? null },
				pairedItem,
			});
		} else {
			exported.push({ json: isWritten(result) ? settled.get(result)! : result, pairedItem });
		}
	});
	return [exported, failed];
}
