/**
 * The OutSmart node's value layer, pure: what OutSmart sends becomes typed JSON (clean), what a user gives is
 * written the way OutSmart wants it (format), and both round-trip.
 */
import type { IDataObject } from 'n8n-workflow';

import { HOUR_TYPE, MATERIAL, PROJECT, RELATION } from '../../../nodes/OutSmartApi/entities';
import { cleanRecord, cleanValue, cleanWorkorder, shapeOutput } from '../../../nodes/OutSmartApi/values/clean';
import { comparable, decimalsFor, formatValue } from '../../../nodes/OutSmartApi/values/format';
import { refusalReason } from '../../../nodes/OutSmartApi/refusals';
import { OutSmartFormatError } from '../../../nodes/OutSmartApi/transport';

describe('clean values', () => {
	it.each([
		['0,00', 0],
		['12,5', 12.5],
		['1.234,50', 1234.5],
		['1234,50', 1234.5],
		['-89,95', -89.95],
		['50.00', 50],
		['', null],
		[null, null],
	])('amount %j -> %j', (input, expected) => {
		expect(cleanValue('commaAmount', input)).toBe(expected);
	});

	it('keeps a value it cannot read as OutSmart sent it instead of failing the whole read', () => {
		expect(cleanValue('commaAmount', 'n.v.t.')).toBe('n.v.t.');
		expect(cleanValue('date', '00-00-0000')).toBe('00-00-0000');
		expect(cleanValue('flag', 'ja')).toBe('ja');
	});

	it('types flags, whole numbers, coordinates and dates', () => {
		expect([cleanValue('flag', '1'), cleanValue('flag', '0'), cleanValue('flag', '')]).toEqual([true, false, null]);
		expect([cleanValue('int', '240'), cleanValue('int', '')]).toEqual([240, null]);
		expect([cleanValue('float', '51.700295'), cleanValue('float', null)]).toEqual([51.700295, null]);
		expect([cleanValue('date', '24-10-2026'), cleanValue('date', '2026-10-24'), cleanValue('date', null)]).toEqual(['2026-10-24', '2026-10-24', null]);
		expect(cleanValue('text', '0,00')).toBe('0,00');
	});

	it('cleans a record by its entity and passes unknown fields', () => {
		expect(cleanRecord(HOUR_TYPE, { code: 'UUR', sale_price: '65.00', cost_booking: '1', active: '0', extra: 'x' })).toEqual({
			code: 'UUR',
			sale_price: 65,
			cost_booking: true,
			active: false,
			extra: 'x',
		});
	});
});

describe('clean work orders', () => {
	const raw: IDataObject = {
		id: '169828',
		WorkDate: '22-11-2026',
		WorkTime: '7:30',
		WorkEndDate: '',
		WorkDeadline: '',
		CreationDate: '2026-07-01 09:19',
		WorkDuration: '90',
		MinimumHours: '1.50',
		RoundingAmount: '0.00',
		WorkFinished: '1',
		Archived: '0',
		CustomerLatitude: null,
		Materials: [
			{ MaterialCode: 'A', MaterialNr: '-1', MaterialPrice: '89,95', MaterialTotalPrice: '-89,95' },
			{ MaterialCode: 'B', MaterialNr: '2,5', MaterialPrice: '1.234,50', MaterialTotalPrice: '3086,25' },
		],
		Workperiods: [
			{ WorkDate: '22-11-2026', BeginTime: '07:00', EndTime: '17:45', Break: '30', TotalTime: '10:15', Travel: '38' },
			{ WorkDate: '22-11-2026', BeginTime: '09:45', EndTime: '09:45', Break: '0', TotalTime: '00:00', Travel: '' },
		],
	};

	it('types everything a workflow calculates with and keeps the original duration text', () => {
		const clean = cleanWorkorder(raw);
		expect(clean).toMatchObject({
			id: 169828,
			WorkDate: '2026-11-22',
			WorkTime: '07:30',
			WorkEndDate: null,
			WorkDeadline: null,
			CreationDate: '2026-07-01T09:19:00+02:00',
			WorkDuration: 90,
			MinimumHours: 1.5,
			RoundingAmount: 0,
			WorkFinished: true,
			Archived: false,
			CustomerLatitude: null,
		});
		expect(clean.Materials).toEqual([
			{ MaterialCode: 'A', MaterialNr: -1, MaterialPrice: 89.95, MaterialTotalPrice: -89.95 },
			{ MaterialCode: 'B', MaterialNr: 2.5, MaterialPrice: 1234.5, MaterialTotalPrice: 3086.25 },
		]);
		expect(clean.Workperiods).toEqual([
			{ WorkDate: '2026-11-22', BeginTime: '07:00', EndTime: '17:45', Break: 30, TotalTime: 10.25, TotalTimeText: '10:15', Travel: 38 },
			{ WorkDate: '2026-11-22', BeginTime: '09:45', EndTime: '09:45', Break: 0, TotalTime: 0, TotalTimeText: '00:00', Travel: null },
		]);
		// The input is not changed.
		expect((raw.Materials as IDataObject[])[0].MaterialNr).toBe('-1');
	});

	it('rounds durations to 4 decimals of an hour (00:20 -> 0.3333)', () => {
		const clean = cleanWorkorder({ Workperiods: [{ TotalTime: '00:20' }] });
		expect((clean.Workperiods as IDataObject[])[0]).toEqual({ TotalTime: 0.3333, TotalTimeText: '00:20' });
	});

	it('shapes the output: clean, raw or both', () => {
		expect(shapeOutput('raw', raw, cleanWorkorder)).toBe(raw);
		expect(shapeOutput(undefined, raw, cleanWorkorder).id).toBe(169828);
		const both = shapeOutput('both', raw, cleanWorkorder);
		expect(both.raw).toBe(raw);
		expect(both.id).toBe(169828);
	});
});

