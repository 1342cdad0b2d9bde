import { createHmac } from 'crypto';
import { createServer } from 'http';
import type { Server } from 'http';
import type { AddressInfo } from 'net';
import { EXACT_SEED_FIXTURES, startExactSimulator } from '../../../simulators/exact';
import type { ExactSimulator, WebhookDelivery } from '../../../simulators/exact';
import { exactTestClient } from '../../../simulators/exact/testing';
import type { ExactTestClient } from '../../../simulators/exact/testing';

/** Injected faults (status, delay, drop, hang, write-then-drop) and signed webhook deliveries. */

const DIV = 1234567;
const F = EXACT_SEED_FIXTURES;

let sim: ExactSimulator;
let api: ExactTestClient;

beforeAll(async () => {
	sim = await startExactSimulator({ webhookSecret: 'test-webhook-secret' });
	api = exactTestClient(sim);
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.state.reset();
});

async function addFault(rule: unknown): Promise<void> {
	const res = await fetch(`${sim.url}/__admin/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rule) });
	expect(res.status).toBe(201);
}

const invoice = (ref: string) => ({
	OrderedBy: F.accounts.bakkerij.id,
	Journal: '70',
	YourRef: ref,
	SalesInvoiceLines: [{ Item: F.items.arbeid.id, Quantity: 1 }],
});

async function invoicesWithRef(ref: string): Promise<number> {
	const res = await api.json<{ d: { results: unknown[] } }>(`${DIV}/salesinvoice/SalesInvoices?$select=InvoiceID&$filter=YourRef eq '${ref}'`);
	return res.body.d.results.length;
}

describe('faults', () => {
	it('answers a given status a given number of times, then normally', async () => {
		await addFault({ match: { method: 'GET', path: 'crm/Accounts' }, kind: 'status', status: 503, times: 2 });
		const first = await api.get(`${DIV}/crm/Accounts?$select=ID&$top=1`);
		expect(first.status).toBe(503);
		expect(((await first.json()) as { error: { message: { value: string } } }).error.message.value).toContain('503');
		expect((await api.get(`${DIV}/crm/Accounts?$select=ID&$top=1`)).status).toBe(503);
		expect((await api.get(`${DIV}/crm/Accounts?$select=ID&$top=1`)).status).toBe(200);
		expect(sim.state.getStats().faultsInjected).toBe(2);
	});

	it('matches a /regex/ path and sends a custom body and headers', async () => {
		await addFault({ match: { path: '/Items\\?.*\\$top=1$/' }, kind: 'status', status: 429, body: { error: 'busy' }, headers: { 'Retry-After': '1' } });
		expect((await api.get(`${DIV}/logistics/Items?$select=ID&$top=2`)).status).toBe(200);
		const hit = await api.get(`${DIV}/logistics/Items?$select=ID&$top=1`);
		expect(hit.status).toBe(429);
		expect(hit.headers.get('retry-after')).toBe('1');
		expect(await hit.json()).toEqual({ error: 'busy' });
		// injected 429s are not counted as real rate limiting
		expect(sim.state.getStats().rateLimited429).toBe(0);
	});

	it('write-then-drop: the invoice is created but the client gets no answer', async () => {
		await addFault({ match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, kind: 'write-then-drop' });
		await expect(api.post(`${DIV}/salesinvoice/SalesInvoices`, invoice('WB-DROP-1'))).rejects.toThrow();
		expect(await invoicesWithRef('WB-DROP-1')).toBe(1);
		// a blind retry makes a duplicate: what the client must avoid by looking up first
		expect((await api.post(`${DIV}/salesinvoice/SalesInvoices`, invoice('WB-DROP-1'))).status).toBe(201);
		expect(await invoicesWithRef('WB-DROP-1')).toBe(2);
	});

	it('drop: the connection closes before anything is written', async () => {
		await addFault({ match: { method: 'POST' }, kind: 'drop' });
		await expect(api.post(`${DIV}/salesinvoice/SalesInvoices`, invoice('WB-DROP-2'))).rejects.toThrow();
		expect(await invoicesWithRef('WB-DROP-2')).toBe(0);
	});

	it('hang: never answers until the client gives up; delay: answers late', async () => {
		await addFault({ match: { path: 'financial/Journals' }, kind: 'hang' });
		await expect(
			fetch(api.url(`${DIV}/financial/Journals`), { headers: { Authorization: `Bearer ${api.accessToken}` }, signal: AbortSignal.timeout(300) }),
		).rejects.toThrow();

		await addFault({ match: { path: 'financial/Journals' }, kind: 'delay', delayMs: 250 });
		const started = Date.now();
		expect((await api.get(`${DIV}/financial/Journals`)).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(240);
	});

	it('close() ends hanging requests', async () => {
		const other = await startExactSimulator();
		other.state.addFault({ kind: 'hang', times: 0 });
		const pending = fetch(`${other.url}/api/v1/current/Me`).then(
			() => 'answered',
			() => 'failed',
		);
		await new Promise((resolve) => setTimeout(resolve, 50));
		await other.close();
		expect(await pending).toBe('failed');
	});

	it('applies to the token endpoint too', async () => {
		await addFault({ match: { path: '/api/oauth2/token' }, kind: 'status', status: 500 });
		const res = await fetch(`${sim.url}/api/oauth2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=refresh_token&refresh_token=x',
		});
		expect(res.status).toBe(500);
	});
});

