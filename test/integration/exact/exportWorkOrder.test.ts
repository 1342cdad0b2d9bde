/**
 * Create From OutSmart Work Order against the Exact simulator: the right document and lines, never twice
 * (re-runs, a lost answer after the write, two executions at once), and per-item errors that say what to
 * fix before anything is written.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineSalesInvoice } from '../../../nodes/ExactOnlineSalesInvoice/ExactOnlineSalesInvoice.node';
import { EXACT_SEED_FIXTURES, MAIN_DIVISION } from '../../../simulators/exact';
import { jsonOf, runNode } from '../../harness/context';
import { resetCredential, startExact, type ExactFixture } from '../exactSetup';

const node = new ExactOnlineSalesInvoice();
const { accounts, items } = EXACT_SEED_FIXTURES;
let exact: ExactFixture;

beforeAll(async () => {
	exact = await startExact();
});
afterAll(async () => exact.sim.close());
beforeEach(() => {
	exact.sim.state.reset();
	resetCredential(exact, String(MAIN_DIVISION));
});

function workOrder(number: string, overrides: IDataObject = {}): IDataObject {
	return {
		WorkorderNo: number,
		CustomerDebtorNr: accounts.oneill.code.trim(),
		TypeOfWork: 'Onderhoud',
		WorkDescription: "Kogelkraan vervangen bij O'Neill",
		Materials: [
			{ MaterialCode: items.kogelkraan.code, MaterialNr: '2', MaterialPrice: '12,50', MaterialName: 'Kogelkraan' },
			{ MaterialCode: items.codeWithSpaces.code, MaterialNr: '2,5', MaterialPrice: '4,10', MaterialName: 'Buis' },
		],
		Workperiods: [
			{ WorkDate: '20-11-2026', TotalTime: '01:10', HourType: items.arbeid.code, EmployeeNr: '11' },
			{ WorkDate: '21-11-2026', TotalTime: '00:50', HourType: items.arbeid.code, EmployeeNr: '11' },
		],
		...overrides,
	};
}

const PARAMETERS = { operation: 'createFromWorkOrder', documentType: 'salesInvoice', exportJournal: '70' };

const run = (workOrders: IDataObject[], parameters: Record<string, unknown> = {}, extra = {}) =>
	runNode(node, {
		parameters: { ...PARAMETERS, ...parameters } as never,
		items: workOrders,
		credentials: exact.credentials(),
		...extra,
	});

const invoices = () => exact.sim.state.listRecords('SalesInvoices').filter((i) => String(i.YourRef ?? '').startsWith('WO-T'));
const posts = () => exact.sim.state.getStats().calls.byEndpoint['POST salesinvoice/SalesInvoices'] ?? 0;

describe('Create From OutSmart Work Order', () => {
	it('creates one draft invoice with a line per material and per hour type', async () => {
		const out = jsonOf(await run([workOrder('WO-T-1')], { exportOptions: { hourRounding: 15 } }));
		expect(out).toEqual([
			expect.objectContaining({ workOrderNumber: 'WO-T-1', status: 'created', documentType: 'sales invoice', lines: 3, skippedLines: [] }),
		]);
		const [invoice] = invoices();
		expect(invoice).toMatchObject({ YourRef: 'WO-T-1', InvoiceTo: accounts.oneill.id, Status: 10, Description: 'Werkbon WO-T-1: Onderhoud' });
		const lines = exact.sim.state.listRecords('SalesInvoiceLines').filter((l) => l.InvoiceID === invoice.InvoiceID);
		expect(lines.map((l) => [l.Item, l.Quantity, l.UnitPrice])).toEqual([
			[items.kogelkraan.id, 2, 12.5],
			[items.codeWithSpaces.id, 2.5, 4.1],
			[items.arbeid.id, 2.25, expect.any(Number)],
		]);
		expect(out[0].InvoiceNumber).toBe(invoice.InvoiceNumber);
	});

	it('a re-run finds the earlier invoice and writes nothing', async () => {
		await run([workOrder('WO-T-2')]);
		exact.sim.state.resetStats();
		const again = jsonOf(await run([workOrder('WO-T-2')]));
		expect(again[0]).toMatchObject({ status: 'alreadyExported', workOrderNumber: 'WO-T-2' });
		expect(posts()).toBe(0);
		expect(invoices()).toHaveLength(1);
	});

	it('when the answer to the write is lost, looks again and does not write a second time', async () => {
		exact.sim.state.addFault({ match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, kind: 'write-then-drop', times: 1 });
		const out = jsonOf(await run([workOrder('WO-T-3')]));
		expect(out[0]).toMatchObject({ status: 'created', workOrderNumber: 'WO-T-3' });
		expect(out[0].InvoiceID).toEqual(expect.any(String));
		expect(invoices()).toHaveLength(1);
		expect(posts()).toBe(1);
	});

	it('two executions at once make one invoice', async () => {
		const [a, b] = await Promise.all([run([workOrder('WO-T-4')]), run([workOrder('WO-T-4')])]);
		const statuses = [...jsonOf(a), ...jsonOf(b)].map((r) => r.status).sort();
		expect(statuses).toEqual(['alreadyExported', 'created']);
		expect(invoices()).toHaveLength(1);
	});

	it('refuses an unknown relation per item, writes nothing for it, and goes on with the others', async () => {
		const result = await run([workOrder('WO-T-5', { CustomerDebtorNr: '99999' }), workOrder('WO-T-6')], {}, { continueOnFail: true });
		const out = jsonOf(result);
		expect(out[0].error).toBe(`Relation 99999 on work order WO-T-5 not found in Exact administration ${MAIN_DIVISION}`);
		expect(out[0].details).toMatch(/nothing was written/);
		expect(out[1]).toMatchObject({ status: 'created', workOrderNumber: 'WO-T-6' });
		expect(result.output?.[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(invoices().map((i) => i.YourRef)).toEqual(['WO-T-6']);
		expect(exact.sim.state.getStats().calls.byStatus['400'] ?? 0).toBe(0);
	});

	it('refuses an unknown material, or leaves the line out when asked', async () => {
		// MAT-9 twice (delivered and returned): named once.
		const unknown = {
			Materials: [
				{ MaterialCode: 'MAT-9', MaterialNr: '1', MaterialPrice: '1,00' },
				{ MaterialCode: 'MAT-9', MaterialNr: '-1', MaterialPrice: '1,00' },
				...(workOrder('x').Materials as IDataObject[]),
			],
		};
		const refused = await run([workOrder('WO-T-7', unknown)]);
		expect(refused.error?.message).toBe(`Material MAT-9 on work order WO-T-7 not found in Exact administration ${MAIN_DIVISION}`);
		expect(posts()).toBe(0);

		const skipped = jsonOf(await run([workOrder('WO-T-7', unknown)], { exportOptions: { unknownMaterial: 'skip' } }));
		expect(skipped[0]).toMatchObject({ status: 'created', skippedLines: ['MAT-9', 'MAT-9'], lines: 3 });
	});

	it('refuses a malformed work order with every reason, before any call to Exact', async () => {
		exact.sim.state.resetStats();
		const result = await run([{ WorkorderNo: 'WO-T-8', Materials: [{ MaterialCode: 'KK-12', MaterialNr: 'twee' }] }]);
		expect(result.error?.message).toMatch(/^The work order WO-T-8 cannot be exported: The work order has no debtor number.*Material KK-12: Cannot read "twee"/);
		expect(exact.sim.state.getStats().calls.total).toBe(0);
	});

	it('creates a sales order when asked', async () => {
		const out = jsonOf(await run([workOrder('WO-T-9')], { documentType: 'salesOrder' }));
		expect(out[0]).toMatchObject({ status: 'created', documentType: 'sales order', OrderNumber: expect.any(Number) });
		const order = exact.sim.state.listRecords('SalesOrders').find((o) => o.YourRef === 'WO-T-9');
		expect(order).toMatchObject({ OrderedBy: accounts.oneill.id });
		expect(invoices()).toHaveLength(0);
	});

	it('a batch of 20 work orders costs one write each plus a few batched lookups', async () => {
		const batch = Array.from({ length: 20 }, (_, n) => workOrder(`WO-T-B${n}`));
		exact.sim.state.resetStats();
		const out = jsonOf(await run(batch));
		expect(out.every((r) => r.status === 'created')).toBe(true);
		const stats = exact.sim.state.getStats();
		expect(posts()).toBe(20);
		expect(stats.calls.total).toBeLessThanOrEqual(20 + 3);
	});
});
