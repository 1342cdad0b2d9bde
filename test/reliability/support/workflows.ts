/**
 * Workflows the suite runs: the shipped export template (templates/05-export-work-orders.json, read at run time)
 * with only its OutSmart Trigger left out, so that every run starts at "Run now" (`n8n execute` or a REST manual
 * run), and the credentials of a world picked; a variant whose "Ready work orders" pass one Code node that puts
 * values OutSmart's API can send but the simulator cannot store (it keeps material quantities as numbers); and a
 * webhook variant for queue mode (a production webhook is what the main hands to a worker).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../../scripts/n8n-env';
import type { WorkflowInput, WorkflowNodeInput } from '../../../scripts/n8n';
import type { World } from './world';

export const TEMPLATE_FILE = path.join(REPO_ROOT, 'templates', '05-export-work-orders.json');
export const RUN_NOW = 'Run now';
export const READY_WORK_ORDERS = 'Ready work orders';
export const TO_EXPORT = 'Work orders to export';
export const CREATE_INVOICE = 'Create invoice in Exact';
export const MARK_HANDLED = 'Mark handled in OutSmart';
export const MARK_FAILED = 'Mark export failed';
const AS_SENT = 'Values as OutSmart sent them';
const WEBHOOK = 'Start by webhook';

type Connection = { node: string; type: string; index: number };
type Connections = Record<string, { main?: Array<Array<Connection> | null> }>;

function readTemplate(): WorkflowInput {
	const template = JSON.parse(fs.readFileSync(TEMPLATE_FILE, 'utf8')) as WorkflowInput;
	const names = template.nodes.map((n) => n.name);
	for (const name of [RUN_NOW, READY_WORK_ORDERS, TO_EXPORT, CREATE_INVOICE, MARK_HANDLED, MARK_FAILED]) {
		if (!names.includes(name)) throw new Error(`${TEMPLATE_FILE} has no node "${name}" (nodes: ${names.join(', ')})`);
	}
	const targets = ((template.connections as Connections)[RUN_NOW]?.main ?? []).flat().map((c) => c?.node);
	if (targets.join() !== READY_WORK_ORDERS) throw new Error(`The template's "${RUN_NOW}" must feed "${READY_WORK_ORDERS}" (it feeds ${targets.join(', ')})`);
	return template;
}

/** The workflow without the nodes `remove` picks, and without their connections. */
function without(template: WorkflowInput, remove: (node: WorkflowNodeInput) => boolean): { nodes: WorkflowNodeInput[]; connections: Connections } {
	const removed = new Set(template.nodes.filter(remove).map((n) => n.name));
	const connections: Connections = {};
	for (const [from, value] of Object.entries((template.connections ?? {}) as Connections)) {
		if (removed.has(from)) continue;
		connections[from] = { ...value, main: value.main?.map((outputs) => outputs?.filter((c) => !removed.has(c.node)) ?? null) };
	}
	return { nodes: template.nodes.filter((n) => !removed.has(n.name)), connections };
}

/** Every node of our package gets the world's credential of its vendor. */
function withCredentials(nodes: WorkflowNodeInput[], packageName: string, world: World): WorkflowNodeInput[] {
	return nodes.map((node) => {
		if (!node.type.startsWith(`${packageName}.`)) return node;
		const outsmart = node.type.startsWith(`${packageName}.outSmart`);
		const credentials: Record<string, { id: string; name: string }> = outsmart
			? { outSmartApi: world.outsmartCredential }
			: { exactOnlineOAuth2Api: world.exactCredential };
		return { ...node, credentials };
	});
}

/** The shipped template without its OutSmart Trigger: every run starts at "Run now". */
export function exportWorkflow(id: string, world: World, packageName: string): WorkflowInput {
	const template = readTemplate();
	const { nodes, connections } = without(template, (node) => node.type.endsWith('.outSmartTrigger'));
	return { ...template, id, name: `${template.name ?? 'export'} (Run now, world ${world.tag})`, nodes: withCredentials(nodes, packageName, world), connections };
}

/** A value to put into a work order on its way from OutSmart to the export: `path` as ['Materials', 0, 'MaterialNr']. */
export interface ValuePatch {
	path: Array<string | number>;
	value: unknown;
}

/**
 * The export with one Code node after "Ready work orders" that sets values in the work orders whose number ends
 * with a key of `patches`, as OutSmart's API could send them (e.g. a material quantity "twee"); the rest as shipped.
 */
export function exportWorkflowWithValues(id: string, world: World, packageName: string, patches: Record<string, ValuePatch[]>): WorkflowInput {
	const base = exportWorkflow(id, world, packageName);
	const connections = base.connections as Connections;
	connections[READY_WORK_ORDERS] = { main: [[{ node: AS_SENT, type: 'main', index: 0 }]] };
	connections[AS_SENT] = { main: [[{ node: TO_EXPORT, type: 'main', index: 0 }]] };
	const jsCode = [
		`const patches = ${JSON.stringify(patches)};`,
		'return $input.all().map((item, index) => {',
		'  const json = JSON.parse(JSON.stringify(item.json));',
		'  const key = Object.keys(patches).find((k) => String(json.WorkorderNo).endsWith(k));',
		'  for (const { path, value } of key ? patches[key] : []) {',
		'    let target = json;',
		'    for (const key of path.slice(0, -1)) target = target[key];',
		'    target[path[path.length - 1]] = value;',
		'  }',
		'  return { json, pairedItem: { item: index } };',
		'});',
	].join('\n');
	const node: WorkflowNodeInput = { name: AS_SENT, type: 'n8n-nodes-base.code', typeVersion: 2, position: [440, 560], parameters: { jsCode } };
	return { ...base, name: `${base.name} + values as sent`, nodes: [...base.nodes, node], connections };
}

/**
 * The template with its triggers replaced by a Webhook trigger (production URL, answers at once) feeding what
 * "Run now" feeds, plus "Run now" itself: the main enqueues webhook executions for the workers and runs manual
 * ones itself.
 */
export function webhookExportWorkflow(id: string, world: World, packageName: string, webhookPath: string): WorkflowInput {
	const base = exportWorkflow(id, world, packageName);
	const webhook: WorkflowNodeInput = {
		name: WEBHOOK,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		position: [0, 560],
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
	};
	const connections = base.connections as Connections;
	connections[WEBHOOK] = { main: [[{ node: READY_WORK_ORDERS, type: 'main', index: 0 }]] };
	return { ...base, name: `${base.name} (webhook)`, nodes: [...base.nodes, webhook], connections };
}
