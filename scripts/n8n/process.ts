import { spawn, type ChildProcess } from 'node:child_process';

import type { N8nPaths } from '../n8n-env';
import { LineTail, readableLog } from './util';

// Every n8n process we spawn runs in its own process group (detached), so that a hard kill also takes its
// task-runner child. The set is a safety net for a test file that forgets stop()/dispose().
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function track(child: ChildProcess): void {
	live.add(child);
	child.once('exit', () => live.delete(child));
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.once('exit', () => {
			for (const c of live) killGroup(c, 'SIGKILL');
		});
	}
}

/** Signals the child's process group (the child and what it spawned); ignores already-gone processes. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}

// Runs next to a long-lived n8n (start): when the test process disappears without stopping it (killed,
// Ctrl-C, crash), it stops that n8n's process group: SIGTERM, SIGKILL 10 s later. Exits when n8n is gone.
const WATCHDOG = `
const [owner, group] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const signal = (sig) => { try { process.kill(-group, sig); } catch {} };
const timer = setInterval(() => {
  if (!alive(group)) process.exit(0);
  if (alive(owner)) return;
  clearInterval(timer);
  signal('SIGTERM');
  setTimeout(() => { signal('SIGKILL'); process.exit(0); }, 10000);
}, 1000);
`;

/** Ties a detached n8n's lifetime to this (test) process; see WATCHDOG. */
export function guardLifetime(paths: N8nPaths, child: ChildProcess): void {
	if (child.pid === undefined) return;
	const watchdog = spawn(paths.nodeBin, ['-e', WATCHDOG, String(process.pid), String(child.pid)], {
		detached: true,
		stdio: 'ignore',
		env: { PATH: '/usr/bin:/bin' },
	});
	watchdog.unref();
}

export interface SpawnedN8n {
	child: ChildProcess;
	tail: LineTail;
	/** Everything the process printed (stdout and stderr interleaved) when `keepOutput`. */
	output(): string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnN8n(
	paths: N8nPaths,
	args: string[],
	env: Record<string, string>,
	options: { cwd: string; keepOutput?: boolean; onLine?: (line: string) => void },
): SpawnedN8n {
	const child = spawn(paths.nodeBin, [paths.n8nBin, ...args], {
		cwd: options.cwd,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	track(child);
	const tail = new LineTail();
	const chunks: string[] = [];
	let partial = '';
	const onData = (data: Buffer): void => {
		const text = data.toString('utf8');
		tail.push(text);
		if (options.keepOutput) chunks.push(text);
		if (options.onLine) {
			const parts = (partial + text).split('\n');
			partial = parts.pop() ?? '';
			for (const line of parts) options.onLine(line);
		}
	};
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	// 'close' waits for the pipes, which a leftover grandchild could hold open: wait for it at most 2 s.
	const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
		child.once('error', () => resolve({ code: null, signal: null }));
		child.once('exit', (code, signal) => {
			const timer = setTimeout(() => resolve({ code, signal }), 2000);
			void closed.then(() => {
				clearTimeout(timer);
				resolve({ code, signal });
			});
		});
	});
	return { child, tail, output: () => chunks.join(''), exited };
}

export interface CommandResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	output: string;
	durationMs: number;
}

export class N8nCommandError extends Error {
	constructor(
		message: string,
		readonly result: CommandResult,
	) {
		super(message);
		this.name = 'N8nCommandError';
	}
}

/** Message body with the last lines of n8n's output, JSON log lines shortened to "level: message". */
export function withTail(message: string, output: string, lines = 40): string {
	const tail = readableLog(output.split('\n').slice(-lines).join('\n'));
	return `${message}\n--- last ${lines} lines of n8n output ---\n${tail}`;
}

/**
 * Runs one n8n CLI command to completion. Rejects on timeout; resolves with the exit code otherwise
 * (callers decide what a non-zero code means: `execute` exits 1 when a node fails).
 */
export async function runN8nCommand(
	paths: N8nPaths,
	args: string[],
	env: Record<string, string>,
	options: { cwd: string; timeoutMs: number },
): Promise<CommandResult> {
	const started = Date.now();
	const proc = spawnN8n(paths, args, env, { cwd: options.cwd, keepOutput: true });
	let timer: NodeJS.Timeout | undefined;
	const timedOut = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
	});
	const outcome = await Promise.race([proc.exited, timedOut]);
	clearTimeout(timer);
	if (outcome === 'timeout') {
		killGroup(proc.child, 'SIGKILL');
		await proc.exited;
		const result = { code: null, signal: 'SIGKILL' as const, output: proc.output(), durationMs: Date.now() - started };
		throw new N8nCommandError(withTail(`n8n ${args.join(' ')} timed out after ${options.timeoutMs} ms`, result.output), result);
	}
	return { ...outcome, output: proc.output(), durationMs: Date.now() - started };
}
