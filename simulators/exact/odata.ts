import { localIso, parseExactDate, parseIsoAsLocal } from './dates';
import { badRequest } from './errors';
import { isEdm, isNumericEdm } from './fields';
import type { ExactRecord, ExactValue } from '../seed/types';

/**
 * The OData v3 subset Exact speaks: $filter (parsed, type-checked against the endpoint's Edm types, then
 * evaluated in memory), $select, $orderby, $expand, $top and $skiptoken. Error texts follow the WCF Data
 * Services wording Exact passes through, so a client sees the same kind of message it would get live.
 */

/** A comparable value: GUIDs lowercase, dates as local ms, everything else as in the record. */
export type Scalar = string | number | boolean | null;

type TypeClass = 'string' | 'guid' | 'datetime' | 'number' | 'bool' | 'null';

export type Literal =
	| { kind: 'string'; value: string }
	| { kind: 'guid'; value: string }
	| { kind: 'datetime'; value: number }
	| { kind: 'number'; value: number; long: boolean }
	| { kind: 'bool'; value: boolean }
	| { kind: 'null' };

type Token =
	| { type: 'lit'; lit: Literal; pos: number }
	| { type: 'ident'; name: string; pos: number }
	| { type: 'punct'; value: '(' | ')' | ',' | '/'; pos: number }
	| { type: 'end'; pos: number };

type Node =
	| { t: 'lit'; value: Scalar; cls: TypeClass; pos: number }
	| { t: 'prop'; name: string; edm: string; cls: TypeClass; pos: number }
	| { t: 'call'; fn: string; args: Node[]; cls: TypeClass; pos: number }
	| { t: 'bin'; op: string; left: Node; right: Node; cls: TypeClass; pos: number }
	| { t: 'not'; arg: Node; cls: TypeClass; pos: number };

/** Field name -> Edm type of one endpoint. */
export type FieldTypes = Record<string, string>;

const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isGuid(value: string): boolean {
	return GUID_RE.test(value);
}

function classOfEdm(edm: string): TypeClass {
	if (edm === 'Edm.String') return 'string';
	if (edm === 'Edm.Guid') return 'guid';
	if (edm === 'Edm.DateTime' || edm === 'Edm.DateTimeOffset') return 'datetime';
	if (edm === 'Edm.Boolean') return 'bool';
	if (isNumericEdm(edm)) return 'number';
	return 'string';
}

const CLR_NAMES: Record<TypeClass, string> = {
	string: 'System.String',
	guid: 'System.Nullable`1[System.Guid]',
	datetime: 'System.Nullable`1[System.DateTime]',
	number: 'System.Nullable`1[System.Int32]',
	bool: 'System.Nullable`1[System.Boolean]',
	null: '<null>',
};

/** A record value in comparable form. */
export function normalize(value: ExactValue | undefined, edm: string): Scalar {
	if (value === undefined || value === null) return null;
	if (edm === 'Edm.DateTime' && typeof value === 'string') return parseExactDate(value) ?? null;
	if (edm === 'Edm.Guid' && typeof value === 'string') return value.toLowerCase();
	return value;
}

// ---------------------------------------------------------------- tokenizer

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const ch = text[i];
		if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
			i++;
			continue;
		}
		if (ch === '(' || ch === ')' || ch === ',' || ch === '/') {
			tokens.push({ type: 'punct', value: ch, pos: i });
			i++;
			continue;
		}
		if (ch === "'") {
			const { value, end } = readQuoted(text, i);
			tokens.push({ type: 'lit', lit: { kind: 'string', value }, pos: i });
			i = end;
			continue;
		}
		const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?([LlMmDdFf])?/.exec(text.slice(i));
		if (num && (ch !== '-' || /\d/.test(text[i + 1] ?? ''))) {
			const suffix = (num[3] ?? '').toUpperCase();
			const digits = suffix ? num[0].slice(0, -1) : num[0];
			if (suffix === 'L' && (num[1] || num[2])) throw syntaxError(i, text);
			tokens.push({ type: 'lit', lit: { kind: 'number', value: Number(digits), long: suffix === 'L' }, pos: i });
			i += num[0].length;
			continue;
		}
		const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
		if (ident) {
			const name = ident[0];
			const start = i;
			i += name.length;
			if (text[i] === "'") {
				const { value, end } = readQuoted(text, i);
				i = end;
				tokens.push({ type: 'lit', lit: typedLiteral(name, value, start, text), pos: start });
				continue;
			}
			if (name === 'true' || name === 'false') {
				tokens.push({ type: 'lit', lit: { kind: 'bool', value: name === 'true' }, pos: start });
			} else if (name === 'null') {
				tokens.push({ type: 'lit', lit: { kind: 'null' }, pos: start });
			} else {
				tokens.push({ type: 'ident', name, pos: start });
			}
			continue;
		}
		throw syntaxError(i, text);
	}
	tokens.push({ type: 'end', pos: text.length });
	return tokens;
}

