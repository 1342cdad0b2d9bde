/**
 * Flow 3, projects and planning, as pure functions (no I/O):
 * - an Exact project -> an OutSmart project (code, customer, invoice customer, name, dates, active);
 * - an Exact planning line -> a planned OutSmart work order PP-<planning ID>, and what a later change of the line
 *   does to that work order (move it, cancel it, or only report it once the technician has it);
 * - a completed project work order -> Exact time transactions, one per work period, each carrying the work order
 *   number and the period in its notes: the key a later run looks for, so that hours go back once.
 * Takes clean Exact records (trimmed codes, ISO dates with offset) as our Exact nodes output them.
 */
import type { IDataObject } from 'n8n-workflow';
import { readHours } from './workOrderDocument';
import { flag, hasEnded, missingFields, text } from './values';
import { workOrderNumberFor } from './workOrderOrigin';
import type { Mapped } from './masterData';

export const PROJECT_REQUIRED = ['code', 'debtor_number', 'status', 'name', 'date_start'];

/** OutSmart's project status is free text ("Nieuw" in its own example); these are the two we write. */
export const PROJECT_STATUS = { open: 'Actief', closed: 'Afgesloten' } as const;

/** "2025-05-08T07:30:00.000+02:00" -> "2025-05-08": the Dutch day, as Exact's dates are Dutch local time. */
export function dayOf(value: unknown): string {
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text(value));
	return match ? match[1] : '';
}

/** "2025-05-08T07:30:00.000+02:00" -> "07:30" (the Dutch wall-clock time Exact stores). */
export function timeOf(value: unknown): string {
	const match = /T(\d{2}:\d{2})/.exec(text(value));
	return match ? match[1] : '';
}

/**
 * An Exact project -> an OutSmart project. The invoice customer is the project's account unless the record names
 * another (InvoiceAccountCode, e.g. set in the flow): Exact invoices a project to its account. A project past its
 * end date or blocked for entry is closed and inactive, so technicians can no longer pick it.
 */
export function projectToOutSmartProject(project: IDataObject, options: { now?: Date } = {}): Mapped & { inactive: boolean } {
	const inactive = project.BlockEntry === true || hasEnded(project, options.now ?? new Date());
	const debtor = text(project.AccountCode);
	const record: IDataObject = {
		code: text(project.Code),
		debtor_number: debtor,
		debtor_number_invoice: text(project.InvoiceAccountCode) || debtor,
		status: inactive ? PROJECT_STATUS.closed : PROJECT_STATUS.open,
		name: text(project.Description) || text(project.Code),
		description: text(project.Notes),
		// OutSmart requires a start date; a project without one starts the day it was made.
		date_start: dayOf(project.StartDate) || dayOf(project.Created),
		date_end: dayOf(project.EndDate) || null,
		active: flag(!inactive),
	};
	return { record, missing: missingFields(record, PROJECT_REQUIRED), inactive };
}

/** A project Exact deleted: OutSmart keeps it (work orders refer to it), closed and inactive. */
export function closedProject(code: string): IDataObject {
	return { code: text(code), status: PROJECT_STATUS.closed, active: flag(false) };
}

// ------------------------------------------------------------------------------------------- planning

/** Exact's planning statuses: only a planned line (2) is work for a technician; a reserved one (1) is tentative. */
export const PLANNING_STATUS = { reserved: 1, planned: 2 } as const;

export function planningWorkOrderNumber(planningId: unknown): string {
	return workOrderNumberFor('projectPlanning', text(planningId).toLowerCase());
}

/** Where and when a planning line puts its work order: the fields a move can change. */
export interface PlannedSlot {
	WorkDate: string;
	WorkTime: string;
	EmployeeNr: string;
}

export function slotOf(planning: IDataObject): PlannedSlot {
	return { WorkDate: dayOf(planning.StartDate), WorkTime: timeOf(planning.StartDate), EmployeeNr: text(planning.EmployeeCode) };
}

/** The customer of a work order from the OutSmart relation (imported from Exact by flow 1), by its debtor number. */
export function relationCustomerFields(relation: IDataObject, suffix = ''): IDataObject {
	const fields: IDataObject = {
		CustomerName: text(relation.name),
		CustomerDebtorNr: text(relation.debtor_number),
		CustomerStreet: text(relation.street),
		CustomerStreetNo: text(relation.house_number),
		CustomerZIP: text(relation.postal_code),
		CustomerCity: text(relation.city),
		CustomerContactPerson: text(relation.contact) || text(relation.name),
		CustomerEmail: text(relation.email),
		CustomerPhone: text(relation.phone_number),
	};
	return Object.fromEntries(Object.entries(fields).map(([field, value]) => [`${field}${suffix}`, value]));
}

