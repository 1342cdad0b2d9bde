/**
 * Create From OutSmart Invoice: books invoices made in OutSmart as Exact sales entries, once. A batch operation
 * with two outputs, like the work order export:
 * - Booked: an entry was written, or the one written earlier was found;
 * - Not Booked: something in the invoice itself (a concept, an unknown debtor or material, no VAT code for its
 *   percentage, its number taken by another customer's entry). Anything else (Exact down, auth, a write whose
 *   answer was lost and that can't be found yet) stops the node: every invoice is looked up again next run.
 *
 * Never twice: the entry number is the invoice number, and Exact refuses a number that is taken in the journal.
 * Before writing, the run looks the numbers up (batched); a refused write because the number is taken, or a lost
 * answer, is settled by reading the number back, never by a second write.
 *
 * Quiet runs stay cheap: numbers Exact confirmed booked are remembered (bookedMemory.ts) and not looked up again,
 * neither their entry nor their customer; every other invoice is still checked against Exact before it is written.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { asNodeError } from '../../shared/nodeErrors';
import { objectParameter } from '../../shared/objectParameter';
import { invoiceToSalesEntry, type EntryNumberSource, type SalesEntryDraft } from '../../mapping/outSmartInvoice';
import { ACCOUNT, ITEM, SALES_ENTRY } from '../entity/definitions';
import { lookupByCodes, type CodeCache } from '../entity/lookups';
import { toExactBodyDateTime } from '../dates';
import { odataNumber } from '../odata';
import { cleanRecord } from '../records';
import { exactBaseUrl, exactGetAll, exactGetAnyOf, exactRequest, readList, resolveDivision, EXACT_CREDENTIAL_TYPE } from '../transport';
import { BookedMemory } from './bookedMemory';
import { attachInvoicePdf } from './invoicePdf';
import { withReferenceLock } from './references';

/** Something wrong with one invoice: it goes to the Not Booked output, the others go on. */
class InvoiceFault extends NodeOperationError {}

interface Candidate {
	itemIndex: number;
	draft?: SalesEntryDraft;
	fault?: InvoiceFault;
}

interface BookingRun {
	key: string;
	journal: string;
	attachPdf: boolean;
	fallbackGlAccount: string;
	accounts: CodeCache;
	items: CodeCache;
	/** VAT percentage (e.g. "21") -> Exact VAT code. */
	vatCodes: Map<string, string>;
	/** Entry number -> the entries found with it in the journal. */
	entries: Map<number, IDataObject[]>;
}

const ENTRY_SELECT = 'EntryID,EntryNumber,Customer,CustomerName,Journal,YourRef,AmountDC,Document,Created';

function invoiceOf(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const invoice = objectParameter.call(this, 'invoice', itemIndex);
	if (!invoice) {
		throw new InvoiceFault(this.getNode(), 'The Invoice is not an OutSmart invoice object', {
			itemIndex,
			description: 'Pass an invoice from OutSmart → Invoice → Get Many, e.g. {{ $json }}',
		});
	}
	return invoice;
}

function candidateOf(this: IExecuteFunctions, itemIndex: number): Candidate {
	try {
		const source = this.getNodeParameter('entryNumberFrom', itemIndex, 'formatted') as EntryNumberSource;
		const draft = invoiceToSalesEntry(invoiceOf.call(this, itemIndex), source);
		if (!draft.problems.length) return { itemIndex, draft };
		return {
			itemIndex,
			draft,
			fault: new InvoiceFault(this.getNode(), `OutSmart invoice ${draft.reference || '(no number)'} cannot be booked: ${draft.problems.join('; ')}`, {
				itemIndex,
				description: 'Correct the invoice in OutSmart (or leave it out of this flow); nothing was written',
			}),
		};
	} catch (error) {
		if (error instanceof InvoiceFault) return { itemIndex, fault: error };
		throw asNodeError(this.getNode(), error, itemIndex);
	}
}

const percentKey = (value: unknown) => String(Math.round(Number(value) * 10_000) / 100);

