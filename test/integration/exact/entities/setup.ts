/**
 * Shared by the entity node tests: a simulator per suite, a runner per node, and readable call logs.
 * The credential names the division (1234567), so no current/Me call muddles the call counts: every count
 * below is what the operation itself costs. Functional suites raise the simulator's minutely limit so that
 * many tests in one minute never wait; the rate-limit tests (limits.test.ts) use Exact's real 60.
 */
import type { INodeParameters, INodeType } from 'n8n-workflow';
import { MAIN_DIVISION, type ExactSimulatorOptions } from '../../../../simulators/exact';
import { runNode, type NodeRun, type RunOptions } from '../../../harness/context';
import { resetCredential, startExact, type ExactFixture } from '../../exactSetup';

export const DIVISION = MAIN_DIVISION;

export async function startEntitySimulator(options: ExactSimulatorOptions = {}): Promise<ExactFixture> {
	const exact = await startExact({ minutelyLimit: 100_000, ...options });
	resetCredential(exact, String(DIVISION));
	return exact;
}

export type Runner = (parameters: Record<string, unknown>, extra?: Partial<RunOptions>) => Promise<NodeRun>;

export function runnerFor(exact: ExactFixture, node: INodeType): Runner {
	return async (parameters, extra = {}) =>
		await runNode(node, { parameters: parameters as INodeParameters, credentials: exact.credentials(), ...extra });
}

/** A resource locator value as n8n stores it. */
export function rl(mode: 'list' | 'code' | 'id', value: string) {
	return { __rl: true, mode, value };
}

export interface Call {
	method: string;
	/** Path below /api/v1/{division}/, e.g. "crm/Accounts". */
	path: string;
	/** Decoded query parameters. */
	query: Record<string, string>;
	status?: number;
}

/** The Exact calls a run made, decoded. */
export function callsOf(run: NodeRun | { host: NodeRun['host'] }): Call[] {
	return run.host.http.map((entry) => {
		const url = new URL(entry.url);
		const query: Record<string, string> = {};
		url.searchParams.forEach((value, key) => {
			query[key] = value;
		});
		return {
			method: entry.method,
			path: decodeURIComponent(url.pathname).replace(/^\/api\/v1\/(\d+\/)?/, ''),
			query,
			status: entry.status,
		};
	});
}

/** "GET crm/Accounts" per call. */
export function endpointsOf(run: NodeRun | { host: NodeRun['host'] }): string[] {
	return callsOf(run).map((call) => `${call.method} ${call.path}`);
}

/** ISO 8601 with the Dutch offset, as the nodes hand out Exact dates. */
export const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]:00$/;

/** The suite's simulator and runner, set up before all tests, reset before each, closed after all. */
export interface EntitySuite {
	readonly exact: ExactFixture;
	run: Runner;
}

/**
 * The set-up every entity suite needs: a simulator for the suite (reset before each test) and a runner for the
 * node. Read `exact` inside tests (it exists once beforeAll ran).
 */
export function useEntitySimulator(node: INodeType, options: ExactSimulatorOptions = {}): EntitySuite {
	let fixture: ExactFixture | undefined;
	beforeAll(async () => {
		fixture = await startEntitySimulator(options);
	});
	afterAll(async () => fixture?.sim.close());
	beforeEach(() => fixture?.sim.state.reset());
	return {
		get exact() {
			if (!fixture) throw new Error('The simulator starts in beforeAll: use it inside a test');
			return fixture;
		},
		run: async (parameters, extra = {}) => await runnerFor(fixture as ExactFixture, node)(parameters, extra),
	};
}
