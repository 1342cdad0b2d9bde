/**
 * The bench's world: an Exact administration of a given size with Exact's production limits (60 calls a
 * "minute", 5,000 a day; the minute on a scaled clock), an OutSmart account that starts empty but for its
 * employees and work statuses (and the quotations and invoices made in its app, for the Pro flows), the two
 * credentials, and completed work orders for those Exact customers.
 */
import { DEMO_EXACT_TOKENS, DEMO_OUTSMART, EXACT_CREDENTIAL, OUTSMART_CREDENTIAL } from '../../scripts/demo-data';
import { MAIN_DIVISION, startExactSimulator, type ExactSimulator, type SeedSize } from '../../simulators/exact';
import { DEMO_EMPLOYEES, DEMO_WORKSTATUSSES, startOutSmartSimulator, type OutSmartSimulator, type SeedWorkorder } from '../../simulators/outsmart';
import type { InvoiceInput } from '../../simulators/outsmart/invoices';
import type { QuotationInput } from '../../simulators/outsmart/quotations';
import type { ExactRecord } from '../../simulators/seed/types';

export interface BenchWorld {
	exact: ExactSimulator;
	outsmart: OutSmartSimulator;
	close(): Promise<void>;
}

export async function startBenchWorld(seed: SeedSize, minuteMs: number): Promise<BenchWorld> {
	const exact = await startExactSimulator({ seed, minuteMs, minutelyLimit: 60, dailyLimit: 5000 });
	exact.state.registerTokens({ ...DEMO_EXACT_TOKENS });
	const outsmart = await startOutSmartSimulator({
		...DEMO_OUTSMART,
		seed: { records: { employees: DEMO_EMPLOYEES, workstatusses: DEMO_WORKSTATUSSES }, workorders: [] },
	});
	const world = { exact, outsmart, close: async () => void (await Promise.all([exact.close(), outsmart.close()])) };
	addProFlowData(world);
	return world;
}

const DAY_MS = 86_400_000;

/** An Exact date value `days` from now at `hour`: Dutch wall-clock time written as if it were UTC. */
function exactDay(days: number, hour = 0): string {
	const today = new Date();
	return `/Date(${Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + days, hour)})/`;
}

/**
 * What the Pro flows read that the Exact seed has not, in proportion to the seed's quotations and sales orders
 * (20 at 1,000 accounts, 100 at 20,000): OutSmart quotations made in its app (half sent, half accepted: template
 * 11), OutSmart invoices (template 12), and the seed's projects made current with their planning lines in the
 * coming days (template 14 creates no project that ended and plans no line of one). Warehouses and stock
 * (template 13) and Exact's quotations (11) are in the seed.
 */
function addProFlowData(world: BenchWorld): void {
	const quotations = world.exact.state.listRecords('Quotations').length;
	world.outsmart.state.quotations.add(Array.from({ length: quotations }, (_, n) => outSmartQuotation(world, n)));
	addOutSmartInvoices(world, world.exact.state.listRecords('SalesOrders').length);
	for (const project of world.exact.state.listRecords('Projects')) {
		world.exact.state.updateRecord('Projects', String(project.ID), { StartDate: exactDay(-30), EndDate: exactDay(90) });
	}
	world.exact.state.listRecords('ProjectPlanning').forEach((line, n) => {
		const day = 1 + (n % 20);
		world.exact.state.updateRecord('ProjectPlanning', String(line.ID), { StartDate: exactDay(day, 8), EndDate: exactDay(day, 8 + Number(line.Hours ?? 8)) });
	});
}

/** The `n`-th OutSmart quotation: a material and an hour type for a customer of the Exact seed; odd ones accepted. */
function outSmartQuotation(world: BenchWorld, n: number): QuotationInput {
	const customers = exportableCustomers(world);
	const { materials, hourTypes } = exportableItems(world);
	const material = materials[(3 * n) % materials.length];
	return {
		debtor_nr: trimmed(customers[(7 * n + 3) % customers.length].Code),
		description: `Offerte bench ${n + 1}`,
		status: n % 2 ? 'ACCEPTED' : 'SENT',
		lines: [
			{ material_code: String(material.Code), description: String(material.Description ?? material.Code).slice(0, 60), amount: 2, price: '12.50', unit: 'st' },
			{ hourtype: String(hourTypes[n % hourTypes.length].Code), description: 'Montage', amount: 1.5, price: '62.50' },
		],
	};
}

/**
 * `count` more final invoices made in OutSmart (numbered on from those there), each a material and an hour type
 * for a customer of the Exact seed: the first run books those of the seed, a later run a day's new ones.
 */
