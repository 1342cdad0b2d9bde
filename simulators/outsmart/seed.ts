/**
 * Deterministic seeds for the fake OutSmart: `demo` (a small Dutch installation company with awkward values) and
 * `empty`. Same options, same data - no Math.random, no clock. Relations, materials and hour types can take
 * their codes from the Exact seed (`debtorNumbers`, `materialCodes`, `hourTypeCodes`) so that work orders
 * reference records that exist in Exact.
 */
import { commaAmount, dmy } from './formats';
import type { RecordData } from './records';
import type { OutSmartSeed, SeedWorkorder } from './state';

export interface DemoSeedOptions {
	/** PRNG seed (phone numbers, coordinates, minutes). Default 42. */
	seed?: number;
	/** Relation debtor numbers; default 1001-1006 (the Exact seed's account codes). */
	debtorNumbers?: string[];
	/** Material codes; default CV-KETEL-01, THERMOSTAAT-01, KNELKOPPELING-15, RADIATOR-600, KLEINMAT, EXPANSIEVAT-8L. */
	materialCodes?: string[];
	/** Hour type codes; default UUR-MONTEUR, UUR-LEERLING, UUR-SPOED. */
	hourTypeCodes?: string[];
	/** The Monday the demo week starts, ISO date. Default 2026-11-23. Work dates are relative to it. */
	baseDate?: string;
}

/** mulberry32: tiny deterministic PRNG. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface RelationTemplate {
	name: string;
	contact: string;
	street: string;
	house_number: string;
	postal_code: string;
	city: string;
	email: string;
	remark: string;
	/** Area code and approximate coordinates of the city. */
	area: string;
	lat: number;
	lon: number;
}

/** Awkward on purpose: apostrophes, 's-Hertogenbosch, diacritics, ampersands, "bis" house numbers. */
const RELATIONS: RelationTemplate[] = [
	{
		name: "Bakkerij 't Hoekje",
		contact: "Mevr. A. van 't Hof",
		street: 'Kerkstraat',
		house_number: '12',
		postal_code: '5211 KH',
		city: "'s-Hertogenbosch",
		area: '73',
		lat: 51.6978,
		lon: 5.3037,
		email: 'info@bakkerijthoekje.nl',
		remark: 'Achterom via de steeg; bel aan bij de bakkerij.',
	},
	{
		name: 'Café Façade',
		contact: 'Dhr. Loïc Müller',
		street: 'Oudegracht',
		house_number: '45-bis',
		postal_code: '3511 AB',
		city: 'Utrecht',
		area: '30',
		lat: 52.0907,
		lon: 5.1214,
		email: 'loic@cafefacade.nl',
		remark: 'Sleutel bij de buren (nr. 47).',
	},
	{
		name: 'Installatiebedrijf De Vries B.V.',
		contact: 'Dhr. P. de Vries',
		street: 'Industrieweg',
		house_number: '8',
		postal_code: '1014 BA',
		city: 'Amsterdam',
		area: '20',
		lat: 52.3676,
		lon: 4.9041,
		email: 'planning@devries-installatie.nl',
		remark: '',
	},
	{
		name: 'Van der Berg & Zn.',
		contact: 'Mevr. E. van der Berg',
		street: 'Laan van Meerdervoort',
		house_number: '220',
		postal_code: '2563 AM',
		city: 'Den Haag',
		area: '70',
		lat: 52.0705,
		lon: 4.3007,
		email: 'administratie@vdberg-zn.nl',
		remark: 'Parkeren op het binnenterrein, code 4711#.',
	},
	{
		name: 'Woningstichting Zuid-Oost',
		contact: 'Afd. Onderhoud',
		street: 'Stationsplein',
		house_number: '1',
		postal_code: '5611 AB',
		city: 'Eindhoven',
		area: '40',
		lat: 51.4416,
		lon: 5.4697,
		email: 'onderhoud@ws-zuidoost.nl',
		remark: 'Facturen altijd met ons ordernummer.',
	},
	{
		name: 'Zorgcentrum De Zonnebloem',
		contact: 'Dhr. H. IJzerman',
		street: 'Dorpsstraat',
		house_number: '3a',
		postal_code: '8011 AA',
		city: 'Zwolle',
		area: '38',
		lat: 52.5168,
		lon: 6.083,
		email: 'facilitair@dezonnebloem.nl',
		remark: '',
	},
];

