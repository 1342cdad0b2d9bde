import type { Rng } from './prng';

/**
 * Realistic Dutch names, addresses and numbers for seeds, driven by a deterministic Rng. Nothing here knows
 * about Exact or OutSmart, so both simulators (and their tests) can use it.
 */

export const FIRST_NAMES_MALE = [
	'Jan', 'Pieter', 'Kees', 'Henk', 'Willem', 'Gert', 'Bram', 'Daan', 'Sem', 'Lucas', 'Thijs', 'Ruben', 'Joost',
	'Martijn', 'Sander', 'Bas', 'Niels', 'Koen', 'Jeroen', 'Mohamed', 'Ahmet', 'Stijn', 'Wouter', 'Arjen', 'Ravi',
] as const;

export const FIRST_NAMES_FEMALE = [
	'Anna', 'Emma', 'Sophie', 'Julia', 'Lotte', 'Sanne', 'Fleur', 'Anouk', 'Marieke', 'Inge', 'Els', 'Ingrid',
	'Fatima', 'Noor', 'Eva', 'Lieke', 'Maaike', 'Chantal', 'Saskia', 'Yara', 'Zoë', 'Renée', 'Ilse', 'Mirjam',
] as const;

/** Surnames with their prefix (tussenvoegsel), which Dutch sorting ignores. */
export const SURNAMES: ReadonlyArray<readonly [prefix: string, name: string]> = [
	['', 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'], ['', 'Bakker'], ['', 'Janssen'],
	['', 'Visser'], ['', 'Smit'], ['', 'Meijer'], ['de', 'Boer'], ['', 'Mulder'], ['de', 'Groot'], ['', 'Bos'],
	['', 'Vos'], ['', 'Peters'], ['', 'Hendriks'], ['van', 'Leeuwen'], ['', 'Dekker'], ['', 'Brouwer'],
	['de', 'Wit'], ['', 'Dijkstra'], ['', 'Smits'], ['de', 'Graaf'], ['van der', 'Meer'], ['van der', 'Linden'],
	['', 'Kok'], ['', 'Jacobs'], ['de', 'Haan'], ['', 'Vermeulen'], ['van den', 'Heuvel'], ['van der', 'Veen'],
	['van den', 'Broek'], ['de', 'Bruijn'], ['de', 'Jong'], ['', 'Schouten'], ['van', 'Beek'], ['', 'Willems'],
	['van', 'Vliet'], ['', 'Hoekstra'], ['', 'Maas'], ['', 'Verhoeven'], ['', 'Koster'], ['van', 'Wijk'],
	['', 'Yılmaz'], ['', 'El Amrani'], ['', 'Ramdin'], ['', 'Nguyen'], ['', "D'Souza"],
];

export interface DutchCity {
	name: string;
	/** Postcode digits range of the city: [from, to]. */
	postcodes: readonly [number, number];
	/** Phone area code. */
	areaCode: string;
	province: string;
}

export const CITIES: readonly DutchCity[] = [
	{ name: 'Amsterdam', postcodes: [1011, 1109], areaCode: '020', province: 'NH' },
	{ name: 'Rotterdam', postcodes: [3011, 3089], areaCode: '010', province: 'ZH' },
	{ name: 'Den Haag', postcodes: [2491, 2599], areaCode: '070', province: 'ZH' },
	{ name: 'Utrecht', postcodes: [3511, 3585], areaCode: '030', province: 'UT' },
	{ name: 'Eindhoven', postcodes: [5611, 5658], areaCode: '040', province: 'NB' },
	{ name: "'s-Hertogenbosch", postcodes: [5211, 5248], areaCode: '073', province: 'NB' },
	{ name: 'Groningen', postcodes: [9711, 9747], areaCode: '050', province: 'GR' },
	{ name: 'Zwolle', postcodes: [8011, 8045], areaCode: '038', province: 'OV' },
	{ name: 'Amersfoort', postcodes: [3811, 3829], areaCode: '033', province: 'UT' },
	{ name: 'Arnhem', postcodes: [6811, 6846], areaCode: '026', province: 'GE' },
	{ name: 'Nijmegen', postcodes: [6511, 6546], areaCode: '024', province: 'GE' },
	{ name: 'Tilburg', postcodes: [5011, 5049], areaCode: '013', province: 'NB' },
	{ name: 'Breda', postcodes: [4811, 4838], areaCode: '076', province: 'NB' },
	{ name: 'Leeuwarden', postcodes: [8911, 8939], areaCode: '058', province: 'FR' },
	{ name: 'Maastricht', postcodes: [6211, 6229], areaCode: '043', province: 'LI' },
	{ name: 'Haarlem', postcodes: [2011, 2037], areaCode: '023', province: 'NH' },
	{ name: 'Alphen aan den Rijn', postcodes: [2401, 2409], areaCode: '0172', province: 'ZH' },
	{ name: 'Den Helder', postcodes: [1781, 1789], areaCode: '0223', province: 'NH' },
	{ name: 'Ouderkerk aan de Amstel', postcodes: [1191, 1191], areaCode: '020', province: 'NH' },
	{ name: 'IJmuiden', postcodes: [1971, 1976], areaCode: '0255', province: 'NH' },
];

export const STREETS = [
	'Dorpsstraat', 'Kerkstraat', 'Schoolstraat', 'Molenweg', 'Hoofdstraat', 'Stationsweg', 'Julianalaan',
	'Wilhelminastraat', 'Beatrixlaan', 'Industrieweg', 'Nieuwe Gracht', 'Oude Rijn', 'Laan van Meerdervoort',
	'Burgemeester de Withstraat', 'Prinses Irenestraat', 'Van Goghstraat', 'Rembrandtplein', 'Eikenlaan',
	'Populierenlaan', 'Kastanjehof', 'Middelweg', 'Zuideinde', 'Noordeinde', "Sint-Jansstraat",
	"Van 't Hoffstraat", 'Ds. Kuypersingel', 'Achter de Hoven', 'Koningin Emmakade', 'Ĳsselkade',
] as const;

/** Street names that contain characters clients tend to mangle. */
export const AWKWARD_STREETS = ["Van 't Hoffstraat", 'Achter de Hoven', 'Ĳsselkade', 'Laan van Meerdervoort'] as const;

export const COMPANY_PATTERNS: ReadonlyArray<(surname: string, city: string) => string> = [
	(s) => `Installatiebedrijf ${s}`,
	(s) => `${s} Installatietechniek BV`,
	(s) => `Loodgietersbedrijf ${s}`,
	(s) => `${s} & Zn.`,
	(s) => `Bouwbedrijf ${s} BV`,
	(s, c) => `VvE ${c} ${s}hof`,
	(s) => `Woningstichting ${s}`,
	(s) => `${s} Vastgoed BV`,
	(s) => `Schildersbedrijf ${s}`,
	(s) => `Autobedrijf ${s} VOF`,
	(s, c) => `Eetcafé ${s} ${c}`,
	(s) => `Tandartspraktijk ${s}`,
	(s) => `Basisschool De ${s}`,
	(s) => `Fam. ${s}`,
	(s) => `${s} Holding BV`,
	(_s, c) => `Kinderopvang 't Zonnetje ${c}`,
];

export interface DutchPerson {
	firstName: string;
	/** Tussenvoegsel such as "van der"; '' when none. */
	middleName: string;
	lastName: string;
	fullName: string;
	initials: string;
	gender: 'M' | 'V';
}

export interface DutchAddress {
	street: string;
	houseNumber: string;
	/** "A", "-B", "bis", or '' (number suffix as printed). */
	addition: string;
	/** Street + number + addition, e.g. "Dorpsstraat 12a". */
	line: string;
	postcode: string;
	city: string;
	province: string;
	areaCode: string;
	country: 'NL';
}

export function capitalizeSurname(prefix: string, name: string): string {
	return prefix ? `${prefix[0].toUpperCase()}${prefix.slice(1)} ${name}` : name;
}

export function dutchPerson(rng: Rng): DutchPerson {
	const gender = rng.chance(0.5) ? 'M' : 'V';
	const firstName = gender === 'M' ? rng.pick(FIRST_NAMES_MALE) : rng.pick(FIRST_NAMES_FEMALE);
	const [middleName, lastName] = rng.pick(SURNAMES);
	const fullName = [firstName, middleName, lastName].filter(Boolean).join(' ');
	return { firstName, middleName, lastName, fullName, initials: `${firstName[0]}.`, gender };
}

const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ'.split('');

/** "1234 AB": four digits (first not 0) and two letters, never SA, SD or SS. */
export function dutchPostcode(rng: Rng, city?: DutchCity): string {
	const digits = city ? rng.int(city.postcodes[0], city.postcodes[1]) : rng.int(1000, 9999);
	let pair = '';
	do {
		pair = rng.pick(POSTCODE_LETTERS) + rng.pick(POSTCODE_LETTERS);
	} while (['SA', 'SD', 'SS'].includes(pair));
	return `${digits} ${pair}`;
}

export function houseNumber(rng: Rng): { number: string; addition: string; text: string } {
	const number = String(rng.chance(0.85) ? rng.int(1, 180) : rng.int(181, 1400));
	const r = rng.next();
	let addition = '';
	if (r < 0.1) addition = rng.pick(['a', 'b', 'c']);
	else if (r < 0.15) addition = rng.pick(['-A', '-B', '-1', '-2']);
	else if (r < 0.17) addition = ' bis';
	else if (r < 0.2) addition = rng.pick([' hs', ' I', ' II', ' zw']);
	return { number, addition, text: `${number}${addition}` };
}

export function dutchAddress(rng: Rng, city: DutchCity = rng.pick(CITIES)): DutchAddress {
	const street = rng.pick(STREETS);
	const number = houseNumber(rng);
	return {
		street,
		houseNumber: number.number,
		addition: number.addition.trim(),
		line: `${street} ${number.text}`,
		postcode: dutchPostcode(rng, city),
		city: city.name,
		province: city.province,
		areaCode: city.areaCode,
		country: 'NL',
	};
}

/** Landline like "020-1234567" (area code + subscriber number = 10 digits). */
export function dutchPhone(rng: Rng, areaCode = '030'): string {
	const digits = 10 - areaCode.length;
	let subscriber = String(rng.int(2, 9));
	while (subscriber.length < digits) subscriber += String(rng.int(0, 9));
	return `${areaCode}-${subscriber}`;
}

export function dutchMobile(rng: Rng): string {
	let rest = '';
	while (rest.length < 8) rest += String(rng.int(0, 9));
	return `06-${rest}`;
}

/** Lowercase ASCII slug for e-mail domains: "Café Façade & Zoon" -> "cafe-facade-zoon". */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/ĳ/g, 'ij')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export function companyEmail(name: string, local = 'info'): string {
	return `${local}@${slugify(name).slice(0, 40)}.nl`;
}