/** A quoted literal starting at text[start] === "'": a doubled quote is one quote. */
function readQuoted(text: string, start: number): { value: string; end: number } {
	let i = start + 1;
	let value = '';
	for (;;) {
		if (i >= text.length) throw badRequest(`Unterminated string literal at position ${start} in '${text}'.`);
		if (text[i] === "'") {
			if (text[i + 1] === "'") {
				value += "'";
				i += 2;
				continue;
			}
			return { value, end: i + 1 };
		}
		value += text[i];
		i++;
	}
}

function typedLiteral(prefix: string, raw: string, pos: number, text: string): Literal {
	const kind = prefix.toLowerCase();
	if (kind === 'guid') {
		if (!isGuid(raw)) throw badRequest(`Unrecognized 'Edm.Guid' literal 'guid'${raw}'' at '${pos}' in '${text}'.`);
		return { kind: 'guid', value: raw.toLowerCase() };
	}
	if (kind === 'datetime' || kind === 'datetimeoffset') {
		const local = parseIsoAsLocal(raw);
		if (local === undefined) {
			throw badRequest(`Unrecognized 'Edm.DateTime' literal '${prefix}'${raw}'' at '${pos}' in '${text}'.`);
		}
		return { kind: 'datetime', value: local };
	}
	throw syntaxError(pos, text);
}

function syntaxError(pos: number, text: string): Error {
	return badRequest(`Syntax error at position ${pos} in '${text}'.`);
}

export function literalToScalar(lit: Literal): Scalar {
	return lit.kind === 'null' ? null : lit.value;
}

function literalClass(lit: Literal): TypeClass {
	switch (lit.kind) {
		case 'string':
			return 'string';
		case 'guid':
			return 'guid';
		case 'datetime':
			return 'datetime';
		case 'number':
			return 'number';
		case 'bool':
			return 'bool';
		default:
			return 'null';
	}
}

// ---------------------------------------------------------------- $filter parser

const COMPARISON = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

/** Function name -> [argument classes, result class]. */
const FUNCTIONS: Record<string, { args: TypeClass[]; optional?: number; result: TypeClass }> = {
	substringof: { args: ['string', 'string'], result: 'bool' },
	startswith: { args: ['string', 'string'], result: 'bool' },
	endswith: { args: ['string', 'string'], result: 'bool' },
	tolower: { args: ['string'], result: 'string' },
	toupper: { args: ['string'], result: 'string' },
	trim: { args: ['string'], result: 'string' },
	length: { args: ['string'], result: 'number' },
	indexof: { args: ['string', 'string'], result: 'number' },
	substring: { args: ['string', 'number', 'number'], optional: 1, result: 'string' },
	concat: { args: ['string', 'string'], result: 'string' },
	year: { args: ['datetime'], result: 'number' },
	month: { args: ['datetime'], result: 'number' },
	day: { args: ['datetime'], result: 'number' },
	hour: { args: ['datetime'], result: 'number' },
	minute: { args: ['datetime'], result: 'number' },
	second: { args: ['datetime'], result: 'number' },
	round: { args: ['number'], result: 'number' },
	floor: { args: ['number'], result: 'number' },
	ceiling: { args: ['number'], result: 'number' },
};

class FilterParser {
	private i = 0;

	constructor(
		private readonly tokens: Token[],
		private readonly text: string,
		private readonly types: FieldTypes,
		private readonly typeName: string,
	) {}

	parse(): Node {
		const node = this.parseOr();
		const tok = this.peek();
		if (tok.type !== 'end') throw syntaxError(tok.pos, this.text);
		if (node.cls !== 'bool') {
			throw badRequest(`Expression of type '${CLR_NAMES[node.cls]}' expected to be of type 'System.Boolean' in '${this.text}'.`);
		}
		return node;
	}

