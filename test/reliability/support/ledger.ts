/**
 * Per-scenario figures, read from the simulators (never from the export node's word alone) after the scenario
 * and its clean follow-up run, and the table they make.
 *
 *   documents       Exact sales invoices with YourRef = one of the scenario's work order numbers
 *   duplicates      work orders with more than one such invoice
 *   lost            ready work orders that are neither exported (an invoice, Afgehandeld) nor marked failed
 *                   (EXPFOUT) for a reason in the work order (a Not Exported item with an error)
 *   stuck           of those, the ones still waiting (Compleet + GEREED)
 *   wrongly marked  Afgehandeld without an invoice, EXPFOUT without a fault in the work order, or marked handled
 *                   more than once (OutSmart's status history)
 *   429 user/Exact  executions that failed with HTTP 429 / answers 429 that Exact gave
 *   refreshes       token refreshes Exact saw: ok / refused
 */
import type { World } from './world';

export interface RunRecord {
	/** 'rest' (manual run on a started n8n), 'cli' (`n8n execute`), 'webhook' (queue mode). */
	via: string;
	status: string;
	error?: string;
	httpCode?: string | null;
}

export interface Row {
	scenario: string;
	runs: number;
	workOrders: number;
	documents: number;
	duplicates: number;
	lost: number;
	stuck: number;
	wronglyMarked: number;
	user429: number;
	exact429: number;
	refreshesOk: number;
	refreshesRefused: number;
	seconds: number;
	/** Per work order, for the JSON report. */
	details: Array<{ no: string; status: string; workStatus: string | null; invoices: number; handled: number; verdict: string }>;
	runsDetail: RunRecord[];
	/** Work order number -> the export's Not Exported error. */
	notExported: Record<string, string>;
	note?: string;
}

export class Scenario {
	readonly runs: RunRecord[] = [];

	numbers: string[] = [];

	/** Work orders planted with a fault of their own: EXPFOUT is the right end for them. */
	readonly faulty = new Set<string>();

	/** Work order number -> the error the export's Not Exported output gave for it. */
	readonly notExported = new Map<string, string>();

	private readonly started = Date.now();

	private readonly exactFrom: number;

	private readonly refreshFrom: number;

	note: string | undefined;

	constructor(
		readonly name: string,
		readonly world: World,
	) {
		this.exactFrom = world.exactSeq();
		this.refreshFrom = world.exact.state.refreshHistory().length;
	}

	/** Records one execution: its outcome and what went to Not Exported. */
	run(via: string, result: { status: string; error?: { message?: string; httpCode?: unknown } | null; notExported?: Array<Record<string, unknown>> }): void {
		const httpCode = result.error?.httpCode === undefined || result.error?.httpCode === null ? null : String(result.error.httpCode);
		this.runs.push({ via, status: result.status, error: result.error?.message, httpCode });
		for (const item of result.notExported ?? []) {
			if (typeof item.workOrderNumber === 'string' && typeof item.error === 'string' && item.error) this.notExported.set(item.workOrderNumber, item.error);
		}
	}

