/**
 * Injected faults, to test how clients cope with a misbehaving OutSmart or network.
 *
 * kinds:
 * - `code`: answer with an error envelope `{code, messages, response: null}` (HTTP `status`, default 200);
 * - `http`: answer with HTTP `status` (default 500) and a non-envelope HTML body (a proxy or PHP fatal error);
 * - `hang`: never answer (the socket stays open until the client gives up or the simulator closes);
 * - `drop`: close the connection without any answer;
 * - `delay`: wait `delayMs`, then handle the request normally;
 * - `write-then-drop`: handle the request normally (the write HAPPENS), then send half the answer and cut the
 *   connection - the client cannot know whether its write was applied.
 * `match.path` is an endpoint name ("GetWorkorders", case-insensitive) or, when it starts with "/", a prefix of
 * the URL path; `match.method` an HTTP method. `times` limits how often the fault fires (default: until cleared).
 */

export type FaultKind = 'code' | 'http' | 'hang' | 'drop' | 'delay' | 'write-then-drop';

export interface FaultSpec {
	match?: { path?: string; method?: string };
	kind: FaultKind;
	code?: number;
	messages?: string[];
	status?: number;
	delayMs?: number;
	times?: number;
}

export interface Fault extends FaultSpec {
	id: number;
	fired: number;
}

const KINDS: readonly FaultKind[] = ['code', 'http', 'hang', 'drop', 'delay', 'write-then-drop'];

export function validateFault(spec: unknown): FaultSpec {
	if (typeof spec !== 'object' || spec === null) throw new Error('A fault must be an object');
	const fault = spec as FaultSpec;
	if (!KINDS.includes(fault.kind)) throw new Error(`Unknown fault kind: ${String(fault.kind)} (use ${KINDS.join(', ')})`);
	if (fault.kind === 'code' && typeof fault.code !== 'number') throw new Error('A code fault needs a numeric code');
	if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1)) {
		throw new Error('times must be a positive integer');
	}
	return fault;
}

export function faultMatches(fault: Fault, method: string, pathname: string, endpoint: string): boolean {
	if (fault.times !== undefined && fault.fired >= fault.times) return false;
	const { path, method: wanted } = fault.match ?? {};
	if (wanted && wanted.toUpperCase() !== method.toUpperCase()) return false;
	if (!path) return true;
	if (path.startsWith('/')) return pathname.startsWith(path);
	return path.replace(/^\/+|\/+$/g, '').toLowerCase() === endpoint.toLowerCase();
}
