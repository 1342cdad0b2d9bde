import { generateExactSeed } from '../seed/exact';
import type { ExactEntityName, ExactRecord, SeedData, SeedSize } from '../seed/types';
import { ENTITY_SETS, entitySetByName } from './entities';
import type { EntitySetDef } from './entities';
import { ErrorLimiter } from './errorLimit';
import { FaultInjector } from './faults';
import type { FaultRule, FaultRuleInput } from './faults';
import { DEFAULT_USER, DIVISIONS, MAIN_DIVISION, SECOND_DIVISION } from './identity';
import type { DivisionInfo, ExactUser } from './identity';
import { OAuthServer } from './oauth';
import type { RefreshHistoryEntry, RegisterTokensInput } from './oauth';
import { RateLimiter } from './rateLimit';
import type { DivisionUsage, LimitSettings } from './rateLimit';
import { createRecord, deleteRecord, updateRecord } from './rules';
import type { WriteBody, WriteContext } from './rules';
import { Stats } from './stats';
import type { CallLogEntry, ExactStats } from './stats';
import { ExactStore } from './store';
import type { ReadContext } from './views';
import { WebhookDispatcher } from './webhooks';
import type { WebhookDelivery, WebhookEvent } from './webhooks';

/**
 * Everything the simulator knows, shared by the HTTP API, the admin HTTP interface and in-process callers
 * (`sim.state`). One clock (`now()`, advanced by `advanceClock`) drives token expiry, the 570 s refresh rule,
 * rate-limit windows, the error-limit hour and Created/Modified dates.
 */

export interface ExactSimulatorOptions {
	/** 0 = random (default). */
	port?: number;
	/** Default '127.0.0.1'. */
	host?: string;
	clientId?: string;
	clientSecret?: string;
	webhookSecret?: string;
	/** Calls per minute per division (default 60). */
	minutelyLimit?: number;
	/** Calls per day per division (default 5000). */
	dailyLimit?: number;
	/**
	 * Length of the rate limit's "minute" in ms (default 60,000). Benchmarks scale it down (e.g. 5,000) to run at
	 * the cap for several windows in seconds; the reset headers follow it.
	 */
	minuteMs?: number;
	/** Default 600. */
	accessTokenTtlSeconds?: number;
	/** Exact refuses a refresh earlier than this after the last token (default 570). */
	refreshMinIntervalSeconds?: number;
	/** Injectable clock (epoch ms), default Date.now. */
	now?: () => number;
	/**
	 * Exact's "mandatory filtering" (since July 2021, set per app): standard and bulk endpoints of an entity that
	 * has a sync endpoint refuse a collection read without $filter. Default false.
	 */
	mandatoryFiltering?: boolean;
	/** Initial data of the current division (default 'tiny'); division 7654321 always gets a tiny seed of its own. */
	seed?: SeedSize | SeedData;
}

export type ResolvedOptions = Required<Omit<ExactSimulatorOptions, 'seed'>> & { seed: SeedSize | SeedData };

export function resolveOptions(opts: ExactSimulatorOptions = {}): ResolvedOptions {
	return {
		port: opts.port ?? 0,
		host: opts.host ?? '127.0.0.1',
		clientId: opts.clientId ?? 'demo-client-id',
		clientSecret: opts.clientSecret ?? 'demo-client-secret',
		webhookSecret: opts.webhookSecret ?? 'demo-webhook-secret',
		minutelyLimit: opts.minutelyLimit ?? 60,
		dailyLimit: opts.dailyLimit ?? 5000,
		minuteMs: opts.minuteMs ?? 60_000,
		accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 600,
		refreshMinIntervalSeconds: opts.refreshMinIntervalSeconds ?? 570,
		now: opts.now ?? Date.now,
		mandatoryFiltering: opts.mandatoryFiltering ?? false,
		seed: opts.seed ?? 'tiny',
	};
}

export interface LimitsReport {
	minutelyLimit: number;
	dailyLimit: number;
	minuteMs: number;
	divisions: Record<string, DivisionUsage>;
}

export interface FireWebhookInput {
	topic: string;
	action: 'Create' | 'Update' | 'Delete';
	key: string;
	division?: number;
}

export interface DivisionAccessInput {
	/** Divisions the user/app may use (default both seeded divisions). */
	accessible?: number[];
	/** The user's current division (what current/Me answers). */
	current?: number;
}

function isSeedData(value: SeedSize | SeedData): value is SeedData {
	return typeof value === 'object' && value !== null && 'entities' in value;
}

export class ExactState {
	readonly options: ResolvedOptions;

	readonly store = new ExactStore();

	readonly oauth: OAuthServer;

	readonly rateLimiter: RateLimiter;

	readonly errorLimiter: ErrorLimiter;

	readonly faults = new FaultInjector();

	readonly stats = new Stats();

	readonly webhooks: WebhookDispatcher;

	readonly user: ExactUser = DEFAULT_USER;

	/** Base URL the server listens on (no trailing slash); set by the server. */
	baseUrl = '';

