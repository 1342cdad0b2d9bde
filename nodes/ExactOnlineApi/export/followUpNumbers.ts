/**
 * The numbers of the goods deliveries and invoices a run reports (delivery number, invoice number), looked up
 * once at the end of the run for all its orders: one filtered read per 20 deliveries and one per 20 orders'
 * invoices, instead of one read per work order. They are only reported, never used to decide a write (the
 * order's own lines decide that), so reading them after all writes changes nothing in what is written.
 */
import type { IDataObject } from 'n8n-workflow';
import { odataString } from '../odata';
import { exactGetAnyOf, type ExactContext } from '../transport';

/** The summaries waiting for their numbers, by the key they are found by. */
type Waiting<K> = Map<K, IDataObject[]>;

function wait<K>(waiting: Waiting<K>, key: K, summary: IDataObject): IDataObject {
	waiting.set(key, [...(waiting.get(key) ?? []), summary]);
	return summary;
}

export class FollowUpNumbers {
	private readonly deliveries: Waiting<string> = new Map();
	private readonly invoices: Waiting<number> = new Map();

	/** A delivery summary whose number is the delivery's with this description (the work order note). */
	delivery(status: string, note: string): IDataObject {
		return wait(this.deliveries, note, { status, deliveryNumber: null, entryID: null });
	}

	/** An invoice summary whose number is that of the newest invoice Exact made from this order. */
	invoice(status: string, orderNumber: number): IDataObject {
		return wait(this.invoices, orderNumber, { status, invoiceNumber: null, invoiceID: null });
	}

	/** Fills in the numbers of every waiting summary: a few batched reads for the whole run. */
	async fill(context: ExactContext): Promise<void> {
		const deliveries = await exactGetAnyOf.call(context, {
			path: 'salesorder/GoodsDeliveries',
			select: 'EntryID,DeliveryNumber,Description',
			values: [...this.deliveries.keys()],
			condition: (note) => `Description eq ${odataString(note)}`,
		});
		for (const [note, summaries] of this.deliveries) {
			const found = deliveries.find((d) => d.Description === note);
			for (const summary of summaries) Object.assign(summary, { deliveryNumber: found?.DeliveryNumber ?? null, entryID: found?.EntryID ?? null });
		}
		const invoices = await exactGetAnyOf.call(context, {
			path: 'salesinvoice/SalesInvoices',
			select: 'InvoiceID,InvoiceNumber,Status,OrderNumber',
			values: [...this.invoices.keys()].map(String),
			condition: (value) => `OrderNumber eq ${Number(value)}`,
		});
		for (const [orderNumber, summaries] of this.invoices) {
			const newest = invoices.filter((i) => Number(i.OrderNumber) === orderNumber).sort((a, b) => Number(b.InvoiceNumber ?? 0) - Number(a.InvoiceNumber ?? 0))[0];
			for (const summary of summaries) Object.assign(summary, { invoiceNumber: newest?.InvoiceNumber ?? null, invoiceID: newest?.InvoiceID ?? null });
		}
	}
}
