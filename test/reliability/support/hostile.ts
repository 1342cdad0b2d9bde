/**
 * Hostile text in every filter and locator of the Exact nodes, in a real n8n against the Exact simulator.
 *
 * One workflow: a Code node hands out the cases (one item each), and every filtering node gets all of them:
 * Account Get Many (name contains, city, code), Account Get by code, Item Get Many (code, description contains),
 * Item Get by code, Sales Invoice Get Many (your reference; account by code), and the API Request node's
 * conditions (text equals, contains, account code, starts with, all at once). Half of the cases have records
 * planted that carry the text (an account whose city and code are it, an item, an invoice), so that a filter
 * that means the right thing finds them and one that broke out of its literal returns others.
 *
 * Checked from the simulator's call log and the node outputs: every call was answered 200 (never a 400 for a
 * syntax error); every `$filter` parses to exactly the meaning expected for its case, the text one literal
 * (support/odata.ts); each case produced each expected filter exactly once; and each node's output for a case is
 * exactly the records that meaning selects, or for a Get by code "not found" when none.
 */
import type { CallLogEntry } from '../../../simulators/exact';
import type { N8nRunError, NodeRun, WorkflowInput, WorkflowNodeInput } from '../../../scripts/n8n';
import type { FuzzCase } from './fuzz';
import { and, contains, eq, meaningKey, ODataSyntaxError, parseFilter, select, startsWith, str, type Ast } from './odata';
import type { World } from './world';

/** Exact's 18-character account codes, padded with leading spaces (what a filter must carry). */
const padCode = (code: string): string => {
	const trimmed = code.trim();
	return trimmed.length >= 18 ? trimmed : trimmed.padStart(18, ' ');
};

type Records = Array<Record<string, unknown>>;

interface FilterNode {
	name: string;
	nodeName: string;
	parameters: Record<string, unknown>;
	/** The calls this node makes for one case: endpoint and the meaning of its $filter. */
	calls(value: string, world: World): Array<{ endpoint: string; filter: Ast }>;
	/** The records it must output for one case (by key), or 'not found' for a Get whose record does not exist. */
	expected(value: string, world: World): { key: string; ids: string[] } | 'not found';
}

const rl = (value: string) => ({ __rl: true, mode: 'code', value });
const V = '={{ $json.v }}';

const accounts = (world: World): Records => world.exact.state.listRecords('Accounts');
const items = (world: World): Records => world.exact.state.listRecords('Items');
const invoices = (world: World): Records => world.exact.state.listRecords('SalesInvoices');
const ids = (records: Records, key: string) => records.map((r) => String(r[key]).toLowerCase()).sort();

function accountByCode(value: string, world: World): Record<string, unknown> | undefined {
	return select(accounts(world), eq('Code', str(padCode(value))))[0];
}