interface MaterialTemplate {
	description: string;
	price: number;
	unit: string;
	category: string;
}

const DEFAULT_MATERIAL_CODES = ['CV-KETEL-01', 'THERMOSTAAT-01', 'KNELKOPPELING-15', 'RADIATOR-600', 'KLEINMAT', 'EXPANSIEVAT-8L'];
const MATERIALS: MaterialTemplate[] = [
	{ description: 'Cv-ketel HR combi 28 kW', price: 1234.5, unit: 'stuk', category: 'CV' },
	{ description: 'Thermostaat slim (OpenTherm)', price: 89.95, unit: 'stuk', category: 'CV' },
	{ description: 'Knelkoppeling 15 mm messing', price: 2.15, unit: 'stuk', category: 'SANITAIR' },
	{ description: 'Radiator 600x1000 type 22', price: 245, unit: 'stuk', category: 'CV' },
	{ description: 'Klein materiaal', price: 0, unit: 'post', category: 'ALGEMEEN' },
	{ description: 'Expansievat 8 liter', price: 49.5, unit: 'stuk', category: 'CV' },
];

const DEFAULT_HOURTYPE_CODES = ['UUR-MONTEUR', 'UUR-LEERLING', 'UUR-SPOED'];
const HOURTYPES = [
	{ name: 'Uren monteur', sale_price: 65, cost_price: 38 },
	{ name: 'Uren leerling-monteur', sale_price: 42.5, cost_price: 21 },
	{ name: 'Spoeduren (avond/weekend)', sale_price: 97.5, cost_price: 45 },
];

export const DEMO_WORKSTATUSSES = [
	{ sta_code: '001', sta_name: 'Wacht op klant' },
	{ sta_code: '002', sta_name: 'In behandeling' },
	{ sta_code: 'MATWACHT', sta_name: 'Wacht op materiaal' },
	{ sta_code: 'GEREED', sta_name: 'Gereed voor export' },
	{ sta_code: 'EXPFOUT', sta_name: 'Export mislukt' },
	{ sta_code: 'EXPOK', sta_name: 'Geëxporteerd' },
];

export const DEMO_EMPLOYEES = [
	{ firstname: 'Jan', lastname: 'de Vries', number: '11' },
	{ firstname: 'Fatma', lastname: 'Yılmaz', number: '12' },
	{ firstname: 'Pieter', lastname: "van 't Veld", number: '13' },
];

function cycle<T>(list: readonly T[], i: number): T {
	return list[i % list.length];
}

function addDays(iso: string, days: number): { y: number; m: number; d: number } {
	const [y, m, d] = iso.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d + days));
	return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function emptySeed(): OutSmartSeed {
	return { records: {}, workorders: [] };
}

