import type { IDataObject } from 'n8n-workflow';
import type { WorkOrderFromSalesOrder } from '../../../nodes/mapping/salesOrderWorkOrder';
import { notForNewWorkOrder, salesOrderGone, workOrderDifferences } from '../../../nodes/mapping/salesOrderWorkOrderChanges';

/** What the mapping makes of an order: a date, two material lines, one customer, planned time. */
function mapped(changes: Partial<WorkOrderFromSalesOrder> = {}, fields: IDataObject = {}): WorkOrderFromSalesOrder {
	return {
		workOrderNumber: 'VO-7',
		fields: { WorkorderNo: 'VO-7', CustomerName: "O'Neill Installaties", CustomerCity: 'Den Haag', WorkDate: '2025-05-10', ShortWorkDescription: 'Opdracht', WorkDuration: 90, ...fields },
		materials: [
			{ MaterialCode: 'KK-12', MaterialName: 'Kogelkraan', MaterialNr: 2, MaterialPrice: 12.5, MaterialUnit: 'stuk' },
			{ MaterialCode: 'CV-HRE28', MaterialName: 'CV-ketel', MaterialNr: 1, MaterialPrice: 1450, MaterialUnit: 'stuk' },
		],
		plannedHours: 1.5,
		missing: [],
		...changes,
	};
}

/** The work order as GetWorkorder returns it after the node cleaned it, made from `mapped()`. */
function workorder(changes: IDataObject = {}): IDataObject {
	return {
		WorkorderNo: 'VO-7',
		CustomerName: "O'Neill Installaties",
		CustomerCity: 'Den Haag',
		WorkDate: '2025-05-10',
		ShortWorkDescription: 'Opdracht',
		WorkDuration: 90,
		// OutSmart keeps lines in any order; amounts come back as numbers with its own rounding
		Materials: [
			{ MaterialCode: 'CV-HRE28', MaterialName: 'CV-ketel', MaterialNr: 1, MaterialPrice: 1450.0, MaterialUnit: 'stuk', MaterialTotalPrice: 1450 },
			{ MaterialCode: 'kk-12', MaterialName: 'Kogelkraan', MaterialNr: 2, MaterialPrice: 12.5, MaterialUnit: 'stuk', MaterialTotalPrice: 25 },
		],
		...changes,
	};
}

describe('a changed sales order against its work order', () => {
	it('finds nothing when the work order is as the order says', () => {
		expect(workOrderDifferences(mapped(), workorder())).toEqual({ materials: false, fixed: [] });
	});

	it('carries a new date and changed material lines over; reports fields UpdateWorkorder cannot change', () => {
		const order = mapped({}, { WorkDate: '2025-06-01', CustomerCity: 'Delft', WorkDuration: 120 });
		order.materials[0] = { ...order.materials[0], MaterialNr: 3 };
		expect(workOrderDifferences(order, workorder())).toEqual({ workDate: '2025-06-01', materials: true, fixed: ['CustomerCity', 'WorkDuration'] });
	});

	it('sees a price change of a cent, a removed line and a new unit as material changes', () => {
		const cent = mapped();
		cent.materials[1] = { ...cent.materials[1], MaterialPrice: 1450.01 };
		expect(workOrderDifferences(cent, workorder()).materials).toBe(true);
		expect(workOrderDifferences(mapped({ materials: mapped().materials.slice(0, 1) }), workorder()).materials).toBe(true);
		const unit = mapped();
		unit.materials[0] = { ...unit.materials[0], MaterialUnit: 'doos' };
		expect(workOrderDifferences(unit, workorder()).materials).toBe(true);
	});

	it('an order without a date leaves the planned date alone', () => {
		expect(workOrderDifferences(mapped({}, { WorkDate: '' }), workorder()).workDate).toBeUndefined();
	});
});

describe('which orders are gone and which become new work orders', () => {
	it('a deletion from Get Changes and a cancelled order (status 45) are gone; open, partial and complete ones are not', () => {
		expect(salesOrderGone({ OrderID: 'x', changeType: 'deleted' })).toBe('deleted');
		expect(salesOrderGone({ OrderNumber: 7, Status: 45, changeType: 'changed' })).toBe('cancelled');
		expect([12, 20, 21].map((Status) => salesOrderGone({ OrderNumber: 7, Status }))).toEqual([undefined, undefined, undefined]);
	});

	it('only open orders in the filter: description tag (any case) and delivery date window, in Dutch days', () => {
		const open = { OrderNumber: 7, Status: 12, Description: 'Opdracht #OutSmart cv', DeliveryDate: '2025-05-10T00:00:00.000+02:00' };
		expect(notForNewWorkOrder(open, {})).toBeUndefined();
		expect(notForNewWorkOrder(open, { descriptionContains: '#outsmart', deliveryDateFrom: '2025-05-10', deliveryDateTo: '2025-05-10T00:00:00' })).toBeUndefined();
		expect(notForNewWorkOrder({ ...open, Status: 20, StatusDescription: 'Partial' }, {})).toBe('the order is Partial, not open: only open orders become work orders');
		expect(notForNewWorkOrder(open, { descriptionContains: '#later' })).toBe('its description does not contain "#later"');
		expect(notForNewWorkOrder(open, { deliveryDateFrom: '2025-05-11' })).toBe('its delivery date 2025-05-10 is before 2025-05-11');
		expect(notForNewWorkOrder(open, { deliveryDateTo: '2025-05-09' })).toBe('its delivery date 2025-05-10 is after 2025-05-09');
		expect(notForNewWorkOrder({ ...open, DeliveryDate: null }, { deliveryDateTo: '2025-05-09' })).toMatch(/^it has no delivery date/);
	});
});
