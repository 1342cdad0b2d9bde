/**
 * The templates in a real n8n against the simulators with Exact's production limits (60 calls a "minute" on a
 * scaled clock, BENCH_MINUTE_MS, default 10 s; 5,000 a day; every call counted), at 1,000 and 20,000
 * accounts/items, 50 and 500 completed work orders, and 3,000 completed work orders for the OutSmart Trigger.
 * Beside each figure the same work done the naive way (naive.ts). Prints Markdown tables with the targets beside
 * the results and writes bench/results/latest.json (and latest.md). Exits 1 when a target is missed.
 *
 *   npm run bench:n8n      (npm run bench runs it after the node-level call budgets)
 *
 * Everything runs in one started n8n per size (`n8n start`), as in production. The imports start from a Webhook
 * node put where the template's Schedule Trigger was (a production webhook run saves the workflow's static data,
 * as a scheduled run does; a manual run in the editor does not); the export starts from its Run now trigger; the
 * OutSmart Trigger polls when it is activated. Memory: the n8n process's peak (VmHWM, reset before each run)
 * above its size right after start.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { createN8nInstance, type N8nInstance, type WorkflowInput } from '../../scripts/n8n';
import { REPO_ROOT } from '../../scripts/n8n-env';
import { DEFAULT_MAX_PER_RUN } from '../../nodes/ExactOnlineApi/operations/getChanges';
import { withDemoCredentials } from '../../scripts/demo-data';
import { MAIN_DIVISION, SEED_SIZES, type ClosedWindow, type ExactStats, type SeedSize } from '../../simulators/exact';
import { dayBudget, EXACT_DAILY_LIMIT, EXACT_DAILY_TOKEN_LIMIT, type ExportFlow, type ImportFlow, type Schedule } from './dayBudget';
import { MemorySampler, resetPeak, settle } from './memory';
import { naiveExport, naiveHourTypes, naivePaymentData, naiveMaterials, naiveRelations, startNaiveTwin, type NaiveTwin } from './naive';
import type { SeedWorkorder } from '../../simulators/outsmart';
import type { ExactRecord } from '../../simulators/seed/types';
import { markdown, type BenchResults, type FlowRun, type SustainedLoad } from './report';
import { aDayOfProWork, benchCredentials, completedWorkOrders, completeOrderWorkOrders, startBenchWorld, type BenchWorld } from './world';

const MINUTE_MS = Number(process.env.BENCH_MINUTE_MS ?? 10_000);
const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');
const TEMPLATE_DIR = path.join(REPO_ROOT, 'templates');
const MEMORY_TARGET_MB = 300;
/** The heap limit the README recommends for n8n (NODE_OPTIONS=--max-old-space-size): the bench measures the first import with it too. */
const HEAP_LIMIT_MB = 512;
/** How long a run's peak is measured on after the run is seen finished (see Bench.peakMeter). */
const PEAK_TAIL_MS = 3000;

/**
 * Calls Exact counts against its limits: every API answer but a 401 (the token had expired; n8n refreshes and
 * repeats) and a 429 (refused).
 */
function countedCalls(stats: ExactStats): number {
	return stats.calls.total - (stats.calls.byStatus['401'] ?? 0) - (stats.calls.byStatus['429'] ?? 0);
}
const DAY_SHARE_TARGET = 0.1;
const SUSTAINED_TARGET = 57;

/** The templates' schedules before this benchmark (imports every 15 minutes, the export polling every 10). */
const BEFORE_SCHEDULES: Record<string, Schedule> = {
	'01-import-relations.json': { everyMinutes: 15 },
	'02-import-materials.json': { everyMinutes: 15 },
	'03-import-hour-types.json': { everyMinutes: 15 },
	'04-import-payment-data.json': { dailyAtHour: 6 },
};

interface Size {
	label: string;
	seed: SeedSize;
	/** Completed work orders exported in this world. */
	workOrders: number;
}

const SIZES: Size[] = [
	{ label: '1,000', seed: 'small', workOrders: 50 },
	{ label: '20,000', seed: { ...SEED_SIZES.large, items: 20_000 }, workOrders: 500 },
];

/**
 * A template on a Schedule Trigger. The bench runs it from a webhook in its place: a first run, runs with nothing
 * changed and with 1% changed, and puts it in the day's budget at its shipped schedule. A later template is one
 * entry here.
 */
interface ImportTemplate {
	file: string;
	flow: string;
	/** The same work the naive way, where the bench has one. */
	naive?: (twin: NaiveTwin) => Promise<void>;
	/** A Pro flow: in the day's total, not in the Basic set's share. */
	pro?: boolean;
	/**
	 * The flow also starts from the Exact Online Trigger's webhook: one event per changed record (1% of the accounts
	 * a day), each costing what one read costs. The bench's copy leaves that trigger out (its catch-up schedule
	 * is what runs), so the changes made between runs start nothing.
	 */
	webhookCallsPerEvent?: number;
	/**
	 * The flow writes into what it reads (e.g. quotations it makes in Exact come back through Exact's change
	 * stream): the run after one that wrote pays for reading its own writes. Measured as its own row after the
	 * first run (so that "nothing changed" is a quiet run) and after the 1% run, and in the day once.
	 */
	echo?: string;
}

const ALL_IMPORTS: ImportTemplate[] = [
	{ file: '01-import-relations.json', flow: 'relations (+ contacts)', naive: naiveRelations },
	{ file: '02-import-materials.json', flow: 'materials', naive: naiveMaterials },
	{ file: '03-import-hour-types.json', flow: 'hour types', naive: naiveHourTypes },
	{ file: '04-import-payment-data.json', flow: 'payment data', naive: naivePaymentData },
	// The Exact Online Trigger reads the changed record in one call per event (test/integration/exact/trigger).
	{ file: '06-exact-trigger-relations.json', flow: 'relations by webhook (hourly catch-up)', pro: true, webhookCallsPerEvent: 1 },
	{ file: '07-import-employees-and-item-groups.json', flow: 'employees & item groups', pro: true },
	{ file: '08-import-price-agreements.json', flow: 'price agreements', pro: true },
	{ file: '09-sales-orders-to-work-orders.json', flow: 'sales orders → work orders', pro: true },
	{ file: '11-quotations.json', flow: 'quotations both ways', pro: true, echo: "the quotations the run made and accepted in Exact come back in Exact's change stream (accepted ones read with lines, items and accounts, then skipped)" },
	{ file: '12-outsmart-invoices-to-exact.json', flow: 'OutSmart invoices → Exact, payments back', pro: true },
	{ file: '13-warehouses-and-stock.json', flow: 'warehouses & stock', pro: true },
	{ file: '14-projects-and-planning.json', flow: 'projects & planning, hours back', pro: true },
];
const EXPORT_FILE = '05-export-work-orders.json';

