/**
 * Exact Online Sales Entry against the simulator: Get, Get Many, Create with G/L lines, and Create From OutSmart
 * Invoice: booked once (re-runs, a lost answer after the write, two executions at once, another process first),
 * invoices refused for what is in them on the Not Booked output, outages that stop the run.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineSalesEntry } from '../../../../nodes/ExactOnlineSalesEntry/ExactOnlineSalesEntry.node';
import { EXACT_SEED_FIXTURES } from '../../../../simulators/exact';
import { startOutSmartSimulator } from '../../../../simulators/outsmart';
import { InvoiceBook, type InvoiceInput } from '../../../../simulators/outsmart/invoices';
import { jsonOf } from '../../../harness/context';
import { callsOf, endpointsOf, rl, useEntitySimulator } from './setup';

const { accounts, items } = EXACT_SEED_FIXTURES;
const suite = useEntitySimulator(new ExactOnlineSalesEntry());

/** Invoices exactly as OutSmart's /invoices renders them (the simulator's own rendering). */
function outSmartInvoice(number: number, overrides: Partial<InvoiceInput> = {}): IDataObject {
	const book = new InvoiceBook(() => new Date('2026-11-20T10:00:00Z'), () => 'http://127.0.0.1:1');
	return book.addInvoice({
		number,
		debtorNumber: accounts.oneill.code.trim(),
		debtorName: accounts.oneill.name,
		date: '2026-11-20',
		dueDays: 30,
		lines: [
			{ material: items.kogelkraan.code, description: 'Kogelkraan', quantity: 2, price: 12.5, vatPercentage: 21 },
			{ hourType: items.arbeid.code, description: 'Arbeid', quantity: 1.5, price: 60, vatPercentage: 9 },
		],
		...overrides,
	}) as IDataObject;
}

const BOOK = { operation: 'createFromOutSmartInvoice', bookingJournal: '70', entryNumberFrom: 'formatted', attachPdf: false };
const book = (invoices: IDataObject[], parameters: Record<string, unknown> = {}) =>
	suite.run({ ...BOOK, ...parameters }, { items: invoices });

const entries = () => suite.exact.sim.state.listRecords('SalesEntries');
const posts = () => suite.exact.sim.state.getStats().calls.byEndpoint['POST salesentry/SalesEntries'] ?? 0;
/** An entry of O'Neill for OutSmart invoice `2026-<n>` already in Exact (booked by another run or process). */
const bookedInExact = (n: number) =>
	suite.exact.sim.state.insertRecord('SalesEntries', {
		Customer: accounts.oneill.id,
		Journal: '70',
		EntryNumber: 2026_00000 + n,
		YourRef: `2026-${String(n).padStart(5, '0')}`,
		SalesEntryLines: [{ GLAccount: items.kogelkraan.id, AmountFC: 1, VATCode: '1' }],
	});
const notBooked = (result: Awaited<ReturnType<typeof book>>) => {
	if (result.error) throw result.error;
	return (result.output?.[1] ?? []).map((item) => item.json);
};

