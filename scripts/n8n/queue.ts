/**
 * Queue mode ("scaling mode") for the e2e harness: a private Redis and a private PostgreSQL from the Debian
 * packages, and one n8n main plus N workers on them, all on 127.0.0.1.
 *
 *   const services = await ensureQueueServices();         // apt-get install when missing, then start both
 *   const queue = await createQueueN8n(services, { name: 'export', workers: 2 });
 *   await queue.main.importCredentials(...);              // CLI commands go to Postgres too
 *   await queue.start();                                  // main (`n8n start`) and the workers (`n8n worker`)
 *   queue.ranOn(executionId);                             // 'main' | 'worker-1' | 'worker-2' | undefined
 *   await queue.dispose(); await services.stop();         // in afterAll, also after a failure
 *
 * Services: `redis-server` without persistence in its own folder, and a PostgreSQL cluster made by `initdb` in
 * a temporary folder (owned by the `postgres` OS user that the Debian package creates, since PostgreSQL refuses
 * to run as root), listening on 127.0.0.1 only, trust authentication, fsync off. Both on free ports; both are
 * stopped (and their folders removed) by stop(), and by a watchdog when the test process dies.
 *
 * n8n: every process gets the same N8N_ENCRYPTION_KEY (the harness's), EXECUTIONS_MODE=queue, the Redis
 * (QUEUE_BULL_REDIS_HOST/PORT) and the database (DB_TYPE=postgresdb, DB_POSTGRESDB_HOST/PORT/DATABASE/USER/
 * PASSWORD): names checked against @n8n/config 2.41.1. Each worker is its own N8nInstance (own user folder
 * with the package installed, own task-broker port) started with `n8n worker --concurrency=<n>`; its health
 * server (QUEUE_HEALTH_CHECK_ACTIVE/PORT, N8N_WORKER_SERVER_ADDRESS=127.0.0.1) answers /healthz/readiness on
 * the instance's port. Manual runs through the REST API run on the main (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS
 * is not set); production webhooks and triggers are enqueued and run on a worker. Who ran what comes from the
 * logs: a worker logs "Worker started execution <id>", the main (log level debug) "Execution for workflow …
 * was assigned id <id>" when it runs one itself and "Enqueued execution <id>" when it hands one over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { n8nPaths } from '../n8n-env';
import { createN8nInstance, type N8nInstance } from './instance';
import { guardLifetime, killGroup } from './process';
import { freePort, LineTail, waitFor } from './util';

const HOST = '127.0.0.1';

// ------------------------------------------------------------------------------------------- Debian packages

interface CommandOutcome {
	code: number | null;
	output: string;
	durationMs: number;
}

/** Runs a command to completion (no shell), output captured; rejects only on timeout. */
function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CommandOutcome> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		const chunks: Buffer[] = [];
		child.stdout.on('data', (d: Buffer) => chunks.push(d));
		child.stderr.on('data', (d: Buffer) => chunks.push(d));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms\n${Buffer.concat(chunks).toString('utf8').slice(-4000)}`));
		}, options.timeoutMs ?? 60_000);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('close', (code) => {
			clearTimeout(timer);
			resolve({ code, output: Buffer.concat(chunks).toString('utf8'), durationMs: Date.now() - started });
		});
	});
}

async function checked(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CommandOutcome> {
	const outcome = await run(command, args, options);
	if (outcome.code !== 0) {
		throw new Error(`${command} ${args.join(' ')} exited with ${outcome.code}\n${outcome.output.slice(-4000)}`);
	}
	return outcome;
}

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin), if any. */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(root, majors[0], 'bin') : undefined;
}

const REDIS_SERVER = '/usr/bin/redis-server';

function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** uid/gid of an OS user, from /etc/passwd. */
function osUser(name: string): { uid: number; gid: number } | undefined {
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith(`${name}:`));
	if (!line) return undefined;
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

function missingPackages(): string[] {
	const missing: string[] = [];
	if (!fs.existsSync(REDIS_SERVER)) missing.push('redis-server');
	if (!postgresBinDir() || (isRoot() && !osUser('postgres'))) missing.push('postgresql');
	return missing;
}

let aptUpdated = false;

/**
 * Installs redis-server and postgresql with apt-get when they are missing (apt-get update once per process
 * first). No-op when both are there. Package scripts must not start the distribution's own Redis and
 * PostgreSQL services (we start private ones): without a policy-rc.d (Docker images have one), a temporary
 * one that refuses service starts is put in place for the install and removed afterwards.
 */
export async function ensureQueuePackages(): Promise<{ installed: string[]; durationMs: number }> {
	const started = Date.now();
	const missing = missingPackages();
	if (missing.length === 0) return { installed: [], durationMs: 0 };
	if (!isRoot()) {
		throw new Error(`Queue-mode e2e needs ${missing.join(' and ')}: run as root (apt-get) or install them first (apt-get install ${missing.join(' ')})`);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', NEEDRESTART_MODE: 'a' };
	const quiet = ['-qq', '-o', 'Dpkg::Use-Pty=0', '-o', 'DPkg::Lock::Timeout=300'];
	if (!aptUpdated) {
		await checked('apt-get', [...quiet, 'update'], { env, timeoutMs: 300_000 });
		aptUpdated = true;
	}
	const policy = '/usr/sbin/policy-rc.d';
	const ownPolicy = !fs.existsSync(policy);
	if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\n# temporary (n8n-nodes-exact-outsmart queue e2e): no service starts during apt-get install\nexit 101\n', { mode: 0o755 });
	try {
		await checked(
			'apt-get',
			[...quiet, 'install', '-y', '--no-install-recommends', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold', ...missing],
			{ env, timeoutMs: 600_000 },
		);
	} finally {
		if (ownPolicy) fs.rmSync(policy, { force: true });
	}
	const still = missingPackages();
	if (still.length) throw new Error(`apt-get install ${missing.join(' ')} succeeded but ${still.join(', ')} is still missing`);
	return { installed: missing, durationMs: Date.now() - started };
}

// ------------------------------------------------------------------------------------------- services

/** A long-running service process in its own process group, with a watchdog and the tail of its output. */
class ServiceProcess {
	readonly tail = new LineTail(200);

	readonly exited: Promise<number | null>;

	private done = false;

	constructor(
		readonly name: string,
		readonly child: ChildProcess,
	) {
		child.stdout?.on('data', (d: Buffer) => this.tail.push(d.toString('utf8')));
		child.stderr?.on('data', (d: Buffer) => this.tail.push(d.toString('utf8')));
		this.exited = new Promise((resolve) => {
			child.once('error', () => resolve(null));
			child.once('exit', (code) => {
				this.done = true;
				resolve(code);
			});
		});
		liveServices.add(this);
		void this.exited.then(() => liveServices.delete(this));
		// When the test process dies without stop(), the group gets SIGTERM, then SIGKILL.
		guardLifetime(n8nPaths(), child);
	}

	static start(name: string, command: string, args: string[], env?: NodeJS.ProcessEnv): ServiceProcess {
		const child = spawn(command, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		return new ServiceProcess(name, child);
	}

	get running(): boolean {
		return !this.done;
	}

	/** `signal` to `pid` (default the child), SIGKILL to the whole group after `graceMs`. */
	async stop(signal: NodeJS.Signals, options: { pid?: number; graceMs?: number } = {}): Promise<void> {
		if (this.done) return;
		try {
			process.kill(options.pid ?? this.child.pid ?? -1, signal);
		} catch {
			// already gone
		}
		let timer: NodeJS.Timeout | undefined;
		const graceful = await Promise.race([
			this.exited.then(() => true),
			new Promise<false>((resolve) => {
				timer = setTimeout(() => resolve(false), options.graceMs ?? 10_000);
			}),
		]);
		clearTimeout(timer);
		if (!graceful) {
			killGroup(this.child, 'SIGKILL');
			await this.exited;
		}
	}
}

const liveServices = new Set<ServiceProcess>();
process.once('exit', () => {
	for (const service of liveServices) killGroup(service.child, 'SIGKILL');
});

/** Sends PING over the Redis protocol; true on +PONG. */
function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: HOST, port });
		let answer = '';
		const finish = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => finish(false));
		socket.once('error', () => finish(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.on('data', (d: Buffer) => {
			answer += d.toString('utf8');
			if (answer.includes('\r\n')) finish(answer.startsWith('+PONG'));
		});
	});
}

export interface QueueServicesOptions {
	/** Database n8n uses; default `n8n`. */
	database?: string;
}

export interface QueueServices {
	readonly redis: { host: string; port: number };
	readonly postgres: { host: string; port: number; user: string; database: string };
	/** Milliseconds: apt-get (0 when nothing was missing), Redis start, PostgreSQL initdb + start + createdb. */
	readonly timings: { aptMs: number; redisMs: number; postgresMs: number };
	/** Packages apt-get installed in this call (empty when they were there). */
	readonly installed: string[];
	/** The environment that puts an n8n process in queue mode on these services. */
	n8nEnv(): Record<string, string>;
	/** Last lines of a service's output, for error messages. */
	logs(service: 'redis' | 'postgres'): string;
	/** Stops both (PostgreSQL fast shutdown, Redis SIGTERM) and removes their folders. Idempotent. */
	stop(): Promise<void>;
}

async function startRedis(dir: string): Promise<{ port: number; process: ServiceProcess }> {
	const port = await freePort();
	const redis = ServiceProcess.start('redis', REDIS_SERVER, [
		'--port', String(port),
		'--bind', HOST,
		'--protected-mode', 'yes',
		'--dir', dir,
		'--save', '',
		'--appendonly', 'no',
		'--daemonize', 'no',
		'--logfile', '',
	]);
	try {
		await waitFor(
			async () => {
				if (!redis.running) throw new Error(`redis-server exited\n${redis.tail.last(40)}`);
				return await redisPing(port);
			},
			20_000,
			{ description: `redis-server on ${HOST}:${port}`, intervalMs: 100, stopOn: (e) => /exited/.test(String(e)) },
		);
	} catch (error) {
		await redis.stop('SIGKILL', { graceMs: 2000 });
		throw error;
	}
	return { port, process: redis };
}

async function startPostgres(dir: string, database: string): Promise<{ port: number; process: ServiceProcess; postmasterPid: () => number | undefined }> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb)');
	// PostgreSQL refuses to run as root: as root, run it as the `postgres` user of the Debian package.
	const asUser = isRoot() ? osUser('postgres') : undefined;
	if (isRoot() && !asUser) throw new Error('There is no `postgres` OS user (the postgresql package creates it)');
	const data = path.join(dir, 'data');
	const sockets = path.join(dir, 'sockets');
	fs.mkdirSync(sockets);
	if (asUser) {
		fs.chownSync(dir, asUser.uid, asUser.gid);
		fs.chownSync(sockets, asUser.uid, asUser.gid);
	}
	const as = (command: string, args: string[]): [string, string[]] => (asUser ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);
	// A clean environment: no PG* variables from the caller, no locale surprises.
	const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C', LC_ALL: 'C' };

	await checked(...as(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '--no-locale', '-E', 'UTF8']), { env, timeoutMs: 120_000 });
	const port = await freePort();
	const postgres = ServiceProcess.start(
		'postgres',
		...as(path.join(bin, 'postgres'), [
			'-D', data,
			'-p', String(port),
			'-c', `listen_addresses=${HOST}`,
			'-c', `unix_socket_directories=${sockets}`,
			'-c', 'fsync=off',
			'-c', 'synchronous_commit=off',
			'-c', 'full_page_writes=off',
			'-c', 'max_connections=100',
		]),
		env,
	);
	const postmasterPid = (): number | undefined => {
		try {
			const pid = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
			return Number.isInteger(pid) && pid > 0 ? pid : undefined;
		} catch {
			return undefined;
		}
	};
	try {
		await waitFor(
			async () => {
				if (!postgres.running) throw new Error(`postgres exited\n${postgres.tail.last(40)}`);
				const ready = await run(path.join(bin, 'pg_isready'), ['-h', HOST, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-t', '1'], { env, timeoutMs: 5000 });
				return ready.code === 0;
			},
			60_000,
			{ description: `PostgreSQL on ${HOST}:${port}`, intervalMs: 200, stopOn: (e) => /exited/.test(String(e)) },
		);
		await checked(path.join(bin, 'createdb'), ['-h', HOST, '-p', String(port), '-U', 'postgres', database], { env, timeoutMs: 30_000 });
	} catch (error) {
		await postgres.stop('SIGQUIT', { pid: postmasterPid(), graceMs: 2000 });
		throw new Error(`${(error as Error).message}\n--- postgres output ---\n${postgres.tail.last(40)}`);
	}
	return { port, process: postgres, postmasterPid };
}

/**
 * Makes sure redis-server and postgresql are installed (see ensureQueuePackages), then starts a private Redis
 * and a private PostgreSQL with an empty database for n8n. Call stop() in afterAll.
 */
export async function ensureQueueServices(options: QueueServicesOptions = {}): Promise<QueueServices> {
	const database = options.database ?? 'n8n';
	const apt = await ensureQueuePackages();
	// /tmp, not the run folder: the postgres user must be able to reach its data folder (mktemp -d folders are 0700).
	const base = fs.mkdtempSync(path.join(fs.existsSync('/tmp') ? '/tmp' : os.tmpdir(), 'n8n-e2e-queue-'));
	fs.chmodSync(base, 0o755);
	const redisDir = path.join(base, 'redis');
	const pgDir = path.join(base, 'postgres');
	fs.mkdirSync(redisDir);
	fs.mkdirSync(pgDir, { mode: 0o700 });

	let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
	let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined;
	let stopped = false;
	const stop = async (): Promise<void> => {
		if (stopped) return;
		stopped = true;
		await Promise.all([
			// SIGINT = PostgreSQL's fast shutdown (n8n's pooled connections would hold up SIGTERM's smart one).
			postgres?.process.stop('SIGINT', { pid: postgres.postmasterPid(), graceMs: 15_000 }),
			redis?.process.stop('SIGTERM', { graceMs: 10_000 }),
		]);
		if (process.env.N8N_E2E_KEEP !== '1') fs.rmSync(base, { recursive: true, force: true });
	};

	const timings = { aptMs: apt.durationMs, redisMs: 0, postgresMs: 0 };
	try {
		const timed = async <T>(key: 'redisMs' | 'postgresMs', task: () => Promise<T>): Promise<T> => {
			const started = Date.now();
			const value = await task();
			timings[key] = Date.now() - started;
			return value;
		};
		const [r, p] = await Promise.allSettled([
			timed('redisMs', () => startRedis(redisDir)),
			timed('postgresMs', () => startPostgres(pgDir, database)),
		]);
		if (r.status === 'fulfilled') redis = r.value;
		if (p.status === 'fulfilled') postgres = p.value;
		if (r.status === 'rejected') throw r.reason;
		if (p.status === 'rejected') throw p.reason;
	} catch (error) {
		await stop();
		throw error;
	}
	const redisPort = redis!.port;
	const pgPort = postgres!.port;
	return {
		redis: { host: HOST, port: redisPort },
		postgres: { host: HOST, port: pgPort, user: 'postgres', database },
		timings,
		installed: apt.installed,
		n8nEnv: () => ({
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: HOST,
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: HOST,
			DB_POSTGRESDB_PORT: String(pgPort),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: 'postgres',
			// Trust authentication on loopback: the password is not checked.
			DB_POSTGRESDB_PASSWORD: 'unused',
		}),
		logs: (service) => (service === 'redis' ? redis!.process.tail.last(40) : postgres!.process.tail.last(40)),
		stop,
	};
}

// ------------------------------------------------------------------------------------------- n8n main + workers

export interface QueueN8nOptions {
	/** Label for folder names, e.g. the suite name. */
	name?: string;
	/** Number of workers (default 2). */
	workers?: number;
	/** `n8n worker --concurrency` (default 1: one execution at a time per worker). */
	concurrency?: number;
	/** Extra environment for every process (main and workers). */
	env?: Record<string, string | undefined>;
	/** Extra environment for the main only. */
	mainEnv?: Record<string, string | undefined>;
}

export type ProcessName = 'main' | `worker-${number}`;

export interface QueueN8n {
	/** The main (`n8n start`): editor, REST and public API, webhooks; CLI commands (imports) go through it. */
	readonly main: N8nInstance;
	/** The workers, `worker-1` … in order. Each is an N8nInstance whose port is its health-check port. */
	readonly workers: N8nInstance[];
	/** Starts the main and the workers in parallel; resolves when all answer /healthz/readiness. */
	start(options?: { timeoutMs?: number }): Promise<{ mainMs: number; workersMs: number[] }>;
	/** Which process ran an execution, from the logs (undefined: not seen yet). */
	ranOn(executionId: string): ProcessName | undefined;
	/** Execution ids the main handed to the queue ("Enqueued execution <id>"). */
	enqueued(): string[];
	/** Waits until the logs say who ran the execution. */
	waitForRunner(executionId: string, timeoutMs?: number): Promise<ProcessName>;
	/** Waits for a log message (whole log file, not only the last lines) of one process; resolves with it. */
	waitForLog(process: ProcessName, pattern: RegExp, timeoutMs?: number): Promise<string>;
	/** Stops all processes (workers first, so that none is left waiting for the main) and deletes their folders. */
	dispose(): Promise<void>;
}

function readLog(instance: N8nInstance): string {
	if (!instance.logPath) return '';
	try {
		return fs.readFileSync(instance.logPath, 'utf8');
	} catch {
		return '';
	}
}

/** Messages of n8n's JSON log lines (N8N_LOG_FORMAT=json). */
function logMessages(text: string): string[] {
	const messages: string[] = [];
	for (const line of text.split('\n')) {
		if (!line.startsWith('{')) continue;
		try {
			const entry = JSON.parse(line) as { message?: unknown };
			if (typeof entry.message === 'string') messages.push(entry.message);
		} catch {
			// a line cut in two by a flush; the next read has it whole
		}
	}
	return messages;
}

function idsFrom(messages: string[], pattern: RegExp): string[] {
	return messages.map((m) => pattern.exec(m)?.[1]).filter((id): id is string => id !== undefined);
}

/**
 * One n8n main and `workers` workers on the services, each in its own copy of the harness's template folder
 * (the package installed like n8n's installer does), all with the harness's encryption key and owner.
 */
export async function createQueueN8n(services: QueueServices, options: QueueN8nOptions = {}): Promise<QueueN8n> {
	const name = options.name ?? 'queue';
	const count = options.workers ?? 2;
	const concurrency = options.concurrency ?? 1;
	const queueEnv = { ...services.n8nEnv(), ...options.env };
	const created: N8nInstance[] = [];
	try {
		// The main runs manual executions itself (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS unset); at debug level it logs
		// "Execution for workflow … was assigned id <id>" for each execution it runs in its own process.
		const main = await createN8nInstance({ name: `${name}-main`, env: { N8N_LOG_LEVEL: 'debug', ...queueEnv, ...options.mainEnv } });
		created.push(main);
		const workers: N8nInstance[] = [];
		for (let i = 1; i <= count; i++) {
			const port = await freePort();
			const worker = await createN8nInstance({
				name: `${name}-worker${i}`,
				port,
				env: {
					...queueEnv,
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(port),
					N8N_WORKER_SERVER_ADDRESS: HOST,
				},
			});
			created.push(worker);
			workers.push(worker);
		}
		const workerName = (i: number): ProcessName => `worker-${i + 1}`;

		const ranOn = (executionId: string): ProcessName | undefined => {
			for (let i = 0; i < workers.length; i++) {
				if (idsFrom(logMessages(readLog(workers[i])), /^Worker started execution (\d+) /).includes(executionId)) return workerName(i);
			}
			if (idsFrom(logMessages(readLog(main)), /^Execution for workflow .* was assigned id (\d+)$/).includes(executionId)) return 'main';
			return undefined;
		};

		return {
			main,
			workers,
			async start(startOptions = {}) {
				const timeoutMs = startOptions.timeoutMs ?? 180_000;
				const startedAt = Date.now();
				const mainMs = main.start({ timeoutMs }).then(() => Date.now() - startedAt);
				const workersMs = workers.map((w) => w.start({ timeoutMs, args: ['worker', `--concurrency=${concurrency}`] }).then(() => Date.now() - startedAt));
				const all = await Promise.allSettled([mainMs, ...workersMs]);
				const failed = all.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
				if (failed.length) throw new Error(failed.map((f) => (f.reason as Error).message).join('\n\n'));
				const [m, ...ws] = all.map((r) => (r as PromiseFulfilledResult<number>).value);
				return { mainMs: m, workersMs: ws };
			},
			ranOn,
			enqueued: () => idsFrom(logMessages(readLog(main)), /^Enqueued execution (\d+) /),
			async waitForRunner(executionId, timeoutMs = 30_000) {
				return await waitFor(() => ranOn(executionId), timeoutMs, { description: `the process that ran execution ${executionId}`, intervalMs: 200 });
			},
			async waitForLog(processName, pattern, timeoutMs = 30_000) {
				const index = processName === 'main' ? -1 : Number(processName.slice('worker-'.length)) - 1;
				const instance = index < 0 ? main : workers[index];
				if (!instance) throw new Error(`No process ${processName}`);
				return await waitFor(() => logMessages(readLog(instance)).find((m) => pattern.test(m)), timeoutMs, {
					description: `${processName} log message ${pattern}`,
					intervalMs: 200,
				});
			},
			async dispose() {
				await Promise.allSettled(workers.map((w) => w.dispose()));
				await main.dispose();
			},
		};
	} catch (error) {
		await Promise.allSettled(created.map((instance) => instance.dispose()));
		throw error;
	}
}
