/**
 * Hours of a completed project work order -> Exact time transactions on that project (flow 3), once. Each work
 * period becomes one transaction whose notes start with "<work order number> #<period>": before writing, the
 * project's transactions with that work order number are read, and only the periods not there yet are written. A
 * write whose answer is lost is looked for again, never sent a second time on a guess; two executions in one
 * process take turns per work order (withReferenceLock), so they don't both write.
 *
 * The project, employee and hour type codes are looked up for the whole run at once (runCodes.ts): ten work
 * orders with ten projects cost one project read, not ten.
 */
import { type IDataObject, type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';
import { asNodeError } from '../../shared/nodeErrors';
import type { RunScope } from '../../shared/router';
import { type TimeLine, type WorkOrderHours, periodNumberIn, workOrderToTimeLines } from '../../mapping/projectPlanning';
import { toExactBodyDateTime } from '../dates';
import { EMPLOYEE, ITEM, PROJECT, TIME_TRANSACTION } from '../entity/definitions';
import { createRecord } from '../entity/recordAccess';
import { andFilters, odataContains, odataGuid } from '../odata';
import { cleanRecord } from '../records';
import { EXACT_CREDENTIAL_TYPE, exactBaseUrl, exactGetAll, resolveDivision } from '../transport';
import { answerLost } from './createFromWorkOrder';
import { withReferenceLock } from './references';
import { lookupForRun } from './runCodes';

export interface TimeFromWorkOrderOptions {
	fallbackHourType?: string;
}

function workOrderInput(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = this.getNodeParameter('workOrder', itemIndex, {}) as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch {
			value = undefined;
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value) || !(value as IDataObject).WorkorderNo) {
		throw new NodeOperationError(this.getNode(), 'Work Order is not an OutSmart work order', {
			itemIndex,
			description: 'Use {{ $json }} after an OutSmart node (Work Order: Get Many or Get) or the OutSmart Trigger, so that the item has WorkorderNo and Workperiods',
		});
	}
	return value as IDataObject;
}

/** The project's transactions of this work order, by the period number in their notes. */
async function writtenPeriods(this: IExecuteFunctions, projectId: string, workOrderNumber: string, itemIndex: number): Promise<Map<number, IDataObject>> {
	const records = await exactGetAll.call(this, {
		path: TIME_TRANSACTION.path,
		query: {
			$select: TIME_TRANSACTION.fields.join(','),
			$filter: andFilters(`Project eq ${odataGuid(projectId)}`, odataContains('Notes', `${workOrderNumber} #`)),
		},
		itemIndex,
	});
	const byPeriod = new Map<number, IDataObject>();
	for (const record of records) {
		const period = periodNumberIn(record.Notes, workOrderNumber);
		if (period !== undefined && !byPeriod.has(period)) byPeriod.set(period, cleanRecord(record));
	}
	return byPeriod;
}

function body(line: TimeLine, projectId: string, employeeId: string, itemId: string): IDataObject {
	const at = (time: string) => toExactBodyDateTime(`${line.date}T${time}:00`);
	// Times only when the period has a sensible span; Exact takes the quantity either way.
	const times = line.startTime && line.endTime && line.endTime > line.startTime ? { StartTime: at(line.startTime), EndTime: at(line.endTime) } : {};
	return {
		Project: projectId,
		Employee: employeeId,
		Item: itemId,
		Date: at('00:00'),
		Quantity: line.hours,
		Notes: line.notes,
		...times,
	};
}

/** The item's work order as time lines (throws when the item is no work order). */
function hoursOf(this: IExecuteFunctions, itemIndex: number): WorkOrderHours {
	const workOrder = workOrderInput.call(this, itemIndex);
	const options = this.getNodeParameter('timeOptions', itemIndex, {}) as TimeFromWorkOrderOptions;
	return workOrderToTimeLines(workOrder, { fallbackHourType: options.fallbackHourType?.trim() });
}

/** Every item's hours, read once per run so that the look-ups can ask for the codes of the whole run. */
function hoursOfRun(this: IExecuteFunctions, run: RunScope): WorkOrderHours[] {
	const memo = run.cache<WorkOrderHours[]>('hoursOfRun');
	let all = memo.get('all');
	if (!all) {
		all = [];
		for (let index = 0; index < this.getInputData().length; index++) {
			try {
				all.push(hoursOf.call(this, index));
			} catch {
				// Not a work order: that item says so in its own turn.
			}
		}
		memo.set('all', all);
	}
	return all;
}

