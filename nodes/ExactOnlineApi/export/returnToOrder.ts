/**
 * Update From OutSmart Work Order (Sales Order node): a completed work order that a Pro flow made from an Exact
 * sales order (VO-<order number>) goes back to that order, not to a new invoice. A batch operation with two
 * outputs, sorted as the Basic export sorts:
 *
 * - Returned: the order holds what was used (and is delivered and/or invoiced as asked), now or by an earlier run.
 * - Not Returned: something in the work order or its order stops it (no such order, another customer's order,
 *   an unknown item, a line Exact already delivered beyond what was used, Exact refusing a write for its content).
 * - Anything else (Exact down, login, limits, a write whose answer was lost and that can't be found) stops the
 *   node: no work order is sorted, and the next run reads the order again and writes only what is missing.
 *
 * Never twice: the order itself is the record of what was written. Quantities are set (the same value twice is
 * one change), lines added carry the work order number in their Notes, deliveries and invoices are made only
 * for what the order still has open; two executions in one process take turns per order, and two processes
 * that both added a line settle it by the line numbers (see orderLines.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { asNodeError } from '../../shared/nodeErrors';
import { ACCOUNT, ITEM } from '../entity/definitions';
import { lookupByCodes, type CodeCache } from '../entity/lookups';
import { exactBaseUrl, exactGetAnyOf, resolveDivision, EXACT_CREDENTIAL_TYPE } from '../transport';
import { workOrderToDocument, type HourRounding, type WorkOrderDocument } from '../../mapping/workOrderDocument';
import { describeOrigin, exactNumberOf, workOrderOrigin } from '../../mapping/workOrderOrigin';
import { planChanges, planOrderReturn, workOrderNote, type OrderLine, type UnusedLines } from '../../mapping/orderReturn';
import { sameId, WorkOrderFault, workOrderOf } from './createFromWorkOrder';
import { withReferenceLock } from './references';
import { applyPlan, linesOf, orderFault, readOrderLines, settleAdditions, type OrderTarget } from './orderLines';
import { FollowUpNumbers } from './followUpNumbers';
import { invoiceOrder, recordDelivery } from './orderFollowUp';

interface ReturnOptions {
	fallbackHourItem?: string;
	hourRounding?: HourRounding;
	useWorkOrderPrices?: boolean;
	unusedLines?: UnusedLines;
}

interface Candidate {
	itemIndex: number;
	document?: WorkOrderDocument;
	orderNumber?: number;
	unusedLines: UnusedLines;
	fault?: WorkOrderFault;
}

interface ReturnRun {
	baseUrl: string;
	division: number;
	orders: Map<number, IDataObject>;
	lines: Map<string, OrderLine[]>;
	accounts: CodeCache;
	items: CodeCache;
	/** The delivery and invoice numbers to report, read for the whole run at its end. */
	numbers: FollowUpNumbers;
}

const ORDER_FIELDS = 'OrderID,OrderNumber,OrderedBy,OrderedByName,InvoiceTo,Status,DeliveryStatus,InvoiceStatus';
const ORDER_CANCELLED = 45;
const ORDER_COMPLETE = 21;

function candidateOf(this: IExecuteFunctions, itemIndex: number): Candidate {
	const options = this.getNodeParameter('returnOptions', itemIndex, {}) as ReturnOptions;
	const unusedLines = options.unusedLines ?? 'remove';
	try {
		const document = workOrderToDocument(workOrderOf.call(this, itemIndex), {
			hourRounding: Number(options.hourRounding ?? 0) as HourRounding,
			hourLines: 'perHourType',
			fallbackHourItem: options.fallbackHourItem,
			useWorkOrderPrices: options.useWorkOrderPrices !== false,
			descriptionTemplate: '',
		});
		const number = document.workOrderNumber || '(no number)';
		const origin = workOrderOrigin(document.workOrderNumber);
		if (origin !== 'salesOrder') {
			const message = `Work order ${number} was ${describeOrigin(origin)}, not from an Exact sales order: it has no order to go back to`;
			return { itemIndex, document, unusedLines, fault: orderFault.call(this, itemIndex, message, "Give this node only work orders made from sales orders (VO-…): option 'Only Work Orders Made In: Exact Sales Order (VO-…)' of the OutSmart Trigger") };
		}
		const orderNumber = Number(exactNumberOf(document.workOrderNumber));
		if (!Number.isInteger(orderNumber) || orderNumber <= 0) {
			return { itemIndex, document, unusedLines, fault: orderFault.call(this, itemIndex, `Work order ${number} does not name a sales order number after VO-`, 'Correct the work order number in OutSmart (VO-<order number>)') };
		}
		if (document.problems.length) {
			return { itemIndex, document, unusedLines, fault: orderFault.call(this, itemIndex, `Work order ${number} cannot go back to its sales order: ${document.problems.join('; ')}`, 'Correct the work order in OutSmart, then run again') };
		}
		return { itemIndex, document, orderNumber, unusedLines };
	} catch (error) {
		if (error instanceof WorkOrderFault) return { itemIndex, unusedLines, fault: error };
		throw asNodeError(this.getNode(), error, itemIndex);
	}
}

