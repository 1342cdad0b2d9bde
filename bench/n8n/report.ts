/** The real-n8n bench's results: what was measured, as JSON and as Markdown tables with targets beside them. */
import type { DayBudget } from './dayBudget';
import { EXACT_DAILY_LIMIT, EXACT_DAILY_TOKEN_LIMIT } from './dayBudget';

export interface FlowRun {
	flow: string;
	size: string;
	run: string;
	exactCalls: number;
	/** Exact calls by kind: sync, bulk, read (standard, 60 a page), write. */
	exactByKind: Record<string, number>;
	/** The same work done the naive way (standard endpoints, 60 a page, every field, a look-up per line). */
	naiveCalls?: number;
	tokenCalls: number;
	outsmartCalls: number;
	seconds: number;
	/** Peak resident memory of the n8n process during the run, MB. */
	peakMb?: number;
	/** That peak above the process's idle size (the lowest it was seen at while idle), MB. */
	peakAboveIdleMb: number;
	/** The same peak above the process's size right before this run (what V8 kept from earlier runs left out). */
	peakAboveBeforeMb: number;
	/** Run alone in an n8n of its own (the memory target's runs), not in the bench's shared n8n. */
	alone?: boolean;
	/** The n8n ran with its heap limited to this many MB (NODE_OPTIONS=--max-old-space-size). */
	heapLimitMb?: number;
	/** The workflow's static data after the run, bytes (JSON). */
	staticDataBytes?: number;
	/** Items out of the flow's main node (records read or work orders exported). */
	items?: number;
	note?: string;
}

export interface SustainedLoad {
	workload: string;
	minuteMs: number;
	calls: number;
	windows: number;
	/** Consecutive windows in which Exact let the whole limit through. */
	windowsAtCap: number;
	/** Calls Exact let through in each window that ended during the run. */
	callsPerFullWindow: number[];
	/** Calls a (scaled) minute over the windows at the cap, the pauses between them included. */
	callsPerMinute: number;
	/** Calls a minute over the whole run (its reads from OutSmart and the marking afterwards included). */
	wholeRunCallsPerMinute: number;
	rateLimited429ByExact: number;
	rateLimited429SeenByUser: number;
	seconds: number;
}

export interface BenchResults {
	generatedAt: string;
	n8nVersion: string;
	minuteMs: number;
	/** Per size, the started n8n's idle size (the lowest it was seen at while idle), MB: what "above idle" is measured from. */
	idleMb: Record<string, number | undefined>;
	runs: FlowRun[];
	sustained?: SustainedLoad;
	days: Array<{ title: string; budget: DayBudget }>;
	/** How the days are computed from the measured runs. */
	dayBasis: string[];
	targets: Record<string, { target: string; result: string; met: boolean }>;
	seconds: number;
}

const pad = (cells: string[]) => `| ${cells.join(' | ')} |`;

function table(header: string[], rows: string[][], align: Array<'l' | 'r'>): string {
	return [pad(header), pad(align.map((a) => (a === 'l' ? ':--' : '--:'))), ...rows.map(pad)].join('\n');
}

const int = (n: number | undefined) => (n === undefined ? '' : Math.round(n).toLocaleString('en-US'));
const dec = (n: number | undefined, digits = 1) => (n === undefined ? '' : n.toFixed(digits));
const ratio = (naive: number, ours: number) => (ours === 0 ? '∞' : `${(naive / ours).toFixed(naive / ours >= 10 ? 0 : 1)}×`);
const kb = (bytes: number | undefined) => (bytes === undefined ? '' : (bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0));

export function markdown(results: BenchResults): string {
	const parts: string[] = [];
	parts.push(
		table(
			['flow', 'size', 'run', 'Exact calls', 'naive calls', 'token calls', 'OutSmart calls', 'items', 'seconds', 'peak MB above idle', 'above before the run', 'static data KB'],
			results.runs.map((r) => [
				r.flow,
				r.size,
				r.run,
				int(r.exactCalls),
				r.naiveCalls === undefined ? '' : `${int(r.naiveCalls)} (${ratio(r.naiveCalls, r.exactCalls)})`,
				int(r.tokenCalls),
				int(r.outsmartCalls),
				int(r.items),
				dec(r.seconds),
				dec(r.peakAboveIdleMb, 0),
				dec(r.peakAboveBeforeMb, 0),
				kb(r.staticDataBytes),
			]),
			['l', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
		),
	);
	for (const { title, budget: day } of results.days) {
		parts.push(
			`**${title}** (${int(day.calls)} calls = ${(day.share * 100).toFixed(1)}% of Exact's ${int(EXACT_DAILY_LIMIT)} a day` +
				(day.basicCalls !== day.calls ? `, the Basic set ${int(day.basicCalls)} = ${(day.basicShare * 100).toFixed(1)}%` : '') +
				`; ${int(day.tokenCalls)} token calls of Exact's ${EXACT_DAILY_TOKEN_LIMIT} a day):\n\n` +
				table(
					['flow', 'schedule', 'runs a day', 'Exact calls a day'],
					[
						...day.flows.map((f) => [f.name, f.schedule, int(f.runs), int(f.calls)]),
						...(day.basicCalls !== day.calls ? [['Basic set (01-05)', '', '', int(day.basicCalls)]] : []),
						['total', '', '', int(day.calls)],
					],
					['l', 'l', 'r', 'r'],
				),
		);
	}
	if (results.sustained) {
		const s = results.sustained;
		parts.push(
			`**Sustained load at the minutely cap**: ${s.workload}, a "minute" of ${s.minuteMs / 1000} s: ${int(s.calls)} Exact calls in ${s.windows} windows ` +
				`(calls per window: ${s.callsPerFullWindow.join(', ')}, …); ${s.windowsAtCap} windows in a row at the cap, ${dec(s.callsPerMinute)} calls a minute over them ` +
				`(pauses between windows included); ${dec(s.wholeRunCallsPerMinute)} a minute over the whole run of ${dec(s.seconds)} s (reading from and marking in OutSmart included); ` +
				`429s: ${s.rateLimited429SeenByUser} seen by the user, ${s.rateLimited429ByExact} answered by Exact.`,
		);
	}
	parts.push(
		table(
			['target', 'target value', 'result', 'met'],
			Object.entries(results.targets).map(([name, t]) => [name, t.target, t.result, t.met ? 'yes' : '**no**']),
			['l', 'l', 'l', 'l'],
		),
	);
	return parts.join('\n\n');
}
