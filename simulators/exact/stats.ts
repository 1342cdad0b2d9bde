import type { BlockedEndpoint } from './errorLimit';
import type { RefreshHistoryEntry } from './oauth';
import { maskToken } from './response';

/** Counters and the request log behind GET /__admin/stats and /__admin/calls. Token values are never logged. */

export interface CallLogEntry {
	seq: number;
	/** ISO time (simulator clock). */
	time: string;
	method: string;
	path: string;
	/** Query string with secrets masked. */
	query: string;
	status: number;
	durationMs: number;
	division?: number;
	/** "GET crm/Accounts" style key (API calls) or "POST oauth2/token". */
	endpoint?: string;
	/** Fault kind when an injected fault handled the request. */
	fault?: string;
}

export interface ExactStats {
	calls: { total: number; byEndpoint: Record<string, number>; byStatus: Record<string, number> };
	rateLimited429: number;
	/** Errors (400/401/403/404) per endpoint path, since the last reset. */
	errorsByEndpoint: Record<string, number>;
	/** Endpoints currently blocked by the error limit. */
	blockedEndpoints: BlockedEndpoint[];
	/** API calls refused because their endpoint was blocked. */
	blockedCalls: number;
	tokenRequests: number;
	refreshes: RefreshHistoryEntry[];
	webhookDeliveries: number;
	faultsInjected: number;
}

const SECRET_PARAMS = ['code', 'refresh_token', 'access_token', 'client_secret', 'token'];
const MAX_LOG = 20_000;

export function maskQuery(query: string): string {
	if (!query) return '';
	return query
		.split('&')
		.map((part) => {
			const eq = part.indexOf('=');
			if (eq < 0) return part;
			const name = part.slice(0, eq);
			return SECRET_PARAMS.includes(name.toLowerCase()) ? `${name}=${maskToken(part.slice(eq + 1))}` : part;
		})
		.join('&');
}

export class Stats {
	total = 0;

	byEndpoint: Record<string, number> = {};

	byStatus: Record<string, number> = {};

	rateLimited429 = 0;

	blockedCalls = 0;

	faultsInjected = 0;

	private log: CallLogEntry[] = [];

	private seq = 0;

	/** Log a request; `api` requests also count in the call totals. */
	record(entry: Omit<CallLogEntry, 'seq'>, api: boolean): void {
		this.seq += 1;
		this.log.push({ ...entry, query: maskQuery(entry.query), seq: this.seq });
		if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
		if (entry.fault) this.faultsInjected += 1;
		if (!api) return;
		this.total += 1;
		if (entry.endpoint) this.byEndpoint[entry.endpoint] = (this.byEndpoint[entry.endpoint] ?? 0) + 1;
		const status = String(entry.status);
		this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
		if (entry.status === 429 && !entry.fault) this.rateLimited429 += 1;
	}

	clearLog(): void {
		this.log = [];
	}

	calls(sinceSeq = 0): CallLogEntry[] {
		return this.log.filter((e) => e.seq > sinceSeq);
	}

	reset(): void {
		this.total = 0;
		this.byEndpoint = {};
		this.byStatus = {};
		this.rateLimited429 = 0;
		this.blockedCalls = 0;
		this.faultsInjected = 0;
		this.log = [];
	}
}