/**
 * A flow like the export: its Run now takes completed work orders, and its `node` sends each to the first output
 * (done) or the second (refused). Measured with 1 and with many work orders, in the day as a part per run and a
 * part per work order.
 */
interface ExportLikeTemplate {
	file: string;
	flow: string;
	node: string;
	pro?: boolean;
	/** Work orders a day, completed in working hours. */
	perDay: number;
}

const EXPORT: ExportLikeTemplate = { file: EXPORT_FILE, flow: 'work order export', node: 'Create invoice in Exact', perDay: 50 };
/** Template 10 as shipped: the quantities used onto the order, then the goods delivery and the draft invoice from the order. */
const ORDER_BACK: ExportLikeTemplate = {
	file: '10-work-orders-back-to-sales-orders.json',
	flow: 'VO- work orders back to sales orders (delivery + invoice)',
	node: 'Update sales order in Exact',
	pro: true,
	perDay: 10,
};

/**
 * `BENCH_TEMPLATES=11,12` runs only those templates (by number; 10 is the way back to the sales orders, measured
 * like the export) at both sizes and prints their rows: no export, trigger, naive twin or day, nothing written.
 */
const SELECTED = process.env.BENCH_TEMPLATES?.split(',').map((n) => n.trim().padStart(2, '0'));
const IMPORTS = SELECTED ? ALL_IMPORTS.filter((t) => SELECTED.includes(t.file.slice(0, 2))) : ALL_IMPORTS;
const WITH_ORDER_BACK = !SELECTED || SELECTED.includes(ORDER_BACK.file.slice(0, 2));

function template(file: string): WorkflowInput {
	return JSON.parse(fs.readFileSync(path.join(TEMPLATE_DIR, file), 'utf8')) as WorkflowInput;
}

/** The default schedule of a template, read from its Schedule Trigger or OutSmart Trigger. */
function scheduleOf(file: string): Schedule {
	for (const node of template(file).nodes) {
		const p = node.parameters as Record<string, any> | undefined;
		if (node.type === 'n8n-nodes-base.scheduleTrigger') {
			const rule = p?.rule?.interval?.[0] ?? {};
			if (rule.field === 'minutes') return { everyMinutes: Number(rule.minutesInterval ?? 1) };
			if (rule.field === 'hours') return { everyMinutes: 60 * Number(rule.hoursInterval ?? 1) };
			if (rule.field === 'days') return { dailyAtHour: Number(rule.triggerAtHour ?? 0) };
		}
		if (node.type.endsWith('.outSmartTrigger')) {
			const poll = p?.pollTimes?.item?.[0] ?? {};
			if (poll.mode === 'everyX') return { everyMinutes: Number(poll.value) * (poll.unit === 'hours' ? 60 : 1) };
			if (poll.mode === 'everyHour') return { everyMinutes: 60 };
		}
	}
	throw new Error(`${file} has no schedule the bench understands`);
}

const pollMinutes = (file: string) => {
	const schedule = scheduleOf(file);
	return 'everyMinutes' in schedule ? schedule.everyMinutes : 24 * 60;
};

/** Seconds the execution itself took (n8n's start/stop times), else the whole command. */
function executionSeconds(raw: { startedAt?: unknown; stoppedAt?: unknown } | undefined, fallbackMs: number): number {
	const started = raw?.startedAt ? Date.parse(String(raw.startedAt)) : NaN;
	const stopped = raw?.stoppedAt ? Date.parse(String(raw.stoppedAt)) : NaN;
	return Number.isFinite(started) && Number.isFinite(stopped) ? (stopped - started) / 1000 : fallbackMs / 1000;
}

function staticDataBytes(workflow: { staticData?: unknown }): number {
	const data = typeof workflow.staticData === 'string' ? (JSON.parse(workflow.staticData) as unknown) : workflow.staticData;
	return data ? Buffer.byteLength(JSON.stringify(data)) : 0;
}

