/**
 * Exact Online Warehouse against the Exact simulator: warehouses (Get, Get Many), stock per item and warehouse
 * (Get Stock), and the two change streams (stock positions, item-warehouse settings) over several runs. Stock moves
 * only through documents, as in Exact: a write of a stock figure is ignored, a processed invoice with a
 * warehouse takes its stock items out of that warehouse, and Get Stock Changes hands out exactly those positions.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineApiRequest } from '../../../../nodes/ExactOnlineApiRequest/ExactOnlineApiRequest.node';
import { ExactOnlineSalesInvoice } from '../../../../nodes/ExactOnlineSalesInvoice/ExactOnlineSalesInvoice.node';
import { ExactOnlineWarehouse } from '../../../../nodes/ExactOnlineWarehouse/ExactOnlineWarehouse.node';
import { ITEM_WAREHOUSE, STOCK_POSITION, WAREHOUSE } from '../../../../nodes/ExactOnlineApi/entity/definitions';
import { EXACT_SEED_FIXTURES } from '../../../../simulators/exact';
import { jsonOf, runListSearch } from '../../../harness/context';
import { callsOf, endpointsOf, ISO_WITH_OFFSET, rl, runnerFor, useEntitySimulator } from './setup';

const { accounts, items } = EXACT_SEED_FIXTURES;
const suite = useEntitySimulator(new ExactOnlineWarehouse());
const { run } = suite;
const state = () => suite.exact.sim.state;
const warehouseId = (code: string) => String(state().listRecords('Warehouses').find((w) => w.Code === code)?.ID);
const stockOf = (itemId: string, warehouse: string) =>
	state()
		.listRecords('ItemWarehouses')
		.find((iw) => iw.Item === itemId && iw.Warehouse === warehouseId(warehouse));

/** A draft invoice for O'Neill by the export, with the given materials leaving warehouse `code`, then processed in Exact. */
async function invoiceFromWarehouse(code: string, materials: Array<[string, string]>, number: string): Promise<IDataObject> {
	const exported = await runnerFor(suite.exact, new ExactOnlineSalesInvoice())(
		{ operation: 'createFromWorkOrder', documentType: 'salesInvoice', exportJournal: '70', exportOptions: { stockWarehouse: code } },
		{
			items: [
				{
					WorkorderNo: number,
					CustomerDebtorNr: accounts.oneill.code.trim(),
					TypeOfWork: 'Onderhoud',
					Materials: materials.map(([MaterialCode, MaterialNr]) => ({ MaterialCode, MaterialNr, MaterialPrice: '10,00', MaterialName: MaterialCode })),
				},
			],
		},
	);
	const [summary] = jsonOf(exported);
	const processed = await runnerFor(suite.exact, new ExactOnlineApiRequest())({
		method: 'POST',
		path: 'salesinvoice/PrintedSalesInvoices',
		body: JSON.stringify({ InvoiceID: summary.InvoiceID }),
	});
	expect(processed.error).toBeUndefined();
	return summary;
}

describe('Exact Online Warehouse: warehouses', () => {
	it('finds a warehouse by code with one call, with the fields the node reads, or says which one is missing', async () => {
		const result = await run({ operation: 'get', warehouse: rl('code', '2') });
		expect(jsonOf(result)).toEqual([expect.objectContaining({ Code: '2', Description: 'Servicebus 1 (Jan)', Main: 0 })]);
		expect(String(jsonOf(result)[0].Modified)).toMatch(ISO_WITH_OFFSET);
		expect(endpointsOf(result)).toEqual(['GET inventory/Warehouses']);
		expect(callsOf(result)[0].query.$filter).toBe("Code eq '2'");
		expect(callsOf(result)[0].query.$select.split(',')).toEqual(WAREHOUSE.fields);
		expect(jsonOf(await run({ operation: 'get', warehouse: rl('list', warehouseId('1')) }))[0]).toMatchObject({ Description: 'Hoofdmagazijn' });
		expect((await run({ operation: 'get', warehouse: rl('code', '9') })).error?.message).toBe("Warehouse '9' not found in administration 1234567");
	});

	it('the Warehouse list of Get: code and description, the ID as value, searched by either in one call', async () => {
		const search = async (filter?: string) =>
			await runListSearch(new ExactOnlineWarehouse(), 'searchWarehouses', { parameters: {}, credentials: suite.exact.credentials() }, filter);
		const all = await search();
		expect(all.result.results).toEqual([
			{ name: '1 - Hoofdmagazijn', value: warehouseId('1') },
			{ name: '2 - Servicebus 1 (Jan)', value: warehouseId('2') },
		]);
		const van = await search('bus');
		expect(van.result.results.map((r) => r.value)).toEqual([warehouseId('2')]);
		expect(endpointsOf(van)).toEqual(['GET inventory/Warehouses']);
		expect(callsOf(van)[0].query.$filter).toBe("substringof('bus',Description) eq true or substringof('bus',Code) eq true");
	});

	it('lists every warehouse in one call, or the main one, by description, by code', async () => {
		const all = await run({ operation: 'getMany', returnAll: true });
		expect(jsonOf(all).map((w) => w.Code)).toEqual(['1', '2']);
		expect(endpointsOf(all)).toEqual(['GET inventory/Warehouses']);
		const main = await run({ operation: 'getMany', returnAll: true, filters: { mainOnly: true } });
		expect(jsonOf(main).map((w) => w.Code)).toEqual(['1']);
		expect(callsOf(main)[0].query.$filter).toBe('Main eq 1');
		expect(jsonOf(await run({ operation: 'getMany', returnAll: true, filters: { descriptionContains: 'bus' } })).map((w) => w.Code)).toEqual(['2']);
		const quoted = await run({ operation: 'getMany', returnAll: true, filters: { code: "O'BUS" } });
		expect(callsOf(quoted)[0].query.$filter).toBe("Code eq 'O''BUS'");
		expect(jsonOf(quoted)).toEqual([]);
	});
});

