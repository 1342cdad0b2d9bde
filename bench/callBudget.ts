/**
 * API-call budgets, measured against the Exact simulator (calls are our scarcest resource: 60 a minute and
 * 5,000 a day per division). Prints a table; exits non-zero when a figure is over its budget.
 *
 *   npm run bench   (builds, then runs this file with tsx against the compiled nodes in dist/: tsx would
 *                    resolve "X.node" to the codex file X.node.json beside X.node.ts)
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineAccount } from '../dist/nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { ExactOnlineEmployee } from '../dist/nodes/ExactOnlineEmployee/ExactOnlineEmployee.node';
import { ExactOnlineWarehouse } from '../dist/nodes/ExactOnlineWarehouse/ExactOnlineWarehouse.node';
import { ExactOnlineProject } from '../dist/nodes/ExactOnlineProject/ExactOnlineProject.node';
import { ExactOnlinePriceAgreement } from '../dist/nodes/ExactOnlinePriceAgreement/ExactOnlinePriceAgreement.node';
import { ExactOnlineItem } from '../dist/nodes/ExactOnlineItem/ExactOnlineItem.node';
import { ExactOnlinePayment } from '../dist/nodes/ExactOnlinePayment/ExactOnlinePayment.node';
import { ExactOnlineSalesInvoice } from '../dist/nodes/ExactOnlineSalesInvoice/ExactOnlineSalesInvoice.node';
import { ExactOnlinePollTrigger } from '../dist/nodes/ExactOnlinePollTrigger/ExactOnlinePollTrigger.node';
import { ExactOnlineTrigger } from '../dist/nodes/ExactOnlineTrigger/ExactOnlineTrigger.node';
import { ActivePollTrigger } from '../test/harness/activePollTrigger';
import { activate, WebhookEndpoint } from '../test/harness/webhook';
import { ExactOnlineSalesOrder } from '../dist/nodes/ExactOnlineSalesOrder/ExactOnlineSalesOrder.node';
import { ExactOnlineQuotation } from '../dist/nodes/ExactOnlineQuotation/ExactOnlineQuotation.node';
import { ExactOnlineSalesEntry } from '../dist/nodes/ExactOnlineSalesEntry/ExactOnlineSalesEntry.node';
import { InvoiceBook } from '../simulators/outsmart/invoices';
import { EXACT_SEED_FIXTURES, startExactSimulator, type ExactSimulator } from '../simulators/exact';
import { runNode, type NodeRun } from '../test/harness/context';
import type { CredentialData } from '../test/harness/http';

interface Row {
	scenario: string;
	calls: number;
	budget: number;
	seconds: number;
	note: string;
	/** Size of the workflow static data after the run (JSON bytes), where the scenario keeps state. */
	stateBytes?: number;
}

const rows: Row[] = [];

function credential(sim: ExactSimulator, n: number): CredentialData {
	const tokens = { access_token: `AT-bench-${n}`, refresh_token: `RT-bench-${n}` };
	sim.state.registerTokens(tokens);
	return {
		region: 'custom',
		customBaseUrl: sim.url,
		clientId: 'demo-client-id',
		clientSecret: 'demo-client-secret',
		division: String(EXACT_SEED_FIXTURES.division),
		oauthTokenData: { ...tokens, token_type: 'bearer' },
	};
}

async function measure(
	sim: ExactSimulator,
	scenario: string,
	budget: number,
	note: string,
	run: () => Promise<NodeRun>,
	staticData?: IDataObject,
): Promise<NodeRun> {
	sim.state.resetStats();
	const started = Date.now();
	const result = await run();
	if (result.error) throw new Error(`${scenario}: ${result.error.message}`);
	const stateBytes = staticData ? Buffer.byteLength(JSON.stringify(staticData)) : undefined;
	rows.push({ scenario, calls: sim.state.getStats().calls.total, budget, seconds: (Date.now() - started) / 1000, note, stateBytes });
	return result;
}

