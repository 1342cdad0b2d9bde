/**
 * Finding earlier exports by their reference (YourRef = the work order number), in batches for a whole
 * run, and a lock so that two executions in one n8n process never write the same work order at once.
 */
import type { IDataObject } from 'n8n-workflow';
import { odataString } from '../odata';
import { exactGetAnyOf, type ExactContext } from '../transport';
import type { DocumentKind } from './documents';

const found = new WeakMap<object, Map<string, IDataObject | null>>();

/** One cache per node run (the context object), keyed by document path and reference. */
function cacheFor(context: object): Map<string, IDataObject | null> {
	let cache = found.get(context);
	if (!cache) {
		cache = new Map();
		found.set(context, cache);
	}
	return cache;
}

function select(kind: DocumentKind): string {
	return [kind.key, kind.numberField, 'YourRef'].join(',');
}

/** The earlier documents of these references; `fresh` skips the run's cache (after a lost answer). */
export async function findByReferences(
	this: ExactContext,
	kind: DocumentKind,
	references: string[],
	options: { fresh?: boolean; itemIndex?: number } = {},
): Promise<Map<string, IDataObject | null>> {
	const cache = cacheFor(this);
	const cacheKey = (ref: string) => `${kind.path}|${ref}`;
	const wanted = [...new Set(references.filter(Boolean))];
	const missing = options.fresh ? wanted : wanted.filter((ref) => !cache.has(cacheKey(ref)));
	const records = await exactGetAnyOf.call(this, {
		path: kind.path,
		select: select(kind),
		values: missing,
		condition: (ref) => `YourRef eq ${odataString(ref)}`,
		itemIndex: options.itemIndex,
	});
	for (const ref of missing) cache.set(cacheKey(ref), null);
	for (const record of records) cache.set(cacheKey(String(record.YourRef ?? '').trim()), record);
	return new Map(wanted.map((ref) => [ref, cache.get(cacheKey(ref)) ?? null]));
}

export function rememberReference(this: ExactContext, kind: DocumentKind, reference: string, record: IDataObject): void {
	cacheFor(this).set(`${kind.path}|${reference}`, record);
}

const inFlight = new Map<string, Promise<unknown>>();

/**
 * Runs `task` only after any other task with the same key (in this process) has finished. The task is told
 * whether it waited: then the other one may just have written, and what the run cached is stale.
 */
export async function withReferenceLock<T>(key: string, task: (waited: boolean) => Promise<T>): Promise<T> {
	const previous = inFlight.get(key);
	const run = (previous ?? Promise.resolve()).catch(() => undefined).then(() => task(previous !== undefined));
	const settled = run.catch(() => undefined);
	inFlight.set(key, settled);
	try {
		return await run;
	} finally {
		if (inFlight.get(key) === settled) inFlight.delete(key);
	}
}
