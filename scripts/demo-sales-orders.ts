/**
 * Demo data for flow 1 (template 09, sales orders -> work orders), so that its first run in `npm start` shows every
 * outcome: orders 1 and 3 become new work orders; work order VO-2 was made earlier and is still Klaargezet, so the
 * order's date and materials are carried over and the rest (its customer was typed in by hand) is reported; order
 * 4 was cancelled in Exact, so its Klaargezet work order gets GEANNULEERD; order 5 changed while a technician has
 * its work order (Opgehaald), so that one is reported, not changed.
 */
import { EXACT_SEED_FIXTURES, type ExactSimulator } from '../simulators/exact';
import { customerFieldsOf, type OutSmartSimulator } from '../simulators/outsmart';

const { accounts, items } = EXACT_SEED_FIXTURES;

/** The work status a cancelled order's work order gets in the template. */
export const DEMO_CANCEL_WORK_STATUS = { sta_code: 'GEANNULEERD', sta_name: 'Geannuleerd (order vervallen in Exact)' };

/** Exact's /Date(ms)/ of a day in Dutch time (noon, so the day is the same in every zone). */
const exactDay = (iso: string) => `/Date(${Date.parse(`${iso}T12:00:00Z`)})/`;

export function addSalesOrderDemo(exact: ExactSimulator, outsmart: OutSmartSimulator): void {
	const cancelled = exact.state.insertRecord('SalesOrders', {
		OrderedBy: accounts.bakkerij.id,
		DeliveryDate: exactDay('2025-06-02'),
		Description: 'Opdracht keukenkraan vervangen',
		SalesOrderLines: [{ Item: items.kogelkraan.id, Quantity: 2 }, { Item: items.arbeid.id, Quantity: 1.5 }],
	});
	exact.state.updateRecord('SalesOrders', String(cancelled.OrderID), { Status: 45 });
	const pickedUp = exact.state.insertRecord('SalesOrders', {
		OrderedBy: accounts.cafe.id,
		DeliveryDate: exactDay('2025-06-04'),
		Description: 'Opdracht cv-ketel plaatsen',
		SalesOrderLines: [{ Item: items.cvKetel.id, Quantity: 1 }, { Item: items.arbeid.id, Quantity: 4 }],
	});

	outsmart.state.insert('workstatusses', [DEMO_CANCEL_WORK_STATUS]);
	const customer = customerFieldsOf(outsmart.state.list('workorders')[0]);
	const earlier = (number: unknown, workDate: string) => ({
		...customer,
		WorkorderNo: `VO-${String(number)}`,
		WorkDate: workDate,
		ShortWorkDescription: 'Gemaakt bij een eerdere run',
		Materials: [{ MaterialCode: items.draad.code, MaterialNr: '1', MaterialPrice: '12,50', MaterialName: 'Installatiedraad', MaterialUnit: 'rol' }],
	});
	outsmart.state.insertWorkorders([
		earlier(2, '01-05-2025'),
		earlier(cancelled.OrderNumber, '02-06-2025'),
		{ ...earlier(pickedUp.OrderNumber, '03-06-2025'), _status: 'Opgehaald' },
	]);
}
