import { cleanRecord } from '../../../nodes/ExactOnline/records';
import {
	accountToRelation,
	itemToMaterial,
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