export function addOutSmartInvoices(world: BenchWorld, count: number): void {
	const customers = exportableCustomers(world);
	const { materials, hourTypes } = exportableItems(world);
	const first = world.outsmart.state.invoicing.invoices.length;
	const date = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
	const invoices: InvoiceInput[] = Array.from({ length: count }, (_, i) => {
		const n = first + i;
		const customer = customers[(11 * n + 5) % customers.length];
		return {
			number: n + 1,
			debtorNumber: trimmed(customer.Code),
			debtorName: String(customer.Name),
			date,
			description: `Factuur bench ${n + 1}`,
			lines: [
				{ material: String(materials[(5 * n) % materials.length].Code), quantity: 3, price: 12.5, vatPercentage: 21 },
				{ hourType: String(hourTypes[n % hourTypes.length].Code), quantity: 2, price: 62.5, vatPercentage: 21 },
			],
		};
	});
	for (const invoice of invoices) world.outsmart.state.invoicing.addInvoice(invoice);
}

/**
 * The credentials, with the division set: left blank, the nodes ask Exact's current/Me once per process and
 * 15 minutes, which `n8n execute` (a process per run) would count on every run.
 */
export function benchCredentials(world: BenchWorld) {
	return [
		{
			...EXACT_CREDENTIAL,
			data: {
				region: 'custom',
				customBaseUrl: world.exact.url,
				division: String(MAIN_DIVISION),
				clientId: 'demo-client-id',
				clientSecret: 'demo-client-secret',
				oauthTokenData: { ...DEMO_EXACT_TOKENS, token_type: 'bearer' },
			},
		},
		{ ...OUTSMART_CREDENTIAL, data: { baseUrl: world.outsmart.url, ...DEMO_OUTSMART } },
	];
}

const trimmed = (value: unknown) => String(value ?? '').trim();

/** Active customers (Status C, not blocked) of the Exact seed, in code order. */
export function exportableCustomers(world: BenchWorld): ExactRecord[] {
	return world.exact.state.listRecords('Accounts').filter((a) => a.Status === 'C' && a.Blocked !== true && trimmed(a.Code) && trimmed(a.Postcode) && trimmed(a.City));
}

/** Sales materials (not time items, not ended) and time items of the Exact seed. */
export function exportableItems(world: BenchWorld): { materials: ExactRecord[]; hourTypes: ExactRecord[] } {
	const items = world.exact.state.listRecords('Items').filter((i) => !i.EndDate);
	return {
		materials: items.filter((i) => i.IsSalesItem === true && Number(i.IsTime) !== 1),
		hourTypes: items.filter((i) => Number(i.IsTime) === 1 && i.IsSalesItem === true),
	};
}

/** A work order's customer and invoice customer: an Exact account, as the bench's work orders name it. */
function customerOf(customer: ExactRecord): SeedWorkorder {
	const address = {
		CustomerName: String(customer.Name),
		CustomerDebtorNr: trimmed(customer.Code),
		CustomerStreet: trimmed(customer.AddressLine1) || 'Onbekend 1',
		CustomerZIP: trimmed(customer.Postcode),
		CustomerCity: trimmed(customer.City),
		CustomerContactPerson: 'Bench',
	};
	return {
		...address,
		CustomerNameInvoice: address.CustomerName,
		CustomerDebtorNrInvoice: address.CustomerDebtorNr,
		CustomerStreetInvoice: address.CustomerStreet,
		CustomerZIPInvoice: address.CustomerZIP,
		CustomerCityInvoice: address.CustomerCity,
		CustomerContactPersonInvoice: 'Bench',
		TypeOfWork: 'Onderhoud',
		PaymentMethod: 'Op rekening',
	};
}

/**
 * `count` completed, finished work orders, each for another customer, with two material lines and one work
 * period: what a technician hands in at the end of a job.
 */
