/**
 * Smoke test for the e2e harness: a real n8n boots with this package installed like a community package,
 * knows every node and credential that package.json's "n8n" section registers, runs workflows through the
 * CLI and the REST API, and tests a credential like the editor's Test button. Only loopback traffic.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { REPO_ROOT } from '../../scripts/n8n-env';
import { createN8nInstance, declaredNames, linearConnections, readPackageJson, registeredFiles, type N8nInstance } from '../../scripts/n8n';

jest.setTimeout(180_000);

const pkg = readPackageJson(REPO_ROOT);
const registered = registeredFiles(pkg);


interface SeenRequest {
	method: string;
	url: string;
	authorization?: string;
}

/** Stands in for Exact Online and OutSmart: records requests, answers with minimal valid bodies. */
function startFakeApi(): Promise<{ server: http.Server; baseUrl: string; seen: SeenRequest[] }> {
	const seen: SeenRequest[] = [];
	const server = http.createServer((req, res) => {
		seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
		res.setHeader('content-type', 'application/json');
		if (req.url?.startsWith('/openapi/8/')) {
			res.end(JSON.stringify({ status: 'success', code: 0, message: '', response: [] }));
		} else if (req.url?.startsWith('/api/v1/')) {
			res.end(JSON.stringify({ d: { results: [{ ID: '5b8d1c6e-0000-4000-8000-000000000001', Code: '1', Name: 'Smoke BV' }] } }));
		} else {
			res.statusCode = 404;
			res.end('{}');
		}
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			resolve({ server, baseUrl: `http://127.0.0.1:${port}`, seen });
		});
	});
}

const EXACT_NODE_FILE = 'dist/nodes/ExactOnlineApiRequest/ExactOnlineApiRequest.node.js';
const hasExactNode = registered.nodes.includes(EXACT_NODE_FILE);
const hasOutSmartCredential = registered.credentials.some((file) => file.endsWith('/OutSmartApi.credentials.js'));