/** The journal's entries with these numbers (one call per 20 numbers), fresh or from the run's map. */
async function findEntries(this: IExecuteFunctions, run: BookingRun, numbers: number[], fresh: boolean, itemIndex?: number): Promise<void> {
	const wanted = [...new Set(numbers)].filter((n) => fresh || !run.entries.has(n));
	const found = await exactGetAnyOf.call(this, {
		path: SALES_ENTRY.path,
		select: ENTRY_SELECT,
		values: wanted.map(String),
		condition: (n) => `EntryNumber eq ${odataNumber(Number(n))}`,
		itemIndex,
	});
	for (const n of wanted) run.entries.set(n, []);
	for (const entry of found) {
		if (String(entry.Journal ?? '').trim() !== run.journal) continue;
		run.entries.get(Number(entry.EntryNumber))?.push(entry);
	}
}

/** Accounts, items (their revenue accounts), VAT codes and earlier entries of the whole run: a few calls. */
async function prefetch(this: IExecuteFunctions, run: BookingRun, drafts: SalesEntryDraft[]): Promise<void> {
	await findEntries.call(this, run, drafts.map((d) => d.entryNumber), false);
	await lookupByCodes.call(this, ACCOUNT, drafts.map((d) => d.debtorNumber), ['Name', 'Blocked'], { cache: run.accounts });
	const pending = drafts.filter((d) => !run.entries.get(d.entryNumber)?.length);
	await lookupByCodes.call(this, ITEM, pending.flatMap((d) => d.lines.map((l) => l.itemCode)), ['GLRevenue'], { cache: run.items });
	if (!pending.length) return;
	const codes = await exactGetAll.call(this, { path: 'vat/VATCodes', query: { $select: 'Code,Percentage,Type' } });
	for (const code of codes) {
		const key = percentKey(code.Percentage);
		if (!run.vatCodes.has(key)) run.vatCodes.set(key, String(code.Code ?? '').trim());
	}
}

const sameId = (a: unknown, b: unknown) => String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();

/** What the run hands out for a booked invoice, and the entry itself (for its PDF). */
interface Booked {
	summary: IDataObject;
	entry: IDataObject;
}

function summary(draft: SalesEntryDraft, entry: IDataObject, status: 'booked' | 'alreadyBooked'): Booked {
	const clean = cleanRecord(entry);
	return {
		entry,
		summary: {
			invoiceNumber: draft.reference,
			outSmartInvoiceId: draft.invoiceId,
			status,
			EntryID: clean.EntryID ?? null,
			EntryNumber: clean.EntryNumber ?? draft.entryNumber,
			account: draft.debtorNumber,
			AmountDC: clean.AmountDC ?? null,
		},
	};
}

function fault(this: IExecuteFunctions, candidate: Candidate, message: string, description: string): InvoiceFault {
	return new InvoiceFault(this.getNode(), message, { itemIndex: candidate.itemIndex, description });
}

/** The entry already booked for this invoice, or a fault when another customer's entry holds the number. */
function earlier(this: IExecuteFunctions, run: BookingRun, candidate: Candidate, draft: SalesEntryDraft, account: IDataObject): IDataObject | undefined {
	const found = run.entries.get(draft.entryNumber) ?? [];
	const mine = found.find((entry) => sameId(entry.Customer, account.ID));
	if (mine || !found.length) return mine;
	throw fault.call(
		this,
		candidate,
		`Entry number ${draft.entryNumber} in journal ${run.journal} is taken by an entry of ${String(found[0].CustomerName ?? 'another customer')}, not of relation ${draft.debtorNumber} on OutSmart invoice ${draft.reference}`,
		'Nothing was written. Check the entry in Exact; if OutSmart numbers overlap with invoices made in Exact, book OutSmart invoices in a journal of their own',
	);
}