describe('Exact Online Warehouse: Get Stock', () => {
	it('reads the stock per item and warehouse, filtered by warehouse and item, in stock only', async () => {
		const inVan = await run({ operation: 'getStock', returnAll: true, stockFilters: { warehouseCode: '2' } });
		const expected = state().listRecords('ItemWarehouses').filter((iw) => iw.WarehouseCode === '2');
		expect(jsonOf(inVan)).toHaveLength(expected.length);
		expect(jsonOf(inVan).every((row) => row.WarehouseCode === '2' && typeof row.CurrentStock === 'number')).toBe(true);
		// A filtered Return All: the standard endpoint (the bulk list has no stock endpoint, sync has no stock figures).
		expect(endpointsOf(inVan).every((endpoint) => endpoint === 'GET inventory/ItemWarehouses')).toBe(true);
		expect(callsOf(inVan)[0].query.$filter).toBe("WarehouseCode eq '2'");
		expect(callsOf(inVan)[0].query.$select.split(',')).toEqual(ITEM_WAREHOUSE.fields);

		const kogelkraan = await run({ operation: 'getStock', returnAll: true, stockFilters: { itemCode: items.kogelkraan.code, warehouseCode: '1' } });
		expect(jsonOf(kogelkraan)).toEqual([expect.objectContaining({ ItemCode: 'KK-12', WarehouseCode: '1', CurrentStock: stockOf(items.kogelkraan.id, '1')?.CurrentStock })]);
		const inStock = await run({ operation: 'getStock', returnAll: true, stockFilters: { inStockOnly: true } });
		expect(callsOf(inStock)[0].query.$filter).toBe('CurrentStock gt 0');
		expect(jsonOf(inStock).every((row) => Number(row.CurrentStock) > 0)).toBe(true);
		const limited = await run({ operation: 'getStock', returnAll: false, limit: 3 });
		expect(jsonOf(limited)).toHaveLength(3);
	});

	it('stock figures cannot be written: Exact keeps its own, only documents change them', async () => {
		const row = stockOf(items.kogelkraan.id, '1')!;
		const put = await runnerFor(suite.exact, new ExactOnlineApiRequest())({
			method: 'PUT',
			path: `inventory/ItemWarehouses(guid'${String(row.ID)}')`,
			body: JSON.stringify({ CurrentStock: 999, ReorderPoint: 7 }),
		});
		expect(put.error).toBeUndefined();
		expect(stockOf(items.kogelkraan.id, '1')).toMatchObject({ CurrentStock: row.CurrentStock, ReorderPoint: 7 });
	});
});

