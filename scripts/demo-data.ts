/**
 * The demo world shared by `npm start` and the template e2e tests: an Exact administration (the simulator's
 * tiny seed) and an OutSmart account whose work orders use that administration's customers, materials and
 * hour types, so a completed work order can be exported to Exact as it is.
 */
import { randomUUID } from 'node:crypto';
import { EXACT_SEED_FIXTURES, startExactSimulator, type ExactSimulator } from '../simulators/exact';
import { workOrderOrigin } from '../nodes/mapping/workOrderOrigin';
import { withDemoWarehouses } from './demo-warehouses';
import { addProjectsDemo } from './demo-projects';
import { addDemoInvoices } from './demo-invoices';
import { addOrderBackDemo } from './demo-order-back';
import { demoSeed, startOutSmartSimulator, type OutSmartSeed, type OutSmartSimulator, type SeedWorkorder } from '../simulators/outsmart';
import { addSalesOrderDemo } from './demo-sales-orders';
import { addDemoQuotations } from './demo-quotations';

export const DEMO_EXACT_TOKENS = { access_token: 'demo-access-token', refresh_token: 'demo-refresh-token' };
export const DEMO_OUTSMART = { token: 'demo-token', softwareToken: 'demo-software-token' };

export const EXACT_CREDENTIAL = { id: 'exactDemoCred001', name: 'Exact Online (simulator)', type: 'exactOnlineOAuth2Api' };
export const OUTSMART_CREDENTIAL = { id: 'outsmartDemoCr01', name: 'OutSmart (simulator)', type: 'outSmartApi' };

const { accounts, items } = EXACT_SEED_FIXTURES;
const trimmed = (code: string) => code.trim();

export interface DemoWorld {
	exact: ExactSimulator;
	outsmart: OutSmartSimulator;
	close(): Promise<void>;
}

/** The demo OutSmart account: its work orders use the Exact demo administration's customers, materials and hour types. */
export function demoOutSmartSeed(): OutSmartSeed {
	return withDemoWarehouses(demoSeed({
		debtorNumbers: [accounts.bakkerij, accounts.oneill, accounts.cafe, accounts.muller, accounts.emptyEmail].map((a) => trimmed(a.code)),
		materialCodes: [items.kogelkraan, items.cvKetel, items.draad, items.codeWithSpaces, items.quoted].map((i) => i.code),
		hourTypeCodes: [items.arbeid, items.voorrij, items.spoed].map((i) => i.code),
	}));
}

/**
 * Whether the shipped export template picks a work order up (as OutSmart renders it): made in OutSmart (not by a
 * Pro flow from an Exact document), completed with its work finished, and not set aside after a failed export.
 */
export function readyForExport(workorder: { WorkorderNo?: unknown; status?: unknown; WorkFinished?: unknown; WorkStatus?: unknown }): boolean {
	return (
		workOrderOrigin(workorder.WorkorderNo) === 'outsmart' &&
		workorder.status === 'Compleet' &&
		String(workorder.WorkFinished) === '1' &&
		workorder.WorkStatus !== 'EXPFOUT'
	);
}

/** The demo seed's work orders ready for export (Compleet, work status GEREED): tests export copies of them. */
export function demoReadyWorkOrders(): SeedWorkorder[] {
	return (demoOutSmartSeed().workorders ?? []).filter((w) => w._complete?.workStatus === 'GEREED' && w._status === undefined);
}

export async function startDemoWorld(ports: { exact?: number; outsmart?: number } = {}): Promise<DemoWorld> {
	const exact = await startExactSimulator({ port: ports.exact ?? 0, seed: 'tiny' });
	exact.state.registerTokens({ ...DEMO_EXACT_TOKENS });
	const outsmart = await startOutSmartSimulator({
		port: ports.outsmart ?? 0,
		...DEMO_OUTSMART,
		seed: demoOutSmartSeed(),
	});
	addSalesOrderDemo(exact, outsmart);
	addDemoQuotations(outsmart);
	addProjectsDemo(exact, outsmart);
	addDemoInvoices(exact, outsmart);
	addOrderBackDemo({ exact, outsmart });
	return {
		exact,
		outsmart,
		async close() {
			await Promise.all([exact.close(), outsmart.close()]);
		},
	};
}

/** The two demo credentials, pointing at the running simulators. */
export function demoCredentials(world: DemoWorld) {
	return [
		{
			...EXACT_CREDENTIAL,
			data: {
				region: 'custom',
				customBaseUrl: world.exact.url,
				division: '',
				clientId: 'demo-client-id',
				clientSecret: 'demo-client-secret',
				// The simulator's default webhook secret: the Exact Online Trigger verifies its events with it.
				webhookSecret: 'demo-webhook-secret',
				oauthTokenData: { ...DEMO_EXACT_TOKENS, token_type: 'bearer' },
			},
		},
		{ ...OUTSMART_CREDENTIAL, data: { baseUrl: world.outsmart.url, ...DEMO_OUTSMART } },
	];
}

interface TemplateNode {
	type: string;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

/** Our nodes that listen on a webhook URL. */
const WEBHOOK_NODE_TYPES = ['exactOnlineTrigger'];

/**
 * Gives every node of ours in a template the demo credential it needs (templates ship without any), and a
 * webhook node its webhookId, as n8n's editor does when it imports a workflow (the CLI import does not; without
 * one n8n derives the webhook path from the node name, and a name with spaces is not found).
 */
export function withDemoCredentials<T extends { nodes: TemplateNode[] }>(workflow: T, packageName: string): T {
	const nodes = workflow.nodes.map((node) => {
		if (!node.type.startsWith(`${packageName}.`)) return node;
		const credential = node.type.includes('.outSmart') ? OUTSMART_CREDENTIAL : EXACT_CREDENTIAL;
		const webhook = WEBHOOK_NODE_TYPES.includes(node.type.slice(packageName.length + 1)) && !node.webhookId ? { webhookId: randomUUID() } : {};
		return { ...node, ...webhook, credentials: { [credential.type]: { id: credential.id, name: credential.name } } };
	});
	return { ...workflow, nodes };
}
