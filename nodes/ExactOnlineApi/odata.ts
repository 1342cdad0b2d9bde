/**
 * The one place where values become OData v3 literals for Exact's `$filter`. User text never reaches a
 * filter without passing through here: a quote in a name ('s-Hertogenbosch, O'Neill) is doubled, and
 * typed values get the prefix or suffix Exact needs to compare them as that type.
 */
import { toExactFilterDateTime } from './dates';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ODataLiteralError extends Error {}

export function isGuid(value: string): boolean {
	return GUID.test(value.trim());
}

export function odataString(value: string | number): string {
	return `'${String(value).replace(/'/g, "''")}'`;
}

export function odataGuid(value: string): string {
	const trimmed = value.trim();
	if (!isGuid(trimmed)) {
		throw new ODataLiteralError(
			`"${value}" is not an Exact ID: expected a GUID like 3fa85f64-5717-4562-b3fc-2c963f66afa6`,
		);
	}
	return `guid'${trimmed.toLowerCase()}'`;
}

export function odataInt64(value: number | string): string {
	const text = String(value).trim();
	if (!/^-?\d+$/.test(text)) {
		throw new ODataLiteralError(`"${value}" is not a whole number`);
	}
	return `${text}L`;
}

export function odataNumber(value: number): string {
	if (!Number.isFinite(value)) throw new ODataLiteralError(`"${value}" is not a number`);
	return String(value);
}

export function odataBoolean(value: boolean): string {
	return value ? 'true' : 'false';
}

/** A date or date-time (ISO string or Date), compared by Exact in Dutch local time. */
export function odataDateTime(value: string | Date): string {
	return `datetime'${toExactFilterDateTime(value)}'`;
}

/** Joins the non-empty conditions with `and`, wrapping each in parentheses when it holds an `or`. */
export function andFilters(...conditions: Array<string | undefined | false>): string | undefined {
	const parts = conditions.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
	if (parts.length === 0) return undefined;
	if (parts.length === 1) return parts[0];
	return parts.map((p) => (/\sor\s/i.test(p) ? `(${p})` : p)).join(' and ');
}

export function orFilters(...conditions: string[]): string | undefined {
	const parts = conditions.filter((c) => c.trim() !== '');
	if (parts.length === 0) return undefined;
	return parts.join(' or ');
}

/** `substringof('text', Field) eq true`: Exact's case-insensitive "contains". */
export function odataContains(field: string, text: string): string {
	return `substringof(${odataString(text)},${field}) eq true`;
}
