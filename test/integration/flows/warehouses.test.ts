/**
 * The warehouses and stock flow as template 13 wires it, node by node against both simulators (OutSmart with the
 * demo world's seed): Exact warehouses -> OutSmart warehouses, Exact stock per item -> the OutSmart material's
 * stock text, and the way back: a completed work order whose materials came from the van leaves that warehouse
 * in Exact once the invoice is processed, and the next stock run shows it in OutSmart. A second run changes nothing.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineApiRequest } from '../../../nodes/ExactOnlineApiRequest/ExactOnlineApiRequest.node';
import { ExactOnlineSalesInvoice } from '../../../nodes/ExactOnlineSalesInvoice/ExactOnlineSalesInvoice.node';
import { ExactOnlineWarehouse } from '../../../nodes/ExactOnlineWarehouse/ExactOnlineWarehouse.node';
import { DEMO_VAN } from '../../../scripts/demo-warehouses';
import { demoOutSmartSeed } from '../../../scripts/demo-data';
import { EXACT_SEED_FIXTURES } from '../../../simulators/exact';
import { jsonOf, runNode } from '../../harness/context';
import { upsertFromExact, useFlowSimulators } from './setup';

const { accounts, items } = EXACT_SEED_FIXTURES;
const warehouseNode = new ExactOnlineWarehouse();
const world = useFlowSimulators();
const list = (endpoint: string) => world.outsmart.state.list(endpoint) as IDataObject[];
const exactState = () => world.exact.sim.state;

beforeAll(() => world.outsmart.state.reset(demoOutSmartSeed()));

const exactRun = async (parameters: IDataObject, staticData?: IDataObject) =>
	jsonOf(await runNode(warehouseNode, { parameters: parameters as never, credentials: world.exact.credentials(), staticData }));

describe('warehouses: Exact warehouses -> OutSmart warehouses', () => {
	it("adds the main warehouse and brings the van's description in line, keeping its type and driver", async () => {
		const warehouses = await exactRun({ operation: 'getMany', returnAll: true });
		const { stored, refused } = await upsertFromExact(world.outsmart, 'warehouse', warehouses);
		expect(refused).toEqual([]);
		expect(stored.map((r) => [r.key, r.outcome])).toEqual([['1', 'created'], ['2', 'updated']]);
		const exactIds = new Map(exactState().listRecords('Warehouses').map((w) => [w.Code, w.ID]));
		expect(list('warehouses').find((w) => w.wse_code === '1')).toMatchObject({ wse_description: 'Hoofdmagazijn', wse_external_id: exactIds.get('1') });
		expect(list('warehouses').find((w) => w.wse_code === '2')).toMatchObject({
			wse_description: 'Servicebus 1 (Jan)',
			wse_type: 'VEHICLE',
			wse_employee_nr: DEMO_VAN.wse_employee_nr,
			wse_wse_code: '1',
			wse_external_id: exactIds.get('2'),
		});
	});

	it('a second run writes nothing', async () => {
		world.outsmart.state.resetStats();
		const { stored } = await upsertFromExact(world.outsmart, 'warehouse', await exactRun({ operation: 'getMany', returnAll: true }));
		expect(stored.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
		expect(world.outsmart.state.stats().callsTotal).toBe(1);
	});
});

describe('stock: Exact stock per item -> OutSmart material', () => {
	const staticData: IDataObject = {};
	const stockRun = async () => {
		const changed = await exactRun({ operation: 'getChanges', syncName: 'stock to OutSmart', changesOptions: { confirmLater: true, perItem: true } }, staticData);
		const result = changed.length ? await upsertFromExact(world.outsmart, 'material', changed) : { stored: [], refused: [] };
		await exactRun({ operation: 'confirmChanges', syncName: 'stock to OutSmart' }, staticData);
		return { changed, ...result };
	};
	const stockField = (code: string) => list('materials').find((m) => m.code === code)?.freefield5;

	it('writes the stock per warehouse into the materials OutSmart has; others are not created', async () => {
		const { changed, stored, refused } = await stockRun();
		expect(refused).toEqual([]);
		const stockItems = [...new Set(exactState().listRecords('ItemWarehouses').map((iw) => iw.ItemCode))].sort();
		expect(changed.map((c) => c.ItemCode)).toEqual(stockItems);
		const byCode = new Map(stored.map((r) => [r.key, r.outcome]));
		expect(byCode.get('KK-12')).toBe('updated');
		// OUD-TH01 has stock in Exact but is no OutSmart material: nothing is made of a stock figure.
		expect(byCode.get('OUD-TH01')).toBe('skipped');
		expect(list('materials').some((m) => m.code === 'OUD-TH01')).toBe(false);
		const sanWcp = exactState().listRecords('ItemWarehouses').filter((iw) => iw.ItemCode === 'SAN-WCP');
		const [main, van] = ['1', '2'].map((code) => sanWcp.find((iw) => iw.WarehouseCode === code)?.CurrentStock);
		expect(stockField('SAN-WCP')).toBe(`Voorraad: 1 Hoofdmagazijn ${String(main)} | 2 Servicebus 1 (Jan) ${String(van)}`);
		// The rest of the material is as it was.
		const seeded = demoOutSmartSeed().records?.materials?.find((m) => m.code === 'SAN-WCP');
		expect(list('materials').find((m) => m.code === 'SAN-WCP')).toMatchObject({ description: seeded?.description, unit: seeded?.unit });
	});

	it('a second run reads nothing and calls OutSmart not at all', async () => {
		world.outsmart.state.resetStats();
		const { changed } = await stockRun();
		expect(changed).toEqual([]);
		expect(world.outsmart.state.stats().callsTotal).toBe(0);
	});

	it("materials used from the van leave Exact's van warehouse with the processed invoice; the next run shows it in OutSmart", async () => {
		const before = Number(exactState().listRecords('ItemWarehouses').find((iw) => iw.ItemCode === 'SAN-WCP' && iw.WarehouseCode === '2')?.CurrentStock);
		const exported = await runNode(new ExactOnlineSalesInvoice(), {
			parameters: { operation: 'createFromWorkOrder', documentType: 'salesInvoice', exportJournal: '70', exportOptions: { stockWarehouse: '1', warehouseFromWorkOrder: true } } as never,
			items: [
				{
					WorkorderNo: 'WO-VAN-1',
					CustomerDebtorNr: accounts.oneill.code.trim(),
					TypeOfWork: 'Onderhoud',
					Materials: [{ MaterialCode: items.quoted.code, MaterialNr: '2', MaterialPrice: '99,00', MaterialName: 'Wc-pot', MaterialWarehouseCode: '2' }],
				},
			],
			credentials: world.exact.credentials(),
		});
		const [summary] = jsonOf(exported);
		expect(summary).toMatchObject({ workOrderNumber: 'WO-VAN-1', status: 'created' });
		const vanId = exactState().listRecords('Warehouses').find((w) => w.Code === '2')?.ID;
		expect(exactState().listRecords('SalesInvoices').find((i) => i.YourRef === 'WO-VAN-1')).toMatchObject({ Warehouse: vanId, Status: 10 });
		// A draft moves no stock: nothing to show yet.
		expect((await stockRun()).changed).toEqual([]);

		const processed = await runNode(new ExactOnlineApiRequest(), {
			parameters: { method: 'POST', path: 'salesinvoice/PrintedSalesInvoices', body: JSON.stringify({ InvoiceID: summary.InvoiceID }) } as never,
			credentials: world.exact.credentials(),
		});
		expect(processed.error).toBeUndefined();
		const { changed, stored } = await stockRun();
		expect(changed.map((c) => [c.ItemCode, c.TotalStock])).toEqual([['SAN-WCP', expect.any(Number)]]);
		expect(stored.map((r) => [r.key, r.outcome])).toEqual([['SAN-WCP', 'updated']]);
		expect(stockField('SAN-WCP')).toMatch(new RegExp(`\\| 2 Servicebus 1 \\(Jan\\) ${before - 2}$`));
	});
});
