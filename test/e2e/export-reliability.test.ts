/**
 * The shipped export template (templates/05-export-work-orders.json, read at run time; only its OutSmart Trigger
 * left out so that every run starts at "Run now", and the demo credentials picked) in real n8n processes against
 * the two simulators, where it is most likely to go wrong:
 *
 * 1. Two n8n processes (two `n8n start`, each its own user folder and own Exact tokens) export the same ready work
 *    orders at the same moment, three rounds, the invoice POSTs held back 300-800 ms so that both look before
 *    either writes: one invoice per work order, each handled exactly once, never marked failed.
 * 2. Exact down for a whole run (every API call 503) and an invoice POST whose connection drops before Exact
 *    stored it: the run stops with the error, no work order changes in OutSmart, nothing is written twice, and
 *    the next run exports everything once.
 * 3. The token: two processes on one user folder (the running `n8n start` and an `n8n execute`) find the access
 *    token expired at the same moment: both runs succeed with one refresh, at most one refused refresh per
 *    process, and the stored refresh token still works. And a refresh token somebody else already used: the run
 *    fails once with "reconnect", without a token or the client secret in the execution or n8n's log.
 *
 * End states are read from the simulators (Exact's SalesInvoices by YourRef, OutSmart's status history); the
 * node outputs give the per-round figures that are printed (invoices written, duplicates removed, calls).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/n8n-env';
import { DEMO_EXACT_TOKENS, EXACT_CREDENTIAL, demoCredentials, demoReadyWorkOrders, readyForExport, startDemoWorld, withDemoCredentials, type DemoWorld } from '../../scripts/demo-data';
import { maskToken, type CallLogEntry as ExactCall } from '../../simulators/exact';
import type { SeedWorkorder } from '../../simulators/outsmart';
import { createN8nInstance, waitFor, type ManualRunResult, type N8nInstance, type WorkflowInput, type WorkflowNodeInput } from '../../scripts/n8n';
import { runResult } from '../../scripts/n8n/execute-output';

jest.setTimeout(240_000);

const TEMPLATE_FILE = path.join(REPO_ROOT, 'templates', '05-export-work-orders.json');
const WORKFLOW_ID = 'exportReliability1';
const RUN_NOW = 'Run now';
const CREATE_INVOICE = 'Create invoice in Exact';
const MARK_HANDLED = 'Mark handled in OutSmart';
const MARK_FAILED = 'Mark export failed';
const INVOICE_POST = { method: 'POST', path: 'salesinvoice/SalesInvoices' };
/** How long each invoice POST is held back in a race round, one rule per POST (two processes, four work orders). */
const POST_DELAYS_MS = [300, 800, 450, 650, 550, 350, 700, 500];
const WORK_ORDERS_PER_ROUND = 4;
const ROUNDS = 3;
const CLIENT_SECRET = 'demo-client-secret';
/** Instance B's own token pair (instance A uses the demo pair). */
const B_TOKENS = { access_token: 'reliability-b-access-token-0001', refresh_token: 'reliability-b-refresh-token-0001' };

/** The demo seed's ready work orders (Compleet, GEREED), with the codes of the Exact administration. */
const SEED_READY = demoReadyWorkOrders();

const log = (text: string): void => {
	process.stdout.write(`[export-reliability] ${text}\n`);
};

type Connections = Record<string, { main?: Array<Array<{ node: string; type: string; index: number }> | null> }>;

/** The shipped template without its OutSmart Trigger (so `n8n execute` starts at "Run now"); all else as shipped. */
function exportWorkflow(): WorkflowInput {
	const template = JSON.parse(fs.readFileSync(TEMPLATE_FILE, 'utf8')) as WorkflowInput;
	const names = template.nodes.map((n) => n.name);
	for (const name of [RUN_NOW, CREATE_INVOICE, MARK_HANDLED, MARK_FAILED]) {
		if (!names.includes(name)) throw new Error(`${TEMPLATE_FILE} has no node "${name}" (nodes: ${names.join(', ')})`);
	}
	const isPollTrigger = (node: WorkflowNodeInput) => node.type.endsWith('.outSmartTrigger');
	const removed = new Set(template.nodes.filter(isPollTrigger).map((n) => n.name));
	const connections: Connections = {};
	for (const [from, value] of Object.entries((template.connections ?? {}) as Connections)) {
		if (removed.has(from)) continue;
		connections[from] = { ...value, main: value.main?.map((outputs) => outputs?.filter((c) => !removed.has(c.node)) ?? null) };
	}
	return {
		...template,
		id: WORKFLOW_ID,
		name: `${template.name ?? 'export'} (Run now only)`,
		nodes: template.nodes.filter((n) => !removed.has(n.name)),
		connections,
	};
}

