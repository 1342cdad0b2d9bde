/** Flow 3's pure mappings: an Exact quotation -> work order OF-<number>; an OutSmart quotation -> an Exact quotation. */
import type { IDataObject } from 'n8n-workflow';
import { isOutSmartQuotationReference, outSmartQuotationReference, quotationFromOutSmart } from '../../../nodes/mapping/outSmartQuotation';
import { cameFromOutSmart, linesWithoutItemCode, quotationAccounts, quotationToWorkOrder } from '../../../nodes/mapping/quotationWorkOrder';
import { workOrderOrigin } from '../../../nodes/mapping/workOrderOrigin';

const site: IDataObject = { ID: 'a1', Code: '                 2', Name: "O'Neill Installaties", AddressLine1: 'Laan van Meerdervoort 1250-B', Postcode: '2555 CA', City: 'Den Haag' };
const payer: IDataObject = { ID: 'a2', Code: '                 7', Name: 'Holding BV', AddressLine1: 'Markt 1', Postcode: '2801 JA', City: 'Gouda' };

const quotation = (changes: IDataObject = {}): IDataObject => ({
	QuotationNumber: 12,
	Status: 50,
	Description: 'Nieuwe cv-ketel',
	YourRef: 'PO-9',
	DeliveryDate: '2026-01-15T00:00:00.000+01:00',
	Accounts: { OrderAccount: site, DeliveryAccount: site, InvoiceAccount: payer },
	QuotationLines: [
		{ LineNumber: 2, ItemCode: 'ARBEID', Quantity: 6, UnitPrice: 62.5, Description: 'Montage' },
		{ LineNumber: 1, ItemCode: 'CV-HRE28', Quantity: 1, UnitPrice: 1450, Description: 'HR-ketel', UnitCode: 'st' },
		{ LineNumber: 3, ItemCode: 'KK-12', Quantity: 2, UnitPrice: 12.5, Optional: true },
	],
	...changes,
});

describe('Exact quotation -> OutSmart work order', () => {
	it('numbers it OF-<number>, plans goods as materials and hour items as time, leaves optional lines out', () => {
		const accounts = quotationAccounts(quotation());
		expect(accounts).toBeDefined();
		const mapped = quotationToWorkOrder(quotation(), accounts!, { hourItemCodes: ['arbeid'] });
		expect(mapped.workOrderNumber).toBe('OF-12');
		expect(workOrderOrigin(mapped.workOrderNumber)).toBe('quotation');
		expect(mapped.materials).toEqual([{ MaterialCode: 'CV-HRE28', MaterialName: 'HR-ketel', MaterialNr: 1, MaterialPrice: 1450, MaterialUnit: 'st' }]);
		expect(mapped.plannedHours).toBe(6);
		expect(mapped.fields).toMatchObject({
			CustomerName: "O'Neill Installaties",
			CustomerDebtorNr: '2',
			CustomerStreet: 'Laan van Meerdervoort',
			CustomerStreetNo: '1250-B',
			CustomerNameInvoice: 'Holding BV',
			CustomerDebtorNrInvoice: '7',
			WorkDate: '2026-01-15',
			WorkDuration: 360,
			WorkDescription: 'Nieuwe cv-ketel\nUw referentie: PO-9',
		});
		expect(mapped.missing).toEqual([]);
	});

	it('has no accounts without Include Accounts; tells lines without item code and quotations from OutSmart', () => {
		expect(quotationAccounts(quotation({ Accounts: undefined }))).toBeUndefined();
		expect(linesWithoutItemCode(quotation({ QuotationLines: [{ LineNumber: 1, Item: 'x' }, { LineNumber: 2, ItemCode: 'KK-12' }] }))).toEqual([1]);
		expect(cameFromOutSmart(quotation())).toBe(false);
		expect(cameFromOutSmart(quotation({ YourRef: outSmartQuotationReference('2026-00004') }))).toBe(true);
		expect(isOutSmartQuotationReference('OutSmart ')).toBe(false);
	});
});

describe('OutSmart quotation -> Exact quotation', () => {
	const outSmart = (changes: IDataObject = {}): IDataObject => ({
		quo_id: '4',
		quo_number_formatted: '2026-00004',
		quo_quotation_debtor_nr: '2',
		quo_status: 'EXECUTED',
		quo_description: '',
		quo_date: '2026-01-02',
		qln_lines: [
			{ qln_order: '1', qln_material_code: null, qln_material_hourtype: 'ARBEID', qln_amount: '4.50', qln_price: '62.50', qln_discount: '0.00', qln_description: 'Montage' },
			{ qln_order: '0', qln_material_code: 'CV-HRE28', qln_material_hourtype: null, qln_amount: 1, qln_price: '1450,00', qln_discount: '5.00', qln_description: '' },
		],
		...changes,
	});

	it('keys it by Your Reference, takes the lines in order with their codes, prices and discounts (as fractions)', () => {
		expect(quotationFromOutSmart(outSmart())).toEqual({
			number: '2026-00004',
			accountCode: '2',
			yourRef: 'OutSmart 2026-00004',
			description: 'Offerte 2026-00004',
			quotationDate: '2026-01-02',
			lines: [
				{ itemCode: 'CV-HRE28', quantity: 1, unitPrice: 1450, discount: 0.05, description: '' },
				{ itemCode: 'ARBEID', quantity: 4.5, unitPrice: 62.5, discount: 0, description: 'Montage' },
			],
			accepted: true,
			problems: [],
		});
		expect(quotationFromOutSmart(outSmart({ quo_status: 'SENT' })).accepted).toBe(false);
	});

	it('names what makes it impossible: no debtor, no lines, a line without code or with an amount that is not a number', () => {
		expect(quotationFromOutSmart(outSmart({ quo_quotation_debtor_nr: '', qln_lines: [] })).problems).toEqual([
			'it has no debtor number (quo_quotation_debtor_nr)',
			'it has no lines',
		]);
		expect(quotationFromOutSmart(outSmart({ qln_lines: [{ qln_order: '0', qln_amount: 'twee', qln_price: '1' }] })).problems).toEqual([
			'line 1 has no material or hour type code',
			'line 1 has an amount or price that is not a number',
		]);
	});
});
