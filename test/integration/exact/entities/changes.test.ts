/**
 * Get Changes of every entity node over several runs against the Exact simulator: the first run reads all,
 * the next only what changed, then a deletion; nothing changed costs one call per stream. The cursor lives in
 * the workflow's static data (one object shared by the runs, as n8n keeps it per workflow).
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineAccount } from '../../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { ExactOnlineItem } from '../../../../nodes/ExactOnlineItem/ExactOnlineItem.node';
import { ExactOnlinePayment } from '../../../../nodes/ExactOnlinePayment/ExactOnlinePayment.node';
import { ExactOnlineSalesInvoice } from '../../../../nodes/ExactOnlineSalesInvoice/ExactOnlineSalesInvoice.node';
import { EXACT_SEED_FIXTURES } from '../../../../simulators/exact';
import { exactTestClient } from '../../../../simulators/exact/testing';
import { jsonOf } from '../../../harness/context';
import type { ExactFixture } from '../../exactSetup';
import { callsOf, DIVISION, endpointsOf, ISO_WITH_OFFSET, runnerFor, startEntitySimulator, type Runner } from './setup';

const { accounts, items } = EXACT_SEED_FIXTURES;
let exact: ExactFixture;

beforeAll(async () => {
	exact = await startEntitySimulator();
});
afterAll(async () => exact.sim.close());
beforeEach(() => exact.sim.state.reset());

/** Runs Get Changes (or Confirm Changes) of a node against one workflow's static data. */
function syncRunner(run: Runner, staticData: IDataObject, base: Record<string, unknown> = {}) {
	return async (parameters: Record<string, unknown> = {}) => {
		const result = await run({ operation: 'getChanges', ...base, ...parameters }, { staticData });
		return { result, records: jsonOf(result) };
	};
}

const changed = (records: IDataObject[]) => records.filter((r) => r.changeType === 'changed');