async function accountImports(size: 'small' | 'large', count: number): Promise<void> {
	const sim = await startExactSimulator({ seed: size, dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const staticData: IDataObject = {};
		const node = new ExactOnlineAccount();
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, count) }, staticData, mode: 'trigger' as const };
		// In one run (Max Changes per Run 0); in parts of 5,000, each part adds one call for the deletions.
		const parameters = { operation: 'getChanges', syncName: 'bench', changesOptions: { maxPerRun: 0 } };
		const full = await measure(
			sim,
			`full import, ${count} accounts`,
			Math.ceil(count / 1000) + 2,
			'sync pages of 1,000 + deletions; state = cursor + ID->code of each account (for deletions)',
			() => runNode(node, { ...options, parameters }),
			staticData,
		);
		const read = full.output?.[0].length ?? 0;
		if (read < count) throw new Error(`full import read ${read} of ${count} accounts`);
		await measure(sim, 'incremental, nothing changed', 2, 'one call per stream (changes, deletions)', () =>
			runNode(node, { ...options, parameters }),
		);
		sim.state.updateRecord('Accounts', EXACT_SEED_FIXTURES.accounts.oneill.id, { City: 'Zwolle' });
		await measure(sim, 'incremental, one account changed', 2, 'the change arrives in the same two calls', () =>
			runNode(node, { ...options, parameters }),
		);
	} finally {
		await sim.close();
	}
}

/** Items: their own stream, deletions, and the price list (a new default price does not mark the item changed). */
async function itemImports(): Promise<void> {
	const sim = await startExactSimulator({ seed: 'small', dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const count = sim.state.listRecords('Items').length;
		const node = new ExactOnlineItem();
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, 5000) }, staticData: {}, mode: 'trigger' as const };
		const parameters = { operation: 'getChanges', syncName: 'bench' };
		const pages = Math.ceil(count / 1000);
		const pricePages = Math.max(1, Math.ceil(sim.state.listRecords('SalesItemPrices').length / 1000));
		// A first run hands out every item anyway: the price list is read for its position only.
		await measure(sim, `full import, ${count} items`, pages + 1 + pricePages + pages, 'sync pages + deletions + price list + prices (bulk)', () =>
			runNode(node, { ...options, parameters }),
		);
		await measure(sim, 'items, nothing changed', 3, 'one call per stream (items, deletions, price list)', () =>
			runNode(node, { ...options, parameters }),
		);
		sim.state.insertRecord('SalesItemPrices', { Item: EXACT_SEED_FIXTURES.items.kogelkraan.id, Price: 13.5 });
		const repriced = await measure(sim, 'items, one default price changed', 4, 'the three streams + the item by ID, with its price', () =>
			runNode(node, { ...options, parameters }),
		);
		const item = repriced.output?.[0][0]?.json;
		if (repriced.output?.[0].length !== 1 || item?.StandardSalesPrice !== 13.5) throw new Error('the price change did not arrive');
		await measure(sim, 'items, nothing changed, price list off', 2, 'Include Price Changes off: as before', () =>
			runNode(node, { ...options, parameters: { ...parameters, changesOptions: { includePriceChanges: false } } }),
		);
	} finally {
		await sim.close();
	}
}

/** Calls a run costs, without a row in the table (for a figure shown beside a row). */
async function callsOf(sim: ExactSimulator, run: () => Promise<NodeRun>): Promise<number> {
	sim.state.resetStats();
	const result = await run();
	if (result.error) throw new Error(result.error.message);
	return sim.state.getStats().calls.total;
}

/**
 * Account → Get Many with Return All over 5,000 accounts: sync (no filter) or bulk (a filter), 1,000 a call, with
 * Exact's mandatory filtering on. Beside it the naive read of the standard endpoint, 60 a call (a Limit of 5,000).
 */
async function accountGetMany(): Promise<void> {
	const sim = await startExactSimulator({ seed: 'medium', dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const node = new ExactOnlineAccount();
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, 7000) } };
		const count = sim.state.listRecords('Accounts').length;
		const filters = { blocked: 'notBlocked' };
		const matching = sim.state.listRecords('Accounts').filter((a) => a.Blocked !== true).length;
		// A limit without a filter reads the sync list too: a filter every account passes keeps it on the standard endpoint.
		const naive = await callsOf(sim, () => runNode(node, { ...options, parameters: { operation: 'getMany', limit: count, filters: { modifiedSince: '1990-01-01' } } }));
		const naiveFiltered = await callsOf(sim, () => runNode(node, { ...options, parameters: { operation: 'getMany', limit: count, filters } }));
		sim.state.setMandatoryFiltering(true);
		const all = await measure(sim, `Account Get Many, all ${count}`, Math.ceil(count / 1000) + 1, `sync from the start; standard endpoint, 60 a call: ${naive}`, () =>
			runNode(node, { ...options, parameters: { operation: 'getMany', returnAll: true } }),
		);
		const filtered = await measure(sim, `Account Get Many, all ${matching}, filter`, Math.ceil(matching / 1000) + 1, `bulk, not blocked; standard endpoint, 60 a call: ${naiveFiltered}`, () =>
			runNode(node, { ...options, parameters: { operation: 'getMany', returnAll: true, filters } }),
		);
		if (all.output?.[0].length !== count || filtered.output?.[0].length !== matching) throw new Error('Get Many did not read every account');
	} finally {
		await sim.close();
	}
}

