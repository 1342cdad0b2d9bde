/**
 * Query parsing the way PHP does it, and OutSmart's "advanced filters":
 * `&key=k&value=v&operator=eq`, or arrays `key[]=..&value[]=..&operator[]=..` (also `key[0]=..`).
 * Operators: li (LIKE with % and _ wildcards), eq, ne, gt, ge, lt, le. Comparisons behave like MySQL with its
 * default collation: case-insensitive, trailing spaces ignored, numbers compared as numbers; dates written
 * d-m-Y or Y-m-d compare as dates. NULL matches nothing.
 */
import { OutSmartFailure } from './envelope';
import { readDmy, readNumber, readYmd } from './formats';

export type QueryValue = string | string[];
export type Query = Record<string, QueryValue>;

/**
 * PHP's `$_GET`: `a[]=1&a[]=2` and `a[0]=1&a[1]=2` become arrays; a repeated plain `a=1&a=2` keeps the last
 * value only (a PHP quirk: clients that serialise arrays as repeated keys lose all but the last one).
 */
export function parsePhpQuery(search: URLSearchParams): Query {
	const query: Query = {};
	const indexed: Record<string, Array<[number, string]>> = {};
	for (const [name, value] of search) {
		const bracket = /^([^[\]]+)\[(\d*)\]$/.exec(name);
		if (!bracket) {
			query[name] = value;
			continue;
		}
		const [, base, index] = bracket;
		const list = (indexed[base] ??= []);
		list.push([index === '' ? Number.MAX_SAFE_INTEGER : Number(index), value]);
	}
	for (const [base, entries] of Object.entries(indexed)) {
		// stable sort: explicit indices in order, `[]` entries after them in arrival order
		query[base] = entries
			.map((entry, arrival) => ({ entry, arrival }))
			.sort((a, b) => a.entry[0] - b.entry[0] || a.arrival - b.arrival)
			.map(({ entry }) => entry[1]);
	}
	return query;
}

export function scalar(query: Query, name: string): string | undefined {
	const value = query[name];
	return Array.isArray(value) ? value[value.length - 1] : value;
}

export const OPERATORS = ['li', 'eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Filter {
	key: string;
	value: string;
	operator: Operator;
}

/** Reads key/value/operator (scalars or arrays) from the query. Operator defaults to eq. */
export function readFilters(query: Query): Filter[] {
	const asList = (v: QueryValue | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
	const keys = asList(query.key);
	const values = asList(query.value);
	const operators = asList(query.operator);
	return keys.map((key, i) => {
		const operator = (operators[i] ?? 'eq').toLowerCase();
		if (!(OPERATORS as readonly string[]).includes(operator)) {
			throw new OutSmartFailure(1007, [`Unknown operator: ${operator}`]);
		}
		return { key, value: values[i] ?? '', operator: operator as Operator };
	});
}

function asDate(text: string): number | undefined {
	const parts = readYmd(text) ?? readDmy(text);
	return parts ? Date.UTC(parts.y, parts.m - 1, parts.d) : undefined;
}

function compare(a: string, b: string): number {
	const na = readNumber(a);
	const nb = readNumber(b);
	if (na !== undefined && nb !== undefined && /^[\s\d.,+-]+$/.test(a) && /^[\s\d.,+-]+$/.test(b)) {
		return na === nb ? 0 : na < nb ? -1 : 1;
	}
	const da = asDate(a);
	const db = asDate(b);
	if (da !== undefined && db !== undefined) return da === db ? 0 : da < db ? -1 : 1;
	const x = a.trimEnd().toLowerCase();
	const y = b.trimEnd().toLowerCase();
	return x === y ? 0 : x < y ? -1 : 1;
}

function like(value: string, pattern: string): boolean {
	const source = pattern
		.split('')
		.map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`, 'is').test(value);
}

export function matches(row: Record<string, unknown>, filter: Filter): boolean {
	const raw = row[filter.key];
	if (raw === null || raw === undefined || typeof raw === 'object') return false;
	const value = String(raw);
	switch (filter.operator) {
		case 'li':
			return like(value, filter.value);
		case 'eq':
			return compare(value, filter.value) === 0;
		case 'ne':
			return compare(value, filter.value) !== 0;
		case 'gt':
			return compare(value, filter.value) > 0;
		case 'ge':
			return compare(value, filter.value) >= 0;
		case 'lt':
			return compare(value, filter.value) < 0;
		case 'le':
			return compare(value, filter.value) <= 0;
	}
}

/**
 * Applies the filters to rendered rows. A key that is not a column gives an empty list and a message
 * (OutSmart's behaviour here is not documented; an empty answer is the safer guess than ignoring the filter).
 */
export function applyFilters(
	rows: Array<Record<string, unknown>>,
	filters: Filter[],
	knownKeys: Iterable<string>,
): { rows: Array<Record<string, unknown>>; messages: string[] } {
	if (!filters.length) return { rows, messages: [] };
	const known = new Set(knownKeys);
	for (const row of rows) for (const k of Object.keys(row)) known.add(k);
	const unknown = filters.filter((f) => !known.has(f.key)).map((f) => `Unknown filter key: ${f.key}`);
	if (unknown.length) return { rows: [], messages: unknown };
	return { rows: rows.filter((row) => filters.every((f) => matches(row, f))), messages: [] };
}