function bodyOf(this: IExecuteFunctions, run: BookingRun, candidate: Candidate, draft: SalesEntryDraft, account: IDataObject): IDataObject {
	const unknownItems = [...new Set(draft.lines.filter((l) => !run.items.get(l.itemCode.toLowerCase()) && !run.fallbackGlAccount).map((l) => l.itemCode))];
	if (unknownItems.length) {
		throw fault.call(this, candidate, `Material or hour type ${unknownItems.join(', ')} on OutSmart invoice ${draft.reference} not found in Exact`, 'Create the item in Exact (its revenue account books the line), or set a Default Revenue G/L Account ID; nothing was written');
	}
	const noVat = [...new Set(draft.lines.filter((l) => !run.vatCodes.has(percentKey(l.vatPercentage / 100))).map((l) => `${l.vatPercentage}%`))];
	if (noVat.length) {
		throw fault.call(this, candidate, `No Exact VAT code for ${noVat.join(', ')} on OutSmart invoice ${draft.reference}`, 'Add a VAT code with that percentage in Exact; nothing was written');
	}
	const sign = draft.credit ? -1 : 1;
	return {
		Customer: account.ID,
		Journal: run.journal,
		EntryNumber: draft.entryNumber,
		Type: draft.credit ? 21 : 20,
		YourRef: draft.reference,
		Description: draft.description,
		...(draft.date ? { EntryDate: toExactBodyDateTime(draft.date) } : {}),
		...(draft.dueDate ? { DueDate: toExactBodyDateTime(draft.dueDate) } : {}),
		SalesEntryLines: draft.lines.map((line) => ({
			GLAccount: String(run.items.get(line.itemCode.toLowerCase())?.GLRevenue ?? '') || run.fallbackGlAccount,
			AmountFC: sign * Math.abs(line.amount),
			VATCode: run.vatCodes.get(percentKey(line.vatPercentage / 100)),
			Description: (line.description || line.itemCode).slice(0, 60),
		})),
	};
}

const isStatus = (error: unknown, test: (status: number) => boolean) => error instanceof NodeApiError && test(Number(error.httpCode));
/** No status at all (time-out, dropped connection) or a 5xx: Exact may have stored the entry or not. */
const answerLost = (error: unknown) => error instanceof NodeApiError && (error.httpCode === null || error.httpCode === undefined || isStatus(error, (s) => s >= 500));
const numberTaken = (error: unknown) => isStatus(error, (s) => s === 400) && /already exists/i.test((error as NodeApiError).message);

async function write(this: IExecuteFunctions, run: BookingRun, candidate: Candidate, draft: SalesEntryDraft, account: IDataObject, body: IDataObject): Promise<Booked> {
	const { itemIndex } = candidate;
	try {
		const response = await exactRequest.call(this, { method: 'POST', path: SALES_ENTRY.path, body, itemIndex });
		return summary(draft, readList(response.body).records[0] ?? {}, 'booked');
	} catch (error) {
		if (!answerLost(error) && !numberTaken(error)) {
			if (isStatus(error, (s) => s === 400) && !/journal/i.test((error as NodeApiError).message)) {
				throw fault.call(this, candidate, `Exact refused the entry for OutSmart invoice ${draft.reference}: ${(error as NodeApiError).message}`, 'Correct the invoice in OutSmart; nothing was written');
			}
			throw asNodeError(this.getNode(), error, itemIndex);
		}
		// Refused as taken (another run booked it a moment ago) or no answer: the journal says what is there.
		await findEntries.call(this, run, [draft.entryNumber], true, itemIndex);
		const stored = earlier.call(this, run, candidate, draft, account);
		if (stored) return summary(draft, stored, numberTaken(error) ? 'alreadyBooked' : 'booked');
		const lost = error as NodeApiError;
		throw new NodeOperationError(this.getNode(), `Exact did not confirm the entry for OutSmart invoice ${draft.reference} (${lost.httpCode ? `HTTP ${lost.httpCode}` : 'no answer'}) and it is not in Exact (yet)`, {
			itemIndex,
			description: 'It was not written a second time. The next run looks the invoice number up first and books it only if it is still not there.',
		});
	}
}

async function bookOne(this: IExecuteFunctions, run: BookingRun, candidate: Candidate): Promise<Booked> {
	if (candidate.fault) throw candidate.fault;
	const draft = candidate.draft!;
	const account = run.accounts.get(draft.debtorNumber.toLowerCase());
	if (!account) {
		throw fault.call(this, candidate, `Relation ${draft.debtorNumber} on OutSmart invoice ${draft.reference} not found in Exact`, 'Create the relation in Exact (or import it), or correct the debtor on the invoice; nothing was written');
	}
	const found = earlier.call(this, run, candidate, draft, account);
	if (found) return summary(draft, found, 'alreadyBooked');
	if (account.Blocked === true) {
		throw fault.call(this, candidate, `Relation ${draft.debtorNumber} (${String(account.Name ?? '')}) is blocked in Exact`, 'Unblock the relation in Exact; nothing was written');
	}
	const body = bodyOf.call(this, run, candidate, draft, account);
	return await withReferenceLock(`${run.key}|${draft.entryNumber}`, async (waited) => {
		if (waited) {
			// Another execution in this process booked invoices a moment ago: look again before writing.
			await findEntries.call(this, run, [draft.entryNumber], true, candidate.itemIndex);
			const meanwhile = earlier.call(this, run, candidate, draft, account);
			if (meanwhile) return summary(draft, meanwhile, 'alreadyBooked');
		}
		return await write.call(this, run, candidate, draft, account, body);
	});
}

