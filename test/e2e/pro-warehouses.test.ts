/**
 * Flow 13 (warehouses and stock) in a real n8n against the `npm start` demo world: template 13 imported as shipped
 * brings Exact's warehouses to OutSmart (the van keeps its OutSmart type and driver) and each item's stock per
 * warehouse onto its OutSmart material. The way back: template 05 with "Take Warehouse From Work Order" exports a
 * work order whose material came from the van; the draft invoice names the van and moves no stock, so a second run
 * of template 13 changes nothing; processing the invoice in Exact takes the stock out of the van, and the next run
 * shows the new figure in OutSmart.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEMO_EXACT_TOKENS, startDemoWorld, type DemoWorld } from '../../scripts/demo-data';
import { importDemoWorkflows, readTemplate } from '../../scripts/demo';
import { DEMO_VAN } from '../../scripts/demo-warehouses';
import { createN8nInstance, type N8nInstance, type WorkflowInput } from '../../scripts/n8n';
import { EXACT_SEED_FIXTURES, MAIN_DIVISION } from '../../simulators/exact';
import { customerFieldsOf } from '../../simulators/outsmart';

jest.setTimeout(240_000);

const FLOW = '13-warehouses-and-stock.json';
const EXPORT = '05-export-work-orders.json';

function template(file: string): WorkflowInput & { nodes: Array<{ name: string; type: string; parameters: IDataObject }> } {
	return readTemplate(file) as ReturnType<typeof template>;
}

/**
 * Template 05 as a user sets it up for stock: the van of the material lines, else the main warehouse. Without its
 * OutSmart Trigger, so that `n8n execute` (which keeps static data) starts it from Run now without a running n8n.
 */
function exportFromTheVan(): WorkflowInput {
	const workflow = template(EXPORT);
	const exporter = workflow.nodes.find((n) => n.name === 'Create invoice in Exact');
	if (!exporter) throw new Error('template 05 has no node "Create invoice in Exact"');
	exporter.parameters = { ...exporter.parameters, exportOptions: { stockWarehouse: '1', warehouseFromWorkOrder: true } };
	const trigger = workflow.nodes.find((n) => n.type.endsWith('.outSmartTrigger'));
	const connections = { ...(workflow.connections as IDataObject) };
	if (trigger) delete connections[trigger.name];
	return { ...workflow, nodes: workflow.nodes.filter((n) => n !== trigger), connections } as WorkflowInput;
}

