/**
 * What `npm start` brings up, as one function (also used by the browser suite, test/browser): the demo world
 * (Exact Online and OutSmart simulators with demo data) and a real n8n with this package, the two demo
 * credentials and every template in templates/, started. The n8n must be installed (scripts/install-n8n.sh)
 * and the package built.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { createN8nInstance, type N8nInstance, type WorkflowInput } from './n8n';
import { REPO_ROOT } from './n8n-env';
import { demoCredentials, startDemoWorld, withDemoCredentials, type DemoWorld } from './demo-data';

export interface DemoTemplate {
	/** File name in templates/, e.g. `05-export-work-orders.json`. */
	file: string;
	/** The workflow id n8n gave it on import. */
	id: string;
	name: string;
	workflow: WorkflowInput;
}

export interface Demo {
	world: DemoWorld;
	n8n: N8nInstance;
	templates: DemoTemplate[];
	/** Stops n8n (deleting its temporary data folder) and the simulators. */
	close(): Promise<void>;
}

const TEMPLATE_DIR = path.join(REPO_ROOT, 'templates');

/** A shipped template as it is in templates/ (no credentials). */
export function readTemplate(file: string): WorkflowInput {
	return JSON.parse(fs.readFileSync(path.join(TEMPLATE_DIR, file), 'utf8')) as WorkflowInput;
}

/**
 * The demo credentials and these workflows (e.g. shipped templates) imported into an n8n that is not started yet,
 * each node given the demo credential of its vendor: the workflow ids, in order.
 */
export async function importDemoWorkflows(n8n: N8nInstance, world: DemoWorld, workflows: WorkflowInput[]): Promise<string[]> {
	await n8n.importCredentials(demoCredentials(world));
	return workflows.length ? await n8n.importWorkflow(workflows.map((workflow) => withDemoCredentials(workflow as never, n8n.packageName) as WorkflowInput)) : [];
}

/** The shipped templates, sorted by file name. */
function loadTemplates(): Array<Omit<DemoTemplate, 'id'>> {
	if (!fs.existsSync(TEMPLATE_DIR)) return [];
	return fs
		.readdirSync(TEMPLATE_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = readTemplate(file);
			return { file, name: String(workflow.name ?? file), workflow };
		});
}

/** Ports default to free ones; `npm start` passes fixed ones. */
export async function startDemo(options: { exactPort?: number; outsmartPort?: number; n8nPort?: number; name?: string } = {}): Promise<Demo> {
	const world = await startDemoWorld({ exact: options.exactPort, outsmart: options.outsmartPort });
	let n8n: N8nInstance | undefined;
	try {
		n8n = await createN8nInstance({ name: options.name ?? 'demo', port: options.n8nPort });
		const loaded = loadTemplates();
		const ids = await importDemoWorkflows(n8n, world, loaded.map((t) => t.workflow));
		await n8n.start({ timeoutMs: 180_000 });
		const started = n8n;
		return {
			world,
			n8n: started,
			templates: loaded.map((t, i) => ({ ...t, id: ids[i] })),
			async close() {
				await started.dispose();
				await world.close();
			},
		};
	} catch (error) {
		await n8n?.dispose();
		await world.close();
		throw error;
	}
}