describe('Get Changes: Exact Online Account', () => {
	it('reads everything, then only what changed, then a deletion; nothing changed costs one call per stream', async () => {
		const staticData: IDataObject = {};
		const sync = syncRunner(runnerFor(exact, new ExactOnlineAccount()), staticData);

		const first = await sync();
		expect(changed(first.records)).toHaveLength(10);
		expect(changed(first.records).find((a) => a.ID === accounts.bakkerij.id)).toMatchObject({ Code: '1', Name: "Bakkerij 't Hoekje" });
		expect(String(first.records[0].Modified)).toMatch(ISO_WITH_OFFSET);
		expect(endpointsOf(first.result)).toEqual(['GET sync/CRM/Accounts', 'GET sync/Deleted']);
		expect(callsOf(first.result)[0].query.$filter).toBe('Timestamp gt 1L');
		expect(callsOf(first.result)[1].query.$filter).toBe('Timestamp gt 1L and EntityType eq 2');

		exact.sim.state.updateRecord('Accounts', accounts.oneill.id, { Phone: '020-7654321' });
		const created = exact.sim.state.insertRecord('Accounts', { Name: "Schildersbedrijf 't Kwastje" });
		const second = await sync();
		expect(second.records.map((r) => [r.Name, r.changeType])).toEqual([
			["O'Neill Installaties", 'changed'],
			["Schildersbedrijf 't Kwastje", 'changed'],
		]);
		expect(second.records[0].Phone).toBe('020-7654321');
		expect(callsOf(second.result)).toHaveLength(2);
		expect(callsOf(second.result)[0].query.$filter).not.toBe('Timestamp gt 1L');

		exact.sim.state.deleteRecord('Accounts', String(created.ID));
		const third = await sync();
		expect(third.records).toEqual([
			{
				ID: created.ID,
				Code: String(created.Code).trim(),
				changeType: 'deleted',
				DeletedDate: expect.stringMatching(ISO_WITH_OFFSET),
				Timestamp: expect.any(Number),
			},
		]);

		const fourth = await sync();
		expect(fourth.records).toEqual([]);
		expect(endpointsOf(fourth.result)).toEqual(['GET sync/CRM/Accounts', 'GET sync/Deleted']);
	});

	it('with Confirm Later reads the same changes again until Confirm Changes makes the position final', async () => {
		const staticData: IDataObject = {};
		const run = runnerFor(exact, new ExactOnlineAccount());
		const sync = syncRunner(run, staticData, { changesOptions: { confirmLater: true } });

		expect(changed((await sync()).records)).toHaveLength(10);
		// The flow failed before Confirm Changes: the next run reads the same changes again.
		expect(changed((await sync()).records)).toHaveLength(10);

		const confirmed = await run({ operation: 'confirmChanges' }, { staticData });
		expect(jsonOf(confirmed)).toEqual([{ syncName: 'default', confirmed: true, givenBack: 0, retrying: 0 }]);
		expect(confirmed.host.http).toHaveLength(0);
		expect((await sync()).records).toEqual([]);
		expect(jsonOf(await run({ operation: 'confirmChanges' }, { staticData }))).toEqual([{ syncName: 'default', confirmed: true, givenBack: 0, retrying: 0 }]);
		// Nothing pending any more: a second confirmation has nothing to do.
		expect(jsonOf(await run({ operation: 'confirmChanges' }, { staticData }))).toEqual([{ syncName: 'default', confirmed: false, givenBack: 0, retrying: 0 }]);
	});

	it('keeps a position per Sync Name, and starts from scratch when asked', async () => {
		const staticData: IDataObject = {};
		const run = runnerFor(exact, new ExactOnlineAccount());
		const relations = syncRunner(run, staticData, { syncName: 'relaties naar OutSmart' });
		const other = syncRunner(run, staticData, { syncName: 'rapportage' });

		expect(changed((await relations()).records)).toHaveLength(10);
		expect(changed((await other()).records)).toHaveLength(10);
		expect((await relations()).records).toEqual([]);
		expect(changed((await relations({ changesOptions: { startOver: true } })).records)).toHaveLength(10);
		expect(Object.keys(staticData).sort()).toEqual([
			'exactSync:account:rapportage',
			'exactSync:account:rapportage:codes',
			'exactSync:account:relaties naar OutSmart',
			'exactSync:account:relaties naar OutSmart:codes',
		]);
	});

	it('reads one stream per run however many items come in, and leaves deletions out when asked', async () => {
		const staticData: IDataObject = {};
		const run = runnerFor(exact, new ExactOnlineAccount());
		const result = await run({ operation: 'getChanges', changesOptions: { includeDeleted: false } }, { staticData, items: [{}, {}, {}] });
		expect(jsonOf(result)).toHaveLength(10);
		expect(endpointsOf(result)).toEqual(['GET sync/CRM/Accounts']);
		expect(result.output?.[0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});
});

describe('Get Changes: Exact Online Item', () => {
	const ITEM_STREAMS = ['GET sync/Logistics/Items', 'GET sync/Deleted', 'GET sync/Logistics/SalesItemPrices'];

	it('adds the sales price the sync endpoint lacks; three runs; nothing changed costs one call per stream', async () => {
		const staticData: IDataObject = {};
		const sync = syncRunner(runnerFor(exact, new ExactOnlineItem()), staticData);

		const first = await sync();
		expect(changed(first.records)).toHaveLength(10);
		expect(first.records.find((i) => i.Code === 'ARBEID')).toMatchObject({ StandardSalesPrice: 62.5, IsTime: 1 });
		expect(first.records.find((i) => i.Code === 'BUIS 15 CU')).toMatchObject({ StandardSalesPrice: 8.4 });
		expect(endpointsOf(first.result)).toEqual([...ITEM_STREAMS, 'GET logistics/Items']);
		expect(callsOf(first.result)[0].query.$select).not.toContain('StandardSalesPrice');

		exact.sim.state.updateRecord('Items', items.kogelkraan.id, { StandardSalesPrice: 13.95 });
		const second = await sync();
		expect(second.records).toEqual([expect.objectContaining({ Code: 'KK-12', StandardSalesPrice: 13.95, changeType: 'changed' })]);
		expect(endpointsOf(second.result)).toEqual([...ITEM_STREAMS, 'GET logistics/Items']);

		exact.sim.state.deleteRecord('Items', items.inactive.id);
		const third = await sync();
		expect(third.records).toEqual([expect.objectContaining({ ID: items.inactive.id, changeType: 'deleted' })]);
		expect(callsOf(third.result)[1].query.$filter).toMatch(/and EntityType eq 9$/);

		expect(endpointsOf((await sync()).result)).toEqual(ITEM_STREAMS);
	});

	it('can leave the sales price out (no extra call)', async () => {
		const result = await runnerFor(exact, new ExactOnlineItem())({ operation: 'getChanges', changesOptions: { includeSalesPrice: false } }, { staticData: {} });
		expect(jsonOf(result)[0]).not.toHaveProperty('StandardSalesPrice');
		expect(endpointsOf(result)).toEqual(ITEM_STREAMS);
	});
});

describe('Get Changes: Exact Online Item, prices changed in the price list (SalesItemPrices)', () => {
	const ITEM_STREAMS = ['GET sync/Logistics/Items', 'GET sync/Deleted', 'GET sync/Logistics/SalesItemPrices'];
	const api = () => exactTestClient(exact.sim);
	/** A new default price (no Account), typed in Exact: the item's price follows, its Timestamp does not. */
	const newDefaultPrice = (itemId: string, price: number) =>
		String(exact.sim.state.insertRecord('SalesItemPrices', { Item: itemId, Price: price, StartDate: '2020-01-01' }).ID);
	/** What the simulator counted since the last reset of its stats. */
	const countedCalls = () => exact.sim.state.getStats().calls;

	it('hands out an item whose default price changed only in the price list, with the new price; nothing changed costs three calls', async () => {
		const staticData: IDataObject = {};
		const sync = syncRunner(runnerFor(exact, new ExactOnlineItem()), staticData);

		// A first run hands out every item anyway: the price stream is read for its position only.
		const first = await sync();
		expect(changed(first.records)).toHaveLength(10);
		expect(first.records.every((i) => i.priceChanged === false)).toBe(true);
		expect(endpointsOf(first.result)).toEqual([...ITEM_STREAMS, 'GET logistics/Items']);
		expect(callsOf(first.result)[2].query).toEqual({ $select: 'ID,Account,Item,Timestamp', $filter: 'Timestamp gt 1L' });

		exact.sim.state.resetStats();
		expect((await sync()).records).toEqual([]);
		expect(countedCalls().total).toBe(3);
		expect(Object.keys(countedCalls().byEndpoint).sort()).toEqual(['GET sync/Deleted', 'GET sync/Logistics/Items', 'GET sync/Logistics/SalesItemPrices']);

		// Through the API, as another app would: the item keeps its Timestamp, so the items stream sees nothing.
		const posted = await api().post(`${DIVISION}/logistics/SalesItemPrices`, { Item: items.kogelkraan.id, Price: 13.5 });
		expect(posted.status).toBe(201);
		exact.sim.state.resetStats();
		const third = await sync();
		expect(third.records).toEqual([expect.objectContaining({ Code: 'KK-12', StandardSalesPrice: 13.5, priceChanged: true, changeType: 'changed' })]);
		expect(third.records[0]).toMatchObject({ Description: expect.any(String), IsTime: 0, Modified: expect.stringMatching(ISO_WITH_OFFSET) });
		expect(countedCalls().total).toBe(4);
		const byId = callsOf(third.result)[3];
		expect(byId.path).toBe('logistics/Items');
		expect(byId.query.$filter).toBe(`ID eq guid'${items.kogelkraan.id}'`);
		// The same fields as the sync read, plus the price: no second look-up for it.
		expect(byId.query.$select).toBe(`${callsOf(third.result)[0].query.$select.replace(',Timestamp', '')},StandardSalesPrice`);

		// A change of the price row itself, and at once an item changed in itself: each comes once.
		const row = ((await posted.json()) as { d: { ID: string } }).d;
		expect((await api().put(`${DIVISION}/logistics/SalesItemPrices(guid'${row.ID}')`, { Price: 14.25 })).status).toBe(204);
		exact.sim.state.updateRecord('Items', items.draad.id, { Description: 'Installatiedraad VD 2,5 mm² blauw' });
		const fourth = await sync();
		expect(fourth.records.map((i) => [i.Code, i.StandardSalesPrice, i.priceChanged])).toEqual([
			['EL-VD25', 0.65, false],
			['KK-12', 14.25, true],
		]);
		expect(endpointsOf(fourth.result)).toEqual([...ITEM_STREAMS, 'GET logistics/Items', 'GET logistics/Items']);

		// Changed in itself and in the price list: one item, marked, its price looked up with the others.
		exact.sim.state.updateRecord('Items', items.kogelkraan.id, { Description: 'Kogelkraan 1/2" messing, vol doorlaat' });
		exact.sim.state.updateRecord('SalesItemPrices', row.ID, { Price: 14.5 });
		const fifth = await sync();
		expect(fifth.records).toEqual([expect.objectContaining({ Code: 'KK-12', StandardSalesPrice: 14.5, priceChanged: true })]);
		expect(endpointsOf(fifth.result)).toEqual([...ITEM_STREAMS, 'GET logistics/Items']);

		exact.sim.state.resetStats();
		expect((await sync()).records).toEqual([]);
		expect(countedCalls().total).toBe(3);
	});

	it('leaves out a change of a customer price agreement (a row with an Account)', async () => {
		const staticData: IDataObject = {};
		const sync = syncRunner(runnerFor(exact, new ExactOnlineItem()), staticData);
		await sync();
		const agreement = exact.sim.state.listRecords('SalesItemPrices').find((p) => p.Item === items.arbeid.id && p.Account)!;
		const response = await api().put(`${DIVISION}/logistics/SalesItemPrices(guid'${agreement.ID}')`, { Price: 55 });
		expect(response.status).toBe(204);
		exact.sim.state.insertRecord('SalesItemPrices', { Item: items.kogelkraan.id, Account: accounts.oneill.id, Price: 11 });
		const next = await sync();
		expect(next.records).toEqual([]);
		expect(endpointsOf(next.result)).toEqual(ITEM_STREAMS);
	});

	it('with Confirm Later reads the price change again until Confirm Changes', async () => {
		const staticData: IDataObject = {};
		const run = runnerFor(exact, new ExactOnlineItem());
		const sync = syncRunner(run, staticData, { changesOptions: { confirmLater: true } });
		await sync();
		await run({ operation: 'confirmChanges' }, { staticData });

		newDefaultPrice(items.cvKetel.id, 1949);
		expect((await sync()).records).toEqual([expect.objectContaining({ Code: 'CV-HRE28', StandardSalesPrice: 1949, priceChanged: true })]);
		// The flow failed before Confirm Changes: the same price change comes again.
		expect((await sync()).records).toEqual([expect.objectContaining({ Code: 'CV-HRE28', StandardSalesPrice: 1949, priceChanged: true })]);
		expect(jsonOf(await run({ operation: 'confirmChanges' }, { staticData }))).toEqual([{ syncName: 'default', confirmed: true, givenBack: 0, retrying: 0 }]);
		expect((await sync()).records).toEqual([]);
	});

	it('Start From Scratch reads everything again with the current prices, and no look-up per price change', async () => {
		const staticData: IDataObject = {};
		const sync = syncRunner(runnerFor(exact, new ExactOnlineItem()), staticData);
		await sync();
		newDefaultPrice(items.kogelkraan.id, 13.25);

		const again = await sync({ changesOptions: { startOver: true } });
		expect(changed(again.records)).toHaveLength(10);
		expect(again.records.find((i) => i.Code === 'KK-12')).toMatchObject({ StandardSalesPrice: 13.25, priceChanged: false });
		expect(endpointsOf(again.result)).toEqual([...ITEM_STREAMS, 'GET logistics/Items']);
		expect((await sync()).records).toEqual([]);
	});

	it('switched off, Get Changes works as before (two calls); switched on again, it hands out what changed meanwhile', async () => {
		const staticData: IDataObject = {};
		const sync = syncRunner(runnerFor(exact, new ExactOnlineItem()), staticData);
		const off = { changesOptions: { includePriceChanges: false } };
		await sync();

		newDefaultPrice(items.kogelkraan.id, 13.75);
		const withoutPrices = await sync(off);
		expect(withoutPrices.records).toEqual([]);
		expect(endpointsOf(withoutPrices.result)).toEqual(['GET sync/Logistics/Items', 'GET sync/Deleted']);

		exact.sim.state.updateRecord('Items', items.draad.id, { Unit: 'rol' });
		const changedItem = await sync(off);
		expect(changedItem.records).toEqual([expect.objectContaining({ Code: 'EL-VD25', StandardSalesPrice: 0.65 })]);
		expect(changedItem.records[0]).not.toHaveProperty('priceChanged');

		// The price stream kept its position while off.
		expect((await sync()).records).toEqual([expect.objectContaining({ Code: 'KK-12', StandardSalesPrice: 13.75, priceChanged: true })]);
	});

	it('keeps to the Kind option: materials and hour types each get their own price changes', async () => {
		const staticData: IDataObject = {};
		const run = runnerFor(exact, new ExactOnlineItem());
		const materials = syncRunner(run, staticData, { syncName: 'materials', changesOptions: { kind: 'materials' } });
		const hourTypes = syncRunner(run, staticData, { syncName: 'hour types', changesOptions: { kind: 'time' } });
		expect((await materials()).records.map((i) => i.Code)).toEqual(['KM', 'KK-12', 'BUIS 15 CU', 'CV-HRE28', 'EL-VD25', 'OUD-TH01', 'SAN-WCP']);
		expect((await hourTypes()).records.map((i) => i.Code)).toEqual(['ARBEID', 'VOORRIJ', 'SPOED']);

		newDefaultPrice(items.arbeid.id, 64.5);
		newDefaultPrice(items.kogelkraan.id, 13.1);
		const material = await materials();
		expect(material.records.map((i) => [i.Code, i.StandardSalesPrice, i.priceChanged])).toEqual([['KK-12', 13.1, true]]);
		// The sync read carries only the Timestamp filter (the kind is picked from its rows); reads by ID filter.
		expect(callsOf(material.result)[0].query.$filter).toMatch(/^Timestamp gt \d+L$/);
		expect(callsOf(material.result)[3].query.$filter).toBe(`ID eq guid'${items.arbeid.id}' and IsTime eq 0 or ID eq guid'${items.kogelkraan.id}' and IsTime eq 0`);
		const hourType = await hourTypes();
		expect(hourType.records.map((i) => [i.Code, i.StandardSalesPrice, i.priceChanged])).toEqual([['ARBEID', 64.5, true]]);

		// A deleted item comes to both (sync/Deleted has no kind); only the stream that handed it out remembers its
		// code: the other never sent it to OutSmart, so it needs none (and keeps no memory of the other kind).
		exact.sim.state.deleteRecord('Items', items.spoed.id);
		expect((await hourTypes()).records).toEqual([expect.objectContaining({ changeType: 'deleted', Code: 'SPOED' })]);
		expect((await materials()).records).toEqual([expect.objectContaining({ changeType: 'deleted', Code: null })]);
		expect(Object.values(staticData['exactSync:item:materials:codes'] as IDataObject)).not.toContain('SPOED');
	});

	it('on a cursor stored before the price stream existed, starts that stream at its beginning: each item with a default price comes once', async () => {
		const staticData: IDataObject = {};
		const sync = syncRunner(runnerFor(exact, new ExactOnlineItem()), staticData);
		newDefaultPrice(items.kogelkraan.id, 13.4);
		await sync();
		// As an earlier version stored it: no position for extra streams.
		const stored = staticData['exactSync:item:default'] as IDataObject;
		staticData['exactSync:item:default'] = { records: stored.records, deleted: stored.deleted, lastRunAt: stored.lastRunAt };

		const upgraded = await sync();
		expect(upgraded.records).toEqual([expect.objectContaining({ Code: 'KK-12', StandardSalesPrice: 13.4, priceChanged: true })]);
		expect(callsOf(upgraded.result)[2].query.$filter).toBe('Timestamp gt 1L');
		expect((staticData['exactSync:item:default'] as IDataObject).streams).toEqual({ prices: expect.stringMatching(/^\d+$/) });
		expect((await sync()).records).toEqual([]);
	});
});

describe('Get Changes: Exact Online Payment (invoice payment status)', () => {
	it('reads the payment terms, then a payment, then a deletion', async () => {
		const staticData: IDataObject = {};
		const sync = syncRunner(runnerFor(exact, new ExactOnlinePayment()), staticData, { resource: 'paymentStatus' });

		const first = await sync();
		expect(first.records.map((t) => [t.InvoiceNumber, t.IsFullyPaid, t.TransactionAmountDC, t.AmountDC])).toEqual([
			[25700004, true, 279.06, 0],
			[25700005, false, 1184.84, 710.9],
			[25700006, false, 542.24, 542.24],
		]);
		expect(endpointsOf(first.result)).toEqual(['GET sync/Cashflow/PaymentTerms', 'GET sync/Deleted']);

		const open = exact.sim.state.listRecords('Receivables').find((r) => r.InvoiceNumber === 25700006)!;
		exact.sim.state.updateRecord('Receivables', String(open.ID), { AmountDC: 0, IsFullyPaid: true });
		const second = await sync();
		expect(second.records).toEqual([expect.objectContaining({ InvoiceNumber: 25700006, IsFullyPaid: true, AmountDC: 0, changeType: 'changed' })]);

		exact.sim.state.deleteRecord('Receivables', String(open.ID));
		const third = await sync();
		expect(third.records).toEqual([expect.objectContaining({ ID: open.ID, changeType: 'deleted' })]);
		expect(callsOf(third.result)[1].query.$filter).toMatch(/and EntityType eq 10$/);

		expect((await sync()).records).toEqual([]);
	});
});

describe('Get Changes: Exact Online Sales Invoice', () => {
	const storedLines = (invoiceId: unknown) =>
		exact.sim.state.listRecords('SalesInvoiceLines').filter((l) => l.InvoiceID === invoiceId);

	it('hands out one item per invoice: header fields from the header row, its lines in order, no empty line', async () => {
		const staticData: IDataObject = {};
		const sync = syncRunner(runnerFor(exact, new ExactOnlineSalesInvoice()), staticData);
		const first = await sync();
		const invoices = changed(first.records);
		expect(invoices.map((i) => i.InvoiceNumber)).toEqual(expect.arrayContaining([25700001, 25700002, 25700003, 25700004, 25700005, 25700006]));
		expect(invoices).toHaveLength(6);
		for (const invoice of invoices) {
			const stored = exact.sim.state.listRecords('SalesInvoices').find((i) => i.InvoiceID === invoice.InvoiceID)!;
			// On a line row Description and AmountDC are the line's; the header's must win.
			expect(invoice).toMatchObject({ Description: stored.Description, AmountDC: stored.AmountDC, YourRef: stored.YourRef });
			const lines = invoice.SalesInvoiceLines as IDataObject[];
			const expected = storedLines(invoice.InvoiceID).sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber));
			expect(lines.map((l) => [l.LineNumber, l.ItemCode, l.Description])).toEqual(expected.map((l) => [l.LineNumber, l.ItemCode, l.Description]));
			expect(lines.every((l) => Number(l.LineNumber) > 0 && l.ID !== invoice.InvoiceID)).toBe(true);
		}
		expect(endpointsOf(first.result)).toEqual(['GET sync/SalesInvoice/SalesInvoices', 'GET sync/Deleted']);

		// A change to one line brings the whole invoice, with all its lines.
		const invoice2 = exact.sim.state.listRecords('SalesInvoices').find((i) => i.InvoiceNumber === 25700002)!;
		const aLine = storedLines(invoice2.InvoiceID)[0];
		exact.sim.state.updateRecord('SalesInvoiceLines', String(aLine.ID), { Quantity: 7 });
		const second = await sync();
		expect(second.records).toHaveLength(1);
		expect(second.records[0]).toMatchObject({ InvoiceNumber: 25700002, changeType: 'changed' });
		const lines = second.records[0].SalesInvoiceLines as IDataObject[];
		expect(lines).toHaveLength(storedLines(invoice2.InvoiceID).length);
		expect(lines.find((l) => l.ID === aLine.ID)?.Quantity).toBe(7);

		exact.sim.state.deleteRecord('SalesInvoices', String(invoice2.InvoiceID));
		const third = await sync();
		expect(third.records).toEqual([expect.objectContaining({ InvoiceID: invoice2.InvoiceID, changeType: 'deleted' })]);
		expect((await sync()).records).toEqual([]);
	});
});

