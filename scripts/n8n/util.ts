import * as net from 'node:net';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface WaitForOptions {
	/** Poll interval, default 250 ms. */
	intervalMs?: number;
	/** Included in the timeout error. */
	description?: string;
	/** An error from the predicate for which waiting is pointless (e.g. the process died): rethrown at once. */
	stopOn?: (error: unknown) => boolean;
}

/**
 * Polls `predicate` until it returns a truthy value and resolves with that value. Exceptions from the
 * predicate count as "not yet"; the last one is quoted in the timeout error.
 */
export async function waitFor<T>(
	predicate: () => T | Promise<T>,
	timeoutMs: number,
	options: WaitForOptions = {},
): Promise<NonNullable<T>> {
	const interval = options.intervalMs ?? 250;
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await predicate();
			if (value) return value as NonNullable<T>;
			lastError = undefined;
		} catch (error) {
			if (options.stopOn?.(error)) throw error;
			lastError = error;
		}
		if (Date.now() >= deadline) {
			const what = options.description ?? 'condition';
			const why = lastError ? `; last error: ${(lastError as Error).message ?? String(lastError)}` : '';
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${why}`);
		}
		await sleep(Math.min(interval, Math.max(0, deadline - Date.now())));
	}
}

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Keeps the last `max` lines of a stream of chunks, for error messages. */
export class LineTail {
	private lines: string[] = [];

	private partial = '';

	constructor(private readonly max = 400) {}

	push(chunk: string): void {
		const parts = (this.partial + chunk).split('\n');
		this.partial = parts.pop() ?? '';
		for (const line of parts) this.lines.push(line);
		if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
	}

	last(count = 40): string {
		const all = this.partial ? [...this.lines, this.partial] : this.lines;
		return all.slice(-count).join('\n');
	}
}

/** Shortens n8n's JSON log lines to "level message" so error tails stay readable. */
export function readableLog(text: string): string {
	return text
		.split('\n')
		.map((line) => {
			if (!line.startsWith('{')) return line;
			try {
				const entry = JSON.parse(line) as { level?: string; message?: unknown };
				const message = typeof entry.message === 'string' ? entry.message : JSON.stringify(entry.message);
				return `${entry.level ?? '?'}: ${message.length > 2000 ? `${message.slice(0, 2000)}…` : message}`;
			} catch {
				return line;
			}
		})
		.join('\n');
}