export const WORK_ORDER_CUSTOMER_FIELDS = ['CustomerName', 'CustomerDebtorNr', 'CustomerStreet', 'CustomerZIP', 'CustomerCity', 'CustomerContactPerson'];

export interface PlannedWorkOrder {
	workOrderNumber: string;
	fields: IDataObject;
	missing: string[];
}

/**
 * A planned Exact planning line (with the OutSmart relation of its account) -> a new OutSmart work order: the day,
 * start time and end from the line, its duration in minutes from its hours, the employee on the planning board, the
 * project, and the hour type in the internal description (OutSmart's work order has no planned hour type field).
 */
export function planningToWorkOrder(planning: IDataObject, relation: IDataObject, invoiceRelation?: IDataObject): PlannedWorkOrder {
	const workOrderNumber = planningWorkOrderNumber(planning.ID);
	const slot = slotOf(planning);
	const hours = Number(planning.Hours ?? 0);
	const hourType = [text(planning.HourTypeCode), text(planning.HourTypeDescription)].filter(Boolean).join(' - ');
	const description = text(planning.Description) || text(planning.ProjectDescription);
	const fields: IDataObject = {
		WorkorderNo: workOrderNumber,
		...relationCustomerFields(relation),
		...relationCustomerFields(invoiceRelation ?? relation, 'Invoice'),
		...slot,
		Employees: slot.EmployeeNr ? [slot.EmployeeNr] : [],
		WorkEndDate: dayOf(planning.EndDate),
		WorkEndTime: timeOf(planning.EndDate),
		...(hours > 0 ? { WorkDuration: Math.round(hours * 60) } : {}),
		ProjectNr: text(planning.ProjectCode),
		ShortWorkDescription: description.slice(0, 255),
		WorkDescription: [description, text(planning.Notes)].filter(Boolean).join('\n'),
		InternalWorkDescription: hourType ? `Uursoort: ${hourType}` : '',
	};
	return { workOrderNumber, fields, missing: missingFields(fields, WORK_ORDER_CUSTOMER_FIELDS) };
}

/** A work order as GetWorkorder answers: dates d-m-Y, times H:i. */
function slotOfWorkOrder(workOrder: IDataObject): PlannedSlot {
	const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text(workOrder.WorkDate));
	const date = dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : dayOf(workOrder.WorkDate);
	return { WorkDate: date, WorkTime: text(workOrder.WorkTime).slice(0, 5), EmployeeNr: text(workOrder.EmployeeNr) };
}

export type PlanningAction = 'create' | 'unchanged' | 'move' | 'cancel' | 'report' | 'skip';

export interface PlanningDecision {
	action: PlanningAction;
	/** For move: the fields that differ, with the planning line's values. */
	changes?: Partial<PlannedSlot>;
	/** Why, in words for the output. */
	reason: string;
}

/** OutSmart's status of a work order nobody has picked up yet: the only one we still change. */
export const OPEN_WORK_ORDER_STATUS = 'Klaargezet';

/**
 * What a planning line (changed or deleted in Exact) does to the work order made from it. `existing` is that
 * work order, undefined when OutSmart has none; `cancelStatus` the work status that marks a cancelled one.
 */
