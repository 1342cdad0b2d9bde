/**
 * The Exact Online triggers in active, published workflows of a real n8n (`n8n start`), against the Exact
 * simulator, which subscribes, signs and delivers events as Exact does:
 * - webhook: activation subscribes the workflow's production URL; a change in Exact runs the workflow with the
 *   record; forged, unsigned, re-serialised and replayed bodies run nothing; a subscription someone removed in
 *   Exact is back after the next activation; deactivation removes it.
 * - polling: the activation poll only finds the position, the next poll hands out a change and a deletion in one
 *   execution, a quiet poll costs one call for the topic and one for deletions.
 */
import { randomUUID } from 'node:crypto';
import { EXACT_SEED_FIXTURES, MAIN_DIVISION, startExactSimulator, webhookHash, type ExactSimulator } from '../../simulators/exact';
import { createN8nInstance, linearConnections, sleep, waitFor, type N8nInstance, type PublicExecution } from '../../scripts/n8n';

jest.setTimeout(300_000);

const { accounts } = EXACT_SEED_FIXTURES;
const CREDENTIAL = { id: 'exactTriggerE2E', name: 'Exact (simulator)' };
const SECRET = 'e2e-webhook-secret-77';

describe('Exact Online triggers in a real n8n', () => {
	let sim: ExactSimulator;
	let n8n: N8nInstance;
	let webhookWorkflow: string;
	let pollWorkflow: string;

	const subscriptions = () => sim.state.listRecords('WebhookSubscriptions').map((s) => ({ id: String(s.ID), topic: s.Topic, url: String(s.CallbackURL) }));
	const items = (execution: PublicExecution, node: string) =>
		(execution.data?.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	const finished = async (workflowId: string, count: number) =>
		await waitFor(
			async () => {
				const list = await n8n.listExecutions(workflowId);
				return list.length >= count && list.every((e) => e.finished || e.status === 'error') ? list : undefined;
			},
			90_000,
			{ description: `${count} execution(s) of ${workflowId}`, intervalMs: 1_000 },
		);
	const post = async (url: string, body: string) => {
		const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
		return { status: res.status, text: await res.text() };
	};
	const syncCalls = () => sim.state.calls().filter((c) => c.path.includes('/sync/'));

	beforeAll(async () => {
		sim = await startExactSimulator({ seed: 'tiny', webhookSecret: SECRET });
		n8n = await createN8nInstance({ name: 'exact-trigger' });
		const tokens = { access_token: 'AT-trigger-1', refresh_token: 'RT-trigger-1' };
		sim.state.registerTokens(tokens);
		await n8n.importCredentials([
			{
				...CREDENTIAL,
				type: 'exactOnlineOAuth2Api',
				data: {
					region: 'custom',
					customBaseUrl: sim.url,
					division: String(MAIN_DIVISION),
					clientId: 'demo-client-id',
					clientSecret: 'demo-client-secret',
					webhookSecret: SECRET,
					oauthTokenData: { ...tokens, token_type: 'bearer' },
				},
			},
		]);
		const credentials = { exactOnlineOAuth2Api: CREDENTIAL };
		[webhookWorkflow, pollWorkflow] = await n8n.importWorkflow([
			{
				name: 'Exact webhook',
				nodes: [
					{ name: 'Exact changed', type: n8n.nodeType('exactOnlineTrigger'), webhookId: randomUUID(), parameters: { topics: ['Accounts'] }, credentials },
					{ name: 'Done', type: 'n8n-nodes-base.noOp', parameters: {} },
				],
				connections: linearConnections('Exact changed', 'Done'),
			},
			{
				name: 'Exact poll',
				nodes: [
					{
						name: 'Exact polled',
						type: n8n.nodeType('exactOnlinePollTrigger'),
						parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, topics: ['Accounts'] },
						credentials,
					},
					{ name: 'Done', type: 'n8n-nodes-base.noOp', parameters: {} },
				],
				connections: linearConnections('Exact polled', 'Done'),
			},
		]);
		await n8n.publishWorkflow(webhookWorkflow);
		await n8n.publishWorkflow(pollWorkflow);
		await n8n.start();
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
	});

	let callbackUrl: string;

	it('activation subscribes the production webhook URL to the topic', async () => {
		const [subscription] = await waitFor(() => (subscriptions().length ? subscriptions() : undefined), 30_000, { description: 'the subscription' });
		expect(subscriptions()).toHaveLength(1);
		expect(subscription.topic).toBe('Accounts');
		expect(subscription.url).toMatch(new RegExp(`^http://localhost:${n8n.port}/webhook/[0-9a-f-]+/webhook$`));
		callbackUrl = subscription.url;
	});

	it('a signed event from Exact runs the workflow with the record', async () => {
		sim.state.updateRecord('Accounts', accounts.oneill.id, { Phone: '070-7654321' });
		await sim.state.webhooks.idle();
		expect(sim.state.webhooks.deliveries.map((d) => d.status)).toEqual([200]);
		const [execution] = await finished(webhookWorkflow, 1);
		expect(execution.status).toBe('success');
		expect(execution.mode).toBe('webhook');
		expect(items(execution, 'Exact changed')).toEqual([
			expect.objectContaining({ ID: accounts.oneill.id, Code: '2', Phone: '070-7654321', changeType: 'changed', exactEvent: expect.objectContaining({ action: 'Update' }) }),
		]);
	});

	it('forged, unsigned, re-serialised and replayed bodies run nothing', async () => {
		const [delivery] = sim.state.webhooks.deliveries;
		const parsed = JSON.parse(delivery.body) as { Content: Record<string, unknown>; HashCode: string };
		const content = JSON.stringify({ ...parsed.Content, EventCreatedOn: parsed.Content.EventCreatedOn });
		const refused = {
			forged: await post(callbackUrl, `{"Content":${content},"HashCode":"${webhookHash(content, 'not-the-secret')}"}`),
			unsigned: await post(callbackUrl, `{"Content":${content}}`),
			reSerialised: await post(callbackUrl, JSON.stringify(parsed, null, 1)),
		};
		expect(Object.values(refused).map((r) => r.status)).toEqual([401, 401, 401]);
		const replay = await post(callbackUrl, delivery.body);
		expect(replay).toEqual({ status: 200, text: JSON.stringify({ ignored: 'this body was already processed (replay)' }) });
		await sleep(2_000);
		expect(await n8n.listExecutions(webhookWorkflow)).toHaveLength(1);
		expect(n8n.logs(100_000)).not.toContain(SECRET);
	});

	it('a subscription removed in Exact is back after the next activation; deactivation removes it', async () => {
		sim.state.deleteRecord('WebhookSubscriptions', subscriptions()[0].id);
		await n8n.deactivateWorkflow(webhookWorkflow);
		await n8n.activateWorkflow(webhookWorkflow);
		const webhookCalls = () => sim.state.calls().filter((c) => c.endpoint?.includes('webhooks/')).map((c) => `${c.endpoint} ${c.status}`);
		await waitFor(() => (subscriptions().length ? true : undefined), 15_000, { description: `the repaired subscription (${webhookCalls().join(', ')})` });
		expect(subscriptions()).toEqual([expect.objectContaining({ topic: 'Accounts', url: callbackUrl })]);
		await n8n.deactivateWorkflow(webhookWorkflow);
		await waitFor(() => (subscriptions().length === 0 ? true : undefined), 15_000, { description: `no subscription left (${webhookCalls().join(', ')})` });
	});

	it('polling: the activation poll only found the position; the next poll hands out a change and a deletion; a quiet poll costs one call for the topic and one for deletions', async () => {
		// The poll runs every minute on the clock: one may already have handed out O'Neill's change (the webhook
		// test's; the two paths overlap by design), depending on where the minute fell.
		const earlier = await n8n.listExecutions(pollWorkflow);
		expect(earlier.length).toBeLessThanOrEqual(1);
		sim.state.updateRecord('Accounts', accounts.cafe.id, { City: 'Utrecht' });
		sim.state.deleteRecord('Accounts', accounts.emptyEmail.id);
		const executions = await finished(pollWorkflow, earlier.length + 1);
		expect(executions.map((e) => [e.status, e.mode])).toEqual(executions.map(() => ['success', 'trigger']));
		// Oldest first: each change handed out once, nothing from before the activation.
		const handedOut = [...executions].reverse().flatMap((execution) => items(execution, 'Exact polled'));
		expect(handedOut.map((r) => [r.ID, r.Code, r.changeType, r.City ?? null])).toEqual([
			[accounts.oneill.id, '2', 'changed', expect.any(String)],
			[accounts.cafe.id, '3', 'changed', 'Utrecht'],
			[accounts.emptyEmail.id, '10', 'deleted', null],
		]);
		const before = syncCalls().length;
		await waitFor(() => (syncCalls().length >= before + 2 ? true : undefined), 90_000, { description: 'the next poll', intervalMs: 1_000 });
		await sleep(1_000);
		expect(syncCalls().slice(before).map((c) => c.endpoint)).toEqual(['GET sync/CRM/Accounts', 'GET sync/Deleted']);
		expect(await n8n.listExecutions(pollWorkflow)).toHaveLength(executions.length);
	});
});
