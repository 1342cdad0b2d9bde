/**
 * Flow 3 (quotations, template 11) in a real n8n against the demo world, imported exactly as shipped: the
 * quotation accepted in Exact becomes work order OF-<number> with its lines as planned materials; the quotations
 * sent and accepted in OutSmart become Exact quotations, the accepted one accepted in Exact. A second run writes
 * nothing on either side; a quotation accepted in OutSmart later is accepted in Exact by the next run, once (the
 * other one, accepted before, is not asked again).
 */

import type { IDataObject } from 'n8n-workflow';
import { startDemoWorld, type DemoWorld } from '../../scripts/demo-data';
import { importDemoWorkflows, readTemplate } from '../../scripts/demo';
import { DEMO_OUTSMART_QUOTATIONS } from '../../scripts/demo-quotations';
import { createN8nInstance, type N8nInstance } from '../../scripts/n8n';

jest.setTimeout(240_000);

const FILE = '11-quotations.json';
const HOUR_ITEMS = ['ARBEID', 'VOORRIJ', 'SPOED'];

describe('template 11: quotations both ways, in a real n8n', () => {
	let world: DemoWorld;
	let n8n: N8nInstance;
	let id: string;

	const exactQuotations = () => world.exact.state.listRecords('Quotations');
	const fromOutSmart = () => exactQuotations().filter((q) => String(q.YourRef ?? '').startsWith('OutSmart '));
	const quotationWorkOrders = () => world.outsmart.state.list('workorders').filter((w) => String(w.WorkorderNo).startsWith('OF-'));
	const exactWrites = () => world.exact.state.calls().filter((call) => call.method !== 'GET' && !call.path.includes('oauth2'));

	beforeAll(async () => {
		world = await startDemoWorld();
		n8n = await createN8nInstance({ name: 'pro-quotations' });
		[id] = await importDemoWorkflows(n8n, world, [readTemplate(FILE)]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await world?.close();
	});

	it('accepted in Exact → work order OF-<number>; made in OutSmart → Exact quotation, accepted when accepted there; a second run writes nothing', async () => {
		const accepted = exactQuotations().filter((q) => q.Status === 50);
		expect(accepted.length).toBeGreaterThan(0);
		const run = await n8n.execute(id);
		expect(run.error).toBeUndefined();

		// Exact → OutSmart: one work order per accepted quotation, goods as materials.
		expect(run.json('Create work orders in OutSmart').map((r) => [r.WorkorderNo, r.created]).sort()).toEqual(accepted.map((q) => [`OF-${q.QuotationNumber}`, true]).sort());
		const itemCodes = new Map(world.exact.state.listRecords('Items').map((item) => [String(item.ID), String(item.Code)]));
		for (const quotation of accepted) {
			const stored = world.outsmart.state.getWorkorder(`OF-${quotation.QuotationNumber}`);
			expect(stored).toMatchObject({ TypeOfWork: 'Onderhoud', ShortWorkDescription: quotation.Description, CustomerName: quotation.DeliveryAccountName });
			const goods = world.exact.state
				.listRecords('QuotationLines')
				.filter((line) => line.QuotationID === quotation.QuotationID && !line.Optional)
				.map((line) => itemCodes.get(String(line.Item)))
				.filter((code) => !HOUR_ITEMS.includes(String(code)));
			expect((stored.Materials as IDataObject[]).map((m) => m.MaterialCode).sort()).toEqual(goods.sort());
		}
		expect(run.json('Confirm quotations processed')).toEqual([expect.objectContaining({ confirmed: true, givenBack: 0 })]);

		// OutSmart → Exact: both demo quotations made once, the accepted one accepted.
		const outSmartNumbers = world.outsmart.state.quotations.list().map((q) => String(q.quo_number_formatted));
		expect(run.json('Create or accept quotations in Exact').map((r) => [r.OutSmartQuotationNumber, r.outcome, r.acceptance])).toEqual([
			[outSmartNumbers[0], 'created', 'notAccepted'],
			[outSmartNumbers[1], 'created', 'accepted'],
		]);
		expect(fromOutSmart().map((q) => [q.YourRef, q.Status]).sort()).toEqual([
			[`OutSmart ${outSmartNumbers[0]}`, 20],
			[`OutSmart ${outSmartNumbers[1]}`, 50],
		]);
		const accountOf = (number: string) => fromOutSmart().find((q) => q.YourRef === `OutSmart ${number}`)?.OrderAccountCode;
		expect(String(accountOf(outSmartNumbers[1])).trim()).toBe(DEMO_OUTSMART_QUOTATIONS[1].debtor_nr);

		// Second run: nothing new. The quotation accepted from OutSmart comes through Exact's changes and is skipped.
		const writesBefore = exactWrites().length;
		const postedBefore = world.outsmart.state.stats().workordersPosted.length;
		const seqBefore = world.exact.state.calls().at(-1)?.seq ?? 0;
		const again = await n8n.execute(id);
		// It comes as its header only: no lines, items or accounts are read for it.
		const reads = world.exact.state.calls(seqBefore).map((call) => call.path);
		expect(reads.filter((path) => !path.includes('sync/') && /crm\/QuotationLines|logistics\/Items|crm\/Accounts/.test(path))).toEqual([]);
		expect(again.error).toBeUndefined();
		expect(again.json('Create work orders in OutSmart')).toEqual([expect.objectContaining({ skipped: true, created: false })]);
		expect(again.json('Create or accept quotations in Exact').map((r) => [r.outcome, r.acceptance])).toEqual([
			['exists', 'notAccepted'],
			['exists', 'alreadyAccepted'],
		]);
		expect(exactWrites()).toHaveLength(writesBefore);
		expect(world.outsmart.state.stats().workordersPosted).toHaveLength(postedBefore);
		expect(quotationWorkOrders()).toHaveLength(accepted.length);
		expect(fromOutSmart()).toHaveLength(2);

		// The customer accepts the other quotation in OutSmart: the next run accepts it in Exact, once.
		world.outsmart.state.quotations.setStatus(outSmartNumbers[0], 'ACCEPTED');
		const third = await n8n.execute(id);
		expect(third.json('Create or accept quotations in Exact').map((r) => r.acceptance)).toEqual(['accepted', 'alreadyAccepted']);
		expect(fromOutSmart().every((q) => q.Status === 50)).toBe(true);
		expect(exactWrites().filter((call) => call.path.endsWith('crm/AcceptQuotation'))).toHaveLength(2);
		expect(quotationWorkOrders()).toHaveLength(accepted.length);
	});
});
