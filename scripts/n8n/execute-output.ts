import type { CommandResult } from './process';

/** The run object `n8n execute` logs (IRun, as JSON). Only the parts tests read are typed. */
export interface N8nRun {
	status?: string;
	finished?: boolean;
	mode?: string;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: N8nRunError;
			lastNodeExecuted?: string;
		};
		[key: string]: unknown;
	};
	[key: string]: unknown;
}

export interface NodeRun {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	data?: { main?: Array<Array<{ json: Record<string, unknown>; [key: string]: unknown }> | null> };
	error?: N8nRunError;
	[key: string]: unknown;
}

export interface N8nRunError {
	message: string;
	description?: string | null;
	name?: string;
	httpCode?: string | null;
	node?: { name: string; type: string; [key: string]: unknown };
	stack?: string;
	[key: string]: unknown;
}

/** What tests read from a finished run, whether it came from `n8n execute` or from the REST API. */
export interface RunResult {
	/** 'success' or 'error' (n8n's run status). */
	status: string;
	/** Per node name: one entry per run of that node. */
	runData: Record<string, NodeRun[]>;
	/** The workflow error when a node failed (message, description, node.name, httpCode, ...). */
	error: N8nRunError | undefined;
	lastNodeExecuted: string | undefined;
	/** Items' `json` of a node's output: json('Set'), json('IF', { output: 1 }), json('Loop', { run: 2 }). */
	json(nodeName: string, options?: { run?: number; output?: number }): Array<Record<string, unknown>>;
}

/** `n8n execute` result. */
export interface ExecuteResult extends RunResult {
	/** The whole run object n8n printed. */
	raw: N8nRun;
	/**
	 * 0 on success, 1 when a node failed. n8n 2.41.1 often dies with SIGSEGV (exitCode null, signal
	 * 'SIGSEGV') after printing a failed run, with the default 'vm' expression engine; the run is complete.
	 */
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	durationMs: number;
	/** Everything n8n printed (JSON log lines), for debugging. */
	output: string;
}

export function runResult(
	status: string | undefined,
	resultData: { runData?: Record<string, NodeRun[]>; error?: N8nRunError; lastNodeExecuted?: string },
): RunResult {
	const runData = resultData.runData ?? {};
	return {
		status: status ?? (resultData.error ? 'error' : 'success'),
		runData,
		error: resultData.error,
		lastNodeExecuted: resultData.lastNodeExecuted,
		json(nodeName, options = {}) {
			const runs = runData[nodeName];
			if (!runs) throw new Error(`Node "${nodeName}" did not run; nodes that ran: ${Object.keys(runData).join(', ') || 'none'}`);
			const nodeRun = runs[options.run ?? 0];
			if (!nodeRun) throw new Error(`Node "${nodeName}" has no run ${options.run ?? 0} (it ran ${runs.length} times)`);
			if (nodeRun.error) throw new Error(`Node "${nodeName}" failed: ${nodeRun.error.message}`);
			return (nodeRun.data?.main?.[options.output ?? 0] ?? []).map((item) => item.json);
		},
	};
}

/**
 * Finds the run in `n8n execute` output. With N8N_LOG_FORMAT=json every stdout line is a JSON log entry;
 * the run is the entry whose `message` is itself JSON with `data.resultData` (same for success and failure).
 */
export function parseExecuteOutput(output: string): N8nRun | undefined {
	for (const line of output.split('\n')) {
		if (!line.startsWith('{')) continue;
		let entry: { message?: unknown };
		try {
			entry = JSON.parse(line) as { message?: unknown };
		} catch {
			continue;
		}
		if (typeof entry.message !== 'string' || !entry.message.startsWith('{')) continue;
		try {
			const run = JSON.parse(entry.message) as N8nRun;
			if (run?.data?.resultData) return run;
		} catch {
			// another JSON-looking message
		}
	}
	return undefined;
}

export function toExecuteResult(run: N8nRun, command: CommandResult): ExecuteResult {
	return {
		...runResult(run.status, run.data.resultData),
		raw: run,
		exitCode: command.code,
		signal: command.signal,
		durationMs: command.durationMs,
		output: command.output,
	};
}