/** Orders, their lines, relations and items of the whole run: a few batched calls. */
async function prefetch(this: IExecuteFunctions, run: ReturnRun, candidates: Candidate[]): Promise<void> {
	const ready = candidates.filter((c) => !c.fault);
	const orders = await exactGetAnyOf.call(this, {
		path: 'salesorder/SalesOrders',
		select: ORDER_FIELDS,
		values: [...new Set(ready.map((c) => String(c.orderNumber)))],
		condition: (value) => `OrderNumber eq ${Number(value)}`,
	});
	for (const order of orders) run.orders.set(Number(order.OrderNumber), order);
	for (const [id, lines] of await readOrderLines.call(this, orders.map((o) => String(o.OrderID)))) run.lines.set(id, lines);
	await lookupByCodes.call(this, ACCOUNT, ready.map((c) => c.document!.debtorNumber), ['Name'], { cache: run.accounts });
	await lookupByCodes.call(this, ITEM, ready.flatMap((c) => c.document!.lines.map((l) => l.itemCode)), ['Description'], { cache: run.items });
}

/** The order for this work order, checked against the work order's customer. */
async function orderFor(this: IExecuteFunctions, run: ReturnRun, candidate: Candidate): Promise<IDataObject> {
	const { itemIndex } = candidate;
	const document = candidate.document!;
	const order = run.orders.get(candidate.orderNumber!);
	if (!order) {
		throw orderFault.call(this, itemIndex, `Sales order ${candidate.orderNumber} of work order ${document.workOrderNumber} not found in Exact administration ${run.division}`, 'The order was deleted in Exact, or the work order number was changed in OutSmart; nothing was written');
	}
	const account = (await lookupByCodes.call(this, ACCOUNT, [document.debtorNumber], ['Name'], { cache: run.accounts, itemIndex })).get(document.debtorNumber);
	if (!account) {
		throw orderFault.call(this, itemIndex, `Relation ${document.debtorNumber} on work order ${document.workOrderNumber} not found in Exact administration ${run.division}`, 'Correct the debtor number in OutSmart; nothing was written');
	}
	if (!(sameId(order.OrderedBy, account.ID) || sameId(order.InvoiceTo, account.ID))) {
		throw orderFault.call(
			this,
			itemIndex,
			`Sales order ${candidate.orderNumber} is for ${String(order.OrderedByName ?? 'another customer')}, not for relation ${document.debtorNumber} on work order ${document.workOrderNumber}`,
			'Nothing was written. Check the customer on the work order in OutSmart and the order in Exact',
		);
	}
	if (Number(order.Status) === ORDER_CANCELLED) {
		throw orderFault.call(this, itemIndex, `Sales order ${candidate.orderNumber} of work order ${document.workOrderNumber} is cancelled in Exact`, 'Nothing was written. Reopen the order in Exact, or handle the work order by hand');
	}
	return order;
}

async function itemIdsFor(this: IExecuteFunctions, run: ReturnRun, candidate: Candidate): Promise<Map<string, string>> {
	const document = candidate.document!;
	const items = await lookupByCodes.call(this, ITEM, document.lines.map((l) => l.itemCode), ['Description'], { cache: run.items, itemIndex: candidate.itemIndex });
	const unknown = [...new Set(document.lines.filter((l) => !items.get(l.itemCode)).map((l) => l.itemCode))];
	if (unknown.length) {
		throw orderFault.call(this, candidate.itemIndex, `Item ${unknown.join(', ')} on work order ${document.workOrderNumber} not found in Exact administration ${run.division}`, 'Create the item in Exact or correct the code in OutSmart; nothing was written');
	}
	return new Map(document.lines.map((l) => [l.itemCode.toLowerCase(), String(items.get(l.itemCode)!.ID)]));
}