	currentDivision = MAIN_DIVISION;

	accessibleDivisions: number[] = [MAIN_DIVISION, SECOND_DIVISION];

	/** Service prefixes (e.g. 'salesinvoice') the app has no scope for. */
	readonly deniedScopes = new Set<string>();

	/** See ExactSimulatorOptions.mandatoryFiltering; setMandatoryFiltering changes it until reset(). */
	mandatoryFiltering: boolean;

	private clockOffset = 0;

	private seedSpec: SeedSize | SeedData;

	private seedCache: SeedData[] | undefined;

	constructor(options: ExactSimulatorOptions = {}) {
		this.options = resolveOptions(options);
		this.mandatoryFiltering = this.options.mandatoryFiltering;
		const now = () => this.now();
		this.oauth = new OAuthServer({
			clientId: this.options.clientId,
			clientSecret: this.options.clientSecret,
			accessTokenTtlSeconds: this.options.accessTokenTtlSeconds,
			refreshMinIntervalSeconds: this.options.refreshMinIntervalSeconds,
			now,
		});
		this.rateLimiter = new RateLimiter(
			now,
			this.options.minutelyLimit,
			this.options.dailyLimit,
			() => this.knownDivisions(),
			this.options.minuteMs,
		);
		this.errorLimiter = new ErrorLimiter(now);
		this.webhooks = new WebhookDispatcher(
			() => this.options.webhookSecret,
			() => this.options.clientId,
			now,
		);
		this.store.onChange((event) => this.autoFire(event.entity, event.action, event.key, event.division));
		this.seedSpec = this.options.seed;
		this.loadSeed();
	}

	// ------------------------------------------------------------ clock

	now(): number {
		return this.options.now() + this.clockOffset;
	}

	/** Move the simulator clock forward (rate-limit windows, token expiry, the 570 s rule). Returns the new time. */
	advanceClock(ms: number): number {
		this.clockOffset += ms;
		return this.now();
	}

	// ------------------------------------------------------------ data

	/** Replace all data by a new seed (it also becomes what reset() returns to). */
	seed(spec: SeedSize | SeedData): void {
		this.seedSpec = spec;
		this.seedCache = undefined;
		this.loadSeed();
	}

	private loadSeed(): void {
		if (!this.seedCache) {
			const main = isSeedData(this.seedSpec) ? this.seedSpec : generateExactSeed(this.seedSpec, { division: MAIN_DIVISION });
			const second = generateExactSeed('tiny', { division: SECOND_DIVISION, seed: 2 });
			this.seedCache = main.division === SECOND_DIVISION ? [main] : [main, second];
		}
		this.store.clear();
		for (const data of this.seedCache) {
			for (const [name, records] of Object.entries(data.entities)) {
				const set = ENTITY_SETS[name as ExactEntityName];
				if (!set || !records) continue;
				for (const record of records) {
					this.store.put(set.name, data.division, set.key, { ...record, Division: data.division });
				}
			}
		}
	}

	/**
	 * Data back to the seed, counters zero, faults and limits back to the options. Tokens stay unless oauth: true;
	 * the clock keeps what advanceClock added unless clock: true.
	 */
	reset(opts: { oauth?: boolean; clock?: boolean } = {}): void {
		if (opts.clock) this.clockOffset = 0;
		this.loadSeed();
		this.resetStats();
		this.errorLimiter.reset();
		this.rateLimiter.reset(this.options.minutelyLimit, this.options.dailyLimit, this.options.minuteMs);
		this.faults.clear();
		this.deniedScopes.clear();
		this.mandatoryFiltering = this.options.mandatoryFiltering;
		this.accessibleDivisions = [MAIN_DIVISION, SECOND_DIVISION];
		this.currentDivision = MAIN_DIVISION;
		if (opts.oauth) this.oauth.clearTokens();
	}

	private entitySet(name: string): EntitySetDef {
		const set = entitySetByName(name);
		if (!set) throw new Error(`Unknown entity set: ${name}`);
		return set;
	}

	writeContext(division: number, validate: boolean): WriteContext {
		return { store: this.store, division, nowEpoch: this.now(), user: this.user, clientId: this.options.clientId, validate };
	}

	readContext(division: number): ReadContext {
		return {
			store: this.store,
			division,
			nowEpoch: this.now(),
			user: this.user,
			divisions: this.divisionInfos(),
			currentDivision: this.currentDivision,
		};
	}

	listRecords(entity: string, division = this.currentDivision): ExactRecord[] {
		return this.store.list(this.entitySet(entity).name, division);
	}

	getRecord(entity: string, id: string, division = this.currentDivision): ExactRecord | undefined {
		return this.store.get(this.entitySet(entity).name, division, id);
	}

	/** Insert as if a user typed it in Exact: no validation, but defaults, numbering, row version, webhooks. */
	insertRecord(entity: string, record: WriteBody, division = this.currentDivision): ExactRecord {
		return createRecord(this.entitySet(entity).name, record, this.writeContext(division, false)).record;
	}

