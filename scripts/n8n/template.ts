import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { assertN8nInstalled, n8nPaths, n8nProcessEnv, type N8nPaths } from '../n8n-env';
import { assertBuilt, installPackageLikeN8n, npmPack, packageFingerprint } from './package';
import { killGroup, runN8nCommand, spawnN8n, withTail } from './process';
import { freePort, waitFor } from './util';

export const ENCRYPTION_KEY = 'n8n-e2e-fixed-key-0123456789';

export const OWNER = {
	email: 'owner@example.com',
	password: 'E2e-owner-password-1',
	firstName: 'E2E',
	lastName: 'Owner',
};

export interface TemplateInfo {
	/** The template user folder (N8N_USER_FOLDER): migrated DB, package installed. Never modified after creation. */
	dir: string;
	fingerprint: string;
	packageName: string;
	packageVersion: string;
	/** bcrypt hash of OWNER.password, for N8N_INSTANCE_OWNER_PASSWORD_HASH. */
	ownerPasswordHash: string;
	/** How long building it took (0 when an existing template was reused). */
	buildMs: number;
	steps: Record<string, number>;
}

/**
 * Folder for this run's template and instance folders. scripts/e2e.sh sets N8N_E2E_RUN_DIR to a fresh
 * directory and deletes it afterwards; a bare `jest --selectProjects e2e` falls back to a shared folder
 * in the OS temp dir, where templates are keyed by package content and old ones are pruned.
 */
export function runDir(): string {
	const dir = process.env.N8N_E2E_RUN_DIR || path.join(os.tmpdir(), 'n8n-e2e');
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

const META_FILE = 'e2e-template.json';

function pruneOldTemplates(dir: string, keep: string): void {
	const dayAgo = Date.now() - 24 * 3600 * 1000;
	for (const entry of fs.readdirSync(dir)) {
		if (!entry.startsWith('template-') || path.join(dir, entry) === keep) continue;
		const full = path.join(dir, entry);
		try {
			if (fs.statSync(full).mtimeMs < dayAgo) fs.rmSync(full, { recursive: true, force: true });
		} catch {
			// raced with another run
		}
	}
}

async function timed<T>(steps: Record<string, number>, name: string, fn: () => T | Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		return await fn();
	} finally {
		steps[name] = Date.now() - started;
	}
}

/**
 * n8n 1.x knows no env-managed owner (N8N_INSTANCE_OWNER_*, 2.x): set the owner up once in the template folder, the
 * way the editor's first screen does (`POST /rest/owner/setup` on a running n8n, nothing else running), so that every
 * copy starts with an owner, as on 2.x. Not lazily in each suite: on 1.123.81 with SQLite, an owner set-up that
 * coincides with an execution being saved (an active trigger's first poll) was lost in 1 of ~4 runs: the setting
 * "owner is set up" was stored, the owner's email and password were not, and no login could succeed any more.
 * CLI-imported workflows and credentials belong to this owner (its personal project exists from the migrations).
 */
