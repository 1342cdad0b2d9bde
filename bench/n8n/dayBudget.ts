/**
 * A day of the templates' schedules, from measured runs: how many Exact calls each flow costs a day against
 * Exact's 5,000 a day per division, and how many token-endpoint calls the schedules cause against Exact's 200 a
 * day per user (an access token lives 10 minutes: a run more than 10 minutes after the last refresh refreshes).
 */

export const EXACT_DAILY_LIMIT = 5000;
export const EXACT_DAILY_TOKEN_LIMIT = 200;
const TOKEN_LIFETIME_MIN = 10;
const DAY_MIN = 24 * 60;

export type Schedule = { everyMinutes: number } | { dailyAtHour: number };

/** An import: every run but one finds nothing changed; one run a day brings the day's changes (1%). */
export interface ImportFlow {
	name: string;
	schedule: Schedule;
	idleCalls: number;
	changedCalls: number;
	/** The run after the one with the changes, when the flow reads back what that run wrote (else it is idle). */
	echoCalls?: number;
	/** A Pro flow: counted in the total, not in the Basic set's share. */
	pro?: boolean;
	/**
	 * Webhook events besides the schedule (the Exact Online Trigger): each costs `callsPerEvent` and, when the token
	 * is 10 minutes old, a refresh; they come spread over the working day.
	 */
	events?: { perDay: number; callsPerEvent: number; workday: [number, number] };
}

/**
 * The export, or a flow like it (template 10): work orders are completed through the working day and each poll
 * that finds some handles them in one run, which costs a fixed part (batched look-ups) plus a part per work order
 * (the writes).
 */
export interface ExportFlow {
	name: string;
	/** A Pro flow: counted in the total, not in the Basic set's share. */
	pro?: boolean;
	pollMinutes: number;
	workOrdersPerDay: number;
	/** Working hours in which work orders are completed, e.g. [8, 17]. */
	workday: [number, number];
	perRunCalls: number;
	perWorkOrderCalls: number;
}

export interface FlowDay {
	name: string;
	schedule: string;
	runs: number;
	calls: number;
}

export interface DayBudget {
	flows: FlowDay[];
	calls: number;
	/** Share of Exact's 5,000 calls a day. */
	share: number;
	/** The Basic set alone (every flow but the Pro ones): calls and share. */
	basicCalls: number;
	basicShare: number;
	tokenCalls: number;
}

function describe(schedule: Schedule): string {
	return 'everyMinutes' in schedule ? `every ${schedule.everyMinutes} min` : `daily at ${schedule.dailyAtHour}:00`;
}

/** Minutes of the day at which a schedule runs. */
function runTimes(schedule: Schedule): number[] {
	if ('dailyAtHour' in schedule) return [schedule.dailyAtHour * 60];
	const times: number[] = [];
	for (let t = 0; t < DAY_MIN; t += schedule.everyMinutes) times.push(t);
	return times;
}

/** Minutes of `count` events spread evenly over the working day. */
function eventTimes(count: number, [from, to]: [number, number]): number[] {
	const span = (to - from) * 60;
	return Array.from({ length: count }, (_, i) => from * 60 + Math.floor(((i + 0.5) * span) / count));
}

/** Polls in the working day that find work: spread evenly, at most one per poll. */
function exportRunTimes(flow: ExportFlow): number[] {
	const [from, to] = flow.workday;
	const polls: number[] = [];
	for (let t = from * 60 + flow.pollMinutes; t <= to * 60; t += flow.pollMinutes) polls.push(t);
	const runs = Math.min(flow.workOrdersPerDay, polls.length);
	if (runs === 0) return [];
	return Array.from({ length: runs }, (_, i) => polls[Math.floor((i * polls.length) / runs)]);
}

/** Token refreshes for runs at these minutes, one credential: a run refreshes when the token is 10 minutes old. */
export function tokenRefreshes(times: number[], refreshesPerExpiredRun: number): number {
	let tokenAt = -Infinity;
	let refreshes = 0;
	for (const t of [...new Set(times)].sort((a, b) => a - b)) {
		if (t - tokenAt >= TOKEN_LIFETIME_MIN) {
			tokenAt = t;
			refreshes += refreshesPerExpiredRun;
		}
	}
	return refreshes;
}

/** A day's runs of an import: idle but for the one with the changes (and the one after it that reads them back). */
function runsCalls(runs: number, flow: ImportFlow): number {
	if (flow.echoCalls === undefined || runs < 2) return (runs - 1) * flow.idleCalls + flow.changedCalls;
	return (runs - 2) * flow.idleCalls + flow.changedCalls + flow.echoCalls;
}

export function dayBudget(imports: ImportFlow[], exportFlows: ExportFlow[], refreshesPerExpiredRun: number): DayBudget {
	const flows: FlowDay[] = [];
	const exactRunTimes: number[] = [];
	const pro = new Set<string>();
	for (const flow of imports) {
		const times = runTimes(flow.schedule);
		exactRunTimes.push(...times);
		if (flow.pro) pro.add(flow.name);
		flows.push({ name: flow.name, schedule: describe(flow.schedule), runs: times.length, calls: runsCalls(times.length, flow) });
		if (flow.events) {
			const events = eventTimes(flow.events.perDay, flow.events.workday);
			exactRunTimes.push(...events);
			const name = `${flow.name}: webhook events`;
			if (flow.pro) pro.add(name);
			flows.push({ name, schedule: `${flow.events.perDay} a day (${flow.events.callsPerEvent} call each)`, runs: events.length, calls: Math.round(events.length * flow.events.callsPerEvent) });
		}
	}
	for (const exportFlow of exportFlows) {
		const exportTimes = exportRunTimes(exportFlow);
		exactRunTimes.push(...exportTimes);
		if (exportFlow.pro) pro.add(exportFlow.name);
		flows.push({
			name: exportFlow.name,
			schedule: `poll every ${exportFlow.pollMinutes} min, ${exportFlow.workOrdersPerDay} work orders`,
			runs: exportTimes.length,
			calls: Math.round(exportTimes.length * exportFlow.perRunCalls + exportFlow.workOrdersPerDay * exportFlow.perWorkOrderCalls),
		});
	}
	const calls = flows.reduce((sum, f) => sum + f.calls, 0);
	const basicCalls = flows.filter((f) => !pro.has(f.name)).reduce((sum, f) => sum + f.calls, 0);
	return {
		flows,
		calls,
		share: calls / EXACT_DAILY_LIMIT,
		basicCalls,
		basicShare: basicCalls / EXACT_DAILY_LIMIT,
		tokenCalls: tokenRefreshes(exactRunTimes, refreshesPerExpiredRun),
	};
}
