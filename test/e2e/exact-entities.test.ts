/**
 * The Exact Online entity nodes (Account, Item, Payment, Sales Invoice) in a real n8n, against the Exact
 * simulator: one workflow exercising every node once (expressions and per-item errors included), Get Changes
 * over three `n8n execute` runs (static data is kept for non-manual runs: full, then only changes, then a
 * deletion), Confirm Later when the flow fails half-way, and, with `n8n start`, the editor's dropdowns and
 * list searches (one Exact call per open) and the nodes panel finding hour types by "uursoort".
 */
import { EXACT_SEED_FIXTURES, startExactSimulator, type ExactSimulator } from '../../simulators/exact';
import { createN8nInstance, linearConnections, type N8nInstance } from '../../scripts/n8n';
import { exactSimulatorCredential } from './exactCredential';

jest.setTimeout(240_000);

const { accounts, items } = EXACT_SEED_FIXTURES;
const CREDENTIAL = { id: 'exactEntitiesE2E', name: 'Exact (simulator)' };
const START = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} };
const rl = (mode: 'list' | 'code' | 'id', value: string) => ({ __rl: true, mode, value });

/** Start → each of `branches`, side by side. */
function fanOut(from: string, branches: string[]): Record<string, unknown> {
	return { [from]: { main: [branches.map((node) => ({ node, type: 'main', index: 0 }))] } };
}

