/** Small value helpers the mappings share. */
import type { IDataObject } from 'n8n-workflow';

export function text(value: unknown): string {
	if (value === null || value === undefined) return '';
	return String(value).trim();
}

/** OutSmart flags are the strings "1" and "0". */
export function flag(value: boolean): '1' | '0' {
	return value ? '1' : '0';
}

/** Whether an Exact record is past its end date (Exact's way of making items and accounts inactive). */
export function hasEnded(record: IDataObject, now: Date): boolean {
	const end = text(record.EndDate);
	if (!end) return false;
	const parsed = Date.parse(end);
	return Number.isFinite(parsed) && parsed <= now.getTime();
}

/** The required fields that are empty, by their OutSmart names. */
export function missingFields(record: IDataObject, required: string[]): string[] {
	return required.filter((field) => text(record[field]) === '');
}

/** Exact booleans arrive as true/false, and some (IsTime) as the byte 1/0. */
export function truthy(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}
