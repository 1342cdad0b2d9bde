import { exactDate } from '../exact/dates';
import { padAccountCode, round2 } from '../exact/format';
import {
	CITIES,
	companyEmail,
	dutchAddress,
	dutchCompanyName,
	dutchMobile,
	dutchPerson,
	dutchPhone,
	ean13,
	kvkNumber,
	slugify,
	vatNumber,
} from './dutch';
import type { DutchCity } from './dutch';
import { createRng, stableGuid } from './prng';
import type { Rng } from './prng';
import type { ExactEntityName, ExactRecord, SeedCounts, SeedData, SeedSize, SeedSizeName } from './types';

/**
 * Deterministic Exact Online data for one division: same size and seed, same records and IDs. The first
 * records of each list are fixed (awkward names, blocked and prospect accounts, hour types, an item code with
 * spaces, an inactive item) and are identical in every size, so tests can find them via EXACT_SEED_FIXTURES.
 */

export const SEED_SIZES: Record<SeedSizeName, Required<SeedCounts>> = {
	tiny: { accounts: 10, items: 10, salesInvoices: 6, salesOrders: 3, quotations: 3, employees: 3, projects: 2 },
	small: { accounts: 1000, items: 1000, salesInvoices: 50, salesOrders: 20, quotations: 20, employees: 10, projects: 10 },
	medium: { accounts: 5000, items: 2500, salesInvoices: 200, salesOrders: 50, quotations: 50, employees: 25, projects: 25 },
	large: { accounts: 20000, items: 5000, salesInvoices: 500, salesOrders: 100, quotations: 100, employees: 50, projects: 50 },
};

export interface SeedOptions {
	/** Division the data is for (default 1234567); part of every generated ID. */
	division?: number;
	/** PRNG seed (default 1). */
	seed?: number;
}

/** Stable ID of the index-th record of an entity set in a division's seed. */
export function seedId(division: number, entity: ExactEntityName | string, index: number): string {
	return stableGuid('exact', division, entity, index);
}

const MAIN = 1234567;

/** Fixed seed records (present in every size of the main division); codes as Exact returns them. */
export const EXACT_SEED_FIXTURES = {
	division: MAIN,
	accounts: {
		bakkerij: { index: 0, id: seedId(MAIN, 'Accounts', 0), code: padAccountCode('1'), name: "Bakkerij 't Hoekje", city: "'s-Hertogenbosch" },
		oneill: { index: 1, id: seedId(MAIN, 'Accounts', 1), code: padAccountCode('2'), name: "O'Neill Installaties" },
		cafe: { index: 2, id: seedId(MAIN, 'Accounts', 2), code: padAccountCode('3'), name: 'Café Façade & Zoon', email: null },
		muller: { index: 3, id: seedId(MAIN, 'Accounts', 3), code: padAccountCode('4'), name: 'Müller GmbH', country: 'DE' },
		longName: {
			index: 4,
			id: seedId(MAIN, 'Accounts', 4),
			code: padAccountCode('5'),
			name: 'Vereniging van Eigenaren Appartementencomplex De Laan van Meerdervoort te Den Haag',
		},
		blocked: { index: 5, id: seedId(MAIN, 'Accounts', 5), code: padAccountCode('6'), name: 'Loodgietersbedrijf De Lekkage BV', blocked: true },
		prospect: { index: 6, id: seedId(MAIN, 'Accounts', 6), code: padAccountCode('7'), name: 'Hoveniersbedrijf Groen & Zo', status: 'P' },
		suspect: { index: 7, id: seedId(MAIN, 'Accounts', 7), code: padAccountCode('8'), name: 'Kapsalon Knip-Art', status: 'S' },
		supplier: { index: 8, id: seedId(MAIN, 'Accounts', 8), code: padAccountCode('9'), name: 'Technische Groothandel Van der Meer BV', isSupplier: true },
		emptyEmail: { index: 9, id: seedId(MAIN, 'Accounts', 9), code: padAccountCode('10'), name: 'Fam. de Jong', email: '' },
	},
	items: {
		arbeid: { index: 0, id: seedId(MAIN, 'Items', 0), code: 'ARBEID', isTime: 1 },
		voorrij: { index: 1, id: seedId(MAIN, 'Items', 1), code: 'VOORRIJ', isTime: 1 },
		spoed: { index: 2, id: seedId(MAIN, 'Items', 2), code: 'SPOED', isTime: 1 },
		km: { index: 3, id: seedId(MAIN, 'Items', 3), code: 'KM', costType: true },
		kogelkraan: { index: 4, id: seedId(MAIN, 'Items', 4), code: 'KK-12' },
		codeWithSpaces: { index: 5, id: seedId(MAIN, 'Items', 5), code: 'BUIS 15 CU' },
		cvKetel: { index: 6, id: seedId(MAIN, 'Items', 6), code: 'CV-HRE28' },
		draad: { index: 7, id: seedId(MAIN, 'Items', 7), code: 'EL-VD25' },
		inactive: { index: 8, id: seedId(MAIN, 'Items', 8), code: 'OUD-TH01', inactive: true },
		quoted: { index: 9, id: seedId(MAIN, 'Items', 9), code: 'SAN-WCP' },
	},
	paymentConditions: ['14', '30', 'DIR'],
	journals: ['70', '20', '90'],
	vatCodes: { high: '1', low: '2', none: '0' },
	warehouses: ['1', '2'],
} as const;

/** Local-time date as Exact serialises it (Dutch wall clock as UTC). */
function d(year: number, month: number, day: number, hour = 0, minute = 0): string {
	return exactDate(Date.UTC(year, month - 1, day, hour, minute));
}

/** A date between 2015 and mid-2025, from a 0..1 fraction. */
function dateBetween(rng: Rng, from = Date.UTC(2015, 0, 1), to = Date.UTC(2025, 5, 30)): number {
	const ms = from + Math.floor(rng.next() * (to - from));
	return ms - (ms % 60_000);
}

const SETUP_TIME = d(2015, 1, 2, 9, 0);

interface Group {
	code: string;
	description: string;
	prefix: string;
	templates: ReadonlyArray<[description: (rng: Rng) => string, unit: string, min: number, max: number]>;
}