export function demoSeed(options: DemoSeedOptions = {}): OutSmartSeed {
	const random = prng(options.seed ?? 42);
	const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
	const baseDate = options.baseDate ?? '2026-11-23';
	const day = (offset: number) => dmy(addDays(baseDate, offset));
	const ymd = (offset: number) => {
		const p = addDays(baseDate, offset);
		return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
	};

	const debtors = options.debtorNumbers?.length ? options.debtorNumbers : ['1001', '1002', '1003', '1004', '1005', '1006'];
	const relations = debtors.map((debtor_number, i) => {
		const t = cycle(RELATIONS, i);
		const round = Math.floor(i / RELATIONS.length);
		return {
			name: round ? `${t.name} (${round + 1})` : t.name,
			debtor_number,
			contact: t.contact,
			phone_number: `0${t.area}-${digits(7)}`,
			email: t.email,
			email_workorder: t.email,
			street: t.street,
			house_number: t.house_number,
			postal_code: t.postal_code,
			city: t.city,
			remark: t.remark,
			latitude: (t.lat + (random() - 0.5) / 50).toFixed(6),
			longitude: (t.lon + (random() - 0.5) / 50).toFixed(6),
		};
	});

	const materialCodes = options.materialCodes?.length ? options.materialCodes : DEFAULT_MATERIAL_CODES;
	const materials = materialCodes.map((code, i) => {
		const t = cycle(MATERIALS, i);
		return {
			code,
			description: t.description,
			price: commaAmount(t.price),
			unit: t.unit,
			eancode: i === 0 ? `87${digits(11)}` : '',
			barcode: '',
		};
	});
	/** A material line for work orders: template index -> the i-th code (codes cycle when fewer are given). */
	const material = (template: number, nr: number | string, overrides: Record<string, unknown> = {}) => {
		const t = MATERIALS[template];
		return {
			MaterialCode: cycle(materialCodes, template),
			MaterialNr: String(nr),
			MaterialPrice: commaAmount(t.price),
			MaterialName: t.description,
			MaterialUnit: t.unit,
			...overrides,
		};
	};

	const hourTypeCodes = options.hourTypeCodes?.length ? options.hourTypeCodes : DEFAULT_HOURTYPE_CODES;
	const hourtypes = hourTypeCodes.map((code, i) => {
		const t = cycle(HOURTYPES, i);
		return {
			code,
			name: t.name,
			cost_booking: '1',
			sale_booking: '1',
			sale_price: t.sale_price.toFixed(2),
			cost_price: t.cost_price.toFixed(2),
			active: '1',
		};
	});
	const hour = (i: number) => cycle(hourTypeCodes, i);

	const records: Partial<Record<string, RecordData[]>> = {
		relations,
		materials,
		hourtypes,
		employees: DEMO_EMPLOYEES,
		workstatusses: DEMO_WORKSTATUSSES,
		paymentmethods: ['op rekening', 'pin betaling', 'contant voldaan', 'niet van toepassing', 'conform offerte'].map(
			(pmd_description) => ({ pmd_description }),
		),
		worktypes: [
			{ wrt_name: 'Installatie', wrt_description: 'Installatie werkzaamheden', wrt_default_minutes: '240', wrt_active: '1' },
			{ wrt_name: 'Onderhoud', wrt_description: 'Periodiek onderhoud', wrt_default_minutes: '60', wrt_active: '1' },
			{ wrt_name: 'Storing', wrt_description: 'Storing verhelpen', wrt_default_minutes: '90', wrt_active: '1' },
			{ wrt_name: 'Reparatie', wrt_description: 'Reparatie', wrt_default_minutes: '120', wrt_active: '1' },
		],
		priorities: [
			{ code: '1', description: 'Laag', app_enabled: '1' },
			{ code: '5', description: 'Normaal', app_enabled: '1' },
			{ code: '10', description: 'Spoed', app_enabled: '1' },
		],
		regions: [
			{ reg_code: 'ZUID', reg_name: 'Brabant en Limburg', reg_zip_start: '4600', reg_zip_end: '6599', reg_city: '', reg_country: 'Nederland' },
			{ reg_code: 'MIDDEN', reg_name: 'Utrecht e.o.', reg_zip_start: '3400', reg_zip_end: '3999', reg_city: '', reg_country: 'Nederland' },
		],
		vehicles: [
			{ veh_license_plate: 'VX-123-B', veh_title: 'Bus Jan', veh_brand: 'Volkswagen', veh_model: 'Transporter', veh_type: 'T6', veh_driver: '11', veh_driving: '0', veh_active: '1' },
		],
		warehouses: [
			{ wse_code: 'HOOFD', wse_type: 'BUILDING', wse_description: 'Hoofdmagazijn Eindhoven', wse_remark: '' },
			{ wse_code: 'BUS-JAN', wse_wse_code: 'HOOFD', wse_type: 'VEHICLE', wse_employee_nr: '11', wse_description: 'Buswagen Jan', wse_remark: '' },
		],
		suppliers: [
			{ sup_code: 'TU', sup_name: 'Technische Unie', sup_image: '' },
			{ sup_code: 'WASCO', sup_name: 'Wasco', sup_image: '' },
		],
		categories: [
			{ cat_code: 'CV', cat_name: 'Cv-installaties', cat_display: '1', cat_cat_code: '' },
			{ cat_code: 'SANITAIR', cat_name: 'Sanitair', cat_display: '1', cat_cat_code: '' },
			{ cat_code: 'ALGEMEEN', cat_name: 'Algemeen', cat_display: '0', cat_cat_code: '' },
		],
		material_categories: materialCodes.map((code, i) => ({ mct_mat_code: code, mct_cat_code: cycle(MATERIALS, i).category })),
		projects: [
			{
				code: 'P2026-001',
				code_ext: '',
				debtor_number: cycle(debtors, 4),
				status: 'Nieuw',
				name: 'Vervanging cv-ketels complex Zuid-Oost',
				description: "Vervanging van 12 cv-ketels; per woning afstemmen met de huurder.",
				progress: '25',
				date_start: ymd(-30),
				date_end: null,
				active: '1',
			},
		],
		contactpersons: [
			{ cpn_debtor_nr: cycle(debtors, 4), cpn_code: 'CP-001', cpn_name: 'Dhr. R. El Amrani', cpn_phone: `06-${digits(8)}`, cpn_email: 'r.elamrani@ws-zuidoost.nl' },
		],
		addresses: [
			{ adr_debtor_nr: cycle(debtors, 4), adr_code: 'ADR-001', adr_cpn_code: 'CP-001', adr_line_1: 'Genneperweg 17', adr_zip: '5644 RA', adr_city: 'Eindhoven', adr_country: 'Nederland', adr_remark: 'Huurwoning, afspraak via huurder' },
		],
		prices: [
			{ material: cycle(materialCodes, 0), hourtype: '', date_start: ymd(-60), date_end: null, debtornr: cycle(debtors, 4), price: '1150.00' },
		],
	};

	/** Customer and invoice-customer fields of a work order from relation indices. */
	const customer = (i: number, invoice = i) => {
		const r = relations[i % relations.length];
		const inv = relations[invoice % relations.length];
		return {
			CustomerName: r.name,
			CustomerDebtorNr: r.debtor_number,
			CustomerStreet: r.street,
			CustomerStreetNo: r.house_number,
			CustomerEmail: r.email,
			CustomerZIP: r.postal_code,
			CustomerCity: r.city,
			CustomerContactPerson: r.contact,
			CustomerPhone: r.phone_number,
			CustomerRemark: r.remark,
			CustomerLatitude: r.latitude,
			CustomerLongitude: r.longitude,
			CustomerNameInvoice: inv.name,
			CustomerDebtorNrInvoice: inv.debtor_number,
			CustomerStreetInvoice: inv.street,
			CustomerStreetNoInvoice: inv.house_number,
			CustomerEmailInvoice: inv.email,
			CustomerZIPInvoice: inv.postal_code,
			CustomerCityInvoice: inv.city,
			CustomerContactPersonInvoice: inv.contact,
			CustomerPhoneInvoice: inv.phone_number,
			CustomerRemarkInvoice: '',
		};
	};
	const created = (offset: number) => `${ymd(offset)} ${String(8 + Math.floor(random() * 3)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
	const year = baseDate.slice(0, 4);
	let seq = 0;
	const wo = (fields: Record<string, unknown>, extra: Partial<SeedWorkorder> = {}): SeedWorkorder => {
		seq++;
		return {
			WorkorderNo: `WO-${year}-${String(seq).padStart(4, '0')}`,
			OrderNr: `WB-${year}-${String(seq).padStart(5, '0')}`,
			PaymentMethod: 'op rekening',
			...fields,
			...extra,
		} as SeedWorkorder;
	};

	const workorders: SeedWorkorder[] = [
		// 0001 Klaargezet: planned next week, thermostat to install
		wo(
			{
				...customer(0),
				TypeOfWork: 'Onderhoud',
				WorkDescription: 'Jaarlijks onderhoud cv-ketel en thermostaat vervangen.',
				EmployeeNr: '11',
				WorkDate: day(7),
				WorkTime: '09:00',
				WorkDuration: '90',
				Employees: ['11'],
				Materials: [material(1, 1)],
			},
			{ _creationDate: created(-3) },
		),
		// 0002 Klaargezet: not planned yet, only a deadline
		wo(
			{
				...customer(5),
				TypeOfWork: 'Storing',
				WorkDescription: 'Radiator in kamer 14 wordt niet warm.',
				WorkDeadline: day(14),
				PriorityCode: '10',
				PriorityMessage: 'Spoed',
			},
			{ _creationDate: created(-1) },
		),
		// 0003 Opgehaald: on Fatma's tablet
		wo(
			{ ...customer(2), TypeOfWork: 'Installatie', WorkDescription: 'Radiator plaatsen in uitbouw.', EmployeeNr: '12', WorkDate: day(1), WorkTime: '08:00', Materials: [material(3, 1)] },
			{ _creationDate: created(-4), _status: 'Opgehaald' },
		),
		// 0004 Compleet, GEREED: the plain case
		wo(
			{ ...customer(2), TypeOfWork: 'Reparatie', WorkDescription: 'Lekkage verwarmingsleiding verholpen.', EmployeeNr: '11', WorkDate: day(-2), WorkTime: '08:00' },
			{
				_creationDate: created(-6),
				_complete: {
					workperiods: [{ WorkDate: day(-2), BeginTime: '08:00', EndTime: '12:15', Break: 15, HourType: hour(0), EmployeeNr: '11', Travel: '24' }],
					materials: [material(2, 4), material(3, 1)],
					workStatus: 'GEREED',
					workDescription: 'Lekkage verwarmingsleiding verholpen, radiator vervangen.',
				},
			},
		),
		// 0005 Compleet, GEREED: 's-Hertogenbosch, a "0,00" line, a returned thermostat (-1), a 00:00 period
		wo(
			{ ...customer(0), TypeOfWork: 'Service', WorkDescription: "Thermostaat 't Hoekje omruilen.", EmployeeNr: '13', WorkDate: day(-1), WorkTime: '07:30' },
			{
				_creationDate: created(-5),
				_complete: {
					workperiods: [
						{ WorkDate: day(-1), BeginTime: '07:30', EndTime: '09:45', Break: 0, HourType: hour(0), EmployeeNr: '13', Travel: '12', WorkRemark: "Klant wil 's ochtends vóór 10:00 klaar zijn." },
						{ WorkDate: day(-1), BeginTime: '09:45', EndTime: '09:45', Break: 0, HourType: hour(1), EmployeeNr: '13', WorkRemark: 'Alleen voorrijden' },
					],
					materials: [material(4, 1), material(1, -1, { MaterialName: 'Thermostaat slim (OpenTherm) - retour' }), material(1, 1)],
					workStatus: 'GEREED',
				},
			},
		),
		// 0006 Compleet, no WorkStatus: Café Façade, a 1.234,50 boiler, fractional quantity, a 10:15 day
		wo(
			{ ...customer(1), TypeOfWork: 'Installatie', WorkDescription: 'Nieuwe cv-ketel plaatsen in de kelder.', EmployeeNr: '11', WorkDate: day(-3), WorkTime: '07:00', Employees: ['11', '13'] },
			{
				_creationDate: created(-10),
				_complete: {
					workperiods: [
						{ WorkDate: day(-3), BeginTime: '07:00', EndTime: '17:45', Break: 30, HourType: hour(0), EmployeeNr: '11', Travel: '38' },
						{ WorkDate: day(-3), BeginTime: '07:00', EndTime: '11:00', Break: 0, HourType: hour(1), EmployeeNr: '13', Travel: '38' },
					],
					materials: [material(0, 1), material(2, 2.5, { MaterialName: 'Knelkoppeling 15 mm messing (los)' }), material(5, 1)],
				},
			},
		),
		// 0007 Compleet but not finished: waiting for material; work at relation 4, invoice to relation 5
		wo(
			{ ...customer(3, 4), TypeOfWork: 'Reparatie', WorkDescription: 'Expansievat defect.', EmployeeNr: '12', WorkDate: day(-2), WorkTime: '13:00' },
			{
				_creationDate: created(-7),
				_complete: {
					workperiods: [{ WorkDate: day(-2), BeginTime: '13:00', EndTime: '14:00', Break: 0, HourType: hour(0), EmployeeNr: '12' }],
					materials: [],
					workFinished: false,
					workStatus: 'MATWACHT',
				},
			},
		),
		// 0008 Compleet with EXPFOUT: an earlier export failed
		wo(
			{ ...customer(4), TypeOfWork: 'Onderhoud', WorkDescription: 'Onderhoud 4 ketels.', EmployeeNr: '11', WorkDate: day(-4), WorkTime: '08:30', ProjectNr: 'P2026-001', CpnCode: 'CP-001', AdrCode: 'ADR-001' },
			{
				_creationDate: created(-12),
				_complete: {
					workperiods: [{ WorkDate: day(-4), BeginTime: '08:30', EndTime: '12:30', Break: 0, HourType: hour(0), EmployeeNr: '11', Travel: '5' }],
					materials: [material(4, 4)],
					workStatus: 'EXPFOUT',
				},
			},
		),
		// 0009 Afgehandeld: handled earlier
		wo(
			{ ...customer(0), TypeOfWork: 'Storing', WorkDescription: 'Storing F28 verholpen.', EmployeeNr: '11', WorkDate: day(-9), WorkTime: '10:00' },
			{
				_creationDate: created(-14),
				_complete: { workperiods: [{ WorkDate: day(-9), BeginTime: '10:00', EndTime: '11:00', Break: 0, HourType: hour(0), EmployeeNr: '11' }], materials: [] },
				_status: 'Afgehandeld',
			},
		),
		// 0010 Afgehandeld and exported
		wo(
			{ ...customer(4), TypeOfWork: 'Installatie', WorkDescription: 'Cv-ketel vervangen, woning 3.', EmployeeNr: '12', WorkDate: day(-8), WorkTime: '08:00', ProjectNr: 'P2026-001' },
			{
				_creationDate: created(-15),
				_complete: {
					workperiods: [{ WorkDate: day(-8), BeginTime: '08:00', EndTime: '16:00', Break: 30, HourType: hour(0), EmployeeNr: '12', Travel: '20' }],
					materials: [material(0, 1, { MaterialPrice: commaAmount(1150) })],
					workStatus: 'EXPOK',
				},
				_status: 'Afgehandeld',
			},
		),
		// 0011 Compleet, GEREED: hours only (weekend emergency), no materials
		wo(
			{ ...customer(5), TypeOfWork: 'Storing', WorkDescription: 'Spoed: geen warm water.', EmployeeNr: '13', WorkDate: day(-2), WorkTime: '19:00' },
			{
				_creationDate: created(-2),
				_complete: {
					workperiods: [{ WorkDate: day(-2), BeginTime: '19:00', EndTime: '21:30', Break: 0, HourType: hour(2), EmployeeNr: '13', Travel: '31' }],
					materials: [],
					workStatus: 'GEREED',
				},
			},
		),
	];

	return { records, workorders };
}

export type SeedName = 'demo' | 'empty';

export function seedByName(name: string, options: DemoSeedOptions = {}): OutSmartSeed {
	if (name === 'demo') return demoSeed(options);
	if (name === 'empty') return emptySeed();
	throw new Error(`Unknown seed: ${name} (use demo or empty)`);
}

/** The customer, type of work and payment method of a work order: what a new work order for that customer needs. */
export function customerFieldsOf(workorder: Record<string, unknown>): SeedWorkorder {
	return Object.fromEntries(
		Object.entries(workorder).filter(([k, v]) => /^Customer|^TypeOfWork$|^PaymentMethod$/.test(k) && v !== null),
	) as SeedWorkorder;
}