	private peek(): Token {
		return this.tokens[this.i];
	}

	private isWord(word: string): boolean {
		const tok = this.peek();
		return tok.type === 'ident' && tok.name === word;
	}

	private expectPunct(value: '(' | ')' | ','): void {
		const tok = this.peek();
		if (tok.type !== 'punct' || tok.value !== value) {
			throw badRequest(`'${value}' expected at position ${tok.pos} in '${this.text}'.`);
		}
		this.i++;
	}

	private parseOr(): Node {
		let left = this.parseAnd();
		while (this.isWord('or')) {
			const pos = this.peek().pos;
			this.i++;
			const right = this.parseAnd();
			left = this.logical('or', left, right, pos);
		}
		return left;
	}

	private parseAnd(): Node {
		let left = this.parseComparison();
		while (this.isWord('and')) {
			const pos = this.peek().pos;
			this.i++;
			const right = this.parseComparison();
			left = this.logical('and', left, right, pos);
		}
		return left;
	}

	private logical(op: string, left: Node, right: Node, pos: number): Node {
		for (const side of [left, right]) {
			if (side.cls !== 'bool' && side.cls !== 'null') {
				throw badRequest(
					`Operator '${op}' incompatible with operand types '${CLR_NAMES[left.cls]}' and '${CLR_NAMES[right.cls]}' at position ${pos}.`,
				);
			}
		}
		return { t: 'bin', op, left, right, cls: 'bool', pos };
	}

	private parseComparison(): Node {
		let left = this.parseUnary();
		for (;;) {
			const tok = this.peek();
			if (tok.type !== 'ident' || !COMPARISON.has(tok.name)) return left;
			this.i++;
			const right = this.parseUnary();
			const compatible =
				left.cls === right.cls || left.cls === 'null' || right.cls === 'null';
			if (!compatible) {
				throw badRequest(
					`Operator '${tok.name}' incompatible with operand types '${CLR_NAMES[left.cls]}' and '${CLR_NAMES[right.cls]}' at position ${tok.pos}.`,
				);
			}
			left = { t: 'bin', op: tok.name, left, right, cls: 'bool', pos: tok.pos };
		}
	}

	private parseUnary(): Node {
		if (this.isWord('not')) {
			const pos = this.peek().pos;
			this.i++;
			const arg = this.parseUnary();
			if (arg.cls !== 'bool' && arg.cls !== 'null') {
				throw badRequest(`Operator 'not' incompatible with operand type '${CLR_NAMES[arg.cls]}' at position ${pos}.`);
			}
			return { t: 'not', arg, cls: 'bool', pos };
		}
		return this.parsePrimary();
	}

	private parsePrimary(): Node {
		const tok = this.peek();
		if (tok.type === 'punct' && tok.value === '(') {
			this.i++;
			const inner = this.parseOr();
			this.expectPunct(')');
			return inner;
		}
		if (tok.type === 'lit') {
			this.i++;
			return { t: 'lit', value: literalToScalar(tok.lit), cls: literalClass(tok.lit), pos: tok.pos };
		}
		if (tok.type === 'ident') {
			this.i++;
			const next = this.peek();
			if (next.type === 'punct' && next.value === '(') return this.parseCall(tok.name, tok.pos);
			if (next.type === 'punct' && next.value === '/') {
				throw badRequest(`Navigation properties are not supported in $filter: '${tok.name}' at position ${tok.pos}.`);
			}
			const edm = this.types[tok.name];
			if (!edm || !isEdm(edm)) {
				throw badRequest(`No property '${tok.name}' exists in type '${this.typeName}' at position ${tok.pos}.`);
			}
			return { t: 'prop', name: tok.name, edm, cls: classOfEdm(edm), pos: tok.pos };
		}
		throw badRequest(`Expression expected at position ${tok.pos} in '${this.text}'.`);
	}