const GROUPS: Group[] = [
	{ code: 'DIENST', description: 'Diensten en uren', prefix: 'DI', templates: [] },
	{
		code: 'SANITAIR',
		description: 'Sanitair',
		prefix: 'SAN',
		templates: [
			[(r) => `Kogelkraan ${r.pick(['1/2', '3/4', '1'])}" messing`, 'stuk', 8, 35],
			[(r) => `Knelkoppeling ${r.pick([15, 22, 28])} mm recht`, 'stuk', 2, 9],
			[(r) => `Sifon ${r.pick([32, 40])} mm kunststof`, 'stuk', 6, 25],
			[() => 'Mengkraan keuken chroom', 'stuk', 69, 249],
			[() => 'Douchekraan thermostatisch', 'stuk', 89, 329],
			[(r) => `Wastafel ${r.pick([40, 50, 60, 80])} cm wit`, 'stuk', 59, 199],
			[(r) => `Afvoerbuis PVC ${r.pick([32, 40, 50, 110])} mm`, 'm', 2, 14],
			[(r) => `Flexibele slang 3/8" ${r.pick([30, 50])} cm`, 'stuk', 4, 12],
		],
	},
	{
		code: 'CV',
		description: 'CV en verwarming',
		prefix: 'CV',
		templates: [
			[(r) => `Radiator type ${r.pick([11, 21, 22, 33])} ${r.pick([500, 600, 900])}x${r.pick([400, 800, 1200, 1600])} mm`, 'stuk', 89, 420],
			[() => 'Radiatorkraan thermostatisch', 'stuk', 18, 45],
			[(r) => `Expansievat ${r.pick([8, 12, 18, 25])} liter`, 'stuk', 29, 89],
			[() => 'Vulset CV-installatie', 'stuk', 12, 29],
			[(r) => `Circulatiepomp ${r.pick(['25-40', '25-60', '32-60'])}`, 'stuk', 149, 329],
			[(r) => `Rookgasafvoer ø${r.pick([60, 80, 100])} mm`, 'm', 12, 39],
		],
	},
	{
		code: 'ELEKTRA',
		description: 'Elektra',
		prefix: 'EL',
		templates: [
			[(r) => `Installatiedraad VD ${r.pick(['1,5', '2,5', '4'])} mm² ${r.pick(['blauw', 'bruin', 'geel/groen', 'zwart'])}`, 'm', 0.35, 1.9],
			[(r) => `Wandcontactdoos ${r.pick([1, 2, 3])}-voudig`, 'stuk', 4, 19],
			[() => 'Schakelaar enkelpolig', 'stuk', 3, 12],
			[(r) => `Groepenkast ${r.pick([4, 6, 8, 12])} groepen`, 'stuk', 129, 489],
			[(r) => `Aardlekschakelaar ${r.pick([25, 40])} A`, 'stuk', 39, 99],
			[(r) => `Installatiebuis ${r.pick([16, 19, 25])} mm`, 'm', 0.5, 2.5],
			[(r) => `LED-inbouwspot ${r.pick([5, 6, 8])} W`, 'stuk', 9, 35],
		],
	},
	{
		code: 'GAS',
		description: 'Gas en water',
		prefix: 'GW',
		templates: [
			[(r) => `Gaskraan ${r.pick(['1/2', '3/4'])}"`, 'stuk', 12, 39],
			[(r) => `Gasslang ${r.pick([50, 75, 100])} cm`, 'stuk', 9, 25],
			[() => 'Watermeterkoppeling', 'stuk', 6, 19],
		],
	},
	{
		code: 'ALGEMEEN',
		description: 'Algemeen materiaal',
		prefix: 'ALG',
		templates: [
			[() => 'Kitkoker sanitair wit', 'stuk', 6, 14],
			[() => 'Montagemateriaal (set)', 'stuk', 5, 25],
			[(r) => `Bevestigingsmiddelen doos ${r.pick([50, 100, 200])} st.`, 'doos', 7, 29],
		],
	},
];

function resolveCounts(size: SeedSize): Required<SeedCounts> {
	if (typeof size === 'string') {
		const counts = SEED_SIZES[size];
		if (!counts) throw new Error(`Unknown seed size: ${size}`);
		return counts;
	}
	return { ...SEED_SIZES.tiny, ...size };
}

interface Ctx {
	division: number;
	seed: number;
	id: (entity: ExactEntityName, index: number) => string;
	rng: (stream: string) => Rng;
	stamp: (created: number, rng: Rng) => { Created: string; Modified: string };
}

export function generateExactSeed(size: SeedSize, options: SeedOptions = {}): SeedData {
	const division = options.division ?? MAIN;
	const seed = options.seed ?? 1;
	const counts = resolveCounts(size);
	const ctx: Ctx = {
		division,
		seed,
		id: (entity, index) => seedId(division, entity, index),
		// one stream per list, so account #i is the same whether 10 or 20,000 are generated
		rng: (stream) => createRng(seed * 7919 + stream.split('').reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0)),
		stamp: (created, rng) => ({
			Created: exactDate(created),
			Modified: exactDate(Math.min(created + rng.int(0, 400) * 86_400_000, Date.UTC(2025, 5, 30))),
		}),
	};

	const setup = setupLists(ctx);
	const accounts = generateAccounts(ctx, counts.accounts);
	const { contacts, addresses } = generateContactsAndAddresses(ctx, accounts);
	const items = generateItems(ctx, counts.items, setup.itemGroups);
	const employees = generateEmployees(ctx, counts.employees);
	const stock = generateStock(ctx, items, setup.warehouses);
	const prices = generatePrices(ctx, accounts, items);
	const projects = generateProjects(ctx, counts.projects, accounts, employees, items);
	const vat = new Map(setup.vatCodes.map((v) => [String(v.Code), Number(v.Percentage)]));
	const sales = generateSalesDocuments(ctx, counts, accounts, items, vat, setup);

	return {
		division,
		entities: {
			ItemGroups: setup.itemGroups,
			PaymentConditions: setup.paymentConditions,
			Journals: setup.journals,
			VATCodes: setup.vatCodes,
			Warehouses: setup.warehouses,
			Accounts: accounts,
			Contacts: contacts,
			Addresses: addresses,
			Items: items,
			ItemWarehouses: stock,
			SalesItemPrices: prices,
			Employees: employees,
			Projects: projects.projects,
			ProjectPlanning: projects.planning,
			TimeTransactions: projects.time,
			SalesInvoices: sales.invoices,
			SalesInvoiceLines: sales.invoiceLines,
			Receivables: sales.receivables,
			SalesOrders: sales.orders,
			SalesOrderLines: sales.orderLines,
			Quotations: sales.quotations,
			QuotationLines: sales.quotationLines,
			WebhookSubscriptions: [],
		},
	};
}

