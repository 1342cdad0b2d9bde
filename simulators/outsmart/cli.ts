/**
 * Runs the fake OutSmart until SIGTERM/SIGINT:
 *   npx tsx simulators/outsmart/cli.ts --port 4020 --seed demo [--token T] [--software-token S]
 *     [--enforce-https] [--amount-style thousands] [--host 127.0.0.1]
 * Prints the base URL (…/openapi/8) on the first line of stdout.
 */
import { startOutSmartSimulator } from './index';
import { seedByName } from './seed';

function arg(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
	const amountStyle = arg('amount-style');
	const sim = await startOutSmartSimulator({
		port: Number(arg('port') ?? 4020),
		host: arg('host') ?? '127.0.0.1',
		token: arg('token'),
		softwareToken: arg('software-token'),
		enforceHttps: process.argv.includes('--enforce-https'),
		seed: seedByName(arg('seed') ?? 'demo'),
		amountStyle: amountStyle === 'thousands' ? 'thousands' : 'plain',
	});
	process.stdout.write(`${sim.url}\n`);
	process.stdout.write(`admin: ${sim.root}/__admin/\n`);
	const stop = () => {
		void sim.close().then(() => process.exit(0));
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
