/**
 * What a `$filter` means, independent of how it was written: a small OData v3 parser (the subset Exact speaks)
 * that turns filter text into a tree without parentheses, with `and`/`or` chains flattened, so that two filters
 * with the same meaning give the same tree. Used to check that user text in a filter stays one literal: the
 * filter the simulator received must parse to exactly the tree the test expects for that value.
 *
 * Written from the OData v3 grammar, not from our nodes' filter code or the simulator's parser: a literal is
 * `'...'` with `''` for a quote inside; `guid'…'`, `datetime'…'`; numbers with an optional `L`; true/false/null.
 * An evaluator with Exact's string semantics (case-insensitive, trailing spaces ignored by `eq`) gives the
 * records a filter should return.
 */

export type Ast =
	| { t: 'string'; value: string }
	| { t: 'guid'; value: string }
	| { t: 'datetime'; value: string }
	| { t: 'number'; value: number; long: boolean }
	| { t: 'bool'; value: boolean }
	| { t: 'null' }
	| { t: 'prop'; name: string }
	| { t: 'call'; fn: string; args: Ast[] }
	| { t: 'cmp'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; left: Ast; right: Ast }
	| { t: 'not'; arg: Ast }
	| { t: 'and' | 'or'; args: Ast[] };

type Token =
	| { k: 'lit'; ast: Ast; pos: number }
	| { k: 'ident'; name: string; pos: number }
	| { k: 'punct'; value: '(' | ')' | ','; pos: number }
	| { k: 'end'; pos: number };

export class ODataSyntaxError extends Error {}

function readQuoted(text: string, start: number): { value: string; end: number } {
	let value = '';
	let i = start + 1;
	for (;;) {
		if (i >= text.length) throw new ODataSyntaxError(`unterminated string literal at ${start}`);
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

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const ch = text[i];
		if (/\s/.test(ch)) {
			i++;
			continue;
		}
		if (ch === '(' || ch === ')' || ch === ',') {
			tokens.push({ k: 'punct', value: ch, pos: i });
			i++;
			continue;
		}
		if (ch === "'") {
			const { value, end } = readQuoted(text, i);
			tokens.push({ k: 'lit', ast: { t: 'string', value }, pos: i });
			i = end;
			continue;
		}
		const number = /^-?\d+(\.\d+)?(L)?/.exec(text.slice(i));
		if (number) {
			tokens.push({ k: 'lit', ast: { t: 'number', value: Number(number[0].replace(/L$/, '')), long: number[2] === 'L' }, pos: i });
			i += number[0].length;
			continue;
		}
		const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
		if (!ident) throw new ODataSyntaxError(`unexpected ${JSON.stringify(ch)} at ${i}`);
		const name = ident[0];
		const start = i;
		i += name.length;
		if (text[i] === "'" && (name === 'guid' || name === 'datetime')) {
			const { value, end } = readQuoted(text, i);
			tokens.push({ k: 'lit', ast: { t: name, value }, pos: start });
			i = end;
		} else if (name === 'true' || name === 'false') {
			tokens.push({ k: 'lit', ast: { t: 'bool', value: name === 'true' }, pos: start });
		} else if (name === 'null') {
			tokens.push({ k: 'lit', ast: { t: 'null' }, pos: start });
		} else {
			tokens.push({ k: 'ident', name, pos: start });
		}
	}
	tokens.push({ k: 'end', pos: text.length });
	return tokens;
}

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