describe('Get Changes: beyond 1,000 records', () => {
	let large: ExactFixture;
	beforeAll(async () => {
		large = await startEntitySimulator({ seed: 'large' });
	}, 60_000);
	afterAll(async () => large.sim.close());

	it('reads 20,000 accounts in 20 pages of 1,000 (no Max Changes per Run), then nothing changed costs two calls', async () => {
		const staticData: IDataObject = {};
		const sync = syncRunner(runnerFor(large, new ExactOnlineAccount()), staticData, { changesOptions: { includeDeleted: true, maxPerRun: 0 } });
		const first = await sync();
		expect(changed(first.records)).toHaveLength(20_000);
		expect(new Set(first.records.map((r) => r.ID)).size).toBe(20_000);
		expect(endpointsOf(first.result)).toEqual([...Array(20).fill('GET sync/CRM/Accounts'), 'GET sync/Deleted']);
		expect(callsOf(await sync().then((s) => s.result))).toHaveLength(2);
	}, 60_000);

	it('adds the price to 5,000 changed items with a bulk read of 1,000 a call, matching logistics/Items', async () => {
		const sync = syncRunner(runnerFor(large, new ExactOnlineItem()), {});
		const first = await sync();
		expect(changed(first.records)).toHaveLength(5000);
		expect(endpointsOf(first.result)).toEqual([
			...Array(5).fill('GET sync/Logistics/Items'),
			'GET sync/Deleted',
			// 1,000 price rows, one page; a first run hands out every item anyway, so no look-up by ID.
			'GET sync/Logistics/SalesItemPrices',
			...Array(5).fill('GET bulk/Logistics/Items'),
		]);
		const prices = new Map(large.sim.state.listRecords('Items').map((i) => [String(i.ID), i.StandardSalesPrice]));
		expect(first.records.every((i) => i.StandardSalesPrice === prices.get(String(i.ID)))).toBe(true);
	}, 60_000);

	it('reads 150 items whose default price changed in one pass over bulk/Logistics/Items, with their prices', async () => {
		const staticData: IDataObject = {};
		const sync = syncRunner(runnerFor(large, new ExactOnlineItem()), staticData, { changesOptions: { kind: 'materials' } });
		await sync();
		const materials = large.sim.state.listRecords('Items').filter((i) => i.IsTime === 0).slice(0, 150);
		materials.forEach((item, n) => large.sim.state.insertRecord('SalesItemPrices', { Item: item.ID, Price: 100 + n }));
		const next = await sync();
		expect(next.records).toHaveLength(150);
		const newPrice = new Map(materials.map((item, n) => [item.ID, 100 + n]));
		expect(next.records.every((i) => i.StandardSalesPrice === newPrice.get(String(i.ID)) && i.priceChanged === true)).toBe(true);
		const bulk = callsOf(next.result).filter((c) => c.path === 'bulk/Logistics/Items');
		expect(endpointsOf(next.result)).toEqual(['GET sync/Logistics/Items', 'GET sync/Deleted', 'GET sync/Logistics/SalesItemPrices', ...bulk.map(() => 'GET bulk/Logistics/Items')]);
		expect(bulk[0].query.$filter).toBe('IsTime eq 0');
		expect(bulk.length).toBeLessThan(Math.ceil(150 / 20));
	}, 60_000);

	it('groups ~2,000 invoice rows over two pages into 500 invoices with all their lines', async () => {
		const sync = syncRunner(runnerFor(large, new ExactOnlineSalesInvoice()), {});
		const first = await sync();
		const invoices = changed(first.records);
		expect(invoices).toHaveLength(500);
		expect(callsOf(first.result).filter((c) => c.path === 'sync/SalesInvoice/SalesInvoices').length).toBeGreaterThan(1);
		const lineCount = invoices.reduce((sum, i) => sum + (i.SalesInvoiceLines as IDataObject[]).length, 0);
		expect(lineCount).toBe(large.sim.state.listRecords('SalesInvoiceLines').length);
	}, 60_000);
});