// ---------------------------------------------------------------- setup lists

function setupLists(ctx: Ctx) {
	const base = { Created: SETUP_TIME, Modified: SETUP_TIME };
	const itemGroups: ExactRecord[] = GROUPS.map((g, i) => ({
		ID: ctx.id('ItemGroups', i),
		Code: g.code,
		Description: g.description,
		IsDefault: g.code === 'ALGEMEEN' ? 1 : 0,
		...base,
	}));
	const paymentConditions: ExactRecord[] = [
		{ Code: '14', Description: '14 dagen', PaymentDays: 14, PaymentMethod: 'B' },
		{ Code: '30', Description: '30 dagen', PaymentDays: 30, PaymentMethod: 'B' },
		{ Code: 'DIR', Description: 'Direct (contant/pin)', PaymentDays: 0, PaymentMethod: 'K' },
	].map((p, i) => ({ ID: ctx.id('PaymentConditions', i), DiscountPercentage: 0, DiscountPaymentDays: 0, PaymentEndOfMonths: 0, ...p, ...base }));
	const journals: ExactRecord[] = ([
		{ Code: '70', Description: 'Verkoopboek', Type: 20, GLAccountCode: '1300', AllowVAT: true },
		{ Code: '20', Description: 'Bank ING', Type: 12, GLAccountCode: '1100', AllowVAT: false, BankAccountIBAN: 'NL69INGB0123456789' },
		{ Code: '90', Description: 'Memoriaal', Type: 90, GLAccountCode: null, AllowVAT: true },
	] as ExactRecord[]).map((j, i) => ({ ID: ctx.id('Journals', i), Currency: 'EUR', IsBlocked: false, ...j, ...base }));
	const vatCodes: ExactRecord[] = [
		{ Code: '1', Description: 'BTW 21% hoog', Percentage: 0.21 },
		{ Code: '2', Description: 'BTW 9% laag', Percentage: 0.09 },
		{ Code: '0', Description: 'Geen BTW', Percentage: 0 },
	].map((v, i) => ({ ID: ctx.id('VATCodes', i), Type: 'E', Charged: false, Country: 'NL', IsBlocked: false, CalculationBasis: 0, ...v, ...base }));
	const warehouses: ExactRecord[] = [
		{ Code: '1', Description: 'Hoofdmagazijn', Main: 1 },
		{ Code: '2', Description: 'Servicebus 1 (Jan)', Main: 0 },
	].map((w, i) => ({ ID: ctx.id('Warehouses', i), UseStorageLocations: 0, ...w, ...base }));
	return { itemGroups, paymentConditions, journals, vatCodes, warehouses };
}

// ---------------------------------------------------------------- accounts

interface AccountSpec {
	name: string;
	city: DutchCity | { name: string; areaCode: string; province: string; postcodes: readonly [number, number] };
	line?: string;
	postcode?: string;
	country?: string;
	status?: string;
	blocked?: boolean;
	isSupplier?: boolean;
	isSales?: boolean;
	email?: string | null;
	vat?: string | null;
	paymentCondition?: string;
}

const cityByName = (name: string): DutchCity => CITIES.find((c) => c.name === name) ?? CITIES[0];

const FIXED_ACCOUNTS: AccountSpec[] = [
	{ name: "Bakkerij 't Hoekje", city: cityByName("'s-Hertogenbosch"), line: 'Hinthamerstraat 12a', postcode: '5211 MG', paymentCondition: '14' },
	{ name: "O'Neill Installaties", city: cityByName('Amsterdam'), line: 'Laan van Meerdervoort 1250-B', postcode: '1017 ZK', paymentCondition: '30' },
	{ name: 'Café Façade & Zoon', city: cityByName('Utrecht'), line: 'Oudegracht 231 bis', postcode: '3511 NK', email: null, paymentCondition: 'DIR' },
	{
		name: 'Müller GmbH',
		city: { name: 'Düsseldorf', areaCode: '+49 211', province: 'NW', postcodes: [40210, 40210] },
		line: 'Königsallee 27',
		postcode: '40212',
		country: 'DE',
		vat: 'DE123456789',
		email: 'info@mueller-gmbh.de',
		isSupplier: true,
		paymentCondition: '30',
	},
	{
		name: 'Vereniging van Eigenaren Appartementencomplex De Laan van Meerdervoort te Den Haag',
		city: cityByName('Den Haag'),
		line: 'Laan van Meerdervoort 1250-B',
		postcode: '2555 CN',
		paymentCondition: '30',
	},
	{ name: 'Loodgietersbedrijf De Lekkage BV', city: cityByName('Rotterdam'), line: 'Dorpsstraat 7', blocked: true, paymentCondition: '14' },
	{ name: 'Hoveniersbedrijf Groen & Zo', city: cityByName('Zwolle'), line: 'Molenweg 3', status: 'P' },
	{ name: 'Kapsalon Knip-Art', city: cityByName('Groningen'), line: 'Kerkstraat 44 hs', status: 'S' },
	{
		name: 'Technische Groothandel Van der Meer BV',
		city: cityByName('Eindhoven'),
		line: 'Industrieweg 100',
		status: 'A',
		isSupplier: true,
		isSales: false,
		paymentCondition: '30',
	},
	{ name: 'Fam. de Jong', city: cityByName('Amersfoort'), line: "Van 't Hoffstraat 9", email: '', vat: null, paymentCondition: 'DIR' },
];