// Return All with a filter reads the entity's bulk endpoint (1,000 a call), with the same $filter as the standard one.
const FILTER_NODES: FilterNode[] = [
	{
		name: 'Account name contains',
		nodeName: 'exactOnlineAccount',
		parameters: { operation: 'getMany', returnAll: true, filters: { nameContains: V } },
		calls: (v) => [{ endpoint: 'GET bulk/CRM/Accounts', filter: contains('Name', v) }],
		expected: (v, w) => ({ key: 'ID', ids: ids(select(accounts(w), contains('Name', v)), 'ID') }),
	},
	{
		name: 'Account city',
		nodeName: 'exactOnlineAccount',
		parameters: { operation: 'getMany', returnAll: true, filters: { city: V } },
		calls: (v) => [{ endpoint: 'GET bulk/CRM/Accounts', filter: eq('City', str(v)) }],
		expected: (v, w) => ({ key: 'ID', ids: ids(select(accounts(w), eq('City', str(v))), 'ID') }),
	},
	{
		name: 'Account code',
		nodeName: 'exactOnlineAccount',
		parameters: { operation: 'getMany', returnAll: true, filters: { code: V } },
		calls: (v) => [{ endpoint: 'GET bulk/CRM/Accounts', filter: eq('Code', str(padCode(v))) }],
		expected: (v, w) => ({ key: 'ID', ids: ids(select(accounts(w), eq('Code', str(padCode(v)))), 'ID') }),
	},
	{
		name: 'Account by code',
		nodeName: 'exactOnlineAccount',
		parameters: { operation: 'get', account: rl(V) },
		calls: (v) => [{ endpoint: 'GET crm/Accounts', filter: eq('Code', str(padCode(v))) }],
		expected: (v, w) => {
			const found = accountByCode(v, w);
			return found ? { key: 'ID', ids: ids([found], 'ID') } : 'not found';
		},
	},
	{
		name: 'Item code',
		nodeName: 'exactOnlineItem',
		parameters: { operation: 'getMany', returnAll: true, filters: { code: V, activeOnly: false } },
		calls: (v) => [{ endpoint: 'GET bulk/Logistics/Items', filter: eq('Code', str(v.trim())) }],
		expected: (v, w) => ({ key: 'ID', ids: ids(select(items(w), eq('Code', str(v.trim()))), 'ID') }),
	},
	{
		name: 'Item description contains',
		nodeName: 'exactOnlineItem',
		parameters: { operation: 'getMany', returnAll: true, filters: { descriptionContains: V, activeOnly: false } },
		calls: (v) => [{ endpoint: 'GET bulk/Logistics/Items', filter: contains('Description', v) }],
		expected: (v, w) => ({ key: 'ID', ids: ids(select(items(w), contains('Description', v)), 'ID') }),
	},
	{
		name: 'Item by code',
		nodeName: 'exactOnlineItem',
		parameters: { operation: 'get', item: rl(V) },
		calls: (v) => [{ endpoint: 'GET logistics/Items', filter: eq('Code', str(v.trim())) }],
		expected: (v, w) => {
			const found = select(items(w), eq('Code', str(v.trim())))[0];
			return found ? { key: 'ID', ids: ids([found], 'ID') } : 'not found';
		},
	},
	{
		name: 'Invoice your reference',
		nodeName: 'exactOnlineSalesInvoice',
		parameters: { operation: 'getMany', returnAll: true, filters: { yourRef: V } },
		calls: (v) => [{ endpoint: 'GET bulk/SalesInvoice/SalesInvoices', filter: eq('YourRef', str(v.trim())) }],
		expected: (v, w) => ({ key: 'InvoiceID', ids: ids(select(invoices(w), eq('YourRef', str(v.trim()))), 'InvoiceID') }),
	},
	{
		name: 'Invoice account by code',
		nodeName: 'exactOnlineSalesInvoice',
		parameters: { operation: 'getMany', returnAll: true, account: rl(V) },
		calls: (v, w) => {
			const found = accountByCode(v, w);
			const lookup = { endpoint: 'GET crm/Accounts', filter: eq('Code', str(padCode(v))) };
			if (!found) return [lookup];
			return [lookup, { endpoint: 'GET bulk/SalesInvoice/SalesInvoices', filter: eq('InvoiceTo', { t: 'guid', value: String(found.ID).toLowerCase() }) }];
		},
		expected: (v, w) => {
			const found = accountByCode(v, w);
			if (!found) return 'not found';
			return { key: 'InvoiceID', ids: ids(invoices(w).filter((i) => String(i.InvoiceTo).toLowerCase() === String(found.ID).toLowerCase()), 'InvoiceID') };
		},
	},
	{
		name: 'API Request conditions',
		nodeName: 'exactOnlineApiRequest',
		parameters: {
			operation: 'request',
			method: 'GET',
			path: 'crm/Accounts',
			select: 'ID,Name,City,Code',
			returnAll: true,
			conditions: {
				condition: [
					{ field: 'City', operator: 'eq', value: V, valueType: 'string' },
					{ field: 'Name', operator: 'contains', value: V, valueType: 'string' },
					{ field: 'Code', operator: 'eq', value: V, valueType: 'accountCode' },
					{ field: 'City', operator: 'startsWith', value: V, valueType: 'string' },
				],
			},
		},
		calls: (v) => [{ endpoint: 'GET crm/Accounts', filter: apiConditions(v) }],
		expected: (v, w) => ({ key: 'ID', ids: ids(select(accounts(w), apiConditions(v)), 'ID') }),
	},
];