	finish(): Row {
		const details = this.numbers.map((no) => {
			const state = this.world.state(no);
			const handled = state.status === 'Afgehandeld';
			const failed = state.workStatus === 'EXPFOUT';
			let verdict = 'ok';
			if (state.handled > 1) verdict = 'wrongly marked: handled more than once';
			else if (handled && state.invoices === 0) verdict = 'wrongly marked: handled without an invoice';
			else if (failed && !this.faulty.has(no)) verdict = 'wrongly marked: EXPFOUT without a fault in the work order';
			else if (failed && !this.notExported.has(no)) verdict = 'lost: EXPFOUT without a reason from the export';
			else if (failed && state.invoices > 0) verdict = 'wrongly marked: EXPFOUT with an invoice';
			else if (!handled && !failed) verdict = state.status === 'Compleet' && state.workStatus === 'GEREED' ? 'lost: stuck (still ready)' : 'lost';
			else if (handled && state.invoices !== 1) verdict = `duplicates: ${state.invoices} invoices`;
			return { ...state, verdict };
		});
		const calls = this.world.exactCalls(this.exactFrom);
		const refreshes = this.world.exact.state.refreshHistory().slice(this.refreshFrom);
		return {
			scenario: this.name,
			runs: this.runs.length,
			workOrders: this.numbers.length,
			documents: details.reduce((sum, d) => sum + d.invoices, 0),
			duplicates: details.filter((d) => d.invoices > 1).length,
			lost: details.filter((d) => d.verdict.startsWith('lost')).length,
			stuck: details.filter((d) => d.verdict === 'lost: stuck (still ready)').length,
			wronglyMarked: details.filter((d) => d.verdict.startsWith('wrongly marked')).length,
			user429: this.runs.filter((r) => r.status !== 'success' && (r.httpCode === '429' || /\bHTTP 429\b/.test(r.error ?? ''))).length,
			exact429: calls.filter((c) => c.path.startsWith('/api/v1/') && c.status === 429).length,
			refreshesOk: refreshes.filter((r) => r.outcome === 'ok').length,
			refreshesRefused: refreshes.filter((r) => r.outcome !== 'ok').length,
			seconds: Math.round((Date.now() - this.started) / 100) / 10,
			details,
			runsDetail: this.runs,
			notExported: Object.fromEntries(this.notExported),
			note: this.note,
		};
	}
}

const COLUMNS: Array<{ title: string; value: (row: Row) => string; left?: boolean }> = [
	{ title: 'scenario', value: (r) => r.scenario, left: true },
	{ title: 'runs', value: (r) => String(r.runs) },
	{ title: 'work orders', value: (r) => String(r.workOrders) },
	{ title: 'documents created', value: (r) => String(r.documents) },
	{ title: 'duplicates', value: (r) => String(r.duplicates) },
	{ title: 'lost', value: (r) => String(r.lost) },
	{ title: 'stuck', value: (r) => String(r.stuck) },
	{ title: 'wrongly marked', value: (r) => String(r.wronglyMarked) },
	{ title: '429s seen by the user / answered by Exact', value: (r) => `${r.user429} / ${r.exact429}` },
	{ title: 'token refreshes ok / refused', value: (r) => `${r.refreshesOk} / ${r.refreshesRefused}` },
	{ title: 'seconds', value: (r) => r.seconds.toFixed(1) },
];

/** The rows' notes, one line each, numbered as the table marks them. */
export function formatNotes(rows: Row[]): string {
	return rows
		.filter((r) => r.note)
		.map((r, i) => `${i + 1}. ${r.scenario}: ${r.note}`)
		.join('\n');
}

/** A Markdown table (it reads as plain text on a terminal too); a row with a note gets its number. */
export function formatTable(rows: Row[]): string {
	const noted = rows.filter((r) => r.note);
	const cells = rows.map((row) =>
		COLUMNS.map((c, i) => {
			const text = c.value(row).replace(/\|/g, '\\|');
			return i === 0 && row.note ? `${text} (${noted.indexOf(row) + 1})` : text;
		}),
	);
	const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i].length)));
	const line = (values: string[]) =>
		`| ${values.map((v, i) => (COLUMNS[i].left ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
	const rule = `|${widths.map((w, i) => (COLUMNS[i].left ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
	const total: string[] = COLUMNS.map((c, i) => {
		if (i === 0) return 'total';
		// Background scenarios overlap the others: their seconds do not add up to the suite's time.
		if (c.title === 'seconds') return '';
		const parts = cells.map((r) => r[i].split(' / ').map(Number));
		return parts[0] ? parts[0].map((_, k) => parts.reduce((s, p) => s + (p[k] ?? 0), 0)).join(' / ') : '';
	});
	return [line(COLUMNS.map((c) => c.title)), rule, ...cells.map(line), line(total)].join('\n');
}