describe('Exact Online entity nodes in a real n8n', () => {
	let sim: ExactSimulator;
	let n8n: N8nInstance;
	const ids: Record<string, string> = {};

	const node = (name: string, nodeName: string, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
		name,
		type: n8n.nodeType(nodeName),
		parameters,
		credentials: { exactOnlineOAuth2Api: CREDENTIAL },
		...extra,
	});

	/** A dropdown or list search as the editor asks for it; resolves with n8n's answer. */
	const editorRequest = async (kind: 'options' | 'resource-locator-results', body: Record<string, unknown>) =>
		await n8n.rest<unknown>('POST', `/rest/dynamic-node-parameters/${kind}`, {
			credentials: { exactOnlineOAuth2Api: CREDENTIAL },
			...body,
		});

	beforeAll(async () => {
		sim = await startExactSimulator({ seed: 'tiny' });
		n8n = await createN8nInstance({ name: 'exact-entities' });
		await n8n.importCredentials([exactSimulatorCredential(sim, CREDENTIAL, { access_token: 'AT-entities-1', refresh_token: 'RT-entities-1' })]);
		const codes = {
			name: 'Codes',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: { jsCode: "return [{ json: { code: '2' } }, { json: { code: '999' } }, { json: { code: '10' } }];" },
		};
		[ids.entities, ids.sync, ids.confirmed, ids.failing, ids.failingAtOnce, ids.returnAll] = await n8n.importWorkflow([
			{
				name: 'Every entity node once',
				nodes: [
					START,
					codes,
					node('Account Get', 'exactOnlineAccount', { operation: 'get', account: rl('code', '={{ $json.code }}'), options: { includeContacts: true } }, { onError: 'continueRegularOutput' }),
					node('Account Search', 'exactOnlineAccount', { operation: 'getMany', filters: { nameContains: "'t Hoekje" } }),
					node('Hour Types', 'exactOnlineItem', { operation: 'getMany', returnAll: true, filters: { kind: 'time' } }),
					node('Item By Code', 'exactOnlineItem', { operation: 'get', item: rl('code', 'BUIS 15 CU') }),
					node('Payment Status', 'exactOnlinePayment', { resource: 'paymentStatus', operation: 'get', invoiceNumber: 25700005 }),
					node('Payment Conditions', 'exactOnlinePayment', { resource: 'paymentCondition', operation: 'getMany', returnAll: true }),
					node('Invoice Create', 'exactOnlineSalesInvoice', {
						operation: 'create',
						invoiceTo: rl('code', '2'),
						journal: '70',
						lines: { line: [{ item: 'ARBEID', quantity: 2 }, { item: 'kk-12', quantity: 1, description: "Kogelkraan 1/2\" (O'Neill)" }] },
						additionalFields: { YourRef: 'WB-E2E-0001', PaymentCondition: rl('list', '30') },
					}),
					node('Invoice Get', 'exactOnlineSalesInvoice', { operation: 'get', invoice: '={{ $json.InvoiceNumber }}' }),
				],
				connections: {
					...fanOut('Start', ['Codes', 'Account Search', 'Hour Types', 'Item By Code', 'Payment Status', 'Payment Conditions', 'Invoice Create']),
					...linearConnections('Codes', 'Account Get'),
					...linearConnections('Invoice Create', 'Invoice Get'),
				},
			},
			{
				name: 'Get Changes of every entity',
				nodes: [
					START,
					node('Accounts', 'exactOnlineAccount', { operation: 'getChanges' }),
					node('Items', 'exactOnlineItem', { operation: 'getChanges' }),
					node('Invoices', 'exactOnlineSalesInvoice', { operation: 'getChanges' }),
					node('Payments', 'exactOnlinePayment', { resource: 'paymentStatus', operation: 'getChanges' }),
				],
				connections: fanOut('Start', ['Accounts', 'Items', 'Invoices', 'Payments']),
			},
			{
				name: 'Changes confirmed at the end',
				nodes: [
					START,
					node('Changes', 'exactOnlineAccount', { operation: 'getChanges', syncName: 'to OutSmart', changesOptions: { confirmLater: true } }),
					node('Confirm', 'exactOnlineAccount', { operation: 'confirmChanges', syncName: 'to OutSmart' }),
				],
				connections: linearConnections('Start', 'Changes', 'Confirm'),
			},
			{
				name: 'Changes, then the flow fails',
				nodes: [
					START,
					node('Changes', 'exactOnlineAccount', { operation: 'getChanges', syncName: 'failing', changesOptions: { confirmLater: true } }),
					node('Fails', 'exactOnlineAccount', { operation: 'get', account: rl('code', '999') }, { executeOnce: true }),
					node('Confirm', 'exactOnlineAccount', { operation: 'confirmChanges', syncName: 'failing' }),
				],
				connections: linearConnections('Start', 'Changes', 'Fails', 'Confirm'),
			},
			{
				name: 'Changes without Confirm Later, then the flow fails',
				nodes: [
					START,
					node('Changes', 'exactOnlineAccount', { operation: 'getChanges', syncName: 'at once' }),
					node('Fails', 'exactOnlineAccount', { operation: 'get', account: rl('code', '999') }, { executeOnce: true }),
				],
				connections: linearConnections('Start', 'Changes', 'Fails'),
			},
			{
				name: 'Return All',
				nodes: [
					START,
					node('All Accounts', 'exactOnlineAccount', { operation: 'getMany', returnAll: true }),
					node('Customers', 'exactOnlineAccount', { operation: 'getMany', returnAll: true, filters: { types: ['C'] } }),
				],
				connections: fanOut('Start', ['All Accounts', 'Customers']),
			},
		]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
	});

	it('runs every entity node: codes, quotes, expressions, per-item errors, a created invoice read back', async () => {
		const run = await n8n.execute(ids.entities);
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');

		const perItem = run.json('Account Get');
		expect(perItem.map((a) => a.Name ?? a.error)).toEqual([
			"O'Neill Installaties",
			"Account '999' not found in administration 1234567",
			'Fam. de Jong',
		]);
		expect(perItem[0].Code).toBe('2');
		expect((perItem[0].Contacts as Array<{ FullName: string }>).map((c) => c.FullName)).toContain("Siobhán O'Neill");
		const pairing = run.runData['Account Get'][0].data?.main?.[0]?.map((item) => item.pairedItem);
		expect(pairing).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);

		expect(run.json('Account Search').map((a) => a.ID)).toEqual([accounts.bakkerij.id]);
		expect(run.json('Hour Types').map((i) => i.Code)).toEqual(['ARBEID', 'SPOED', 'VOORRIJ']);
		expect(run.json('Item By Code')[0]).toMatchObject({ ID: items.codeWithSpaces.id, StandardSalesPrice: 8.4 });
		expect(String(run.json('Item By Code')[0].Modified)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]:00$/);
		expect(run.json('Payment Status')[0]).toMatchObject({ invoiceNumber: 25700005, isFullyPaid: false, openAmount: 710.9 });
		expect(run.json('Payment Conditions').map((p) => p.Code)).toEqual(['14', '30', 'DIR']);

		const [created] = run.json('Invoice Create');
		expect(created).toMatchObject({ InvoiceTo: accounts.oneill.id, YourRef: 'WB-E2E-0001', PaymentCondition: '30', Status: 10 });
		const [readBack] = run.json('Invoice Get');
		expect(readBack.InvoiceNumber).toBe(created.InvoiceNumber);
		expect((readBack.SalesInvoiceLines as Array<Record<string, unknown>>).map((l) => [l.ItemCode, l.Quantity, l.Description])).toEqual([
			['ARBEID', 2, 'Arbeid monteur'],
			['KK-12', 1, "Kogelkraan 1/2\" (O'Neill)"],
		]);
		expect(sim.state.getStats().rateLimited429).toBe(0);
	});

	it('Get Changes keeps its position between runs: all, then only changes, then a deletion', async () => {
		const first = await n8n.execute(ids.sync);
		expect(first.status).toBe('success');
		expect(first.json('Accounts')).toHaveLength(sim.state.listRecords('Accounts').length);
		expect(first.json('Items')).toHaveLength(10);
		expect(first.json('Items').find((i) => i.Code === 'ARBEID')?.StandardSalesPrice).toBe(62.5);
		const invoices = first.json('Invoices');
		expect(invoices).toHaveLength(sim.state.listRecords('SalesInvoices').length);
		expect(invoices.every((i) => (i.SalesInvoiceLines as unknown[]).length > 0)).toBe(true);
		expect(first.json('Payments').map((p) => p.InvoiceNumber)).toEqual([25700004, 25700005, 25700006]);

		sim.state.updateRecord('Accounts', accounts.cafe.id, { Email: 'info@cafe-facade.nl' });
		sim.state.updateRecord('Items', items.kogelkraan.id, { StandardSalesPrice: 13.95 });
		sim.state.resetStats();
		const second = await n8n.execute(ids.sync);
		expect(second.status).toBe('success');
		expect(second.json('Accounts').map((a) => [a.Name, a.Email, a.changeType])).toEqual([['Café Façade & Zoon', 'info@cafe-facade.nl', 'changed']]);
		expect(second.json('Items').map((i) => [i.Code, i.StandardSalesPrice])).toEqual([['KK-12', 13.95]]);
		expect(second.runData.Invoices[0].data?.main?.[0] ?? []).toHaveLength(0);
		// Two streams per node, the items' price list, one price lookup for the changed item.
		expect(sim.state.getStats().calls.total).toBe(4 * 2 + 1 + 1);

		sim.state.deleteRecord('Accounts', accounts.emptyEmail.id);
		const third = await n8n.execute(ids.sync);
		expect(third.json('Accounts')).toEqual([expect.objectContaining({ ID: accounts.emptyEmail.id, changeType: 'deleted' })]);
	});

	it('Confirm Later: a flow that fails half-way reads the same changes again; a confirmed one moves on', async () => {
		const failed = await n8n.execute(ids.failing);
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toBe("Account '999' not found in administration 1234567");
		const count = sim.state.listRecords('Accounts').length;
		const changedIn = (records: Array<Record<string, unknown>>) => records.filter((r) => r.changeType === 'changed');
		expect(changedIn(failed.json('Changes'))).toHaveLength(count);
		const failedAgain = await n8n.execute(ids.failing);
		expect(changedIn(failedAgain.json('Changes'))).toHaveLength(count);

		const confirmed = await n8n.execute(ids.confirmed);
		expect(changedIn(confirmed.json('Changes'))).toHaveLength(count);
		expect(confirmed.json('Confirm')).toEqual([{ syncName: 'to OutSmart', confirmed: true, givenBack: 0, retrying: 0 }]);
		const next = await n8n.execute(ids.confirmed);
		expect(next.runData.Changes[0].data?.main?.[0] ?? []).toHaveLength(0);

		// Why the option exists: n8n saves static data after a failed run too, so without Confirm Later the
		// position moved on and the changes of the failed run are not read again.
		const lost = await n8n.execute(ids.failingAtOnce);
		expect(lost.status).toBe('error');
		expect(changedIn(lost.json('Changes'))).toHaveLength(count);
		const gone = await n8n.execute(ids.failingAtOnce);
		expect(gone.runData.Changes[0].data?.main?.[0] ?? []).toHaveLength(0);
	});

	describe('in the editor (n8n start)', () => {
		beforeAll(async () => {
			await n8n.start();
		});
		afterAll(async () => {
			await n8n.stop();
		});

		it('fills dropdowns and list searches with one Exact call per open', async () => {
			const item = { name: n8n.nodeType('exactOnlineItem'), version: 1 };
			const before = sim.state.getStats().calls.total;
			const groups = (await editorRequest('options', {
				nodeTypeAndVersion: item,
				path: 'filters.itemGroups',
				methodName: 'getItemGroups',
				currentNodeParameters: { operation: 'getMany' },
			})) as Array<{ name: string; value: string }>;
			expect(groups.map((g) => g.name)).toContain('DIENST - Diensten en uren');
			expect(sim.state.getStats().calls.total).toBe(before + 1);

			const found = (await editorRequest('resource-locator-results', {
				nodeTypeAndVersion: { name: n8n.nodeType('exactOnlineAccount'), version: 1 },
				path: 'account',
				methodName: 'searchAccounts',
				filter: "o'neill",
				currentNodeParameters: { operation: 'get' },
			})) as { results: Array<{ name: string; value: string }> };
			expect(found.results).toEqual([{ name: "2 - O'Neill Installaties", value: accounts.oneill.id }]);
			expect(sim.state.getStats().calls.total).toBe(before + 2);

			const conditions = (await editorRequest('resource-locator-results', {
				nodeTypeAndVersion: { name: n8n.nodeType('exactOnlineSalesInvoice'), version: 1 },
				path: 'additionalFields.PaymentCondition',
				methodName: 'searchPaymentConditions',
				currentNodeParameters: { operation: 'create' },
			})) as { results: Array<{ value: string }> };
			expect(conditions.results.map((c) => c.value).sort()).toEqual(['14', '30', 'DIR']);
			expect(sim.state.getStats().calls.total).toBe(before + 3);
		});

		it('the nodes panel knows the nodes with their categories, and finds hour types by "uursoort"', async () => {
			const types = await n8n.nodeTypes();
			const ours = types.filter((t) => /exactOnline(Account|Item|Payment|SalesInvoice)$/.test(t.name));
			expect(ours).toHaveLength(4);
			for (const type of ours) {
				expect(type).toMatchObject({ usableAsTool: true, codex: expect.objectContaining({ categories: expect.arrayContaining(['Finance & Accounting']) }) });
			}
			const item = ours.find((t) => t.name === n8n.nodeType('exactOnlineItem')) as { codex?: { alias?: string[] } };
			expect(item.codex?.alias).toEqual(expect.arrayContaining(['uursoort', 'hour type']));
		});
	});

	// Last: it swaps the simulator's data for 5,000 accounts (before n8n starts: seeding blocks this process for
	// seconds, long enough for a kept-alive connection to n8n to go stale). Run through the editor's REST: the
	// CLI's output of 10,000 items is too big for the harness to read back.
	describe('Get Many with Return All over 5,000 accounts', () => {
		beforeAll(async () => {
			sim.state.seed('medium');
			sim.state.setMandatoryFiltering(true);
			await n8n.start();
		});
		afterAll(async () => {
			await n8n.stop();
		});

		it('reads 1,000 a call: 5 calls through sync, a filter through bulk, with mandatory filtering on', async () => {
			sim.state.resetStats();
			const run = await n8n.runManualTrigger(ids.returnAll, 'Start', { timeoutMs: 120_000 });
			expect(run.status).toBe('success');
			expect(run.json('All Accounts')).toHaveLength(5000);
			const names = run.json('All Accounts').map((a) => String(a.Name).toLowerCase());
			expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
			const customers = sim.state.listRecords('Accounts').filter((a) => a.Status === 'C').length;
			expect(run.json('Customers')).toHaveLength(customers);
			expect(sim.state.getStats().calls.byEndpoint).toEqual({ 'GET sync/CRM/Accounts': 5, 'GET bulk/CRM/Accounts': Math.ceil(customers / 1000) });
		});
	});
});