	/** Change fields: new Timestamp and Modified, so sync endpoints see it. */
	updateRecord(entity: string, id: string, patch: WriteBody, division = this.currentDivision): ExactRecord {
		return updateRecord(this.entitySet(entity).name, id, patch, this.writeContext(division, false));
	}

	/** Delete (lines too); sync/Deleted gets an entry. */
	deleteRecord(entity: string, id: string, division = this.currentDivision): void {
		deleteRecord(this.entitySet(entity).name, id, this.writeContext(division, false));
	}

	// ------------------------------------------------------------ divisions and scopes

	private knownDivisions(): number[] {
		return Array.from(new Set([...DIVISIONS.map((d) => d.code), ...this.accessibleDivisions]));
	}

	divisionInfos(): DivisionInfo[] {
		return DIVISIONS.filter((d) => this.accessibleDivisions.includes(d.code));
	}

	setDivisionAccess(input: DivisionAccessInput): void {
		if (input.accessible) this.accessibleDivisions = [...input.accessible];
		if (input.current !== undefined) this.currentDivision = input.current;
	}

	setMandatoryFiltering(enabled: boolean): void {
		this.mandatoryFiltering = enabled;
	}

	denyScopes(prefixes: string[]): void {
		this.deniedScopes.clear();
		for (const p of prefixes) this.deniedScopes.add(p.toLowerCase());
	}

	// ------------------------------------------------------------ oauth, limits, faults

	registerTokens(input: RegisterTokensInput): void {
		this.oauth.registerTokens(input);
	}

	expireAccessTokens(): void {
		this.oauth.expireAccessTokens();
	}

	refreshHistory(): RefreshHistoryEntry[] {
		return this.oauth.refreshHistory();
	}

	setLimits(settings: LimitSettings): void {
		this.rateLimiter.set(settings);
	}

	/** The limits in force and what was counted against them, per known division. */
	limits(): LimitsReport {
		const divisions: Record<string, DivisionUsage> = {};
		for (const division of this.knownDivisions()) divisions[division] = this.rateLimiter.usage(division);
		return {
			minutelyLimit: this.rateLimiter.minutelyLimit,
			dailyLimit: this.rateLimiter.dailyLimit,
			minuteMs: this.rateLimiter.minuteMs,
			divisions,
		};
	}

	addFault(rule: FaultRuleInput): FaultRule {
		return this.faults.add(rule);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	// ------------------------------------------------------------ webhooks

	private targets(topic: string, division: number, key: string): Array<{ subscriptionId: string; callbackUrl: string; endpoint: string }> {
		const subscriptions = this.store.list('WebhookSubscriptions', division).filter((s) => s.Topic === topic);
		const set = Object.values(ENTITY_SETS).find((s) => s.topic === topic);
		const path = set ? `${set.endpoint}(guid'${key}')` : `${topic}(guid'${key}')`;
		return subscriptions.map((s) => ({
			subscriptionId: String(s.ID),
			callbackUrl: String(s.CallbackURL),
			endpoint: `${this.baseUrl}/api/v1/${division}/${path}`,
		}));
	}

	/** Deliver an event to every subscription on the topic; resolves with each delivery's outcome. */
	async fireWebhook(input: FireWebhookInput): Promise<WebhookDelivery[]> {
		const division = input.division ?? this.currentDivision;
		const event: WebhookEvent = { topic: input.topic, action: input.action, key: input.key.toLowerCase(), division };
		return this.webhooks.deliver(event, this.targets(input.topic, division, event.key));
	}

	/** Changes to an entity with a webhook topic are delivered automatically when someone subscribed. */
	private autoFire(entity: ExactEntityName, action: 'Create' | 'Update' | 'Delete', key: string, division: number): void {
		const topic = ENTITY_SETS[entity].topic;
		if (!topic) return;
		const targets = this.targets(topic, division, key);
		if (targets.length === 0) return;
		void this.webhooks.deliver({ topic, action, key, division }, targets);
	}

	// ------------------------------------------------------------ stats

	getStats(): ExactStats {
		return {
			calls: {
				total: this.stats.total,
				byEndpoint: { ...this.stats.byEndpoint },
				byKind: { ...this.stats.byKind },
				byStatus: { ...this.stats.byStatus },
			},
			rateLimited429: this.stats.rateLimited429,
			errorsByEndpoint: Object.fromEntries(this.errorLimiter.totals),
			blockedEndpoints: this.errorLimiter.blocked(),
			blockedCalls: this.stats.blockedCalls,
			tokenRequests: this.oauth.tokenRequests,
			refreshes: this.oauth.refreshHistory(),
			webhookDeliveries: this.webhooks.deliveries.length,
			faultsInjected: this.stats.faultsInjected,
		};
	}

	/** Zero the counters and the request log (data, blocks and tokens stay). */
	resetStats(): void {
		this.stats.reset();
		this.errorLimiter.totals.clear();
		this.oauth.resetCounters();
		this.webhooks.reset();
	}

	calls(sinceSeq = 0): CallLogEntry[] {
		return this.stats.calls(sinceSeq);
	}
}
