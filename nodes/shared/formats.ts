/**
 * The one place that reads and writes OutSmart's value formats. Pure functions, no n8n imports.
 *
 * What OutSmart sends (outsmart-openapi-v8.json examples):
 * - amounts as strings: a decimal comma on materials and work order lines ("0,00", "4,55", "233,00"), a decimal
 *   point on hour types, price lists and invoices ("50.00"); whether a thousands separator ever appears is not
 *   documented, so "1.234,50" and "1,234.50" are read too;
 * - quantities (MaterialNr) as "1", "-1", possibly "2,5";
 * - dates d-m-Y ("27-11-2026"), Y-m-d on projects and prices ("2026-11-27"); times H:i; durations H:i ("03:45");
 *   CreationDate "Y-m-d H:i" in Dutch local time;
 * - flags "0"/"1".
 *
 * Unreadable input throws `OutSmartFormatError` (a plain typed Error: the node layer wraps it into a
 * NodeOperationError with the item index). Functions named `...OrNull` give null for empty input ("" or null).
 *
 * Shared by both vendors' sides: the OutSmart transport writes these formats, and the mapping reads work orders
 * in them (it accepts a work order as OutSmart sends it). Dutch time through ./dates.
 */
import { type WallClock, wallClockAt, wallClockToIso } from './dates';

export type OutSmartFormatKind = 'amount' | 'date' | 'time' | 'duration' | 'flag' | 'datetime';

export class OutSmartFormatError extends Error {
	constructor(
		readonly kind: OutSmartFormatKind,
		readonly value: unknown,
		expected: string,
	) {
		super(`Cannot read ${JSON.stringify(value)} as an OutSmart ${kind}: expected ${expected}`);
		this.name = 'OutSmartFormatError';
	}
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function isEmpty(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

// ------------------------------------------------------------------------------------------ amounts

const AMOUNT_EXPECTED = 'a number such as "12,50", "0,00", "1.234,50", "-2,00" or "12.50"';

/**
 * Reads an OutSmart amount or quantity:
 * "0,00" -> 0, "12,5" -> 12.5, "1.234,50" -> 1234.5, "-2,00" -> -2, "12.50" -> 12.5, "1,234.50" -> 1234.5,
 * "1.234.567" -> 1234567. A single point is a decimal point ("1.234" -> 1.234): OutSmart writes point decimals
 * only as raw database values, and its comma-formatted values always carry decimals.
 */
export function parseAmount(value: unknown): number {
	if (typeof value === 'number') {
		if (Number.isFinite(value)) return value;
		throw new OutSmartFormatError('amount', value, AMOUNT_EXPECTED);
	}
	if (typeof value !== 'string') throw new OutSmartFormatError('amount', value, AMOUNT_EXPECTED);
	const text = value.trim();
	let normalised: string | undefined;
	if (/^[+-]?\d+(,\d+)?$/.test(text)) normalised = text.replace(',', '.');
	else if (/^[+-]?\d+\.\d+$/.test(text)) normalised = text;
	else if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(text)) normalised = text.replace(/\./g, '').replace(',', '.');
	else if (/^[+-]?\d{1,3}(\.\d{3}){2,}$/.test(text)) normalised = text.replace(/\./g, '');
	else if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(text)) normalised = text.replace(/,/g, '');
	if (normalised === undefined) throw new OutSmartFormatError('amount', value, AMOUNT_EXPECTED);
	const result = Number(normalised);
	return Object.is(result, -0) ? 0 : result;
}

export function parseAmountOrNull(value: unknown): number | null {
	return isEmpty(value) ? null : parseAmount(value);
}

function assertFinite(value: number): void {
	if (!Number.isFinite(value)) throw new OutSmartFormatError('amount', value, 'a finite number');
}

/**
 * Writes an amount the way OutSmart writes material prices: decimal comma, `decimals` places (2), no thousands
 * separator unless asked: 12.5 -> "12,50", 1234.5 -> "1234,50" ("1.234,50" with thousands), -2 -> "-2,00".
 */
export function formatAmount(value: number, options: { decimals?: number; thousands?: boolean } = {}): string {
	assertFinite(value);
	const decimals = options.decimals ?? 2;
	const fixed = Math.abs(value).toFixed(decimals);
	const [int, dec] = fixed.split('.');
	const grouped = options.thousands ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
	const negative = value < 0 && Number(fixed) !== 0;
	return `${negative ? '-' : ''}${grouped}${dec !== undefined ? `,${dec}` : ''}`;
}

