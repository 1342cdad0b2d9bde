import {
	OutSmartFormatError,
	combineDateTime,
	formatAmount,
	formatDate,
	formatDuration,
	formatDurationFromHours,
	formatFlag,
	formatIsoDate,
	formatPointAmount,
	formatQuantity,
	formatTime,
	parseAmount,
	parseAmountOrNull,
	parseDate,
	parseDateOrNull,
	parseDateTime,
	parseDuration,
	parseDurationOrNull,
	parseFlag,
	parseTime,
} from '../../../nodes/shared/formats';

describe('amounts', () => {
	it.each([
		['0,00', 0],
		['12,5', 12.5],
		['12,50', 12.5],
		['1.234,50', 1234.5],
		['1234,50', 1234.5],
		['-2,00', -2],
		['-0,00', 0],
		['12.50', 12.5],
		['50.00', 50],
		['1,234.50', 1234.5],
		['1.234.567', 1234567],
		['1', 1],
		['-1', -1],
		['2,5', 2.5],
		[' 4,55 ', 4.55],
		[7.25, 7.25],
	])('reads %j as %d', (input, expected) => {
		expect(parseAmount(input)).toBe(expected);
	});

	it('reads a single point as a decimal point (documented ambiguity)', () => {
		expect(parseAmount('1.234')).toBe(1.234);
	});

	it.each([['abc'], [''], ['12,'], [',5'], ['1,2,3'], ['€ 12,50'], [null], [undefined], [{}], [Number.NaN], ['1.23.45,6']])(
		'refuses %j with an OutSmartFormatError',
		(input) => {
			expect(() => parseAmount(input)).toThrow(OutSmartFormatError);
		},
	);

	it('names the value and what it expected', () => {
		expect(() => parseAmount('twaalf')).toThrow('Cannot read "twaalf" as an OutSmart amount: expected a number such as "12,50"');
	});

	it('gives null for empty values in the OrNull variant', () => {
		expect(parseAmountOrNull('')).toBeNull();
		expect(parseAmountOrNull(null)).toBeNull();
		expect(parseAmountOrNull('3,10')).toBe(3.1);
	});

	it.each([
		[0, '0,00'],
		[12.5, '12,50'],
		[1234.5, '1234,50'],
		[-2, '-2,00'],
		[-0.001, '0,00'],
		[0.005, '0,01'],
	])('writes %d as %s', (input, expected) => {
		expect(formatAmount(input)).toBe(expected);
	});

	it('writes thousands separators and other precisions on request', () => {
		expect(formatAmount(1234.5, { thousands: true })).toBe('1.234,50');
		expect(formatAmount(-1234567.891, { thousands: true, decimals: 3 })).toBe('-1.234.567,891');
		expect(formatAmount(12, { decimals: 0 })).toBe('12');
	});

	it('round-trips every format it writes', () => {
		for (const value of [0, 12.5, 1234.5, -2, 99999.99, -0.5]) {
			expect(parseAmount(formatAmount(value))).toBe(value);
			expect(parseAmount(formatAmount(value, { thousands: true }))).toBe(value);
			expect(parseAmount(formatPointAmount(value))).toBe(value);
		}
	});

	it('writes point amounts and quantities', () => {
		expect(formatPointAmount(50)).toBe('50.00');
		expect(formatPointAmount(-0.001)).toBe('0.00');
		expect(formatQuantity(1)).toBe('1');
		expect(formatQuantity(-1)).toBe('-1');
		expect(formatQuantity(2.5)).toBe('2,5');
		expect(formatQuantity(1 / 3)).toBe('0,3333');
		expect(parseAmount(formatQuantity(-2.5))).toBe(-2.5);
	});

	it('refuses to write infinite numbers', () => {
		expect(() => formatAmount(Number.POSITIVE_INFINITY)).toThrow(OutSmartFormatError);
		expect(() => formatQuantity(Number.NaN)).toThrow(OutSmartFormatError);
	});
});

