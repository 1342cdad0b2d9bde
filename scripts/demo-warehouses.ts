/**
 * Flow 13's part of the demo world (warehouses and stock): in OutSmart, Jan's van is a warehouse under the code of
 * the Exact demo administration's van (warehouse 2, "Servicebus 1 (Jan)"), typed VEHICLE with Jan (employee 11) as
 * its driver, as a planner sets it up. The first run of template 13 adds the main warehouse (1), brings the van's
 * description in line with Exact and keeps what only OutSmart knows (type, driver, parent warehouse).
 */
import type { OutSmartSeed } from '../simulators/outsmart';

export const DEMO_VAN = { wse_code: '2', wse_wse_code: '1', wse_type: 'VEHICLE', wse_employee_nr: '11', wse_description: 'Bus Jan', wse_remark: '' };

/** The demo OutSmart seed with the van as its only warehouse (the seed's own warehouses have no Exact code). */
export function withDemoWarehouses(seed: OutSmartSeed): OutSmartSeed {
	return { ...seed, records: { ...seed.records, warehouses: [{ ...DEMO_VAN }] } };
}