/**
 * Sales orders: header and line streams beside each other. A first run takes every order's lines from the line
 * stream; later runs read the lines of the changed orders from the standard endpoint (one call per 20 orders).
 */
async function salesOrderChanges(): Promise<void> {
	const sim = await startExactSimulator({ seed: { accounts: 100, items: 100, salesOrders: 2500 }, dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const orders = sim.state.listRecords('SalesOrders');
		const lines = sim.state.listRecords('SalesOrderLines').length;
		const node = new ExactOnlineSalesOrder();
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, 7000) }, staticData: {}, mode: 'trigger' as const };
		const parameters = { operation: 'getChanges', syncName: 'bench' };
		const first = await measure(
			sim,
			`orders, first run (${orders.length}, ${lines} lines)`,
			Math.ceil(orders.length / 1000) + 1 + Math.ceil(lines / 1000),
			'header sync pages + deletions + line sync pages',
			() => runNode(node, { ...options, parameters }),
		);
		if (first.output?.[0].length !== orders.length) throw new Error('not every order arrived');
		await measure(sim, 'orders, nothing changed', 3, 'one call per stream (headers, deletions, lines)', () => runNode(node, { ...options, parameters }));
		const touched = orders.slice(0, 30);
		for (const order of touched) sim.state.updateRecord('SalesOrders', String(order.OrderID), { Description: 'gewijzigd' });
		// Their lines are asked 20 orders a call, and a call's answer comes in pages of 60 lines.
		const lineCallsFor = (some: typeof orders) =>
			[some.slice(0, 20), some.slice(20)]
				.map((chunk) => sim.state.listRecords('SalesOrderLines').filter((l) => chunk.some((o) => o.OrderID === l.OrderID)).length)
				.reduce((sum, count) => sum + Math.max(1, Math.ceil(count / 60)), 0);
		const lineCalls = lineCallsFor(touched);
		const changed = await measure(sim, 'orders, 30 changed', 3 + lineCalls, 'the three streams + their lines (20 orders a call, 60 lines a page)', () =>
			runNode(node, { ...options, parameters }),
		);
		if (changed.output?.[0].length !== 30) throw new Error('the 30 changed orders did not arrive');
		// Flow 1 (template 09) reads them with Include Accounts: the accounts they name, 20 a call (none has a delivery address).
		const next = orders.slice(30, 60);
		for (const order of next) sim.state.updateRecord('SalesOrders', String(order.OrderID), { Description: 'gewijzigd' });
		const accountCalls = Math.ceil(new Set(next.flatMap((o) => [o.OrderedBy, o.InvoiceTo, o.DeliverTo].map(String))).size / 20);
		const withAccounts = await measure(sim, 'orders, 30 changed, Include Accounts (flow 1)', 3 + lineCallsFor(next) + accountCalls, 'as above + the accounts they name (20 a call)', () =>
			runNode(node, { ...options, parameters: { ...parameters, changesOptions: { includeAccounts: true } } }),
		);
		if (!withAccounts.output?.[0].every((item) => (item.json.Accounts as IDataObject | undefined)?.OrderedBy)) throw new Error('an order came without its accounts');
	} finally {
		await sim.close();
	}
}

function workOrder(n: number, debtor: string): IDataObject {
	return {
		WorkorderNo: `WO-BENCH-${String(n).padStart(4, '0')}`,
		CustomerDebtorNr: debtor,
		TypeOfWork: 'Onderhoud',
		Materials: [
			{ MaterialCode: 'KK-12', MaterialNr: '2', MaterialPrice: '12,50' },
			{ MaterialCode: 'CV-HRE28', MaterialNr: '1', MaterialPrice: '1.234,50' },
		],
		Workperiods: [{ TotalTime: '02:15', HourType: 'ARBEID' }],
	};
}