async function returnOne(this: IExecuteFunctions, run: ReturnRun, candidate: Candidate): Promise<IDataObject> {
	if (candidate.fault) throw candidate.fault;
	const { itemIndex } = candidate;
	const document = candidate.document!;
	const order = await orderFor.call(this, run, candidate);
	const target: OrderTarget = {
		itemIndex,
		workOrderNumber: document.workOrderNumber,
		orderId: String(order.OrderID).toLowerCase(),
		orderNumber: candidate.orderNumber!,
		itemIds: await itemIdsFor.call(this, run, candidate),
	};
	const deliver = this.getNodeParameter('recordDelivery', itemIndex, false) as boolean;
	const invoice = this.getNodeParameter('createInvoice', itemIndex, false) as boolean;
	const journal = invoice ? (this.getNodeParameter('invoiceJournal', itemIndex) as string) : '';
	const note = workOrderNote(document.workOrderNumber);

	return await withReferenceLock(`${run.baseUrl}|${run.division}|salesorder|${target.orderNumber}`, async (waited) => {
		// Another execution in this process worked on this order a moment ago: what the run read is stale.
		let lines = waited ? await linesOf.call(this, target) : (run.lines.get(target.orderId) ?? []);
		const plan = planOrderReturn(document.workOrderNumber, document.lines, lines, candidate.unusedLines);
		if (plan.problems.length) {
			throw orderFault.call(this, itemIndex, `Work order ${document.workOrderNumber} cannot go back to sales order ${target.orderNumber}: ${plan.problems.join('; ')}`, 'Nothing was written. Check the order in Exact (what was delivered or invoiced) and the work order in OutSmart');
		}
		const changes = planChanges(plan);
		if (changes && Number(order.Status) === ORDER_COMPLETE && !waited) {
			throw orderFault.call(this, itemIndex, `Sales order ${target.orderNumber} is complete (delivered and invoiced) in Exact and can no longer be changed`, 'Nothing was written. Correct the order in Exact by hand (e.g. a credit note), then mark the work order handled');
		}
		const added = changes ? await applyPlan.call(this, target, plan) : [];
		if (changes) lines = await linesOf.call(this, target);
		const duplicateLinesRemoved = await settleAdditions.call(this, target, added, lines);
		if (duplicateLinesRemoved) lines = await linesOf.call(this, target);
		let goodsDelivery: IDataObject | null = null;
		if (deliver) [goodsDelivery, lines] = await recordDelivery.call(this, target, lines, note, run.numbers);
		const salesInvoice = invoice ? await invoiceOrder.call(this, target, lines, { journal, delivered: deliver, numbers: run.numbers }) : null;
		const wrote = changes > 0 || goodsDelivery?.status === 'created' || salesInvoice?.status === 'created';
		return {
			workOrderNumber: document.workOrderNumber,
			status: wrote ? 'returned' : 'alreadyReturned',
			orderNumber: target.orderNumber,
			orderID: target.orderId,
			linesUpdated: plan.updates.map((u) => ({ lineNumber: u.line.lineNumber, item: u.line.itemCode, from: u.line.quantity, to: u.quantity })),
			linesAdded: plan.additions.map((a) => ({ item: a.itemCode, quantity: a.quantity })),
			linesRemoved: plan.removals.map((r) => ({ lineNumber: r.lineNumber, item: r.itemCode, quantity: r.quantity })),
			...(duplicateLinesRemoved ? { duplicateLinesRemoved } : {}),
			goodsDelivery,
			salesInvoice,
		};
	});
}

export async function returnWorkOrdersToOrders(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	if (count === 0) return [[], []];
	const credentials = await this.getCredentials(EXACT_CREDENTIAL_TYPE);
	const baseUrl = exactBaseUrl(credentials);
	const division = await resolveDivision.call(this, baseUrl, credentials);
	const run: ReturnRun = { baseUrl, division, orders: new Map(), lines: new Map(), accounts: new Map(), items: new Map(), numbers: new FollowUpNumbers() };
	const candidates = Array.from({ length: count }, (_, itemIndex) => candidateOf.call(this, itemIndex));
	await prefetch.call(this, run, candidates);

	const returned: INodeExecutionData[] = [];
	const refused: INodeExecutionData[] = [];
	for (const candidate of candidates) {
		const pairedItem = { item: candidate.itemIndex };
		try {
			returned.push({ json: await returnOne.call(this, run, candidate), pairedItem });
		} catch (error) {
			if (!(error instanceof WorkOrderFault)) throw asNodeError(this.getNode(), error, candidate.itemIndex);
			refused.push({ json: { workOrderNumber: candidate.document?.workOrderNumber ?? null, error: error.message, details: error.description ?? null }, pairedItem });
		}
	}
	await run.numbers.fill(this);
	return [returned, refused];
}
