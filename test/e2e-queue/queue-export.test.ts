/**
 * Issue: "two n8n processes ran the shipped export template at the same moment against the same Exact and
 * OutSmart: work orders got two invoices."
 *
 * n8n in queue mode as users run it: one main and two workers (`n8n worker --concurrency=1`) on a private Redis
 * and PostgreSQL (scripts/n8n/queue.ts), the package installed in each. The shipped template
 * (templates/05-export-work-orders.json, only the demo credentials picked) is started from the main through the
 * REST API (a manual run: it runs in the main process), and at the same moment a webhook variant of it (a Webhook
 * trigger feeding what *Run now* feeds, "Ready work orders"; production URL, answers at once) is called twice:
 * the main enqueues both and each worker runs one. Three executions of the same export, in three processes,
 * against the same two simulators.
 *
 * Three rounds, each with new ready work orders (Compleet + GEREED): plain; with the Exact access token
 * expired, so that all three processes need a new one at once; and starting near Exact's minutely cap, so
 * that the three must share what is left of the minute. After each round the end state is checked in the
 * simulators (never on node outputs: the export node's outputs may change): every ready work order has exactly
 * one Exact document with YourRef = its number, was marked handled (Afgehandeld) exactly once and not marked
 * failed; the token endpoint saw the expected number of refreshes and refused none (Exact refuses an old
 * refresh token and a refresh within 570 s; n8n 2.41 itself serialises refreshes of one credential across
 * processes with its LockService and re-reads the credential first); the minutely cap of 60 is shared by all
 * processes through the X-RateLimit headers: no 429 in a fresh minute, and near the cap at most one 429 per other
 * execution, which the node waits out; all three executions succeeded. And the infrastructure is proven each round: the manual run ran on the main, each webhook run on a
 * different worker (from the processes' own logs). Rounds 1 and 2 start in a fresh Exact minute, so that only
 * round 3 is about the cap.
 *
 * Exact answers every API call after EXACT_LATENCY_MS (a 'delay' rule of the simulator), as the real one takes a
 * few hundred milliseconds: without it the simulator answers in about a millisecond and two processes would
 * rarely overlap at all.
 *
 * Run: `npm run test:queue` (installs n8n when missing; build first). Needs root for apt-get on a fresh machine.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';
import { REPO_ROOT } from '../../scripts/n8n-env';
import { demoCredentials, demoReadyWorkOrders, readyForExport, startDemoWorld, withDemoCredentials, type DemoWorld } from '../../scripts/demo-data';
import { waitFor, type PublicExecution, type WorkflowInput, type WorkflowNodeInput } from '../../scripts/n8n';
import { createQueueN8n, ensureQueueServices, type ProcessName, type QueueN8n, type QueueServices } from '../../scripts/n8n/queue';

const TEMPLATE_FILE = path.join(REPO_ROOT, 'templates', '05-export-work-orders.json');
const RUN_NOW = 'Run now';
const READY_WORK_ORDERS = 'Ready work orders';
const SHIPPED_ID = 'queueExportShipped';
const VARIANT_ID = 'queueExportWebhook';
const WEBHOOK_PATH = 'e2e-queue-export';
const WEBHOOK_NODE = 'Start by webhook';
/** What each Exact API call takes, like the real Exact (the simulator alone answers in ~1 ms). */
const EXACT_LATENCY_MS = 150;
/** Calls left in the current minute when the "near the cap" round starts (a round needs more than this). */
const CAP_ROUND_REMAINING = 8;
/** Ready work orders per round: copies of the demo seed's ready ones (round 1 also has the seed's own three). */
const READY_PER_ROUND = 6;

jest.setTimeout(240_000);

const log = (text: string): void => {
	process.stdout.write(`[queue-e2e] ${text}\n`);
};

/** The demo seed's ready work orders (Compleet, GEREED), with the codes of the Exact administration. */
const SEED_READY = demoReadyWorkOrders();

function readTemplate(): WorkflowInput {
	return JSON.parse(fs.readFileSync(TEMPLATE_FILE, 'utf8')) as WorkflowInput;
}

type Connections = Record<string, { main?: Array<Array<{ node: string; type: string; index: number }> | null> }>;

/**
 * The template with its triggers replaced by one Webhook trigger (production URL, answers at once) that feeds
 * what "Run now" feeds. The other triggers go (an active OutSmart Trigger would poll, and export, by itself).
 */
