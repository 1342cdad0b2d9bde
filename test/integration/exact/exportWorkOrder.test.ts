/**
 * Create From OutSmart Work Order against the Exact simulator: the right document and lines, never twice
 * (re-runs, a lost answer after the write, two executions or two processes at once), work orders refused for
 * what is in them on the Not Exported output, and outages that stop the run without sorting any work order.
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

/** The second output: work orders refused for what is in them. */
const notExported = (result: Awaited<ReturnType<typeof run>>) => {
	if (result.error) throw result.error;
	return (result.output?.[1] ?? []).map((item) => item.json);
};

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

	it('refuses an unknown relation on the Not Exported output, writes nothing for it, and goes on with the others', async () => {
		const result = await run([workOrder('WO-T-5', { CustomerDebtorNr: '99999' }), workOrder('WO-T-6')]);
		const [refused] = notExported(result);
		expect(refused).toEqual({
			workOrderNumber: 'WO-T-5',
			error: `Relation 99999 on work order WO-T-5 not found in Exact administration ${MAIN_DIVISION}`,
			details: expect.stringMatching(/nothing was written/),
		});
		expect(jsonOf(result)).toEqual([expect.objectContaining({ status: 'created', workOrderNumber: 'WO-T-6' })]);
		expect(result.output?.map((output) => output.map((i) => i.pairedItem))).toEqual([[{ item: 1 }], [{ item: 0 }]]);
		expect(invoices().map((i) => i.YourRef)).toEqual(['WO-T-6']);
		expect(exact.sim.state.getStats().calls.byStatus['400'] ?? 0).toBe(0);
	});

	it('refuses a relation that is blocked in Exact before writing (Exact would refuse it and count the error)', async () => {
		exact.sim.state.updateRecord('Accounts', accounts.oneill.id, { Blocked: true });
		const result = await run([workOrder('WO-T-10')]);
		expect(notExported(result)).toEqual([
			{ workOrderNumber: 'WO-T-10', error: `Relation ${accounts.oneill.code.trim()} (${accounts.oneill.name}) on work order WO-T-10 is blocked in Exact`, details: expect.stringMatching(/Unblock/) },
		]);
		expect(posts()).toBe(0);
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
		const refused = notExported(await run([workOrder('WO-T-7', unknown)]));
		expect(refused[0].error).toBe(`Material MAT-9 on work order WO-T-7 not found in Exact administration ${MAIN_DIVISION}`);
		expect(posts()).toBe(0);

		const skipped = jsonOf(await run([workOrder('WO-T-7', unknown)], { exportOptions: { unknownMaterial: 'skip' } }));
		expect(skipped[0]).toMatchObject({ status: 'created', skippedLines: ['MAT-9', 'MAT-9'], lines: 3 });
	});

	it('refuses a malformed work order with every reason, before any call to Exact', async () => {
		exact.sim.state.resetStats();
		const result = await run([{ WorkorderNo: 'WO-T-8', Materials: [{ MaterialCode: 'KK-12', MaterialNr: 'twee' }] }]);
		const refused = notExported(result);
		expect(refused[0].error).toMatch(/^The work order WO-T-8 cannot be exported: The work order has no debtor number.*Material KK-12: Cannot read "twee"/);
		expect(jsonOf(result)).toEqual([]);
		expect(exact.sim.state.getStats().calls.total).toBe(0);
	});

	it('leaves a work order made from an Exact sales order to its own flow, unless asked to export it too', async () => {
		exact.sim.state.resetStats();
		const result = await run([workOrder('VO-4711'), workOrder('WO-T-12')]);
		const refused = notExported(result);
		expect(refused).toHaveLength(1);
		expect(refused[0]).toMatchObject({ workOrderNumber: 'VO-4711' });
		expect(refused[0].error).toMatch(/VO-4711 was made from an Exact sales order \(4711\): that flow returns it to Exact, it is not invoiced here/);
		expect(jsonOf(result).map((r) => r.workOrderNumber)).toEqual(['WO-T-12']);
		expect(exact.sim.state.listRecords('SalesInvoices').filter((i) => i.YourRef === 'VO-4711')).toHaveLength(0);

		const asked = jsonOf(await run([workOrder('VO-4711')], { exportOptions: { exportOtherFlows: true } }));
		expect(asked[0]).toMatchObject({ status: 'created', workOrderNumber: 'VO-4711' });
	});

	it('creates a sales order when asked', async () => {
		const out = jsonOf(await run([workOrder('WO-T-9')], { documentType: 'salesOrder' }));
		expect(out[0]).toMatchObject({ status: 'created', documentType: 'sales order', OrderNumber: expect.any(Number) });
		const order = exact.sim.state.listRecords('SalesOrders').find((o) => o.YourRef === 'WO-T-9');
		expect(order).toMatchObject({ OrderedBy: accounts.oneill.id });
		expect(invoices()).toHaveLength(0);
	});

	it('a batch of 20 work orders costs one write each plus four batched calls (references, relations, items, read-back)', async () => {
		const batch = Array.from({ length: 20 }, (_, n) => workOrder(`WO-T-B${n}`));
		exact.sim.state.resetStats();
		const out = jsonOf(await run(batch));
		expect(out.every((r) => r.status === 'created')).toBe(true);
		const stats = exact.sim.state.getStats();
		expect(posts()).toBe(20);
		expect(stats.calls.total).toBe(20 + 4);
	});
});