describe('durations', () => {
	it.each([
		['00:00', 0, 0],
		['10:15', 615, 10.25],
		['03:45', 225, 3.75],
		['0:30', 30, 0.5],
		['125:30', 7530, 125.5],
		['-00:30', -30, -0.5],
		['02:15:59', 135, 2.25],
	])('reads %s as %i minutes (%d hours) and keeps the text', (text, minutes, hours) => {
		expect(parseDuration(text)).toEqual({ minutes, hours, text });
	});

	it.each([['3.75'], ['10:60'], [''], ['ab:cd'], [225]])('refuses %j', (input) => {
		expect(() => parseDuration(input)).toThrow(OutSmartFormatError);
	});

	it('writes HH:MM and round-trips', () => {
		expect(formatDuration(0)).toBe('00:00');
		expect(formatDuration(615)).toBe('10:15');
		expect(formatDuration(7530)).toBe('125:30');
		expect(formatDuration(-30)).toBe('-00:30');
		expect(formatDuration(44.6)).toBe('00:45');
		expect(formatDurationFromHours(3.75)).toBe('03:45');
		for (const text of ['00:00', '10:15', '03:45', '125:30']) expect(formatDuration(parseDuration(text).minutes)).toBe(text);
		expect(parseDurationOrNull('')).toBeNull();
	});
});

describe('dates and times', () => {
	it('reads d-m-Y and Y-m-d dates as ISO dates', () => {
		expect(parseDate('27-11-2026')).toBe('2026-11-27');
		expect(parseDate('1-2-2026')).toBe('2026-02-01');
		expect(parseDate('2026-11-27')).toBe('2026-11-27');
		expect(parseDate('29-02-2028')).toBe('2028-02-29');
		expect(parseDateOrNull('')).toBeNull();
	});

	it.each([['31-02-2026'], ['2026/11/27'], ['27-11-26'], ['11-27-2026'], ['']])('refuses the date %j', (input) => {
		expect(() => parseDate(input)).toThrow(OutSmartFormatError);
	});

	it('writes dates as d-m-Y, converting date-times with an offset to Dutch time', () => {
		expect(formatDate('2026-11-27')).toBe('27-11-2026');
		expect(formatDate('27-11-2026')).toBe('27-11-2026');
		expect(formatDate('2026-11-27T23:30:00Z')).toBe('28-11-2026');
		expect(formatDate('2026-11-27T23:30:00')).toBe('27-11-2026');
		expect(formatDate(new Date('2026-06-30T22:30:00Z'))).toBe('01-07-2026');
		expect(() => formatDate('morgen')).toThrow(OutSmartFormatError);
		for (const d of ['01-01-2026', '31-12-2026', '29-02-2028']) expect(formatDate(parseDate(d))).toBe(d);
	});

	it('writes dates as Y-m-d for projects and price lists, with the same conversions', () => {
		expect(formatIsoDate('27-11-2026')).toBe('2026-11-27');
		expect(formatIsoDate('2026-11-27')).toBe('2026-11-27');
		expect(formatIsoDate('2026-11-27T23:30:00Z')).toBe('2026-11-28');
		expect(formatIsoDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
		expect(() => formatIsoDate('31-02-2026')).toThrow(OutSmartFormatError);
	});

	it('reads and writes H:i times', () => {
		expect(parseTime('9:30')).toBe('09:30');
		expect(parseTime('09:30:00')).toBe('09:30');
		expect(() => parseTime('24:00')).toThrow(OutSmartFormatError);
		expect(formatTime('9:05')).toBe('09:05');
		expect(formatTime('2026-11-27T08:30:00Z')).toBe('09:30');
		expect(formatTime('2026-07-01T08:30:00Z')).toBe('10:30');
		expect(formatTime(new Date('2026-11-27T08:30:00Z'))).toBe('09:30');
	});

	it('reads CreationDate and work date + time as ISO with the Amsterdam offset (winter and summer)', () => {
		expect(parseDateTime('2013-06-11 02:51')).toBe('2013-06-11T02:51:00+02:00');
		expect(parseDateTime('2026-11-27 09:30')).toBe('2026-11-27T09:30:00+01:00');
		expect(combineDateTime('27-11-2026', '09:30')).toBe('2026-11-27T09:30:00+01:00');
		expect(combineDateTime('01-07-2026', '')).toBe('2026-07-01T00:00:00+02:00');
		expect(() => parseDateTime('27-11-2026 09:30')).toThrow(OutSmartFormatError);
	});
});

describe('flags', () => {
	it('reads and writes "0"/"1"', () => {
		expect(parseFlag('1')).toBe(true);
		expect(parseFlag('0')).toBe(false);
		expect(parseFlag(1)).toBe(true);
		expect(parseFlag('')).toBe(false);
		expect(parseFlag(null)).toBe(false);
		expect(() => parseFlag('ja')).toThrow(OutSmartFormatError);
		expect(formatFlag(true)).toBe('1');
		expect(formatFlag(false)).toBe('0');
	});
});