/** Parses a $filter into its meaning; throws ODataSyntaxError when it is not one well-formed expression. */
export function parseFilter(text: string): Ast {
	const tokens = tokenize(text);
	let i = 0;
	const peek = () => tokens[i];
	const isWord = (word: string) => {
		const tok = peek();
		return tok.k === 'ident' && tok.name === word;
	};
	const expect = (value: '(' | ')' | ',') => {
		const tok = peek();
		if (tok.k !== 'punct' || tok.value !== value) throw new ODataSyntaxError(`'${value}' expected at ${tok.pos}`);
		i++;
	};
	const chain = (t: 'and' | 'or', next: () => Ast): Ast => {
		const args = [next()];
		while (isWord(t)) {
			i++;
			args.push(next());
		}
		if (args.length === 1) return args[0];
		return { t, args: args.flatMap((a) => (a.t === t ? a.args : [a])) };
	};
	const parseOr = (): Ast => chain('or', parseAnd);
	const parseAnd = (): Ast => chain('and', parseComparison);
	const parseComparison = (): Ast => {
		let left = parseUnary();
		for (;;) {
			const tok = peek();
			if (tok.k !== 'ident' || !COMPARISONS.has(tok.name)) return left;
			i++;
			left = { t: 'cmp', op: tok.name as 'eq', left, right: parseUnary() };
		}
	};
	const parseUnary = (): Ast => {
		if (isWord('not')) {
			i++;
			return { t: 'not', arg: parseUnary() };
		}
		return parsePrimary();
	};
	const parsePrimary = (): Ast => {
		const tok = peek();
		if (tok.k === 'punct' && tok.value === '(') {
			i++;
			const inner = parseOr();
			expect(')');
			return inner;
		}
		if (tok.k === 'lit') {
			i++;
			return tok.ast;
		}
		if (tok.k === 'ident') {
			i++;
			const next = peek();
			if (next.k === 'punct' && next.value === '(') {
				i++;
				const args: Ast[] = [];
				if (!(peek().k === 'punct' && (peek() as { value: string }).value === ')')) {
					args.push(parseOr());
					while (peek().k === 'punct' && (peek() as { value: string }).value === ',') {
						i++;
						args.push(parseOr());
					}
				}
				expect(')');
				return { t: 'call', fn: tok.name, args };
			}
			return { t: 'prop', name: tok.name };
		}
		throw new ODataSyntaxError(`expression expected at ${tok.pos}`);
	};
	const tree = parseOr();
	if (peek().k !== 'end') throw new ODataSyntaxError(`unexpected text at ${peek().pos}`);
	return tree;
}

/** A canonical text of a tree (JSON), to compare meanings and to use as a map key. */
export function meaningKey(ast: Ast): string {
	return JSON.stringify(ast);
}

// ------------------------------------------------------------------ building expected meanings

export const str = (value: string): Ast => ({ t: 'string', value });
export const prop = (name: string): Ast => ({ t: 'prop', name });
export const eq = (field: string, value: Ast): Ast => ({ t: 'cmp', op: 'eq', left: prop(field), right: value });
export const contains = (field: string, value: string): Ast => ({
	t: 'cmp',
	op: 'eq',
	left: { t: 'call', fn: 'substringof', args: [str(value), prop(field)] },
	right: { t: 'bool', value: true },
});
export const startsWith = (field: string, value: string): Ast => ({
	t: 'cmp',
	op: 'eq',
	left: { t: 'call', fn: 'startswith', args: [prop(field), str(value)] },
	right: { t: 'bool', value: true },
});
export const and = (...args: Ast[]): Ast => (args.length === 1 ? args[0] : { t: 'and', args });
export const or = (...args: Ast[]): Ast => (args.length === 1 ? args[0] : { t: 'or', args });

// ------------------------------------------------------------------ evaluating (Exact's string semantics)

type Value = string | number | boolean | null;

/** Exact (SQL Server) compares text case-insensitively and ignores trailing spaces; leading spaces count. */
const textKey = (value: string): string => value.replace(/ +$/, '').toLowerCase();

function evaluate(ast: Ast, record: Record<string, unknown>): Value {
	switch (ast.t) {
		case 'string':
		case 'guid':
		case 'datetime':
			return ast.t === 'guid' ? ast.value.toLowerCase() : ast.value;
		case 'number':
		case 'bool':
			return ast.value;
		case 'null':
			return null;
		case 'prop': {
			const value = record[ast.name];
			if (value === undefined || value === null) return null;
			return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value) ? value.toLowerCase() : (value as Value);
		}
		case 'and':
			return ast.args.every((a) => evaluate(a, record) === true);
		case 'or':
			return ast.args.some((a) => evaluate(a, record) === true);
		case 'not': {
			const value = evaluate(ast.arg, record);
			return value === null ? null : !value;
		}
		case 'cmp': {
			const left = evaluate(ast.left, record);
			const right = evaluate(ast.right, record);
			if (left === null || right === null) return ast.op === 'eq' ? left === right : ast.op === 'ne' ? left !== right : false;
			const [a, b] = typeof left === 'string' && typeof right === 'string' ? [textKey(left), textKey(right)] : [left, right];
			if (ast.op === 'eq') return a === b;
			if (ast.op === 'ne') return a !== b;
			throw new Error(`evaluate: ${ast.op} is not needed by these tests`);
		}
		case 'call': {
			const [a, b] = ast.args.map((arg) => evaluate(arg, record));
			if (a === null || b === null) return false;
			if (ast.fn === 'substringof') return String(b).toLowerCase().includes(String(a).toLowerCase());
			if (ast.fn === 'startswith') return String(a).toLowerCase().startsWith(String(b).toLowerCase());
			throw new Error(`evaluate: ${ast.fn}() is not needed by these tests`);
		}
	}
}

/** The records a filter selects. */
export function select<T extends Record<string, unknown>>(records: T[], filter: Ast): T[] {
	return records.filter((record) => evaluate(filter, record) === true);
}
