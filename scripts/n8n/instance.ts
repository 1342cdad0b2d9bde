import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT, n8nPaths, n8nProcessEnv, type N8nPaths } from '../n8n-env';
import { guardLifetime, killGroup, runN8nCommand, spawnN8n, withTail, type CommandResult, type SpawnedN8n } from './process';
import { ENCRYPTION_KEY, OWNER, ensureTemplate, runDir, type TemplateInfo } from './template';
import { freePort, waitFor, type WaitForOptions } from './util';
import { parseExecuteOutput, runResult, toExecuteResult, type ExecuteResult, type N8nRunError, type NodeRun, type RunResult } from './execute-output';

export interface N8nInstanceOptions {
	/** Label for the user folder name and error messages, e.g. the suite name. */
	name?: string;
	/** Package to install, default the repo root (must be built). */
	packageDir?: string;
	/** Extra environment for every n8n process of this instance; an undefined value removes a variable. */
	env?: Record<string, string | undefined>;
	/** Timeout for one CLI command (import, execute, export, publish). Default 120 s. */
	commandTimeoutMs?: number;
	/** Port of the editor/REST server; default a free one. */
	port?: number;
}

/** A credential as `n8n import:credentials` takes it: `data` is plain JSON and gets encrypted on import. */
export interface CredentialInput {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowNodeInput {
	name: string;
	type: string;
	typeVersion?: number;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	id?: string;
	position?: [number, number];
	[key: string]: unknown;
}

export interface WorkflowInput {
	/** At most 21 characters (n8n's id check); generated when absent. */
	id?: string;
	name?: string;
	nodes: WorkflowNodeInput[];
	connections?: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface ExportedCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
	[key: string]: unknown;
}

/** An execution as the public API (`/api/v1/executions`) returns it. */
export interface PublicExecution {
	id: string;
	status: 'canceled' | 'crashed' | 'error' | 'new' | 'running' | 'success' | 'unknown' | 'waiting';
	finished: boolean;
	mode: string;
	workflowId: string;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: N8nRunError;
			lastNodeExecuted?: string;
		};
		[key: string]: unknown;
	};
	[key: string]: unknown;
}

/** A finished REST run: the execution as the public API returns it, plus the same helpers as execute(). */
export interface ManualRunResult extends RunResult {
	executionId: string;
	execution: PublicExecution;
	durationMs: number;
}

/** The answer of the credential "Test" button (`POST /rest/credentials/test`). */
export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

const WORKFLOW_ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function newId(length = 16): string {
	let id = '';
	for (let i = 0; i < length; i++) id += WORKFLOW_ID_CHARS[Math.floor(Math.random() * WORKFLOW_ID_CHARS.length)];
	return id;
}

/** Connections for nodes that run one after the other: linearConnections('Start', 'Set', 'Exact'). */
export function linearConnections(...names: string[]): Record<string, unknown> {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < names.length; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

class ExitedError extends Error {}

/** Creates a per-suite n8n: copies the run's template user folder (building it on first use). */
export async function createN8nInstance(options: N8nInstanceOptions = {}): Promise<N8nInstance> {
	const paths = n8nPaths();
	const template = await ensureTemplate(options.packageDir ?? REPO_ROOT, paths);
	const label = (options.name ?? 'suite').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40);
	const instancesDir = path.join(runDir(), 'instances');
	fs.mkdirSync(instancesDir, { recursive: true });
	const userFolder = fs.mkdtempSync(path.join(instancesDir, `${label}-`));
	const copyStarted = Date.now();
	fs.cpSync(template.dir, userFolder, { recursive: true });
	const copyMs = Date.now() - copyStarted;
	return new N8nInstance(paths, template, userFolder, options.port ?? (await freePort()), options, copyMs);
}

export class N8nInstance {
	static readonly owner = { email: OWNER.email, password: OWNER.password };

	readonly baseUrl: string;

	/** Package name; node types are `${packageName}.${nodeName}`, credential types are unprefixed. */
	readonly packageName: string;

	/** Milliseconds, for reporting: how long copying the template took, and the last execute/start. */
	readonly timings: { copyMs: number; lastExecuteMs?: number; lastStartMs?: number };

