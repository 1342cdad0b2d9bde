/**
 * One writer at a time per key within this process: two executions in one n8n process that would write the same
 * record (an invoice, a booking, a payment) take turns; across processes the write's own check settles it.
 */
const inFlight = new Map<string, Promise<unknown>>();

/**
 * Runs `task` only after any other task with the same key in this process has finished, so that two executions
 * in one n8n process do not both write. (Across processes the read-back after the write settles it.) The task
 * is told whether it waited: then the other one may just have written, and what the run cached is stale.
 */
export async function withKeyLock<T>(key: string, task: (waited: boolean) => Promise<T>): Promise<T> {
	const previous = inFlight.get(key);
	const run = (previous ?? Promise.resolve()).catch(() => undefined).then(() => task(previous !== undefined));
	const settled = run.catch(() => undefined);
	inFlight.set(key, settled);
	try {
		return await run;
	} finally {
		if (inFlight.get(key) === settled) inFlight.delete(key);
	}
}
