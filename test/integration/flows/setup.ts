/** What the flow tests share: both simulators for a suite, and the OutSmart upsert as the templates use it. */
import type { IDataObject } from 'n8n-workflow';
import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import type { OutSmartSimulator } from '../../../simulators/outsmart';
import { jsonOf, runNode } from '../../harness/context';
import { startExact, type ExactFixture } from '../exactSetup';
import { credentials as outSmartCredentials, startOutSmart } from '../outsmart/setup';

export interface FlowWorld {
	readonly exact: ExactFixture;
	readonly outsmart: OutSmartSimulator;
}

/** Both simulators, started before all tests of the suite and closed after them (read them inside tests). */
export function useFlowSimulators(): FlowWorld {
	let exact: ExactFixture | undefined;
	let outsmart: OutSmartSimulator | undefined;
	beforeAll(async () => {
		exact = await startExact();
		outsmart = await startOutSmart();
	});
	afterAll(async () => {
		await exact?.sim.close();
		await outsmart?.close();
	});
	const started = <T>(value: T | undefined): T => {
		if (!value) throw new Error('The simulators start in beforeAll: use them inside a test');
		return value;
	};
	return {
		get exact() {
			return started(exact);
		},
		get outsmart() {
			return started(outsmart);
		},
	};
}

const outSmart = new OutSmart();

/** OutSmart → Create or Update with "Map From Exact Record": its Stored and Refused outputs. */
export async function upsertFromExact(outsmart: OutSmartSimulator, resource: string, items: IDataObject[], upsertOptions: IDataObject = {}) {
	const run = await runNode(outSmart, {
		parameters: { resource, operation: 'upsert', dataMode: 'fromExact', upsertOptions } as never,
		items,
		credentials: outSmartCredentials(outsmart),
	});
	return { stored: jsonOf(run), refused: (run.output?.[1] ?? []).map((item) => item.json) };
}
