import type { SeedData, SeedSize } from '../seed/types';
import { startServer } from './server';
import { ExactState } from './state';
import type { ExactSimulatorOptions } from './state';

/**
 * A protocol-faithful fake Exact Online server (OAuth2, REST /api/v1 in JSON and Atom, sync/bulk paging, rate
 * and error limits, webhooks) with an admin interface for tests. See README.md in this folder.
 */

export interface ExactSimulator {
	/** e.g. http://127.0.0.1:PORT (no trailing slash). */
	url: string;
	close(): Promise<void>;
	/** In-process access to the same data and admin functions as the /__admin HTTP API. */
	state: ExactState;
}

export async function startExactSimulator(opts: ExactSimulatorOptions = {}): Promise<ExactSimulator> {
	const state = new ExactState(opts);
	const running = await startServer(state, state.options.port, state.options.host);
	state.baseUrl = running.url;
	return { url: running.url, state, close: running.close };
}

export { ExactState };
export type { ExactSimulatorOptions, SeedData, SeedSize };
export type { DivisionAccessInput, FireWebhookInput, LimitsReport, ResolvedOptions } from './state';
export type { ExactStats, CallKind, CallLogEntry } from './stats';
export type { FaultKind, FaultRule, FaultRuleInput } from './faults';
export type { RefreshHistoryEntry, RegisterTokensInput, RefreshOutcome } from './oauth';
export type { ClosedWindow, DivisionUsage, LimitSettings } from './rateLimit';
export type { WebhookDelivery } from './webhooks';
export { webhookHash } from './webhooks';
export { maskToken } from './response';
export { MAIN_DIVISION, SECOND_DIVISION, DEFAULT_USER, DIVISIONS } from './identity';
export { exactDate, localMsFromEpoch, parseExactDate } from './dates';
export { padAccountCode } from './format';
export { EXACT_SEED_FIXTURES, generateExactSeed, SEED_SIZES } from '../seed/exact';