function apiConditions(v: string): Ast {
	return and(eq('City', str(v)), contains('Name', v), eq('Code', str(padCode(v))), startsWith('City', v));
}

/** Records that carry half of the cases' text: an account (name, city, code), an item (code, description), an invoice. */
export function plantRecords(world: World, cases: FuzzCase[]): number {
	let planted = 0;
	for (const c of cases.filter((fc) => fc.index % 2 === 0)) {
		const account = world.exact.state.insertRecord('Accounts', { Name: `Fuzz ${c.index} ${c.value}`, City: c.value, Code: padCode(c.value), Status: 'C' });
		world.exact.state.insertRecord('Items', { Code: c.value.trim(), Description: `Fuzz ${c.index} ${c.value}`, IsSalesItem: true });
		world.exact.state.insertRecord('SalesInvoices', { YourRef: c.value.trim(), InvoiceTo: account.ID, OrderedBy: account.ID, Journal: '70', Description: `Fuzz ${c.index}` });
		planted += 3;
	}
	return planted;
}

export function hostileWorkflow(id: string, world: World, packageName: string, cases: FuzzCase[]): WorkflowInput {
	const casesNode: WorkflowNodeInput = {
		name: 'Cases',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { jsCode: `return ${JSON.stringify(cases.map((c) => ({ json: { i: c.index, v: c.value } })))};` },
	};
	const nodes: WorkflowNodeInput[] = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
		casesNode,
		...FILTER_NODES.map((f, i) => ({
			name: f.name,
			type: `${packageName}.${f.nodeName}`,
			typeVersion: 1,
			position: [480, i * 120] as [number, number],
			parameters: f.parameters,
			credentials: { exactOnlineOAuth2Api: world.exactCredential },
			// A Get whose record does not exist is an error for that item; the others go on.
			onError: 'continueRegularOutput',
		})),
	];
	return {
		id,
		name: 'Hostile text in every Exact filter and locator',
		nodes,
		connections: {
			Start: { main: [[{ node: 'Cases', type: 'main', index: 0 }]] },
			Cases: { main: [FILTER_NODES.map((f) => ({ node: f.name, type: 'main', index: 0 }))] },
		},
	};
}

export interface HostileReport {
	cases: number;
	longestCase: number;
	filterNodes: number;
	calls: number;
	/** Calls answered other than 200. */
	notOk: Array<{ status: number; endpoint?: string; query: string }>;
	/** Filters that did not parse as OData, or whose meaning no case expected. */
	unexpectedFilters: Array<{ endpoint?: string; filter: string; why: string }>;
	/** Expected filters (node, case) that were not sent exactly as often as expected. */
	missingFilters: Array<{ node: string; case: number; expected: number; seen: number }>;
	/** Node outputs that differ from the records the filter means. */
	wrongOutputs: Array<{ node: string; case: number; expected: unknown; got: unknown }>;
	nodeErrors: string[];
	/** Records the filter nodes returned (not counting "not found" items). */
	recordsFound: number;
}

function filterOf(call: CallLogEntry): string | undefined {
	const value = new URLSearchParams(call.query).get('$filter');
	return value === null ? undefined : value;
}

/**
 * Compares what the simulator received and what the nodes put out with what every case means. `runData` is
 * the execution's run data (REST), `calls` the simulator's log for the run.
 */
