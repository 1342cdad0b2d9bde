/**
 * Dutch time, the one date module both vendors use (on luxon, which n8n itself ships). Exact and OutSmart both
 * write dates as Dutch wall-clock time without an offset; a flow gets ISO 8601 with the real offset, so that
 * summer time is right whatever zone n8n runs in.
 */
import { DateTime } from 'luxon';

export const DUTCH_TIME_ZONE = 'Europe/Amsterdam';

/** A Dutch wall-clock moment, as the APIs write it. */
export interface WallClock {
	y: number;
	m: number;
	d: number;
	h: number;
	i: number;
	s?: number;
	ms?: number;
}

/** A Dutch wall-clock moment as luxon DateTime in Europe/Amsterdam. */
export function fromWallClock(w: WallClock): DateTime {
	return DateTime.fromObject(
		{ year: w.y, month: w.m, day: w.d, hour: w.h, minute: w.i, second: w.s ?? 0, millisecond: w.ms ?? 0 },
		{ zone: DUTCH_TIME_ZONE },
	);
}

/** The Dutch wall clock at an instant. */
export function wallClockAt(instant: DateTime | Date): WallClock {
	const local = (instant instanceof Date ? DateTime.fromJSDate(instant) : instant).setZone(DUTCH_TIME_ZONE);
	return { y: local.year, m: local.month, d: local.day, h: local.hour, i: local.minute, s: local.second, ms: local.millisecond };
}

/** 2026-11-27 09:30 Dutch time -> "2026-11-27T09:30:00+01:00" (seconds precision). */
export function wallClockToIso(w: WallClock): string {
	return fromWallClock(w).toISO({ suppressMilliseconds: true }) as string;
}

/** Today's date in the Netherlands, "2026-11-27". */
export function dutchToday(): string {
	return DateTime.now().setZone(DUTCH_TIME_ZONE).toISODate() as string;
}