describe('Sales Entry: Create, Get, Get Many', () => {
	const glRevenue = () => String(suite.exact.sim.state.listRecords('Items').find((i) => i.ID === items.kogelkraan.id)?.GLRevenue);

	it('creates an entry with G/L lines; Exact computes VAT, totals, due date and the open receivable', async () => {
		const out = jsonOf(
			await suite.run({
				operation: 'create',
				customer: rl('code', accounts.oneill.code.trim()),
				journal: '70',
				lines: { line: [{ glAccount: glRevenue(), amount: 100, vatCode: '1', description: 'Onderhoud' }] },
				additionalFields: { EntryNumber: 26700042, YourRef: 'EXT-1', EntryDate: '2026-11-20T00:00:00', PaymentCondition: rl('code', '30') },
			}),
		);
		expect(out[0]).toMatchObject({ EntryNumber: 26700042, Customer: accounts.oneill.id, Journal: '70', AmountDC: 121, YourRef: 'EXT-1' });
		expect(String(out[0].DueDate)).toMatch(/^2026-12-20/);
		expect(out[0].SalesEntryLines).toEqual([expect.objectContaining({ AmountFC: 100, VATCode: '1', VATAmountFC: 21 })]);
		const receivable = suite.exact.sim.state.listRecords('Receivables').find((r) => r.EntryID === out[0].EntryID);
		expect(receivable).toMatchObject({ InvoiceNumber: 26700042, AmountDC: 121, YourRef: 'EXT-1', IsFullyPaid: false });
	});

	it('Exact refuses an entry number that is taken in the journal', async () => {
		const create = () =>
			suite.run({
				operation: 'create',
				customer: rl('id', accounts.oneill.id),
				journal: '70',
				lines: { line: [{ glAccount: glRevenue(), amount: 10, vatCode: '1' }] },
				additionalFields: { EntryNumber: 26700050 },
			});
		expect((await create()).error).toBeUndefined();
		const second = await create();
		expect(second.error?.message).toMatch(/Entry number 26700050 already exists in journal 70/);
		expect(entries().filter((e) => e.EntryNumber === 26700050)).toHaveLength(1);
	});

	it('refuses a line without a G/L account before anything is sent', async () => {
		const result = await suite.run({ operation: 'create', customer: rl('id', accounts.oneill.id), journal: '70', lines: { line: [{ amount: 10 }] } });
		expect(result.error?.message).toBe('Line 1 has no G/L account ID');
		expect(posts()).toBe(0);
	});

	it('gets an entry by number with its lines, and finds entries by Your Reference', async () => {
		await book([outSmartInvoice(7)]);
		const [got] = jsonOf(await suite.run({ operation: 'get', entry: '202600007' }));
		expect(got).toMatchObject({ EntryNumber: 202600007, YourRef: '2026-00007', CustomerName: accounts.oneill.name });
		expect((got.SalesEntryLines as IDataObject[]).map((l) => [l.AmountFC, l.VATCode])).toEqual([
			[25, '1'],
			[90, '2'],
		]);
		const many = jsonOf(await suite.run({ operation: 'getMany', returnAll: true, filters: { yourRef: '2026-00007', journal: '70' } }));
		expect(many.map((e) => e.EntryNumber)).toEqual([202600007]);
		const none = jsonOf(await suite.run({ operation: 'getMany', returnAll: true, account: rl('id', accounts.bakkerij.id) }));
		expect(none).toEqual([]);
	});
});

