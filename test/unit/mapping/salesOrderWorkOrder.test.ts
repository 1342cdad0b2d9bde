import type { IDataObject } from 'n8n-workflow';
import { cleanRecord } from '../../../nodes/ExactOnlineApi/records';
import { salesOrderAccounts, salesOrderToWorkOrder } from '../../../nodes/mapping/salesOrderWorkOrder';
import { workOrderOrigin, exactNumberOf } from '../../../nodes/mapping/workOrderOrigin';
import { workorderBody } from '../../../nodes/OutSmart/workorder/body';
import { EXACT_SEED_FIXTURES, generateExactSeed } from '../../../simulators/exact';

const seed = generateExactSeed('tiny');
const { accounts } = EXACT_SEED_FIXTURES;
const account = (id: string) => cleanRecord(seed.entities.Accounts!.find((a) => a.ID === id) as never);

/** Seed order 1 (O'Neill Installaties: 1,5 h ARBEID and three CV-ketel lines) as the Sales Order node outputs it. */
function order(number = 1, changes: IDataObject = {}): IDataObject {
	const header = seed.entities.SalesOrders!.find((o) => o.OrderNumber === number)!;
	const lines = seed.entities.SalesOrderLines!.filter((l) => l.OrderID === header.OrderID).map((l) => cleanRecord(l as never));
	return { ...cleanRecord(header as never), SalesOrderLines: lines, ...changes };
}

const options = { hourItemCodes: ['arbeid', 'VOORRIJ'] };