function generateAccounts(ctx: Ctx, count: number): ExactRecord[] {
	const rng = ctx.rng('accounts');
	const accounts: ExactRecord[] = [];
	for (let i = 0; i < count; i++) {
		const fixed = FIXED_ACCOUNTS[i];
		let spec: AccountSpec;
		if (fixed) {
			spec = fixed;
		} else {
			const city = rng.pick(CITIES);
			const r = rng.next();
			const status = r < 0.8 ? 'C' : r < 0.87 ? 'P' : r < 0.92 ? 'S' : 'A';
			spec = {
				name: dutchCompanyName(rng, city),
				city,
				status,
				isSupplier: status === 'A',
				isSales: status !== 'A',
				blocked: rng.chance(0.01),
				paymentCondition: rng.pick(['14', '14', '30', '30', 'DIR']),
			};
			if (rng.chance(0.15)) spec.email = null;
		}
		const address = dutchAddress(rng, 'postcodes' in spec.city && spec.country !== 'DE' ? (spec.city as DutchCity) : CITIES[0]);
		const created = fixed ? Date.UTC(2016 + (i % 8), i % 12, 1 + i, 10, 0) : dateBetween(rng);
		const isPerson = spec.name.startsWith('Fam.');
		const email = spec.email === undefined ? companyEmail(spec.name) : spec.email;
		accounts.push({
			ID: ctx.id('Accounts', i),
			Code: padAccountCode(String(i + 1)),
			Name: spec.name,
			SearchCode: slugify(spec.name).slice(0, 10).toUpperCase(),
			Status: spec.status ?? 'C',
			IsSales: spec.isSales ?? true,
			IsSupplier: spec.isSupplier ?? false,
			IsPurchase: spec.isSupplier ?? false,
			Blocked: spec.blocked ?? false,
			AddressLine1: spec.line ?? address.line,
			Postcode: spec.postcode ?? address.postcode,
			City: spec.city.name,
			State: spec.country === 'DE' ? null : spec.city.province,
			Country: spec.country ?? 'NL',
			CountryName: spec.country === 'DE' ? 'Duitsland' : 'Nederland',
			Email: email,
			Phone: spec.country === 'DE' ? '+49 211 1234567' : dutchPhone(rng, spec.city.areaCode),
			Website: email ? `www.${email.split('@')[1]}` : null,
			ChamberOfCommerce: isPerson || spec.country === 'DE' ? null : kvkNumber(rng),
			VATNumber: spec.vat !== undefined ? spec.vat : isPerson ? null : vatNumber(rng),
			PaymentConditionSales: spec.paymentCondition ?? '14',
			PaymentConditionSalesDescription: null,
			SalesVATCode: spec.country === 'DE' ? '0' : '1',
			Language: spec.country === 'DE' ? 'DE' : 'NL',
			Currency: 'EUR',
			StatusSince: exactDate(created),
			CustomerSince: (spec.status ?? 'C') === 'C' ? exactDate(created) : null,
			Remarks: i % 7 === 3 ? 'Sleutel bij de buren ophalen; hond aanwezig!' : null,
			...ctx.stamp(created, rng),
		});
	}
	for (const a of accounts) {
		const pc = String(a.PaymentConditionSales);
		a.PaymentConditionSalesDescription = pc === '14' ? '14 dagen' : pc === '30' ? '30 dagen' : 'Direct (contant/pin)';
	}
	return accounts;
}

function generateContactsAndAddresses(ctx: Ctx, accounts: ExactRecord[]): { contacts: ExactRecord[]; addresses: ExactRecord[] } {
	const rng = ctx.rng('contacts');
	const contacts: ExactRecord[] = [];
	const addresses: ExactRecord[] = [];
	accounts.forEach((account, i) => {
		const perAccount = i === 1 ? 2 : rng.chance(0.3) ? 2 : 1;
		for (let k = 0; k < perAccount; k++) {
			const person = dutchPerson(rng);
			if (i === 1 && k === 0) {
				Object.assign(person, { firstName: 'Siobhán', middleName: '', lastName: "O'Neill", fullName: "Siobhán O'Neill", initials: 'S.', gender: 'V' });
			}
			const domain = account.Email ? String(account.Email).split('@')[1] : null;
			const email = domain ? `${slugify(person.firstName)}.${slugify(person.lastName)}@${domain}` : null;
			const id = ctx.id('Contacts', contacts.length);
			contacts.push({
				ID: id,
				Account: account.ID,
				AccountName: account.Name,
				AccountIsCustomer: account.Status === 'C',
				AccountIsSupplier: account.IsSupplier,
				FirstName: person.firstName,
				MiddleName: person.middleName || null,
				LastName: person.lastName,
				FullName: person.fullName,
				Initials: person.initials,
				Gender: person.gender,
				Email: email,
				BusinessEmail: email,
				Phone: account.Phone,
				Mobile: dutchMobile(rng),
				IsMainContact: k === 0,
				JobTitleDescription: k === 0 ? rng.pick(['Eigenaar', 'Directeur', 'Facilitair manager', 'Beheerder', null]) : null,
				City: account.City,
				Country: account.Country,
				Created: account.Created,
				Modified: account.Modified,
			});
			if (k === 0) account.MainContact = id;
		}
		addresses.push({
			ID: ctx.id('Addresses', addresses.length),
			Account: account.ID,
			AccountName: account.Name,
			AccountIsSupplier: account.IsSupplier,
			Type: 1,
			Main: true,
			AddressLine1: account.AddressLine1,
			Postcode: account.Postcode,
			City: account.City,
			Country: account.Country,
			Phone: account.Phone,
			Created: account.Created,
			Modified: account.Modified,
		});
		if (rng.chance(0.2)) {
			const other = dutchAddress(rng);
			addresses.push({
				ID: ctx.id('Addresses', addresses.length),
				Account: account.ID,
				AccountName: account.Name,
				AccountIsSupplier: account.IsSupplier,
				Type: 3,
				Main: false,
				AddressLine1: `Postbus ${rng.int(1, 9999)}`,
				Postcode: other.postcode,
				City: other.city,
				Country: 'NL',
				Created: account.Created,
				Modified: account.Modified,
			});
		}
	});
	return { contacts, addresses };
}

// ---------------------------------------------------------------- items, stock, prices

interface ItemSpec {
	code: string;
	description: string;
	group: string;
	unit: string;
	price: number;
	cost: number;
	isTime?: 0 | 1;
	isStock?: boolean;
	isSales?: boolean;
	isPurchase?: boolean;
	endDate?: string;
	barcode?: boolean;
}