describe('webhooks', () => {
	let receiver: Server;
	let receiverUrl: string;
	const received: string[] = [];

	beforeAll(async () => {
		receiver = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push(Buffer.concat(chunks).toString('utf8'));
				res.writeHead(200).end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/exact`;
	});

	afterAll(async () => {
		await new Promise((resolve) => receiver.close(resolve));
	});

	beforeEach(() => {
		received.length = 0;
	});

	async function subscribe(topic: string, url = receiverUrl): Promise<Response> {
		return api.post(`${DIV}/webhooks/WebhookSubscriptions`, { CallbackURL: url, Topic: topic, Description: 'test' });
	}

	it('accepts https and loopback callbacks only', async () => {
		expect((await subscribe('Accounts', 'http://example.com/hook')).status).toBe(400);
		expect((await subscribe('Accounts', 'https://example.com/hook')).status).toBe(201);
		expect((await subscribe('NoSuchTopic')).status).toBe(400);
		const list = await api.json<{ d: { results: Array<{ Topic: string; CallbackURL: string }> } }>(`${DIV}/webhooks/WebhookSubscriptions`);
		expect(list.body.d.results.map((s) => s.CallbackURL)).toEqual(['https://example.com/hook']);
	});

	it('signs the raw Content text with HMAC-SHA256 (uppercase hex) and points at the record', async () => {
		expect((await subscribe('Accounts')).status).toBe(201);
		const res = await fetch(`${sim.url}/__admin/webhooks/fire`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ topic: 'Accounts', action: 'Update', key: F.accounts.cafe.id }),
		});
		const { deliveries } = (await res.json()) as { deliveries: WebhookDelivery[] };
		expect(deliveries).toHaveLength(1);
		expect(deliveries[0].status).toBe(200);
		expect(received).toHaveLength(1);

		const m = /^{"Content":(.*),"HashCode":"(.*)"}$/.exec(received[0]);
		expect(m).not.toBeNull();
		const [, contentText, hashCode] = m as RegExpExecArray;
		expect(hashCode).toBe(createHmac('sha256', 'test-webhook-secret').update(contentText).digest('hex').toUpperCase());
		expect(hashCode).toMatch(/^[0-9A-F]{64}$/);
		const content = JSON.parse(contentText) as Record<string, unknown>;
		expect(content).toEqual({
			Topic: 'Accounts',
			ClientId: 'demo-client-id',
			Division: DIV,
			Action: 'Update',
			Key: F.accounts.cafe.id,
			ExactOnlineEndpoint: `${sim.url}/api/v1/${DIV}/crm/Accounts(guid'${F.accounts.cafe.id}')`,
			EventCreatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/),
		});
		const record = await api.json<{ d: { Name: string } }>(String(content.ExactOnlineEndpoint));
		expect(record.body.d.Name).toBe('Café Façade & Zoon');
	});

	it('fires automatically on changes when a subscription exists, and stops after DELETE', async () => {
		const created = (await (await subscribe('Items')).json()) as { d: { ID: string } };
		sim.state.updateRecord('Items', F.items.kogelkraan.id, { StandardSalesPrice: 13.5 });
		await sim.state.webhooks.idle();
		expect(received).toHaveLength(1);
		const content = JSON.parse(/^{"Content":(.*),"HashCode"/.exec(received[0])?.[1] ?? '{}') as { Action: string; Key: string; Topic: string };
		expect(content).toEqual(expect.objectContaining({ Topic: 'Items', Action: 'Update', Key: F.items.kogelkraan.id }));

		expect((await api.del(`${DIV}/webhooks/WebhookSubscriptions(guid'${created.d.ID}')`)).status).toBe(204);
		sim.state.updateRecord('Items', F.items.kogelkraan.id, { StandardSalesPrice: 14 });
		await sim.state.webhooks.idle();
		expect(received).toHaveLength(1);
	});
});