	private parseCall(name: string, pos: number): Node {
		const spec = FUNCTIONS[name];
		if (!spec) throw badRequest(`Unknown function '${name}' at position ${pos} in '${this.text}'.`);
		this.expectPunct('(');
		const args: Node[] = [];
		const closing = this.peek();
		if (!(closing.type === 'punct' && closing.value === ')')) {
			args.push(this.parseOr());
			while (this.peek().type === 'punct' && (this.peek() as { value: string }).value === ',') {
				this.i++;
				args.push(this.parseOr());
			}
		}
		this.expectPunct(')');
		const min = spec.args.length - (spec.optional ?? 0);
		const badArgs =
			args.length < min ||
			args.length > spec.args.length ||
			args.some((a, idx) => a.cls !== spec.args[idx] && a.cls !== 'null');
		if (badArgs) {
			throw badRequest(
				`No applicable function found for '${name}' at position ${pos} with the specified arguments. The functions considered are: ${name}(${spec.args.map((c) => CLR_NAMES[c]).join(', ')}).`,
			);
		}
		return { t: 'call', fn: name, args, cls: spec.result, pos };
	}
}

export type Filter = (record: ExactRecord) => boolean;

/** Parse and type-check a $filter against the endpoint's fields; throws a 400 ExactHttpError when invalid. */
export function parseFilter(text: string, types: FieldTypes, typeName: string): Filter {
	const tree = new FilterParser(tokenize(text), text, types, typeName).parse();
	return (record) => evaluate(tree, record) === true;
}

function asText(value: Scalar): string | null {
	return value === null ? null : String(value);
}

/** Strings compare like SQL Server: case-insensitive, trailing spaces ignored (leading spaces count). */
function textKey(value: string): string {
	return value.replace(/ +$/, '').toLowerCase();
}

function evaluate(node: Node, record: ExactRecord): Scalar {
	switch (node.t) {
		case 'lit':
			return node.value;
		case 'prop':
			return normalize(record[node.name], node.edm);
		case 'not': {
			const v = evaluate(node.arg, record);
			return v === null ? null : !v;
		}
		case 'bin': {
			if (node.op === 'and') return evaluate(node.left, record) === true && evaluate(node.right, record) === true;
			if (node.op === 'or') return evaluate(node.left, record) === true || evaluate(node.right, record) === true;
			return compareOp(node.op, evaluate(node.left, record), evaluate(node.right, record));
		}
		case 'call':
			return callFunction(node.fn, node.args.map((a) => evaluate(a, record)));
	}
}

function compareOp(op: string, a: Scalar, b: Scalar): boolean {
	if (a === null || b === null) {
		if (op === 'eq') return a === b;
		if (op === 'ne') return a !== b;
		return false;
	}
	if (typeof a === 'string' && typeof b === 'string') {
		const ka = textKey(a);
		const kb = textKey(b);
		if (op === 'eq') return ka === kb;
		if (op === 'ne') return ka !== kb;
		return relational(op, ka < kb ? -1 : ka > kb ? 1 : 0);
	}
	if (op === 'eq') return a === b;
	if (op === 'ne') return a !== b;
	return relational(op, a < b ? -1 : a > b ? 1 : 0);
}

function relational(op: string, cmp: number): boolean {
	switch (op) {
		case 'gt':
			return cmp > 0;
		case 'ge':
			return cmp >= 0;
		case 'lt':
			return cmp < 0;
		default:
			return cmp <= 0;
	}
}

function callFunction(fn: string, args: Scalar[]): Scalar {
	const [a, b, c] = args;
	const sa = asText(a);
	const sb = asText(b);
	switch (fn) {
		case 'substringof':
			return sa !== null && sb !== null && sb.toLowerCase().includes(sa.toLowerCase());
		case 'startswith':
			return sa !== null && sb !== null && sa.toLowerCase().startsWith(sb.toLowerCase());
		case 'endswith':
			return sa !== null && sb !== null && sa.toLowerCase().endsWith(sb.toLowerCase());
		case 'tolower':
			return sa === null ? null : sa.toLowerCase();
		case 'toupper':
			return sa === null ? null : sa.toUpperCase();
		case 'trim':
			return sa === null ? null : sa.trim();
		case 'length':
			return sa === null ? null : sa.length;
		case 'indexof':
			return sa === null || sb === null ? null : sa.toLowerCase().indexOf(sb.toLowerCase());
		case 'substring':
			return sa === null ? null : sa.substr(Number(b), c === undefined ? undefined : Number(c));
		case 'concat':
			return (sa ?? '') + (sb ?? '');
		case 'round':
			return a === null ? null : Math.round(Number(a));
		case 'floor':
			return a === null ? null : Math.floor(Number(a));
		case 'ceiling':
			return a === null ? null : Math.ceil(Number(a));
		default: {
			if (a === null) return null;
			const d = new Date(Number(a));
			const parts: Record<string, number> = {
				year: d.getUTCFullYear(),
				month: d.getUTCMonth() + 1,
				day: d.getUTCDate(),
				hour: d.getUTCHours(),
				minute: d.getUTCMinutes(),
				second: d.getUTCSeconds(),
			};
			return parts[fn] ?? null;
		}
	}
}