describe('format values for OutSmart', () => {
	it.each([
		['commaAmount', 12.5, '12,50'],
		['commaAmount', '12,5', '12,50'],
		['commaAmount', '1.234,50', '1234,50'],
		['commaAmount', 0, '0,00'],
		['commaAmount', -2, '-2,00'],
		['commaAmount', 0.0125, '0,0125'],
		['pointAmount', 65, '65.00'],
		['pointAmount', '42,5', '42.50'],
		['flag', true, '1'],
		['flag', 'false', '0'],
		['flag', 0, '0'],
		['flag', 'Yes', '1'],
		['int', 240, '240'],
		['int', '90', '90'],
		['float', 51.6978, '51.6978'],
		['float', '5,3037', '5.3037'],
		['date', '2026-12-01T00:00:00.000+01:00', '2026-12-01'],
		['date', '01-12-2026', '2026-12-01'],
		['text', 1001, '1001'],
		['text', '', ''],
		['text', null, null],
	] as const)('%s %j -> %j', (kind, input, expected) => {
		expect(formatValue(kind, input)).toBe(expected);
	});

	it.each([
		['commaAmount', 'twaalf'],
		['flag', 'misschien'],
		['int', 2.5],
		['date', '31-02-2026'],
		['float', 'noord'],
	] as const)('refuses %s %j', (kind, input) => {
		expect(() => formatValue(kind, input)).toThrow(OutSmartFormatError);
	});

	it('writes at least 2 and at most 4 decimals', () => {
		expect([decimalsFor(12), decimalsFor(12.5), decimalsFor(0.125), decimalsFor(0.0125), decimalsFor(1 / 3)]).toEqual([2, 2, 3, 4, 4]);
	});

	it('round-trips: what it writes, OutSmart\'s format reads back as the same value', () => {
		for (const n of [0, 12.5, 1234.5, -2, -89.95]) {
			expect(cleanValue('commaAmount', formatValue('commaAmount', n))).toBe(n);
			expect(cleanValue('pointAmount', formatValue('pointAmount', n))).toBe(n);
		}
		expect(cleanValue('date', formatValue('date', '2026-02-28'))).toBe('2026-02-28');
		expect(cleanValue('flag', formatValue('flag', true))).toBe(true);
	});

	it('compares what is sent with what OutSmart has, by meaning', () => {
		expect(comparable('commaAmount', 12.5)).toBe(comparable('commaAmount', '12,50'));
		expect(comparable('commaAmount', '1.234,50')).toBe(comparable('commaAmount', '1234,50'));
		expect(comparable('commaAmount', 0.0125)).toBe(comparable('commaAmount', '0,01'));
		expect(comparable('commaAmount', '12,50')).not.toBe(comparable('commaAmount', '12,51'));
		expect(comparable('flag', true)).toBe(comparable('flag', '1'));
		expect(comparable('date', '24-10-2026')).toBe(comparable('date', '2026-10-24'));
		expect(comparable('float', null)).toBe(comparable('float', ''));
		expect(comparable('text', 'Utrecht')).not.toBe(comparable('text', 'utrecht'));
	});

	it('knows each entity\'s key and required fields', () => {
		expect(RELATION.key).toEqual(['debtor_number']);
		expect(MATERIAL.fields.find((f) => f.name === 'price')?.kind).toBe('commaAmount');
		expect(PROJECT.fields.filter((f) => f.required).map((f) => f.name)).toEqual(['code', 'debtor_number', 'status', 'name', 'date_start']);
	});
});

describe('refusal reasons', () => {
	it('rephrases OutSmart\'s messages into one clause, or falls back to the code\'s meaning', () => {
		expect(refusalReason(1301, ['Required field missing: postal_code'])).toBe('required field postal_code missing');
		expect(refusalReason(1501, ['Required field missing: CustomerZIP', 'Required field missing: CustomerZIP', 'Date invalid. Format: 20-02-2016'])).toBe(
			'required field CustomerZIP missing; date invalid. Format: 20-02-2016',
		);
		expect(refusalReason(1200, [])).toBe('inserting or updating a material failed');
	});
});
