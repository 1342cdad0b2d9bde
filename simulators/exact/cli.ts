import { startExactSimulator } from './index';
import type { ExactSimulatorOptions } from './state';
import type { SeedSize, SeedSizeName } from '../seed/types';

/**
 * npx tsx simulators/exact/cli.ts --port 4010 --seed small
 * --minute-ms 5000 runs the rate limit's minute on a scaled clock (benchmarks).
 * --seed takes tiny|small|medium|large or a number N (N accounts and N items); --mandatory-filtering turns Exact's
 * mandatory filtering on. Prints the URL; SIGTERM/SIGINT stop it.
 */

function parseArgs(argv: string[]): Record<string, string> {
	const args: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m) continue;
		if (m[2] !== undefined) args[m[1]] = m[2];
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args[m[1]] = argv[++i];
		else args[m[1]] = 'true';
	}
	return args;
}

function seedOf(value: string | undefined): SeedSize | undefined {
	if (value === undefined) return undefined;
	if (/^\d+$/.test(value)) return { accounts: Number(value), items: Number(value) };
	if (['tiny', 'small', 'medium', 'large'].includes(value)) return value as SeedSizeName;
	throw new Error(`--seed must be tiny, small, medium, large or a number, not ${value}`);
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const num = (name: string) => (args[name] === undefined ? undefined : Number(args[name]));
	const options: ExactSimulatorOptions = {
		port: num('port') ?? 0,
		host: args.host,
		clientId: args['client-id'],
		clientSecret: args['client-secret'],
		webhookSecret: args['webhook-secret'],
		minutelyLimit: num('minutely-limit'),
		dailyLimit: num('daily-limit'),
		mandatoryFiltering: args['mandatory-filtering'] === 'true',
		minuteMs: num('minute-ms'),
		seed: seedOf(args.seed),
	};
	const sim = await startExactSimulator(options);
	process.stdout.write(`${sim.url}\n`);
	const stop = () => {
		sim.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

main().catch((error: Error) => {
	process.stderr.write(`exact simulator: ${error.message}\n`);
	process.exit(1);
});
