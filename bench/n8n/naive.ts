/**
 * "The naive way", measured: the same work done the way a flow built from standard endpoints does it, with our
 * Exact Online API Request node (its OAuth, throttle and paging) against a twin of the bench's Exact
 * administration: standard endpoints at 60 a page, every field (`$select=*`), no change tracking (so every run
 * reads everything again), and one look-up per line. Runs in-process (the node's calls are what counts, not n8n).
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineApiRequest } from '../../dist/nodes/ExactOnlineApiRequest/ExactOnlineApiRequest.node';
import { MAIN_DIVISION, padAccountCode, startExactSimulator, type ExactSimulator, type SeedSize } from '../../simulators/exact';
import type { SeedWorkorder } from '../../simulators/outsmart';
import { runNode } from '../../test/harness/context';
import type { CredentialData } from '../../test/harness/http';

const node = new ExactOnlineApiRequest();

export interface NaiveTwin {
	sim: ExactSimulator;
	/** Calls one naive piece of work costs, counted by the simulator. */
	calls(work: (twin: NaiveTwin) => Promise<void>): Promise<number>;
	close(): Promise<void>;
}

/** A twin of the bench's administration (same seed), without limits: only the number of calls matters here. */
export async function startNaiveTwin(seed: SeedSize): Promise<NaiveTwin> {
	const sim = await startExactSimulator({ seed, minutelyLimit: 1_000_000, dailyLimit: 1_000_000 });
	const twin: NaiveTwin = {
		sim,
		async calls(work) {
			sim.state.resetStats();
			await work(twin);
			return sim.state.getStats().calls.total;
		},
		close: () => sim.close(),
	};
	return twin;
}

function credential(sim: ExactSimulator): CredentialData {
	const tokens = { access_token: 'AT-naive', refresh_token: 'RT-naive' };
	sim.state.registerTokens({ ...tokens, expires_in: 365 * 86_400 });
	return {
		region: 'custom',
		customBaseUrl: sim.url,
		clientId: 'demo-client-id',
		clientSecret: 'demo-client-secret',
		division: String(MAIN_DIVISION),
		oauthTokenData: { ...tokens, token_type: 'bearer' },
	};
}

/** One API Request node run: one request per input item (path, filter and body from the item). */
async function request(sim: ExactSimulator, parameters: IDataObject, items: IDataObject[] = [{}]): Promise<IDataObject[]> {
	const run = await runNode(node, {
		parameters: { operation: 'request', select: '*', ...parameters },
		items,
		credentials: { exactOnlineOAuth2Api: credential(sim) },
	});
	if (run.error) throw new Error(`naive ${String(parameters.method)} ${String(parameters.path)}: ${run.error.message}`);
	return (run.output?.[0] ?? []).map((item) => item.json);
}

const readAll = (sim: ExactSimulator, path: string) => request(sim, { method: 'GET', path, returnAll: true });

/** Relations: every account and every contact, 60 a page. */
export async function naiveRelations({ sim }: NaiveTwin): Promise<void> {
	await readAll(sim, 'crm/Accounts');
	await readAll(sim, 'crm/Contacts');
}

/** Materials: every item (the standard endpoint has the sales price). */
export async function naiveMaterials({ sim }: NaiveTwin): Promise<void> {
	await readAll(sim, 'logistics/Items');
}

/** Hour types: Exact's hour-type list. */
export async function naiveHourTypes({ sim }: NaiveTwin): Promise<void> {
	await readAll(sim, 'read/project/HourTypes');
}

/** Payment data: the payment conditions, the open receivables, and per customer its account for its condition. */
export async function naivePaymentData({ sim }: NaiveTwin): Promise<void> {
	await readAll(sim, 'cashflow/PaymentConditions');
	const open = await readAll(sim, 'read/financial/ReceivablesList');
	const accounts = [...new Set(open.map((r) => String(r.AccountId ?? r.AccountID ?? '')).filter(Boolean))];
	await request(sim, { method: 'GET', path: '={{ $json.path }}', returnAll: false, limit: 1 }, accounts.map((id) => ({ path: `crm/Accounts(guid'${id}')` })));
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Export: per work order its customer by code, whether its reference was used, and each line's item by code (one
 * look-up each), then the invoice.
 */
export async function naiveExport({ sim }: NaiveTwin, workOrders: SeedWorkorder[]): Promise<void> {
	const lookUp = (path: string, filters: string[]) =>
		request(sim, { method: 'GET', path, returnAll: false, limit: 1, options: { rawFilter: '={{ $json.filter }}' } }, filters.map((filter) => ({ filter })));
	for (const workOrder of workOrders) {
		const lines = [
			...(workOrder._complete?.materials ?? []).map((m) => ({ code: String(m.MaterialCode), quantity: Number(m.MaterialNr) })),
			...(workOrder._complete?.workperiods ?? []).map((p) => ({ code: String(p.HourType), quantity: 2.25 })),
		];
		const [account] = await lookUp('crm/Accounts', [`Code eq ${quote(padAccountCode(String(workOrder.CustomerDebtorNr)))}`]);
		await lookUp('salesinvoice/SalesInvoices', [`YourRef eq ${quote(String(workOrder.WorkorderNo))}`]);
		const items = await lookUp('logistics/Items', lines.map((line) => `Code eq ${quote(line.code)}`));
		if (!account || items.length !== lines.length) throw new Error(`naive export: ${String(workOrder.WorkorderNo)} has an unknown customer or item`);
		const body = {
			Journal: '70',
			OrderedBy: account.ID,
			YourRef: workOrder.WorkorderNo,
			SalesInvoiceLines: lines.map((line, i) => ({ Item: items[i].ID, Quantity: line.quantity })),
		};
		await request(sim, { method: 'POST', path: 'salesinvoice/SalesInvoices', body: JSON.stringify(body) });
	}
}