describe('Exact Online Warehouse: Get Stock Changes', () => {
	it('reads every position, then only those a processed invoice moved, out of the warehouse on the invoice', async () => {
		const staticData: IDataObject = {};
		const sync = async () => await run({ operation: 'getChanges', changesOptions: { confirmLater: false } }, { staticData });
		const first = await sync();
		expect(jsonOf(first)).toHaveLength(state().listRecords('ItemWarehouses').length);
		expect(endpointsOf(first)).toEqual(['GET sync/Inventory/StockPositions', 'GET sync/Deleted']);
		expect(callsOf(first)[0].query.$select.split(',')).toEqual(expect.arrayContaining(STOCK_POSITION.fields));
		expect(endpointsOf(await sync())).toEqual(['GET sync/Inventory/StockPositions', 'GET sync/Deleted']);
		expect(jsonOf(await sync())).toEqual([]);

		const before = Number(stockOf(items.kogelkraan.id, '2')?.CurrentStock ?? 0);
		const hadRow = stockOf(items.kogelkraan.id, '2') !== undefined;
		const invoice = await invoiceFromWarehouse('2', [[items.kogelkraan.code, '3']], 'WO-WH-1');
		expect(state().listRecords('SalesInvoices').find((i) => i.InvoiceID === invoice.InvoiceID)).toMatchObject({ Warehouse: warehouseId('2'), Status: 50 });

		const moved = jsonOf(await sync());
		expect(moved).toEqual([expect.objectContaining({ ItemCode: 'KK-12', WarehouseCode: '2', CurrentStock: before - 3, changeType: 'changed' })]);
		expect(hadRow || before === 0).toBe(true);
		// The main warehouse did not move.
		expect(stockOf(items.kogelkraan.id, '1')?.CurrentStock).toBe(state().listRecords('ItemWarehouses').find((iw) => iw.ID === stockOf(items.kogelkraan.id, '1')?.ID)?.CurrentStock);
	});

	it('a draft invoice or one without a warehouse moves no stock; time items never do', async () => {
		const total = () => state().listRecords('ItemWarehouses').reduce((sum, iw) => sum + Number(iw.CurrentStock ?? 0), 0);
		const start = total();
		await runnerFor(suite.exact, new ExactOnlineSalesInvoice())(
			{ operation: 'createFromWorkOrder', documentType: 'salesInvoice', exportJournal: '70', exportOptions: { stockWarehouse: '1' } },
			{ items: [{ WorkorderNo: 'WO-WH-DRAFT', CustomerDebtorNr: accounts.oneill.code.trim(), Materials: [{ MaterialCode: items.kogelkraan.code, MaterialNr: '1', MaterialPrice: '1,00', MaterialName: 'x' }] }] },
		);
		expect(total()).toBe(start);
		await invoiceFromWarehouse('', [[items.kogelkraan.code, '1']], 'WO-WH-NONE');
		expect(total()).toBe(start);
		await invoiceFromWarehouse('1', [[items.arbeid.code, '2'], [items.kogelkraan.code, '1']], 'WO-WH-TIME');
		expect(total()).toBe(start - 1);
	});

	it('a sales order made from a work order names the warehouse as WarehouseID (stock leaves at its goods delivery)', async () => {
		const total = () => state().listRecords('ItemWarehouses').reduce((sum, iw) => sum + Number(iw.CurrentStock ?? 0), 0);
		const start = total();
		const result = await runnerFor(suite.exact, new ExactOnlineSalesInvoice())(
			{ operation: 'createFromWorkOrder', documentType: 'salesOrder', exportOptions: { warehouseFromWorkOrder: true } },
			{ items: [{ WorkorderNo: 'WO-WH-SO', CustomerDebtorNr: accounts.oneill.code.trim(), Materials: [{ MaterialCode: items.kogelkraan.code, MaterialNr: '1', MaterialPrice: '1,00', MaterialName: 'x', MaterialWarehouseCode: '2' }] }] },
		);
		expect(jsonOf(result)).toEqual([expect.objectContaining({ workOrderNumber: 'WO-WH-SO', status: 'created', documentType: 'sales order' })]);
		expect(state().listRecords('SalesOrders').find((o) => o.YourRef === 'WO-WH-SO')).toMatchObject({ WarehouseID: warehouseId('2'), WarehouseCode: '2' });
		expect(total()).toBe(start);
	});

	it('the export refuses an unknown warehouse code for that work order only, naming it', async () => {
		const result = await runnerFor(suite.exact, new ExactOnlineSalesInvoice())(
			{ operation: 'createFromWorkOrder', documentType: 'salesInvoice', exportJournal: '70', exportOptions: { stockWarehouse: '9' } },
			{ items: [{ WorkorderNo: 'WO-WH-9', CustomerDebtorNr: accounts.oneill.code.trim(), Materials: [{ MaterialCode: items.kogelkraan.code, MaterialNr: '1', MaterialPrice: '1,00', MaterialName: 'x' }] }] },
		);
		expect(result.output?.[1].map((item) => item.json.error)).toEqual(['Warehouse 9 on work order WO-WH-9 not found in Exact administration 1234567']);
		expect(state().listRecords('SalesInvoices').filter((i) => i.YourRef === 'WO-WH-9')).toEqual([]);
	});
});

