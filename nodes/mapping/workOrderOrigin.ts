/**
 * Where a work order came from, read off its number. Work orders the Pro flows make from an Exact document carry
 * that document's number behind a fixed prefix (VO-1234 for sales order 1234); every other work order was made in
 * OutSmart and belongs to the Basic export. The number is the one field OutSmart keeps unique and shows on the
 * technician's device, so the origin survives any edit and a second create with the same number is refused.
 */
import { text } from './values';

export type WorkOrderOrigin = 'outsmart' | 'salesOrder' | 'quotation' | 'projectPlanning';

const PREFIXES: Record<Exclude<WorkOrderOrigin, 'outsmart'>, string> = {
	salesOrder: 'VO-',
	quotation: 'OF-',
	projectPlanning: 'PP-',
};

const DESCRIPTIONS: Record<WorkOrderOrigin, string> = {
	outsmart: 'made in OutSmart',
	salesOrder: 'made from an Exact sales order',
	quotation: 'made from an Exact quotation',
	projectPlanning: 'made from an Exact project planning line',
};

/** The work order number a flow gives the work order it makes from an Exact document. */
export function workOrderNumberFor(origin: Exclude<WorkOrderOrigin, 'outsmart'>, exactNumber: string | number): string {
	const number = text(exactNumber);
	if (!number) throw new Error(`A work order made from an Exact document needs that document's number (${origin})`);
	return `${PREFIXES[origin]}${number}`;
}

export function workOrderOrigin(workorderNo: unknown): WorkOrderOrigin {
	const number = text(workorderNo).toUpperCase();
	for (const [origin, prefix] of Object.entries(PREFIXES) as Array<[WorkOrderOrigin, string]>) {
		if (number.startsWith(prefix) && number.length > prefix.length) return origin;
	}
	return 'outsmart';
}

/** The Exact document number behind a work order number of a Pro flow, or '' for one made in OutSmart. */
export function exactNumberOf(workorderNo: unknown): string {
	const origin = workOrderOrigin(workorderNo);
	return origin === 'outsmart' ? '' : text(workorderNo).slice(PREFIXES[origin].length);
}

export function describeOrigin(origin: WorkOrderOrigin): string {
	return DESCRIPTIONS[origin];
}

/** For descriptions: "VO- (sales order), OF- (quotation), PP- (project planning)". */
export const ORIGIN_PREFIXES_TEXT = 'VO- (Exact sales order), OF- (Exact quotation), PP- (Exact project planning)';

export const WORK_ORDER_ORIGINS: WorkOrderOrigin[] = ['outsmart', 'salesOrder', 'quotation', 'projectPlanning'];

/** Keeps the work orders made where `origins` says; no origins chosen keeps them all. */
export function madeIn<T extends { WorkorderNo?: unknown }>(workorders: T[], origins: readonly string[] | undefined): T[] {
	if (!origins?.length) return workorders;
	const wanted = new Set(origins);
	return workorders.filter((workorder) => wanted.has(workOrderOrigin(workorder.WorkorderNo)));
}