export function decidePlanning(planning: IDataObject, existing: IDataObject | undefined, cancelStatus: string): PlanningDecision {
	const removed = planning.changeType === 'deleted';
	const planned = !removed && Number(planning.Status) === PLANNING_STATUS.planned;
	if (!existing) {
		if (removed) return { action: 'skip', reason: 'Removed in Exact; it never had a work order' };
		if (!planned) return { action: 'skip', reason: 'Reserved in Exact (status 1), not planned: no work order yet' };
		return { action: 'create', reason: 'Planned in Exact' };
	}
	const cancelled = text(existing.WorkStatus) === cancelStatus;
	const open = text(existing.status) === OPEN_WORK_ORDER_STATUS;
	if (!planned) {
		if (cancelled) return { action: 'unchanged', reason: 'Already cancelled' };
		const why = removed ? 'removed in Exact' : 'set back to reserved in Exact';
		if (!open) return { action: 'report', reason: `The planning line was ${why}, but the work order is ${text(existing.status)}: not cancelled, settle it in OutSmart` };
		return { action: 'cancel', reason: `The planning line was ${why}` };
	}
	const wanted = slotOf(planning);
	const current = slotOfWorkOrder(existing);
	const changes = Object.fromEntries(
		(Object.keys(wanted) as Array<keyof PlannedSlot>).filter((field) => wanted[field] && wanted[field] !== current[field]).map((field) => [field, wanted[field]]),
	) as Partial<PlannedSlot>;
	if (cancelled && open) return { action: 'report', reason: 'Planned again in Exact, but its work order was cancelled: plan it anew in OutSmart' };
	if (!Object.keys(changes).length) return { action: 'unchanged', reason: 'The work order matches the planning line' };
	if (!open) {
		return { action: 'report', changes, reason: `The planning line moved in Exact, but the work order is ${text(existing.status)}: not moved, settle it in OutSmart` };
	}
	return { action: 'move', changes, reason: 'The planning line moved in Exact' };
}

// -------------------------------------------------------------------------------------------- hours back

/** The notes key of a work period's time transaction: "PP-… #1"; a later run finds it by the work order number. */
export function timeTransactionKey(workOrderNumber: string, periodNumber: number): string {
	return `${workOrderNumber} #${periodNumber}`;
}

/** The period numbers a time transaction's notes say it holds, for this work order ("PP-… #2: …" -> 2). */
export function periodNumberIn(notes: unknown, workOrderNumber: string): number | undefined {
	const match = new RegExp(`^${workOrderNumber.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} #(\\d+)(?::|$)`, 'i').exec(text(notes));
	return match ? Number(match[1]) : undefined;
}

export interface TimeLine {
	/** 1-based number of the work period on the work order. */
	period: number;
	notes: string;
	employeeCode: string;
	hourTypeCode: string;
	/** ISO day. */
	date: string;
	startTime: string;
	endTime: string;
	hours: number;
}

export interface WorkOrderHours {
	workOrderNumber: string;
	projectCode: string;
	lines: TimeLine[];
	problems: string[];
}

function isoDay(value: unknown): string {
	const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text(value));
	return dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : dayOf(value);
}

/**
 * A completed work order on a project -> one time line per work period with time. Accepts the work order as
 * OutSmart sends it ("HH:MM", d-m-Y) or as our OutSmart node outputs it (decimal hours, ISO days).
 */
export function workOrderToTimeLines(workOrder: IDataObject, options: { fallbackHourType?: string } = {}): WorkOrderHours {
	const workOrderNumber = text(workOrder.WorkorderNo);
	const projectCode = text(workOrder.ProjectNr);
	const problems: string[] = [];
	if (!workOrderNumber) problems.push('The work order has no WorkorderNo');
	if (!projectCode) problems.push('The work order has no project (ProjectNr): its hours belong on an invoice, not a project');
	const lines: TimeLine[] = [];
	const periods = Array.isArray(workOrder.Workperiods) ? (workOrder.Workperiods as IDataObject[]) : [];
	for (const [index, period] of periods.entries()) {
		const number = index + 1;
		const hourTypeCode = text(period.HourType) || text(options.fallbackHourType);
		let hours: number;
		try {
			hours = Math.round(readHours(period.TotalTime) * 10_000) / 10_000;
		} catch (error) {
			problems.push(`Work period ${number}: ${(error as Error).message}`);
			continue;
		}
		if (!(hours > 0)) continue;
		if (!hourTypeCode) problems.push(`Work period ${number} has no hour type, and no fallback hour type is set`);
		if (!text(period.EmployeeNr)) problems.push(`Work period ${number} has no employee`);
		const remark = text(period.WorkRemark);
		lines.push({
			period: number,
			notes: `${timeTransactionKey(workOrderNumber, number)}${remark ? `: ${remark}` : ''}`.slice(0, 255),
			employeeCode: text(period.EmployeeNr),
			hourTypeCode,
			date: isoDay(period.WorkDate),
			startTime: text(period.BeginTime).slice(0, 5),
			endTime: text(period.EndTime).slice(0, 5),
			hours,
		});
	}
	if (!lines.length && !problems.length) problems.push('The work order has no work periods with time');
	return { workOrderNumber, projectCode, lines, problems };
}
