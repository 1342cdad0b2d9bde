/**
 * How the fake OutSmart writes and reads values. Written independently of the package's transport formats on
 * purpose: the simulator is the ground truth the transport is tested against, so they must not share code.
 *
 * What the OpenAPI examples show (outsmart-openapi-v8.json):
 * - work order material lines and materials: decimal comma, 2 decimals ("0,00", "4,55", "233,00");
 *   MaterialNr (the quantity) as a plain number string ("1", "2");
 * - hour types, prices, invoices, transactions: decimal point, 2 decimals ("50.00", "43.56") - raw DB decimals;
 * - dates d-m-Y ("11-06-2013"), times H:i ("10:30"), durations H:i ("03:45");
 * - CreationDate "Y-m-d H:i" ("2013-06-11 02:51"); projects and prices use Y-m-d dates ("2013-10-01");
 * - flags "0"/"1" strings; null in material free fields.
 * No example shows an amount of 1,000 or more with a decimal comma, so whether OutSmart writes a thousands
 * separator is unknown: plain ("1234,50") by default, "1.234,50" with the `thousands` amount style.
 */

export type AmountStyle = 'plain' | 'thousands';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 12.5 -> "12,50"; 1234.5 -> "1234,50" (plain) or "1.234,50" (thousands). */
export function commaAmount(value: number, style: AmountStyle = 'plain'): string {
	const negative = value < 0;
	const [int, dec] = Math.abs(value).toFixed(2).split('.');
	const grouped = style === 'thousands' ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
	return `${negative && Number(`${int}.${dec}`) !== 0 ? '-' : ''}${grouped},${dec}`;
}

/** 50 -> "50.00" (hour types, prices). */
export function pointAmount(value: number): string {
	return value.toFixed(2);
}

/** A quantity: 1 -> "1", -1 -> "-1", 2.5 -> "2,5". */
export function quantity(value: number): string {
	if (Number.isInteger(value)) return String(value);
	return String(Math.round(value * 1000) / 1000).replace('.', ',');
}

/**
 * Lenient number reading, as a PHP backend that stores DB decimals would do: "4,55", "4.55", 4.55, "1.234,50".
 * Returns undefined when the value cannot be read.
 */
export function readNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	let text = value.trim();
	if (text === '') return undefined;
	if (text.includes(',') && text.includes('.')) {
		text = text.lastIndexOf(',') > text.lastIndexOf('.') ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
	} else if (text.includes(',')) {
		text = text.replace(',', '.');
	}
	if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
	return Number(text);
}

/** "27-11-2026" -> {y, m, d} when it is a real calendar date. */
export function readDmy(value: unknown): { y: number; m: number; d: number } | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value.trim());
	if (!match) return undefined;
	const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
	return isCalendarDate(y, m, d) ? { y, m, d } : undefined;
}

/** "2026-11-27" -> {y, m, d} when it is a real calendar date. */
export function readYmd(value: unknown): { y: number; m: number; d: number } | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
	if (!match) return undefined;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	return isCalendarDate(y, m, d) ? { y, m, d } : undefined;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** {y, m, d} -> "27-11-2026" (d-m-Y, zero padded like PHP's date('d-m-Y')). */
export function dmy(parts: { y: number; m: number; d: number }): string {
	return `${pad2(parts.d)}-${pad2(parts.m)}-${parts.y}`;
}

/** Normalises an accepted d-m-Y input ("1-2-2026") to "01-02-2026". */
export function normaliseDmy(value: unknown): string | undefined {
	const parts = readDmy(value);
	return parts ? dmy(parts) : undefined;
}

/** "10:30" -> minutes since midnight, for H:i times (00:00-23:59). */
export function readTime(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
	if (!match) return undefined;
	const [h, i] = [Number(match[1]), Number(match[2])];
	return h < 24 && i < 60 ? h * 60 + i : undefined;
}

/** minutes -> "HH:MM" (also for durations, which may exceed 24 hours). */
export function hhmm(minutes: number): string {
	const sign = minutes < 0 ? '-' : '';
	const abs = Math.abs(Math.round(minutes));
	return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** "03:45" duration -> minutes. */
export function readDuration(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{1,3}):(\d{2})$/.exec(value.trim());
	if (!match || Number(match[2]) >= 60) return undefined;
	return Number(match[1]) * 60 + Number(match[2]);
}

/** Local wall-clock parts of an instant in Europe/Amsterdam. */
export function amsterdamParts(instant: Date): { y: number; m: number; d: number; h: number; i: number } {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/Amsterdam',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(instant);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), i: get('minute') };
}

/** CreationDate format: "2013-06-11 02:51" (Y-m-d H:i, Dutch local time). */
export function creationDate(instant: Date): string {
	const p = amsterdamParts(instant);
	return `${p.y}-${pad2(p.m)}-${pad2(p.d)} ${pad2(p.h)}:${pad2(p.i)}`;
}

/** Flags: anything truthy-looking -> "1", else "0". */
export function flag(value: unknown): '0' | '1' {
	return value === true || value === 1 || value === '1' || value === 'true' ? '1' : '0';
}

/** PHP-ish string conversion of a stored scalar. */
export function str(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value === true ? 1 : value === false ? 0 : value);
	return JSON.stringify(value);
}

/** A required value is missing when absent, null or an empty string (projects example: status "" -> 1701). */
export function isMissing(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