function webhookVariant(template: WorkflowInput): WorkflowInput {
	const connections = (template.connections ?? {}) as Connections;
	const runNow = connections[RUN_NOW];
	const targets = (runNow?.main ?? []).flat().filter((c): c is NonNullable<typeof c> => Boolean(c)).map((c) => c.node);
	if (!template.nodes.some((n) => n.name === RUN_NOW) || targets.join() !== READY_WORK_ORDERS) {
		throw new Error(`The template's "${RUN_NOW}" must feed "${READY_WORK_ORDERS}" (it feeds: ${targets.join(', ') || 'nothing'})`);
	}
	const isTrigger = (node: WorkflowNodeInput) => /trigger$/i.test(node.type);
	const removed = new Set(template.nodes.filter(isTrigger).map((n) => n.name));
	const webhook: WorkflowNodeInput = {
		name: WEBHOOK_NODE,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		position: [0, 400],
		parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
	};
	const kept: Connections = {};
	for (const [from, value] of Object.entries(connections)) {
		if (removed.has(from)) continue;
		kept[from] = { ...value, main: value.main?.map((outputs) => outputs?.filter((c) => !removed.has(c.node)) ?? null) };
	}
	kept[webhook.name] = { main: runNow.main };
	return {
		...template,
		id: VARIANT_ID,
		name: `${template.name ?? 'export'} (webhook, queue e2e)`,
		nodes: [...template.nodes.filter((n) => !removed.has(n.name)), webhook],
		connections: kept,
	};
}

interface WorkOrderEndState {
	/** Exact sales invoices and sales orders with YourRef = the work order number. */
	documents: number;
	/** Status changes to Afgehandeld in the work order's history. */
	handled: number;
	status: string;
	/** Work status EXPFOUT: the export said it failed. */
	markedFailed: boolean;
}

interface RoundSummary {
	ranOn: { manual: ProcessName | undefined; webhooks: Array<ProcessName | undefined> };
	failedExecutions: string[];
	workOrders: Record<string, WorkOrderEndState>;
	exact: { refreshes: number; refusedRefreshes: string[]; answered429: number };
}

