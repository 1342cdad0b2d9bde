/**
 * One poll of the OutSmart Trigger: ONE GetWorkorders call (status Compleet, optionally one work status,
 * update_status=false), then dedupe against the workflow's static data. OutSmart has no paging and no
 * "changed since": every poll reads the whole Compleet list, so the list answer is used as is (it carries full
 * detail) and never read a second time. Retries of work orders still waiting come from that same answer: they
 * cost no extra call.
 */
import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { parseDate, parseFlag, parseTime, readWorkorders } from '../OutSmartApi/transport';
import { type OutputMode, cleanWorkorder, shapeOutput } from '../OutSmartApi/values/clean';
import { madeIn } from '../mapping/workOrderOrigin';
import { decide, readState } from './dedupe';

export interface TriggerOptions {
	emitExisting?: boolean;
	onlyFinished?: boolean;
	skipWorkStatuses?: string;
	madeIn?: string[];
	output?: OutputMode;
	retryAfterMinutes?: number;
	timeoutSeconds?: number;
}

/** Default of "Retry After (Minutes)": a stuck work order is offered again within the hour. */
export const DEFAULT_RETRY_AFTER_MINUTES = 60;

/** The retry interval in seconds from the option (absent: the default; 0 or less: never). */
export function retryAfterSeconds(options: TriggerOptions): number {
	const minutes = options.retryAfterMinutes ?? DEFAULT_RETRY_AFTER_MINUTES;
	return Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes * 60) : 0;
}

/** How many work orders "Fetch Test Event" shows. */
export const TEST_EVENT_COUNT = 5;
const DEFAULT_TIMEOUT_MS = 300_000;
const RETRY_ATTEMPTS = 3;

/** Per-attempt time-out: the option, within what n8n gives this poll (getPollBudgetMs exists from n8n 2.38). */
export function requestTimeout(this: IPollFunctions, options: TriggerOptions): number {
	const configured = options.timeoutSeconds ? options.timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS;
	const budget = typeof this.getPollBudgetMs === 'function' ? this.getPollBudgetMs() : undefined;
	if (typeof budget !== 'number' || !Number.isFinite(budget) || budget <= 0) return configured;
	return Math.max(5_000, Math.min(configured, Math.floor((budget - 2_000) / RETRY_ATTEMPTS)));
}

function isFinished(workorder: IDataObject): boolean {
	try {
		return parseFlag(workorder.WorkFinished);
	} catch {
		return false;
	}
}

/** When the work was last done: the latest work period's date and end time ("2026-11-22T09:45"), else the plan. */
function lastWorkedAt(workorder: IDataObject): string {
	const moments = (Array.isArray(workorder.Workperiods) ? (workorder.Workperiods as IDataObject[]) : []).map((p) => [p.WorkDate, p.EndTime]);
	moments.push([workorder.WorkDate, workorder.WorkTime]);
	let latest = '';
	for (const [date, time] of moments) {
		try {
			const at = `${parseDate(date)}T${time ? parseTime(time) : '00:00'}`;
			if (at > latest) latest = at;
		} catch {
			// an unreadable date does not count
		}
	}
	return latest;
}

function newestFirst(workorders: IDataObject[]): IDataObject[] {
	return workorders
		.map((workorder) => ({ workorder, at: lastWorkedAt(workorder), id: Number(workorder.id) || 0 }))
		.sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1))
		.map((entry) => entry.workorder);
}

export async function pollCompletedWorkorders(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	// The poll's start, not the end of a read that may take minutes: scheduled polls then lie one interval apart.
	const now = new Date();
	const workStatus = String(this.getNodeParameter('workStatus', '') ?? '').trim();
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const { workorders, messages } = await readWorkorders.call(this, {
		status: 'Compleet',
		workStatus: workStatus || undefined,
		timeout: requestTimeout.call(this, options),
	});
	if (messages.length) this.logger.warn(`OutSmart Trigger: OutSmart said: ${messages.join('; ')}`);
	const skip = new Set(String(options.skipWorkStatuses ?? '').split(',').map((s) => s.trim()).filter(Boolean));
	const candidates = madeIn(workorders, options.madeIn).filter(
		(w) => (!options.onlyFinished || isFinished(w)) && !skip.has(String(w.WorkStatus ?? '').trim()),
	);
	const toItems = (list: IDataObject[]) => [list.map((w) => ({ json: shapeOutput(options.output, w, cleanWorkorder) }))];

	if (this.getMode() === 'manual') {
		// "Fetch Test Event": real, recent work orders; the trigger's memory is neither read nor changed.
		const sample = newestFirst(candidates).slice(0, TEST_EVENT_COUNT);
		if (!sample.length) {
			throw new NodeOperationError(this.getNode(), 'No completed work orders in OutSmart to show', {
				description: `OutSmart has no work orders with status Compleet${workStatus ? ` and work status ${workStatus}` : ''}${
					options.onlyFinished ? ' marked finished' : ''
				}. Complete one in the OutSmart app, or choose another work status.`,
			});
		}
		return toItems(sample);
	}

	const staticData = this.getWorkflowStaticData('node');
	const decision = decide(candidates, readState(staticData, now), {
		scope: JSON.stringify({ workStatus, onlyFinished: options.onlyFinished === true }),
		emitExisting: options.emitExisting === true,
		retryAfterSeconds: retryAfterSeconds(options),
		now,
	});
	staticData.outSmartTrigger = decision.next as unknown as IDataObject;
	this.logger.debug(
		`OutSmart Trigger: ${candidates.length} complete, ${decision.emit.length} to emit, ${decision.forgotten} no longer complete` +
			(decision.firstPoll ? ` (first poll, ${options.emitExisting ? 'existing ones emitted' : 'existing ones remembered only'})` : ''),
	);
	if (decision.retried) {
		this.logger.info(
			`OutSmart Trigger: emitting ${decision.retried} unchanged work order(s) again, still complete ${retryAfterSeconds(options) / 60} minute(s) or more after their last emission (not marked handled nor set to another work status)`,
		);
	}
	return decision.emit.length ? toItems(decision.emit) : null;
}