function log(message: string): void {
	process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

class Bench {
	readonly runs: FlowRun[] = [];

	idleServerMb: number | undefined;

	/** The size the process was at when the last run started (settled), MB. */
	settledMb: number | undefined;

	/**
	 * Each run waits until n8n is back near its idle size (or stops falling), not near where the run before started:
	 * for the few runs measured alone, where a run started on the last one's heap would count it twice.
	 */
	settleToIdle = false;

	/** The idle size of each size's n8n, MB. */
	readonly idleBySize: Record<string, number | undefined> = {};

	sustained: SustainedLoad | undefined;

	/**
	 * One run of an import through its webhook (mode webhook: its static data is saved, as for a scheduled run),
	 * measured; the outcome and times come from the execution n8n stored.
	 */
	async execute(n8n: N8nInstance, world: BenchWorld, id: string, webhookPath: string, entry: Omit<FlowRun, 'exactCalls' | 'exactByKind' | 'tokenCalls' | 'outsmartCalls' | 'seconds' | 'peakAboveIdleMb' | 'peakAboveBeforeMb'>): Promise<FlowRun> {
		world.exact.state.resetStats();
		world.outsmart.state.resetStats();
		const known = new Set((await n8n.listExecutions(id, { includeData: false })).map((e) => e.id));
		const peak = await this.peakMeter(n8n);
		const response = await fetch(`${n8n.baseUrl}/webhook/${webhookPath}`, { method: 'POST' });
		if (!response.ok) throw new Error(`${entry.flow}: the webhook answered ${response.status}: ${await response.text()}`);
		const execution = await n8n.waitFor(
			async () => (await n8n.listExecutions(id, { includeData: false })).find((e) => !known.has(e.id) && !['new', 'running', 'waiting'].includes(e.status)),
			900_000,
			{ description: `${entry.flow} (${entry.size}, ${entry.run})`, intervalMs: 250 },
		);
		const memory = await peak();
		if (execution.status !== 'success') {
			const full = await n8n.getExecution(execution.id);
			throw new Error(`${entry.flow} (${entry.size}, ${entry.run}) failed: ${full.data?.resultData.error?.message ?? execution.status}`);
		}
		const stats = world.exact.state.getStats();
		const result: FlowRun = {
			...entry,
			exactCalls: countedCalls(stats),
			exactByKind: stats.calls.byKind,
			tokenCalls: stats.tokenRequests,
			outsmartCalls: world.outsmart.state.stats().callsTotal,
			seconds: executionSeconds(execution, 0),
			peakMb: memory.peak,
			peakAboveIdleMb: 0,
			peakAboveBeforeMb: memory.aboveBefore,
		};
		this.runs.push(result);
		log(`${entry.flow} ${entry.size} ${entry.run}: ${result.exactCalls} Exact calls, ${result.outsmartCalls} OutSmart, ${result.seconds.toFixed(1)} s, peak ${memory.peak.toFixed(0)} MB`);
		return result;
	}

	/**
	 * Starts measuring the started n8n's memory for one run; the returned function gives the run's peak above the
	 * process's size right after start. The kernel's peak (VmHWM) is reset first, so nothing before counts. It
	 * measures on for PEAK_TAIL_MS after the run is seen finished: n8n still works on a finished execution (its last
	 * save, its hooks) and grows for about a second more.
	 */
	async peakMeter(n8n: N8nInstance): Promise<() => Promise<{ peak: number; aboveBefore: number }>> {
		const pid = n8n.pid;
		if (pid === undefined) throw new Error('n8n is not running');
		// Only a run that grew the process waits: back within 40 MB of where the last wait ended is settled.
		// Alone, a run waits for n8n to give back what the last one used, as the 30 minutes between scheduled parts
		// would: until it is within 60 MB of its idle size (after a first run it idles ~40-50 MB above its size at
		// start), or a minute passes without a fall. V8 gives a part's heap back within seconds, or keeps it until
		// something allocates again (measured flat for 3 minutes; see README): then the next part starts on it.
		const before = await settle(pid, this.settleToIdle ? { idleMb: this.idleServerMb, marginMb: 60, quietMs: 60_000, maxMs: 120_000 } : { idleMb: this.settledMb ?? this.idleServerMb });
		this.settledMb = before;
		// V8 gives memory back lazily: the lowest size seen while idle is the idle size.
		this.idleServerMb = Math.min(this.idleServerMb ?? Infinity, before);
		resetPeak(pid);
		const sampler = new MemorySampler(pid).start();
		return async () => {
			await sleep(PEAK_TAIL_MS);
			const { hwmMb, peakRssMb } = sampler.stop();
			const peak = Math.max(hwmMb, peakRssMb);
			return { peak, aboveBefore: peak - before };
		};
	}

	/** Once a size is done (or every run, without one): each run's peak above the lowest idle size its n8n was seen at. */
	settleIdle(size?: string): void {
		for (const run of this.runs.filter((r) => size === undefined || r.size === size)) {
			if (run.peakMb !== undefined) run.peakAboveIdleMb = run.peakMb - (this.idleServerMb ?? 0);
		}
	}

	async imports(n8n: N8nInstance, world: BenchWorld, size: Size, ids: Record<string, string>, paths: Record<string, string>): Promise<void> {
		const measure = (t: ImportTemplate, run: string, note?: string) =>
			this.execute(n8n, world, ids[t.file], paths[t.file], { flow: t.flow, size: size.label, run, note });

		for (const t of IMPORTS) await this.firstImport(t, () => measure(t, 'first run (everything)'), world);
		for (const t of IMPORTS.filter((i) => i.echo)) await measure(t, 'own writes come back', t.echo);
		// Every run of a scheduled flow finds its access token expired when runs are more than 10 minutes apart.
		for (const t of IMPORTS) {
			world.exact.state.expireAccessTokens();
			await measure(t, 'nothing changed', 'access token expired before the run');
		}
		changeOnePercent(world);
		for (const t of IMPORTS) await measure(t, '1% changed');
		for (const t of IMPORTS.filter((i) => i.echo)) await measure(t, "the day's own writes come back", t.echo);
		for (const t of IMPORTS) {
			const workflow = await n8n.exportWorkflow(ids[t.file]);
			const last = [...this.runs].reverse().find((r) => r.flow === t.flow && r.size === size.label);
			if (last) last.staticDataBytes = staticDataBytes(workflow);
		}
	}

	/**
	 * The first import of a flow whose Get Changes hands out a large administration in parts (Max Changes per
	 * Run): the flow runs until a run reads less than a part (readFullPart). One row sums the runs (calls, seconds) and keeps
	 * the highest peak; each run is one n8n execution, so memory is what one part costs.
	 */
	async firstImport(t: ImportTemplate, measure: () => Promise<FlowRun>, world: BenchWorld): Promise<void> {
		const parts: FlowRun[] = [];
		do {
			if (parts.length >= 50) throw new Error(`${t.flow}: the first import did not end in 50 runs`);
			parts.push(await measure());
		} while (readFullPart(world, t.file));
		if (parts.length === 1) return;
		this.runs.splice(this.runs.length - parts.length, parts.length);
		const sum = (pick: (r: FlowRun) => number) => parts.reduce((total, r) => total + pick(r), 0);
		const byKind: Record<string, number> = {};
		for (const part of parts) for (const [kind, calls] of Object.entries(part.exactByKind)) byKind[kind] = (byKind[kind] ?? 0) + calls;
		const merged: FlowRun = {
			...parts[0],
			run: `first import (everything), ${parts.length} runs`,
			exactCalls: sum((r) => r.exactCalls),
			exactByKind: byKind,
			tokenCalls: sum((r) => r.tokenCalls),
			outsmartCalls: sum((r) => r.outsmartCalls),
			seconds: sum((r) => r.seconds),
			peakMb: Math.max(...parts.map((r) => r.peakMb ?? 0)),
			peakAboveBeforeMb: Math.max(...parts.map((r) => r.peakAboveBeforeMb)),
			note: `Get Changes in parts of ${parts.length} runs (Max Changes per Run); peak of the largest run; per run: ${parts.map((r) => `${r.exactCalls} calls, peak ${(r.peakMb ?? 0).toFixed(0)} MB (${r.peakAboveBeforeMb.toFixed(0)} above before)`).join('; ')}`,
		};
		this.runs.push(merged);
		log(`${t.flow} ${merged.size} first import in ${parts.length} runs: ${merged.exactCalls} Exact calls, ${merged.seconds.toFixed(1)} s`);
	}

	/**
	 * The export (or a flow like it) through its Run now trigger in a started n8n: `count` completed work orders,
	 * which `complete` puts into OutSmart.
	 */
	async exportRun(n8n: N8nInstance, world: BenchWorld, id: string, size: string, t: ExportLikeTemplate, count: number, complete: () => void): Promise<FlowRun> {
		complete();
		world.exact.state.resetStats();
		world.outsmart.state.resetStats();
		const peak = await this.peakMeter(n8n);
		const started = Date.now();
		const windowsBefore = world.exact.state.limits().divisions[MAIN_DIVISION].closedWindows.length;
		const run = await n8n.runManualTrigger(id, 'Run now', { timeoutMs: 900_000 });
		const seconds = (Date.now() - started) / 1000;
		const memory = await peak();
		const stats = world.exact.state.getStats();
		const exported = run.error ? [] : run.json(t.node);
		const failed = run.error ? [] : run.json(t.node, { output: 1 });
		if (run.error || exported.length !== count || failed.length !== 0) {
			throw new Error(`${t.flow} of ${count} failed: ${run.error?.message ?? `${exported.length} done, ${failed.length} not: ${JSON.stringify(failed.slice(0, 2))}`}`);
		}
		const result: FlowRun = {
			flow: t.flow,
			size,
			run: `${count} completed work order${count === 1 ? '' : 's'}`,
			exactCalls: countedCalls(stats),
			exactByKind: stats.calls.byKind,
			tokenCalls: stats.tokenRequests,
			outsmartCalls: world.outsmart.state.stats().callsTotal,
			seconds,
			peakMb: memory.peak,
			peakAboveIdleMb: 0,
			peakAboveBeforeMb: memory.aboveBefore,
			items: exported.length,
		};
		this.runs.push(result);
		log(`${t.flow} ${count}: ${result.exactCalls} Exact calls (${JSON.stringify(result.exactByKind)}), ${result.outsmartCalls} OutSmart, ${seconds.toFixed(1)} s, peak ${memory.peak.toFixed(0)} MB`);
		if (t !== EXPORT) return result;
		const windows = world.exact.state.limits().divisions[MAIN_DIVISION].closedWindows.slice(windowsBefore);
		const atCap = longestStretchAtCap(windows, world.exact.state.limits().minutelyLimit);
		if (atCap.length >= 3) {
			// Calls a minute while the export waited on the cap: the windows at 60, with the pauses between them (the
			// throttle waits for the reset the headers name, plus a margin). The last window of the stretch only marks its end.
			const elapsed = atCap[atCap.length - 1].start - atCap[0].start;
			const calls = atCap.slice(0, -1).reduce((sum, w) => sum + w.calls, 0);
			this.sustained = {
				workload: `the export of ${count} work orders`,
				minuteMs: MINUTE_MS,
				calls: countedCalls(stats),
				windows: windows.length + 1,
				windowsAtCap: atCap.length,
				callsPerFullWindow: windows.map((w) => w.calls),
				callsPerMinute: (calls / elapsed) * MINUTE_MS,
				wholeRunCallsPerMinute: (countedCalls(stats) / (seconds * 1000)) * MINUTE_MS,
				rateLimited429ByExact: stats.rateLimited429,
				// The run succeeded (checked above): no 429 reached the user.
				rateLimited429SeenByUser: 0,
				seconds,
			};
		}
		return result;
	}

	/**
	 * Template 10: work orders of the seed's open sales orders (VO-, template 09's if it ran) completed and brought
	 * back to their orders, one order alone (`single`, as the export's single run) and then all the others.
	 */
	async ordersBack(n8n: N8nInstance, world: BenchWorld, size: string, id: string, single: boolean): Promise<void> {
		const open = world.exact.state
			.listRecords('SalesOrders')
			.filter((o) => Number(o.Status) === 12)
			.sort((a, b) => Number(a.OrderNumber) - Number(b.OrderNumber));
		const back = (orders: ExactRecord[]) => this.exportRun(n8n, world, id, size, ORDER_BACK, orders.length, () => completeOrderWorkOrders(world, orders));
		if (single) await back(open.slice(0, 1));
		await back(open.slice(single ? 1 : 0));
	}

	/**
	 * The same work the naive way, on a twin of the size's administration, after the n8n runs (so that they do
	 * not wait for it): the figure goes beside every run of the flow (a naive flow reads everything every run).
	 */
	async naive(size: Size, exported: SeedWorkorder[]): Promise<void> {
		const twin = await startNaiveTwin(size.seed);
		try {
			for (const t of IMPORTS) {
				if (!t.naive) continue;
				const calls = await twin.calls(t.naive);
				for (const run of this.runs.filter((r) => r.size === size.label && r.flow === t.flow)) run.naiveCalls = calls;
				log(`naive ${t.flow} ${size.label}: ${calls} calls`);
			}
			const calls = await twin.calls((t) => naiveExport(t, exported));
			const run = this.runs.find((r) => r.size === size.label && r.flow === 'work order export' && r.items === exported.length);
			if (run) run.naiveCalls = calls;
			log(`naive export of ${exported.length}: ${calls} calls`);
		} finally {
		}
	}

	/** The OutSmart Trigger's first poll over `count` completed work orders: one read, every one emitted. */
	async triggerPoll(n8n: N8nInstance, world: BenchWorld, id: string, count: number): Promise<void> {
		world.outsmart.state.insertWorkorders(completedWorkOrders(world, count, 'WO-POLL'));
		world.outsmart.state.resetStats();
		const peak = await this.peakMeter(n8n);
		const started = Date.now();
		// Activation polls once before it answers: with thousands of work orders that can outlast the API call's
		// time-out, so the execution it starts is what counts.
		await n8n.activateWorkflow(id).catch((error: Error) => {
			if (!n8n.isRunning) throw new Error(`n8n stopped while activating the trigger: ${error.message}\n${n8n.logs(20)}`);
			log(`activation answered late (${error.message}); waiting for its execution`);
		});
		const execution = await n8n.waitFor(async () => (await n8n.listExecutions(id, { includeData: false })).find((e) => e.finished || e.status === 'error'), 600_000, {
			description: 'the trigger execution',
			intervalMs: 500,
		});
		const seconds = (Date.parse(String(execution.stoppedAt)) - started) / 1000;
		const memory = await peak();
		await n8n.deactivateWorkflow(id);
		const full = await n8n.getExecution(execution.id);
		const emitted = full.data?.resultData.runData['Completed work orders']?.[0]?.data?.main?.[0]?.length ?? 0;
		const workflow = await n8n.exportWorkflow(id);
		const result: FlowRun = {
			flow: 'OutSmart Trigger poll',
			size: `${count.toLocaleString('en-US')} completed`,
			run: 'first poll, every one emitted',
			exactCalls: 0,
			exactByKind: {},
			tokenCalls: 0,
			outsmartCalls: world.outsmart.state.stats().callsTotal,
			seconds,
			peakMb: memory.peak,
			peakAboveIdleMb: 0,
			peakAboveBeforeMb: memory.aboveBefore,
			staticDataBytes: staticDataBytes(workflow),
			items: emitted,
		};
		this.runs.push(result);
		log(`trigger ${count}: ${emitted} emitted, ${seconds.toFixed(1)} s, peak ${memory.peak.toFixed(0)} MB`);
	}
}

/**
 * Whether the run's Get Changes stopped at Max Changes per Run, so that another part follows: it read at least that
 * many rows of its stream (accounts or contacts), as the Exact simulator counted them on its sync endpoint in this
 * run. Not from the execution's data: loading that through n8n's API grows n8n by ~100 MB, which the next part
 * would then be measured on.
 */
function readFullPart(world: BenchWorld, file: string): boolean {
	const inParts = template(file).nodes.filter((n) => n.type.endsWith('.exactOnlineAccount') && ['getChanges', 'getContactChanges'].includes(String((n.parameters as Record<string, unknown>)?.operation)));
	const rows: Record<string, number> = {};
	for (const call of world.exact.state.calls()) if (call.endpoint && call.rows) rows[call.endpoint] = (rows[call.endpoint] ?? 0) + call.rows;
	return inParts.some((node) => {
		const parameters = node.parameters as Record<string, any>;
		const max = Number((parameters?.changesOptions ?? {}).maxPerRun ?? DEFAULT_MAX_PER_RUN);
		const stream = parameters?.operation === 'getContactChanges' ? 'GET sync/CRM/Contacts' : 'GET sync/CRM/Accounts';
		return max > 0 && (rows[stream] ?? 0) >= max;
	});
}

/** The accounts of a size's administration. */
function accountsOf(size: Size): number {
	return typeof size.seed === 'string' ? SEED_SIZES[size.seed].accounts : (size.seed.accounts ?? 0);
}

/** The longest run of consecutive windows that let the whole limit through. */
function longestStretchAtCap(windows: ClosedWindow[], limit: number): ClosedWindow[] {
	let best: ClosedWindow[] = [];
	let current: ClosedWindow[] = [];
	for (const w of windows) {
		current = w.calls >= limit ? [...current, w] : [];
		if (current.length > best.length) best = current;
	}
	return best;
}

/** An Exact /Date(ms)/ value a day later. */
const dayLater = (value: unknown) => `/Date(${Number(/\d+/.exec(String(value))?.[0] ?? 0) + 86_400_000})/`;

/** What a day's change does to a record of each entity the templates read. */
const CHANGES: Record<string, (record: ExactRecord) => Record<string, unknown>> = {
	Accounts: (r) => ({ City: `${String(r.City ?? '')} (gewijzigd)`.slice(0, 50) }),
	Items: (r) => ({ Description: `${String(r.Description ?? '')} *` }),
	Employees: (r) => ({ City: `${String(r.City ?? '')} *`.slice(0, 50) }),
	SalesItemPrices: (r) => ({ Price: Math.round(Number(r.Price ?? 0) * 102) / 100 }),
	SalesOrders: (r) => ({ Description: `${String(r.Description ?? '')} *`.slice(0, 60) }),
	// A draft or open quotation is accepted, another one changes.
	Quotations: (r) => ([20, 25].includes(Number(r.Status)) ? { Status: 50 } : { Description: `${String(r.Description ?? '')} *`.slice(0, 60) }),
	ItemWarehouses: (r) => ({ CurrentStock: Math.max(0, Number(r.CurrentStock ?? 0) - 1) }),
	Projects: (r) => ({ Description: `${String(r.Description ?? '')} *`.slice(0, 60) }),
	// A planning line moves to the next day.
	ProjectPlanning: (r) => ({ StartDate: dayLater(r.StartDate), EndDate: dayLater(r.EndDate) }),
};

/**
 * 1% of the records of each entity the templates read (at least one), spread over the lists, and what a day brings
 * the Pro flows besides (new OutSmart quotations and invoices, payments, completed planning work orders).
 */
function changeOnePercent(world: BenchWorld): void {
	for (const [entity, change] of Object.entries(CHANGES)) {
		const records = world.exact.state.listRecords(entity);
		// Sales orders are keyed by OrderID, quotations by QuotationID, the others by ID.
		for (let i = 0; i < records.length; i += 100) {
			world.exact.state.updateRecord(entity, String(records[i].ID ?? records[i].OrderID ?? records[i].QuotationID), change(records[i]) as never);
		}
	}
	aDayOfProWork(world);
}

/**
 * The started n8n's idle size: once its size has not fallen for 10 s (right after start it still holds what
 * starting up allocated, up to 300 MB more for some 20 s, and gives it back).
 */
async function settledSize(n8n: N8nInstance): Promise<number> {
	const pid = n8n.pid;
	if (pid === undefined) throw new Error('n8n is not running');
	return await settle(pid, { quietMs: 15_000, maxMs: 90_000 });
}

function triggerOnly(): WorkflowInput {
	const trigger = template(EXPORT_FILE).nodes.find((n) => n.type.endsWith('.outSmartTrigger'));
	if (!trigger) throw new Error(`${EXPORT_FILE} has no OutSmart Trigger`);
	return {
		name: 'bench: OutSmart Trigger only',
		nodes: [trigger, { name: 'Done', type: 'n8n-nodes-base.noOp', parameters: {} }],
		connections: { [trigger.name]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	};
}

/** The template without its Exact Online Trigger (and that trigger's connections): see ImportTemplate.webhookCallsPerEvent. */
function withoutExactTrigger(workflow: WorkflowInput): WorkflowInput {
	const triggers = new Set(workflow.nodes.filter((n) => n.type.endsWith('.exactOnlineTrigger')).map((n) => n.name));
	if (triggers.size === 0) return workflow;
	const connections = Object.fromEntries(Object.entries(workflow.connections ?? {}).filter(([from]) => !triggers.has(from)));
	return { ...workflow, nodes: workflow.nodes.filter((n) => !triggers.has(n.name)), connections };
}

/**
 * The template with a Webhook node where its Schedule Trigger was (same connections): a production webhook run
 * is what a scheduled run is to the nodes, with its static data saved, and starts when the bench asks.
 */
function startedByWebhook(workflow: WorkflowInput, webhookPath: string): WorkflowInput {
	const schedule = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger');
	if (!schedule) throw new Error(`${String(workflow.name)} has no Schedule Trigger`);
	const webhook = {
		name: 'Bench start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		position: schedule.position,
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
	};
	const connections = { ...(workflow.connections ?? {}) };
	connections[webhook.name] = connections[schedule.name];
	delete connections[schedule.name];
	return { ...workflow, nodes: [webhook, ...workflow.nodes.filter((n) => n !== schedule)], connections };
}

/**
 * n8n's environment for trying settings on its memory: BENCH_N8N_NODE_OPTIONS (e.g. --max-old-space-size=512) goes
 * to its NODE_OPTIONS, BENCH_N8N_ENV (e.g. `MALLOC_ARENA_MAX=2 EXECUTIONS_DATA_SAVE_ON_SUCCESS=none`) adds variables.
 */
function n8nEnv(): Record<string, string> {
	const env: Record<string, string> = Object.fromEntries(
		(process.env.BENCH_N8N_ENV ?? '')
			.split(/\s+/)
			.filter((pair) => pair.includes('='))
			.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
	);
	if (process.env.BENCH_N8N_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_N8N_NODE_OPTIONS;
	return env;
}

/**
 * The first import of one template at the largest size in an n8n of its own, nothing else run before it:
 * `BENCH_FIRST_IMPORT=01-import-relations.json` prints its row(s) and writes nothing (for working on its memory);
 * the whole bench runs it once more with n8n's heap limited (HEAP_LIMIT), the setting the README recommends.
 */
async function firstImportAlone(file: string, env: Record<string, string>, label = ''): Promise<FlowRun[]> {
	const t = IMPORTS.find((i) => i.file === file);
	if (!t) throw new Error(`${file} is not one of ${IMPORTS.map((i) => i.file).join(', ')}`);
	const size = SIZES[SIZES.length - 1];
	const workflow = startedByWebhook(withoutExactTrigger(template(file)), 'bench-first');
	const runs = await inFreshN8n(size.seed, env, { workflow, activate: true }, (bench, n8n, world, id) =>
		bench.firstImport(t, () => bench.execute(n8n, world, id, 'bench-first', { flow: t.flow, size: size.label, run: 'first run (everything)' }), world),
	);
	return runs.map((r) => ({ ...r, run: `${r.run}${label}` }));
}

/**
 * The OutSmart Trigger's first poll over `count` completed work orders in an n8n of its own (as the memory target's
 * import): in the bench's shared n8n its peak would hold what the 500-work-order export before it left.
 */
async function triggerPollAlone(count: number): Promise<FlowRun[]> {
	// Not activated before: activating it is the poll measured.
	return await inFreshN8n(SIZES[0].seed, n8nEnv(), { workflow: triggerOnly(), activate: false }, (bench, n8n, world, id) => bench.triggerPoll(n8n, world, id, count));
}

/**
 * `work` on one workflow in a started n8n of its own and a world of `seed`, nothing run before it: its runs, each
 * peak above that n8n's idle size. `activate`: before n8n settles (a webhook is registered some moments after).
 */
async function inFreshN8n(
	seed: SeedSize,
	env: Record<string, string>,
	{ workflow, activate }: { workflow: WorkflowInput; activate: boolean },
	work: (bench: Bench, n8n: N8nInstance, world: BenchWorld, id: string) => Promise<void>,
): Promise<FlowRun[]> {
	const bench = new Bench();
	const world = await startBenchWorld(seed, MINUTE_MS);
	const n8n = await createN8nInstance({ name: 'bench-alone', env });
	try {
		await n8n.importCredentials(benchCredentials(world));
		const [id] = await n8n.importWorkflow([withDemoCredentials(workflow as never, n8n.packageName) as WorkflowInput]);
		await n8n.start();
		if (activate) await n8n.activateWorkflow(id);
		bench.idleServerMb = bench.settledMb = await settledSize(n8n);
		bench.settleToIdle = true;
		log(`n8n started alone for ${String(workflow.name)}: ${bench.idleServerMb.toFixed(0)} MB`);
		await work(bench, n8n, world, id);
		bench.settleIdle();
		return bench.runs;
	} finally {
		await n8n.dispose();
		await world.close();
	}
}

async function main(): Promise<void> {
	if (process.env.BENCH_FIRST_IMPORT) return console.log(JSON.stringify(await firstImportAlone(process.env.BENCH_FIRST_IMPORT, n8nEnv()), null, 2));
	const started = Date.now();
	const bench = new Bench();
	let n8nVersion = '';
	for (const [index, size] of SIZES.entries()) {
		log(`world of ${size.label} accounts/items`);
		const world = await startBenchWorld(size.seed, MINUTE_MS);
		const n8n = await createN8nInstance({ name: `bench-${index}`, env: n8nEnv() });
		let exported: SeedWorkorder[] = [];
		n8nVersion = n8n.paths.n8nVersion;
		try {
			await n8n.importCredentials(benchCredentials(world));
			const paths = Object.fromEntries(IMPORTS.map((t, i) => [t.file, `bench-${index}-${i}`]));
			const exportLike = [...(SELECTED ? [] : [EXPORT]), ...(WITH_ORDER_BACK ? [ORDER_BACK] : [])];
			const workflows = [
				...IMPORTS.map((t) => startedByWebhook(withoutExactTrigger(template(t.file)), paths[t.file])),
				...exportLike.map((t) => template(t.file)),
			].map((workflow) => withDemoCredentials(workflow as never, n8n.packageName) as WorkflowInput);
			const imported = await n8n.importWorkflow(workflows);
			const ids: Record<string, string> = Object.fromEntries([...IMPORTS, ...exportLike].map((t, i) => [t.file, imported[i]]));
			await n8n.start();
			for (const t of IMPORTS) await n8n.activateWorkflow(ids[t.file]);
			bench.idleServerMb = bench.settledMb = await settledSize(n8n);
			log(`n8n started: ${bench.idleServerMb.toFixed(0)} MB`);

			await bench.imports(n8n, world, size, ids, paths);
			for (const t of IMPORTS) await n8n.deactivateWorkflow(ids[t.file]);

			if (!SELECTED) {
				if (index === 0) {
					const one = completedWorkOrders(world, 1, 'WO-ONE');
					await bench.exportRun(n8n, world, ids[EXPORT_FILE], size.label, EXPORT, 1, () => world.outsmart.state.insertWorkorders(one));
				}
				exported = completedWorkOrders(world, size.workOrders, `WO-${index}`);
				await bench.exportRun(n8n, world, ids[EXPORT_FILE], size.label, EXPORT, exported.length, () => world.outsmart.state.insertWorkorders(exported));
			}
			if (WITH_ORDER_BACK) await bench.ordersBack(n8n, world, size.label, ids[ORDER_BACK.file], index === 0);
			bench.settleIdle(size.label);
			bench.idleBySize[size.label] = bench.idleServerMb;
		} finally {
			await n8n.dispose();
			await world.close();
		}
		if (!SELECTED) await bench.naive(size, exported);
	}

	if (SELECTED) return printRows(bench.runs);
	bench.runs.push(...(await triggerPollAlone(3000)));
	// The memory target's import, each in an n8n of its own: with n8n's default heap and with the recommended limit.
	bench.runs.push(...(await firstImportAlone(IMPORTS[0].file, n8nEnv(), ', alone in a fresh n8n')).map((r) => ({ ...r, alone: true })));
	const limitedEnv = { ...n8nEnv(), NODE_OPTIONS: `--max-old-space-size=${HEAP_LIMIT_MB}` };
	bench.runs.push(...(await firstImportAlone(IMPORTS[0].file, limitedEnv, `, alone, n8n's heap limited to ${HEAP_LIMIT_MB} MB`)).map((r) => ({ ...r, alone: true, heapLimitMb: HEAP_LIMIT_MB })));
	const results = summarize(bench, n8nVersion, (Date.now() - started) / 1000);
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
	const text = markdown(results);
	fs.writeFileSync(path.join(RESULTS_DIR, 'latest.md'), `${text}\n`);
	console.log(`\n${text}\n\n(${results.seconds.toFixed(0)} s; bench/results/latest.json and latest.md)`);
	process.exit(Object.values(results.targets).every((t) => t.met) ? 0 : 1);
}

/** The rows of a run of some templates (BENCH_TEMPLATES), with the Exact calls by kind. */
function printRows(runs: FlowRun[]): void {
	const rows = runs.map((r) => `| ${r.flow} | ${r.size} | ${r.run} | ${r.exactCalls} | ${Object.entries(r.exactByKind).map(([kind, n]) => `${kind} ${n}`).join(', ')} | ${r.tokenCalls} | ${r.outsmartCalls} | ${r.items ?? ''} | ${r.seconds.toFixed(1)} |`);
	console.log(['| flow | size | run | Exact calls | by kind | token calls | OutSmart calls | items | seconds |', '| :-- | --: | :-- | --: | :-- | --: | --: | --: | --: |', ...rows].join('\n'));
}

function summarize(bench: Bench, n8nVersion: string, seconds: number): BenchResults {
	const runs = bench.runs;
	const find = (flow: string, size: string, run: string) => {
		const found = runs.find((r) => r.flow === flow && r.size === size && r.run === run);
		if (!found) throw new Error(`no run ${flow} ${size} ${run}`);
		return found;
	};
	const refreshes = Math.max(...runs.filter((r) => r.run === 'nothing changed').map((r) => r.tokenCalls));
	const shippedSchedules = Object.fromEntries(IMPORTS.map((t) => [t.file, scheduleOf(t.file)]));
	/**
	 * An export-like flow at one size: the run with 1 work order (at the first size) and the size's run with the
	 * most give a part per run and a part per work order.
	 */
	const exportFlowAt = (t: ExportLikeTemplate, size: Size, poll: number): ExportFlow => {
		const one = runs.find((r) => r.flow === t.flow && r.items === 1);
		const many = runs.filter((r) => r.flow === t.flow && r.size === size.label).reduce((most, r) => ((r.items ?? 0) > (most?.items ?? 0) ? r : most), undefined as FlowRun | undefined);
		if (!one || !many?.items || many.items < 2) throw new Error(`no runs of ${t.flow} with 1 and with more work orders at ${size.label}`);
		const perWorkOrder = (many.exactCalls - one.exactCalls) / (many.items - 1);
		return { name: t.flow, pro: t.pro, pollMinutes: poll, workOrdersPerDay: t.perDay, workday: [8, 17], perRunCalls: one.exactCalls - perWorkOrder, perWorkOrderCalls: perWorkOrder };
	};
	/** A day at one size: imports from that size's runs, the export-like flows from their work orders and 1-work-order runs. */
	const dayAt = (size: Size, schedules: Record<string, Schedule>, exportLike: Array<[ExportLikeTemplate, number]>) => {
		const imports: ImportFlow[] = IMPORTS.filter((t) => schedules[t.file]).map((t) => ({
			name: t.flow,
			schedule: schedules[t.file],
			idleCalls: find(t.flow, size.label, 'nothing changed').exactCalls,
			changedCalls: find(t.flow, size.label, '1% changed').exactCalls,
			echoCalls: t.echo ? find(t.flow, size.label, "the day's own writes come back").exactCalls : undefined,
			pro: t.pro,
			events: t.webhookCallsPerEvent === undefined ? undefined : { perDay: Math.ceil(accountsOf(size) / 100), callsPerEvent: t.webhookCallsPerEvent, workday: [8, 17] },
		}));
		const exportFlows = exportLike.map(([t, poll]) => exportFlowAt(t, size, poll));
		return { budget: dayBudget(imports, exportFlows, refreshes), exportFlows };
	};
	const shippedExports: Array<[ExportLikeTemplate, number]> = [EXPORT, ORDER_BACK].map((t) => [t, pollMinutes(t.file)]);
	const days = SIZES.map((size) => ({ size: size.label, ...dayAt(size, shippedSchedules, shippedExports) }));
	const before = dayAt(SIZES[0], BEFORE_SCHEDULES, [[EXPORT, 10]]);
	const shipped = days.reduce((worst, day) => (day.budget.basicShare > worst.budget.basicShare ? day : worst));

	// The first import of the relations alone in an n8n: in the bench's shared n8n a run's peak also holds what the
	// flows before it left (see the column "above before the run" for what a run adds itself).
	const peakOf = (heapLimited: boolean) => Math.max(...runs.filter((r) => r.alone && !!r.heapLimitMb === heapLimited).map((r) => r.peakAboveIdleMb));
	const peak20k = peakOf(false);
	const peakLimited = peakOf(true);
	const trigger = runs.find((r) => r.flow === 'OutSmart Trigger poll');
	const sustained = bench.sustained;
	const targets: BenchResults['targets'] = {
		[`20,000 accounts into OutSmart (template 01's first import): n8n's peak memory above idle, n8n's default heap`]: {
			target: `≤ ${MEMORY_TARGET_MB} MB`,
			result: `${peak20k.toFixed(0)} MB`,
			met: peak20k <= MEMORY_TARGET_MB,
		},
		[`the same, n8n's heap limited to ${HEAP_LIMIT_MB} MB (NODE_OPTIONS=--max-old-space-size=${HEAP_LIMIT_MB})`]: {
			target: `≤ ${MEMORY_TARGET_MB} MB`,
			result: `${peakLimited.toFixed(0)} MB`,
			met: peakLimited <= MEMORY_TARGET_MB,
		},
		'the Basic set (01-05), a day at the default schedules': {
			target: `≤ ${DAY_SHARE_TARGET * 100}% of ${EXACT_DAILY_LIMIT.toLocaleString('en-US')} calls`,
			result: days.map((d) => `${d.size}: ${d.budget.basicCalls} calls (${(d.budget.basicShare * 100).toFixed(1)}%; with the Pro templates ${d.budget.calls}, ${(d.budget.share * 100).toFixed(1)}%)`).join('; '),
			met: shipped.budget.basicShare <= DAY_SHARE_TARGET,
		},
		'token-endpoint calls a day': {
			target: `≤ ${EXACT_DAILY_TOKEN_LIMIT}`,
			result: String(Math.max(...days.map((d) => d.budget.tokenCalls))),
			met: days.every((d) => d.budget.tokenCalls <= EXACT_DAILY_TOKEN_LIMIT),
		},
		'sustained load: calls per minute at the cap': {
			target: `≥ ${SUSTAINED_TARGET} of 60`,
			result: sustained ? `${sustained.callsPerMinute.toFixed(1)} over ${sustained.windowsAtCap} windows at the cap` : 'not measured',
			met: !!sustained && sustained.callsPerMinute >= SUSTAINED_TARGET,
		},
		'sustained load: 429s seen by the user': {
			target: '0',
			result: sustained ? `${sustained.rateLimited429SeenByUser} (Exact answered ${sustained.rateLimited429ByExact} with 429)` : 'not measured',
			met: !!sustained && sustained.rateLimited429SeenByUser === 0,
		},
		'OutSmart Trigger, 3,000 completed work orders: peak memory above idle': {
			target: `≤ ${MEMORY_TARGET_MB} MB`,
			result: trigger ? `${trigger.peakAboveIdleMb.toFixed(0)} MB, ${trigger.seconds.toFixed(1)} s` : 'not measured',
			met: !!trigger && trigger.peakAboveIdleMb <= MEMORY_TARGET_MB,
		},
	};
	return {
		generatedAt: new Date().toISOString(),
		n8nVersion,
		minuteMs: MINUTE_MS,
		idleMb: bench.idleBySize,
		runs,
		sustained,
		days: [
			...days.map((d) => ({ title: `A day at ${d.size} accounts/items with the shipped default schedules`, budget: d.budget })),
			{ title: `A day at ${SIZES[0].label} accounts/items with the schedules before this benchmark`, budget: before.budget },
		],
		dayBasis: [
			'imports: every run but one a day finds nothing changed (measured "nothing changed" run); one brings the day\'s changes (measured "1% changed" run); for a flow that reads its own writes (11) the run after that one reads them (measured "the day\'s own writes come back" run)',
			...shippedExports.map(([t], i) => {
				const one = runs.find((r) => r.flow === t.flow && r.items === 1)?.exactCalls;
				const sizes = days.map((d) => `${d.size}: ${d.exportFlows[i].perRunCalls.toFixed(1)} calls a run + ${d.exportFlows[i].perWorkOrderCalls.toFixed(2)} a work order`).join('; ');
				return `${t.flow}: a run with 1 work order (${one} calls) and a run with each size's work orders (${sizes}); ${t.perDay} work orders a day, completed 8:00-17:00, each poll that finds some handles them in one run; a poll that finds none costs Exact nothing`;
			}),
			`token calls: one refresh (${refreshes} measured on a run with an expired token) per run more than 10 minutes after the last refresh, all flows on one credential; in webhook mode the Exact Online Trigger fetches once per event`,
		],
		targets,
		seconds,
	};
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
