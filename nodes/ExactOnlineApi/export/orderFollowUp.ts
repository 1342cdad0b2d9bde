/**
 * What follows once a sales order holds what the work order used: a goods delivery of what is still to deliver,
 * and a draft invoice made by Exact from the order (salesinvoice/InvoiceSalesOrders, so the invoice lines point
 * to the order lines and the order's invoice status follows).
 *
 * Never twice: the order's own lines are the proof. What is delivered or invoiced there is not sent again, and
 * a write whose answer was lost, or that Exact refused because another run did it a moment before, is settled
 * by a fresh read of the lines. The delivery carries the work order note as its description, to be found later;
 * the invoice is found by the order number Exact puts on it. Those two look-ups only report numbers: they are
 * made for the whole run at its end (followUpNumbers.ts).
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { asNodeError } from '../../shared/nodeErrors';
import type { OrderLine } from '../../mapping/orderReturn';
import { exactRequest, readList } from '../transport';
import { answerLost, refused400 } from './createFromWorkOrder';
import type { FollowUpNumbers } from './followUpNumbers';
import { linesOf, notConfirmed, orderFault, type OrderTarget } from './orderLines';

const INVOICE_BY_DELIVERED = 0;
const INVOICE_BY_ORDERED = 1;
/** One invoice per sales order (0 would combine a customer's orders into one invoice). */
const ONE_INVOICE_PER_ORDER = 1;

const ONLY_INVOICE = 'Check the sales order in Exact; the order lines already hold what was used, the next run only invoices';

function round(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}

function toDeliver(line: OrderLine): number {
	return round(line.quantity - line.delivered);
}

function toInvoice(line: OrderLine, mode: number): number {
	return round((mode === INVOICE_BY_ORDERED ? line.quantity : line.delivered) - line.invoiced);
}

/** Refused (400) or answer lost: both may mean another run did it; anything else stops the run. */
function settleable(error: unknown): boolean {
	return refused400(error) || answerLost(error);
}

function deliverySummary(status: string, record: IDataObject | undefined): IDataObject {
	return { status, deliveryNumber: record?.DeliveryNumber ?? null, entryID: record?.EntryID ?? null };
}

/** The lines once Exact confirmed the delivery of everything open on them. */
function allDelivered(lines: OrderLine[]): OrderLine[] {
	return lines.map((line) => (toDeliver(line) > 0 ? { ...line, delivered: line.quantity } : line));
}

/**
 * Records a goods delivery of everything still open on the order (nothing when it is all delivered). Gives the
 * order's lines as they are afterwards, for the invoice that may follow: after a confirmed delivery they follow
 * from what Exact confirmed, without a read (if another run invoiced in between, Exact makes no second invoice
 * and the invoice step reads the lines then).
 */
export async function recordDelivery(this: IExecuteFunctions, target: OrderTarget, lines: OrderLine[], note: string, numbers: FollowUpNumbers): Promise<[IDataObject, OrderLine[]]> {
	const open = lines.filter((line) => toDeliver(line) > 0);
	if (!open.length) return [numbers.delivery('alreadyDelivered', note), lines];
	const body = {
		Description: note,
		GoodsDeliveryLines: open.map((line) => ({ SalesOrderLineID: line.id, QuantityDelivered: toDeliver(line) })),
	};
	try {
		const response = await exactRequest.call(this, { method: 'POST', path: 'salesorder/GoodsDeliveries', body, itemIndex: target.itemIndex });
		return [deliverySummary('created', readList(response.body).records[0]), allDelivered(lines)];
	} catch (error) {
		if (!settleable(error)) throw asNodeError(this.getNode(), error, target.itemIndex);
		const now = await linesOf.call(this, target);
		if (now.every((line) => toDeliver(line) <= 0)) {
			return [numbers.delivery(answerLost(error) ? 'created' : 'alreadyDelivered', note), now];
		}
		if (answerLost(error)) throw notConfirmed.call(this, target, `the goods delivery of sales order ${target.orderNumber}`, error as NodeApiError);
		throw orderFault.call(
			this,
			target.itemIndex,
			`Exact refused the goods delivery of sales order ${target.orderNumber} for work order ${target.workOrderNumber}: ${(error as NodeApiError).message}`,
			'Check the sales order in Exact (status, stock, warehouse); the order lines already hold what was used, the next run only delivers',
		);
	}
}

function journalProblem(this: IExecuteFunctions, target: OrderTarget, message: string): NodeOperationError {
	return new NodeOperationError(this.getNode(), message, {
		itemIndex: target.itemIndex,
		description: "Choose this administration's sales journal in 'Invoice Journal' of this node (70 is Exact's usual Verkoopboek). No work order was sorted: run again after fixing it.",
	});
}

/**
 * Has Exact make the draft invoice from the order: by delivered quantity when this flow records the delivery
 * (Exact's own order → delivery → invoice path), else by ordered quantity, which now is what was used.
 */
export async function invoiceOrder(
	this: IExecuteFunctions,
	target: OrderTarget,
	lines: OrderLine[],
	options: { journal: string; delivered: boolean; numbers: FollowUpNumbers },
): Promise<IDataObject> {
	const { journal, delivered, numbers } = options;
	const invoiceSummary = (status: string) => numbers.invoice(status, target.orderNumber);
	const mode = delivered ? INVOICE_BY_DELIVERED : INVOICE_BY_ORDERED;
	const nothingLeft = (now: OrderLine[]) => now.every((line) => toInvoice(line, mode) <= 0);
	if (nothingLeft(lines)) return invoiceSummary('alreadyInvoiced');
	const body = { JournalCode: journal, InvoiceMode: mode, CreateMode: ONE_INVOICE_PER_ORDER, SalesOrderIDs: [{ ID: target.orderId }] };
	let answer: IDataObject;
	try {
		const response = await exactRequest.call(this, { method: 'POST', path: 'salesinvoice/InvoiceSalesOrders', body, itemIndex: target.itemIndex });
		answer = readList(response.body).records[0] ?? {};
	} catch (error) {
		if (refused400(error) && /journal/i.test((error as NodeApiError).message)) throw journalProblem.call(this, target, (error as NodeApiError).message);
		if (!settleable(error)) throw asNodeError(this.getNode(), error, target.itemIndex);
		if (nothingLeft(await linesOf.call(this, target))) return invoiceSummary(answerLost(error) ? 'created' : 'alreadyInvoiced');
		if (answerLost(error)) throw notConfirmed.call(this, target, `the invoice of sales order ${target.orderNumber}`, error as NodeApiError);
		throw orderFault.call(this, target.itemIndex, `Exact refused to invoice sales order ${target.orderNumber} for work order ${target.workOrderNumber}: ${(error as NodeApiError).message}`, ONLY_INVOICE);
	}
	if (Number(answer.NumberOfCreatedInvoices ?? 0) > 0) return invoiceSummary('created');
	// Exact made none: another run invoiced the order a moment ago, or Exact says why not.
	if (nothingLeft(await linesOf.call(this, target))) return invoiceSummary('alreadyInvoiced');
	throw orderFault.call(this, target.itemIndex, `Exact made no invoice from sales order ${target.orderNumber} for work order ${target.workOrderNumber}: ${String(answer.Errors ?? 'no reason given')}`, ONLY_INVOICE);
}