async function export50(): Promise<void> {
	const sim = await startExactSimulator({ seed: 'tiny', dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const node = new ExactOnlineSalesInvoice();
		const debtors = Object.values(EXACT_SEED_FIXTURES.accounts).filter((a) => !('blocked' in a)).map((a) => a.code.trim());
		const items = Array.from({ length: 50 }, (_, n) => workOrder(n, debtors[n % debtors.length]));
		const parameters = { operation: 'createFromWorkOrder', documentType: 'salesInvoice', exportJournal: '70', workOrder: '={{ $json }}' };
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, 9000) } };
		await measure(sim, 'export 50 work orders', 50 + 8, 'one write each + batched lookups (references, accounts, items) + batched read-back', () =>
			runNode(node, { ...options, parameters, items }),
		);
		await measure(sim, 're-run of the same 50', 4, 'all found by reference (and checked against the customer): no write', () =>
			runNode(node, { ...options, parameters, items }),
		);
	} finally {
		await sim.close();
	}
}

/** Flow 12: 50 OutSmart invoices booked as sales entries (without their PDFs: two more writes each), then again. */
async function book50(): Promise<void> {
	const sim = await startExactSimulator({ seed: 'tiny', dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const { accounts, items } = EXACT_SEED_FIXTURES;
		const debtors = Object.values(accounts).filter((a) => !('blocked' in a)).map((a) => a.code.trim());
		const book = new InvoiceBook(() => new Date(), () => 'http://127.0.0.1:1');
		const invoices = Array.from({ length: 50 }, (_, n) =>
			book.addInvoice({
				number: n + 1,
				debtorNumber: debtors[n % debtors.length],
				date: '2026-11-20',
				lines: [
					{ material: items.kogelkraan.code, quantity: 2, price: 12.5, vatPercentage: 21 },
					{ hourType: items.arbeid.code, quantity: 1, price: 60, vatPercentage: 9 },
				],
			}) as IDataObject,
		);
		const node = new ExactOnlineSalesEntry();
		const parameters = { operation: 'createFromOutSmartInvoice', invoice: '={{ $json }}', bookingJournal: '70', attachPdf: false };
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, 9500) } };
		await measure(sim, 'book 50 OutSmart invoices', 50 + 6, 'one write each + entry numbers (20 a call) + accounts + items + VAT codes', () =>
			runNode(node, { ...options, parameters, items: invoices }),
		);
		await measure(sim, 're-run of the same 50 invoices', 4, 'all found by entry number (3 calls) + accounts: no write', () =>
			runNode(node, { ...options, parameters, items: invoices }),
		);
	} finally {
		await sim.close();
	}
}

/**
 * The way back (template 10): 20 completed VO- work orders, each to its own sales order (one quantity changed, one
 * line added), then delivered and invoiced from the order; and a re-run of the same 20.
 */
async function ordersBack20(): Promise<void> {
	const sim = await startExactSimulator({ seed: 'tiny', dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const { accounts, items } = EXACT_SEED_FIXTURES;
		const workOrders = Array.from({ length: 20 }, (_, n) => {
			const number = 7001 + n;
			sim.state.insertRecord('SalesOrders', {
				OrderNumber: number,
				OrderedBy: accounts.oneill.id,
				SalesOrderLines: [
					{ Item: items.kogelkraan.id, Quantity: 2 },
					{ Item: items.arbeid.id, Quantity: 2 },
				],
			});
			return {
				WorkorderNo: `VO-${number}`,
				CustomerDebtorNr: accounts.oneill.code.trim(),
				Materials: [
					{ MaterialCode: items.kogelkraan.code, MaterialNr: '3' },
					{ MaterialCode: items.draad.code, MaterialNr: '1', MaterialPrice: '7,25' },
				],
				Workperiods: [{ TotalTime: '02:00', HourType: items.arbeid.code }],
			};
		});
		const node = new ExactOnlineSalesOrder();
		const parameters = { operation: 'updateFromWorkOrder', workOrder: '={{ $json }}', recordDelivery: true, createInvoice: true, invoiceJournal: '70' };
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, 9100) } };
		await measure(sim, '20 work orders back to their orders', 20 * 5 + 4 + 1, 'per order: 2 line writes, read-back, delivery, invoice; batched reads + invoice numbers', () =>
			runNode(node, { ...options, parameters, items: workOrders }),
		);
		await measure(sim, 're-run of the same 20', 4 + 2, 'no write: batched reads + delivery and invoice numbers', () =>
			runNode(node, { ...options, parameters, items: workOrders }),
		);
	} finally {
		await sim.close();
	}
}

