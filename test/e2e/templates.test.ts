/**
 * Every template in templates/, imported into a real n8n exactly as shipped (only the demo credentials
 * picked), run through its Manual Trigger against the two simulators, with the end state checked on both
 * sides: records arrived, a second run changes nothing, work orders handled or marked failed, and a
 * connection dropped after the invoice write still leaves exactly one invoice.
 */
import { customerFieldsOf } from '../../simulators/outsmart';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';
import { REPO_ROOT } from '../../scripts/n8n-env';
import { EXACT_SEED_FIXTURES } from '../../simulators/exact';
import { readyForExport, startDemoWorld, type DemoWorld } from '../../scripts/demo-data';
import { importDemoWorkflows, readTemplate as template } from '../../scripts/demo';
import { createN8nInstance, waitFor, type N8nInstance, type WorkflowInput } from '../../scripts/n8n';

jest.setTimeout(300_000);

const TEMPLATE_DIR = path.join(REPO_ROOT, 'templates');


describe('templates in a real n8n', () => {
	let world: DemoWorld;
	let n8n: N8nInstance;
	const ids: Record<string, string> = {};
	const files = fs.readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.json')).sort();

	const records = (entity: string) => world.outsmart.state.list(entity) as IDataObject[];
	const workorder = (no: string) => world.outsmart.state.findWorkorder(no) as IDataObject | undefined;
	const invoices = () => world.exact.state.listRecords('SalesInvoices').filter((i) => String(i.YourRef ?? '').startsWith('WO-'));

	beforeAll(async () => {
		world = await startDemoWorld();
		n8n = await createN8nInstance({ name: 'templates' });
		const imported = await importDemoWorkflows(n8n, world, files.map(template));
		files.forEach((file, i) => (ids[file] = imported[i]));
	});

	afterAll(async () => {
		await n8n?.dispose();
		await world?.close();
	});

	it('ships one template per flow, each with a schedule or OutSmart trigger, a manual trigger and notes, no credentials or IDs', () => {
		expect(files).toEqual([
			'01-import-relations.json',
			'02-import-materials.json',
			'03-import-hour-types.json',
			'04-import-payment-data.json',
			'05-export-work-orders.json',
			'06-exact-trigger-relations.json',
			'07-import-employees-and-item-groups.json',
			'08-import-price-agreements.json',
			'09-sales-orders-to-work-orders.json',
			'10-work-orders-back-to-sales-orders.json',
			'11-quotations.json',
			'12-outsmart-invoices-to-exact.json',
			'13-warehouses-and-stock.json',
			'14-projects-and-planning.json',
		]);
		for (const file of files) {
			const text = fs.readFileSync(path.join(TEMPLATE_DIR, file), 'utf8');
			const workflow = JSON.parse(text) as WorkflowInput & { id?: string };
			const nodes = workflow.nodes;
			expect(workflow.id).toBeUndefined();
			expect(nodes.every((n) => n.credentials === undefined && n.id === undefined)).toBe(true);
			const types = nodes.map((n) => n.type);
			expect(types).toContain('n8n-nodes-base.manualTrigger');
			expect(types.some((t) => t === 'n8n-nodes-base.scheduleTrigger' || t.endsWith('.outSmartTrigger'))).toBe(true);
			expect(types).toContain('n8n-nodes-base.stickyNote');
			expect(types.filter((t) => !t.startsWith('n8n-nodes-base.')).every((t) => t.startsWith('n8n-nodes-exact-outsmart.'))).toBe(true);
			expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
		}
	});

	it('relations: Exact customers arrive in OutSmart; a second run writes nothing', async () => {
		const run = await n8n.execute(ids['01-import-relations.json']);
		expect(run.error).toBeUndefined();
		const report = run.json('Create or update relations in OutSmart');
		expect(report.length).toBeGreaterThan(3);
		expect(report.every((r) => ['created', 'updated', 'unchanged', 'skipped'].includes(String(r.outcome)))).toBe(true);
		// The blocked customer is not brought into OutSmart.
		expect(report.find((r) => r.key === EXACT_SEED_FIXTURES.accounts.blocked.code.trim())).toMatchObject({ outcome: 'skipped' });
		// Customers only (Relation Types in Changes in Exact): no prospect, suspect or plain supplier.
		const { prospect, suspect, supplier } = EXACT_SEED_FIXTURES.accounts;
		expect(report.filter((r) => [prospect, suspect, supplier].some((a) => a.code.trim() === r.key))).toEqual([]);
		expect(records('relations').find((r) => r.debtor_number === '1')).toMatchObject({ name: "Bakkerij 't Hoekje", city: "'s-Hertogenbosch" });
		expect(run.json('Confirm changes processed')).toEqual([{ syncName: 'relations to OutSmart', confirmed: true, givenBack: 0, retrying: 0 }]);
		// Contacts arrive as contact persons of their relation.
		const contactPersons = records('contactpersons');
		expect(contactPersons.length).toBeGreaterThan(5);
		expect(contactPersons.find((c) => String(c.cpn_name).includes("O'Neill"))).toMatchObject({ cpn_debtor_nr: '2' });

		world.outsmart.state.resetStats();
		const again = await n8n.execute(ids['01-import-relations.json']);
		expect(again.status).toBe('success');
		expect(again.json('Changes in Exact')).toEqual([]);
		expect(world.outsmart.state.stats().callsTotal).toBe(0);

		// A customer blocked in Exact becomes an inactive relation, kept with its data.
		world.exact.state.updateRecord('Accounts', EXACT_SEED_FIXTURES.accounts.oneill.id, { Blocked: true });
		const blocked = await n8n.execute(ids['01-import-relations.json']);
		expect(blocked.json('Create or update relations in OutSmart')).toEqual([expect.objectContaining({ key: '2', outcome: 'updated', changedFields: ['active'] })]);
		expect(records('relations').find((r) => r.debtor_number === '2')).toMatchObject({ active: '0', name: EXACT_SEED_FIXTURES.accounts.oneill.name });
	});

	it('relations: a customer OutSmart refuses (no address) does not stop the others or the position, and is sent again until fixed', async () => {
		const noAddress = world.exact.state.insertRecord('Accounts', { Name: 'Zonder Adres BV', Status: 'C', AddressLine1: '', Postcode: '', City: '', PaymentConditionSales: '30' });
		const fine = world.exact.state.insertRecord('Accounts', { Name: 'Met Adres BV', Status: 'C', AddressLine1: 'Markt 1', Postcode: '2801 JA', City: 'Gouda', PaymentConditionSales: '30' });
		const run = await n8n.execute(ids['01-import-relations.json']);
		expect(run.status).toBe('success');
		expect(run.json('Create or update relations in OutSmart')).toEqual([expect.objectContaining({ key: String(fine.Code).trim(), outcome: 'created' })]);
		// Visible in the execution, with OutSmart's reason and the Exact record it was.
		expect(run.json('Refused by OutSmart (retried next run)')).toEqual([
			expect.objectContaining({ ID: noAddress.ID, error: expect.stringMatching(/^OutSmart refused relation .+: required field/) }),
		]);
		const confirms = [0, 1].map((i) => run.json('Confirm changes processed', { run: i })[0]);
		expect(confirms.filter((c) => c.confirmed === true)).toHaveLength(1);
		expect(confirms.map((c) => c.retrying)).toContain(1);

		// Next run: nothing new in Exact; only the refused customer is sent again (and refused again).
		const again = await n8n.execute(ids['01-import-relations.json']);
		expect(again.json('Changes in Exact')).toEqual([expect.objectContaining({ ID: noAddress.ID, retry: true })]);
		expect(again.json('Refused by OutSmart (retried next run)')).toHaveLength(1);

		// Fixed in Exact: it arrives, and the retry ends.
		world.exact.state.updateRecord('Accounts', String(noAddress.ID), { AddressLine1: 'Dorpsstraat 2', Postcode: '1234 AB', City: 'Ede' });
		const fixed = await n8n.execute(ids['01-import-relations.json']);
		expect(fixed.json('Create or update relations in OutSmart')).toEqual([expect.objectContaining({ outcome: 'created' })]);
		expect(fixed.json('Confirm changes processed')).toEqual([expect.objectContaining({ confirmed: true, retrying: 0 })]);
		expect(records('relations').find((r) => r.name === 'Zonder Adres BV')).toMatchObject({ city: 'Ede' });
		expect((await n8n.execute(ids['01-import-relations.json'])).json('Changes in Exact')).toEqual([]);
	});

	it('materials and hour types: sales items and time items arrive in OutSmart', async () => {
		const materials = await n8n.execute(ids['02-import-materials.json']);
		expect(materials.error).toBeUndefined();
		const codes = records('materials').map((m) => m.code);
		expect(codes).toEqual(expect.arrayContaining(['KK-12', 'BUIS 15 CU', 'CV-HRE28']));
		expect(codes).not.toContain('ARBEID');
		// Each material is put in the category of its item group (same code as in Exact).
		const kogelkraan = world.exact.state.getRecord('Items', EXACT_SEED_FIXTURES.items.kogelkraan.id) as IDataObject;
		expect(records('material_categories')).toContainEqual(expect.objectContaining({ mct_mat_code: 'KK-12', mct_cat_code: kogelkraan.ItemGroupCode }));

		const hours = await n8n.execute(ids['03-import-hour-types.json']);
		expect(hours.error).toBeUndefined();
		expect(records('hourtypes').map((h) => h.code)).toEqual(expect.arrayContaining(['ARBEID', 'VOORRIJ', 'SPOED']));

		// Second runs: nothing changed in Exact, so nothing is read or written.
		world.outsmart.state.resetStats();
		for (const file of ['02-import-materials.json', '03-import-hour-types.json']) {
			const again = await n8n.execute(ids[file]);
			expect(again.status).toBe('success');
			expect(again.json('Changes in Exact')).toEqual([]);
		}
		expect(world.outsmart.state.stats().callsTotal).toBe(0);

		// A new default price in Exact's price list (the item itself is not marked changed) reaches OutSmart.
		world.exact.state.insertRecord('SalesItemPrices', { Item: EXACT_SEED_FIXTURES.items.kogelkraan.id, Price: 19.5 });
		const repriced = await n8n.execute(ids['02-import-materials.json']);
		expect(repriced.json('Create or update materials in OutSmart')).toEqual([expect.objectContaining({ key: 'KK-12', outcome: 'updated', changedFields: ['price'] })]);
		expect(records('materials').find((m) => m.code === 'KK-12')?.price).toBe('19,50');

		// An item deleted in Exact: the material is kept, marked; the hour-type flow, which never read the material
		// (Kind: hour types), gets the deletion without a code and skips it.
		const before = String(records('materials').find((m) => m.code === 'CV-HRE28')?.description);
		world.exact.state.deleteRecord('Items', EXACT_SEED_FIXTURES.items.cvKetel.id);
		const deletedMaterial = await n8n.execute(ids['02-import-materials.json']);
		expect(deletedMaterial.json('Create or update materials in OutSmart')).toEqual([expect.objectContaining({ key: 'CV-HRE28', outcome: 'updated' })]);
		expect(records('materials').find((m) => m.code === 'CV-HRE28')?.description).toBe(`[VERVALLEN] ${before}`);
		const deletedHour = await n8n.execute(ids['03-import-hour-types.json']);
		expect(deletedHour.json('Create or update hour types in OutSmart')).toEqual([expect.objectContaining({ outcome: 'skipped', sent: false, reason: expect.stringContaining('never read') })]);
	});

	it('payment data: payment conditions become payment methods, each customer\'s condition and open amount land on its relation', async () => {
		const run = await n8n.execute(ids['04-import-payment-data.json']);
		expect(run.status).toBe('success');
		const methods = records('paymentmethods').map((m) => String(m.pmd_description));
		expect(methods.length).toBeGreaterThanOrEqual(3);
		const balances = run.json('Customer balances in Exact');
		const known = new Set(records('relations').map((r) => r.debtor_number));
		const remarks = records('relations').filter((r) => /^Betalingsconditie: .+\nOpenstaand volgens Exact: (niets|€ -?[\d.]+,\d\d \(.+\))$/.test(String(r.remark ?? '')));
		expect(remarks.length).toBe(balances.filter((b) => known.has(String(b.AccountCode))).length);
		expect(run.json('Confirm payment data processed')).toEqual([{ syncName: 'payment data to OutSmart', confirmed: true, givenBack: 0 }]);

		// A customer pays everything: only it is sent, and its remark says nothing is open.
		const open = () => world.exact.state.listRecords('Receivables').filter((r) => r.IsFullyPaid !== true && known.has(String(r.AccountCode).trim()));
		const code = String(open()[0].AccountCode).trim();
		for (const receivable of open().filter((r) => String(r.AccountCode).trim() === code)) {
			world.exact.state.updateRecord('Receivables', String(receivable.ID), { IsFullyPaid: true, AmountDC: 0 });
		}
		const paid = await n8n.execute(ids['04-import-payment-data.json']);
		expect(paid.json('Customer balances in Exact')).toEqual([expect.objectContaining({ AccountCode: code, OpenAmount: 0, IsFullyPaid: true })]);
		expect(paid.json('Payment data on the relation')).toEqual([expect.objectContaining({ key: code, outcome: 'updated', changedFields: ['remark'] })]);
		expect(String(records('relations').find((r) => r.debtor_number === code)?.remark)).toMatch(/\nOpenstaand volgens Exact: niets$/);

		// Nothing changed: payment methods are all found as they are, and no customer is handed out.
		const again = await n8n.execute(ids['04-import-payment-data.json']);
		expect(again.status).toBe('success');
		expect(again.json('Create or update payment methods in OutSmart').every((r) => r.outcome === 'unchanged')).toBe(true);
		expect(again.json('Customer balances in Exact')).toEqual([]);
	});

	it('employees and item groups: Exact employees become OutSmart employees, item groups material categories; a second run writes nothing', async () => {
		const file = '07-import-employees-and-item-groups.json';
		const run = await n8n.execute(ids[file]);
		expect(run.error).toBeUndefined();
		const exactEmployees = world.exact.state.listRecords('Employees');
		expect(run.json('Create or update employees in OutSmart').map((r) => r.outcome)).toEqual(exactEmployees.map(() => 'created'));
		expect(records('employees')).toContainEqual({ number: '1', firstname: 'Jan', lastname: 'de Vries', active: '1' });
		expect(run.json('Confirm employee changes processed')).toEqual([{ syncName: 'employees to OutSmart', confirmed: true, givenBack: 0, retrying: 0 }]);
		for (const group of world.exact.state.listRecords('ItemGroups')) {
			expect(records('categories')).toContainEqual(expect.objectContaining({ cat_code: group.Code, cat_name: group.Description, cat_display: '1' }));
		}

		// Nothing changed in Exact: employees are not read again, categories are all found as they are; one OutSmart read.
		world.outsmart.state.resetStats();
		const again = await n8n.execute(ids[file]);
		expect(again.status).toBe('success');
		expect(again.json('Employee changes in Exact')).toEqual([]);
		expect(again.json('Create or update material categories in OutSmart').every((r) => r.outcome === 'unchanged')).toBe(true);
		expect(world.outsmart.state.stats().callsByMethod).toEqual({ 'GET categories': 1 });

		// An employee who leaves in Exact becomes inactive in OutSmart, kept with their name.
		const jan = exactEmployees.find((e) => e.Code === '1') as IDataObject;
		world.exact.state.updateRecord('Employees', String(jan.ID), { IsActive: false, EndDate: '2025-06-30T00:00:00' });
		const left = await n8n.execute(ids[file]);
		expect(left.json('Create or update employees in OutSmart')).toEqual([expect.objectContaining({ key: '1', outcome: 'updated', changedFields: ['active'] })]);
		expect(records('employees')).toContainEqual({ number: '1', firstname: 'Jan', lastname: 'de Vries', active: '0' });
	});

	it('price agreements: customer agreements become OutSmart prices; deleted and ended ones end; a second run writes nothing', async () => {
		const file = '08-import-price-agreements.json';
		const agreements = () => world.exact.state.listRecords('SalesItemPrices').filter((r) => r.Account);
		const customerPrices = () => records('prices').filter((p) => p.debtornr);
		const run = await n8n.execute(ids[file]);
		expect(run.error).toBeUndefined();
		expect(run.json('Create, update or end prices in OutSmart').map((r) => r.outcome)).toEqual(agreements().map(() => 'created'));
		const bakkerij = agreements().find((r) => r.Account === EXACT_SEED_FIXTURES.accounts.bakkerij.id) as IDataObject;
		expect(customerPrices()).toContainEqual(
			expect.objectContaining({ debtornr: '1', date_start: '2025-01-01', date_end: null, price: Number(bakkerij.Price).toFixed(2) }),
		);
		expect(run.json('Confirm changes processed').some((c) => c.confirmed === true)).toBe(true);

		world.outsmart.state.resetStats();
		const again = await n8n.execute(ids[file]);
		expect(again.status).toBe('success');
		expect(again.json('Price agreement changes in Exact')).toEqual([]);
		expect(world.outsmart.state.stats().callsTotal).toBe(0);

		// Deleted in Exact: the OutSmart price ends (OutSmart cannot delete a price); ended: the same end date.
		const [deleted, ended] = agreements();
		world.exact.state.deleteRecord('SalesItemPrices', String(deleted.ID));
		world.exact.state.updateRecord('SalesItemPrices', String(ended.ID), { EndDate: '2025-10-31T00:00:00' });
		const changed = await n8n.execute(ids[file]);
		expect(changed.json('Create, update or end prices in OutSmart')).toEqual([
			expect.objectContaining({ outcome: 'updated', changedFields: ['date_end'] }),
			expect.objectContaining({ outcome: 'updated', changedFields: ['date_end'] }),
		]);
		const ends = customerPrices().map((p) => p.date_end).filter(Boolean);
		expect(ends).toContain('2025-10-31');
		expect(ends.some((end) => String(end) >= new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10))).toBe(true);
		expect((await n8n.execute(ids[file])).json('Price agreement changes in Exact')).toEqual([]);
	});

	it('export: completed work orders (with or without a work status, not failed before) become one draft invoice each and are marked handled; a re-run invoices nothing twice', async () => {
		// A work order the sales order flow made (VO-<order>) is left to that flow.
		const template = records('workorders').find(readyForExport) as IDataObject;
		const customer = customerFieldsOf(template);
		world.outsmart.state.insertWorkorders([{ ...customer, WorkorderNo: 'VO-4711', _complete: { workStatus: 'GEREED' } }]);
		// Out of the box: every completed, finished work order made in OutSmart, except those whose export failed before (EXPFOUT).
		const ready = records('workorders').filter(readyForExport).map((w) => String(w.WorkorderNo));
		expect(ready).not.toContain('VO-4711');
		expect(records('workorders').some((w) => w.status === 'Compleet' && !w.WorkStatus)).toBe(true);
		expect(ready.length).toBeGreaterThan(0);
		// A material gone from Exact (the materials test deleted it; again here when run alone) makes one work order fail.
		const { cvKetel } = EXACT_SEED_FIXTURES.items;
		if (world.exact.state.getRecord('Items', cvKetel.id)) world.exact.state.deleteRecord('Items', cvKetel.id);
		// The first write's answer is lost after Exact stored the invoice: the export must look, not write again.
		world.exact.state.addFault({ match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, kind: 'write-then-drop', times: 1 });

		// This template also has the OutSmart Trigger, and `n8n execute` may start there (a poll node only passes its
		// input on in CLI mode): run it the way the editor's "Run now" does.
		await n8n.start();
		const run = await n8n.runManualTrigger(ids['05-export-work-orders.json'], 'Run now');
		expect(run.error).toBeUndefined();
		const exported = run.json('Create invoice in Exact');
		const failed = run.json('Create invoice in Exact', { output: 1 });
		expect(exported.length + failed.length).toBe(ready.length);
		for (const no of ready) {
			const mine = invoices().filter((i) => i.YourRef === no);
			const wo = workorder(no);
			if (exported.some((e) => e.workOrderNumber === no)) {
				expect(mine).toHaveLength(1);
				expect(wo?.status).toBe('Afgehandeld');
			} else {
				expect(mine).toHaveLength(0);
				expect(wo?.status).toBe('Compleet');
				expect((wo?.fields as IDataObject | undefined)?.WorkStatus).toBe('EXPFOUT');
			}
		}
		expect(exported.length).toBeGreaterThan(0);
		// The Not Exported output names the work order and the reason: the deleted material, and the customer the
		// relations test blocked in Exact (checked before writing: Exact would refuse the invoice).
		expect(failed).toEqual(
			expect.arrayContaining([{ workOrderNumber: expect.any(String), error: expect.stringContaining(`Material ${cvKetel.code} on work order`), details: expect.any(String) }]),
		);
		expect(failed.every((f) => /^(Material .* not found|Relation .* is blocked in Exact)/.test(String(f.error)))).toBe(true);
		expect(run.json('Mark export failed')).toHaveLength(failed.length);
		expect(workorder('VO-4711')?.status).toBe('Compleet');
		expect(invoices().filter((i) => i.YourRef === 'VO-4711')).toHaveLength(0);

		const count = invoices().length;
		const again = await n8n.runManualTrigger(ids['05-export-work-orders.json'], 'Run now');
		expect(again.error).toBeUndefined();
		expect(invoices()).toHaveLength(count);
		await n8n.stop();
	});

	it('relations at once: the activated webhook template brings a changed customer to OutSmart within seconds; the catch-up poll finds the same change and writes nothing', async () => {
		const file = '06-exact-trigger-relations.json';
		const { bakkerij } = EXACT_SEED_FIXTURES.accounts;
		await n8n.start();
		// The catch-up run first: every customer is in OutSmart (created, or unchanged after the relations test).
		const catchUp = await n8n.runManualTrigger(ids[file], 'Run now');
		expect(catchUp.error).toBeUndefined();
		expect(records('relations').some((r) => r.debtor_number === '1')).toBe(true);

		await n8n.activateWorkflow(ids[file]);
		await waitFor(() => (world.exact.state.listRecords('WebhookSubscriptions').length ? true : undefined), 15_000, { description: 'the subscription' });
		world.exact.state.updateRecord('Accounts', bakkerij.id, { Phone: '073-6120000' });
		await world.exact.state.webhooks.idle();
		// Answered at once, though the flow's earlier runs used up Exact's minute and the record read has to wait.
		expect(world.exact.state.webhooks.deliveries.at(-1)?.status).toBe(200);
		const [execution] = await waitFor(async () => {
			const list = await n8n.listExecutions(ids[file]);
			return list.some((e) => e.mode === 'webhook' && e.finished) ? list.filter((e) => e.mode === 'webhook') : undefined;
		}, 30_000, { description: 'the webhook execution', intervalMs: 500 });
		expect(execution.status).toBe('success');
		expect(records('relations').find((r) => r.debtor_number === '1')).toMatchObject({ phone_number: '073-6120000' });

		// The hourly catch-up reads the same change: the upsert finds nothing to change and posts nothing.
		const upserts = world.outsmart.state.stats().upserts.length;
		const again = await n8n.runManualTrigger(ids[file], 'Run now');
		const report = again.json('Create or update relations in OutSmart (catch-up)');
		expect(report.find((r) => r.key === '1')).toMatchObject({ outcome: 'unchanged', sent: false });
		expect(report.map((r) => [r.key, r.outcome]).filter(([, outcome]) => outcome === 'created' || outcome === 'updated')).toEqual([]);
		expect(world.outsmart.state.stats().upserts).toHaveLength(upserts);

		await n8n.deactivateWorkflow(ids[file]);
		await waitFor(() => (world.exact.state.listRecords('WebhookSubscriptions').length === 0 ? true : undefined), 15_000, { description: 'no subscription left' });
		await n8n.stop();
	});
});
