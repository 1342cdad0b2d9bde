/**
 * Exact Online Sales Invoice against the Exact simulator: Get with lines, Get Many filters and paging,
 * Create with lines (codes looked up once per run, unknown items stop the item before anything is written).
 */
import { ExactOnlineSalesInvoice } from '../../../../nodes/ExactOnlineSalesInvoice/ExactOnlineSalesInvoice.node';
import { SALES_INVOICE, SALES_INVOICE_LINE } from '../../../../nodes/ExactOnlineApi/entity/definitions';
import { EXACT_SEED_FIXTURES } from '../../../../simulators/exact';
import { jsonOf } from '../../../harness/context';
import { callsOf, endpointsOf, ISO_WITH_OFFSET, rl, type Runner, runnerFor, startEntitySimulator, useEntitySimulator } from './setup';

const { accounts, items } = EXACT_SEED_FIXTURES;
const node = new ExactOnlineSalesInvoice();
const suite = useEntitySimulator(node);
const { run } = suite;

const invoiceRecord = (number: number) => suite.exact.sim.state.listRecords('SalesInvoices').find((i) => i.InvoiceNumber === number)!;
const linesOf = (invoiceId: unknown) => suite.exact.sim.state.listRecords('SalesInvoiceLines').filter((l) => l.InvoiceID === invoiceId);

describe('Exact Online Sales Invoice: Get', () => {
	it('gets an invoice by number with its lines in line order: two calls', async () => {
		const result = await run({ operation: 'get', invoice: '25700001' });
		const [invoice] = jsonOf(result);
		const stored = invoiceRecord(25700001);
		expect(invoice).toMatchObject({ InvoiceNumber: 25700001, YourRef: 'WB-2025-0001', Status: 10, Description: stored.Description, InvoiceToName: "Bakkerij 't Hoekje" });
		expect(String(invoice.InvoiceDate)).toBe('2025-01-01T00:00:00.000+01:00');
		const lines = invoice.SalesInvoiceLines as Array<Record<string, unknown>>;
		expect(lines.map((l) => l.LineNumber)).toEqual(linesOf(stored.InvoiceID).map((l) => l.LineNumber).sort());
		expect(Object.keys(lines[0])).toEqual(SALES_INVOICE_LINE.fields);
		expect(endpointsOf(result)).toEqual(['GET salesinvoice/SalesInvoices', 'GET salesinvoice/SalesInvoiceLines']);
		expect(callsOf(result)[0].query.$filter).toBe('InvoiceNumber eq 25700001');
	});

	it('gets an invoice by its ID, and without lines with one call', async () => {
		const stored = invoiceRecord(25700004);
		const result = await run({ operation: 'get', invoice: String(stored.InvoiceID), options: { includeLines: false } });
		expect(jsonOf(result)[0]).toMatchObject({ InvoiceID: stored.InvoiceID, InvoiceNumber: 25700004 });
		expect(jsonOf(result)[0]).not.toHaveProperty('SalesInvoiceLines');
		expect(callsOf(result)).toHaveLength(1);
	});

	it('names an unknown invoice and the administration; refuses what is no number or ID', async () => {
		const unknown = await run({ operation: 'get', invoice: '25799999' });
		expect(unknown.error?.message).toBe("Sales invoice '25799999' not found in administration 1234567");
		const bad = await run({ operation: 'get', invoice: 'WB-2025-0001' });
		expect(bad.error?.message).toBe("'WB-2025-0001' is not an invoice number or ID");
		expect(bad.host.http).toHaveLength(0);
	});
});