/**
 * Payment data per customer: the account sync stream (payment conditions) and the open items, read whole every
 * run (Exact has no change stream for them; 60 a page).
 */
async function customerBalances(): Promise<void> {
	const sim = await startExactSimulator({ seed: 'small', dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const customers = sim.state.listRecords('Accounts').filter((a) => a.Status === 'C').length;
		const open = sim.state.listRecords('Receivables').filter((r) => r.IsFullyPaid !== true);
		const openPages = Math.max(1, Math.ceil(open.length / 60));
		const node = new ExactOnlinePayment();
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, 6000) }, staticData: {}, mode: 'trigger' as const };
		const parameters = { resource: 'customerBalance', operation: 'getChanges', syncName: 'bench' };
		await measure(sim, `balances, first run (${customers} cust.)`, Math.ceil(customers / 1000) + openPages, `account sync + ${open.length} open items`, () =>
			runNode(node, { ...options, parameters }),
		);
		await measure(sim, 'balances, nothing changed', 1 + openPages, 'account sync + the open items', () => runNode(node, { ...options, parameters }));
		const debtor = String(open[0].AccountCode);
		for (const receivable of open.filter((r) => r.AccountCode === debtor)) {
			sim.state.updateRecord('Receivables', String(receivable.ID), { IsFullyPaid: true, AmountDC: 0 });
		}
		const paid = await measure(sim, 'balances, one customer paid all', 2 + openPages, '+ its payment condition by ID', () =>
			runNode(node, { ...options, parameters }),
		);
		if (paid.output?.[0].length !== 1 || paid.output[0][0].json.IsFullyPaid !== true) throw new Error('the paid customer did not arrive');
	} finally {
		await sim.close();
	}
}

/** Both Exact Online triggers on 1,000 accounts and 1,000 items: what a poll, an activation and an event cost. */
async function triggers(): Promise<void> {
	const sim = await startExactSimulator({ seed: 'small', dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const credentials = { exactOnlineOAuth2Api: { ...credential(sim, 90), webhookSecret: 'demo-webhook-secret' } };
		const topics = ['Accounts', 'Items'];
		const poll = new ActivePollTrigger(new ExactOnlinePollTrigger(), { parameters: { topics, options: { firstPoll: 'everything' } }, credentials });
		const full = await measure(sim, 'poll trigger, first poll: everything', 2 * 2 + 1, '1,000 accounts + 1,000 items, one sync/Deleted for both', () => poll.poll(), poll.staticData);
		if ((full.output?.[0].length ?? 0) < 2000) throw new Error('the first poll did not hand out every record');
		await measure(sim, 'poll trigger, nothing changed', 3, 'one call per topic + one for the deletions of both', () => poll.poll());
		sim.state.updateRecord('Accounts', EXACT_SEED_FIXTURES.accounts.oneill.id, { City: 'Zwolle' });
		await measure(sim, 'poll trigger, one account changed', 3, 'the change arrives in the same calls', () => poll.poll(), poll.staticData);

		const staticData: IDataObject = {};
		const endpoint = new WebhookEndpoint(new ExactOnlineTrigger(), { parameters: { topics }, credentials, staticData });
		await endpoint.start();
		try {
			const hook = { parameters: { topics }, credentials, staticData, webhookUrl: endpoint.url };
			await measure(sim, 'webhook trigger, activation', 4, 'n8n: checkExists looks up, create looks again + one per topic', () => activate(new ExactOnlineTrigger(), hook));
			await measure(sim, 'webhook trigger, re-activation', 1, 'both subscriptions found', () => activate(new ExactOnlineTrigger(), hook));
			sim.state.resetStats();
			const started = Date.now();
			// A second apart: two changes of one record in the same instant give byte-identical calls (one is a replay).
			for (let i = 0; i < 10; i++) {
				sim.state.advanceClock(1000);
				sim.state.updateRecord('Accounts', EXACT_SEED_FIXTURES.accounts.cafe.id, { Phone: `070-00000${i}` });
			}
			await sim.state.webhooks.idle();
			if (endpoint.runs.length !== 10) throw new Error(`10 events started ${endpoint.runs.length} runs`);
			const calls = sim.state.getStats().calls.total;
			rows.push({ scenario: 'webhook trigger, 10 events', calls, budget: 10, seconds: (Date.now() - started) / 1000, note: 'one record read per event', stateBytes: Buffer.byteLength(JSON.stringify(staticData)) });
		} finally {
			await endpoint.close();
		}
	} finally {
		await sim.close();
	}
}

/** Employees (their sync stream, no deletions log) and item groups (no sync: read whole, they are few). */
async function employeesAndItemGroups(): Promise<void> {
	const sim = await startExactSimulator({ seed: 'medium', dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const count = sim.state.listRecords('Employees').length;
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, 7000) }, staticData: {}, mode: 'trigger' as const };
		const employees = new ExactOnlineEmployee();
		const parameters = { operation: 'getChanges', syncName: 'bench' };
		await measure(sim, `employees, first run (${count})`, Math.ceil(count / 1000), 'sync pages of 1,000 (no deletions stream)', () =>
			runNode(employees, { ...options, parameters }),
		);
		await measure(sim, 'employees, nothing changed', 1, 'one call', () => runNode(employees, { ...options, parameters }));
		const groups = sim.state.listRecords('ItemGroups').length;
		await measure(sim, `item groups, every run (${groups})`, Math.ceil(groups / 60), 'logistics/ItemGroups, 60 a page', () =>
			runNode(new ExactOnlineItem(), { ...options, parameters: { operation: 'getItemGroups', returnAll: true } }),
		);
	} finally {
		await sim.close();
	}
}

