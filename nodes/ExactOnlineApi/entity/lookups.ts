/**
 * Code -> ID lookups that many items of one run need (accounts, items), fetched in batches and kept in a cache
 * the caller owns for its run: a run that exports 50 work orders with the same materials asks Exact once per
 * batch of codes, not once per line.
 */
import type { IDataObject } from 'n8n-workflow';
import { exactGetAnyOf, type ExactContext } from '../transport';
import type { ExactEntity } from './definitions';
import { codeLiteral } from './recordAccess';
import { trimPaddedCode } from '../codes';

/** Records of one entity by code (lower case), null for a code Exact does not know: one per entity and run. */
export type CodeCache = Map<string, IDataObject | null>;

/** Exact compares codes without regard to case (and trailing spaces): so do we, or 'kk-12' would miss KK-12. */
function codeKey(code: string): string {
	return code.trim().toLowerCase();
}

/** Looks up records by code; the answer maps each trimmed code to its record, or null when unknown. */
export async function lookupByCodes(
	this: ExactContext,
	entity: ExactEntity,
	codes: string[],
	select: string[],
	options: { cache: CodeCache; itemIndex?: number },
): Promise<Map<string, IDataObject | null>> {
	const { cache, itemIndex } = options;
	const codeField = entity.codeField as string;
	const wanted = [...new Set(codes.map((c) => c.trim()).filter(Boolean))];
	const missing = new Map<string, string>();
	for (const code of wanted) if (!cache.has(codeKey(code)) && !missing.has(codeKey(code))) missing.set(codeKey(code), code);
	const records = await exactGetAnyOf.call(this, {
		path: entity.path,
		select: [...new Set([entity.key, codeField, ...select])].join(','),
		values: [...missing.values()],
		condition: (code) => `${codeField} eq ${codeLiteral(entity, code)}`,
		itemIndex,
	});
	for (const key of missing.keys()) cache.set(key, null);
	for (const record of records) cache.set(codeKey(trimPaddedCode(String(record[codeField]))), record);
	return new Map(wanted.map((code) => [code, cache.get(codeKey(code)) ?? null]));
}