describe('template 13 (warehouses and stock) in a real n8n', () => {
	let world: DemoWorld;
	let n8n: N8nInstance;
	const ids: Record<string, string> = {};
	const records = (endpoint: string) => world.outsmart.state.list(endpoint) as IDataObject[];
	const exactStock = (item: string, warehouse: string) =>
		Number(world.exact.state.listRecords('ItemWarehouses').find((iw) => iw.ItemCode === item && iw.WarehouseCode === warehouse)?.CurrentStock);
	const stockText = (code: string) => records('materials').find((m) => m.code === code)?.freefield5;
	let van: IDataObject;
	let invoice: IDataObject;
	let before: number;

	beforeAll(async () => {
		world = await startDemoWorld();
		n8n = await createN8nInstance({ name: 'pro-warehouses' });
		[ids.flow, ids.export] = await importDemoWorkflows(n8n, world, [template(FLOW), exportFromTheVan()]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await world?.close();
	});

	it('first run: warehouses arrive in OutSmart, the van keeps its type and driver; each material shows its stock per warehouse', async () => {
		const run = await n8n.execute(ids.flow);
		expect(run.error).toBeUndefined();
		expect(run.json('Create or update warehouses in OutSmart').map((r) => [r.key, r.outcome])).toEqual([['1', 'created'], ['2', 'updated']]);
		expect(records('warehouses').find((w) => w.wse_code === '1')).toMatchObject({ wse_description: 'Hoofdmagazijn' });
		expect(records('warehouses').find((w) => w.wse_code === '2')).toMatchObject({
			wse_description: 'Servicebus 1 (Jan)',
			wse_type: DEMO_VAN.wse_type,
			wse_employee_nr: DEMO_VAN.wse_employee_nr,
		});

		const report = run.json('Stock on OutSmart materials');
		const positions = world.exact.state.listRecords('ItemWarehouses');
		expect(report.map((r) => r.key).sort()).toEqual([...new Set(positions.map((p) => String(p.ItemCode)))].sort());
		// An item with stock that OutSmart has no material for is not created.
		expect(report.find((r) => r.key === EXACT_SEED_FIXTURES.items.inactive.code)).toMatchObject({ outcome: 'skipped' });
		expect(stockText('SAN-WCP')).toBe(`Voorraad: 1 Hoofdmagazijn ${exactStock('SAN-WCP', '1')} | 2 Servicebus 1 (Jan) ${exactStock('SAN-WCP', '2')}`);
		expect(stockText('KK-12')).toBe(`Voorraad: 1 Hoofdmagazijn ${exactStock('KK-12', '1')}`);
		expect(run.json('Confirm stock changes processed')).toEqual([{ syncName: 'stock to OutSmart', confirmed: true, givenBack: 0, retrying: 0 }]);
	});

	it("a work order's material from the van: the draft invoice names the van as warehouse and moves no stock, so a second run changes nothing", async () => {
		van = world.exact.state.listRecords('Warehouses').find((w) => w.Code === '2') as IDataObject;
		before = exactStock('SAN-WCP', '2');
		const customer = customerFieldsOf(records('workorders').find((w) => w.status === 'Compleet') as IDataObject);
		world.outsmart.state.insertWorkorders([
			{ ...customer, WorkorderNo: 'WO-VAN-1', _complete: { workStatus: 'GEREED', materials: [{ MaterialCode: 'SAN-WCP', MaterialNr: 2, MaterialWarehouseCode: '2' }] } },
		]);
		const exported = await n8n.execute(ids.export);
		expect(exported.error).toBeUndefined();
		const created = exported.json('Create invoice in Exact').filter((r) => r.status === 'created');
		expect(created).toContainEqual(expect.objectContaining({ workOrderNumber: 'WO-VAN-1' }));
		const invoiceOf = (no: unknown) => world.exact.state.listRecords('SalesInvoices').find((i) => i.YourRef === no) as IDataObject;
		invoice = invoiceOf('WO-VAN-1');
		expect(invoice).toMatchObject({ Warehouse: van.ID, Status: 10 });
		// Work orders whose material lines name no warehouse leave the Stock Warehouse (1); one with hours only names none.
		const main = world.exact.state.listRecords('Warehouses').find((w) => w.Code === '1')?.ID;
		const others = created.filter((r) => r.workOrderNumber !== 'WO-VAN-1');
		const withMaterials = (no: unknown) => (world.outsmart.state.findWorkorder(String(no))?.materials ?? []).length > 0;
		expect(others.filter((r) => withMaterials(r.workOrderNumber)).length).toBeGreaterThan(0);
		expect(others.map((r) => invoiceOf(r.workOrderNumber).Warehouse)).toEqual(others.map((r) => (withMaterials(r.workOrderNumber) ? main : undefined)));
		expect(exactStock('SAN-WCP', '2')).toBe(before);

		world.outsmart.state.resetStats();
		const again = await n8n.execute(ids.flow);
		expect(again.status).toBe('success');
		expect(again.json('Create or update warehouses in OutSmart').map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
		expect(again.json('Stock changes in Exact (per item)')).toEqual([]);
		expect(world.outsmart.state.stats().callsByMethod).toEqual({ 'GET warehouses': 1 });
	});

	it('processing the invoice in Exact takes the stock out of the van, and the next run shows it in OutSmart', async () => {
		const processed = await fetch(`${world.exact.url}/api/v1/${MAIN_DIVISION}/salesinvoice/PrintedSalesInvoices`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${DEMO_EXACT_TOKENS.access_token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({ InvoiceID: invoice.InvoiceID }),
		});
		expect(processed.ok).toBe(true);
		expect(exactStock('SAN-WCP', '2')).toBe(before - 2);

		const run = await n8n.execute(ids.flow);
		expect(run.json('Stock on OutSmart materials')).toEqual([expect.objectContaining({ key: 'SAN-WCP', outcome: 'updated', changedFields: ['freefield5'] })]);
		expect(stockText('SAN-WCP')).toBe(`Voorraad: 1 Hoofdmagazijn ${exactStock('SAN-WCP', '1')} | 2 Servicebus 1 (Jan) ${before - 2}`);
	});
});