/** Reading `wanted` records by ID: 20 a call up to 100, else the whole entity in bulk (1,000 a call). */
const byIdCalls = (wanted: number, all: number) => (wanted <= 100 ? Math.ceil(wanted / 20) : Math.ceil(all / 1000));

/**
 * Price agreements: the price list's sync stream, the customers' codes and the items' kinds by ID (20 a call), and
 * the IDs of all price rows to find deletions (Exact logs none for price rows).
 */
async function priceAgreements(size: 'small' | 'large'): Promise<void> {
	const sim = await startExactSimulator({ seed: size, dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const rows = sim.state.listRecords('SalesItemPrices');
		const agreements = rows.filter((r) => r.Account);
		const accounts = new Set(agreements.map((r) => r.Account)).size;
		const items = new Set(agreements.map((r) => r.Item)).size;
		const staticData: IDataObject = {};
		const node = new ExactOnlinePriceAgreement();
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, 8000) }, staticData, mode: 'trigger' as const };
		const parameters = { operation: 'getChanges', syncName: 'bench' };
		const idPages = Math.max(1, Math.ceil(rows.length / 1000));
		await measure(
			sim,
			`price agreements, first run (${agreements.length})`,
			Math.ceil(rows.length / 1000) + byIdCalls(accounts, sim.state.listRecords('Accounts').length) + byIdCalls(items, sim.state.listRecords('Items').length) + idPages,
			`sync + ${accounts} account codes + ${items} item kinds (20 a call, the sync list above 100) + all IDs; state = fields per row`,
			() => runNode(node, { ...options, parameters }),
			staticData,
		);
		await measure(sim, 'price agreements, nothing changed', 1 + idPages, 'sync + all IDs (for deletions)', () => runNode(node, { ...options, parameters }));
		sim.state.deleteRecord('SalesItemPrices', String(agreements[0].ID));
		const deleted = await measure(sim, 'price agreements, one deleted', 1 + idPages, 'found in the same calls', () => runNode(node, { ...options, parameters }));
		if (deleted.output?.[0].length !== 1 || deleted.output[0][0].json.changeType !== 'deleted') throw new Error('the deletion did not arrive');
	} finally {
		await sim.close();
	}
}

/**
 * Flow 11 (quotations): Get Changes keeping only accepted quotations, with accounts and item codes (the Exact ->
 * OutSmart half), and Create From OutSmart Quotation for 40 OutSmart quotations, then again with all of them made.
 */
