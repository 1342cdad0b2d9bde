/**
 * Template 12 in a real n8n against the demo world: OutSmart invoices booked in Exact as sales entries (once, also
 * when the answer to a write is lost), payments Exact records coming back to OutSmart as transactions that make the
 * invoice paid, and a further run that changes nothing on either side.
 */

import type { IDataObject } from 'n8n-workflow';
import { DEMO_OUTSMART_INVOICES, DEMO_PAID_INVOICE } from '../../scripts/demo-invoices';
import { startDemoWorld, type DemoWorld } from '../../scripts/demo-data';
import { importDemoWorkflows, readTemplate } from '../../scripts/demo';
import { createN8nInstance, type N8nInstance, type RunResult } from '../../scripts/n8n';

jest.setTimeout(180_000);

const FILE = '12-outsmart-invoices-to-exact.json';

describe('template 12: OutSmart invoices → Exact sales entries, payments back', () => {
	let world: DemoWorld;
	let n8n: N8nInstance;
	let id: string;

	const outSmartInvoices = () => world.outsmart.state.invoicing.invoices as IDataObject[];
	const invoice = (formatted: string) => outSmartInvoices().find((i) => i.inv_number_formatted === formatted)!;
	const entries = () => world.exact.state.listRecords('SalesEntries');
	const transactions = () => world.outsmart.state.invoicing.transactions;
	const entryPosts = () => world.exact.state.getStats().calls.byEndpoint['POST salesentry/SalesEntries'] ?? 0;
	const transactionPosts = () => world.outsmart.state.stats().callsByMethod['POST transactions'] ?? 0;
	/** A node's items, or none when nothing reached it (n8n does not run a node without input). */
	const outputOf = (run: RunResult, node: string) => (run.runData[node] ? run.json(node) : []);
	const final = DEMO_OUTSMART_INVOICES.filter((i) => !String(i.type ?? '').startsWith('CONCEPT'));

	beforeAll(async () => {
		world = await startDemoWorld();
		n8n = await createN8nInstance({ name: 'pro-outsmart-invoices' });
		[id] = await importDemoWorkflows(n8n, world, [readTemplate(FILE)]);
		// Runs through the editor's Run now (REST): a second each, where `n8n execute` starts a process per run.
		await n8n.start();
	});

	afterAll(async () => {
		await n8n?.dispose();
		await world?.close();
	});

	it('books every final invoice once (one write answer lost on the way) and brings the paid one back to OutSmart', async () => {
		world.exact.state.addFault({ match: { method: 'POST', path: 'salesentry/SalesEntries' }, kind: 'write-then-drop', times: 1 });
		const run = await n8n.runManualTrigger(id, 'Run now');
		expect(run.error).toBeUndefined();

		const booked = run.json('Book in Exact');
		expect(booked.map((b) => [b.invoiceNumber, b.status]).sort()).toEqual([
			['2026-00030', 'alreadyBooked'],
			['2026-00031', 'booked'],
			['2026-00032', 'booked'],
		]);
		expect(run.json('Book in Exact', { output: 1 })).toEqual([]);
		// Exact: one entry per final invoice, customer and amount as OutSmart invoiced; the concept is not booked.
		expect(entries()).toHaveLength(final.length);
		for (const outSmart of outSmartInvoices().filter((i) => i.inv_type === 'DEBIT')) {
			const entry = entries().find((e) => e.YourRef === outSmart.inv_number_formatted);
			expect(entry).toMatchObject({ EntryNumber: Number(String(outSmart.inv_number_formatted).replace('-', '')), Journal: '70' });
			expect(entry?.AmountDC).toBeCloseTo(Number(outSmart.inv_amount), 2);
		}
		expect(entries().some((e) => e.YourRef === '2026-00033')).toBe(false);
		// Each entry has OutSmart's PDF as its document, also the one booked before the flow ran.
		expect(booked.map((b) => b.pdf)).toEqual(['attached', 'attached', 'attached']);
		expect(entries().every((e) => world.exact.state.listRecords('Documents').some((d) => d.ID === e.Document))).toBe(true);
		expect(world.exact.state.listRecords('DocumentAttachments')).toHaveLength(final.length);

		// OutSmart: the invoice paid in Exact is paid here too, by one transaction; the others are still open.
		const recorded = outputOf(run, 'Record payment in OutSmart').filter((r) => r.status === 'recorded');
		expect(recorded).toEqual([expect.objectContaining({ invoiceNumber: DEMO_PAID_INVOICE })]);
		expect(invoice(DEMO_PAID_INVOICE)).toMatchObject({ inv_status: 'PAYED', inv_balance: invoice(DEMO_PAID_INVOICE).inv_amount });
		expect(invoice('2026-00031')).toMatchObject({ inv_status: 'OPEN', inv_balance: '0.00' });
		expect(transactions()).toHaveLength(1);
	});

	it('a payment Exact records later comes back on the next run; a further run changes nothing on either side', async () => {
		const entry = entries().find((e) => e.YourRef === '2026-00031')!;
		const receivable = world.exact.state.listRecords('Receivables').find((r) => r.EntryID === entry.EntryID)!;
		world.exact.state.updateRecord('Receivables', String(receivable.ID), { AmountDC: 0, IsFullyPaid: true, LastPaymentDate: '/Date(1795132800000)/' });

		const paid = await n8n.runManualTrigger(id, 'Run now');
		expect(paid.error).toBeUndefined();
		expect(outputOf(paid, 'Record payment in OutSmart').filter((r) => r.status === 'recorded').map((r) => r.invoiceNumber)).toEqual(['2026-00031']);
		expect(invoice('2026-00031')).toMatchObject({ inv_status: 'PAYED', inv_balance: invoice('2026-00031').inv_amount });

		const documents = () => world.exact.state.listRecords('Documents').length;
		const before = { entries: entries().length, documents: documents(), transactions: transactions().length, entryPosts: entryPosts(), transactionPosts: transactionPosts() };
		const again = await n8n.runManualTrigger(id, 'Run now');
		expect(again.error).toBeUndefined();
		expect(again.json('Book in Exact').every((b) => b.status === 'alreadyBooked')).toBe(true);
		expect(outputOf(again, 'Record payment in OutSmart').some((r) => r.status === 'recorded')).toBe(false);
		expect({ entries: entries().length, documents: documents(), transactions: transactions().length, entryPosts: entryPosts(), transactionPosts: transactionPosts() }).toEqual(before);
		expect(outSmartInvoices().filter((i) => i.inv_status === 'PAYED').map((i) => i.inv_number_formatted).sort()).toEqual([DEMO_PAID_INVOICE, '2026-00031']);
	});
});
