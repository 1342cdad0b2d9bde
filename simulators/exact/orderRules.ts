import type { ExactRecord } from '../seed/types';
import type { WriteBody } from './rules';

/**
 * How Exact tracks a sales order's progress: every line knows how much of it was delivered and invoiced;
 * the order's DeliveryStatus and InvoiceStatus follow from its lines, and its Status from those two.
 * Codes (the same for all three): 12 open, 20 partial, 21 complete; 45 cancelled is set by a user and stays.
 */

export const ORDER_OPEN = 12;
export const ORDER_PARTIAL = 20;
export const ORDER_COMPLETE = 21;
export const ORDER_CANCELLED = 45;

export const ORDER_STATUS: Record<number, string> = {
	[ORDER_OPEN]: 'Open',
	[ORDER_PARTIAL]: 'Partial',
	[ORDER_COMPLETE]: 'Complete',
	[ORDER_CANCELLED]: 'Cancelled',
};

/** Progress of one quantity against what was ordered. */
function progress(done: number, ordered: number): number {
	if (done <= 0) return ORDER_OPEN;
	return done >= ordered ? ORDER_COMPLETE : ORDER_PARTIAL;
}

/** Progress of several lines: open when none started, complete when all are, partial otherwise. */
function combined(statuses: number[]): number {
	if (statuses.length === 0 || statuses.every((s) => s === ORDER_OPEN)) return ORDER_OPEN;
	return statuses.every((s) => s === ORDER_COMPLETE) ? ORDER_COMPLETE : ORDER_PARTIAL;
}

/** A sales order line's own delivery and invoice status from its delivered and invoiced quantities. */
export function applyLineProgress(line: ExactRecord): void {
	line.QuantityDelivered ??= 0;
	line.QuantityInvoiced ??= 0;
	const ordered = Number(line.Quantity ?? 0);
	line.DeliveryStatus = progress(Number(line.QuantityDelivered), ordered);
	line.InvoiceStatus = progress(Number(line.QuantityInvoiced), ordered);
	line.DeliveryStatusDescription = ORDER_STATUS[Number(line.DeliveryStatus)];
	line.InvoiceStatusDescription = ORDER_STATUS[Number(line.InvoiceStatus)];
}

/** The order's statuses from its lines; a cancelled order stays cancelled. */
export function applyOrderProgress(order: ExactRecord, lines: ExactRecord[]): void {
	order.DeliveryStatus = combined(lines.map((l) => Number(l.DeliveryStatus ?? ORDER_OPEN)));
	order.InvoiceStatus = combined(lines.map((l) => Number(l.InvoiceStatus ?? ORDER_OPEN)));
	if (Number(order.Status) !== ORDER_CANCELLED) {
		order.Status = combined([Number(order.DeliveryStatus), Number(order.InvoiceStatus)]);
	}
	order.StatusDescription = ORDER_STATUS[Number(order.Status)] ?? null;
	order.DeliveryStatusDescription = ORDER_STATUS[Number(order.DeliveryStatus)] ?? null;
	order.InvoiceStatusDescription = ORDER_STATUS[Number(order.InvoiceStatus)] ?? null;
	for (const line of lines) line.OrderStatus = order.Status;
}

/** Why an order can no longer be changed through the API, or undefined when it can. */
export function orderLockReason(order: ExactRecord): string | undefined {
	const status = Number(order.Status);
	if (status === ORDER_CANCELLED) return `Sales order ${order.OrderNumber} is cancelled and can no longer be changed`;
	if (status === ORDER_COMPLETE) return `Sales order ${order.OrderNumber} is complete and can no longer be changed`;
	return undefined;
}

/** A line that was (partly) delivered or invoiced can't be deleted. */
export function lineDeleteRefusal(line: ExactRecord): string | undefined {
	if (Number(line.QuantityDelivered ?? 0) > 0 || Number(line.QuantityInvoiced ?? 0) > 0) {
		return `Sales order line ${line.LineNumber} of order ${line.OrderNumber} was delivered or invoiced and can't be deleted`;
	}
	return undefined;
}