async function quotationFlow(): Promise<void> {
	const sim = await startExactSimulator({ seed: { accounts: 100, items: 100, quotations: 500 }, dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const node = new ExactOnlineQuotation();
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, 7100) }, staticData: {}, mode: 'trigger' as const };
		const parameters = { operation: 'getChanges', syncName: 'bench', changesOptions: { statuses: ['50'], includeAccounts: true } };
		const all = sim.state.listRecords('Quotations');
		const accepted = all.filter((q) => q.Status === 50);
		const lines = sim.state.listRecords('QuotationLines').length;
		const perId = (ids: unknown[]) => byIdCalls(new Set(ids.map(String)).size, 100);
		const acceptedLines = sim.state.listRecords('QuotationLines').filter((l) => accepted.some((q) => q.QuotationID === l.QuotationID));
		const first = await measure(
			sim,
			`quotations, first run (${accepted.length} of ${all.length} accepted)`,
			Math.ceil(all.length / 1000) + 1 + Math.ceil(lines / 1000) + perId(acceptedLines.map((l) => l.Item)) + perId(accepted.map((q) => q.OrderAccount)),
			'header + deletions + line sync pages, items and accounts of the accepted',
			() => runNode(node, { ...options, parameters }),
		);
		if (first.output?.[0].length !== accepted.length) throw new Error('not every accepted quotation arrived');
		await measure(sim, 'quotations, nothing changed', 3, 'one call per stream', () => runNode(node, { ...options, parameters }));
		const open = all.filter((q) => q.Status === 20 || q.Status === 25);
		for (const quotation of open.slice(0, 30)) sim.state.updateRecord('Quotations', String(quotation.QuotationID), { Description: 'gewijzigd' });
		for (const quotation of open.slice(30, 40)) sim.state.updateRecord('Quotations', String(quotation.QuotationID), { Status: 50 });
		const changed = await measure(sim, 'quotations, 10 accepted, 30 other changes', 3 + 1 + 1 + 1, 'streams + lines, items, accounts of the 10 (the 30 cost nothing)', () =>
			runNode(node, { ...options, parameters }),
		);
		if (changed.output?.[0].length !== 10) throw new Error('the 10 accepted quotations did not arrive');

		const customers = sim.state.listRecords('Accounts').filter((a) => a.Status === 'C').slice(0, 10);
		const items = sim.state.listRecords('Items').filter((i) => !i.IsTime).slice(0, 5);
		const outSmart = Array.from({ length: 40 }, (_, n) => ({
			quo_id: String(n + 1),
			quo_number_formatted: `2026-${String(n + 1).padStart(5, '0')}`,
			quo_quotation_debtor_nr: String(customers[n % customers.length].Code).trim(),
			quo_status: n % 2 ? 'ACCEPTED' : 'SENT',
			qln_lines: [{ qln_order: '0', qln_material_code: String(items[n % items.length].Code), qln_amount: '2.00', qln_price: '10.00' }],
		}));
		const toExact = { operation: 'createFromOutSmart', outSmartQuotation: '={{ $json }}' };
		await measure(sim, 'OutSmart quotations to Exact, 40 new', 2 + 1 + 1 + 40 + 20, '2 look-ups, accounts and items once, 40 creates, 20 accepts', () =>
			runNode(node, { ...options, parameters: toExact, items: outSmart }),
		);
		await measure(sim, 'OutSmart quotations to Exact, 40 made', 2, 'one look-up per 20 references, no write', () => runNode(node, { ...options, parameters: toExact, items: outSmart }));
	} finally {
		await sim.close();
	}
}

/**
 * Template 13's Exact side: warehouses read whole (no sync endpoint, few), stock positions per item (sync; the
 * changed items' other warehouses 20 items a call, or one pass over the stock list when that costs fewer calls;
 * a first run's changes are the whole list).
 */
async function warehousesAndStock(size: 'small' | 'large'): Promise<void> {
	const sim = await startExactSimulator({ seed: size, dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const positions = sim.state.listRecords('ItemWarehouses');
		const items = new Set(positions.map((p) => p.Item)).size;
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, 9000) }, staticData: {}, mode: 'trigger' as const };
		const node = new ExactOnlineWarehouse();
		await measure(sim, `warehouses, every run (${sim.state.listRecords('Warehouses').length})`, 1, 'inventory/Warehouses, one page', () =>
			runNode(node, { ...options, parameters: { operation: 'getMany', returnAll: true } }),
		);
		const parameters = { operation: 'getChanges', syncName: 'bench', changesOptions: { perItem: true, includeDeleted: false } };
		const stockPages = Math.max(1, Math.ceil(positions.length / 1000));
		await measure(
			sim,
			`stock per item, first run (${items} items)`,
			stockPages,
			`sync pages of 1,000 (${positions.length} positions): read from the start, they are every item's warehouses`,
			() => runNode(node, { ...options, parameters }),
		);
		await measure(sim, 'stock per item, nothing changed', 1, 'one call', () => runNode(node, { ...options, parameters }));
		const row = positions[0];
		sim.state.updateRecord('ItemWarehouses', String(row.ID), { CurrentStock: Number(row.CurrentStock ?? 0) - 1 });
		const moved = await measure(sim, 'stock per item, one item moved', 2, 'sync + its other warehouses', () => runNode(node, { ...options, parameters }));
		if (moved.output?.[0].length !== 1) throw new Error('the stock change did not arrive');
	} finally {
		await sim.close();
	}
}