describe('Exact Online Sales Invoice: Get Many', () => {
	const numbers = (result: Awaited<ReturnType<Runner>>) => jsonOf(result).map((i) => i.InvoiceNumber);

	it('filters on status, newest first', async () => {
		expect(numbers(await run({ operation: 'getMany', returnAll: true, filters: { status: '50' } }))).toEqual([25700006, 25700005, 25700004]);
		expect(numbers(await run({ operation: 'getMany', returnAll: true, filters: { status: '10' } }))).toEqual([25700002, 25700001]);
	});

	it('filters on the account (code or list) and your reference', async () => {
		const byCode = await run({ operation: 'getMany', returnAll: true, account: rl('code', '2') });
		expect(numbers(byCode)).toEqual([25700002]);
		expect(endpointsOf(byCode)).toEqual(['GET crm/Accounts', 'GET bulk/SalesInvoice/SalesInvoices']);
		expect(numbers(await run({ operation: 'getMany', returnAll: true, account: rl('list', accounts.bakkerij.id) }))).toEqual([25700001]);
		const byRef = await run({ operation: 'getMany', returnAll: true, filters: { yourRef: 'WB-2025-0003' } });
		expect(numbers(byRef)).toEqual([25700003]);
		expect(callsOf(byRef)[0].query.$filter).toBe("YourRef eq 'WB-2025-0003'");
	});

	it('filters on an invoice date range (Dutch dates)', async () => {
		const result = await run({ operation: 'getMany', returnAll: true, filters: { dateFrom: '2025-02-01', dateTo: '2025-04-04' } });
		expect(numbers(result)).toEqual([25700004, 25700003, 25700002]);
		expect(callsOf(result)[0].query.$filter).toBe("InvoiceDate ge datetime'2025-02-01T00:00:00' and InvoiceDate le datetime'2025-04-04T00:00:00'");
	});

	it('asks only for the usual fields', async () => {
		const result = await run({ operation: 'getMany', limit: 1, filters: { status: '50' } });
		expect(Object.keys(jsonOf(result)[0])).toEqual(SALES_INVOICE.fields);
		expect(callsOf(result)[0].query.$select).toBe(SALES_INVOICE.fields.join(','));
	});

	it('Return All without a filter reads the sync list from the start and keeps its header rows: 200 invoices as the standard endpoint gives them', async () => {
		const medium = await startEntitySimulator({ seed: 'medium' });
		try {
			// A limit without a filter would read the sync list too: every seeded invoice is dated after 2000.
			const standard = await runnerFor(medium, node)({ operation: 'getMany', limit: 1000, filters: { dateFrom: '2000-01-01' } });
			expect(endpointsOf(standard)).toEqual(Array(4).fill('GET salesinvoice/SalesInvoices'));
			medium.sim.state.setMandatoryFiltering(true);
			const result = await runnerFor(medium, node)({ operation: 'getMany', returnAll: true });
			expect(new Set(numbers(result)).size).toBe(200);
			// a header row per invoice plus a row per line, 1,000 rows a call
			const rows = 200 + medium.sim.state.listRecords('SalesInvoiceLines').length;
			const calls = callsOf(result);
			expect(calls).toHaveLength(Math.ceil(rows / 1000));
			expect(calls[0]).toMatchObject({ path: 'sync/SalesInvoice/SalesInvoices', query: { $filter: 'Timestamp gt 1L' } });
			expect(jsonOf(result)).toEqual(jsonOf(standard));
		} finally {
			await medium.sim.close();
		}
	}, 30_000);

	it('Return All with a filter reads bulk/ with the same filter, newest first', async () => {
		const standard = await run({ operation: 'getMany', limit: 100, filters: { status: '50' } });
		suite.exact.sim.state.setMandatoryFiltering(true);
		const result = await run({ operation: 'getMany', returnAll: true, filters: { status: '50' } });
		expect(callsOf(result)).toEqual([expect.objectContaining({ path: 'bulk/SalesInvoice/SalesInvoices', query: { $select: SALES_INVOICE.fields.join(','), $filter: 'Status eq 50' } })]);
		expect(jsonOf(result)).toEqual(jsonOf(standard));
	});
});

