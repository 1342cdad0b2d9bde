import { EXACT_SEED_FIXTURES, SEED_SIZES, generateExactSeed } from '../../../simulators/seed/exact';
import { createRng, dutchAddress, dutchIban, dutchPerson, dutchPhone, dutchPostcode, ean13, slugify } from '../../../simulators/seed';
import type { ExactRecord, SeedData } from '../../../simulators/seed';
import { parseExactDate } from '../../../simulators/exact/dates';

/** The seed generator: deterministic, the advertised sizes, realistic Dutch values and the awkward fixtures. */

const F = EXACT_SEED_FIXTURES;
const byName = (records: ExactRecord[] | undefined, name: string) => records?.find((r) => r.Name === name);

let tiny: SeedData;
let small: SeedData;

beforeAll(() => {
	tiny = generateExactSeed('tiny');
	small = generateExactSeed('small');
});

describe('determinism', () => {
	it('gives the same data for the same size and seed, without Math.random', () => {
		const random = jest.spyOn(Math, 'random').mockImplementation(() => {
			throw new Error('Math.random used in a seed');
		});
		try {
			expect(generateExactSeed('tiny')).toEqual(tiny);
		} finally {
			random.mockRestore();
		}
		// another PRNG seed gives other generated records (the fixed ones stay)
		const reseeded = generateExactSeed({ accounts: 30 }, { seed: 2 }).entities.Accounts ?? [];
		const original = generateExactSeed({ accounts: 30 }).entities.Accounts ?? [];
		expect([reseeded[0].ID, reseeded[0].Name]).toEqual([original[0].ID, original[0].Name]);
		expect(reseeded.slice(10).map((a) => a.Name)).not.toEqual(original.slice(10).map((a) => a.Name));
	});

	it('keeps the fixed records and their IDs identical across sizes, and IDs distinct per division', () => {
		for (let i = 0; i < 10; i++) {
			expect(small.entities.Accounts?.[i]).toEqual(tiny.entities.Accounts?.[i]);
			expect(small.entities.Items?.[i].ID).toBe(tiny.entities.Items?.[i].ID);
		}
		expect(tiny.entities.Accounts?.[0].ID).toBe(F.accounts.bakkerij.id);
		const other = generateExactSeed('tiny', { division: 7654321 });
		expect(other.entities.Accounts?.[0].ID).not.toBe(F.accounts.bakkerij.id);
		const ids = small.entities.Accounts?.map((a) => a.ID) ?? [];
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(String(id)))).toBe(true);
	});
});

describe('sizes', () => {
	it('tiny has 10 accounts and items, small 1,000, custom counts work', () => {
		expect(tiny.entities.Accounts).toHaveLength(10);
		expect(tiny.entities.Items).toHaveLength(10);
		expect(small.entities.Accounts).toHaveLength(1000);
		expect(small.entities.Items).toHaveLength(1000);
		expect(SEED_SIZES.large.accounts).toBe(20_000);
		const custom = generateExactSeed({ accounts: 25, items: 12, salesInvoices: 4 });
		expect(custom.entities.Accounts).toHaveLength(25);
		expect(custom.entities.Items).toHaveLength(12);
		expect(custom.entities.SalesInvoices).toHaveLength(4);
	});

	it('mixes customers, prospects, suspects, suppliers and a few blocked accounts', () => {
		const accounts = small.entities.Accounts ?? [];
		const count = (pred: (a: ExactRecord) => boolean) => accounts.filter(pred).length;
		expect(count((a) => a.Status === 'C')).toBeGreaterThan(700);
		expect(count((a) => a.Status === 'P')).toBeGreaterThan(20);
		expect(count((a) => a.Status === 'S')).toBeGreaterThan(10);
		expect(count((a) => a.IsSupplier === true)).toBeGreaterThan(20);
		expect(count((a) => a.Blocked === true)).toBeGreaterThanOrEqual(2);
		expect(count((a) => a.Email === null)).toBeGreaterThan(50);
		expect((small.entities.Contacts ?? []).length).toBeGreaterThan(1000);
		expect((small.entities.Addresses ?? []).length).toBeGreaterThanOrEqual(1000);
	});
});

