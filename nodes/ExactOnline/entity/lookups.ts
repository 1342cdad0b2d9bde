/**
 * Code -> ID lookups that many items of one run need (accounts, items), cached for the node run and
 * fetched in batches: a run that exports 50 work orders with the same materials asks Exact once per
 * batch of codes, not once per line.
 */
import type { IDataObject } from 'n8n-workflow';
import { exactGetAll, type ExactContext } from '../transport';
import { orFilters } from '../odata';
import type { ExactEntity } from './definitions';
import { codeLiteral } from './operations';
import { trimPaddedCode } from '../codes';

/** Codes per call: keeps the URL well below the length proxies accept. */
const BATCH = 20;

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
	const missing = wanted.filter((code) => !cache.has(code));
	for (let start = 0; start < missing.length; start += BATCH) {
		const batch = missing.slice(start, start + BATCH);
		const records = await exactGetAll.call(this, {
			path: entity.path,
			query: {
				$select: [...new Set([entity.key, codeField, ...select])].join(','),
				$filter: orFilters(...batch.map((code) => `${codeField} eq ${codeLiteral(entity, code)}`)),
			},
			itemIndex,
		});
		for (const code of batch) cache.set(code, null);
		for (const record of records) cache.set(trimPaddedCode(String(record[codeField])), record);
	}
	return new Map(wanted.map((code) => [code, cache.get(code) ?? null]));
}
