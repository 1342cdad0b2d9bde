/**
 * Code look-ups of an item operation asked for the whole run at once: the first item that needs an entity's
 * codes looks up those of every item of the run (one `or` filter per 20 codes, see lookupByCodes), and the
 * others find theirs in the run's cache. A per-item operation would otherwise cost one read per new code.
 */
import type { IDataObject } from 'n8n-workflow';
import type { RunScope } from '../../shared/router';
import type { ExactEntity } from '../entity/definitions';
import { type CodeCache, lookupByCodes } from '../entity/lookups';
import type { ExactContext } from '../transport';

/** The run's cache of an entity's codes (shared by every operation of the run that looks that entity up). */
export function runCodeCache(run: RunScope, entity: ExactEntity): CodeCache {
	return run.cache<IDataObject | null>(`codes:${entity.path}`);
}

/**
 * The records of `codes` (null when unknown), looked up together with the codes of the whole run
 * (`codesOfRun`); what the run already knows is not asked again.
 */
export async function lookupForRun(
	this: ExactContext,
	run: RunScope,
	options: { entity: ExactEntity; select: string[]; itemIndex: number },
	codes: string[],
	codesOfRun: string[],
): Promise<Map<string, IDataObject | null>> {
	const { entity, select, itemIndex } = options;
	const wanted = codes.map((code) => code.trim()).filter(Boolean);
	const found = await lookupByCodes.call(this, entity, [...wanted, ...codesOfRun], select, { cache: runCodeCache(run, entity), itemIndex });
	return new Map(wanted.map((code) => [code, found.get(code) ?? null]));
}
