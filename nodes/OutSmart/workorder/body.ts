/**
 * A PostWorkorders body from what a user gives: OutSmart's own field names, values as numbers, ISO dates,
 * "HH:MM" or decimal hours. Dates become d-m-Y, times H:i, amounts decimal-comma text, quantities "2,5",
 * TotalTime "HH:MM" (computed from begin, end and break when left out). Pure: no I/O.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	OutSmartFormatError,
	formatAmount,
	formatDate,
	formatDurationFromHours,
	formatPointAmount,
	formatQuantity,
	formatTime,
	parseAmount,
	parseDuration,
	parseTime,
} from '../../OutSmartApi/transport';
import { decimalsFor, formatValue } from '../../OutSmartApi/values/format';

/** A value the body cannot be built from; `field` names it, e.g. "Materials[2].MaterialNr". */
export class WorkorderInputError extends Error {
	constructor(
		readonly field: string,
		reason: string,
	) {
		super(`${field}: ${reason}`);
		this.name = 'WorkorderInputError';
	}
}

type WorkorderKind = 'text' | 'dmy' | 'time' | 'int' | 'float' | 'point' | 'flag';

/** Work order fields that are not plain text. */
const FIELD_KINDS: Record<string, WorkorderKind> = {
	WorkDate: 'dmy',
	WorkEndDate: 'dmy',
	WorkDeadline: 'dmy',
	WorkTime: 'time',
	WorkEndTime: 'time',
	WorkDuration: 'int',
	RoundingAmount: 'int',
	PickupPlanning: 'flag',
	WebPlanning: 'flag',
	CustomerLatitude: 'float',
	CustomerLongitude: 'float',
	MinimumHours: 'point',
};

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

function amountOf(value: unknown): number {
	return typeof value === 'number' ? value : parseAmount(value);
}

/** Runs one conversion; a failure becomes a WorkorderInputError that names the field (the node layer wraps it). */
function wrap<T>(field: string, build: () => T): T {
	let failure: unknown;
	try {
		return build();
	} catch (error) {
		failure = error;
	}
	if (failure instanceof WorkorderInputError) throw failure;
	throw new WorkorderInputError(field, failure instanceof OutSmartFormatError || failure instanceof Error ? failure.message : String(failure));
}

function formatField(kind: WorkorderKind, value: unknown): string {
	switch (kind) {
		case 'dmy':
			return formatDate(value);
		case 'time':
			return formatTime(value);
		case 'int': {
			const n = typeof value === 'number' ? value : Number(String(value).trim());
			if (!Number.isInteger(n)) throw new Error(`${JSON.stringify(value)} is not a whole number`);
			return String(n);
		}
		case 'float':
			return formatValue('float', value) ?? '';
		case 'point': {
			const n = amountOf(value);
			return formatPointAmount(n, decimalsFor(n));
		}
		case 'flag':
			return formatValue('flag', value) ?? '0';
		default:
			return typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
}

/** One material line: MaterialNr "2,5" / "-1", MaterialPrice "12,50"; MaterialTotalPrice is OutSmart's to compute. */
export function materialLine(line: IDataObject, index = 0): IDataObject {
	const out: IDataObject = {};
	for (const [field, value] of Object.entries(line)) {
		if (value === undefined || field === 'MaterialTotalPrice') continue;
		const name = `Materials[${index}].${field}`;
		if (field === 'MaterialNr') out[field] = wrap(name, () => formatQuantity(amountOf(value)));
		else if (field === 'MaterialPrice') {
			out[field] = wrap(name, () => {
				const n = amountOf(value);
				return formatAmount(n, { decimals: decimalsFor(n) });
			});
		} else out[field] = value === null ? null : String(value);
	}
	return out;
}

const minutesOf = (time: string) => {
	const [h, m] = parseTime(time).split(':').map(Number);
	return h * 60 + m;
};

/** One work period: dates d-m-Y, times H:i, Break minutes, TotalTime "HH:MM" (decimal hours accepted). */
export function workperiod(period: IDataObject, index = 0): IDataObject {
	const at = (field: string) => `Workperiods[${index}].${field}`;
	const out: IDataObject = {};
	for (const [field, value] of Object.entries(period)) {
		if (value === undefined || (isBlank(value) && field !== 'WorkRemark')) continue;
		if (field === 'WorkDate') out[field] = wrap(at(field), () => formatDate(value));
		else if (field === 'BeginTime' || field === 'EndTime') out[field] = wrap(at(field), () => formatTime(value));
		else if (field === 'Break' || field === 'Travel') out[field] = wrap(at(field), () => formatField('int', value));
		else if (field === 'TotalTime') {
			out[field] = wrap(at(field), () =>
				typeof value === 'number' || /^-?\d+([.,]\d+)?$/.test(String(value).trim())
					? formatDurationFromHours(amountOf(value))
					: parseDuration(value).text.trim(),
			);
		} else out[field] = value === null ? null : String(value);
	}
	if (out.TotalTime === undefined && typeof out.BeginTime === 'string' && typeof out.EndTime === 'string') {
		const minutes = minutesOf(out.EndTime) - minutesOf(out.BeginTime) - Number(out.Break ?? 0);
		if (minutes < 0) {
			throw new WorkorderInputError(at('TotalTime'), `ends (${out.EndTime}) before it begins (${out.BeginTime}) plus the break; give TotalTime`);
		}
		out.TotalTime = formatDurationFromHours(minutes / 60);
	}
	return out;
}

function employeeList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	return String(value ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}

export interface WorkorderInput {
	/** Top-level fields by OutSmart name (WorkorderNo, CustomerName, WorkDate, ...). */
	fields: IDataObject;
	materials?: IDataObject[];
	workperiods?: IDataObject[];
	/** Employee numbers shown on the planning board: an array or "11, 13". */
	employees?: unknown;
}

export function workorderBody(input: WorkorderInput): IDataObject {
	const body: IDataObject = {};
	for (const [field, value] of Object.entries(input.fields)) {
		if (value === undefined || value === null || (isBlank(value) && FIELD_KINDS[field] !== undefined)) continue;
		body[field] = wrap(field, () => formatField(FIELD_KINDS[field] ?? 'text', value));
	}
	if (input.materials?.length) body.Materials = input.materials.map(materialLine);
	if (input.workperiods?.length) body.Workperiods = input.workperiods.map(workperiod);
	const employees = employeeList(input.employees);
	if (employees.length) body.Employees = employees;
	return body;
}