/** AcceptQuotation's Action codes. */
export const ACCEPT_NO_ACTION = 0;
export const ACCEPT_CREATE_SALES_ORDER = 1;

/**
 * The sales order Exact makes when a quotation is accepted with Action 1: the quotation's accounts, terms and
 * non-optional lines; YourRef from the accept call, else the quotation's.
 */
export function salesOrderFromQuotation(quotation: ExactRecord, lines: ExactRecord[], input: WriteBody): WriteBody {
	const orderLines = lines
		.filter((l) => l.Optional !== true)
		.sort((a, b) => Number(a.LineNumber ?? 0) - Number(b.LineNumber ?? 0))
		.map((l) => ({
			Item: l.Item,
			Description: l.Description ?? null,
			Quantity: l.Quantity ?? 1,
			UnitPrice: l.UnitPrice ?? 0,
			Discount: l.Discount ?? 0,
			VATCode: l.VATCode ?? null,
			Notes: l.Notes ?? null,
		}));
	return {
		OrderedBy: quotation.OrderAccount,
		InvoiceTo: quotation.InvoiceAccount ?? quotation.OrderAccount,
		DeliverTo: quotation.DeliveryAccount ?? quotation.OrderAccount,
		DeliveryAddress: quotation.DeliveryAddress ?? null,
		DeliveryDate: quotation.DeliveryDate ?? null,
		Description: quotation.Description ?? null,
		Remarks: quotation.Remarks ?? null,
		PaymentCondition: quotation.PaymentCondition ?? null,
		YourRef: typeof input.YourRef === 'string' && input.YourRef !== '' ? input.YourRef : (quotation.YourRef ?? null),
		SalesOrderLines: orderLines,
	};
}

/** Exact keeps what was delivered or invoiced: an order line's quantity can't go below either. */
export function lineQuantityRefusal(line: ExactRecord, quantity: number): string | undefined {
	const floor = Math.max(Number(line.QuantityDelivered ?? 0), Number(line.QuantityInvoiced ?? 0));
	if (quantity + 1e-9 >= floor) return undefined;
	return `Quantity ${quantity} of sales order line ${line.LineNumber} of order ${line.OrderNumber} is less than what was delivered or invoiced (${floor})`;
}

/** What is still to deliver on an order line. */
export function toDeliver(line: ExactRecord): number {
	return Math.round((Number(line.Quantity ?? 0) - Number(line.QuantityDelivered ?? 0)) * 10_000) / 10_000;
}

/** A goods delivery line may deliver what is still open on its order line, no more. */
export function deliveryRefusal(line: ExactRecord, quantity: number): string | undefined {
	const open = toDeliver(line);
	if (quantity <= 0) return `Quantity delivered must be more than 0 (sales order ${line.OrderNumber} line ${line.LineNumber})`;
	if (quantity > open + 1e-9) {
		return `Quantity delivered (${quantity}) is more than the quantity still to deliver (${open}) on sales order ${line.OrderNumber} line ${line.LineNumber}`;
	}
	return undefined;
}

/** InvoiceSalesOrders' InvoiceMode: 0 invoices what was delivered, 1 what was ordered. */
export const INVOICE_BY_DELIVERED = 0;
export const INVOICE_BY_ORDERED = 1;

/** What InvoiceSalesOrders puts on the invoice for an order line: delivered or ordered, less what was invoiced. */
export function toInvoice(line: ExactRecord, mode: number): number {
	const basis = mode === INVOICE_BY_ORDERED ? Number(line.Quantity ?? 0) : Number(line.QuantityDelivered ?? 0);
	return Math.max(0, Math.round((basis - Number(line.QuantityInvoiced ?? 0)) * 10_000) / 10_000);
}
