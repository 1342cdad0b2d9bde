/**
 * OutSmart records and work orders as typed JSON: decimal-comma amounts become numbers, HH:MM durations decimal
 * hours (with the original text beside them), d-m-Y dates ISO dates, "0"/"1" flags booleans. A value that
 * cannot be read stays as OutSmart sent it: one odd value must not break a read of thousands of records.
 */
import type { IDataObject } from 'n8n-workflow';

import type { OutSmartEntity, ValueKind } from '../entities';
import {
	parseAmountOrNull,
	parseDateOrNull,
	parseDateTimeOrNull,
	parseDurationOrNull,
	parseFlag,
	parseTimeOrNull,
} from '../transport';

/** clean: typed values; raw: exactly as OutSmart sends it; both: typed, with the original under `raw`. */
export type OutputMode = 'clean' | 'raw' | 'both';

function isEmpty(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function lenient(read: (value: unknown) => unknown, value: unknown): unknown {
	try {
		return read(value);
	} catch {
		return value;
	}
}

const readInt = (value: unknown): number | null => {
	if (isEmpty(value)) return null;
	const n = Number(String(value).trim());
	if (!Number.isInteger(n)) throw new Error('not a whole number');
	return n;
};

const readFloat = (value: unknown): number | null => {
	if (isEmpty(value)) return null;
	const n = Number(String(value).trim().replace(',', '.'));
	if (!Number.isFinite(n)) throw new Error('not a number');
	return n;
};

const readFlag = (value: unknown): boolean | null => (isEmpty(value) ? null : parseFlag(value));

/** One value of a master-data record, typed by its kind. */
export function cleanValue(kind: ValueKind, value: unknown): unknown {
	switch (kind) {
		case 'commaAmount':
		case 'pointAmount':
			return lenient(parseAmountOrNull, value);
		case 'flag':
			return lenient(readFlag, value);
		case 'int':
			return lenient(readInt, value);
		case 'float':
			return lenient(readFloat, value);
		case 'date':
			return lenient(parseDateOrNull, value);
		default:
			return value;
	}
}

/** A master-data record with typed values; fields this node does not know pass unchanged. */
export function cleanRecord(entity: OutSmartEntity, raw: IDataObject): IDataObject {
	const out: IDataObject = { ...raw };
	for (const field of entity.fields) {
		if (field.name in out) out[field.name] = cleanValue(field.kind, out[field.name]) as IDataObject[string];
	}
	return out;
}

function setTyped(target: IDataObject, field: string, read: (value: unknown) => unknown): void {
	if (field in target) target[field] = lenient(read, target[field]) as IDataObject[string];
}

/** An HH:MM duration field -> decimal hours in `field`, the original text in `${field}Text`. */
function setDuration(target: IDataObject, field: string): void {
	if (!(field in target)) return;
	const original = target[field];
	const duration = lenient(parseDurationOrNull, original);
	if (duration !== null && typeof duration === 'object' && 'hours' in duration) {
		target[field] = Math.round((duration as { hours: number }).hours * 10_000) / 10_000;
		target[`${field}Text`] = original;
	} else if (duration === null) {
		target[field] = null;
		target[`${field}Text`] = original ?? null;
	}
}

function cleanMaterial(line: IDataObject): IDataObject {
	const out = { ...line };
	for (const field of ['MaterialNr', 'MaterialPrice', 'MaterialTotalPrice']) setTyped(out, field, parseAmountOrNull);
	return out;
}

function cleanWorkperiod(period: IDataObject): IDataObject {
	const out = { ...period };
	setTyped(out, 'WorkDate', parseDateOrNull);
	setTyped(out, 'BeginTime', parseTimeOrNull);
	setTyped(out, 'EndTime', parseTimeOrNull);
	setTyped(out, 'Break', readInt);
	setTyped(out, 'Travel', readFloat);
	setDuration(out, 'TotalTime');
	return out;
}

const objects = (value: unknown): IDataObject[] | undefined =>
	Array.isArray(value) ? value.filter((v): v is IDataObject => typeof v === 'object' && v !== null && !Array.isArray(v)) : undefined;

/**
 * A work order as GetWorkorder(s) returns it, typed: id and counts as numbers, WorkDate/WorkEndDate/
 * WorkDeadline ISO dates, times "HH:MM", CreationDate ISO with the Dutch offset, flags booleans, material
 * amounts numbers, work-period TotalTime decimal hours (TotalTimeText keeps "03:45").
 */
export function cleanWorkorder(raw: IDataObject): IDataObject {
	const out: IDataObject = { ...raw };
	setTyped(out, 'id', readInt);
	for (const field of ['WorkDate', 'WorkEndDate', 'WorkDeadline']) setTyped(out, field, parseDateOrNull);
	for (const field of ['WorkTime', 'WorkEndTime']) setTyped(out, field, parseTimeOrNull);
	setTyped(out, 'CreationDate', parseDateTimeOrNull);
	for (const field of ['WorkDuration', 'RoundingAmount']) setTyped(out, field, readFloat);
	setTyped(out, 'MinimumHours', parseAmountOrNull);
	for (const field of ['Archived', 'WorkFinished', 'PickupPlanning', 'WebPlanning']) setTyped(out, field, readFlag);
	for (const field of ['CustomerLatitude', 'CustomerLongitude']) setTyped(out, field, readFloat);
	const materials = objects(raw.Materials);
	if (materials) out.Materials = materials.map(cleanMaterial);
	const periods = objects(raw.Workperiods);
	if (periods) out.Workperiods = periods.map(cleanWorkperiod);
	return out;
}

/** The output of one record for the chosen mode. */
export function shapeOutput(mode: OutputMode | undefined, raw: IDataObject, clean: (raw: IDataObject) => IDataObject): IDataObject {
	if (mode === 'raw') return raw;
	if (mode === 'both') return { ...clean(raw), raw };
	return clean(raw);
}
