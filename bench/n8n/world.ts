/**
 * The bench's world: an Exact administration of a given size with Exact's production limits (60 calls a
 * "minute", 5,000 a day; the minute on a scaled clock), an OutSmart account that starts empty but for its
 * employees and work statuses, the two credentials, and completed work orders for those Exact customers.
 */
import { DEMO_EXACT_TOKENS, DEMO_OUTSMART, EXACT_CREDENTIAL, OUTSMART_CREDENTIAL } from '../../scripts/demo-data';
import { MAIN_DIVISION, startExactSimulator, type ExactSimulator, type SeedSize } from '../../simulators/exact';
import { DEMO_EMPLOYEES, DEMO_WORKSTATUSSES, startOutSmartSimulator, type OutSmartSimulator, type SeedWorkorder } from '../../simulators/outsmart';
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
	return { exact, outsmart, close: async () => void (await Promise.all([exact.close(), outsmart.close()])) };
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

/**
 * `count` completed, finished work orders, each for another customer, with two material lines and one work
 * period: what a technician hands in at the end of a job.
 */
export function completedWorkOrders(world: BenchWorld, count: number, prefix: string): SeedWorkorder[] {
	const customers = exportableCustomers(world);
	const { materials, hourTypes } = exportableItems(world);
	if (customers.length === 0 || materials.length < 2 || hourTypes.length === 0) throw new Error('the Exact seed has no customers, materials or hour types to export');
	return Array.from({ length: count }, (_, n) => {
		const customer = customers[n % customers.length];
		const address = {
			CustomerName: String(customer.Name),
			CustomerDebtorNr: trimmed(customer.Code),
			CustomerStreet: trimmed(customer.AddressLine1) || 'Onbekend 1',
			CustomerZIP: trimmed(customer.Postcode),
			CustomerCity: trimmed(customer.City),
			CustomerContactPerson: 'Bench',
		};
		const lines = [materials[(2 * n) % materials.length], materials[(2 * n + 1) % materials.length]];
		return {
			WorkorderNo: `${prefix}-${String(n + 1).padStart(5, '0')}`,
			...address,
			CustomerNameInvoice: address.CustomerName,
			CustomerDebtorNrInvoice: address.CustomerDebtorNr,
			CustomerStreetInvoice: address.CustomerStreet,
			CustomerZIPInvoice: address.CustomerZIP,
			CustomerCityInvoice: address.CustomerCity,
			CustomerContactPersonInvoice: 'Bench',
			TypeOfWork: 'Onderhoud',
			PaymentMethod: 'Op rekening',
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
