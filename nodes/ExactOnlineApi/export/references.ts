/**
 * Earlier exports of a work order, found by their reference (YourRef = the work order number), in batches for
 * a whole run. A reference alone proves nothing: the document must also be for the work order's customer.
 * Several documents with one reference are possible when two n8n processes wrote at the same moment; they are
 * ordered oldest first, so that every process agrees which one is kept.
 */
import type { IDataObject } from 'n8n-workflow';
import { odataString } from '../odata';
import { exactGetAnyOf, type ExactContext } from '../transport';
import type { DocumentKind } from './documents';

/** The documents one run has seen, per document path and reference (oldest first; empty = none). */
export type ReferenceCache = Map<string, IDataObject[]>;

function select(kind: DocumentKind): string {
	return [kind.key, kind.numberField, 'YourRef', 'OrderedBy', 'OrderedByName', 'Created', 'Status'].join(',');
}

/** Exact's `/Date(1700000000000)/` as a number, for ordering; anything else sorts last. */
function createdAt(record: IDataObject): number {
	const match = /\/Date\((-?\d+)/.exec(String(record.Created ?? ''));
	return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

/** Oldest first: creation time, then document number, then ID, so that two processes always agree. */
export function oldestFirst(kind: DocumentKind, records: IDataObject[]): IDataObject[] {
	const number = (r: IDataObject) => Number(r[kind.numberField] ?? Number.MAX_SAFE_INTEGER);
	return [...records].sort(
		(a, b) => createdAt(a) - createdAt(b) || number(a) - number(b) || String(a[kind.key]).localeCompare(String(b[kind.key])),
	);
}

/**
 * The documents with these references, oldest first. What the run's cache already holds is not asked again
 * unless `fresh` (after a write, or when the answer to a write was lost).
 */
export async function findByReferences(
	this: ExactContext,
	kind: DocumentKind,
	references: string[],
	cache: ReferenceCache,
	options: { fresh?: boolean; itemIndex?: number } = {},
): Promise<Map<string, IDataObject[]>> {
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
	const byRef = new Map<string, IDataObject[]>(missing.map((ref) => [ref, []]));
	for (const record of records) byRef.get(String(record.YourRef ?? '').trim())?.push(record);
	for (const [ref, found] of byRef) cache.set(cacheKey(ref), oldestFirst(kind, found));
	return new Map(wanted.map((ref) => [ref, cache.get(cacheKey(ref)) ?? []]));
}

/** The in-process lock per reference (see shared/keyedLock). */
export { withKeyLock as withReferenceLock } from '../../shared/keyedLock';