/** KvK (Chamber of Commerce) number: 8 digits. */
export function kvkNumber(rng: Rng): string {
	return String(rng.int(10_000_000, 99_999_999));
}

/** Dutch VAT number "NL" + 9 digits + "B01". */
export function vatNumber(rng: Rng): string {
	return `NL${rng.int(100_000_000, 999_999_999)}B${rng.chance(0.9) ? '01' : '02'}`;
}

const BANKS = ['ABNA', 'INGB', 'RABO', 'TRIO', 'SNSB', 'BUNQ', 'KNAB', 'ASNB'];

/** A Dutch IBAN with a valid mod-97 check: NLkk BANK 0123456789. */
export function dutchIban(rng: Rng): string {
	const bank = rng.pick(BANKS);
	let account = '';
	while (account.length < 10) account += String(rng.int(0, 9));
	const numeric = `${bank}${account}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
	const check = 98 - Number(BigInt(numeric) % 97n);
	return `NL${String(check).padStart(2, '0')}${bank}${account}`;
}

/** EAN-13 barcode with a valid check digit (Dutch prefix 87). */
export function ean13(rng: Rng): string {
	let digits = '87';
	while (digits.length < 12) digits += String(rng.int(0, 9));
	const sum = digits.split('').reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
	return digits + String((10 - (sum % 10)) % 10);
}

export function dutchCompanyName(rng: Rng, city: DutchCity = rng.pick(CITIES)): string {
	const [prefix, name] = rng.pick(SURNAMES);
	return rng.pick(COMPANY_PATTERNS)(capitalizeSurname(prefix, name), city.name);
}