	private server: SpawnedN8n | undefined;

	/** The log file of the running (or last) start(): `<userFolder>/n8n-start.log`, or `n8n-worker.log` for a worker. */
	logPath: string | undefined;

	private serverExit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

	private cookie: string | undefined;

	private cachedApiKey: string | undefined;

	private fileCounter = 0;

	constructor(
		readonly paths: N8nPaths,
		readonly template: TemplateInfo,
		/** N8N_USER_FOLDER of this instance (n8n's data is in `<userFolder>/.n8n`). */
		readonly userFolder: string,
		readonly port: number,
		private readonly options: N8nInstanceOptions,
		copyMs: number,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.packageName = template.packageName;
		this.timings = { copyMs };
	}

	/** `nodeType('exactOnlineApiRequest')` → `n8n-nodes-exact-outsmart.exactOnlineApiRequest`. */
	nodeType(nodeName: string): string {
		return `${this.packageName}.${nodeName}`;
	}

	get isRunning(): boolean {
		return this.server !== undefined && this.serverExit === undefined;
	}

	/** Process id of the running `start` (or worker), e.g. to sample its memory; undefined when stopped. */
	get pid(): number | undefined {
		return this.isRunning ? this.server?.child.pid : undefined;
	}

	// ---------------------------------------------------------------- CLI commands (work stopped or running)

	private async env(): Promise<Record<string, string>> {
		return n8nProcessEnv(
			{
				userFolder: this.userFolder,
				port: this.port,
				// Each process that runs workflows opens a task broker; a CLI command next to a running
				// `start` needs its own port.
				brokerPort: await freePort(),
				encryptionKey: ENCRYPTION_KEY,
				owner: { ...OWNER, passwordHash: this.template.ownerPasswordHash },
				extra: this.options.env,
			},
			this.paths,
		);
	}

	private async command(args: string[], timeoutMs = this.options.commandTimeoutMs ?? 120_000): Promise<CommandResult> {
		return await runN8nCommand(this.paths, args, await this.env(), { cwd: this.userFolder, timeoutMs });
	}

	private async checkedCommand(args: string[]): Promise<CommandResult> {
		const result = await this.command(args);
		if (result.code !== 0) {
			throw new Error(withTail(`n8n ${args.join(' ')} exited with ${result.code ?? result.signal}`, result.output));
		}
		return result;
	}

