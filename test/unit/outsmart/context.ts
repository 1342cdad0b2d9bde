/**
 * A minimal n8n execution context for transport tests: our code runs unmocked; HTTP goes over the network to
 * the fake OutSmart through the shared harness's `httpRequestWithAuthentication` (test/harness/http.ts), which
 * adds the credential's token and software_token query parameters and throws like n8n does.
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { type HttpLogEntry, makeHttpRequestWithAuthentication } from '../../harness/http';
import type { OutSmartSimulator } from '../../../simulators/outsmart';

export interface TestContext {
	ctx: IExecuteFunctions;
	http: HttpLogEntry[];
	logs: string[];
	credentials: Record<string, unknown>;
}

export const NODE: INode = {
	id: 'node-1',
	name: 'OutSmart',
	type: 'n8n-nodes-exact-outsmart.outSmart',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export function outSmartContext(sim: OutSmartSimulator, credentials: Record<string, unknown> = {}): TestContext {
	const data: Record<string, unknown> = {
		baseUrl: `${sim.url}/`,
		token: 'demo-token',
		softwareToken: 'demo-software-token',
		...credentials,
	};
	const http: HttpLogEntry[] = [];
	const logs: string[] = [];
	const push = (level: string) => (message: string) => logs.push(`${level}: ${message}`);
	const ctx = {
		getNode: () => NODE,
		getCredentials: async () => data,
		logger: { debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') },
		helpers: {
			httpRequestWithAuthentication: makeHttpRequestWithAuthentication(() => NODE, { read: () => data, saveTokens: () => undefined }, http),
		},
	};
	return { ctx: ctx as unknown as IExecuteFunctions, http, logs, credentials: data };
}

/** Everything an error could show or persist, as one string (for "no secret anywhere" checks). */
export function everythingIn(error: unknown): string {
	const e = error as Record<string, unknown> & { toJSON?: () => unknown };
	const seen = new WeakSet<object>();
	const safe = (value: unknown) =>
		JSON.stringify(value, (_key, v: unknown) => {
			if (typeof v === 'object' && v !== null) {
				if (seen.has(v)) return undefined;
				seen.add(v);
			}
			return v;
		});
	return [
		e.message,
		e.description,
		e.stack,
		safe(e.messages),
		safe(e.context),
		safe(e.errorResponse),
		safe(e.cause),
		safe(typeof e.toJSON === 'function' ? e.toJSON() : undefined),
		safe(e),
	].join('\n');
}
