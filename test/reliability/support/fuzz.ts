/**
 * Hostile strings for filters and locators, from a seeded PRNG: the same cases on every run (a failure can be
 * repeated), a fixed number of them (bounded time). Every case has a non-blank character (a blank filter is no
 * filter, by design) and is unique after trimming (codes are trimmed before they are looked up).
 */

/** mulberry32. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Pieces that break naive filter building, URL encoding or expression handling. */
export const FRAGMENTS = [
	"O'Neill",
	"''",
	"'",
	')',
	'(',
	' or 1 eq 1',
	' eq ',
	"' or Name ne '",
	"') or true or ('",
	"substringof('a',Name) eq true",
	'%27',
	'%20',
	'%',
	'Café ☕ Ünïcødé 𝄞',
	'\\',
	"\\'",
	'"',
	'&$top=1',
	'#',
	'?',
	'+',
	'/',
	'*',
	"guid'00000000-0000-0000-0000-000000000000'",
	"datetime'2020-01-01T00:00:00'",
	'1L',
	' null ',
	' not ',
	' and ',
	'{{ $json.v }}',
	'\t',
	'\n',
	'שלום',
	'‮',
	'e\u0301',
	'ß',
	'İ',
	'  ',
];

/** Hand-picked cases first (each a known trap), then generated ones. */
export const FIXED_CASES = [
	"O'Neill",
	"''",
	"'",
	')',
	' or 1 eq 1',
	"x' or 1 eq 1 or Name eq 'x",
	' eq ',
	'%27',
	'Café ☕ Ünïcødé 𝄞',
	'C:\\temp\\',
	"'s-Hertogenbosch",
	"') or substringof('',Name) or ('",
];

const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,;:!@'()%&=+/\\\"éüß€☕𝄞";

/** A string of about `length` UTF-16 units: random alphabet characters with fragments mixed in. */
function generated(random: () => number, length: number): string {
	let text = '';
	while (text.length < length) {
		if (random() < 0.35) text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
		else {
			const chars = Array.from(ALPHABET);
			text += chars[Math.floor(random() * chars.length)];
		}
	}
	// Cut at a code point boundary (never half a surrogate pair: that is not text, and no user can type it).
	const points = Array.from(text);
	let out = '';
	for (const point of points) {
		if (out.length + point.length > length) break;
		out += point;
	}
	return out;
}

/** 2,000 characters, mostly plain with quotes, parentheses and operators: long, yet a URL Exact would take. */
function long(random: () => number, index: number): string {
	const pieces = [`LONG-${index} `, "O'Neill) or 1 eq 1 ", 'Café ☕ ', "''"];
	let text = pieces.join('');
	while (text.length < 2000) text += random() < 0.1 ? "' " : String.fromCharCode(97 + Math.floor(random() * 26));
	return text.slice(0, 2000);
}

export interface FuzzCase {
	index: number;
	value: string;
}

/** `count` cases (the fixed ones, `longCases` of 2,000 characters, the rest generated), deterministic per seed. */
export function fuzzCases(seed: number, count: number, longCases = 2): FuzzCase[] {
	const random = prng(seed);
	const values: string[] = [...FIXED_CASES];
	for (let i = 0; i < longCases; i++) values.push(long(random, i + 1));
	while (values.length < count) values.push(generated(random, 1 + Math.floor(random() * 40)));
	const seen = new Set<string>();
	const cases: FuzzCase[] = [];
	for (const value of values) {
		const key = value.trim().toLowerCase();
		if (!key || seen.has(key)) continue;
		seen.add(key);
		cases.push({ index: cases.length, value });
	}
	return cases;
}
