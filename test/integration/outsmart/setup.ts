/** A fake OutSmart with the demo seed, and the OutSmart credential that points at it. */
import type { IDataObject } from 'n8n-workflow';

import { type OutSmartSimulator, type OutSmartSimulatorOptions, demoSeed, startOutSmartSimulator } from '../../../simulators/outsmart';
import type { CredentialData } from '../../harness/http';

export const TOKEN = 'tok-Geheim-7734';
export const SOFTWARE_TOKEN = 'sw-Geheim-9912';

export async function startOutSmart(options: OutSmartSimulatorOptions = {}): Promise<OutSmartSimulator> {
	return await startOutSmartSimulator({ token: TOKEN, softwareToken: SOFTWARE_TOKEN, seed: demoSeed(), ...options });
}

export function credentials(sim: OutSmartSimulator, overrides: Partial<CredentialData> = {}): { outSmartApi: CredentialData } {
	return { outSmartApi: { baseUrl: sim.url, token: TOKEN, softwareToken: SOFTWARE_TOKEN, ...overrides } };
}

/** A resource locator value as the editor stores it. */
export const byNumber = (value: string) => ({ __rl: true, mode: 'workorderNo', value });
export const byRowId = (value: string | number) => ({ __rl: true, mode: 'rowId', value: String(value) });

/** Everything a run produced that a user or a log could see, as one string (for "no secret anywhere"). */
export function visible(run: { output?: unknown; error?: unknown; host: { logs: unknown[] } }): string {
	const error = run.error as (Error & Record<string, unknown>) | undefined;
	return JSON.stringify({
		output: run.output,
		logs: run.host.logs,
		error: error && { message: error.message, description: error.description, context: error.context, stack: error.stack, errorResponse: error.errorResponse, cause: error.cause },
	});
}

export type Json = IDataObject;

/** The suite's fake OutSmart: started before all tests, back to the demo seed before each, closed after all. */
export function useOutSmartSimulator(options: OutSmartSimulatorOptions = {}): { readonly sim: OutSmartSimulator } {
	let started: OutSmartSimulator | undefined;
	beforeAll(async () => {
		started = await startOutSmart(options);
	});
	afterAll(async () => started?.close());
	beforeEach(() => started?.state.reset(demoSeed()));
	return {
		get sim() {
			if (!started) throw new Error('The simulator starts in beforeAll: use it inside a test');
			return started;
		},
	};
}
