import { DateTime } from 'luxon';

/**
 * Exact stores and returns dates as Dutch wall-clock time (CET/CEST) serialised as if it were UTC:
 * 31 Jan 2024 10:00 in Amsterdam is "/Date(Date.UTC(2024,0,31,10,0))/". Everything here converts between
 * real instants (epoch ms) and that "local ms" representation.
 */
export const EXACT_ZONE = 'Europe/Amsterdam';

/** Dutch wall-clock time of an instant, encoded as UTC ms. */
export function localMsFromEpoch(epochMs: number): number {
	const dt = DateTime.fromMillis(epochMs, { zone: EXACT_ZONE });
	return Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second, dt.millisecond);
}

/** The instant at which Dutch clocks show the given local ms. */
export function epochFromLocalMs(localMs: number): number {
	const d = new Date(localMs);
	return DateTime.fromObject(
		{
			year: d.getUTCFullYear(),
			month: d.getUTCMonth() + 1,
			day: d.getUTCDate(),
			hour: d.getUTCHours(),
			minute: d.getUTCMinutes(),
			second: d.getUTCSeconds(),
			millisecond: d.getUTCMilliseconds(),
		},
		{ zone: EXACT_ZONE },
	).toMillis();
}

export function exactDate(localMs: number): string {
	return `/Date(${localMs})/`;
}

/** "/Date(ms)/" for the current instant, in Dutch local time. */
export function exactDateFromEpoch(epochMs: number): string {
	return exactDate(localMsFromEpoch(epochMs));
}

/** Local ms of a "/Date(ms)/" (an optional "+0100" suffix is ignored, as Exact never sends one). */
export function parseExactDate(value: string): number | undefined {
	const m = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value);
	return m ? Number(m[1]) : undefined;
}

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Local ms of an ISO date(-time) text. The digits are taken as Dutch local time and a "Z" or offset is
 * ignored: Exact compares and stores the wall-clock digits, so a client that sends UTC is off by 1-2 hours.
 */
export function parseIsoAsLocal(text: string): number | undefined {
	const m = ISO_LOCAL.exec(text.trim());
	if (!m) return undefined;
	const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
	const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
	const value = Date.UTC(y, mo - 1, d, h, mi, s, ms);
	if (new Date(value).getUTCDate() !== d) return undefined;
	return value;
}

/** A date value from a request body: "/Date(ms)/" or ISO text. */
export function parseDateInput(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	return parseExactDate(value) ?? parseIsoAsLocal(value);
}

/** "2024-01-31T10:00:00" (with milliseconds when present), as Exact writes dates in Atom/XML. */
export function localIso(localMs: number): string {
	const iso = new Date(localMs).toISOString();
	return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}

/** Start of the next Dutch calendar day (the daily rate limit resets then), as epoch ms. */
export function nextAmsterdamMidnight(epochMs: number): number {
	return DateTime.fromMillis(epochMs, { zone: EXACT_ZONE }).startOf('day').plus({ days: 1 }).toMillis();
}

/** Hours Amsterdam is ahead of UTC at that instant (1 or 2). */
export function utcOffsetHours(epochMs: number): number {
	return DateTime.fromMillis(epochMs, { zone: EXACT_ZONE }).offset / 60;
}

/** Local ms of midnight of the Dutch day that contains the instant, plus whole days. */
export function localDay(epochMs: number, plusDays = 0): number {
	const local = localMsFromEpoch(epochMs);
	return local - (local % 86_400_000) + plusDays * 86_400_000;
}
