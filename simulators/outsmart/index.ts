/**
 * A protocol-faithful fake of OutSmart's Open API v8 (the Dutch field-service app), our ground truth since we
 * have no OutSmart account. See README.md beside this file for the endpoints, quirks, admin routes and seeds.
 *
 *   const sim = await startOutSmartSimulator({ seed: demoSeed() });
 *   sim.url  // http://127.0.0.1:PORT/openapi/8  (credential baseUrl)
 *   sim.state.stats().statusChangedByRead
 *   await sim.close();
 */
import type { AmountStyle } from './formats';
import { seedByName } from './seed';
import { listen } from './server';
import { type OutSmartSeed, OutSmartState } from './state';

export interface OutSmartSimulatorOptions {
	/** Port to listen on; 0 (default) picks a free one. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** The customer token that is accepted. Default 'demo-token'. */
	token?: string;
	/** The software token that is accepted. Default 'demo-software-token'. */
	softwareToken?: string;
	/** When true, every request without the header `x-forwarded-proto: https` gets code 1006. Default false. */
	enforceHttps?: boolean;
	/** Data to start with: a seed object, or the name of a built-in seed ('demo' or 'empty'). Default empty. */
	seed?: OutSmartSeed | 'demo' | 'empty';
	/** Decimal-comma amounts >= 1000: 'plain' ("1234,50", default) or 'thousands' ("1.234,50"). */
	amountStyle?: AmountStyle;
	/** Clock for CreationDate, OrderNr years and log times. Default: the real clock. */
	now?: () => Date;
}

export interface OutSmartSimulator {
	/** Base URL including /openapi/8, no trailing slash: use it as the credential's baseUrl. */
	url: string;
	/** The server root (admin at `${root}/__admin/`). */
	root: string;
	close(): Promise<void>;
	/** The same functions as the admin API, in-process. */
	state: OutSmartState;
}

export async function startOutSmartSimulator(options: OutSmartSimulatorOptions = {}): Promise<OutSmartSimulator> {
	const state = new OutSmartState({
		token: options.token ?? 'demo-token',
		softwareToken: options.softwareToken ?? 'demo-software-token',
		amountStyle: options.amountStyle ?? 'plain',
		now: options.now ?? (() => new Date()),
	});
	const listening = await listen(state, {
		host: options.host ?? '127.0.0.1',
		port: options.port ?? 0,
		enforceHttps: options.enforceHttps ?? false,
	});
	const seed = typeof options.seed === 'string' ? seedByName(options.seed) : options.seed;
	if (seed) state.reset(seed);
	return { url: `${listening.root}/openapi/8`, root: listening.root, close: listening.close, state };
}

export { OutSmartState } from './state';
export type { CallLogEntry, OutSmartSeed, OutSmartStats, SeedWorkorder } from './state';
export { customerFieldsOf, DEMO_EMPLOYEES, DEMO_WORKSTATUSSES, demoSeed, emptySeed, seedByName } from './seed';
export type { DemoSeedOptions } from './seed';
export type { Fault, FaultKind, FaultSpec } from './faults';
export type { CompleteOptions, StatusChange, WorkorderStatus } from './workorders';
export { WORKORDER_STATUSES, REQUIRED_WORKORDER_FIELDS } from './workorders';
export { CODE_TEXT } from './envelope';
export type { Envelope } from './envelope';
export type { AmountStyle } from './formats';
export type { UpsertResult } from './records';