/** The Booked output of an invoice an earlier run confirmed in Exact: nothing of it is read again. */
function confirmedEarlier(draft: SalesEntryDraft): IDataObject {
	return {
		invoiceNumber: draft.reference,
		outSmartInvoiceId: draft.invoiceId,
		status: 'alreadyBooked',
		EntryID: null,
		EntryNumber: draft.entryNumber,
		account: draft.debtorNumber,
		AmountDC: null,
		confirmedEarlier: true,
	};
}

/** Done for good: booked, and its PDF attached (or none wanted or given); a failed PDF is tried again next run. */
const settled = (pdf: IDataObject) => pdf.pdf !== 'failed';

export async function bookOutSmartInvoices(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	if (count === 0) return [[], []];
	const credentials = await this.getCredentials(EXACT_CREDENTIAL_TYPE);
	const baseUrl = exactBaseUrl(credentials);
	const division = await resolveDivision.call(this, baseUrl, credentials);
	const journal = String(this.getNodeParameter('bookingJournal', 0) ?? '').trim();
	if (!journal) {
		throw new NodeOperationError(this.getNode(), 'No sales journal chosen', { description: "Choose the sales journal (verkoopboek) in 'Journal', e.g. 70" });
	}
	const options = this.getNodeParameter('bookingOptions', 0, {}) as IDataObject;
	const entryNumberFrom = this.getNodeParameter('entryNumberFrom', 0, 'formatted') as string;
	const memory = new BookedMemory(this.getWorkflowStaticData('node'), `${baseUrl}|${division}|${journal}|${entryNumberFrom}`, options.recheckBooked === true);
	const run: BookingRun = {
		key: `${baseUrl}|${division}|${journal}`,
		journal,
		attachPdf: this.getNodeParameter('attachPdf', 0, true) as boolean,
		fallbackGlAccount: String(options.defaultGlAccount ?? '').trim(),
		accounts: new Map(),
		items: new Map(),
		vatCodes: new Map(),
		entries: new Map(),
	};
	const candidates = Array.from({ length: count }, (_, itemIndex) => candidateOf.call(this, itemIndex));
	const remembered = (c: Candidate) => !c.fault && memory.has(c.draft!.entryNumber);
	await prefetch.call(this, run, candidates.filter((c) => !c.fault && !remembered(c)).map((c) => c.draft!));

	const booked: INodeExecutionData[] = [];
	const notBooked: INodeExecutionData[] = [];
	try {
		for (const candidate of candidates) {
			const pairedItem = { item: candidate.itemIndex };
			if (remembered(candidate)) {
				booked.push({ json: confirmedEarlier(candidate.draft!), pairedItem });
				continue;
			}
			try {
				const result = await bookOne.call(this, run, candidate);
				const pdf = run.attachPdf ? await attachInvoicePdf.call(this, candidate.draft!, result.entry, candidate.itemIndex) : {};
				if (settled(pdf)) memory.confirm(candidate.draft!.entryNumber);
				booked.push({ json: { ...result.summary, ...pdf }, pairedItem });
			} catch (error) {
				if (!(error instanceof InvoiceFault)) throw asNodeError(this.getNode(), error, candidate.itemIndex);
				notBooked.push({ json: { invoiceNumber: candidate.draft?.reference ?? null, error: error.message, details: error.description ?? null }, pairedItem });
			}
		}
	} finally {
		// Also when the run stops halfway (Exact down): what Exact confirmed so far stays confirmed.
		memory.save();
	}
	return [booked, notBooked];
}
