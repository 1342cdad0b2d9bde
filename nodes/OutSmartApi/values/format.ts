/**
 * Values a user gives (numbers, booleans, ISO dates, or already OutSmart-formatted text) written the way
 * OutSmart wants them, and compared with what OutSmart has. Unreadable input throws OutSmartFormatError.
 */
import type { ValueKind } from '../entities';
import {
	OutSmartFormatError,
	formatAmount,
	formatFlag,
	formatIsoDate,
	formatPointAmount,
	parseAmount,
	parseDate,
	parseFlag,
} from '../transport';

const isBlank = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** Decimals to write: at least 2 (OutSmart's own style), up to 4 so that a price such as 0.0125 is not rounded. */
export function decimalsFor(value: number): number {
	for (let decimals = 2; decimals < 4; decimals++) {
		if (Math.abs(Number(value.toFixed(decimals)) - value) < 1e-9) return decimals;
	}
	return 4;
}

function toNumber(value: unknown): number {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new OutSmartFormatError('amount', value, 'a finite number');
		return value;
	}
	return parseAmount(value);
}

function toInteger(value: unknown): number {
	const n = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
	if (!Number.isInteger(n)) throw new OutSmartFormatError('amount', value, 'a whole number such as 240');
	return n;
}

function toFloat(value: unknown): number {
	const n = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
	if (!Number.isFinite(n)) throw new OutSmartFormatError('amount', value, 'a number such as 51.6978');
	return n;
}

function toFlag(value: unknown): boolean {
	if (typeof value === 'string' && /^(yes|no)$/i.test(value.trim())) return value.trim().toLowerCase() === 'yes';
	return parseFlag(typeof value === 'string' ? value.trim().toLowerCase() : value);
}

/**
 * A value written for OutSmart: "12,50" (commaAmount), "65.00" (pointAmount), "1"/"0" (flag), "240" (int),
 * "51.6978" (float), "2026-11-27" (date), text as is. Empty input stays empty (""), null stays null.
 */
export function formatValue(kind: ValueKind, value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (isBlank(value)) return '';
	switch (kind) {
		case 'commaAmount': {
			const n = toNumber(value);
			return formatAmount(n, { decimals: decimalsFor(n) });
		}
		case 'pointAmount': {
			const n = toNumber(value);
			return formatPointAmount(n, decimalsFor(n));
		}
		case 'flag':
			return formatFlag(toFlag(value));
		case 'int':
			return String(toInteger(value));
		case 'float':
			return String(toFloat(value));
		case 'date':
			return formatIsoDate(value);
		default:
			return typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
}

/** A value reduced to a comparable text: what OutSmart has and what we send are equal when these are. */
export function comparable(kind: ValueKind, value: unknown): string {
	if (isBlank(value)) return '';
	try {
		switch (kind) {
			case 'commaAmount':
			case 'pointAmount':
				// OutSmart shows amounts with 2 decimals: compare at that precision, or a price sent as 0.0125 would
				// read back as 0,01 and count as "updated" on every run.
				return toNumber(value).toFixed(2);
			case 'flag':
				return formatFlag(toFlag(value));
			case 'int':
			case 'float':
				return String(toFloat(value));
			case 'date':
				return parseDate(formatIsoDate(value));
			default:
				return String(value);
		}
	} catch {
		return String(value);
	}
}
