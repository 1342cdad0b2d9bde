/**
 * Exact sends dates as "/Date(ms)/", where ms is the Dutch wall-clock time (CET/CEST) written as if it
 * were UTC. We turn them into ISO strings with the real offset, and turn user dates back into Exact's
 * form, always through Europe/Amsterdam so that summer time is right.
 */
import { DateTime } from 'luxon';
import { DUTCH_TIME_ZONE, fromWallClock, wallClockAt } from '../shared/dates';

/** Exact's dates are Dutch time. */
export const EXACT_TIME_ZONE = DUTCH_TIME_ZONE;

const EXACT_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

export class ExactDateError extends Error {}

export function isExactDate(value: unknown): value is string {
	return typeof value === 'string' && EXACT_DATE.test(value);
}

/** "/Date(1392163200000)/" -> "2014-02-12T00:00:00.000+01:00" */
export function fromExactDate(value: string): string {
	const match = EXACT_DATE.exec(value);
	if (!match) throw new ExactDateError(`"${value}" is not an Exact date`);
	// The milliseconds are the Dutch wall clock written as if it were UTC.
	const w = DateTime.fromMillis(Number(match[1]), { zone: 'utc' });
	const local = fromWallClock({ y: w.year, m: w.month, d: w.day, h: w.hour, i: w.minute, s: w.second, ms: w.millisecond });
	return local.toISO() as string;
}

function toAmsterdam(value: string | Date): DateTime {
	const parsed =
		value instanceof Date
			? DateTime.fromJSDate(value)
			: DateTime.fromISO(value.trim(), { setZone: true, zone: EXACT_TIME_ZONE });
	if (!parsed.isValid) {
		throw new ExactDateError(`"${String(value)}" is not a date: use ISO 8601, e.g. 2026-01-31 or 2026-01-31T14:30:00+01:00`);
	}
	return parsed.setZone(EXACT_TIME_ZONE);
}

/** An ISO date (with or without offset; without one it is read as Dutch time) -> "/Date(ms)/". */
export function toExactDate(value: string | Date): string {
	const w = wallClockAt(toAmsterdam(value));
	const wallClockAsUtc = DateTime.fromObject(
		{ year: w.y, month: w.m, day: w.d, hour: w.h, minute: w.i, second: w.s, millisecond: w.ms },
		{ zone: 'utc' },
	);
	return `/Date(${wallClockAsUtc.toMillis()})/`;
}

/** The form Exact wants inside datetime'...' in a filter: Dutch local time, no offset. */
export function toExactFilterDateTime(value: string | Date): string {
	return toAmsterdam(value).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** ISO date-time for values Exact expects in a POST/PUT body (Dutch local time, no offset). */
export function toExactBodyDateTime(value: string | Date): string {
	return toAmsterdam(value).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}