describe('Sales Entry: Create From OutSmart Invoice', () => {
	it('books the invoice: number, customer, VAT per line, due date, and its total as OutSmart computed it', async () => {
		const invoice = outSmartInvoice(12);
		const out = jsonOf(await book([invoice]));
		expect(out).toEqual([
			expect.objectContaining({ invoiceNumber: '2026-00012', status: 'booked', EntryNumber: 202600012, account: accounts.oneill.code.trim() }),
		]);
		const [entry] = entries();
		expect(entry).toMatchObject({ Customer: accounts.oneill.id, Journal: '70', YourRef: '2026-00012', EntryNumber: 202600012, Type: 20 });
		expect(entry.AmountDC).toBe(Number(invoice.inv_amount));
		expect(String(entry.DueDate)).toBe(String(suite.exact.sim.state.listRecords('Receivables').find((r) => r.EntryID === entry.EntryID)?.DueDate));
		const lines = suite.exact.sim.state.listRecords('SalesEntryLines').filter((l) => l.EntryID === entry.EntryID);
		expect(lines.map((l) => [l.AmountFC, l.VATCode, l.VATAmountFC])).toEqual([
			[25, '1', 5.25],
			[90, '2', 8.1],
		]);
	});

	it('a re-run finds the entry by its number and writes nothing', async () => {
		await book([outSmartInvoice(13)]);
		suite.exact.sim.state.resetStats();
		const again = await book([outSmartInvoice(13)]);
		expect(jsonOf(again)[0]).toMatchObject({ status: 'alreadyBooked', EntryNumber: 202600013 });
		expect(posts()).toBe(0);
		// One look-up of the numbers and one of the relations: no item or VAT calls for booked invoices.
		expect(endpointsOf(again)).toEqual(['GET salesentry/SalesEntries', 'GET crm/Accounts']);
		expect(entries()).toHaveLength(1);
	});

	it('when the answer to the write is lost, reads the number back and does not write a second time', async () => {
		suite.exact.sim.state.addFault({ match: { method: 'POST', path: 'salesentry/SalesEntries' }, kind: 'write-then-drop', times: 1 });
		const out = jsonOf(await book([outSmartInvoice(14)]));
		expect(out[0]).toMatchObject({ status: 'booked', EntryNumber: 202600014, EntryID: expect.any(String) });
		expect(posts()).toBe(1);
		expect(entries()).toHaveLength(1);
	});

	it('Exact answering 503 to the write stops the run without a second write; the next run books it', async () => {
		suite.exact.sim.state.addFault({ match: { method: 'POST', path: 'salesentry/SalesEntries' }, kind: 'status', status: 503, times: 1 });
		const result = await book([outSmartInvoice(15)]);
		expect(result.output).toBeUndefined();
		expect(result.error?.message).toMatch(/Exact did not confirm the entry for OutSmart invoice 2026-00015 \(HTTP 503\)/);
		expect(result.error?.description).toMatch(/not written a second time/);
		expect(posts()).toBe(1);
		expect(jsonOf(await book([outSmartInvoice(15)]))[0]).toMatchObject({ status: 'booked' });
		expect(entries()).toHaveLength(1);
	});

	it('two executions at once book one entry', async () => {
		const [a, b] = await Promise.all([book([outSmartInvoice(16)]), book([outSmartInvoice(16)])]);
		expect([...jsonOf(a), ...jsonOf(b)].map((r) => r.status).sort()).toEqual(['alreadyBooked', 'booked']);
		expect(entries()).toHaveLength(1);
	});

	it('another process booked the invoice while our write was under way: Exact refuses ours as taken, and we report theirs', async () => {
		suite.exact.sim.state.addFault({ match: { method: 'POST', path: 'salesentry/SalesEntries' }, kind: 'delay', delayMs: 400 });
		const running = book([outSmartInvoice(17)]);
		await new Promise((resolve) => setTimeout(resolve, 150));
		const theirs = bookedInExact(17);
		const out = jsonOf(await running);
		expect(out[0]).toMatchObject({ status: 'alreadyBooked', EntryID: theirs.EntryID });
		expect(entries()).toHaveLength(1);
	});

	it("refuses an invoice whose number another customer's entry holds, and names that customer", async () => {
		suite.exact.sim.state.insertRecord('SalesEntries', {
			Customer: accounts.bakkerij.id,
			Journal: '70',
			EntryNumber: 202600018,
			SalesEntryLines: [{ GLAccount: items.kogelkraan.id, AmountFC: 1, VATCode: '1' }],
		});
		const result = await book([outSmartInvoice(18)]);
		expect(notBooked(result)[0].error).toMatch(`Entry number 202600018 in journal 70 is taken by an entry of ${accounts.bakkerij.name}`);
		expect(posts()).toBe(0);
	});

	it('sorts bad invoices to Not Booked with what to fix, and books the others', async () => {
		const result = await book([
			outSmartInvoice(19, { type: 'CONCEPT_DEBIT' }),
			outSmartInvoice(20, { debtorNumber: '99999' }),
			outSmartInvoice(21, { lines: [{ material: 'MAT-9', quantity: 1, price: 5 }] }),
			outSmartInvoice(22, { lines: [{ material: items.kogelkraan.code, quantity: 1, price: 5, vatPercentage: 6 }] }),
			outSmartInvoice(23),
		]);
		expect(notBooked(result).map((r) => [r.invoiceNumber, r.error])).toEqual([
			['2026-00019', expect.stringMatching(/cannot be booked: it is a CONCEPT_DEBIT invoice/)],
			['2026-00020', 'Relation 99999 on OutSmart invoice 2026-00020 not found in Exact'],
			['2026-00021', 'Material or hour type MAT-9 on OutSmart invoice 2026-00021 not found in Exact'],
			['2026-00022', 'No Exact VAT code for 6% on OutSmart invoice 2026-00022'],
		]);
		expect(jsonOf(result).map((r) => r.invoiceNumber)).toEqual(['2026-00023']);
		expect(result.output?.map((output) => output.map((i) => i.pairedItem))).toEqual([[{ item: 4 }], [{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]]);
		expect(suite.exact.sim.state.getStats().calls.byStatus['400'] ?? 0).toBe(0);
	});

	it('books a line of an unknown material on the default revenue account when one is set', async () => {
		const fallback = String(suite.exact.sim.state.listRecords('Items').find((i) => i.ID === items.arbeid.id)?.GLRevenue);
		const out = jsonOf(await book([outSmartInvoice(24, { lines: [{ material: 'MAT-9', quantity: 1, price: 5 }] })], { bookingOptions: { defaultGlAccount: fallback } }));
		expect(out[0]).toMatchObject({ status: 'booked' });
		expect(suite.exact.sim.state.listRecords('SalesEntryLines').map((l) => l.GLAccount)).toEqual([fallback]);
	});

	it('books a credit invoice with negative amounts, and the numeric number when asked', async () => {
		const out = jsonOf(await book([outSmartInvoice(25, { type: 'CREDIT' })], { entryNumberFrom: 'numeric' }));
		expect(out[0]).toMatchObject({ status: 'booked', EntryNumber: 25 });
		expect(entries()[0]).toMatchObject({ Type: 21 });
		expect(entries()[0].AmountDC).toBeCloseTo(-(25 * 1.21 + 90 * 1.09), 2);
	});

	it('a batch of 20 invoices costs one write each plus four batched calls', async () => {
		const invoices = Array.from({ length: 20 }, (_, i) => outSmartInvoice(100 + i));
		const result = await book(invoices);
		expect(jsonOf(result)).toHaveLength(20);
		const calls = endpointsOf(result);
		expect(calls.filter((c) => c === 'POST salesentry/SalesEntries')).toHaveLength(20);
		expect(calls.filter((c) => c.startsWith('GET'))).toEqual(['GET salesentry/SalesEntries', 'GET crm/Accounts', 'GET logistics/Items', 'GET vat/VATCodes']);
	});

	describe('quiet runs: invoices Exact confirmed booked are remembered in the static data', () => {
		/** One workflow's hourly runs: the node's static data carries over, as n8n saves it after each run. */
		const hourly = (staticData: IDataObject) => (invoices: IDataObject[], parameters: Record<string, unknown> = {}) =>
			suite.run({ ...BOOK, ...parameters }, { items: invoices, staticData, mode: 'trigger' });
		const invoiceList = (from: number, count: number) => Array.from({ length: count }, (_, i) => outSmartInvoice(from + i));

		it('a run in which nothing new happened costs no Exact call, however many invoices are booked', async () => {
			const quietCalls: number[] = [];
			for (const [from, size] of [
				[1000, 20],
				[2000, 100],
			]) {
				const run = hourly({});
				await run(invoiceList(from, size));
				const quiet = await run(invoiceList(from, size));
				expect(jsonOf(quiet).map((r) => r.status)).toEqual(Array(size).fill('alreadyBooked'));
				expect(jsonOf(quiet)[0]).toMatchObject({ invoiceNumber: `2026-0${from}`, EntryNumber: 2026_00000 + from, confirmedEarlier: true });
				quietCalls.push(endpointsOf(quiet).length);
			}
			expect(quietCalls).toEqual([0, 0]);
			expect(entries()).toHaveLength(120);
		});

		it('a new invoice among booked ones is looked up in Exact before it is written: only its number and customer', async () => {
			const run = hourly({});
			await run(invoiceList(300, 40));
			bookedInExact(341);
			const next = await run([...invoiceList(300, 40), outSmartInvoice(340), outSmartInvoice(341)]);
			expect(jsonOf(next).slice(40).map((r) => [r.invoiceNumber, r.status])).toEqual([
				['2026-00340', 'booked'],
				['2026-00341', 'alreadyBooked'],
			]);
			expect(callsOf(next).filter((c) => c.path === 'salesentry/SalesEntries' && c.method === 'GET')).toEqual([
				expect.objectContaining({ query: expect.objectContaining({ $filter: 'EntryNumber eq 202600340 or EntryNumber eq 202600341' }) }),
			]);
			expect(posts()).toBe(41);
			expect(entries()).toHaveLength(42);
		});

		it('a run stopped by Exact keeps what was confirmed; the lost write is looked up next run, not written again', async () => {
			const staticData: IDataObject = {};
			const run = hourly(staticData);
			bookedInExact(400);
			suite.exact.sim.state.addFault({ match: { method: 'POST', path: 'salesentry/SalesEntries' }, kind: 'status', status: 503, times: 1 });
			const stopped = await run(invoiceList(400, 3));
			expect(stopped.error?.message).toMatch(/Exact did not confirm the entry for OutSmart invoice 2026-00401 \(HTTP 503\)/);
			expect(Object.values(staticData.bookedEntryNumbers as IDataObject)).toEqual(['202600400']);
			suite.exact.sim.state.resetStats();
			const next = await run(invoiceList(400, 3));
			expect(jsonOf(next).map((r) => [r.status, r.confirmedEarlier])).toEqual([
				['alreadyBooked', true],
				['booked', undefined],
				['booked', undefined],
			]);
			expect(posts()).toBe(2);
			expect(entries().map((e) => e.EntryNumber).sort()).toEqual([202600400, 202600401, 202600402]);
			expect(Object.values(staticData.bookedEntryNumbers as IDataObject)).toEqual(['202600400-202600402']);
		});

		it("an invoice whose PDF was not attached is not remembered: the next run attaches it", async () => {
			const run = hourly({});
			const unreachable = outSmartInvoice(500); // its PDF URL points at a closed port
			expect(jsonOf(await run([unreachable], { attachPdf: true }))[0]).toMatchObject({ status: 'booked', pdf: 'failed' });
			const again = await run([unreachable], { attachPdf: true });
			expect(jsonOf(again)[0]).toMatchObject({ status: 'alreadyBooked', pdf: 'failed' });
			// Looked up again (number and customer), and the PDF fetched again: the booking is not remembered yet.
			expect(endpointsOf(again)).toEqual(['GET salesentry/SalesEntries', 'GET crm/Accounts', expect.stringMatching(/^GET \/files\/invoice-\d+\.pdf$/)]);
		});

		it('an entry deleted in Exact is booked again after one run with Look Up Booked Invoices Again', async () => {
			const run = hourly({});
			await run(invoiceList(600, 2));
			suite.exact.sim.state.deleteRecord('SalesEntries', String(entries().find((e) => e.EntryNumber === 202600601)?.EntryID));
			expect(entries()).toHaveLength(1);
			expect(jsonOf(await run(invoiceList(600, 2))).map((r) => r.status)).toEqual(['alreadyBooked', 'alreadyBooked']);
			expect(entries()).toHaveLength(1);
			const recheck = await run(invoiceList(600, 2), { bookingOptions: { recheckBooked: true } });
			expect(jsonOf(recheck).map((r) => r.status)).toEqual(['alreadyBooked', 'booked']);
			expect(entries().map((e) => e.EntryNumber).sort()).toEqual([202600600, 202600601]);
			expect(endpointsOf(await run(invoiceList(600, 2)))).toEqual([]);
		});
	});

	it("attaches OutSmart's PDF to the entry as a document, once; a PDF that can't be fetched leaves the booking and is tried next run", async () => {
		const outsmart = await startOutSmartSimulator();
		try {
			const withPdf = outsmart.state.invoicing.addInvoice({ number: 40, debtorNumber: accounts.oneill.code.trim(), date: '2026-11-20', lines: [{ material: items.kogelkraan.code, quantity: 1, price: 10 }] });
			const unreachable = outSmartInvoice(41); // its PDF URL points at a closed port
			const first = jsonOf(await book([withPdf as IDataObject, unreachable], { attachPdf: true }));
			expect(first.map((r) => [r.invoiceNumber, r.status, r.pdf])).toEqual([
				['2026-00040', 'booked', 'attached'],
				['2026-00041', 'booked', 'failed'],
			]);
			expect(first[1].pdfNote).toMatch(/The invoice is booked; its PDF was not attached/);
			const documents = suite.exact.sim.state.listRecords('Documents');
			expect(documents).toEqual([expect.objectContaining({ Type: 10, Account: accounts.oneill.id, FinancialTransactionEntryID: first[0].EntryID, Subject: 'Factuur 2026-00040 (OutSmart)' })]);
			expect(suite.exact.sim.state.listRecords('DocumentAttachments')).toEqual([
				expect.objectContaining({ Document: documents[0].ID, FileName: 'factuur-2026-00040.pdf', FileSize: expect.any(Number) }),
			]);
			expect(Number(suite.exact.sim.state.listRecords('DocumentAttachments')[0].FileSize)).toBeGreaterThan(100);
			expect(entries().find((e) => e.EntryID === first[0].EntryID)?.Document).toBe(documents[0].ID);

			suite.exact.sim.state.resetStats();
			const again = jsonOf(await book([withPdf as IDataObject], { attachPdf: true }));
			expect(again[0]).toMatchObject({ status: 'alreadyBooked', pdf: 'attachedEarlier' });
			expect(suite.exact.sim.state.getStats().calls.byEndpoint['POST documents/Documents'] ?? 0).toBe(0);
		} finally {
			await outsmart.close();
		}
	});
});