export async function timeTransactionsFromWorkOrder(this: IExecuteFunctions, itemIndex: number, run: RunScope): Promise<IDataObject[]> {
	const hours = hoursOf.call(this, itemIndex);
	const name = `work order ${hours.workOrderNumber}`;
	const fix = (message: string, description: string) => new NodeOperationError(this.getNode(), message, { itemIndex, description });
	if (hours.problems.length) throw fix(`Cannot book the hours of ${name}: ${hours.problems.join('; ')}`, 'Correct the work order in OutSmart (or set a Fallback Hour Type); nothing was written');

	const runHours = hoursOfRun.call(this, run);
	const project = (await lookupForRun.call(this, run, { entity: PROJECT, select: ['Description'], itemIndex }, [hours.projectCode], runHours.map((h) => h.projectCode))).get(hours.projectCode);
	if (!project) throw fix(`Project ${hours.projectCode} on ${name} not found in Exact`, 'Create the project in Exact or correct the project on the work order in OutSmart; nothing was written');
	const projectId = String(project.ID);

	const credentials = await this.getCredentials(EXACT_CREDENTIAL_TYPE);
	const baseUrl = exactBaseUrl(credentials);
	const lockKey = `${baseUrl}|${await resolveDivision.call(this, baseUrl, credentials)}|${TIME_TRANSACTION.path}|${hours.workOrderNumber}`;
	return await withReferenceLock(lockKey, async () => {
		const written = await writtenPeriods.call(this, projectId, hours.workOrderNumber, itemIndex);
		const missing = hours.lines.filter((line) => !written.has(line.period));
		const summary = (created: IDataObject[]) => [
			{
				WorkorderNo: hours.workOrderNumber,
				ProjectCode: hours.projectCode,
				hours: hours.lines.reduce((sum, line) => Math.round((sum + line.hours) * 10_000) / 10_000, 0),
				created: created.length,
				alreadyBooked: hours.lines.length - missing.length,
				transactions: [...written.values(), ...created].map((t) => t.ID),
			},
		];
		if (!missing.length) return summary([]);

		// The codes of the whole run, also of work orders already booked: a few more codes in the same batched read
		// cost nothing, and the other work orders of this run find theirs known.
		const runLines = runHours.flatMap((h) => h.lines);
		const employees = await lookupForRun.call(this, run, { entity: EMPLOYEE, select: [], itemIndex }, missing.map((line) => line.employeeCode), runLines.map((line) => line.employeeCode));
		const items = await lookupForRun.call(this, run, { entity: ITEM, select: ['Description'], itemIndex }, missing.map((line) => line.hourTypeCode), runLines.map((line) => line.hourTypeCode));
		const unknown = [
			...new Set([
				...missing.filter((line) => !employees.get(line.employeeCode)).map((line) => `employee ${line.employeeCode}`),
				...missing.filter((line) => !items.get(line.hourTypeCode)).map((line) => `hour type ${line.hourTypeCode}`),
			]),
		];
		if (unknown.length) throw fix(`${name}: ${unknown.join(', ')} not found in Exact`, 'Create them in Exact (the OutSmart employee number is the Exact employee code, the hour type code the item code) or correct the work order; nothing was written');

		const created: IDataObject[] = [];
		for (const line of missing) {
			const send = body(line, projectId, String(employees.get(line.employeeCode)?.ID), String(items.get(line.hourTypeCode)?.ID));
			try {
				created.push(cleanRecord(await createRecord.call(this, TIME_TRANSACTION, send, itemIndex)));
			} catch (error) {
				if (!answerLost(error)) throw asNodeError(this.getNode(), error, itemIndex);
				const found = (await writtenPeriods.call(this, projectId, hours.workOrderNumber, itemIndex)).get(line.period);
				if (found) {
					created.push(found);
					continue;
				}
				throw fix(
					`Exact did not confirm the time transaction of ${name}, work period ${line.period}, and it is not in Exact (yet)`,
					'It was not written a second time, because Exact may still store the first one. The next run looks for it first and writes it only if it is still not there.',
				);
			}
		}
		return summary(created);
	});
}