	private writeInput(prefix: string, value: unknown): string {
		const dir = path.join(this.userFolder, 'e2e-io');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${prefix}-${++this.fileCounter}.json`);
		fs.writeFileSync(file, JSON.stringify(value, null, 2));
		return file;
	}

	/** `n8n import:credentials`. Importing an existing id again replaces its data (use it to reset tokens). */
	async importCredentials(credentials: CredentialInput[]): Promise<void> {
		await this.checkedCommand(['import:credentials', `--input=${this.writeInput('credentials', credentials)}`]);
	}

	/**
	 * `n8n import:workflow` for one workflow or several; returns the ids in input order. Fills in what the
	 * import needs and tests rarely care about: id, name, node ids/positions/parameters, settings. Imported
	 * workflows are always inactive; see publishWorkflow().
	 */
	async importWorkflow(workflow: WorkflowInput): Promise<string>;
	async importWorkflow(workflows: WorkflowInput[]): Promise<string[]>;
	async importWorkflow(input: WorkflowInput | WorkflowInput[]): Promise<string | string[]> {
		const list = (Array.isArray(input) ? input : [input]).map((wf, w) => {
			const id = wf.id ?? newId();
			if (id.length > 21) throw new Error(`Workflow id "${id}" is longer than n8n's 21 characters`);
			return {
				name: `e2e ${id}`,
				active: false,
				connections: {},
				settings: { executionOrder: 'v1' },
				...wf,
				id,
				nodes: wf.nodes.map((node, i) => ({
					id: randomUUID(),
					typeVersion: 1,
					position: [i * 240, w * 200],
					parameters: {},
					...node,
				})),
			};
		});
		await this.checkedCommand(['import:workflow', `--input=${this.writeInput('workflows', list)}`]);
		const ids = list.map((wf) => wf.id);
		return Array.isArray(input) ? ids : ids[0];
	}

	/**
	 * `n8n execute --id=<id>`: runs the workflow from its Manual Trigger in a separate n8n process (works
	 * whether or not start() is running). Resolves also when a node failed (status 'error', `error` set);
	 * rejects only when n8n produced no run at all (unknown id, no Manual Trigger, crash), with n8n's output.
	 */
	async execute(workflowId: string, options: { timeoutMs?: number } = {}): Promise<ExecuteResult> {
		const result = await this.command(['execute', `--id=${workflowId}`, '--rawOutput'], options.timeoutMs);
		this.timings.lastExecuteMs = result.durationMs;
		const run = parseExecuteOutput(result.output);
		if (!run) {
			throw new Error(withTail(`n8n execute --id=${workflowId} produced no run data (exit ${result.code ?? result.signal})`, result.output));
		}
		return toExecuteResult(run, result);
	}

	/** `n8n export:workflow` for one workflow: as stored, with its static data (what triggers and Get Changes remember). */
	async exportWorkflow(id: string): Promise<WorkflowInput & { staticData?: unknown }> {
		const out = path.join(this.userFolder, 'e2e-io', `export-${++this.fileCounter}.json`);
		fs.mkdirSync(path.dirname(out), { recursive: true });
		await this.checkedCommand(['export:workflow', `--id=${id}`, `--output=${out}`]);
		const parsed = JSON.parse(fs.readFileSync(out, 'utf8')) as WorkflowInput | WorkflowInput[];
		const workflow = Array.isArray(parsed) ? parsed[0] : parsed;
		if (!workflow) throw new Error(`export:workflow --id=${id} returned nothing`);
		return workflow;
	}

	/** `n8n export:credentials --decrypted` for one credential: the plain data, including current OAuth tokens. */
	async exportCredential(id: string): Promise<ExportedCredential> {
		const out = path.join(this.userFolder, 'e2e-io', `export-${++this.fileCounter}.json`);
		fs.mkdirSync(path.dirname(out), { recursive: true });
		await this.checkedCommand(['export:credentials', `--id=${id}`, '--decrypted', `--output=${out}`]);
		const parsed = JSON.parse(fs.readFileSync(out, 'utf8')) as ExportedCredential | ExportedCredential[];
		const credential = Array.isArray(parsed) ? parsed[0] : parsed;
		if (!credential) throw new Error(`export:credentials --id=${id} returned nothing`);
		return credential;
	}

	/**
	 * Marks a workflow active (`n8n publish:workflow`). Only while stopped: a running n8n does not notice;
	 * use activateWorkflow() then. start() activates it (a polling trigger polls once right away).
	 */
	async publishWorkflow(id: string): Promise<void> {
		if (this.isRunning) throw new Error('publishWorkflow() needs a stopped n8n; use activateWorkflow() while running');
		// n8n 1.x has no publish:workflow; its (2.x-deprecated) update:workflow --active=true does the same.
		await this.checkedCommand(this.paths.line === 1 ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`]);
	}

	// ---------------------------------------------------------------- the server

	/**
	 * `n8n start`, resolved when /healthz/readiness answers 200. `args` runs another long-lived command instead,
	 * e.g. `['worker', '--concurrency=1']` for a queue-mode worker, whose health server must then listen on this
	 * instance's port (QUEUE_HEALTH_CHECK_ACTIVE=true, QUEUE_HEALTH_CHECK_PORT=port; see queue.ts). The output goes
	 * to `<userFolder>/n8n-<command>.log` (logPath) and logs()/waitForLog().
	 */
	async start(options: { timeoutMs?: number; args?: string[] } = {}): Promise<void> {
		if (this.isRunning) throw new Error('n8n is already running');
		const timeoutMs = options.timeoutMs ?? 120_000;
		const started = Date.now();
		const args = options.args ?? ['start'];
		const what = `n8n ${args.join(' ')}`;
		this.logPath = path.join(this.userFolder, `n8n-${args[0]}.log`);
		const logFile = fs.createWriteStream(this.logPath, { flags: 'a' });
		this.cookie = undefined;
		this.serverExit = undefined;
		const server = spawnN8n(this.paths, args, await this.env(), {
			cwd: this.userFolder,
			onLine: (line) => logFile.write(`${line}\n`),
		});
		this.server = server;
		guardLifetime(this.paths, server.child);
		void server.exited.then((exit) => {
			this.serverExit = exit;
			logFile.end();
		});
		try {
			await waitFor(
				async () => {
					if (this.serverExit) throw new ExitedError(`${what} exited with ${this.serverExit.code ?? this.serverExit.signal}`);
					const res = await fetch(`${this.baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
					return res.status === 200;
				},
				timeoutMs,
				{ description: 'n8n /healthz/readiness', intervalMs: 200, stopOn: (e) => e instanceof ExitedError },
			);
			// n8n 1.x answers readiness as soon as its HTTP server listens on a migrated DB: before its REST routes
			// exist (POST /rest/login is a 404 for a few seconds) and before active workflows are activated. It is
			// ready for use when it logs the editor URL, right after both.
			if (this.paths.line === 1 && args[0] === 'start') {
				await waitFor(
					() => {
						if (this.serverExit) throw new ExitedError(`${what} exited with ${this.serverExit.code ?? this.serverExit.signal}`);
						return server.tail.last(400).includes('Editor is now accessible via');
					},
					Math.max(1_000, timeoutMs - (Date.now() - started)),
					{ description: 'n8n to log "Editor is now accessible"', intervalMs: 100, stopOn: (e) => e instanceof ExitedError },
				);
			}
		} catch (error) {
			const message = `${what} did not become ready: ${(error as Error).message}`;
			await this.stop();
			throw new Error(withTail(message, server.tail.last(400)));
		}
		this.timings.lastStartMs = Date.now() - started;
	}

	/** SIGTERM, then SIGKILL (whole process group) after `graceMs` (default 20 s). No-op when stopped. */
	async stop(options: { graceMs?: number } = {}): Promise<void> {
		const server = this.server;
		if (!server || this.serverExit) return;
		server.child.kill('SIGTERM');
		let timer: NodeJS.Timeout | undefined;
		const graceful = await Promise.race([
			server.exited.then(() => true),
			new Promise<false>((resolve) => {
				timer = setTimeout(() => resolve(false), options.graceMs ?? 20_000);
			}),
		]);
		clearTimeout(timer);
		if (!graceful) {
			killGroup(server.child, 'SIGKILL');
			await server.exited;
		}
		this.cookie = undefined;
	}

	/**
	 * SIGKILL to n8n's process group at once, no shutdown: a crash, an OOM kill or a killed container. Executions
	 * in flight die where they are; the next start() finds them unfinished. No-op when stopped.
	 */
	async kill(): Promise<void> {
		const server = this.server;
		if (!server || this.serverExit) return;
		killGroup(server.child, 'SIGKILL');
		await server.exited;
		this.cookie = undefined;
	}

	/** stop() and delete the user folder (kept when N8N_E2E_KEEP=1, for debugging). */
	async dispose(): Promise<void> {
		await this.stop();
		if (process.env.N8N_E2E_KEEP === '1') return;
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}

	/** Last lines of the running (or last) `n8n start`, JSON log lines as they are. */
	logs(lines = 40): string {
		return this.server ? this.server.tail.last(lines) : '';
	}

	/** Resolves when a line of the `start` output matches (checks the last 400 lines, then new ones). */
	async waitForLog(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
		return await waitFor(
			() => this.logs(400).split('\n').find((line) => pattern.test(line)),
			timeoutMs,
			{ description: `n8n log line ${pattern}` },
		);
	}

	waitFor<T>(predicate: () => T | Promise<T>, timeoutMs: number, options?: WaitForOptions): Promise<NonNullable<T>> {
		return waitFor(predicate, timeoutMs, options);
	}

	// ---------------------------------------------------------------- HTTP (needs start())

	private requireRunning(what: string): void {
		if (!this.isRunning) throw new Error(`${what} needs a running n8n: call start() first`);
	}

	private async http(method: string, urlPath: string, headers: Record<string, string>, body?: unknown): Promise<Response> {
		const res = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		return res;
	}

	private async failed(method: string, urlPath: string, res: Response): Promise<Error> {
		const text = await res.text().catch(() => '');
		return new Error(`${method} ${urlPath} answered ${res.status}: ${text.slice(0, 2000)}`);
	}

	/**
	 * Logs in as the env-managed owner (n8n 1.x: the owner the template folder was set up with, see template.ts);
	 * returns the `n8n-auth=...` cookie (cached until stop).
	 */
	async login(): Promise<string> {
		this.requireRunning('login()');
		if (this.cookie) return this.cookie;
		const res = await this.http('POST', '/rest/login', {}, { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		if (!res.ok) throw await this.failed('POST', '/rest/login', res);
		const auth = res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error('POST /rest/login set no n8n-auth cookie');
		this.cookie = auth.split(';')[0];
		return this.cookie;
	}

	/**
	 * The internal REST API the editor uses (`/rest/...`), as the owner. Unwraps n8n's `{ data }` envelope.
	 * Internal: may change between n8n versions.
	 */
	async rest<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const cookie = await this.login();
		const full = urlPath.startsWith('/rest/') || urlPath.startsWith('/types/') ? urlPath : `/rest${urlPath}`;
		const res = await this.http(method, full, { cookie }, body);
		if (!res.ok) throw await this.failed(method, full, res);
		const json = (await res.json()) as { data?: T };
		return (json && typeof json === 'object' && 'data' in json ? json.data : json) as T;
	}

	/** An API key for the public API with every scope the owner may grant (created once per instance). */
	async apiKey(): Promise<string> {
		if (this.cachedApiKey) return this.cachedApiKey;
		const scopes = await this.rest<string[]>('GET', '/rest/api-keys/scopes');
		const created = await this.rest<{ rawApiKey: string }>('POST', '/rest/api-keys', {
			label: `e2e-${Date.now()}`,
			expiresAt: null,
			scopes,
		});
		this.cachedApiKey = created.rawApiKey;
		return this.cachedApiKey;
	}

	/** The public API (`/api/v1/...`) with an API key. Returns the JSON body as is. */
	async api<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
		this.requireRunning('api()');
		const key = await this.apiKey();
		const full = urlPath.startsWith('/api/') ? urlPath : `/api/v1${urlPath}`;
		const res = await this.http(method, full, { 'x-n8n-api-key': key }, body);
		if (!res.ok) throw await this.failed(method, full, res);
		return (await res.json()) as T;
	}

	/** Executions of a workflow, newest first, through the public API (follows pagination). */
	async listExecutions(workflowId: string, options: { includeData?: boolean; status?: string } = {}): Promise<PublicExecution[]> {
		const all: PublicExecution[] = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({ workflowId, includeData: String(options.includeData ?? true), limit: '100' });
			if (options.status) query.set('status', options.status);
			if (cursor) query.set('cursor', cursor);
			const page = await this.api<{ data: PublicExecution[]; nextCursor?: string | null }>('GET', `/executions?${query}`);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}

	async getExecution(executionId: string, includeData = true): Promise<PublicExecution> {
		return await this.api<PublicExecution>('GET', `/executions/${executionId}?includeData=${includeData}`);
	}

	/**
	 * Polls the public API until the execution is no longer new/running/waiting and its data is there. n8n 1.x
	 * writes the finished status and the run data in two statements: a read in between sees "success" with the
	 * empty data of the start (a busy CI machine showed it), so a finished execution without any node run or error
	 * is read again, for up to two seconds, before it is taken as it is.
	 */
	async waitForExecution(executionId: string, timeoutMs = 60_000): Promise<PublicExecution> {
		let finishedAt: number | undefined;
		return await waitFor(
			async () => {
				const execution = await this.getExecution(executionId);
				if (['new', 'running', 'waiting'].includes(execution.status)) return undefined;
				const result = execution.data?.resultData;
				if (result?.error || Object.keys(result?.runData ?? {}).length) return execution;
				finishedAt ??= Date.now();
				return Date.now() - finishedAt >= 2_000 ? execution : undefined;
			},
			timeoutMs,
			{ description: `execution ${executionId} to finish`, intervalMs: 300 },
		);
	}

	/** Activate / deactivate a workflow in a running n8n (public API). Activation polls a poll trigger once. */
	async activateWorkflow(id: string): Promise<void> {
		await this.api('POST', `/workflows/${id}/activate`);
	}

	async deactivateWorkflow(id: string): Promise<void> {
		await this.api('POST', `/workflows/${id}/deactivate`);
	}

	/**
	 * What the editor's "Execute workflow" / "Fetch test event" does: `POST /rest/workflows/<id>/run` with
	 * `triggerToStartFrom`; returns the execution id without waiting. The workflow must be imported; it need
	 * not be active. A polling trigger runs poll() once, in mode 'manual'.
	 */
	async startManualRun(workflowId: string, triggerName: string, options: { data?: Record<string, unknown> } = {}): Promise<string> {
		const triggerToStartFrom = options.data ? { name: triggerName, data: options.data } : { name: triggerName };
		// n8n 1.x runs the workflow the editor sends along (`workflowData`), as stored: read it first.
		const body =
			this.paths.line === 1
				? { workflowData: await this.rest<Record<string, unknown>>('GET', `/rest/workflows/${workflowId}`), triggerToStartFrom }
				: { triggerToStartFrom };
		const result = await this.rest<{ executionId?: string }>('POST', `/rest/workflows/${workflowId}/run`, body);
		if (!result?.executionId) throw new Error(`POST /rest/workflows/${workflowId}/run started no execution: ${JSON.stringify(result)}`);
		return result.executionId;
	}

	/**
	 * startManualRun() and wait for the execution to finish. The result has the same status/runData/error/
	 * json() as execute(), in well under a second instead of a CLI process of several seconds, so suites
	 * that start n8n anyway can use it for every run (mode 'manual' instead of 'cli').
	 */
	async runManualTrigger(
		workflowId: string,
		triggerName: string,
		options: { data?: Record<string, unknown>; timeoutMs?: number } = {},
	): Promise<ManualRunResult> {
		const started = Date.now();
		const executionId = await this.startManualRun(workflowId, triggerName, options);
		const execution = await this.waitForExecution(executionId, options.timeoutMs);
		return {
			...runResult(execution.status, execution.data?.resultData ?? {}),
			executionId,
			execution,
			durationMs: Date.now() - started,
		};
	}

	/**
	 * The credential "Test" button: `POST /rest/credentials/test` with `{ credentials: { id, name, type, data } }`.
	 * Without `data` the stored credential is tested: like the editor, the harness reads it with
	 * `GET /rest/credentials/<id>?includeData=true` (secrets come back redacted and n8n restores them).
	 * With `data`, those fields override the stored ones (unsaved edits in the dialog).
	 */
	async testCredential(id: string, options: { data?: Record<string, unknown> } = {}): Promise<CredentialTestResult> {
		const stored = await this.rest<{ id: string; name: string; type: string; data?: Record<string, unknown> }>(
			'GET',
			`/rest/credentials/${id}?includeData=true`,
		);
		return await this.rest<CredentialTestResult>('POST', '/rest/credentials/test', {
			credentials: { id: stored.id, name: stored.name, type: stored.type, data: { ...stored.data, ...options.data } },
		});
	}

	/** Node type descriptions n8n serves to the editor (`/types/nodes.json`). */
	async nodeTypes(): Promise<Array<{ name: string; displayName: string; version: number | number[]; [key: string]: unknown }>> {
		return await this.rest('GET', '/types/nodes.json');
	}

	/** Credential type descriptions n8n serves to the editor (`/types/credentials.json`). */
	async credentialTypes(): Promise<Array<{ name: string; displayName: string; [key: string]: unknown }>> {
		return await this.rest('GET', '/types/credentials.json');
	}
}

