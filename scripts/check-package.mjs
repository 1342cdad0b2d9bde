// `npm run check:package`: what n8n's community-package scan (@n8n/scan-community-package) would say about the
// package we publish, offline. Builds from a clean dist/, packs with `npm pack`, unpacks the tarball and runs the
// scanner's own analysis (its exported `analyzePackage`, i.e. its ESLint config and plugins) on:
//   1. the unpacked tarball, with the scanner's default file set (**/*.js, **/*.ts, **/*.json): a superset of the
//      tarball leg of the registry scan (**/*.js and package.json), so declaration files and JSON are covered too;
//   2. the sources (package.json, {nodes,credentials}/**/*.{js,ts,json}), which the registry scan lints in the
//      GitHub checkout named by the package's npm provenance.
// Also checks that every file package.json registers with n8n is in the tarball (n8n drops the whole package
// when one is missing). Exits 1 on any error; warnings are printed but do not fail.
// Not checked here, because it needs the published package: the npm provenance attestation and the download of
// the attested source (steps 1-2 of `npx @n8n/scan-community-package <name>`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, buildScanConfig, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

// ESLint and fast-glob as the scanner resolves them, so that the report run uses the very same copies.
const scannerRequire = createRequire(fileURLToPath(import.meta.resolve('@n8n/scan-community-package/scanner/scanner.mjs')));
const { ESLint } = scannerRequire('eslint');
const glob = scannerRequire('fast-glob');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The scanner's own defaults (analyzePackage's second parameter), used when it is given a folder only. */
const TARBALL_PATTERNS = ['**/*.js', '**/*.ts', '**/*.json'];
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
	if (result.status !== 0) {
		process.stderr.write(result.stdout ?? '');
		process.stderr.write(result.stderr ?? '');
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
	}
	return result.stdout;
}

function step(label, fn) {
	const t = Date.now();
	const value = fn();
	console.log(`  ${label} (${seconds(t)})`);
	return value;
}

/** ESLint with the scanner's config over the scanner's file set: warnings and counts for the report. */
async function lintReport(dir, patterns) {
	const eslint = new ESLint({ cwd: dir, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: await buildScanConfig() });
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const results = files.length ? await eslint.lintFiles(files) : [];
	const messages = results.flatMap((r) =>
		r.messages.map((m) => ({ ...m, file: path.relative(dir, r.filePath), level: m.severity === 2 ? 'error' : 'warning' })),
	);
	return { files: files.length, messages };
}

async function scan(label, dir, patterns) {
	const t = Date.now();
	// The verdict is the scanner's own function; the report run only adds what it keeps to itself (warnings, counts).
	const verdict = await analyzePackage(dir, patterns);
	const report = await lintReport(dir, patterns);
	const errors = report.messages.filter((m) => m.level === 'error');
	const warnings = report.messages.filter((m) => m.level === 'warning');
	console.log(
		`\n${verdict.passed ? 'PASS' : 'FAIL'} ${label}: ${report.files} files (${patterns.join(', ')}), ` +
			`${errors.length} errors, ${warnings.length} warnings (${seconds(t)})`,
	);
	for (const m of report.messages) {
		console.log(`  ${m.level} ${m.file}:${m.line ?? 0}:${m.column ?? 0} ${m.ruleId ?? ''} ${m.message}`);
	}
	// The scanner's own account, when the report run did not already show why it failed.
	if (!verdict.passed && errors.length === 0) console.log(verdict.details ?? `  ${verdict.message}`);
	// A failed verdict fails the check, and so does an error the report run saw (should the two ever disagree).
	return verdict.passed && errors.length === 0;
}

async function main() {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'check-package-'));
	try {
		console.log('check:package: build, pack, unpack, then the n8n community-package scan (offline)');
		step('clean dist/ and build (npm run build)', () => {
			// A clean build: tsc and gulp never delete, so files of renamed or removed sources would be packed.
			fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
			run('npm', ['run', '--silent', 'build']);
		});
		const packed = step('npm pack', () => {
			const out = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work]);
			return JSON.parse(out)[0];
		});
		const tarball = path.join(work, packed.filename);
		const packageDir = path.join(work, 'package');
		step('unpack', () => {
			fs.mkdirSync(packageDir);
			// As the scanner unpacks a downloaded tarball.
			run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
		});
		const files = packed.files.map((f) => f.path);
		console.log(
			`  ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(0)} kB packed, ` +
				`${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked`,
		);

		let ok = true;
		const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
		const registered = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
		const missing = registered.filter((f) => !fs.existsSync(path.join(packageDir, f)));
		console.log(
			`\n${missing.length ? 'FAIL' : 'PASS'} registered files: ${registered.length - missing.length}/${registered.length} ` +
				'of package.json "n8n" (nodes, credentials) are in the tarball',
		);
		for (const f of missing) console.log(`  missing ${f}`);
		ok &&= missing.length === 0;

		ok = (await scan('scan of the packed tarball', packageDir, TARBALL_PATTERNS)) && ok;
		ok = (await scan('scan of the sources', ROOT, SOURCE_FILE_PATTERNS)) && ok;

		console.log(
			'\nnot checked offline: npm provenance and the attested source download (needs the published package)',
		);
		console.log(`${ok ? 'check:package passed' : 'check:package FAILED'} in ${seconds(started)}`);
		return ok ? 0 : 1;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(`check:package FAILED: ${error.message}`);
		process.exit(1);
	},
);