export function checkHostileRun(world: World, cases: FuzzCase[], runData: Record<string, NodeRun[]>, calls: CallLogEntry[], error: N8nRunError | undefined): HostileReport {
	const report: HostileReport = {
		cases: cases.length,
		longestCase: Math.max(...cases.map((c) => c.value.length)),
		filterNodes: FILTER_NODES.length,
		calls: calls.length,
		notOk: [],
		unexpectedFilters: [],
		missingFilters: [],
		wrongOutputs: [],
		nodeErrors: error ? [error.message] : [],
		recordsFound: 0,
	};
	const apiCalls = calls.filter((c) => c.path.startsWith('/api/v1/'));
	for (const call of apiCalls) if (call.status !== 200) report.notOk.push({ status: call.status, endpoint: call.endpoint, query: call.query.slice(0, 300) });

	// What was sent: endpoint + meaning -> how often (follow-up pages of a long answer carry a $skiptoken: not counted).
	const seen = new Map<string, number>();
	for (const call of apiCalls) {
		const filter = filterOf(call);
		if (filter === undefined || new URLSearchParams(call.query).has('$skiptoken')) continue;
		try {
			const key = `${call.endpoint} ${meaningKey(parseFilter(filter))}`;
			seen.set(key, (seen.get(key) ?? 0) + 1);
		} catch (e) {
			report.unexpectedFilters.push({ endpoint: call.endpoint, filter: filter.slice(0, 300), why: e instanceof ODataSyntaxError ? `not OData: ${e.message}` : String(e) });
		}
	}
	const expected = new Map<string, Array<{ node: string; case: number }>>();
	for (const node of FILTER_NODES) {
		for (const c of cases) {
			for (const call of node.calls(c.value, world)) {
				const key = `${call.endpoint} ${meaningKey(call.filter)}`;
				expected.set(key, [...(expected.get(key) ?? []), { node: node.name, case: c.index }]);
			}
		}
	}
	for (const [key, owners] of expected) {
		const count = seen.get(key) ?? 0;
		if (count !== owners.length) for (const owner of owners) report.missingFilters.push({ ...owner, expected: owners.length, seen: count });
	}
	for (const [key] of seen) {
		if (!expected.has(key)) report.unexpectedFilters.push({ filter: key.slice(0, 300), why: 'no case means this' });
	}

	for (const node of FILTER_NODES) {
		const runs = runData[node.name];
		const out = runs?.[0]?.data?.main?.[0] ?? [];
		if (!runs) report.nodeErrors.push(`${node.name} did not run`);
		if (runs?.[0]?.error) report.nodeErrors.push(`${node.name}: ${runs[0].error.message}`);
		report.recordsFound += out.filter((item) => item.json.error === undefined).length;
		for (const c of cases) {
			const mine = out.filter((item) => {
				const paired = (item as { pairedItem?: { item: number } | Array<{ item: number }> }).pairedItem;
				const list = Array.isArray(paired) ? paired : paired ? [paired] : [];
				return list.some((p) => p.item === c.index);
			});
			const want = node.expected(c.value, world);
			if (want === 'not found') {
				const ok = mine.length === 1 && typeof mine[0].json.error === 'string' && /not found in administration/.test(mine[0].json.error);
				if (!ok) report.wrongOutputs.push({ node: node.name, case: c.index, expected: 'not found', got: mine.map((m) => m.json.error ?? m.json[node.name.startsWith('Invoice') ? 'InvoiceID' : 'ID']) });
				continue;
			}
			const got = mine.map((m) => (m.json.error !== undefined ? `error: ${String(m.json.error)}` : String(m.json[want.key]).toLowerCase())).sort();
			if (JSON.stringify(got) !== JSON.stringify(want.ids)) report.wrongOutputs.push({ node: node.name, case: c.index, expected: want.ids, got });
		}
	}
	return report;
}