describe('Exact sales order -> OutSmart work order', () => {
	it('numbers the work order after the order, so its origin reads back from the number', () => {
		const mapped = salesOrderToWorkOrder(order(1), { orderedBy: account(accounts.oneill.id) }, options);
		expect(mapped.workOrderNumber).toBe('VO-1');
		expect(mapped.fields.WorkorderNo).toBe('VO-1');
		expect(workOrderOrigin(mapped.workOrderNumber)).toBe('salesOrder');
		expect(exactNumberOf(mapped.workOrderNumber)).toBe('1');
	});

	it("takes customer and invoice customer from the account, with street and house number apart", () => {
		const oneill = account(accounts.oneill.id);
		const mapped = salesOrderToWorkOrder(order(1), { orderedBy: oneill, contactName: "Siobhán O'Neill" }, options);
		expect(mapped.missing).toEqual([]);
		expect(mapped.fields).toMatchObject({
			CustomerName: "O'Neill Installaties",
			CustomerDebtorNr: '2',
			CustomerStreet: 'Laan van Meerdervoort',
			CustomerStreetNo: '1250-B',
			CustomerContactPerson: "Siobhán O'Neill",
			CustomerNameInvoice: "O'Neill Installaties",
			CustomerDebtorNrInvoice: '2',
			CustomerContactPersonInvoice: "Siobhán O'Neill",
			CustomerCityInvoice: oneill.City,
		});
	});

	it('plans the work on the delivery day, at the delivery account and address; another account pays', () => {
		const address = { AddressLine1: 'Hinthamerstraat 12a', Postcode: '5211 MG', City: "'s-Hertogenbosch" };
		const mapped = salesOrderToWorkOrder(
			order(1),
			{ orderedBy: account(accounts.oneill.id), deliverTo: account(accounts.bakkerij.id), invoiceTo: account(accounts.longName.id), deliveryAddress: address },
			options,
		);
		expect(mapped.fields).toMatchObject({
			WorkDate: '2025-05-08',
			CustomerName: "Bakkerij 't Hoekje",
			CustomerDebtorNr: '1',
			CustomerStreet: 'Hinthamerstraat',
			CustomerStreetNo: '12a',
			CustomerZIP: '5211 MG',
			CustomerContactPerson: "Bakkerij 't Hoekje",
			CustomerNameInvoice: accounts.longName.name,
			CustomerDebtorNrInvoice: '5',
			CustomerContactPersonInvoice: accounts.longName.name,
		});
	});

	it('makes material lines of the goods, at the order prices, and planned time of the hour lines', () => {
		const mapped = salesOrderToWorkOrder(order(1), { orderedBy: account(accounts.oneill.id) }, options);
		expect(mapped.materials).toEqual([
			{ MaterialCode: 'CV-HRE28', MaterialName: expect.stringContaining('CV-ketel'), MaterialNr: 1, MaterialPrice: 1895, MaterialUnit: expect.any(String) },
			{ MaterialCode: 'CV-HRE28', MaterialName: expect.stringContaining('CV-ketel'), MaterialNr: 4, MaterialPrice: 1895, MaterialUnit: expect.any(String) },
			{ MaterialCode: 'CV-HRE28', MaterialName: expect.stringContaining('CV-ketel'), MaterialNr: 4, MaterialPrice: 1895, MaterialUnit: expect.any(String) },
		]);
		expect(mapped.plannedHours).toBe(1.5);
		expect(mapped.fields.WorkDuration).toBe(90);
		const withPrices = salesOrderToWorkOrder(order(3), { orderedBy: account(accounts.oneill.id) }, options);
		expect(withPrices.materials).toEqual([expect.objectContaining({ MaterialCode: 'KK-12', MaterialNr: 3, MaterialPrice: 12.95 })]);
		expect(withPrices.plannedHours).toBe(4.5);
	});

	it('describes the work with the order description and the customer reference; remarks stay internal', () => {
		const mapped = salesOrderToWorkOrder(order(1, { Remarks: 'Sleutel bij de buren' }), { orderedBy: account(accounts.oneill.id) }, options);
		expect(mapped.fields.ShortWorkDescription).toBe('Opdracht storing warmwater');
		expect(mapped.fields.WorkDescription).toBe('Opdracht storing warmwater\nUw referentie: PO-20250001');
		expect(mapped.fields.InternalWorkDescription).toBe('Sleutel bij de buren');
	});

	it('gives what OutSmart accepts: d-m-Y date, decimal-comma quantities and prices', () => {
		const mapped = salesOrderToWorkOrder(order(3), { orderedBy: account(accounts.oneill.id) }, options);
		const body = workorderBody({ fields: mapped.fields, materials: mapped.materials });
		expect(body).toMatchObject({ WorkorderNo: 'VO-3', WorkDate: '10-05-2025', WorkDuration: '270' });
		expect(body.Materials).toEqual([expect.objectContaining({ MaterialCode: 'KK-12', MaterialNr: '3', MaterialPrice: '12,95' })]);
	});

	it('reads the accounts and delivery address the Sales Order node adds with Include Accounts', () => {
		const oneill = account(accounts.oneill.id);
		const bakkerij = account(accounts.bakkerij.id);
		const address = { ID: 'a', AddressLine1: 'Markt 1', Postcode: '5211 JX', City: "'s-Hertogenbosch" };
		const fromNode = order(1, { Accounts: { OrderedBy: oneill, InvoiceTo: oneill, DeliverTo: bakkerij }, DeliveryAddressRecord: address });
		const found = salesOrderAccounts(fromNode, 'Jan');
		expect(found).toEqual({ orderedBy: oneill, invoiceTo: oneill, deliverTo: bakkerij, deliveryAddress: address, contactName: 'Jan' });
		const mapped = salesOrderToWorkOrder(fromNode, found!, options);
		expect(mapped.fields).toMatchObject({ CustomerName: "Bakkerij 't Hoekje", CustomerStreet: 'Markt', CustomerStreetNo: '1', CustomerNameInvoice: "O'Neill Installaties" });
		expect(salesOrderAccounts(order(1))).toBeUndefined();
	});

	it('names the required customer fields that are empty', () => {
		const bare = { Name: 'Fam. Zonder Adres', Code: '99' };
		expect(salesOrderToWorkOrder(order(2), { orderedBy: bare }, options).missing).toEqual(['CustomerStreet', 'CustomerZIP', 'CustomerCity']);
	});
});
