/**
 * The OutSmart credential, the OutSmart node and the OutSmart Trigger's "Fetch Test Event" in a real n8n,
 * against the fake OutSmart on 127.0.0.1: the credential's Test button (right tokens, OutSmart's code 1004 and
 * 1005 for wrong ones), a workflow that lists relations, an upsert that reports per item, a dropdown, and a
 * test event that shows real completed work orders without changing their status or the trigger's state.
 */
import { type OutSmartSimulator, demoSeed, startOutSmartSimulator } from '../../simulators/outsmart';
import { createN8nInstance, linearConnections, type N8nInstance } from '../../scripts/n8n';

jest.setTimeout(240_000);

const TOKEN = 'tok-e2e-Geheim-41';
const SOFTWARE_TOKEN = 'sw-e2e-Geheim-42';
const CREDENTIAL = { id: 'outsmartCredE2E1', name: 'OutSmart (simulator)' };
const START = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} };

describe('OutSmart in a real n8n', () => {
	let sim: OutSmartSimulator;
	let n8n: N8nInstance;
	const ids: Record<string, string> = {};

	const outSmartNode = (name: string, parameters: Record<string, unknown>) => ({
		name,
		type: n8n.nodeType('outSmart'),
		typeVersion: 1,
		parameters,
		credentials: { outSmartApi: CREDENTIAL },
	});

	beforeAll(async () => {
		sim = await startOutSmartSimulator({ token: TOKEN, softwareToken: SOFTWARE_TOKEN, seed: demoSeed() });
		n8n = await createN8nInstance({ name: 'outsmart' });
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'outSmartApi', data: { baseUrl: sim.url, token: TOKEN, softwareToken: SOFTWARE_TOKEN } },
		]);
		[ids.relations, ids.upsert, ids.trigger] = await n8n.importWorkflow([
			{
				name: 'OutSmart relations',
				nodes: [START, outSmartNode('Relations', { resource: 'relation', operation: 'getMany', returnAll: true })],
				connections: linearConnections('Start', 'Relations'),
			},
			{
				name: 'OutSmart upsert',
				nodes: [
					START,
					outSmartNode('Upsert', {
						resource: 'relation',
						operation: 'upsert',
						dataMode: 'defineBelow',
						fieldsUi: {
							field: [
								{ name: 'debtor_number', value: '2042' },
								{ name: 'name', value: "Bloemisterij 't Zonnetje" },
								{ name: 'street', value: 'Markt' },
								{ name: 'postal_code', value: '2801 JK' },
								{ name: 'city', value: '={{ "Gou" + "da" }}' },
								{ name: 'latitude', value: '52.0115' },
							],
						},
					}),
				],
				connections: linearConnections('Start', 'Upsert'),
			},
			{
				name: 'OutSmart completed work orders',
				nodes: [
					{
						name: 'OutSmart Trigger',
						type: n8n.nodeType('outSmartTrigger'),
						typeVersion: 1,
						parameters: { pollTimes: { item: [{ mode: 'everyX', value: 15, unit: 'minutes' }] }, workStatus: 'GEREED', options: {} },
						credentials: { outSmartApi: CREDENTIAL },
					},
				],
				connections: {},
			},
		]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
	});

	it('lists OutSmart relations through the node (n8n execute), typed, with the tokens only in the query', async () => {
		const run = await n8n.execute(ids.relations);
		expect(run.error?.message).toBeUndefined();
		const relations = run.json('Relations');
		expect(relations).toHaveLength(6);
		expect(relations[0]).toMatchObject({ debtor_number: '1001', name: "Bakkerij 't Hoekje", city: "'s-Hertogenbosch", latitude: expect.any(Number) });
		const call = sim.state.calls().find((c) => c.endpoint === 'relations');
		expect(call).toMatchObject({ method: 'GET', query: { token: '***', software_token: '***' } });
		expect(run.output).not.toContain(TOKEN);
	});

	describe('with n8n running', () => {
		beforeAll(async () => {
			await n8n.start();
		});

		it('the credential Test button: OK with the right tokens, OutSmart\'s code 1004 / 1005 with wrong ones', async () => {
			expect(await n8n.testCredential(CREDENTIAL.id)).toEqual({ status: 'OK', message: expect.any(String) });
			const wrongToken = await n8n.testCredential(CREDENTIAL.id, { data: { token: 'tok-not-valid' } });
			expect(wrongToken).toEqual({ status: 'Error', message: 'OutSmart does not accept this token (code 1004): copy it again from OutSmart' });
			const wrongSoftware = await n8n.testCredential(CREDENTIAL.id, { data: { softwareToken: 'sw-not-valid' } });
			expect(wrongSoftware.status).toBe('Error');
			expect(wrongSoftware.message).toContain('(code 1005)');
			const codes = sim.state.calls().filter((c) => c.endpoint === 'workstatusses').map((c) => c.code);
			expect(codes).toEqual([200, 1004, 1005]);
		});

		it('an upsert reports per item and a second run finds nothing to change', async () => {
			const first = await n8n.runManualTrigger(ids.upsert, 'Start');
			expect(first.error?.message).toBeUndefined();
			expect(first.json('Upsert')).toEqual([
				{
					outcome: 'created',
					key: '2042',
					sent: true,
					changedFields: [],
					record: { debtor_number: '2042', name: "Bloemisterij 't Zonnetje", street: 'Markt', postal_code: '2801 JK', city: 'Gouda', latitude: 52.0115 },
				},
			]);
			expect(sim.state.list('relations').find((r) => r.debtor_number === '2042')).toMatchObject({ city: 'Gouda', latitude: '52.0115' });
			const second = await n8n.runManualTrigger(ids.upsert, 'Start');
			expect(second.json('Upsert')[0]).toMatchObject({ outcome: 'unchanged', sent: false });
		});

		it('a dropdown (work statuses) loads from OutSmart through n8n', async () => {
			const options = await n8n.rest<Array<{ name: string; value: string }>>('POST', '/rest/dynamic-node-parameters/options', {
				nodeTypeAndVersion: { name: n8n.nodeType('outSmartTrigger'), version: 1 },
				path: 'workStatus',
				methodName: 'getWorkStatusFilter',
				credentials: { outSmartApi: CREDENTIAL },
				currentNodeParameters: { workStatus: '', options: {} },
			});
			expect(options).toEqual(expect.arrayContaining([{ name: 'Any Work Status', value: '' }, { name: 'Gereed voor export (GEREED)', value: 'GEREED' }]));
		});

		it('"Fetch Test Event" shows real recent completed work orders and changes neither their status nor the trigger\'s state', async () => {
			const run = await n8n.runManualTrigger(ids.trigger, 'OutSmart Trigger');
			expect(run.error?.message).toBeUndefined();
			const items = run.json('OutSmart Trigger');
			expect(items.map((w) => w.WorkorderNo)).toEqual(['WO-2026-0005', 'WO-2026-0011', 'WO-2026-0004']);
			expect(items[0]).toMatchObject({ status: 'Compleet', WorkStatus: 'GEREED', id: 169828 });
			expect((items[0].Workperiods as Array<Record<string, unknown>>)[0]).toMatchObject({ TotalTime: 2.25, TotalTimeText: '02:15' });

			expect(sim.state.stats().statusChangedByRead).toEqual([]);
			expect(sim.state.calls().filter((c) => c.endpoint === 'GetWorkorders').map((c) => c.query.update_status)).toEqual(['false']);
			const workflow = await n8n.rest<{ staticData?: unknown }>('GET', `/rest/workflows/${ids.trigger}`);
			expect(JSON.stringify(workflow.staticData ?? {})).not.toContain('outSmartTrigger');
		});
	});
});
