/**
 * Injected failures for the non-admin routes (API and OAuth): a fixed answer, a delay, a connection that never
 * answers, a dropped connection, or a write that succeeds but whose answer is lost ("write-then-drop": the case
 * that makes blind write retries create duplicate invoices).
 */

export type FaultKind = 'status' | 'hang' | 'drop' | 'write-then-drop' | 'delay';

export const FAULT_KINDS: FaultKind[] = ['status', 'hang', 'drop', 'write-then-drop', 'delay'];

export interface FaultRuleInput {
	match?: {
		method?: string;
		/** Substring of the request path+query, or "/regex/flags". Matched against the decoded URL. */
		path?: string;
	};
	kind: FaultKind;
	/** For 'status': HTTP status (default 500). */
	status?: number;
	/** For 'status': body (an object is sent as JSON; default an Exact error envelope). */
	body?: unknown;
	headers?: Record<string, string>;
	/** For 'delay' (and optionally 'write-then-drop'): milliseconds before the request is handled. */
	delayMs?: number;
	/** How many matching requests this rule hits (default 1; 0 or less = every request until cleared). */
	times?: number;
}

export interface FaultRule extends FaultRuleInput {
	id: number;
	/** Hits left; null = unlimited. */
	remaining: number | null;
	hits: number;
}

function toMatcher(path: string): (url: string) => boolean {
	const regex = /^\/(.+)\/([dgimsuy]*)$/.exec(path);
	if (regex) {
		const re = new RegExp(regex[1], regex[2]);
		return (url) => re.test(url);
	}
	return (url) => url.includes(path);
}

export class FaultInjector {
	private rules: FaultRule[] = [];

	private nextId = 1;

	add(input: FaultRuleInput): FaultRule {
		if (!FAULT_KINDS.includes(input.kind)) throw new Error(`Unknown fault kind: ${String(input.kind)}`);
		if (input.match?.path) toMatcher(input.match.path); // reject a bad regex now, not on the next request
		const times = input.times ?? 1;
		const rule: FaultRule = { ...input, id: this.nextId++, remaining: times > 0 ? times : null, hits: 0 };
		this.rules.push(rule);
		return rule;
	}

	list(): FaultRule[] {
		return [...this.rules];
	}

	clear(): void {
		this.rules = [];
	}

	remove(id: number): boolean {
		const before = this.rules.length;
		this.rules = this.rules.filter((r) => r.id !== id);
		return this.rules.length < before;
	}

	/** The first rule matching this request, counted as one hit (and removed when used up). */
	take(method: string, rawUrl: string): FaultRule | undefined {
		let url = rawUrl;
		try {
			url = decodeURIComponent(rawUrl);
		} catch {
			// keep the raw text
		}
		const rule = this.rules.find(
			(r) =>
				(!r.match?.method || r.match.method.toUpperCase() === method.toUpperCase()) &&
				(!r.match?.path || toMatcher(r.match.path)(url)),
		);
		if (!rule) return undefined;
		rule.hits += 1;
		if (rule.remaining !== null) {
			rule.remaining -= 1;
			if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
		}
		return rule;
	}
}