// ---------------------------------------------------------------- ordering and $skiptoken

/** Sort order of two comparable values: nulls first, strings case-insensitive (SQL Server style). */
export function compareScalars(a: Scalar, b: Scalar): number {
	if (a === b) return 0;
	if (a === null) return -1;
	if (b === null) return 1;
	if (typeof a === 'string' && typeof b === 'string') {
		const ka = a.toLowerCase();
		const kb = b.toLowerCase();
		if (ka !== kb) return ka < kb ? -1 : 1;
		return a < b ? -1 : a > b ? 1 : 0;
	}
	return a < b ? -1 : a > b ? 1 : 0;
}

/** An OData literal for a value, as written into $skiptoken. */
export function formatLiteral(value: Scalar, edm: string): string {
	if (value === null) return 'null';
	if (edm === 'Edm.Guid') return `guid'${value}'`;
	if (edm === 'Edm.DateTime') return `datetime'${localIso(Number(value))}'`;
	if (edm === 'Edm.Int64') return `${value}L`;
	if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
	return String(value);
}

/** The values of a $skiptoken ("guid'…'" or "123L,guid'…'"), in comparable form. */
export function parseSkiptoken(text: string, count: number): Scalar[] {
	const invalid = () => badRequest(`The skip token value '${text}' is not valid.`);
	let tokens: Token[];
	try {
		tokens = tokenize(text);
	} catch {
		throw invalid();
	}
	const values: Scalar[] = [];
	for (let i = 0; i < tokens.length - 1; i++) {
		const tok = tokens[i];
		if (i % 2 === 1) {
			if (tok.type !== 'punct' || tok.value !== ',') throw invalid();
			continue;
		}
		if (tok.type !== 'lit') throw invalid();
		values.push(literalToScalar(tok.lit));
	}
	if (values.length !== count) throw invalid();
	return values;
}

// ---------------------------------------------------------------- $select, $orderby, $expand, $top

/** Field names of a $select; '*' or absent means every field. */
export function parseSelect(text: string, types: FieldTypes, typeName: string): string[] {
	const names: string[] = [];
	let pos = 0;
	for (const part of text.split(',')) {
		const name = part.trim();
		if (name === '*') {
			names.push(...Object.keys(types));
		} else if (!name || !Object.prototype.hasOwnProperty.call(types, name)) {
			throw badRequest(`No property '${name}' exists in type '${typeName}' at position ${pos}.`);
		} else if (!names.includes(name)) {
			names.push(name);
		}
		pos += part.length + 1;
	}
	return names;
}

export interface OrderKey {
	field: string;
	desc: boolean;
}

export function parseOrderBy(text: string, types: FieldTypes, typeName: string): OrderKey[] {
	const keys: OrderKey[] = [];
	let pos = 0;
	for (const part of text.split(',')) {
		const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/.exec(part);
		if (!m) throw badRequest(`Syntax error at position ${pos} in '${text}'.`);
		const edm = types[m[1]];
		if (!edm || !isEdm(edm)) throw badRequest(`No property '${m[1]}' exists in type '${typeName}' at position ${pos}.`);
		keys.push({ field: m[1], desc: m[2] === 'desc' });
		pos += part.length + 1;
	}
	return keys;
}

export function parseExpand(text: string, allowed: string[], typeName: string): string[] {
	const names = text.split(',').map((s) => s.trim());
	for (const name of names) {
		if (!allowed.includes(name)) {
			throw badRequest(`No property '${name}' exists in type '${typeName}' at position 0.`);
		}
	}
	return names;
}

export function parseTop(text: string): number {
	if (!/^\d+$/.test(text.trim())) throw badRequest(`Incorrect format for $top argument '${text}'.`);
	return Number(text);
}