/** Writes a point-decimal amount, as hour types and price lists use: 50 -> "50.00". */
export function formatPointAmount(value: number, decimals = 2): string {
	assertFinite(value);
	const fixed = value.toFixed(decimals);
	return Number(fixed) === 0 ? (0).toFixed(decimals) : fixed;
}

/** Writes a quantity (MaterialNr): 1 -> "1", -1 -> "-1", 2.5 -> "2,5" (up to 4 decimals, no trailing zeros). */
export function formatQuantity(value: number): string {
	assertFinite(value);
	const rounded = Math.round(value * 10_000) / 10_000;
	return String(Object.is(rounded, -0) ? 0 : rounded).replace('.', ',');
}

// ------------------------------------------------------------------------------------------ durations

export interface OutSmartDuration {
	/** Whole minutes. */
	minutes: number;
	/** Decimal hours: "03:45" -> 3.75. */
	hours: number;
	/** The string as OutSmart sent it. */
	text: string;
}

/** Reads a H:i duration ("03:45", "00:00", "10:15", also "125:30" and "-00:30"; seconds are dropped). */
export function parseDuration(value: unknown): OutSmartDuration {
	const expected = 'a duration HH:MM such as "03:45"';
	if (typeof value !== 'string') throw new OutSmartFormatError('duration', value, expected);
	const match = /^(-)?(\d{1,4}):([0-5]\d)(?::[0-5]\d)?$/.exec(value.trim());
	if (!match) throw new OutSmartFormatError('duration', value, expected);
	const minutes = (match[1] ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
	return { minutes: minutes || 0, hours: (minutes || 0) / 60, text: value };
}

export function parseDurationOrNull(value: unknown): OutSmartDuration | null {
	return isEmpty(value) ? null : parseDuration(value);
}

/** minutes -> "HH:MM" (rounded to whole minutes): 225 -> "03:45", 0 -> "00:00", 615 -> "10:15". */
export function formatDuration(minutes: number): string {
	if (!Number.isFinite(minutes)) throw new OutSmartFormatError('duration', minutes, 'a finite number of minutes');
	const total = Math.round(Math.abs(minutes));
	return `${minutes < 0 && total ? '-' : ''}${pad2(Math.floor(total / 60))}:${pad2(total % 60)}`;
}

/** decimal hours -> "HH:MM": 3.75 -> "03:45". */
export function formatDurationFromHours(hours: number): string {
	return formatDuration(hours * 60);
}

// ------------------------------------------------------------------------------------------ dates and times

function isCalendarDate(y: number, m: number, d: number): boolean {
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const iso = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;

/** Reads an OutSmart date: "27-11-2026" (d-m-Y, also "1-2-2026") or "2026-11-27" -> ISO "2026-11-27". */
export function parseDate(value: unknown): string {
	const expected = 'a date d-m-Y such as "27-11-2026"';
	if (typeof value !== 'string') throw new OutSmartFormatError('date', value, expected);
	const text = value.trim();
	const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
	const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]].map(Number) : ymd ? [ymd[1], ymd[2], ymd[3]].map(Number) : [0, 0, 0];
	if (!(dmy || ymd) || !isCalendarDate(y, m, d)) throw new OutSmartFormatError('date', value, expected);
	return iso(y, m, d);
}

export function parseDateOrNull(value: unknown): string | null {
	return isEmpty(value) ? null : parseDate(value);
}

/** Reads a H:i time ("09:30", "9:30", "09:30:00") -> "09:30". */
export function parseTime(value: unknown): string {
	const expected = 'a time H:i such as "09:30"';
	if (typeof value !== 'string') throw new OutSmartFormatError('time', value, expected);
	const match = /^(\d{1,2}):([0-5]\d)(?::[0-5]\d)?$/.exec(value.trim());
	if (!match || Number(match[1]) > 23) throw new OutSmartFormatError('time', value, expected);
	return `${pad2(Number(match[1]))}:${match[2]}`;
}

export function parseTimeOrNull(value: unknown): string | null {
	return isEmpty(value) ? null : parseTime(value);
}

/**
 * Reads OutSmart's CreationDate ("2013-06-11 02:51", Dutch time; also "2013-06-11 02:51:30") or a date plus
 * time -> ISO 8601 with the Amsterdam offset.
 */