/**
 * Flow 14: the planning stream (and its deletions), and hours back from completed work orders: per work order one
 * read of its project's transactions, the projects, employees and hour types looked up once per run, one write per
 * work period (Exact takes time transactions one at a time); a work order booked before costs its read only.
 */
async function projectsAndPlanning(): Promise<void> {
	const sim = await startExactSimulator({ seed: 'medium', dailyLimit: 100_000, minutelyLimit: 100_000 });
	try {
		const lines = sim.state.listRecords('ProjectPlanning').length;
		const options = { credentials: { exactOnlineOAuth2Api: credential(sim, 9000) }, staticData: {}, mode: 'trigger' as const };
		const node = new ExactOnlineProject();
		const parameters = { resource: 'planning', operation: 'getChanges', syncName: 'bench' };
		await measure(sim, `planning, first run (${lines})`, Math.ceil(lines / 1000) + 1, 'sync pages of 1,000 + deletions', () => runNode(node, { ...options, parameters }));
		await measure(sim, 'planning, nothing changed', 2, 'one call per stream (changes, deletions)', () => runNode(node, { ...options, parameters }));
		// Each work order on a project and with employees of its own: the look-ups are per run, not per work order.
		const projects = sim.state.listRecords('Projects').map((p) => String(p.Code));
		const employees = sim.state.listRecords('Employees').map((e) => String(e.Code).trim());
		const period = (employee: string, hourType: string, begin: string, end: string, total: string) => ({ WorkDate: '03-06-2026', BeginTime: begin, EndTime: end, TotalTime: total, HourType: hourType, EmployeeNr: employee });
		const workOrders = Array.from({ length: 10 }, (_, i) => ({
			WorkorderNo: `PP-bench-${i}`,
			ProjectNr: projects[i],
			Workperiods: [period(employees[2 * i], 'ARBEID', '08:00', '12:00', '04:00'), period(employees[2 * i + 1], 'VOORRIJ', '12:00', '12:30', '00:30')],
		}));
		const book = { resource: 'timeTransaction', operation: 'createFromWorkOrder', workOrder: '={{ $json }}' };
		await measure(sim, 'hours back, 10 work orders x 2 periods', 1 + 10 + 2 + 20, 'projects + a read per work order + employees + hour types + a write per period', () =>
			runNode(node, { ...options, parameters: book, items: workOrders }),
		);
		await measure(sim, 'hours back, the same 10 again', 1 + 10, 'projects + a read per work order: nothing written', () => runNode(node, { ...options, parameters: book, items: workOrders }));
	} finally {
		await sim.close();
	}
}

async function main(): Promise<void> {
	await accountImports('small', 1000);
	await accountImports('large', 20000);
	await itemImports();
	await accountGetMany();
	await customerBalances();
	await salesOrderChanges();
	await export50();
	await book50();
	await ordersBack20();
	await triggers();
	await employeesAndItemGroups();
	await priceAgreements('small');
	await priceAgreements('large');
	await quotationFlow();
	await warehousesAndStock('small');
	await warehousesAndStock('large');
	await projectsAndPlanning();
	console.log('\nscenario                              calls  budget  seconds  state KB  note');
	let over = 0;
	for (const row of rows) {
		const flag = row.calls > row.budget ? '  OVER BUDGET' : '';
		if (flag) over++;
		console.log(
			`${row.scenario.padEnd(38)}${String(row.calls).padStart(5)}  ${String(row.budget).padStart(6)}  ${row.seconds.toFixed(2).padStart(7)}  ${(row.stateBytes === undefined ? '' : (row.stateBytes / 1024).toFixed(0)).padStart(8)}  ${row.note}${flag}`,
		);
	}
	process.exit(over ? 1 : 0);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