describe('awkward values', () => {
	it('contains the fixed awkward accounts with padded codes', () => {
		const accounts = tiny.entities.Accounts;
		expect(byName(accounts, "Bakkerij 't Hoekje")).toEqual(expect.objectContaining({ City: "'s-Hertogenbosch", Code: '                 1' }));
		expect(byName(accounts, "O'Neill Installaties")?.Code).toBe(F.accounts.oneill.code);
		expect(byName(accounts, 'Café Façade & Zoon')?.Email).toBeNull();
		expect(byName(accounts, 'Müller GmbH')).toEqual(expect.objectContaining({ Country: 'DE', City: 'Düsseldorf', Postcode: '40212' }));
		expect(byName(accounts, 'Fam. de Jong')?.Email).toBe('');
		expect(String(byName(accounts, F.accounts.longName.name)?.Name).length).toBeGreaterThan(60);
		expect(byName(accounts, F.accounts.blocked.name)?.Blocked).toBe(true);
		expect(byName(accounts, F.accounts.prospect.name)?.Status).toBe('P');
		expect(byName(accounts, F.accounts.suspect.name)?.Status).toBe('S');
		expect(byName(accounts, F.accounts.supplier.name)).toEqual(expect.objectContaining({ IsSupplier: true, IsSales: false }));
		expect(accounts?.every((a) => String(a.Code).length === 18)).toBe(true);
		const contacts = tiny.entities.Contacts ?? [];
		expect(contacts.find((c) => c.LastName === "O'Neill")?.FirstName).toBe('Siobhán');
	});

	it('has Dutch postcodes and street addresses with additions', () => {
		const dutch = (small.entities.Accounts ?? []).filter((a) => a.Country === 'NL');
		expect(dutch.every((a) => /^[1-9]\d{3} [A-Z]{2}$/.test(String(a.Postcode)))).toBe(true);
		const lines = dutch.map((a) => String(a.AddressLine1));
		expect(lines.every((l) => /^[^\d]+ \d+/.test(l))).toBe(true);
		expect(lines.some((l) => /\d[a-c]$/.test(l))).toBe(true);
		expect(lines.some((l) => /\d-[A-Z0-9]$/.test(l))).toBe(true);
		expect(lines).toContain('Laan van Meerdervoort 1250-B');
	});

	it('has materials, time items (hour types), a cost type, an inactive item and a code with spaces', () => {
		const items = tiny.entities.Items ?? [];
		const code = (c: string) => items.find((i) => i.Code === c);
		expect(['ARBEID', 'VOORRIJ', 'SPOED'].map((c) => code(c)?.IsTime)).toEqual([1, 1, 1]);
		expect(code('ARBEID')).toEqual(expect.objectContaining({ Unit: 'uur', StandardSalesPrice: 62.5, ItemGroupCode: 'DIENST' }));
		expect(code('KM')).toEqual(expect.objectContaining({ IsSalesItem: false, IsPurchaseItem: true, IsTime: 0 }));
		expect(code('BUIS 15 CU')).toEqual(expect.objectContaining({ Unit: 'm', IsStockItem: true }));
		expect(parseExactDate(String(code('OUD-TH01')?.EndDate))).toBe(Date.UTC(2023, 11, 31));
		const groups = new Set((small.entities.Items ?? []).map((i) => i.ItemGroupCode));
		expect([...groups].sort()).toEqual(['ALGEMEEN', 'CV', 'DIENST', 'ELEKTRA', 'GAS', 'SANITAIR']);
		expect(new Set((small.entities.Items ?? []).map((i) => i.Unit))).toEqual(new Set(['uur', 'stuk', 'km', 'm', 'doos']));
	});

	it('has the setup lists: payment conditions, journal 70, VAT codes 1/2/0', () => {
		expect(tiny.entities.PaymentConditions?.map((p) => [p.Code, p.PaymentDays])).toEqual([
			['14', 14],
			['30', 30],
			['DIR', 0],
		]);
		expect(tiny.entities.Journals?.[0]).toEqual(expect.objectContaining({ Code: '70', Description: 'Verkoopboek', Type: 20 }));
		expect(tiny.entities.VATCodes?.map((v) => [v.Code, v.Percentage])).toEqual([
			['1', 0.21],
			['2', 0.09],
			['0', 0],
		]);
	});

	it('has invoices in every status and receivables paid, partly paid and open', () => {
		expect(tiny.entities.SalesInvoices?.map((i) => i.Status)).toEqual([10, 10, 20, 50, 50, 50]);
		const receivables = tiny.entities.Receivables ?? [];
		expect(receivables.map((r) => r.IsFullyPaid)).toEqual([true, false, false]);
		expect(receivables[0].AmountDC).toBe(0);
		expect(Number(receivables[1].AmountDC)).toBeGreaterThan(0);
		expect(Number(receivables[1].AmountDC)).toBeLessThan(Number(receivables[1].TransactionAmountDC));
		expect(receivables[1].LastPaymentDate).not.toBeNull();
		expect(receivables[2].LastPaymentDate).toBeNull();
		const lines = tiny.entities.SalesInvoiceLines ?? [];
		for (const invoice of tiny.entities.SalesInvoices ?? []) {
			const own = lines.filter((l) => l.InvoiceID === invoice.InvoiceID);
			expect(own.length).toBeGreaterThan(0);
			expect(Math.round(own.reduce((s, l) => s + Number(l.AmountFC), 0) * 100) / 100).toBe(invoice.AmountFCExclVat);
		}
	});
});

describe('Dutch helpers', () => {
	it('make valid postcodes, IBANs, EAN-13 codes, phone numbers and slugs', () => {
		const rng = createRng(42);
		for (let i = 0; i < 200; i++) {
			expect(dutchPostcode(rng)).toMatch(/^[1-9]\d{3} (?!SA|SD|SS)[A-Z]{2}$/);
			const iban = dutchIban(rng);
			const numeric = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
			expect(BigInt(numeric) % 97n).toBe(1n);
			const ean = ean13(rng);
			const sum = ean.split('').reduce((s, d, k) => s + Number(d) * (k % 2 === 0 ? 1 : 3), 0);
			expect(sum % 10).toBe(0);
			expect(dutchPhone(rng, '073').replace('-', '')).toHaveLength(10);
		}
		const person = dutchPerson(createRng(7));
		expect(person.fullName).toBe([person.firstName, person.middleName, person.lastName].filter(Boolean).join(' '));
		expect(dutchAddress(createRng(3)).line).toMatch(/ \d+/);
		expect(slugify('Café Façade & Zoon')).toBe('cafe-facade-zoon');
	});
});