describe('Exact Online Warehouse: Get Stock Changes per item', () => {
	it('hands out one record per changed item with its stock in every warehouse: one call per 20 items for the others', async () => {
		const staticData: IDataObject = {};
		const perItem = async () => await run({ operation: 'getChanges', changesOptions: { perItem: true } }, { staticData });
		const first = jsonOf(await perItem());
		const positions = state().listRecords('ItemWarehouses');
		expect(first.map((i) => i.ItemCode)).toEqual([...new Set(positions.map((p) => p.ItemCode))].sort());
		const row = stockOf(items.kogelkraan.id, '1')!;
		state().updateRecord('ItemWarehouses', String(row.ID), { CurrentStock: Number(row.CurrentStock) + 4 });
		const second = await perItem();
		const mine = positions.filter((p) => p.ItemCode === 'KK-12');
		expect(jsonOf(second)).toEqual([
			{
				ItemCode: 'KK-12',
				ItemDescription: row.ItemDescription,
				TotalStock: mine.reduce((sum, p) => sum + Number(p.CurrentStock), 0) + 4,
				Warehouses: expect.arrayContaining([expect.objectContaining({ WarehouseCode: '1', CurrentStock: Number(row.CurrentStock) + 4 })]),
				changeType: 'changed',
			},
		]);
		expect(endpointsOf(second)).toEqual(['GET sync/Inventory/StockPositions', 'GET sync/Deleted', 'GET inventory/ItemWarehouses']);
		expect(callsOf(second)[2].query.$filter).toBe("ItemCode eq 'KK-12'");
	});

	it('a first run needs no second read; later, a pass over the stock-position list when it costs fewer calls than a call per 20', async () => {
		const warehouse = warehouseId('2');
		const added = [];
		for (let i = 0; i < 120; i++) {
			const item = state().insertRecord('Items', { Code: `VR-${i}`, Description: `Voorraadartikel ${i}`, IsStockItem: true, IsSalesItem: true });
			added.push(state().insertRecord('ItemWarehouses', { Item: item.ID, Warehouse: warehouse, CurrentStock: i }));
		}
		const staticData: IDataObject = {};
		const changes = () => run({ operation: 'getChanges', changesOptions: { perItem: true } }, { staticData });
		// From the start the changes are every position: every item's warehouses without another read.
		const first = await changes();
		expect(jsonOf(first).find((i) => i.ItemCode === 'VR-7')).toMatchObject({ TotalStock: 7, Warehouses: [expect.objectContaining({ WarehouseCode: '2', CurrentStock: 7 })] });
		expect(endpointsOf(first)).toEqual(['GET sync/Inventory/StockPositions', 'GET sync/Deleted']);

		// 120 items moved: the list (one page of 1,000) costs one call, look-ups six.
		for (const row of added) state().updateRecord('ItemWarehouses', String(row.ID), { CurrentStock: Number(row.CurrentStock) + 1 });
		const moved = await changes();
		expect(jsonOf(moved).find((i) => i.ItemCode === 'VR-7')).toMatchObject({ TotalStock: 8 });
		expect(endpointsOf(moved)).toEqual(['GET sync/Inventory/StockPositions', 'GET sync/Deleted', 'GET sync/Inventory/StockPositions']);
	});
});

describe('Exact Online Warehouse: Get Item Warehouse Changes', () => {
	it('hands out a changed reorder setting once, and a removed item warehouse as a deletion', async () => {
		const staticData: IDataObject = {};
		const sync = async () => await run({ operation: 'getItemWarehouseChanges', changesOptions: { confirmLater: false } }, { staticData });
		const first = await sync();
		expect(jsonOf(first)).toHaveLength(state().listRecords('ItemWarehouses').length);
		expect(endpointsOf(first)).toEqual(['GET sync/Inventory/ItemWarehouses', 'GET sync/Deleted']);
		expect(callsOf(first)[0].query.$select.split(',')).not.toContain('CurrentStock');
		const row = stockOf(items.kogelkraan.id, '1')!;
		state().updateRecord('ItemWarehouses', String(row.ID), { ReorderPoint: 12 });
		expect(jsonOf(await sync())).toEqual([expect.objectContaining({ ID: row.ID, ItemCode: 'KK-12', ReorderPoint: 12, changeType: 'changed' })]);
		state().deleteRecord('ItemWarehouses', String(row.ID));
		expect(jsonOf(await sync())).toEqual([expect.objectContaining({ ID: row.ID, changeType: 'deleted' })]);
	});

	it('Confirm Later: a run that is not confirmed reads the same changes again; Confirm makes the position final (both streams)', async () => {
		for (const [getChanges, confirm, syncName] of [
			['getItemWarehouseChanges', 'confirmItemWarehouseChanges', 'settings'],
			['getChanges', 'confirmChanges', 'stock'],
		]) {
			const staticData: IDataObject = {};
			const read = async () => jsonOf(await run({ operation: getChanges, syncName, changesOptions: { confirmLater: true } }, { staticData }));
			const all = await read();
			expect(all.length).toBe(state().listRecords('ItemWarehouses').length);
			expect(await read()).toHaveLength(all.length);
			expect(jsonOf(await run({ operation: confirm, syncName }, { staticData }))).toEqual([{ syncName, confirmed: true, givenBack: 0, retrying: 0 }]);
			expect(await read()).toEqual([]);
		}
	});
});