async function setUpOwnerOverRest(paths: N8nPaths, userFolder: string): Promise<void> {
	const port = await freePort();
	const env = n8nProcessEnv({ userFolder, port, brokerPort: await freePort(), encryptionKey: ENCRYPTION_KEY }, paths);
	const server = spawnN8n(paths, ['start'], env, { cwd: userFolder });
	let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	void server.exited.then((e) => (exit = e));
	const base = `http://127.0.0.1:${port}`;
	const post = (urlPath: string, body: unknown) =>
		fetch(`${base}${urlPath}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		});
	try {
		// Its REST routes exist once it logs the editor URL (readiness answers 200 before that).
		await waitFor(
			() => {
				if (exit) throw new Error(`n8n start exited with ${exit.code ?? exit.signal}`);
				return server.tail.last(400).includes('Editor is now accessible via');
			},
			120_000,
			{ description: 'n8n to log "Editor is now accessible"', intervalMs: 100, stopOn: () => exit !== undefined },
		);
		const { email, firstName, lastName, password } = OWNER;
		const setup = await post('/rest/owner/setup', { email, firstName, lastName, password });
		if (!setup.ok) throw new Error(`POST /rest/owner/setup answered ${setup.status}: ${(await setup.text()).slice(0, 500)}`);
		const login = await post('/rest/login', { emailOrLdapLoginId: email, password });
		if (!login.ok) throw new Error(`POST /rest/login after the owner set-up answered ${login.status}: ${(await login.text()).slice(0, 500)}`);
	} catch (error) {
		throw new Error(withTail(`Setting up the n8n ${paths.n8nVersion} owner in the template folder failed: ${(error as Error).message}`, server.tail.last(400)));
	} finally {
		if (!exit) {
			server.child.kill('SIGTERM');
			const timer = setTimeout(() => killGroup(server.child, 'SIGKILL'), 20_000);
			await server.exited;
			clearTimeout(timer);
		}
	}
}

/**
 * Returns the template user folder for the built package in `packageDir`, creating it when needed:
 * `npm pack` + install like n8n's installer, DB migrations, owner password hash. Concurrent callers
 * (jest workers) each build into a temporary folder and the first atomic rename wins.
 */
export async function ensureTemplate(packageDir: string, paths: N8nPaths = n8nPaths()): Promise<TemplateInfo> {
	assertN8nInstalled(paths);
	assertBuilt(packageDir);
	const base = runDir();
	const fingerprint = packageFingerprint(packageDir);
	const dir = path.join(base, `template-${paths.n8nVersion}-${fingerprint}`);
	const metaPath = path.join(dir, META_FILE);
	if (fs.existsSync(metaPath)) {
		return { ...(JSON.parse(fs.readFileSync(metaPath, 'utf8')) as TemplateInfo), dir, buildMs: 0, steps: {} };
	}
	if (!process.env.N8N_E2E_RUN_DIR) pruneOldTemplates(base, dir);

	const started = Date.now();
	const steps: Record<string, number> = {};
	const work = fs.mkdtempSync(`${dir}.tmp-`);
	try {
		const tarball = await timed(steps, 'npmPack', () => npmPack(packageDir, path.join(work, 'pack')));
		const installed = await timed(steps, 'install', () => installPackageLikeN8n(tarball, work));
		fs.rmSync(path.join(work, 'pack'), { recursive: true, force: true });

		// Any DB command runs the ~200 migrations; importing an empty list is the cheapest one.
		const empty = path.join(work, 'empty.json');
		fs.writeFileSync(empty, '[]');
		const env = n8nProcessEnv(
			{ userFolder: work, port: await freePort(), brokerPort: await freePort(), encryptionKey: ENCRYPTION_KEY },
			paths,
		);
		const migrate = await timed(steps, 'migrate', () =>
			runN8nCommand(paths, ['import:credentials', `--input=${empty}`], env, { cwd: work, timeoutMs: 180_000 }),
		);
		if (migrate.code !== 0) {
			throw new Error(withTail(`Creating the n8n template folder failed: migrations exited ${migrate.code}`, migrate.output));
		}
		fs.rmSync(empty);

		const ownerPasswordHash = await timed(steps, 'ownerHash', () =>
			execFileSync(paths.nodeBin, ['-e', "process.stdout.write(require('bcryptjs').hashSync(process.argv[1], 10))", OWNER.password], {
				cwd: paths.n8nDir,
				encoding: 'utf8',
			}),
		);

		if (paths.line === 1) await timed(steps, 'ownerSetup', () => setUpOwnerOverRest(paths, work));

		const info: TemplateInfo = {
			dir,
			fingerprint,
			packageName: installed.name,
			packageVersion: installed.version,
			ownerPasswordHash,
			buildMs: Date.now() - started,
			steps,
		};
		fs.writeFileSync(path.join(work, META_FILE), JSON.stringify(info, null, 2));
		try {
			fs.renameSync(work, dir);
		} catch (error) {
			// Another worker finished first; use its template.
			if (!fs.existsSync(metaPath)) throw error;
			fs.rmSync(work, { recursive: true, force: true });
		}
		return info;
	} catch (error) {
		fs.rmSync(work, { recursive: true, force: true });
		throw error;
	}
}