describe('queue mode: the export template on the main and two workers at the same moment', () => {
	let services: QueueServices | undefined;
	let world: DemoWorld | undefined;
	let queue: QueueN8n | undefined;
	const suiteStarted = Date.now();

	beforeAll(async () => {
		const t0 = Date.now();
		services = await ensureQueueServices({ database: 'n8n_queue_e2e' });
		const servicesMs = Date.now() - t0;
		world = await startDemoWorld();
		// Exact's latency, on every API call until the end (token calls are not delayed).
		world.exact.state.addFault({ match: { path: '/api/v1/' }, kind: 'delay', delayMs: EXACT_LATENCY_MS, times: 0 });

		const t1 = Date.now();
		queue = await createQueueN8n(services, { name: 'queue-export', workers: 2, concurrency: 1 });
		const { main } = queue;
		await main.importCredentials(demoCredentials(world));
		const template = readTemplate();
		await main.importWorkflow([
			{ ...withDemoCredentials(template, main.packageName), id: SHIPPED_ID },
			withDemoCredentials(webhookVariant(template), main.packageName),
		]);
		await main.publishWorkflow(VARIANT_ID);
		const importMs = Date.now() - t1;
		const t2 = Date.now();
		const started = await queue.start();
		// The production webhook is registered (the main logs it at debug level, which queue.ts sets for the main).
		await queue.waitForLog('main', new RegExp(`^Added webhook "${WEBHOOK_NODE}" for workflow`), 60_000);
		await main.login();
		log(
			`setup: apt ${services.timings.aptMs} ms (installed: ${services.installed.join(', ') || 'nothing'}), redis ${services.timings.redisMs} ms, ` +
				`postgres ${services.timings.postgresMs} ms, services total ${servicesMs} ms; n8n folders + imports on Postgres ${importMs} ms; ` +
				`main ready ${started.mainMs} ms, workers ${started.workersMs.join(' / ')} ms, all active ${Date.now() - t2} ms`,
		);
	}, 600_000);

	afterAll(async () => {
		const t = Date.now();
		// n8n first (it holds connections to Redis and PostgreSQL), then the services and the simulators.
		const results = await Promise.allSettled([queue?.dispose()]);
		results.push(...(await Promise.allSettled([services?.stop(), world?.close()])));
		log(`teardown ${Date.now() - t} ms; suite ${Math.round((Date.now() - suiteStarted) / 1000)} s`);
		const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		if (failed.length) throw new Error(`Teardown failed: ${failed.map((f) => String(f.reason)).join('; ')}`);
	}, 120_000);

	function readyWorkOrders(): string[] {
		return world!.outsmart.state
			.list('workorders')
			.filter(readyForExport)
			.map((w) => String(w.WorkorderNo));
	}

	function endState(no: string): WorkOrderEndState {
		const exact = world!.exact.state;
		const documents = ['SalesInvoices', 'SalesOrders']
			.flatMap((entity) => exact.listRecords(entity))
			.filter((d) => String(d.YourRef ?? '').trim() === no).length;
		const outsmart = world!.outsmart.state;
		const workorder = outsmart.getWorkorder(no) as IDataObject;
		return {
			documents,
			handled: outsmart.workorderHistory(no).filter((h) => h.to === 'Afgehandeld').length,
			status: String(workorder.status),
			markedFailed: workorder.WorkStatus === 'EXPFOUT',
		};
	}

	/** Adds new ready work orders (copies of the demo seed's, with new numbers) and zeroes the simulators' counters. */
	function prepareRound(round: number): string[] {
		const copies = Math.max(1, Math.ceil((READY_PER_ROUND - readyWorkOrders().length) / SEED_READY.length));
		const added = Array.from({ length: copies }, (_, c) =>
			SEED_READY.map((w) => ({
				...w,
				WorkorderNo: `${String(w.WorkorderNo)}-R${round}${String.fromCharCode(65 + c)}`,
				OrderNr: `${String(w.OrderNr)}-R${round}${String.fromCharCode(65 + c)}`,
			})),
		).flat();
		world!.outsmart.state.insertWorkorders(added);
		world!.outsmart.state.resetStats();
		world!.outsmart.state.clearCalls();
		world!.exact.state.resetStats();
		const ready = readyWorkOrders();
		expect(ready).toEqual(expect.arrayContaining(added.map((w) => String(w.WorkorderNo))));
		return ready;
	}

	/**
	 * Waits until Exact's current minute window (the simulator's, per division) is over, so that a round starts
	 * with the whole minutely budget and does not inherit the previous round's calls. Returns the wait in ms.
	 */
	async function freshMinute(): Promise<number> {
		const started = Date.now();
		const { rateLimiter, currentDivision } = world!.exact.state;
		const full = () => {
			const headers = rateLimiter.peek(currentDivision);
			return headers['X-RateLimit-Minutely-Remaining'] === headers['X-RateLimit-Minutely-Limit'];
		};
		await waitFor(full, 70_000, { description: "Exact's minute window to end", intervalMs: 250 });
		return Date.now() - started;
	}

	/** The three-way start: two production webhook calls (one per worker) and a manual run on the main, at once. */
	async function startAll(): Promise<{ manual: string; webhooks: string[] }> {
		const n8n = queue!;
		const enqueuedBefore = new Set(n8n.enqueued());
		const hook = async (): Promise<void> => {
			const res = await fetch(`${n8n.main.baseUrl}/webhook/${WEBHOOK_PATH}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
				signal: AbortSignal.timeout(30_000),
			});
			if (res.status !== 200) throw new Error(`POST /webhook/${WEBHOOK_PATH} answered ${res.status}: ${await res.text()}`);
		};
		const [, , manual] = await Promise.all([hook(), hook(), n8n.main.startManualRun(SHIPPED_ID, RUN_NOW)]);
		const webhooks = await waitFor(
			() => {
				const fresh = n8n.enqueued().filter((id) => !enqueuedBefore.has(id));
				return fresh.length >= 2 ? fresh : undefined;
			},
			30_000,
			{ description: 'the main to enqueue both webhook executions', intervalMs: 100 },
		);
		return { manual, webhooks };
	}

	async function runRound(
		round: number,
		label: string,
		setup: { freshMinute: boolean; before?: () => void },
		expected: { refreshes: number; max429: number },
	): Promise<void> {
		const n8n = queue!;
		const waitedMs = setup.freshMinute ? await freshMinute() : 0;
		const ready = prepareRound(round);
		setup.before?.();
		const started = Date.now();
		const ids = await startAll();
		const all = [ids.manual, ...ids.webhooks];
		const executions: PublicExecution[] = [];
		for (const id of all) executions.push(await n8n.main.waitForExecution(id, 180_000));
		const durationMs = Date.now() - started;
		const ranOn = {
			manual: await n8n.waitForRunner(ids.manual).catch(() => undefined),
			webhooks: (await Promise.all(ids.webhooks.map((id) => n8n.waitForRunner(id).catch(() => undefined)))).sort(),
		};
		const stats = world!.exact.state.getStats();
		const summary: RoundSummary = {
			ranOn,
			failedExecutions: executions
				.filter((e) => e.status !== 'success')
				.map((e) => `${e.id} (${e.mode}): ${e.status} ${e.data?.resultData.error?.message ?? ''}`.trim()),
			workOrders: Object.fromEntries(ready.map((no) => [no, endState(no)])),
			exact: {
				refreshes: stats.refreshes.length,
				refusedRefreshes: stats.refreshes.filter((r) => r.outcome !== 'ok').map((r) => `${r.outcome} (${r.status})`),
				// byStatus, not rateLimited429: the latency rule makes every answer a "fault" answer in that counter.
				answered429: stats.calls.byStatus['429'] ?? 0,
			},
		};
		const markCalls = world!.outsmart.state
			.calls()
			.filter((c) => c.endpoint === 'GetWorkorder' && String(c.query.update_status).toLowerCase() === 'true').length;
		const duplicates = Object.values(summary.workOrders).filter((w) => w.documents > 1).length;
		const writes = Object.fromEntries(Object.entries(stats.calls.byEndpoint).filter(([endpoint]) => /^(POST|PUT|DELETE) /.test(endpoint)));
		log(
			`round ${round} (${label}): waited ${waitedMs} ms for a fresh Exact minute; ${ready.length} ready work orders, 3 executions in ${durationMs} ms ` +
				`(manual ${ids.manual} on ${ranOn.manual}, webhooks ${ids.webhooks.join('+')} on ${ranOn.webhooks.join('+')}); ` +
				`Exact: ${stats.calls.total} API calls ${JSON.stringify(stats.calls.byStatus)}, ${stats.tokenRequests} token calls, ` +
				`refreshes ${JSON.stringify(stats.refreshes.map((r) => r.outcome))}; writes ${JSON.stringify(writes)}; work orders with more than one document: ${duplicates}; ` +
				`OutSmart: ${markCalls} mark-handled calls for ${ready.length} work orders; failed executions: ${summary.failedExecutions.length}`,
		);

		const expectedSummary: RoundSummary = {
			ranOn: { manual: 'main', webhooks: ['worker-1', 'worker-2'] },
			failedExecutions: [],
			workOrders: Object.fromEntries(ready.map((no) => [no, { documents: 1, handled: 1, status: 'Afgehandeld', markedFailed: false }])),
			// Checked below: near the cap a few calls of other processes may be answered 429, never seen by the user.
			exact: { refreshes: expected.refreshes, refusedRefreshes: [], answered429: summary.exact.answered429 },
		};
		expect(summary).toEqual(expectedSummary);
		expect(summary.exact.answered429).toBeLessThanOrEqual(expected.max429);
	}

	it('round 1: three processes export the same ready work orders: one invoice each, handled once', async () => {
		await runRound(1, 'plain', { freshMinute: true }, { refreshes: 0, max429: 0 });
	});

	it('round 2: the Exact access token has expired: the three processes get one new token, no refresh refused', async () => {
		await runRound(2, 'access token expired', { freshMinute: true, before: () => world!.exact.state.expireAccessTokens() }, { refreshes: 1, max429: 0 });
	});

	// Each process knows only the count of the answers it got itself: when the last calls of a minute are left, the
	// other executions can each send one more before they learn the minute is used up (README, Reliability). Exact
	// answers those 429 with the reset time; the node waits for it and goes on: no execution fails.
	it(`round 3: only ${CAP_ROUND_REMAINING} calls left in Exact's minute: the three processes wait for the next one; at most one 429 per other execution, none seen by the user`, async () => {
		await runRound(
			3,
			'near the minutely cap',
			{ freshMinute: false, before: () => world!.exact.state.setLimits({ minutelyRemaining: CAP_ROUND_REMAINING }) },
			{ refreshes: 0, max429: 2 },
		);
	});
});
