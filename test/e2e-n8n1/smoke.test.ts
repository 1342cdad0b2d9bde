/**
 * Smoke test on the n8n 1.x line (`npm run test:n8n1`: the newest n8n 1.x from scripts/install-n8n1.sh, on the
 * machine's Node 20), for the many self-hosted installations not yet on 2.x. The same harness as the 2.x e2e tests
 * (scripts/n8n, N8N_E2E_LINE=1): the package installed the way n8n 1.x's community installer does it, every node and
 * credential loaded, both credentials (the OutSmart Test button; the Exact OAuth2 "Connect" flow, and the renewal of
 * an expired access token, and a refresh token used elsewhere), the relations import template run by `n8n execute`, the OutSmart Trigger (active workflow
 * and "Fetch test event"), and the export template run from its manual trigger, each checked by the end state in the
 * two simulators. Templates are read from templates/ at run time. Only loopback traffic.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';
import { REPO_ROOT } from '../../scripts/n8n-env';
import {
	DEMO_EXACT_TOKENS,
	demoCredentials,
	EXACT_CREDENTIAL,
	OUTSMART_CREDENTIAL,
	readyForExport,
	startDemoWorld,
	withDemoCredentials,
	type DemoWorld,
} from '../../scripts/demo-data';
import {
	createN8nInstance,
	declaredNames,
	readPackageJson,
	registeredFiles,
	waitFor,
	type N8nInstance,
	type PublicExecution,
	type WorkflowInput,
	type WorkflowNodeInput,
} from '../../scripts/n8n';

jest.setTimeout(180_000);

if (process.env.N8N_E2E_LINE !== undefined && process.env.N8N_E2E_LINE !== '1') {
	throw new Error(`test/e2e-n8n1 runs n8n 1.x; N8N_E2E_LINE is "${process.env.N8N_E2E_LINE}"`);
}
// Jest gives every test file its own copy of process.env: this selects the 1.x line (scripts/n8n-env.js) for this file only.
process.env.N8N_E2E_LINE = '1';

const TEMPLATE_DIR = path.join(REPO_ROOT, 'templates');
const RELATIONS = '01-import-relations.json';
const EXPORT = '05-export-work-orders.json';

function template(file: string): WorkflowInput {
	return JSON.parse(fs.readFileSync(path.join(TEMPLATE_DIR, file), 'utf8')) as WorkflowInput;
}

function nodeOfType(workflow: WorkflowInput, test: (type: string) => boolean, what: string): WorkflowNodeInput {
	const node = workflow.nodes.find((n) => test(n.type));
	if (!node) throw new Error(`template "${workflow.name}" has no ${what} node`);
	return node;
}


describe('n8n 1.x smoke', () => {
	let world: DemoWorld;
	let n8n: N8nInstance;
	const ids: Record<string, string> = {};
	const timings: Record<string, unknown> = {};
	const relationsTemplate = template(RELATIONS);
	const exportTemplate = template(EXPORT);
	const exportTrigger = nodeOfType(exportTemplate, (t) => t === 'n8n-nodes-base.manualTrigger', 'manual trigger');
	const outSmartTrigger = nodeOfType(exportTemplate, (t) => t.endsWith('.outSmartTrigger'), 'OutSmart Trigger');
	const TRIGGER_SINK = 'Received';

	const records = (entity: string) => world.outsmart.state.list(entity) as IDataObject[];
	const invoicesFor = (no: string) => world.exact.state.listRecords('SalesInvoices').filter((i) => i.YourRef === no);
	let ready: string[];

	beforeAll(async () => {
		const started = Date.now();
		world = await startDemoWorld();
		n8n = await createN8nInstance({ name: 'n8n1-smoke' });
		timings.n8n = `${n8n.paths.n8nVersion} on Node ${n8n.paths.nodeVersion}`;
		timings.templateBuildMs = n8n.template.buildMs;
		// What the export template (and its trigger) picks up.
		ready = records('workorders').filter(readyForExport).map((w) => String(w.WorkorderNo));

		await n8n.importCredentials(demoCredentials(world));
		// The template's OutSmart Trigger as it ships, in a workflow of its own, active, with "emit existing" on (as
		// shipped, made sure of) so that activation passes the ready work orders on (to a No Op: nothing changes in OutSmart).
		const triggerWorkflow: WorkflowInput = {
			name: 'n8n1: OutSmart Trigger',
			nodes: [
				{ ...outSmartTrigger, parameters: { ...outSmartTrigger.parameters, options: { ...(outSmartTrigger.parameters?.options as IDataObject), emitExisting: true } } },
				{ name: TRIGGER_SINK, type: 'n8n-nodes-base.noOp', typeVersion: 1 },
			],
			connections: { [outSmartTrigger.name]: { main: [[{ node: TRIGGER_SINK, type: 'main', index: 0 }]] } },
		};
		const imported = await n8n.importWorkflow(
			[relationsTemplate, exportTemplate, triggerWorkflow].map((wf) => withDemoCredentials(wf as never, n8n.packageName) as WorkflowInput),
		);
		[ids.relations, ids.export, ids.trigger] = imported;
		await n8n.publishWorkflow(ids.trigger);
		timings.setupMs = Date.now() - started;
	});

	afterAll(async () => {
		await n8n?.dispose();
		await world?.close();
		console.info(`n8n 1.x smoke timings (ms): ${JSON.stringify({ ...timings, template: n8n?.template.steps })}`);
	});

	it('installs like n8n 1.x\'s community installer and loads every node and credential, on n8n 1.x\'s own n8n-workflow', async () => {
		expect(n8n.paths.line).toBe(1);
		expect(n8n.paths.n8nVersion).toMatch(/^1\./);
		const installed = path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', n8n.packageName);
		expect(fs.existsSync(path.join(installed, 'package.json'))).toBe(true);
		// Peer dependencies are dropped: the nodes run on the n8n-workflow of the n8n they are loaded into.
		expect(fs.existsSync(path.join(installed, 'node_modules', 'n8n-workflow'))).toBe(false);

		const started = Date.now();
		await n8n.start();
		timings.startToReadyMs = Date.now() - started;
		const registered = registeredFiles(readPackageJson(REPO_ROOT));
		const nodeNames = (await n8n.nodeTypes()).map((t) => t.name);
		const credentialNames = (await n8n.credentialTypes()).map((t) => t.name);
		expect(nodeNames).toEqual(expect.arrayContaining(declaredNames(REPO_ROOT, registered.nodes, 'node').map((name) => n8n.nodeType(name))));
		expect(credentialNames).toEqual(expect.arrayContaining(declaredNames(REPO_ROOT, registered.credentials, 'credential')));
		expect(n8n.logs(400)).not.toMatch(/error.*(loading|load) (package|node)/i);
	});

	it('credentials: the OutSmart Test button, and the Exact OAuth2 connect flow stores the tokens', async () => {
		expect(await n8n.testCredential(OUTSMART_CREDENTIAL.id)).toEqual({ status: 'OK', message: expect.any(String) });
		const wrong = await n8n.testCredential(OUTSMART_CREDENTIAL.id, { data: { token: 'not-the-token' } });
		expect(wrong.status).toBe('Error');

		// "Connect my account": n8n builds Exact's authorization URL from the credential, Exact redirects back to
		// n8n's callback with a code, and n8n exchanges the code for tokens.
		const authUrl = new URL(await n8n.rest<string>('GET', `/rest/oauth2-credential/auth?id=${EXACT_CREDENTIAL.id}`));
		expect(`${authUrl.origin}${authUrl.pathname}`).toBe(`${world.exact.url}/api/oauth2/auth`);
		const consent = await fetch(authUrl, { redirect: 'manual' });
		expect(consent.status).toBe(302);
		const callback = new URL(String(consent.headers.get('location')));
		expect(callback.pathname).toBe('/rest/oauth2-credential/callback');
		const back = await fetch(`${n8n.baseUrl}${callback.pathname}${callback.search}`, { headers: { cookie: await n8n.login() }, redirect: 'manual' });
		expect(back.status).toBeLessThan(400);
		const stored = await n8n.exportCredential(EXACT_CREDENTIAL.id);
		const tokens = stored.data.oauthTokenData as IDataObject;
		expect(tokens.access_token).toEqual(expect.any(String));
		expect(tokens.access_token).not.toBe(DEMO_EXACT_TOKENS.access_token);
	});

	it(`relations template (${RELATIONS}) through \`n8n execute\`: Exact customers arrive in OutSmart`, async () => {
		const run = await n8n.execute(ids.relations);
		timings.executeRelationsMs = run.durationMs;
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		const customers = world.exact.state.listRecords('Accounts').filter((a) => a.Status === 'C' && a.Blocked !== true);
		expect(customers.length).toBeGreaterThan(3);
		const relations = records('relations');
		for (const customer of customers) {
			expect(relations.find((r) => r.debtor_number === String(customer.Code).trim())).toMatchObject({ name: customer.Name });
		}
		expect(relations.filter((r) => world.exact.state.listRecords('Accounts').some((a) => String(a.Code).trim() === r.debtor_number))).toHaveLength(
			customers.length,
		);
		expect(records('contactpersons').length).toBeGreaterThan(0);

		// A second run finds nothing changed in Exact and writes nothing to OutSmart.
		world.outsmart.state.resetStats();
		const again = await n8n.execute(ids.relations);
		expect(again.status).toBe('success');
		expect(world.outsmart.state.stats().callsTotal).toBe(0);
	});

	it('OutSmart Trigger: activation polls and starts the workflow with the ready work orders; "Fetch test event" polls too', async () => {
		expect(ready.length).toBeGreaterThan(0);
		const trigger = (execution: PublicExecution) =>
			(execution.data?.resultData.runData[outSmartTrigger.name]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
		const [started] = await waitFor(
			async () => {
				const list = await n8n.listExecutions(ids.trigger, { includeData: false });
				return list.length ? list : undefined;
			},
			60_000,
			{ description: 'the execution started by the activation poll', intervalMs: 500 },
		);
		const execution = await n8n.waitForExecution(started.id);
		expect(execution).toMatchObject({ mode: 'trigger', status: 'success' });
		expect(trigger(execution).map((w) => w.WorkorderNo).sort()).toEqual([...ready].sort());
		const polls = world.outsmart.state.calls().filter((c) => c.endpoint === 'GetWorkorders');
		expect(polls.length).toBeGreaterThan(0);
		expect(polls.every((c) => c.query.update_status === 'false')).toBe(true);

		const test = await n8n.runManualTrigger(ids.trigger, outSmartTrigger.name);
		timings.fetchTestEventMs = test.durationMs;
		expect(test.error).toBeUndefined();
		const sample = test.json(outSmartTrigger.name);
		expect(sample.length).toBeGreaterThan(0);
		expect(sample.every((w) => ready.includes(String(w.WorkorderNo)))).toBe(true);
		// Reads never change a status.
		expect(world.outsmart.state.stats().statusChangedByRead).toEqual([]);
		expect(records('workorders').filter((w) => ready.includes(String(w.WorkorderNo))).every((w) => w.status === 'Compleet')).toBe(true);
	});

	it(`export template (${EXPORT}) from its manual trigger: one invoice per ready work order, each marked handled; a re-run invoices nothing twice`, async () => {
		const run = await n8n.runManualTrigger(ids.export, exportTrigger.name);
		timings.exportRunMs = run.durationMs;
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		for (const no of ready) {
			expect(invoicesFor(no)).toHaveLength(1);
			expect(world.outsmart.state.findWorkorder(no)?.status).toBe('Afgehandeld');
		}
		const count = world.exact.state.listRecords('SalesInvoices').length;
		const again = await n8n.runManualTrigger(ids.export, exportTrigger.name);
		expect(again.error).toBeUndefined();
		expect(world.exact.state.listRecords('SalesInvoices')).toHaveLength(count);
	});

	it('Exact credential: an expired access token (Exact\'s last 10 minutes) is renewed by n8n and the rotated tokens stored', async () => {
		const before = (await n8n.exportCredential(EXACT_CREDENTIAL.id)).data.oauthTokenData as IDataObject;
		const refreshesBefore = world.exact.state.refreshHistory().length;
		world.exact.state.expireAccessTokens();
		const run = await n8n.execute(ids.relations);
		expect(run.error?.message).toBeUndefined();
		expect(run.status).toBe('success');
		expect(world.exact.state.refreshHistory().slice(refreshesBefore).map((r) => r.outcome)).toEqual(['ok']);
		const after = (await n8n.exportCredential(EXACT_CREDENTIAL.id)).data.oauthTokenData as IDataObject;
		expect(after.refresh_token).not.toBe(before.refresh_token);
		expect(after.access_token).not.toBe(before.access_token);
	});

	it('Exact credential: a refresh token used elsewhere gives "Exact refused to renew the access token", no token in the error', async () => {
		const stored = (await n8n.exportCredential(EXACT_CREDENTIAL.id)).data.oauthTokenData as IDataObject;
		world.exact.state.advanceClock(600_000); // past Exact's 570 s between two refreshes
		const elsewhere = await fetch(`${world.exact.url}/api/oauth2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				refresh_token: String(stored.refresh_token),
				client_id: 'demo-client-id',
				client_secret: 'demo-client-secret',
			}).toString(),
		});
		expect(elsewhere.status).toBe(200);
		world.exact.state.expireAccessTokens();
		const run = await n8n.execute(ids.relations);
		expect(run.status).not.toBe('success');
		expect(run.error?.message).toMatch(/Exact refused to renew the access token/);
		expect(JSON.stringify(run)).not.toContain(String(stored.refresh_token));
	});
});