const FIXED_ITEMS: ItemSpec[] = [
	{ code: 'ARBEID', description: 'Arbeid monteur', group: 'DIENST', unit: 'uur', price: 62.5, cost: 38, isTime: 1 },
	{ code: 'VOORRIJ', description: 'Voorrijkosten', group: 'DIENST', unit: 'stuk', price: 45, cost: 20, isTime: 1 },
	{ code: 'SPOED', description: 'Spoedtoeslag (buiten kantoortijd)', group: 'DIENST', unit: 'uur', price: 95, cost: 55, isTime: 1 },
	{ code: 'KM', description: 'Kilometervergoeding', group: 'DIENST', unit: 'km', price: 0, cost: 0.23, isSales: false, isPurchase: true },
	{ code: 'KK-12', description: 'Kogelkraan 1/2" messing', group: 'SANITAIR', unit: 'stuk', price: 12.95, cost: 6.1, isStock: true, barcode: true },
	{ code: 'BUIS 15 CU', description: 'Koperen buis 15 mm', group: 'SANITAIR', unit: 'm', price: 8.4, cost: 4.2, isStock: true },
	{ code: 'CV-HRE28', description: 'CV-ketel Intergas HRE 28/24', group: 'CV', unit: 'stuk', price: 1895, cost: 1240, isStock: true, barcode: true },
	{ code: 'EL-VD25', description: 'Installatiedraad VD 2,5 mm² blauw', group: 'ELEKTRA', unit: 'm', price: 0.65, cost: 0.21, isStock: true },
	{
		code: 'OUD-TH01',
		description: 'Thermostaat Honeywell Chronotherm (vervallen)',
		group: 'CV',
		unit: 'stuk',
		price: 149,
		cost: 82,
		isStock: true,
		endDate: d(2023, 12, 31),
	},
	{ code: 'SAN-WCP', description: 'Wandcloset pakket Geberit "Duofix" compleet', group: 'SANITAIR', unit: 'stuk', price: 489, cost: 301, isStock: true, barcode: true },
];

const UNIT_DESCRIPTIONS: Record<string, string> = { stuk: 'Stuk', m: 'Meter', uur: 'Uur', km: 'Kilometer', doos: 'Doos' };

function generateItems(ctx: Ctx, count: number, groups: ExactRecord[]): ExactRecord[] {
	const rng = ctx.rng('items');
	const groupByCode = new Map(groups.map((g) => [String(g.Code), g]));
	const materialGroups = GROUPS.filter((g) => g.templates.length > 0);
	const items: ExactRecord[] = [];
	for (let i = 0; i < count; i++) {
		let spec = FIXED_ITEMS[i];
		if (!spec) {
			const group = rng.pick(materialGroups);
			const [describe, unit, min, max] = rng.pick(group.templates);
			const price = rng.amount(min, max);
			spec = {
				code: `${group.prefix}-${10000 + i}`,
				description: describe(rng),
				group: group.code,
				unit,
				price,
				cost: round2(price * (0.45 + rng.next() * 0.2)),
				isStock: rng.chance(0.7),
				barcode: rng.chance(0.6),
				endDate: rng.chance(0.04) ? d(2024, rng.int(1, 12), 1) : undefined,
			};
		}
		const group = groupByCode.get(spec.group);
		const created = Date.UTC(2015 + (i % 9), i % 12, 1 + (i % 27), 8, 30);
		items.push({
			ID: ctx.id('Items', i),
			Code: spec.code,
			Description: spec.description,
			SearchCode: spec.code.replace(/\s+/g, '').slice(0, 10),
			IsSalesItem: spec.isSales ?? true,
			IsPurchaseItem: spec.isPurchase ?? !spec.isTime,
			IsStockItem: spec.isStock ?? false,
			IsTime: spec.isTime ?? 0,
			IsFractionAllowedItem: spec.unit !== 'stuk',
			Unit: spec.unit,
			UnitDescription: UNIT_DESCRIPTIONS[spec.unit] ?? spec.unit,
			SalesVatCode: '1',
			SalesVatCodeDescription: 'BTW 21% hoog',
			StandardSalesPrice: spec.price,
			CostPriceStandard: spec.cost,
			CostPriceCurrency: 'EUR',
			Barcode: spec.barcode ? ean13(rng) : null,
			ItemGroup: group?.ID ?? null,
			ItemGroupCode: spec.group,
			ItemGroupDescription: group?.Description ?? null,
			GLRevenue: stableGuid('gl', ctx.division, spec.isTime ? '8000' : '8100'),
			GLRevenueCode: spec.isTime ? '8000' : '8100',
			GLRevenueDescription: spec.isTime ? 'Omzet arbeid' : 'Omzet materiaal',
			StartDate: exactDate(created),
			EndDate: spec.endDate ?? null,
			Created: exactDate(created),
			Modified: exactDate(created + (i % 50) * 86_400_000),
		});
	}
	return items;
}

function generateStock(ctx: Ctx, items: ExactRecord[], warehouses: ExactRecord[]): ExactRecord[] {
	const rng = ctx.rng('stock');
	const rows: ExactRecord[] = [];
	for (const item of items) {
		if (item.IsStockItem !== true) continue;
		const targets = rng.chance(0.25) ? warehouses : [warehouses[0]];
		for (const warehouse of targets) {
			const current = item.Unit === 'm' ? rng.int(0, 400) : rng.int(0, 60);
			rows.push({
				ID: ctx.id('ItemWarehouses', rows.length),
				Item: item.ID,
				ItemCode: item.Code,
				ItemDescription: item.Description,
				ItemUnit: item.Unit,
				ItemUnitDescription: item.UnitDescription,
				ItemIsStockItem: true,
				Warehouse: warehouse.ID,
				WarehouseCode: warehouse.Code,
				WarehouseDescription: warehouse.Description,
				CurrentStock: current,
				ReservedStock: current > 5 ? rng.int(0, 3) : 0,
				PlannedStockIn: rng.chance(0.2) ? rng.int(1, 20) : 0,
				PlannedStockOut: 0,
				ReorderPoint: item.Unit === 'm' ? 50 : 5,
				MaximumStock: item.Unit === 'm' ? 500 : 80,
				Created: item.Created,
				Modified: item.Modified,
			});
		}
	}
	return rows;
}

