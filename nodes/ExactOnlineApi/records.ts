/**
 * Turns Exact's OData records into clean n8n items: no `__metadata`, navigation links left out, dates as
 * ISO strings with the Dutch offset, padded codes trimmed. The raw record stays available as an option.
 */
import type { IDataObject } from 'n8n-workflow';
import { trimPaddedCode } from './codes';
import { fromExactDate, isExactDate } from './dates';

function isDeferred(value: unknown): boolean {
	return typeof value === 'object' && value !== null && '__deferred' in value;
}

/** The fields Exact pads: an account's Code and the account codes other records carry (AccountCode, OrderAccountCode, …). */
function isPaddedField(key: string): boolean {
	return key === 'Code' || key.endsWith('AccountCode');
}

function cleanValue(value: unknown, key: string): unknown {
	if (isExactDate(value)) return fromExactDate(value);
	// Only codes: a remark or a name that starts with a space is the user's text and stays as it is.
	if (typeof value === 'string') return isPaddedField(key) ? trimPaddedCode(value) : value;
	if (Array.isArray(value)) return value.map((entry) => cleanValue(entry, key));
	if (typeof value === 'object' && value !== null) {
		const nested = value as IDataObject;
		// Expanded navigation properties arrive as { results: [...] }.
		if (Array.isArray(nested.results) && Object.keys(nested).length === 1) {
			return (nested.results as IDataObject[]).map(cleanRecord);
		}
		return cleanRecord(nested);
	}
	return value;
}

export function cleanRecord(record: IDataObject): IDataObject {
	const clean: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (key === '__metadata' || isDeferred(value)) continue;
		clean[key] = cleanValue(value, key) as IDataObject[keyof IDataObject];
	}
	return clean;
}
