/**
 * Polls of a trigger in an active workflow of an n8n that can restart, on top of runPoll (./context).
 */
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { runPoll, type NodeRun, type RunOptions } from './context';

/**
 * A polling trigger in an active workflow, with its static data kept the way n8n 2.41 keeps it (default setup):
 * in memory between polls, and written to the database only
 * - when a poll emits (returns items): the poll context's `__emit` calls WorkflowStaticDataService.saveStaticData
 *   (n8n/dist/workflows/triggers/trigger-execution-context.factory.js, getExecutePollFunctions). A poll that returns
 *   null saves nothing (n8n-core/dist/execution-engine/poll-trigger-executor.js: null only commits a durable poll
 *   cursor, which is off unless N8N_POLLER_DURABLE_CURSORS_ENABLED and the scheduler are on);
 * - after activation, whose first poll runs inside it (n8n-core/dist/execution-engine/active-workflow-triggers.js,
 *   activatePollTrigger; then n8n/dist/workflows/triggers/workflow-trigger-activator.js, activateInternal, saves).
 * restart() is `n8n start` after a crash or a stop: the memory is gone and the database copy is loaded. So a
 * test sees what users get, including what a quiet poll changed and a restart lost.
 */
export class ActivePollTrigger {
	/** The workflow's static data in the running n8n. */
	staticData: IDataObject = {};

	/** The copy in n8n's database, as JSON. */
	private saved = '{}';

	private activated = false;

	constructor(
		readonly nodeType: INodeType,
		readonly options: Omit<RunOptions, 'staticData' | 'mode'>,
	) {}

	/** One poll in mode 'trigger'; the first one after a (re)start is the activation poll. */
	async poll(parameters: INodeParameters = this.options.parameters): Promise<NodeRun> {
		const run = await runPoll(this.nodeType, { ...this.options, parameters, staticData: this.staticData, mode: 'trigger' });
		// A failed activation is retried by n8n, so the next poll is an activation poll again.
		const activation = !this.activated && !run.error;
		if (activation) this.activated = true;
		if (run.output !== undefined || activation) this.saved = JSON.stringify(this.staticData);
		return run;
	}

	/** n8n stops (or dies) and starts again: the memory is what the database holds. */
	restart(): void {
		this.staticData = JSON.parse(this.saved) as IDataObject;
		this.activated = false;
	}

	/** What n8n's database holds now. */
	get savedStaticData(): IDataObject {
		return JSON.parse(this.saved) as IDataObject;
	}
}
