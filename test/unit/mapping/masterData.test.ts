import { cleanRecord } from '../../../nodes/ExactOnlineApi/records';
import {
	accountToRelation,
	deactivatedRelation,
	itemToMaterial,
	paymentDataToRelation,
	paymentRemark,
	paymentConditionToPaymentMethod,
	timeItemToHourType,
} from '../../../nodes/mapping/masterData';
import { generateExactSeed, EXACT_SEED_FIXTURES } from '../../../simulators/exact';

const seed = generateExactSeed('tiny');
const account = (id: string) => cleanRecord(seed.entities.Accounts!.find((a) => a.ID === id) as never);
const item = (id: string) => cleanRecord(seed.entities.Items!.find((i) => i.ID === id) as never);
const NOW = new Date('2026-11-27T12:00:00Z');

describe('Exact account -> OutSmart relation', () => {
	it('maps the seed\'s awkward bakery in \'s-Hertogenbosch', () => {
		const { record, missing } = accountToRelation(account(EXACT_SEED_FIXTURES.accounts.bakkerij.id), { contactName: 'Jan', now: NOW });
		expect(missing).toEqual([]);
		expect(record).toMatchObject({
			debtor_number: '1',
			name: "Bakkerij 't Hoekje",
			city: "'s-Hertogenbosch",
			contact: 'Jan',
		});
		expect(accountToRelation(account(EXACT_SEED_FIXTURES.accounts.bakkerij.id), { now: NOW }).inactive).toBe(false);
		expect(String(record.street)).not.toMatch(/\d+$/);
		expect(String(record.house_number)).toMatch(/^\d/);
	});

	it('marks blocked accounts inactive and keeps unicode names intact', () => {
		expect(accountToRelation(account(EXACT_SEED_FIXTURES.accounts.blocked.id), { now: NOW }).inactive).toBe(true);
		expect(accountToRelation(account(EXACT_SEED_FIXTURES.accounts.cafe.id), { now: NOW }).record.name).toBe('Café Façade & Zoon');
	});

	it('reports empty required fields instead of letting OutSmart refuse them', () => {
		const { missing } = accountToRelation({ Code: '77', Name: 'Zonder Adres', AddressLine1: null }, { now: NOW });
		expect(missing).toEqual(['street', 'postal_code', 'city']);
	});

	it('turns an ended account inactive', () => {
		const { inactive } = accountToRelation(
			{ Code: '5', Name: 'Oud', AddressLine1: 'Weg 1', Postcode: '1234 AB', City: 'X', EndDate: '2025-01-01T00:00:00.000+01:00' },
			{ now: NOW },
		);
		expect(inactive).toBe(true);
	});

	it('carries country, VAT and chamber of commerce numbers, relation type and active flag', () => {
		const muller = accountToRelation(account(EXACT_SEED_FIXTURES.accounts.muller.id), { now: NOW });
		expect(muller.record).toMatchObject({ country: 'Duitsland', debtor_type: 'Klant', active: '1' });
		expect(accountToRelation(account(EXACT_SEED_FIXTURES.accounts.blocked.id), { now: NOW }).record.active).toBe('0');
		expect(accountToRelation(account(EXACT_SEED_FIXTURES.accounts.prospect.id), { now: NOW }).record.debtor_type).toBe('Prospect');
		const supplier = accountToRelation({ Code: '9', Status: 'A', IsSupplier: true, Country: 'pt', VATNumber: ' PT123 ', ChamberOfCommerce: '4243' }, { now: NOW });
		expect(supplier.record).toMatchObject({ debtor_type: 'Leverancier', country: 'PT', vat_number: 'PT123', kvk_number: '4243' });
	});

	it('deactivates a deleted account by its code only, so OutSmart keeps its data', () => {
		expect(deactivatedRelation(' 42 ')).toEqual({ debtor_number: '42', active: '0' });
	});
});

describe("a customer's payment data -> the relation's remark", () => {
	const data = { AccountCode: '1', PaymentCondition: '14', PaymentConditionDescription: '14 dagen', OpenAmount: 1234.5, OverdueAmount: 200, OpenInvoices: 2 };

	it('shows the payment condition, the open amount in Dutch notation, the invoices and what is overdue', () => {
		expect(paymentRemark(data)).toBe('Betalingsconditie: 14 dagen\nOpenstaand volgens Exact: € 1.234,50 (2 facturen, waarvan € 200,00 vervallen)');
		expect(paymentRemark({ ...data, OpenAmount: 99.95, OverdueAmount: 0, OpenInvoices: 1 })).toBe(
			'Betalingsconditie: 14 dagen\nOpenstaand volgens Exact: € 99,95 (1 factuur)',
		);
	});

	it('says nothing is open when everything is paid, and a credit note as a negative amount', () => {
		expect(paymentRemark({ ...data, OpenAmount: 0, OverdueAmount: 0, OpenInvoices: 0 })).toBe('Betalingsconditie: 14 dagen\nOpenstaand volgens Exact: niets');
		expect(paymentRemark({ ...data, OpenAmount: -50, OverdueAmount: 0, OpenInvoices: 1 })).toMatch(/€ -50,00 \(1 factuur\)$/);
	});

	it('falls back to the condition code, or leaves the line out without a condition', () => {
		expect(paymentRemark({ ...data, PaymentConditionDescription: null })).toMatch(/^Betalingsconditie: 14\n/);
		expect(paymentRemark({ ...data, PaymentCondition: null, PaymentConditionDescription: null })).toMatch(/^Openstaand/);
		expect(paymentDataToRelation(data)).toEqual({ debtor_number: '1', remark: paymentRemark(data) });
	});
});

describe('Exact items -> OutSmart materials and hour types', () => {
	it('writes material prices with a decimal comma and a default unit', () => {
		const { record, missing } = itemToMaterial({ Code: 'BUIS 15 CU', Description: 'Koperen buis', StandardSalesPrice: 1234.5 }, { now: NOW });
		expect(missing).toEqual([]);
		expect(record).toEqual({ code: 'BUIS 15 CU', description: 'Koperen buis', price: '1234,50', unit: 'stuk', eancode: '', vat_code: '' });
	});

	it('marks an ended item in its description instead of deleting it (OutSmart has no inactive flag for materials)', () => {
		expect(itemToMaterial(item(EXACT_SEED_FIXTURES.items.inactive.id), { now: NOW }).record.description).toMatch(/^\[VERVALLEN\] Thermostaat/);
	});

	it('an explicit price wins over the standard price', () => {
		expect(itemToMaterial({ Code: 'A', Description: 'a', StandardSalesPrice: 1 }, { price: 0 }).record.price).toBe('0,00');
	});

	it('maps a time item to an hour type with point decimals and both booking flags', () => {
		const { record, missing } = timeItemToHourType(
			{ Code: 'ARBEID', Description: 'Arbeid monteur', StandardSalesPrice: 62.5, CostPriceStandard: 38 },
			{ now: NOW },
		);
		expect(missing).toEqual([]);
		expect(record).toEqual({
			code: 'ARBEID',
			name: 'Arbeid monteur',
			sale_price: '62.50',
			cost_price: '38.00',
			sale_booking: '1',
			cost_booking: '1',
			active: '1',
		});
	});

	it('maps a payment condition to a payment method', () => {
		expect(paymentConditionToPaymentMethod({ Code: '30', Description: '30 dagen netto', PaymentDays: 30 }).record).toEqual({
			pmd_description: '30 dagen netto',
		});
		expect(paymentConditionToPaymentMethod({ Code: '14', Description: '', PaymentDays: 14 }).record.pmd_description).toBe('14 dagen');
	});
});
