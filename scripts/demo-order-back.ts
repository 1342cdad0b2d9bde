/**
 * Demo data of the flow "completed work orders back to their Exact sales orders" (template 10): a sales order in
 * the Exact demo administration whose boiler was delivered ahead from the warehouse (so the order is partly
 * delivered and the sales-order flow, which takes open orders, leaves it alone), and its work order VO-<number>
 * in OutSmart, completed by the technician with more valves than ordered, a wire that was not ordered, no tube,
 * and other hours than planned.
 */
import { EXACT_SEED_FIXTURES, type ExactSimulator } from '../simulators/exact';
import { customerFieldsOf, type OutSmartSimulator } from '../simulators/outsmart';

const { accounts, items } = EXACT_SEED_FIXTURES;

export const ORDER_BACK_DEMO = { orderNumber: 9101, workOrderNumber: 'VO-9101', customerDebtorNr: accounts.oneill.code.trim() } as const;

export function addOrderBackDemo(world: { exact: ExactSimulator; outsmart: OutSmartSimulator }): void {
	world.exact.state.insertRecord('SalesOrders', {
		OrderNumber: ORDER_BACK_DEMO.orderNumber,
		OrderedBy: accounts.oneill.id,
		YourRef: 'PO-2026-118',
		Description: 'Cv-ketel vervangen',
		SalesOrderLines: [
			{ Item: items.cvKetel.id, Quantity: 1, QuantityDelivered: 1 },
			{ Item: items.kogelkraan.id, Quantity: 2 },
			{ Item: items.codeWithSpaces.id, Quantity: 4 },
			{ Item: items.arbeid.id, Quantity: 3 },
		],
	});
	const sameCustomer = world.outsmart.state.list('workorders').find((w) => w.CustomerDebtorNr === ORDER_BACK_DEMO.customerDebtorNr);
	if (!sameCustomer) throw new Error(`The OutSmart demo seed has no work order of relation ${ORDER_BACK_DEMO.customerDebtorNr}`);
	world.outsmart.state.insertWorkorders([
		{
			...customerFieldsOf(sameCustomer),
			WorkorderNo: ORDER_BACK_DEMO.workOrderNumber,
			TypeOfWork: 'Installatie',
			ShortWorkDescription: 'Cv-ketel vervangen',
			_complete: {
				workperiods: [
					{ BeginTime: '08:00', EndTime: '12:30', Break: 0, HourType: items.arbeid.code, EmployeeNr: '11' },
					{ BeginTime: '08:00', EndTime: '08:30', Break: 0, HourType: items.voorrij.code, EmployeeNr: '11' },
				],
				materials: [
					{ MaterialCode: items.cvKetel.code, MaterialNr: '1' },
					{ MaterialCode: items.kogelkraan.code, MaterialNr: '3' },
					{ MaterialCode: items.draad.code, MaterialNr: '2' },
				],
				workStatus: 'GEREED',
				workDescription: 'Cv-ketel vervangen, twee extra kogelkranen en nieuwe bedrading.',
			},
		},
	]);
}