export function parseDateTime(value: unknown): string {
	const expected = 'a date and time "Y-m-d H:i" such as "2026-11-27 09:30"';
	if (typeof value !== 'string') throw new OutSmartFormatError('datetime', value, expected);
	const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
	if (!match) throw new OutSmartFormatError('datetime', value, expected);
	const [y, m, d, h, i] = match.slice(1).map(Number);
	if (!isCalendarDate(y, m, d) || h > 23 || i > 59) throw new OutSmartFormatError('datetime', value, expected);
	return wallClockToIso({ y, m, d, h, i });
}

export function parseDateTimeOrNull(value: unknown): string | null {
	return isEmpty(value) ? null : parseDateTime(value);
}

/** A work date ("27-11-2026") and time ("09:30") -> "2026-11-27T09:30:00+01:00". An empty time means 00:00. */
export function combineDateTime(date: unknown, time: unknown): string {
	const [y, m, d] = parseDate(date).split('-').map(Number);
	const [h, i] = (parseTimeOrNull(time) ?? '00:00').split(':').map(Number);
	return wallClockToIso({ y, m, d, h, i });
}

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** A value to send as a date, as a Dutch wall clock: ISO date, ISO date-time (converted if it has an offset),
 * d-m-Y, or a Date. */
function toWallClock(value: unknown, kind: 'date' | 'time'): WallClock {
	const expected = kind === 'date' ? 'an ISO date such as "2026-11-27", "27-11-2026" or a Date' : 'a time "09:30", an ISO date-time or a Date';
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new OutSmartFormatError(kind, value, expected);
		return wallClockAt(value);
	}
	if (typeof value !== 'string') throw new OutSmartFormatError(kind, value, expected);
	const text = value.trim();
	const dateTime = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
	if (dateTime) {
		if (HAS_OFFSET.test(text) && dateTime[4] !== undefined) {
			const instant = new Date(text);
			if (Number.isNaN(instant.getTime())) throw new OutSmartFormatError(kind, value, expected);
			return wallClockAt(instant);
		}
		const [y, m, d] = [dateTime[1], dateTime[2], dateTime[3]].map(Number);
		if (!isCalendarDate(y, m, d)) throw new OutSmartFormatError(kind, value, expected);
		return { y, m, d, h: Number(dateTime[4] ?? 0), i: Number(dateTime[5] ?? 0) };
	}
	if (kind === 'date') {
		const [y, m, d] = parseDate(text).split('-').map(Number);
		return { y, m, d, h: 0, i: 0 };
	}
	const [h, i] = parseTime(text).split(':').map(Number);
	return { y: 1970, m: 1, d: 1, h, i };
}

/**
 * Writes a date the way OutSmart wants it (d-m-Y): "2026-11-27" -> "27-11-2026"; an ISO date-time with an
 * offset is first converted to Dutch time ("2026-11-27T23:30:00Z" -> "28-11-2026"); a Date likewise.
 */
export function formatDate(value: unknown): string {
	const w = toWallClock(value, 'date');
	return `${pad2(w.d)}-${pad2(w.m)}-${w.y}`;
}

/**
 * Writes a date as Y-m-d, the way projects and price lists want it: "27-11-2026" -> "2026-11-27"; an ISO
 * date-time with an offset is first converted to Dutch time, a Date likewise.
 */
export function formatIsoDate(value: unknown): string {
	const w = toWallClock(value, 'date');
	return iso(w.y, w.m, w.d);
}

/** Writes a time (H:i): "9:30" -> "09:30", "2026-11-27T08:30:00Z" -> "09:30" (Dutch time), a Date likewise. */
export function formatTime(value: unknown): string {
	const w = toWallClock(value, 'time');
	return `${pad2(w.h)}:${pad2(w.i)}`;
}

// ------------------------------------------------------------------------------------------ flags

/** "1"/"0" (also 1/0, true/false, "true"/"false") -> boolean; "" and null -> false. */
export function parseFlag(value: unknown): boolean {
	if (isEmpty(value)) return false;
	if (value === true || value === 1 || value === '1' || value === 'true') return true;
	if (value === false || value === 0 || value === '0' || value === 'false') return false;
	throw new OutSmartFormatError('flag', value, '"1" or "0"');
}

export function formatFlag(value: boolean): '1' | '0' {
	return value ? '1' : '0';
}