describe('e2e harness smoke', () => {
	let n8n: N8nInstance;
	let fake: Awaited<ReturnType<typeof startFakeApi>>;
	const timings: Record<string, number | undefined> = {};
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		fake = await startFakeApi();
		const created = Date.now();
		n8n = await createN8nInstance({ name: 'smoke' });
		timings.templateBuildMs = n8n.template.buildMs;
		timings.copyMs = n8n.timings.copyMs;
		timings.createInstanceMs = Date.now() - created;

		const imported = Date.now();
		await n8n.importCredentials([
			{
				id: 'smokeExact00001',
				name: 'Smoke Exact',
				type: 'exactOnlineOAuth2Api',
				data: {
					region: 'custom',
					customBaseUrl: fake.baseUrl,
					division: '1234567',
					clientId: 'smoke-client',
					clientSecret: 'smoke-secret',
					oauthTokenData: { access_token: 'AT-smoke', refresh_token: 'RT-smoke', token_type: 'bearer' },
				},
			},
			{
				id: 'smokeOutSmart01',
				name: 'Smoke OutSmart',
				type: 'outSmartApi',
				data: { baseUrl: `${fake.baseUrl}/openapi/8`, token: 'tok-smoke', softwareToken: 'sw-smoke' },
			},
		]);
		const [setId, exactId] = await n8n.importWorkflow([
			{
				name: 'smoke: manual → set',
				nodes: [
					{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
					{
						name: 'Set',
						type: 'n8n-nodes-base.set',
						typeVersion: 3.4,
						parameters: {
							assignments: { assignments: [{ id: 'a1', name: 'greeting', value: '={{ "hello " + 40 + 2 }}', type: 'string' }] },
						},
					},
				],
				connections: linearConnections('Start', 'Set'),
			},
			{
				name: 'smoke: manual → exact api request',
				nodes: [
					{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
					{
						name: 'Exact',
						type: n8n.nodeType('exactOnlineApiRequest'),
						parameters: { operation: 'request', method: 'GET', path: 'crm/Accounts', select: 'ID,Code,Name' },
						credentials: { exactOnlineOAuth2Api: { id: 'smokeExact00001', name: 'Smoke Exact' } },
					},
				],
				connections: linearConnections('Start', 'Exact'),
			},
		]);
		ids.set = setId;
		ids.exact = exactId;
		timings.importMs = Date.now() - imported;
	});

	afterAll(async () => {
		await n8n?.dispose();
		await new Promise((resolve) => fake?.server.close(resolve));
		console.info(`e2e harness timings (ms): ${JSON.stringify({ ...timings, template: n8n?.template.steps })}`);
	});

	it('executes Manual Trigger → Set through `n8n execute` and returns parsed run data', async () => {
		const run = await n8n.execute(ids.set);
		timings.executeMs = run.durationMs;
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(Object.keys(run.runData)).toEqual(['Start', 'Set']);
		expect(run.json('Set')).toEqual([{ greeting: 'hello 402' }]);
	});

	(hasExactNode ? it : it.skip)('runs our Exact Online API Request node with the OAuth2 credential against a loopback server', async () => {
		const before = fake.seen.length;
		const run = await n8n.execute(ids.exact);
		expect(run.error?.message).toBeUndefined();
		expect(run.status).toBe('success');
		expect(JSON.stringify(run.json('Exact'))).toContain('Smoke BV');
		const calls = fake.seen.slice(before).filter((r) => r.url.startsWith('/api/v1/'));
		expect(calls.length).toBeGreaterThan(0);
		expect(calls.every((r) => r.authorization === 'Bearer AT-smoke')).toBe(true);
	});

	describe('with `n8n start`', () => {
		beforeAll(async () => {
			await n8n.start();
			timings.startToReadyMs = n8n.timings.lastStartMs;
		});

		afterAll(async () => {
			const stopped = Date.now();
			await n8n.stop();
			timings.stopMs = Date.now() - stopped;
		});

		it('lists every node and credential that package.json registers', async () => {
			const nodeNames = (await n8n.nodeTypes()).map((t) => t.name);
			const credentialNames = (await n8n.credentialTypes()).map((t) => t.name);
			const expectedNodes = declaredNames(REPO_ROOT, registered.nodes, 'node').map((name) => n8n.nodeType(name));
			const expectedCredentials = declaredNames(REPO_ROOT, registered.credentials, 'credential');
			expect(expectedCredentials.length).toBeGreaterThan(0);
			expect(nodeNames).toEqual(expect.arrayContaining(expectedNodes));
			expect(credentialNames).toEqual(expect.arrayContaining(expectedCredentials));
			// Credential types are not prefixed with the package name.
			expect(credentialNames).toEqual(expect.arrayContaining(['exactOnlineOAuth2Api']));
		});

		(hasOutSmartCredential ? it : it.skip)('tests a credential like the editor Test button', async () => {
			const before = fake.seen.length;
			const result = await n8n.testCredential('smokeOutSmart01');
			expect(result).toEqual({ status: 'OK', message: expect.any(String) });
			const calls = fake.seen.slice(before);
			expect(calls.length).toBe(1);
			expect(calls[0].url).toMatch(/^\/openapi\/8\/.*[?&]token=tok-smoke/);

			const wrongPort = await n8n.testCredential('smokeOutSmart01', { data: { baseUrl: 'http://127.0.0.1:9/openapi/8' } });
			expect(wrongPort.status).toBe('Error');
		});

		it('runs a workflow through the REST API and reads it back through the public API', async () => {
			const run = await n8n.runManualTrigger(ids.set, 'Start');
			timings.restRunMs = run.durationMs;
			expect(run.status).toBe('success');
			expect(run.json('Set')).toEqual([{ greeting: 'hello 402' }]);
			const { executionId } = run;
			const executions = await n8n.listExecutions(ids.set);
			expect(executions.map((e) => e.id)).toContain(executionId);
			expect(executions.map((e) => e.mode)).toEqual(expect.arrayContaining(['manual', 'cli']));
		});
	});
});