function generatePrices(ctx: Ctx, accounts: ExactRecord[], items: ExactRecord[]): ExactRecord[] {
	const rng = ctx.rng('prices');
	const customers = accounts.filter((a) => a.Status === 'C' && a.Blocked !== true);
	const sellable = items.filter((i) => i.IsSalesItem === true && i.EndDate === null);
	const count = Math.max(3, Math.floor(accounts.length * 0.05));
	const prices: ExactRecord[] = [];
	for (let i = 0; i < count && customers.length > 0 && sellable.length > 0; i++) {
		const account = i === 0 ? accounts[0] : rng.pick(customers);
		const item = i === 0 ? items[0] : rng.pick(sellable);
		prices.push({
			ID: ctx.id('SalesItemPrices', i),
			Account: account.ID,
			AccountName: account.Name,
			Item: item.ID,
			ItemCode: item.Code,
			ItemDescription: item.Description,
			Price: round2(Number(item.StandardSalesPrice) * (i === 0 ? 0.9 : 0.8 + rng.next() * 0.15)),
			Currency: 'EUR',
			Quantity: 0,
			Unit: item.Unit,
			UnitDescription: item.UnitDescription,
			DefaultItemUnit: item.Unit,
			NumberOfItemsPerUnit: 1,
			StartDate: d(2025, 1, 1),
			EndDate: i % 5 === 4 ? d(2025, 12, 31) : null,
			Created: d(2024, 12, 15, 14, 0),
			Modified: d(2024, 12, 15, 14, 0),
		});
	}
	return prices;
}

// ---------------------------------------------------------------- employees and projects

const FIXED_EMPLOYEES: Array<[string, string, string, 'M' | 'V']> = [
	['Jan', 'de', 'Vries', 'M'],
	['Ahmet', '', 'Yılmaz', 'M'],
	['Sanne', '', 'Bakker', 'V'],
];

function generateEmployees(ctx: Ctx, count: number): ExactRecord[] {
	const rng = ctx.rng('employees');
	const employees: ExactRecord[] = [];
	for (let i = 0; i < count; i++) {
		const person = dutchPerson(rng);
		const fixed = FIXED_EMPLOYEES[i];
		const [first, middle, last, gender] = fixed ?? [person.firstName, person.middleName, person.lastName, person.gender];
		const full = [first, middle, last].filter(Boolean).join(' ');
		const email = `${slugify(first)}.${slugify(last)}@installatiebedrijf-devries.nl`;
		employees.push({
			ID: ctx.id('Employees', i),
			Code: String(i + 1),
			HID: i + 1,
			EmployeeHID: i + 1,
			FirstName: first,
			MiddleName: middle || null,
			LastName: last,
			FullName: full,
			Initials: `${first[0]}.`,
			Gender: gender,
			Email: email,
			BusinessEmail: email,
			Mobile: dutchMobile(rng),
			City: rng.pick(CITIES).name,
			Country: 'NL',
			IsActive: i !== count - 1 || count < 5,
			ActiveEmployment: i !== count - 1 || count < 5 ? 1 : 0,
			StartDate: d(2016 + (i % 8), 1 + (i % 12), 1),
			EndDate: i === count - 1 && count >= 5 ? d(2024, 12, 31) : null,
			Created: d(2016 + (i % 8), 1 + (i % 12), 1, 9),
			Modified: d(2024, 1, 1, 9),
		});
	}
	return employees;
}

function generateProjects(ctx: Ctx, count: number, accounts: ExactRecord[], employees: ExactRecord[], items: ExactRecord[]) {
	const rng = ctx.rng('projects');
	const customers = accounts.filter((a) => a.Status === 'C' && a.Blocked !== true);
	const hourType = items[0];
	const travel = items[1];
	const projects: ExactRecord[] = [];
	const planning: ExactRecord[] = [];
	const time: ExactRecord[] = [];
	const kinds = ['Renovatie badkamer', 'Vervangen CV-ketel', 'Groepenkast uitbreiden', 'Onderhoudscontract', 'Nieuwbouw installatie'];
	for (let i = 0; i < count && customers.length > 0; i++) {
		const account = customers[i % customers.length];
		const manager = employees[0];
		const start = Date.UTC(2025, (i * 2) % 12, 1 + (i % 20), 7, 30);
		const project: ExactRecord = {
			ID: ctx.id('Projects', i),
			Code: `P2025-${String(i + 1).padStart(3, '0')}`,
			Description: `${kinds[i % kinds.length]} ${account.City}`,
			Type: i % 3 === 0 ? 2 : 3,
			TypeDescription: i % 3 === 0 ? 'Fixed price' : 'Time and Material',
			Account: account.ID,
			AccountCode: account.Code,
			AccountName: account.Name,
			Manager: manager?.ID ?? null,
			ManagerFullname: manager?.FullName ?? null,
			StartDate: exactDate(start),
			EndDate: exactDate(start + 60 * 86_400_000),
			BudgetedAmount: rng.int(10, 200) * 100,
			Created: exactDate(start - 7 * 86_400_000),
			Modified: exactDate(start - 7 * 86_400_000),
		};
		projects.push(project);
		for (let k = 0; k < 2 && employees.length > 0; k++) {
			const employee = employees[(i + k) % employees.length];
			const day = start + (k + 1) * 86_400_000;
			planning.push({
				ID: ctx.id('ProjectPlanning', planning.length),
				Project: project.ID,
				ProjectCode: project.Code,
				ProjectDescription: project.Description,
				Account: account.ID,
				AccountCode: account.Code,
				AccountName: account.Name,
				Employee: employee.ID,
				EmployeeCode: employee.Code,
				EmployeeHID: employee.HID,
				HourType: hourType?.ID ?? null,
				HourTypeCode: hourType?.Code ?? null,
				HourTypeDescription: hourType?.Description ?? null,
				Description: `${project.Description} - dag ${k + 1}`,
				StartDate: exactDate(day),
				EndDate: exactDate(day + 8 * 3_600_000),
				Hours: 8,
				Status: k === 0 ? 2 : 1,
				Type: 1,
				Created: project.Created,
				Modified: project.Modified,
			});
		}
		for (let k = 0; k < 5 && employees.length > 0; k++) {
			const employee = employees[k % employees.length];
			const item = k === 0 ? travel : hourType;
			const date = start + k * 86_400_000;
			time.push({
				ID: ctx.id('TimeTransactions', time.length),
				Project: project.ID,
				ProjectCode: project.Code,
				ProjectDescription: project.Description,
				Account: account.ID,
				AccountName: account.Name,
				Employee: employee.ID,
				Item: item?.ID ?? null,
				ItemDescription: item?.Description ?? null,
				Date: exactDate(date),
				StartTime: exactDate(date),
				EndTime: exactDate(date + 4 * 3_600_000),
				Quantity: k === 0 ? 1 : rng.pick([0.5, 1, 1.5, 2, 3.25, 4, 7.75]),
				HourStatus: k < 3 ? 20 : 10,
				Type: 1,
				Notes: k === 2 ? 'Lekkage onder gootsteen verholpen; sifon vervangen.' : null,
				Created: exactDate(date + 9 * 3_600_000),
				Modified: exactDate(date + 9 * 3_600_000),
			});
		}
	}
	return { projects, planning, time };
}