export function completedWorkOrders(world: BenchWorld, count: number, prefix: string): SeedWorkorder[] {
	const customers = exportableCustomers(world);
	const { materials, hourTypes } = exportableItems(world);
	if (customers.length === 0 || materials.length < 2 || hourTypes.length === 0) throw new Error('the Exact seed has no customers, materials or hour types to export');
	return Array.from({ length: count }, (_, n) => {
		const lines = [materials[(2 * n) % materials.length], materials[(2 * n + 1) % materials.length]];
		return {
			WorkorderNo: `${prefix}-${String(n + 1).padStart(5, '0')}`,
			...customerOf(customers[n % customers.length]),
			WorkDate: '01-12-2026',
			_complete: {
				workFinished: true,
				employeeNr: '11',
				workperiods: [{ WorkDate: '01-12-2026', BeginTime: '08:00', EndTime: '10:15', Break: 0, HourType: String(hourTypes[n % hourTypes.length].Code), EmployeeNr: '11' }],
				materials: lines.map((item, i) => ({
					MaterialCode: String(item.Code),
					MaterialNr: String(i + 1),
					MaterialPrice: '12,50',
					MaterialName: String(item.Description ?? item.Code).slice(0, 60),
					MaterialUnit: 'stuk',
				})),
			},
		};
	});
}

/**
 * What a day brings the Pro flows outside Exact's records (which run.ts changes 1%): a tenth more OutSmart
 * quotations and invoices (at least one), payments in Exact of every fifth OutSmart invoice booked there, and
 * every fifth work order planned from Exact's planning (PP-) completed by its technician.
 */
export function aDayOfProWork(world: BenchWorld): void {
	const tenth = (n: number) => Math.max(1, Math.round(n / 10));
	const quotations = world.outsmart.state.quotations.list().length;
	world.outsmart.state.quotations.add(Array.from({ length: tenth(quotations) }, (_, i) => outSmartQuotation(world, quotations + i)));
	addOutSmartInvoices(world, tenth(world.outsmart.state.invoicing.invoices.length));
	const booked = new Set(world.outsmart.state.invoicing.invoices.map((i) => String(i.inv_number_formatted)));
	const fromOutSmart = world.exact.state.listRecords('Receivables').filter((r) => booked.has(trimmed(r.YourRef)));
	for (let i = 0; i < fromOutSmart.length; i += 5) world.exact.state.updateRecord('Receivables', String(fromOutSmart[i].ID), { AmountDC: 0, IsFullyPaid: true });
	const hourType = trimmed(world.exact.state.listRecords('ProjectPlanning')[0]?.HourTypeCode);
	const planned = world.outsmart.state.list('workorders').filter((w) => String(w.WorkorderNo).startsWith('PP-') && w.status === 'Klaargezet');
	for (let i = 0; i < planned.length; i += 5) {
		world.outsmart.state.completeWorkorder(String(planned[i].WorkorderNo), { workperiods: [{ BeginTime: '08:00', EndTime: '12:00', HourType: hourType }], materials: [] });
	}
}

/**
 * Work orders made from open Exact sales orders (`VO-<order number>`, template 09's) completed by the technician
 * with what the order names: each material line as ordered but the first one more, each hour line as a work period
 * of its hours (template 10 then changes one line, delivers and invoices). A work order template 09 made is
 * completed; one it did not make (a bench of template 10 alone) is made completed for the order's customer.
 */
export function completeOrderWorkOrders(world: BenchWorld, orders: ExactRecord[]): void {
	const lines = world.exact.state.listRecords('SalesOrderLines');
	const accounts = new Map(world.exact.state.listRecords('Accounts').map((a) => [String(a.ID), a]));
	const items = new Map(world.exact.state.listRecords('Items').map((i) => [String(i.ID), i]));
	const isTime = (line: ExactRecord) => Number(items.get(String(line.Item))?.IsTime) === 1;
	const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
	for (const order of orders) {
		const own = lines.filter((l) => l.OrderID === order.OrderID);
		let minute = 8 * 60;
		const workperiods = own.filter(isTime).map((line) => {
			const begin = minute;
			minute += Math.round(Number(line.Quantity) * 60);
			return { BeginTime: clock(begin), EndTime: clock(minute), Break: 0, HourType: trimmed(line.ItemCode), EmployeeNr: '11' };
		});
		const materials = own.filter((l) => !isTime(l)).map((line, i) => ({ MaterialCode: trimmed(line.ItemCode), MaterialNr: String(Number(line.Quantity) + (i === 0 ? 1 : 0)) }));
		const complete = { workperiods, materials, employeeNr: '11' };
		const number = `VO-${String(order.OrderNumber)}`;
		if (world.outsmart.state.findWorkorder(number)) {
			world.outsmart.state.completeWorkorder(number, complete);
			continue;
		}
		const customer = accounts.get(String(order.OrderedBy));
		if (!customer) throw new Error(`sales order ${String(order.OrderNumber)} has no account in the seed`);
		world.outsmart.state.insertWorkorders([{ WorkorderNo: number, ...customerOf(customer), _complete: complete }]);
	}
}