describe('Create From OutSmart Work Order across processes and outages', () => {
	const competingInvoice = (reference: string, account = accounts.oneill.id) =>
		exact.sim.state.insertRecord('SalesInvoices', {
			OrderedBy: account,
			Journal: '70',
			YourRef: reference,
			SalesInvoiceLines: [{ Item: items.kogelkraan.id, Quantity: 1 }],
		});

	it('another process wrote the same work order first: keeps the oldest invoice and deletes its own newer draft', async () => {
		// Our write is held up; meanwhile "another n8n process" writes the same work order.
		exact.sim.state.addFault({ match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, kind: 'delay', delayMs: 600 });
		const running = run([workOrder('WO-T-20')]);
		await new Promise((resolve) => setTimeout(resolve, 200));
		const theirs = competingInvoice('WO-T-20');
		const out = jsonOf(await running);
		expect(out).toEqual([
			expect.objectContaining({ workOrderNumber: 'WO-T-20', status: 'alreadyExported', InvoiceID: theirs.InvoiceID, duplicateRemoved: expect.any(Number) }),
		]);
		expect(invoices().map((i) => i.InvoiceID)).toEqual([theirs.InvoiceID]);
		expect(exact.sim.state.getStats().calls.byEndpoint['DELETE salesinvoice/SalesInvoices'] ?? 0).toBe(1);
	});

	it('a later run that finds two invoices for one work order names the extra one and deletes nothing', async () => {
		const first = competingInvoice('WO-T-21');
		const second = competingInvoice('WO-T-21');
		const out = jsonOf(await run([workOrder('WO-T-21')]));
		expect(out[0]).toMatchObject({ status: 'alreadyExported', InvoiceID: first.InvoiceID, duplicates: [second.InvoiceNumber] });
		expect(invoices()).toHaveLength(2);
	});

	it("refuses a reference that another customer's invoice carries, and names that invoice and customer", async () => {
		const foreign = competingInvoice('WO-T-22', accounts.bakkerij.id);
		const result = await run([workOrder('WO-T-22')]);
		expect(jsonOf(result)).toEqual([]);
		expect(notExported(result)[0].error).toBe(
			`Reference WO-T-22 is used by sales invoice ${String(foreign.InvoiceNumber)} of customer ${accounts.bakkerij.code.trim()} (${accounts.bakkerij.name}), not of relation ${accounts.oneill.code.trim()} on this work order`,
		);
		expect(posts()).toBe(0);
	});

	it('Exact answering 503 to every write stops the run with a clear error and sorts no work order', async () => {
		exact.sim.state.addFault({ match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, kind: 'status', status: 503, times: 0 });
		const result = await run([workOrder('WO-T-23'), workOrder('WO-T-24')]);
		expect(result.output).toBeUndefined();
		expect(result.error?.message).toMatch(/Exact did not confirm the sales invoice for work order WO-T-23/);
		expect(result.error?.description).toMatch(/not written a second time.*stays ready/);
		// One write, one look, and not a second write.
		expect(posts()).toBe(1);
		expect(invoices()).toHaveLength(0);
	});

	it('Exact down for the whole run (every call 503) stops before any write', async () => {
		exact.sim.state.addFault({ match: { path: '/api/v1/' }, kind: 'status', status: 503, times: 0 });
		const result = await run([workOrder('WO-T-25')]);
		expect(result.output).toBeUndefined();
		expect(result.error?.message).toMatch(/HTTP 503/);
		expect(result.error?.description).toMatch(/Exact Online had a problem answering/);
		expect(posts()).toBe(0);
	});

	it('a write whose connection drops without Exact storing it is not written again: the run stops, the work order stays ready', async () => {
		exact.sim.state.addFault({ match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, kind: 'drop', times: 1 });
		const result = await run([workOrder('WO-T-26')]);
		expect(result.error?.message).toMatch(/did not confirm the sales invoice for work order WO-T-26.*not in Exact \(yet\)/);
		expect(posts()).toBe(1);
		expect(invoices()).toHaveLength(0);
		// The next run writes it (the evidence no longer changes once the write is long gone).
		const next = jsonOf(await run([workOrder('WO-T-26')]));
		expect(next[0]).toMatchObject({ status: 'created' });
		expect(invoices()).toHaveLength(1);
	});

	it('a wrong journal is the node\'s setting, not the work order\'s: the run stops', async () => {
		const result = await run([workOrder('WO-T-27')], { exportJournal: '99' });
		expect(result.output).toBeUndefined();
		expect(result.error?.message).toMatch(/Journal not found: 99/);
		expect(result.error?.description).toMatch(/Choose this administration's sales journal in 'Journal'/);
	});
});