// ---------------------------------------------------------------- sales documents

interface PricedLine {
	item: ExactRecord;
	quantity: number;
	unitPrice: number;
	vatPct: number;
	amount: number;
	vat: number;
}

interface ItemPools {
	hourItems: ExactRecord[];
	materials: ExactRecord[];
}

function itemPools(items: ExactRecord[]): ItemPools {
	return {
		hourItems: items.filter((i) => Number(i.IsTime) === 1),
		materials: items.filter((i) => i.IsSalesItem === true && Number(i.IsTime) === 0 && i.EndDate === null),
	};
}

function priceLines(rng: Rng, { hourItems, materials }: ItemPools, vat: Map<string, number>): PricedLine[] {
	const lines: PricedLine[] = [];
	const picks: ExactRecord[] = [];
	if (hourItems.length) picks.push(hourItems[0]);
	if (rng.chance(0.6) && hourItems[1]) picks.push(hourItems[1]);
	const materialCount = rng.int(0, 3);
	for (let k = 0; k < materialCount && materials.length; k++) picks.push(rng.pick(materials));
	for (const item of picks) {
		const quantity = Number(item.IsTime) === 1 && item.Unit === 'uur' ? rng.pick([0.5, 1, 1.5, 2, 2.25, 3, 4]) : rng.int(1, 6);
		const unitPrice = Number(item.StandardSalesPrice);
		const vatPct = vat.get(String(item.SalesVatCode)) ?? 0.21;
		const amount = round2(quantity * unitPrice);
		lines.push({ item, quantity, unitPrice, vatPct, amount, vat: round2(amount * vatPct) });
	}
	return lines;
}

function lineRecord(line: PricedLine, index: number, extra: ExactRecord): ExactRecord {
	return {
		LineNumber: index + 1,
		Item: line.item.ID,
		ItemCode: line.item.Code,
		ItemDescription: line.item.Description,
		Description: line.item.Description,
		Quantity: line.quantity,
		UnitCode: line.item.Unit,
		UnitDescription: line.item.UnitDescription,
		UnitPrice: line.unitPrice,
		NetPrice: line.unitPrice,
		Discount: 0,
		AmountFC: line.amount,
		AmountDC: line.amount,
		VATCode: line.item.SalesVatCode,
		VATCodeDescription: line.item.SalesVatCodeDescription,
		VATDescription: line.item.SalesVatCodeDescription,
		VATPercentage: line.vatPct,
		VATAmountFC: line.vat,
		VATAmountDC: line.vat,
		VATAmount: line.vat,
		GLAccount: line.item.GLRevenue,
		...extra,
	};
}

function totals(lines: PricedLine[]): ExactRecord {
	const excl = round2(lines.reduce((s, l) => s + l.amount, 0));
	const vat = round2(lines.reduce((s, l) => s + l.vat, 0));
	return {
		AmountFCExclVat: excl,
		VATAmountFC: vat,
		VATAmountDC: vat,
		AmountFC: round2(excl + vat),
		AmountDC: round2(excl + vat),
		AmountDiscount: 0,
		AmountDiscountExclVat: 0,
	};
}

const PAYMENT_DAYS: Record<string, number> = { '14': 14, '30': 30, DIR: 0 };
const WORK = ['lekkage keuken', 'onderhoud CV-ketel', 'storing warmwater', 'vervangen kraan', 'groepenkast', 'verstopping afvoer', 'jaarlijkse controle'];