interface Snapshot {
	no: string;
	status: string;
	workStatus: string | null | undefined;
	history: number;
}

describe('export of work orders: two processes, outages and token refresh in a real n8n', () => {
	let world: DemoWorld;
	let a: N8nInstance;
	let b: N8nInstance;
	let batch = 0;
	const suiteStarted = Date.now();
	/** Every token value that ever belonged to the credentials, to look for in outputs and logs. */
	const secrets = new Set<string>([DEMO_EXACT_TOKENS.access_token, DEMO_EXACT_TOKENS.refresh_token, B_TOKENS.access_token, B_TOKENS.refresh_token, CLIENT_SECRET]);

	const exact = () => world.exact.state;
	const outsmart = () => world.outsmart.state;
	const invoicesFor = (no: string) => exact().listRecords('SalesInvoices').filter((i) => String(i.YourRef ?? '').trim() === no);
	const handledCount = (no: string) => outsmart().workorderHistory(no).filter((h) => h.to === 'Afgehandeld').length;
	const readyNow = () =>
		outsmart()
			.list('workorders')
			.filter(readyForExport)
			.map((w) => String(w.WorkorderNo))
			.sort();
	const snapshot = (): Snapshot[] =>
		outsmart().workorders.map((w) => ({ no: String(w.fields.WorkorderNo), status: w.status, workStatus: w.fields.WorkStatus, history: w.history.length }));
	const exactSeq = () => exact().calls().at(-1)?.seq ?? 0;
	const outsmartSeq = () => outsmart().calls().at(-1)?.seq ?? 0;
	const exactCallsSince = (seq: number) => exact().calls(seq);
	const invoicePosts = (calls: ExactCall[]) => calls.filter((c) => c.method === 'POST' && c.path.endsWith('/salesinvoice/SalesInvoices'));
	const countBy = <T>(list: T[], key: (t: T) => string) =>
		list.reduce<Record<string, number>>((acc, t) => ((acc[key(t)] = (acc[key(t)] ?? 0) + 1), acc), {});
	const exactCallSummary = (seq: number) => countBy(exactCallsSince(seq), (c) => `${c.endpoint ?? `${c.method} ${c.path}`} ${c.status}`);
	const outsmartCallSummary = (seq: number) =>
		countBy(
			outsmart().calls().filter((c) => c.seq > seq),
			(c) => `${c.method} ${c.endpoint}`,
		);
	const logText = (instance: N8nInstance) => (instance.logPath ? fs.readFileSync(instance.logPath, 'utf8') : '');

	/** New ready work orders (copies of the demo seed's, new numbers); asserts they are the only ready ones. */
	function makeReady(count: number): string[] {
		expect(SEED_READY.length).toBeGreaterThan(0);
		batch++;
		const inputs = Array.from({ length: count }, (_, i) => {
			const source = SEED_READY[i % SEED_READY.length];
			const copy: SeedWorkorder = { ...source, WorkorderNo: `WO-REL-${batch}-${i + 1}` };
			delete copy.OrderNr;
			return copy;
		});
		const created = outsmart().insertWorkorders(inputs);
		const numbers = created.map((c) => c.workorder_no).sort();
		expect(readyNow()).toEqual(numbers);
		return numbers;
	}

	/** Each work order: exactly one invoice with its number as YourRef, marked handled exactly once, never EXPFOUT. */
	function expectExportedOnce(numbers: string[]): void {
		for (const no of numbers) {
			const workorder = outsmart().findWorkorder(no);
			expect({ no, invoices: invoicesFor(no).length, status: workorder?.status, handled: handledCount(no), failed: workorder?.fields.WorkStatus === 'EXPFOUT' }).toEqual({
				no,
				invoices: 1,
				status: 'Afgehandeld',
				handled: 1,
				failed: false,
			});
		}
	}

	function expectUnchanged(before: Snapshot[], numbers: string[]): void {
		expect(snapshot()).toEqual(before);
		for (const no of numbers) {
			expect(invoicesFor(no)).toHaveLength(0);
			expect(outsmart().findWorkorder(no)?.fields.WorkStatus).toBe('GEREED');
		}
		expect(outsmart().stats().statusChangedByRead.filter((c) => numbers.includes(c.workorderNo))).toEqual([]);
	}

	async function run(instance: N8nInstance): Promise<ManualRunResult> {
		return await instance.runManualTrigger(WORKFLOW_ID, RUN_NOW, { timeoutMs: 90_000 });
	}

	beforeAll(async () => {
		const t0 = Date.now();
		world = await startDemoWorld();
		// Two processes and three rounds need more than Exact's 60 calls a minute; the limit is not what this suite tests.
		exact().setLimits({ minutelyLimit: 1000 });
		exact().registerTokens({ ...B_TOKENS });
		// The seed's own ready work orders are set aside: each round starts with a set of its own.
		for (const no of readyNow()) outsmart().setWorkorderStatus(no, { status: 'Afgehandeld' });

		[a, b] = await Promise.all([createN8nInstance({ name: 'export-reliability-a' }), createN8nInstance({ name: 'export-reliability-b' })]);
		const workflow = exportWorkflow();
		const credentials = demoCredentials(world);
		const credentialsB = credentials.map((c) =>
			c.id === EXACT_CREDENTIAL.id ? { ...c, data: { ...c.data, oauthTokenData: { ...B_TOKENS, token_type: 'bearer' } } } : c,
		);
		await Promise.all([
			(async () => {
				await a.importCredentials(credentials);
				await a.importWorkflow(withDemoCredentials(workflow as never, a.packageName));
			})(),
			(async () => {
				await b.importCredentials(credentialsB);
				await b.importWorkflow(withDemoCredentials(workflow as never, b.packageName));
			})(),
		]);
		const t1 = Date.now();
		await Promise.all([a.start(), b.start()]);
		await Promise.all([a.login(), b.login()]);
		log(`setup: folders + imports ${t1 - t0} ms, two n8n started ${Date.now() - t1} ms`);
	}, 240_000);

	afterAll(async () => {
		const results = await Promise.allSettled([a?.dispose(), b?.dispose()]);
		await world?.close();
		log(`suite ${Math.round((Date.now() - suiteStarted) / 1000)} s`);
		const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		if (failed.length) throw new Error(`Teardown failed: ${failed.map((f) => String(f.reason)).join('; ')}`);
	}, 120_000);

	it('two n8n processes export the same ready work orders at the same moment, three rounds: one invoice each, handled once', async () => {
		let duplicatesRemovedTotal = 0;
		for (let round = 1; round <= ROUNDS; round++) {
			const started = Date.now();
			const numbers = makeReady(WORK_ORDERS_PER_ROUND);
			const exactFrom = exactSeq();
			const outsmartFrom = outsmartSeq();
			// Each invoice POST waits a little before Exact handles it: both processes have looked before either wrote.
			for (const delayMs of POST_DELAYS_MS) exact().addFault({ match: INVOICE_POST, kind: 'delay', delayMs, times: 1 });

			const [idA, idB] = await Promise.all([a.startManualRun(WORKFLOW_ID, RUN_NOW), b.startManualRun(WORKFLOW_ID, RUN_NOW)]);
			const [executionA, executionB] = await Promise.all([a.waitForExecution(idA, 90_000), b.waitForExecution(idB, 90_000)]);
			exact().clearFaults();
			const runs = { A: executionA, B: executionB };

			const figures: Record<string, { created: number; duplicatesRemoved: number; alreadyExported: number }> = {};
			const kept = new Map<string, Set<string>>();
			for (const [name, execution] of Object.entries(runs)) {
				const result = runResult(execution.status, execution.data?.resultData ?? {});
				expect({ name, status: result.status, error: result.error?.message }).toEqual({ name, status: 'success', error: undefined });
				const exported = result.json(CREATE_INVOICE);
				expect(result.json(CREATE_INVOICE, { output: 1 })).toEqual([]);
				expect(result.runData[MARK_FAILED]).toBeUndefined();
				// Every work order leaves this process as exported: written by it, or found written by the other.
				expect(exported.map((e) => String(e.workOrderNumber)).sort()).toEqual(numbers);
				for (const item of exported) {
					expect(item).not.toHaveProperty('duplicateNotRemoved');
					expect(item).not.toHaveProperty('warning');
					expect(['created', 'alreadyExported']).toContain(item.status);
					if (item.duplicateRemoved !== undefined) expect(item.status).toBe('alreadyExported');
					const set = kept.get(String(item.workOrderNumber)) ?? new Set<string>();
					set.add(String(item.InvoiceID).toLowerCase());
					kept.set(String(item.workOrderNumber), set);
				}
				expect(result.json(MARK_HANDLED)).toHaveLength(numbers.length);
				figures[name] = {
					created: exported.filter((e) => e.status === 'created').length,
					duplicatesRemoved: exported.filter((e) => e.duplicateRemoved !== undefined).length,
					alreadyExported: exported.filter((e) => e.status === 'alreadyExported' && e.duplicateRemoved === undefined).length,
				};
			}

			expectExportedOnce(numbers);
			// Both processes name the invoice that stayed.
			for (const no of numbers) {
				expect([...(kept.get(no) ?? [])]).toEqual([String(invoicesFor(no)[0].InvoiceID).toLowerCase()]);
			}
			const calls = exactCallsSince(exactFrom);
			const written = invoicePosts(calls).filter((c) => c.status === 201).length;
			const deleted = calls.filter((c) => c.method === 'DELETE' && c.status === 204 && /\/salesinvoice\/SalesInvoices\(/i.test(decodeURIComponent(c.path))).length;
			const created = figures.A.created + figures.B.created;
			const removed = figures.A.duplicatesRemoved + figures.B.duplicatesRemoved;
			// Every invoice written was either kept (created) or removed again by the process that wrote it.
			expect(written).toBe(created + removed);
			expect(deleted).toBe(removed);
			expect(created).toBe(numbers.length);
			duplicatesRemovedTotal += removed;
			log(
				`round ${round}: ${numbers.length} work orders in ${Date.now() - started} ms; invoices written ${written} ` +
					`(kept ${created}: A ${figures.A.created}, B ${figures.B.created}), duplicates removed ${removed} ` +
					`(A ${figures.A.duplicatesRemoved}, B ${figures.B.duplicatesRemoved}), found already exported ` +
					`A ${figures.A.alreadyExported}, B ${figures.B.alreadyExported}; Exact calls ${calls.length} ${JSON.stringify(exactCallSummary(exactFrom))}; ` +
					`OutSmart calls ${JSON.stringify(outsmartCallSummary(outsmartFrom))}`,
			);
		}
		// The race was real: at least once both processes wrote the same work order and one removed its copy.
		expect(duplicatesRemovedTotal).toBeGreaterThan(0);
		await b.stop();
	});

	it('Exact down for a whole run (every call 503): the run stops with the error, nothing changes; the next run exports all', async () => {
		const numbers = makeReady(3);
		const before = snapshot();
		const exactFrom = exactSeq();
		exact().addFault({ match: { path: '/api/v1/' }, kind: 'status', status: 503, times: 0 });
		const down = await run(a);
		exact().clearFaults();

		expect(down.status).toBe('error');
		expect(down.error?.message).toMatch(/HTTP 503/);
		expect(down.error?.description).toMatch(/Exact Online had a problem/);
		expect(down.lastNodeExecuted).toBe(CREATE_INVOICE);
		expect(down.runData[MARK_HANDLED]).toBeUndefined();
		expect(down.runData[MARK_FAILED]).toBeUndefined();
		const downCalls = exactCallsSince(exactFrom);
		expect(downCalls.length).toBeGreaterThan(0);
		expect(downCalls.every((c) => c.status === 503)).toBe(true);
		expect(invoicePosts(downCalls)).toEqual([]);
		expectUnchanged(before, numbers);
		log(`Exact down: "${down.error?.message}" after ${downCalls.length} calls ${JSON.stringify(exactCallSummary(exactFrom))} in ${down.durationMs} ms`);

		const nextFrom = exactSeq();
		const next = await run(a);
		expect(next.status).toBe('success');
		expect(next.json(CREATE_INVOICE).map((e) => [e.workOrderNumber, e.status])).toEqual(expect.arrayContaining(numbers.map((no) => [no, 'created'])));
		expect(invoicePosts(exactCallsSince(nextFrom))).toHaveLength(numbers.length);
		expectExportedOnce(numbers);
	});

	it('an invoice POST whose connection drops before Exact stored it: "did not confirm", nothing written twice, the next run exports it once', async () => {
		const numbers = makeReady(3);
		const before = snapshot();
		const exactFrom = exactSeq();
		exact().addFault({ match: INVOICE_POST, kind: 'drop', times: 1 });
		const dropped = await run(a);

		expect(dropped.status).toBe('error');
		expect(dropped.error?.message).toMatch(/did not confirm/);
		const first = numbers.find((no) => dropped.error?.message.includes(no));
		expect(first).toBeDefined();
		const posts = invoicePosts(exactCallsSince(exactFrom));
		expect(posts.map((p) => p.fault ?? p.status)).toEqual(['drop']);
		expect(dropped.runData[MARK_HANDLED]).toBeUndefined();
		expect(dropped.runData[MARK_FAILED]).toBeUndefined();
		expectUnchanged(before, numbers);
		log(`dropped POST: "${dropped.error?.message}"; Exact calls ${JSON.stringify(exactCallSummary(exactFrom))}`);

		const nextFrom = exactSeq();
		const next = await run(a);
		expect(next.status).toBe('success');
		expect(invoicePosts(exactCallsSince(nextFrom)).map((p) => p.status)).toEqual(numbers.map(() => 201));
		expectExportedOnce(numbers);
	});

	it('an expired token, two processes on one user folder at the same moment: both succeed, one refresh, the stored token still works', async () => {
		const numbers = makeReady(3);
		const historyFrom = exact().refreshHistory().length;
		const logFrom = logText(a).length;
		const exactFrom = exactSeq();
		const outsmartFrom = outsmartSeq();
		exact().expireAccessTokens();
		// The token calls are held back 2.5 s, so that the second process asks while the first one's refresh is under way.
		exact().addFault({ match: { method: 'POST', path: '/api/oauth2/token' }, kind: 'delay', delayMs: 2_500, times: 2 });

		const cli = a.execute(WORKFLOW_ID, { timeoutMs: 120_000 });
		// `n8n execute` needs seconds to boot: the REST run starts when the CLI process reads the ready work orders.
		await waitFor(() => outsmart().calls().some((c) => c.seq > outsmartFrom && c.endpoint === 'GetWorkorders'), 60_000, {
			intervalMs: 20,
			description: 'the n8n execute process to read the ready work orders',
		});
		const rest = run(a);
		const [cliRun, restRun] = await Promise.all([cli, rest]);
		exact().clearFaults();

		expect({ cli: cliRun.status, cliError: cliRun.error?.message, rest: restRun.status, restError: restRun.error?.message }).toEqual({
			cli: 'success',
			cliError: undefined,
			rest: 'success',
			restError: undefined,
		});
		expectExportedOnce(numbers);

		// The stored tokens first: by the time this CLI command is done, n8n's log file has certainly been written.
		const stored = (await a.exportCredential(EXACT_CREDENTIAL.id)).data.oauthTokenData as { access_token: string; refresh_token: string };
		secrets.add(stored.access_token).add(stored.refresh_token);

		const refreshes = exact().refreshHistory().slice(historyFrom);
		const resent = /Exact Online refused a token refresh; another process had stored new tokens/;
		const resentBy = {
			start: logText(a).slice(logFrom).split('\n').filter((l) => resent.test(l)).length,
			execute: cliRun.output.split('\n').filter((l) => resent.test(l)).length,
		};
		log(
			`token race: refreshes ${JSON.stringify(refreshes.map((r) => `${r.outcome} ${r.status}`))}, sent once more after a refused refresh: ` +
				`n8n start ${resentBy.start}, n8n execute ${resentBy.execute}; Exact calls ${JSON.stringify(exactCallSummary(exactFrom))}`,
		);
		// One refresh won; the other process's refresh (the same refresh token) was refused once and it went on with
		// the stored tokens: no second round of refreshes, no loop.
		expect(refreshes.filter((r) => r.outcome === 'ok')).toHaveLength(1);
		expect(refreshes.filter((r) => r.outcome !== 'ok').map((r) => r.outcome)).toEqual(['old-token']);
		expect(resentBy.start).toBeLessThanOrEqual(1);
		expect(resentBy.execute).toBeLessThanOrEqual(1);
		expect(resentBy.start + resentBy.execute).toBe(1);
		// Each process got one 401 for the expired token, and none after: the refused one sent its request once more with the stored token.
		expect(exactCallsSince(exactFrom).filter((c) => c.path.startsWith('/api/v1/') && c.status === 401)).toHaveLength(2);

		// The stored refresh token is the one Exact handed out last, and Exact accepts it.
		expect(maskToken(stored.refresh_token)).toBe(refreshes.find((r) => r.outcome === 'ok')?.newToken);
		for (const secret of secrets) expect(cliRun.output).not.toContain(secret);

		const later = makeReady(1);
		exact().expireAccessTokens();
		const laterFrom = exact().refreshHistory().length;
		const laterRun = await run(a);
		expect(laterRun.status).toBe('success');
		expectExportedOnce(later);
		expect(exact().refreshHistory().slice(laterFrom).map((r) => [r.outcome, r.oldToken])).toEqual([['ok', maskToken(stored.refresh_token)]]);
	});

	it('a refresh token somebody else already used: the run fails once with "reconnect", no token or secret in the execution or the log', async () => {
		const stored = (await a.exportCredential(EXACT_CREDENTIAL.id)).data.oauthTokenData as { access_token: string; refresh_token: string };
		secrets.add(stored.access_token).add(stored.refresh_token);
		// Somebody else refreshes with the stored refresh token (legal at once after expiry) and keeps the new pair.
		exact().expireAccessTokens();
		const answer = await fetch(`${world.exact.url}/api/oauth2/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
			body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: stored.refresh_token, client_id: 'demo-client-id', client_secret: CLIENT_SECRET }).toString(),
			signal: AbortSignal.timeout(10_000),
		});
		expect(answer.status).toBe(200);
		const theirs = (await answer.json()) as { access_token: string; refresh_token: string };
		secrets.add(theirs.access_token).add(theirs.refresh_token);
		exact().expireAccessTokens();

		const numbers = makeReady(2);
		const before = snapshot();
		exact().resetStats();
		const exactFrom = exactSeq();
		const failed = await run(a);

		expect(failed.status).toBe('error');
		expect(failed.error?.message).toContain('Exact refused to renew the access token');
		expect(failed.error?.description).toMatch(/credential must be reconnected/);
		expect(failed.lastNodeExecuted).toBe(CREATE_INVOICE);
		const refreshes = exact().refreshHistory();
		expect(refreshes.map((r) => [r.outcome, r.oldToken])).toEqual([['old-token', maskToken(stored.refresh_token)]]);
		expect(exact().getStats().tokenRequests).toBe(1);
		expect(exactCallsSince(exactFrom).filter((c) => c.endpoint === 'POST oauth2/token')).toHaveLength(1);
		expect(invoicePosts(exactCallsSince(exactFrom))).toEqual([]);
		expectUnchanged(before, numbers);
		log(`refused refresh: "${failed.error?.message}" / "${failed.error?.description}"; Exact calls ${JSON.stringify(exactCallSummary(exactFrom))}`);

		const execution = JSON.stringify(failed.execution);
		const n8nLog = logText(a);
		expect(execution).toContain('Exact refused to renew the access token');
		expect(n8nLog.length).toBeGreaterThan(0);
		for (const secret of secrets) {
			expect({ secret: maskToken(secret), inExecution: execution.includes(secret), inLog: n8nLog.includes(secret) }).toEqual({
				secret: maskToken(secret),
				inExecution: false,
				inLog: false,
			});
		}
	});
});
