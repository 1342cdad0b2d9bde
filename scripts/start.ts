/**
 * `npm start`: the Exact Online and OutSmart simulators with demo data, and a real n8n (the pinned version,
 * installed into the cache on first use) with this package installed as a community package, the demo
 * credentials and every template in templates/. Stops everything on Ctrl-C.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { createN8nInstance, type WorkflowInput } from './n8n';
import { OWNER } from './n8n/template';
import { demoCredentials, startDemoWorld, withDemoCredentials } from './demo-data';

const ROOT = path.resolve(__dirname, '..');
const N8N_PORT = Number(process.env.N8N_PORT || 5678);

function loadTemplates(): WorkflowInput[] {
	const dir = path.join(ROOT, 'templates');
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as WorkflowInput);
}

async function main(): Promise<void> {
	const install = spawnSync('bash', [path.join(ROOT, 'scripts/install-n8n.sh')], { stdio: 'inherit' });
	if (install.status !== 0) process.exit(install.status ?? 1);

	const world = await startDemoWorld({ exact: 4010, outsmart: 4020 });
	console.log(`Exact Online simulator: ${world.exact.url}   (admin: ${world.exact.url}/__admin)`);
	console.log(`OutSmart simulator:     ${world.outsmart.url}   (admin: ${world.outsmart.root}/__admin)`);

	const n8n = await createN8nInstance({ name: 'npm-start', port: N8N_PORT });
	await n8n.importCredentials(demoCredentials(world));
	const templates = loadTemplates().map((workflow) => withDemoCredentials(workflow as never, n8n.packageName));
	if (templates.length) await n8n.importWorkflow(templates as WorkflowInput[]);
	console.log(`Starting n8n on ${n8n.baseUrl} ...`);
	await n8n.start({ timeoutMs: 180_000 });

	console.log('');
	console.log(`n8n is ready: ${n8n.baseUrl}`);
	console.log(`  log in as ${OWNER.email} / ${OWNER.password}`);
	console.log(`  ${templates.length} template workflow(s) imported, with the demo credentials`);
	console.log(`  what arrived in OutSmart: ${world.outsmart.root}/__admin/records/relations (materials, hourtypes, workorders ...)`);
	console.log(`  invoices in Exact:        ${world.exact.url}/__admin/records/SalesInvoices`);
	console.log('Ctrl-C stops n8n and the simulators (the n8n data folder is temporary).');

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping ...');
		await n8n.dispose();
		await world.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