function generateSalesDocuments(
	ctx: Ctx,
	counts: Required<SeedCounts>,
	accounts: ExactRecord[],
	items: ExactRecord[],
	vat: Map<string, number>,
	setup: ReturnType<typeof setupLists>,
) {
	const rng = ctx.rng('sales');
	const pools = itemPools(items);
	const customers = accounts.filter((a) => a.Status === 'C' && a.Blocked !== true);
	const journal = setup.journals[0];
	const invoices: ExactRecord[] = [];
	const invoiceLines: ExactRecord[] = [];
	const receivables: ExactRecord[] = [];
	const tinyStatuses = [10, 10, 20, 50, 50, 50];
	let processed = 0;
	for (let i = 0; i < counts.salesInvoices && customers.length > 0; i++) {
		const account = customers[i % customers.length];
		const status = i < tinyStatuses.length ? tinyStatuses[i] : rng.chance(0.8) ? 50 : rng.chance(0.5) ? 20 : 10;
		const invoiceDate = Date.UTC(2025, Math.floor((i * 12) / Math.max(counts.salesInvoices, 12)) % 6, 1 + (i % 28));
		const pc = String(account.PaymentConditionSales ?? '14');
		const id = ctx.id('SalesInvoices', i);
		const priced = priceLines(rng, pools, vat);
		const workOrder = `WB-2025-${String(i + 1).padStart(4, '0')}`;
		const invoice: ExactRecord = {
			InvoiceID: id,
			InvoiceNumber: 25700001 + i,
			InvoiceDate: exactDate(invoiceDate),
			OrderDate: exactDate(invoiceDate),
			DueDate: exactDate(invoiceDate + (PAYMENT_DAYS[pc] ?? 14) * 86_400_000),
			OrderedBy: account.ID,
			OrderedByName: account.Name,
			InvoiceTo: account.ID,
			InvoiceToName: account.Name,
			DeliverTo: account.ID,
			DeliverToName: account.Name,
			Journal: journal.Code,
			JournalDescription: journal.Description,
			PaymentCondition: pc,
			PaymentConditionDescription: account.PaymentConditionSalesDescription,
			Description: `Werkbon ${workOrder.slice(3)} ${WORK[i % WORK.length]}`,
			YourRef: workOrder,
			Currency: 'EUR',
			Type: 8020,
			TypeDescription: 'Sales invoice',
			Status: status,
			StatusDescription: status === 10 ? 'Draft' : status === 20 ? 'Open' : 'Processed',
			...totals(priced),
			Created: exactDate(invoiceDate + 15 * 3_600_000),
			Modified: exactDate(invoiceDate + 16 * 3_600_000),
		};
		invoices.push(invoice);
		priced.forEach((line, k) =>
			invoiceLines.push(lineRecord(line, k, { ID: ctx.id('SalesInvoiceLines', invoiceLines.length), InvoiceID: id, Created: invoice.Created, Modified: invoice.Modified })),
		);
		if (status === 50) {
			// processed invoices have a receivable: the first fully paid, the second partly, the rest mostly paid
			const kind = processed === 0 ? 'paid' : processed === 1 ? 'partial' : processed === 2 ? 'open' : rng.chance(0.7) ? 'paid' : rng.chance(0.5) ? 'partial' : 'open';
			processed += 1;
			const total = Number(invoice.AmountDC);
			const paid = kind === 'paid' ? total : kind === 'partial' ? round2(total * 0.4) : 0;
			const lastPayment = paid > 0 ? exactDate(invoiceDate + rng.int(3, 25) * 86_400_000 + 11 * 3_600_000) : null;
			receivables.push({
				ID: ctx.id('Receivables', receivables.length),
				Account: account.ID,
				AccountCode: account.Code,
				AccountName: account.Name,
				AccountCountry: account.Country,
				AmountDC: round2(total - paid),
				AmountFC: round2(total - paid),
				TransactionAmountDC: total,
				TransactionAmountFC: total,
				Currency: 'EUR',
				Description: invoice.Description,
				DueDate: invoice.DueDate,
				EntryDate: invoice.InvoiceDate,
				EntryID: id,
				EntryNumber: invoice.InvoiceNumber,
				InvoiceDate: invoice.InvoiceDate,
				InvoiceNumber: invoice.InvoiceNumber,
				IsFullyPaid: kind === 'paid',
				LastPaymentDate: lastPayment,
				Journal: journal.Code,
				JournalDescription: journal.Description,
				PaymentCondition: pc,
				PaymentConditionDescription: invoice.PaymentConditionDescription,
				PaymentDays: PAYMENT_DAYS[pc] ?? 14,
				PaymentMethod: pc === 'DIR' ? 'K' : 'B',
				Status: kind === 'paid' ? 50 : 20,
				TransactionType: 20,
				YourRef: invoice.YourRef,
				Created: invoice.Created,
				Modified: lastPayment ?? invoice.Modified,
			});
		}
	}

	const orders: ExactRecord[] = [];
	const orderLines: ExactRecord[] = [];
	for (let i = 0; i < counts.salesOrders && customers.length > 0; i++) {
		const account = customers[(i * 3 + 1) % customers.length];
		const date = Date.UTC(2025, 4, 1 + (i % 28), 9);
		const id = ctx.id('SalesOrders', i);
		const priced = priceLines(rng, pools, vat);
		const order: ExactRecord = {
			OrderID: id,
			OrderNumber: i + 1,
			OrderDate: exactDate(date),
			DeliveryDate: exactDate(date + 7 * 86_400_000),
			OrderedBy: account.ID,
			OrderedByName: account.Name,
			InvoiceTo: account.ID,
			InvoiceToName: account.Name,
			DeliverTo: account.ID,
			DeliverToName: account.Name,
			Description: `Opdracht ${WORK[(i + 2) % WORK.length]}`,
			YourRef: `PO-${2025}${String(i + 1).padStart(4, '0')}`,
			PaymentCondition: account.PaymentConditionSales,
			Currency: 'EUR',
			Status: 12,
			StatusDescription: 'Open',
			DeliveryStatus: 12,
			DeliveryStatusDescription: 'Open',
			InvoiceStatus: 12,
			InvoiceStatusDescription: 'Open',
			...totals(priced),
			Created: exactDate(date),
			Modified: exactDate(date),
		};
		orders.push(order);
		priced.forEach((line, k) =>
			orderLines.push(
				lineRecord(line, k, {
					ID: ctx.id('SalesOrderLines', orderLines.length),
					OrderID: id,
					OrderNumber: order.OrderNumber,
					OrderStatus: 12,
					DeliveryDate: order.DeliveryDate,
					QuantityDelivered: 0,
					QuantityInvoiced: 0,
					DeliveryStatus: 12,
					InvoiceStatus: 12,
					Created: order.Created,
					Modified: order.Modified,
				}),
			),
		);
	}

	const quotations: ExactRecord[] = [];
	const quotationLines: ExactRecord[] = [];
	const quotationStatuses = [20, 25, 50];
	for (let i = 0; i < counts.quotations && accounts.length > 0; i++) {
		const account = i === 0 ? accounts[6] ?? accounts[0] : customers[(i * 5 + 2) % Math.max(customers.length, 1)] ?? accounts[0];
		const date = Date.UTC(2025, 3, 1 + (i % 28), 10);
		const status = i < quotationStatuses.length ? quotationStatuses[i] : rng.pick([20, 25, 25, 50, 5]);
		const id = ctx.id('Quotations', i);
		const priced = priceLines(rng, pools, vat);
		const quotation: ExactRecord = {
			QuotationID: id,
			QuotationNumber: i + 1,
			VersionNumber: 1,
			QuotationDate: exactDate(date),
			ClosingDate: exactDate(date + 30 * 86_400_000),
			OrderAccount: account.ID,
			OrderAccountCode: account.Code,
			OrderAccountName: account.Name,
			InvoiceAccount: account.ID,
			InvoiceAccountCode: account.Code,
			InvoiceAccountName: account.Name,
			DeliveryAccount: account.ID,
			DeliveryAccountCode: account.Code,
			DeliveryAccountName: account.Name,
			Description: `Offerte ${WORK[(i + 4) % WORK.length]}`,
			YourRef: null,
			PaymentCondition: account.PaymentConditionSales,
			Currency: 'EUR',
			Status: status,
			StatusDescription: { 5: 'Rejected', 20: 'Draft', 25: 'Open', 50: 'Accepted' }[status] ?? null,
			...totals(priced),
			Created: exactDate(date),
			Modified: exactDate(date),
		};
		quotations.push(quotation);
		priced.forEach((line, k) =>
			quotationLines.push(
				lineRecord(line, k, {
					ID: ctx.id('QuotationLines', quotationLines.length),
					QuotationID: id,
					QuotationNumber: quotation.QuotationNumber,
					VersionNumber: 1,
					Created: quotation.Created,
					Modified: quotation.Modified,
				}),
			),
		);
	}
	return { invoices, invoiceLines, receivables, orders, orderLines, quotations, quotationLines };
}
