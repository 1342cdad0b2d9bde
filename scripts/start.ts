/**
 * `npm start`: the Exact Online and OutSmart simulators with demo data, and a real n8n (the pinned version,
 * installed into the cache on first use) with this package installed as a community package, the demo
 * credentials and every template in templates/. Stops everything on Ctrl-C.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { OWNER } from './n8n/template';
import { startDemo } from './demo';

const ROOT = path.resolve(__dirname, '..');
const N8N_PORT = Number(process.env.N8N_PORT || 5678);

async function main(): Promise<void> {
	const install = spawnSync('bash', [path.join(ROOT, 'scripts/install-n8n.sh')], { stdio: 'inherit' });
	if (install.status !== 0) process.exit(install.status ?? 1);

	console.log(`Starting n8n on http://127.0.0.1:${N8N_PORT} ...`);
	const { world, n8n, templates, close } = await startDemo({ exactPort: 4010, outsmartPort: 4020, n8nPort: N8N_PORT, name: 'npm-start' });
	console.log(`Exact Online simulator: ${world.exact.url}   (admin: ${world.exact.url}/__admin)`);
	console.log(`OutSmart simulator:     ${world.outsmart.url}   (admin: ${world.outsmart.root}/__admin)`);
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
		await close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
