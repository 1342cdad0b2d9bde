import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PackageJson {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	n8n?: { n8nNodesApiVersion?: number; nodes?: string[]; credentials?: string[] };
	[key: string]: unknown;
}

export function readPackageJson(packageDir: string): PackageJson {
	return JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as PackageJson;
}

/** Files the package registers with n8n (package.json "n8n" section), relative to the package root. */
export function registeredFiles(pkg: PackageJson): { nodes: string[]; credentials: string[] } {
	return { nodes: pkg.n8n?.nodes ?? [], credentials: pkg.n8n?.credentials ?? [] };
}

/**
 * Fails with a clear message when the build output is missing. n8n drops the whole package (credentials
 * included) when a single registered file cannot be loaded, so every registered file must exist.
 */
export function assertBuilt(packageDir: string): PackageJson {
	const pkg = readPackageJson(packageDir);
	const dist = path.join(packageDir, 'dist');
	if (!fs.existsSync(dist)) {
		throw new Error(`${dist} does not exist. Run \`npm run build\` before the e2e tests (scripts/e2e.sh expects a built package).`);
	}
	const { nodes, credentials } = registeredFiles(pkg);
	const missing = [...nodes, ...credentials].filter((file) => !fs.existsSync(path.join(packageDir, file)));
	if (missing.length > 0) {
		throw new Error(
			`package.json registers files that are not built: ${missing.join(', ')}. ` +
				'Run `npm run build`; if the build succeeded, the "n8n" section of package.json names a file that no source produces. ' +
				'(n8n would refuse to load the whole package.)',
		);
	}
	return pkg;
}

/** The `name`s that the built files declare (node description name / credential name). */
export function declaredNames(packageDir: string, files: string[], kind: 'node' | 'credential'): string[] {
	return files.map((file) => {
		const exports = require(path.join(packageDir, file)) as Record<string, new () => Record<string, unknown>>;
		for (const Exported of Object.values(exports)) {
			if (typeof Exported !== 'function') continue;
			const instance = new Exported() as { name?: string; description?: { name?: string } };
			const name = kind === 'node' ? instance.description?.name : instance.name;
			if (name) return name;
		}
		throw new Error(`${file} exports no ${kind} class`);
	});
}

/** Content fingerprint of what `npm pack` would ship (package.json, index.js, dist/), for caching the template. */
export function packageFingerprint(packageDir: string): string {
	const hash = crypto.createHash('sha256');
	const add = (file: string): void => {
		const abs = path.join(packageDir, file);
		if (!fs.existsSync(abs)) return;
		const stat = fs.statSync(abs);
		if (stat.isDirectory()) {
			for (const entry of fs.readdirSync(abs).sort()) add(path.join(file, entry));
			return;
		}
		hash.update(file).update('\0').update(fs.readFileSync(abs)).update('\0');
	};
	for (const file of ['package.json', 'index.js', 'dist']) add(file);
	return hash.digest('hex').slice(0, 16);
}

/** `npm pack` into `destination`; returns the tarball path. */
export function npmPack(packageDir: string, destination: string): string {
	fs.mkdirSync(destination, { recursive: true });
	const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
		cwd: packageDir,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [info] = JSON.parse(out) as Array<{ filename: string }>;
	return path.join(destination, info.filename);
}

/**
 * Installs a packed community package into `<userFolder>/.n8n/nodes` the way n8n 2.41's own installer
 * (Settings > Community nodes) does it, minus the registry download:
 *  - unpack the tarball into nodes/node_modules/<name>,
 *  - drop devDependencies, peerDependencies and optionalDependencies from its package.json,
 *  - `npm install` inside the package folder (shallow, no scripts, no lockfile) for its runtime dependencies,
 *  - record it in the nodes/package.json ledger.
 * Peer dependencies are never installed: `n8n-workflow` (and anything else n8n has, like `luxon`) resolves
 * from n8n's own node_modules through the NODE_PATH that n8n sets at startup.
 */
export function installPackageLikeN8n(tarball: string, userFolder: string): { name: string; version: string; dir: string } {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const staging = path.join(nodesDir, '.unpack');
	fs.mkdirSync(staging, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1']);
	const pkg = readPackageJson(staging);
	const packageDir = path.join(nodesDir, 'node_modules', ...pkg.name.split('/'));
	fs.mkdirSync(path.dirname(packageDir), { recursive: true });
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.renameSync(staging, packageDir);

	const { devDependencies: _dev, peerDependencies: _peer, optionalDependencies: _opt, ...runtime } = pkg;
	fs.writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify(runtime, null, 2));
	if (Object.keys(runtime.dependencies ?? {}).length > 0) {
		execFileSync(
			'npm',
			['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
			{ cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] },
		);
	}

	const ledgerPath = path.join(nodesDir, 'package.json');
	const ledger = fs.existsSync(ledgerPath)
		? (JSON.parse(fs.readFileSync(ledgerPath, 'utf8')) as { dependencies?: Record<string, string> })
		: { name: 'installed-nodes', private: true, dependencies: {} };
	ledger.dependencies = { ...ledger.dependencies, [pkg.name]: pkg.version };
	fs.writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
	return { name: pkg.name, version: pkg.version, dir: packageDir };
}