describe('Exact Online Sales Invoice: Create', () => {
	const line = (item: string, quantity = 1, extra: Record<string, unknown> = {}) => ({ item, quantity, ...extra });

	it('creates a draft invoice with lines from item codes (any case) and an ID: three calls', async () => {
		const result = await run({
			operation: 'create',
			invoiceTo: rl('code', '2'),
			journal: '70',
			lines: {
				line: [
					line('arbeid', 2.5),
					line('KK-12', 2, { unitPrice: 12.5, description: "Kogelkraan 1/2\" (O'Neill)" }),
					line(items.voorrij.id),
				],
			},
			additionalFields: { YourRef: 'WB-2026-0042', Description: 'Werkbon 2026-0042', PaymentCondition: rl('list', '14'), InvoiceDate: '2026-03-02' },
		});
		const [invoice] = jsonOf(result);
		expect(invoice).toMatchObject({ Status: 10, YourRef: 'WB-2026-0042', InvoiceTo: accounts.oneill.id, PaymentCondition: '14', Journal: '70' });
		expect(invoice.InvoiceDate).toBe('2026-03-02T00:00:00.000+01:00');
		expect(String(invoice.Created)).toMatch(ISO_WITH_OFFSET);
		expect(Object.keys(invoice)).toEqual([...SALES_INVOICE.fields, 'SalesInvoiceLines']);
		const lines = invoice.SalesInvoiceLines as Array<Record<string, unknown>>;
		expect(lines.map((l) => [l.ItemCode, l.Quantity, l.UnitPrice])).toEqual([
			['ARBEID', 2.5, 62.5],
			['KK-12', 2, 12.5],
			['VOORRIJ', 1, 45],
		]);
		expect(lines[1].Description).toBe("Kogelkraan 1/2\" (O'Neill)");
		expect(endpointsOf(result)).toEqual(['GET crm/Accounts', 'GET logistics/Items', 'POST salesinvoice/SalesInvoices']);
		expect(linesOf(invoice.InvoiceID)).toHaveLength(3);
	});

	it('looks each item code up once per run, however many invoices use it', async () => {
		const result = await run(
			{ operation: 'create', invoiceTo: rl('list', '={{ $json.account }}'), journal: '70', lines: { line: [line('ARBEID'), line('BUIS 15 CU', 3)] } },
			{ items: [{ account: accounts.bakkerij.id }, { account: accounts.oneill.id }, { account: accounts.cafe.id }] },
		);
		expect(jsonOf(result).map((i) => i.InvoiceTo)).toEqual([accounts.bakkerij.id, accounts.oneill.id, accounts.cafe.id]);
		expect(endpointsOf(result)).toEqual([
			'GET logistics/Items',
			'POST salesinvoice/SalesInvoices',
			'POST salesinvoice/SalesInvoices',
			'POST salesinvoice/SalesInvoices',
		]);
	});

	it("stops at an unknown item before anything is written: 'Item 'MAT-9' not found in administration 1234567'", async () => {
		const before = suite.exact.sim.state.listRecords('SalesInvoices').length;
		const result = await run({ operation: 'create', invoiceTo: rl('code', '1'), journal: '70', lines: { line: [line('ARBEID'), line('MAT-9')] } });
		expect(result.error?.message).toBe("Item 'MAT-9' not found in administration 1234567");
		expect(result.error?.description).toMatch(/nothing was written/);
		expect(endpointsOf(result)).not.toContain('POST salesinvoice/SalesInvoices');
		expect(suite.exact.sim.state.listRecords('SalesInvoices')).toHaveLength(before);
	});

	it('refuses a line without an item and an invoice without lines, before calling Exact', async () => {
		const noItem = await run({ operation: 'create', invoiceTo: rl('code', '1'), journal: '70', lines: { line: [line('ARBEID'), line('  ')] } });
		expect(noItem.error?.message).toBe('Line 2 has no item');
		const noLines = await run({ operation: 'create', invoiceTo: rl('code', '1'), journal: '70', lines: {} });
		expect(noLines.error?.message).toBe('The invoice has no lines');
		expect([...noItem.host.http, ...noLines.host.http]).toHaveLength(0);
	});

	it("passes Exact's refusal of a blocked account on per item", async () => {
		const result = await run(
			{ operation: 'create', invoiceTo: rl('code', '6'), journal: '70', lines: { line: [line('ARBEID')] } },
			{ continueOnFail: true },
		);
		expect(jsonOf(result)[0].error).toMatch(/HTTP 400/);
		expect(result.output?.[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('names an unknown account', async () => {
		const result = await run({ operation: 'create', invoiceTo: rl('code', '4040'), journal: '70', lines: { line: [line('ARBEID')] } });
		expect(result.error?.message).toBe("Account '4040' not found in administration 1234567");
	});
});

describe('Exact Online Sales Invoice: scopes', () => {
	it('explains a missing salesinvoice scope', async () => {
		suite.exact.sim.state.denyScopes(['salesinvoice']);
		const result = await run({ operation: 'get', invoice: '25700001' });
		expect(result.error?.message).toMatch(/HTTP 403.*Scope/i);
		expect(result.error?.description).toMatch(/permission \(scope\)/);
	});
});
