/**
 * Code -> ID lookups that many items of one run need (accounts, items), cached for the node run and
 * fetched in batches: a run that exports 50 work orders with the same materials asks Exact once per
 * batch of codes, not once per line.
 */
import type { IDataObject } from 'n8n-workflow';
import { exactGetAnyOf, type ExactContext } from '../transport';
import type { ExactEntity } from './definitions';
import { codeLiteral } from './operations';
import { trimPaddedCode } from '../codes';

const caches = new WeakMap<object, Map<string, Map<string, IDataObject | null>>>();

function cacheFor(context: object, entity: ExactEntity): Map<string, IDataObject | null> {
	let perContext = caches.get(context);
	if (!perContext) {
		perContext = new Map();
		caches.set(context, perContext);
	}
	let perEntity = perContext.get(entity.path);
	if (!perEntity) {
		perEntity = new Map();
		perContext.set(entity.path, perEntity);
	}
	return perEntity;
}

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
	itemIndex?: number,
): Promise<Map<string, IDataObject | null>> {
	const codeField = entity.codeField as string;
	const cache = cacheFor(this, entity);
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
