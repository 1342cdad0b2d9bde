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
	/** Records in the answer, for a collection (e.g. a sync page). */
	rows?: number;
}

/** What a call costs Exact: sync and bulk reads (1,000 a page), standard reads (60 a page), writes. */
export type CallKind = 'sync' | 'bulk' | 'read' | 'write';

/** Kind of an API call by its endpoint key ("GET sync/CRM/Accounts"). */
export function callKind(endpoint: string): CallKind {
	const [method, path = ''] = endpoint.split(' ');
	const lower = path.toLowerCase();
	if (lower.startsWith('sync/')) return 'sync';
	if (lower.startsWith('bulk/')) return 'bulk';
	return method === 'GET' ? 'read' : 'write';
}

export interface ExactStats {
	calls: { total: number; byEndpoint: Record<string, number>; byKind: Record<CallKind, number>; byStatus: Record<string, number> };
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

function emptyKinds(): Record<CallKind, number> {
	return { sync: 0, bulk: 0, read: 0, write: 0 };
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

	byKind: Record<CallKind, number> = emptyKinds();

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
		if (entry.endpoint) {
			this.byEndpoint[entry.endpoint] = (this.byEndpoint[entry.endpoint] ?? 0) + 1;
			this.byKind[callKind(entry.endpoint)] += 1;
		}
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
		this.byKind = emptyKinds();
		this.rateLimited429 = 0;
		this.blockedCalls = 0;
		this.faultsInjected = 0;
		this.log = [];
	}
}
