/**
 * The Exact Online Trigger (webhook) against the Exact simulator, which subscribes, signs and delivers events the
 * way Exact does: the subscription lifecycle (create, exists, repair, topics changed, delete, HTTPS only), signed
 * events starting the workflow with the record read in one call, and everything unsigned, forged, re-serialised,
 * replayed or stale refused without running anything. The endpoint is a real HTTP server (../../harness/webhook).
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineTrigger } from '../../../../nodes/ExactOnlineTrigger/ExactOnlineTrigger.node';
import { EXACT_SEED_FIXTURES, localMsFromEpoch, webhookHash } from '../../../../simulators/exact';
import { activate, runHook, WebhookEndpoint, type HookOptions } from '../../../harness/webhook';
import type { ExactFixture } from '../../exactSetup';
import { callsOf, endpointsOf, startEntitySimulator } from '../entities/setup';

const { accounts, items } = EXACT_SEED_FIXTURES;
const SECRET = 'demo-webhook-secret';
const node = new ExactOnlineTrigger();
let exact: ExactFixture;
let endpoint: WebhookEndpoint;
let staticData: IDataObject;

const subscriptions = () =>
	exact.sim.state.listRecords('WebhookSubscriptions').map((s) => ({ topic: s.Topic, url: s.CallbackURL }));

function hookOptions(parameters: IDataObject = {}, webhookUrl = endpoint.url): HookOptions {
	return { parameters: { topics: ['Accounts', 'Items'], ...parameters }, credentials: exact.credentials(), staticData, webhookUrl };
}

/** POSTs a body to the endpoint like someone other than Exact would. */
async function post(body: string): Promise<{ status: number; answer: unknown }> {
	const res = await fetch(endpoint.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
	return { status: res.status, answer: await res.json() };
}

/** Exact's content text for an event, signed with `secret`. */
function signedBody(content: IDataObject, secret = SECRET): string {
	const text = JSON.stringify(content);
	return `{"Content":${text},"HashCode":"${webhookHash(text, secret)}"}`;
}

function accountEvent(at = Date.now()): IDataObject {
	return {
		Topic: 'Accounts',
		ClientId: 'demo-client-id',
		Division: 1234567,
		Action: 'Update',
		Key: accounts.bakkerij.id,
		ExactOnlineEndpoint: `${exact.sim.url}/api/v1/1234567/crm/Accounts(guid'${accounts.bakkerij.id}')`,
		EventCreatedOn: new Date(localMsFromEpoch(at)).toISOString().slice(0, 19),
	};
}

beforeAll(async () => {
	exact = await startEntitySimulator();
});
afterAll(async () => exact.sim.close());

beforeEach(async () => {
	exact.sim.state.reset();
	exact.credential.webhookSecret = SECRET;
	staticData = {};
	endpoint = new WebhookEndpoint(node, { parameters: { topics: ['Accounts', 'Items'] }, credentials: exact.credentials(), staticData });
	await endpoint.start();
});
afterEach(async () => endpoint.close());

describe('Exact Online Trigger: subscriptions', () => {
	it('activation subscribes each topic once, finds them on the next activation, repairs one removed in Exact, follows topic changes and removes all on deactivation', async () => {
		const first = await activate(node, hookOptions());
		expect(first.created).toBe(true);
		expect(subscriptions()).toEqual([
			{ topic: 'Accounts', url: endpoint.url },
			{ topic: 'Items', url: endpoint.url },
		]);

		const again = await activate(node, hookOptions());
		expect(again).toMatchObject({ result: true, created: false });
		expect(endpointsOf(again)).toEqual(['GET webhooks/WebhookSubscriptions']);
		expect(callsOf(again)[0].query).toMatchObject({ $filter: `CallbackURL eq '${endpoint.url}'`, $select: 'ID,Topic,CallbackURL' });

		// Someone removes the Items subscription in Exact: the next activation notices and adds only that one.
		const items = exact.sim.state.listRecords('WebhookSubscriptions').find((s) => s.Topic === 'Items')!;
		exact.sim.state.deleteRecord('WebhookSubscriptions', String(items.ID));
		const repaired = await activate(node, hookOptions());
		expect(repaired.created).toBe(true);
		expect(endpointsOf(repaired).filter((e) => e.startsWith('POST'))).toEqual(['POST webhooks/WebhookSubscriptions']);
		expect(subscriptions().map((s) => s.topic).sort()).toEqual(['Accounts', 'Items']);

		// Items taken off the node: its subscription goes, Accounts stays.
		const fewer = await activate(node, hookOptions({ topics: ['Accounts'] }));
		expect(fewer.created).toBe(true);
		expect(subscriptions()).toEqual([{ topic: 'Accounts', url: endpoint.url }]);

		// Another workflow's subscription is not ours to remove.
		exact.sim.state.insertRecord('WebhookSubscriptions', { CallbackURL: 'https://other.example.com/hook', Topic: 'Accounts' });
		const removed = await runHook(node, 'delete', hookOptions());
		expect(removed.result).toBe(true);
		expect(subscriptions()).toEqual([{ topic: 'Accounts', url: 'https://other.example.com/hook' }]);
	});

	it('refuses a plain-http webhook URL before asking Exact, saying what to do; https is subscribed', async () => {
		const http = await activate(node, hookOptions({}, 'http://n8n.example.com/webhook/abc/webhook'));
		expect(http.error?.message).toBe("Exact Online only calls HTTPS webhook URLs, and n8n's webhook URL is http://n8n.example.com/webhook/abc/webhook");
		expect(http.error?.description).toMatch(/WEBHOOK_URL/);
		// create() (after checkExists found nothing) asked Exact nothing: a refused call counts towards Exact's error limit.
		expect(endpointsOf(http)).toEqual([]);
		expect(subscriptions()).toEqual([]);

		const https = await activate(node, hookOptions({ topics: ['Accounts'] }, 'https://n8n.example.com/webhook/abc/webhook'));
		expect(https.error).toBeUndefined();
		expect(subscriptions()).toEqual([{ topic: 'Accounts', url: 'https://n8n.example.com/webhook/abc/webhook' }]);
	});

	it('warns in the log when n8n runs on plain http on loopback (only a local test server can call that)', async () => {
		const local = await activate(node, hookOptions({ topics: ['Accounts'] }));
		expect(local.host.logs).toContainEqual({ level: 'warn', message: expect.stringContaining('the real Exact Online only calls HTTPS URLs') });
	});
});

describe('Exact Online Trigger: events', () => {
	beforeEach(async () => {
		await activate(node, hookOptions());
	});

	it('a change in Exact runs the workflow once with the record, read in one call with its fields selected', async () => {
		exact.sim.state.updateRecord('Accounts', accounts.oneill.id, { Phone: '070-1234567' });
		await exact.sim.state.webhooks.idle();
		expect(endpoint.runs).toHaveLength(1);
		const [run] = endpoint.runs;
		expect(run.items).toEqual([
			expect.objectContaining({
				ID: accounts.oneill.id,
				Code: '2',
				Name: "O'Neill Installaties",
				Phone: '070-1234567',
				changeType: 'changed',
				exactEvent: expect.objectContaining({ topic: 'Accounts', action: 'Update', key: accounts.oneill.id, division: 1234567 }),
			}),
		]);
		expect(endpointsOf(run)).toEqual(['GET crm/Accounts']);
		expect(callsOf(run)[0].query.$select).toContain('Name');
		expect(callsOf(run)[0].query.$filter).toBe(`ID eq guid'${accounts.oneill.id}'`);
	});

	it('a deletion gives the key and the action without a call; Event Only reads nothing either', async () => {
		exact.sim.state.deleteRecord('Items', items.kogelkraan.id);
		await exact.sim.state.webhooks.idle();
		expect(endpoint.runs.map((r) => r.items)).toEqual([
			[{ ID: items.kogelkraan.id, changeType: 'deleted', exactEvent: expect.objectContaining({ topic: 'Items', action: 'Delete' }) }],
		]);
		expect(endpoint.runs[0].host.http).toEqual([]);

		endpoint.options.parameters = { topics: ['Accounts', 'Items'], options: { eventOnly: true } };
		exact.sim.state.insertRecord('Accounts', { Name: 'Nieuwe Klant BV' });
		await exact.sim.state.webhooks.idle();
		expect(endpoint.runs[1].items).toEqual([
			{ ID: expect.any(String), changeType: 'changed', exactEvent: expect.objectContaining({ action: 'Create' }) },
		]);
		expect(endpoint.runs[1].host.http).toEqual([]);
	});

	it('refuses forged, unsigned and re-serialised bodies: 401, nothing runs', async () => {
		const [delivery] = await exact.sim.state.fireWebhook({ topic: 'Accounts', action: 'Update', key: accounts.cafe.id });
		expect(delivery.status).toBe(200);
		expect(endpoint.runs).toHaveLength(1);
		const parsed = JSON.parse(delivery.body) as { Content: IDataObject; HashCode: string };

		const attempts = {
			forged: signedBody(accountEvent(), 'guessed-secret'),
			unsigned: `{"Content":${JSON.stringify(accountEvent())}}`,
			emptyHash: `{"Content":${JSON.stringify(accountEvent())},"HashCode":""}`,
			reIndented: JSON.stringify(parsed, null, 2),
			keysReordered: JSON.stringify({ HashCode: parsed.HashCode, Content: parsed.Content }),
			contentKeysReordered: `{"Content":${JSON.stringify({ Key: parsed.Content.Key, ...parsed.Content })},"HashCode":"${parsed.HashCode}"}`,
			lowerCaseHash: delivery.body.replace(parsed.HashCode, parsed.HashCode.toLowerCase()),
			tampered: delivery.body.replace('"Update"', '"Delete"'),
		};
		for (const [name, body] of Object.entries(attempts)) {
			const answer = await post(body);
			expect([name, answer.status]).toEqual([name, 401]);
		}
		expect(endpoint.runs).toHaveLength(1);
	});

	it('refuses a replayed body and an event older than the maximum age (answered 200: Exact sent them); a new event runs', async () => {
		const [delivery] = await exact.sim.state.fireWebhook({ topic: 'Accounts', action: 'Update', key: accounts.cafe.id });
		expect(endpoint.runs).toHaveLength(1);

		const replay = await post(delivery.body);
		expect(replay).toEqual({ status: 200, answer: { ignored: 'this body was already processed (replay)' } });

		const old = await post(signedBody(accountEvent(Date.now() - 31 * 60_000)));
		expect(old.status).toBe(200);
		expect(old.answer).toEqual({ ignored: expect.stringContaining('older than the maximum event age') });
		expect(endpoint.runs).toHaveLength(1);

		const fresh = await post(signedBody(accountEvent()));
		expect(fresh.status).toBe(200);
		expect(endpoint.runs).toHaveLength(2);
		expect(endpoint.runs[1].items?.[0]).toMatchObject({ ID: accounts.bakkerij.id, Name: "Bakkerij 't Hoekje" });
	});

	it('refuses everything while the credential has no webhook secret, and never shows the secret', async () => {
		await exact.sim.state.fireWebhook({ topic: 'Accounts', action: 'Update', key: accounts.cafe.id });
		delete exact.credential.webhookSecret;
		const [refused] = await exact.sim.state.fireWebhook({ topic: 'Accounts', action: 'Update', key: accounts.cafe.id });
		expect(refused.status).toBe(401);
		expect(endpoint.calls.at(-1)?.answer).toEqual({ refused: 'the Exact Online credential has no Webhook Secret, so no event can be verified' });
		expect(endpoint.runs).toHaveLength(1);
		const everything = JSON.stringify(endpoint.calls.map((c) => [c.answer, c.items, c.host.logs]));
		expect(everything).not.toContain(SECRET);
	});

	it('every webhook topic reads its own record by its own key; invoices, orders and quotations with their lines', async () => {
		const topics: Array<[string, string, string, string, string?]> = [
			['Contacts', 'Contacts', 'crm/Contacts', 'ID'],
			['SalesInvoices', 'SalesInvoices', 'salesinvoice/SalesInvoices', 'InvoiceID', 'SalesInvoiceLines'],
			['SalesOrders', 'SalesOrders', 'salesorder/SalesOrders', 'OrderID', 'SalesOrderLines'],
			['Quotations', 'Quotations', 'crm/Quotations', 'QuotationID', 'QuotationLines'],
			['TimeTransactions', 'TimeTransactions', 'project/TimeTransactions', 'ID'],
		];
		await activate(node, hookOptions({ topics: topics.map(([topic]) => topic) }));
		endpoint.options.parameters = { topics: topics.map(([topic]) => topic) };
		for (const [topic, entity, path, key, linesField] of topics) {
			const record = exact.sim.state.listRecords(entity)[0];
			exact.sim.state.updateRecord(entity, String(record[key]), { Description: `changed ${topic}` });
			await exact.sim.state.webhooks.idle();
			const run = endpoint.runs.at(-1)!;
			const [item] = run.items ?? [];
			expect([topic, item?.[key], item?.changeType]).toEqual([topic, record[key], 'changed']);
			if (!linesField) {
				expect(endpointsOf(run)).toEqual([`GET ${path}`]);
				continue;
			}
			// The lines come from their own endpoint, in one more call, in line order.
			const lines = exact.sim.state.listRecords(linesField).filter((line) => String(line[key]) === String(record[key]));
			expect(lines.length).toBeGreaterThan(0);
			expect(endpointsOf(run)).toEqual([`GET ${path}`, `GET ${path.split('/')[0]}/${linesField}`]);
			expect((item[linesField] as IDataObject[]).map((line) => line.ID)).toEqual(
				[...lines].sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber)).map((line) => line.ID),
			);
		}

		// Include Lines off: the header alone, in one call.
		endpoint.options.parameters = { topics: ['SalesOrders'], options: { includeLines: false } };
		const order = exact.sim.state.listRecords('SalesOrders')[0];
		exact.sim.state.updateRecord('SalesOrders', String(order.OrderID), { Description: 'header only' });
		await exact.sim.state.webhooks.idle();
		const headerOnly = endpoint.runs.at(-1)!;
		expect(endpointsOf(headerOnly)).toEqual(['GET salesorder/SalesOrders']);
		expect(headerOnly.items?.[0]).toMatchObject({ OrderID: order.OrderID, Description: 'header only' });
		expect(headerOnly.items?.[0]).not.toHaveProperty('SalesOrderLines');
	});

	it('Stock Positions: a stock change runs the workflow with the position read by its item-warehouse ID', async () => {
		await activate(node, hookOptions({ topics: ['StockPositions'] }));
		endpoint.options.parameters = { topics: ['StockPositions'] };
		expect(subscriptions()).toEqual([{ topic: 'StockPositions', url: endpoint.url }]);
		const row = exact.sim.state.listRecords('ItemWarehouses').find((iw) => iw.Item === items.kogelkraan.id)!;
		exact.sim.state.updateRecord('ItemWarehouses', String(row.ID), { CurrentStock: Number(row.CurrentStock) + 5 });
		await exact.sim.state.webhooks.idle();
		const run = endpoint.runs.at(-1)!;
		expect(run.items).toEqual([
			expect.objectContaining({ ID: row.ID, ItemCode: 'KK-12', CurrentStock: Number(row.CurrentStock) + 5, changeType: 'changed', exactEvent: expect.objectContaining({ topic: 'StockPositions' }) }),
		]);
		expect(endpointsOf(run)).toEqual(['GET inventory/ItemWarehouses']);
	});

	it('ignores a topic the node does not watch', async () => {
		endpoint.options.parameters = { topics: ['Items'] };
		const answer = await post(signedBody(accountEvent()));
		expect(answer).toEqual({ status: 200, answer: { ignored: 'topic Accounts is not one this trigger watches' } });
		expect(endpoint.runs).toHaveLength(0);
	});
});
