/** The PostWorkorders body builder, pure: user values in, OutSmart's formats out. */
import { WorkorderInputError, materialLine, workorderBody, workperiod } from '../../../nodes/OutSmart/workorder/body';

describe('material lines', () => {
	it.each([
		[1, '1'],
		[-1, '-1'],
		[2.5, '2,5'],
		['2,5', '2,5'],
		['-0,5', '-0,5'],
		[0, '0'],
	])('quantity %j -> %j', (input, expected) => {
		expect(materialLine({ MaterialNr: input }).MaterialNr).toBe(expected);
	});

	it('writes prices with a decimal comma and leaves the total to OutSmart', () => {
		expect(materialLine({ MaterialCode: 'KLEINMAT', MaterialPrice: 0, MaterialTotalPrice: 99, MaterialFreeField1: null })).toEqual({
			MaterialCode: 'KLEINMAT',
			MaterialPrice: '0,00',
			MaterialFreeField1: null,
		});
		expect(materialLine({ MaterialPrice: '1.234,50' }).MaterialPrice).toBe('1234,50');
		expect(materialLine({ MaterialPrice: 12.5 }).MaterialPrice).toBe('12,50');
	});

	it('names the line and the field it cannot read', () => {
		expect(() => materialLine({ MaterialNr: 'twee' }, 3)).toThrow(WorkorderInputError);
		expect(() => materialLine({ MaterialNr: 'twee' }, 3)).toThrow(/^Materials\[3\]\.MaterialNr: Cannot read "twee"/);
	});
});

describe('work periods', () => {
	it('computes TotalTime from begin, end and break: 07:00-17:45 minus 30 = 10:15; equal times = 00:00', () => {
		expect(workperiod({ WorkDate: '2026-11-20', BeginTime: '7:00', EndTime: '17:45', Break: 30 })).toEqual({
			WorkDate: '20-11-2026',
			BeginTime: '07:00',
			EndTime: '17:45',
			Break: '30',
			TotalTime: '10:15',
		});
		expect(workperiod({ BeginTime: '09:45', EndTime: '09:45' }).TotalTime).toBe('00:00');
	});

	it('takes TotalTime as HH:MM or as decimal hours', () => {
		expect(workperiod({ TotalTime: '03:45' }).TotalTime).toBe('03:45');
		expect(workperiod({ TotalTime: 3.75 }).TotalTime).toBe('03:45');
		expect(workperiod({ TotalTime: '10,25' }).TotalTime).toBe('10:15');
		expect(workperiod({ TotalTime: 0 }).TotalTime).toBe('00:00');
		expect(workperiod({ TotalTime: '00:00', BeginTime: '08:00', EndTime: '09:00' }).TotalTime).toBe('00:00');
	});

	it('refuses a period that ends before it begins, a fractional break and an unreadable time', () => {
		expect(() => workperiod({ BeginTime: '12:00', EndTime: '08:00' }, 1)).toThrow(/^Workperiods\[1\]\.TotalTime: ends \(08:00\) before it begins/);
		expect(() => workperiod({ Break: 7.5 })).toThrow(/^Workperiods\[0\]\.Break/);
		expect(() => workperiod({ BeginTime: '25:00' })).toThrow(/^Workperiods\[0\]\.BeginTime: Cannot read "25:00"/);
	});
});

describe('the work order', () => {
	it('writes planning fields the way OutSmart wants them and skips empty ones', () => {
		const body = workorderBody({
			fields: {
				WorkorderNo: 'WO-1',
				WorkDate: '2026-12-01',
				WorkTime: '2026-12-01T08:30:00Z',
				WorkDeadline: '15-12-2026',
				WorkEndDate: '',
				WorkDuration: 90,
				MinimumHours: 1.5,
				RoundingAmount: 15,
				PickupPlanning: true,
				WebPlanning: false,
				CustomerLatitude: 51.6978,
				CustomerRemark: '',
				ProjectNr: undefined,
			},
			employees: '11, 13 ,',
		});
		expect(body).toEqual({
			WorkorderNo: 'WO-1',
			WorkDate: '01-12-2026',
			WorkTime: '09:30',
			WorkDeadline: '15-12-2026',
			WorkDuration: '90',
			MinimumHours: '1.50',
			RoundingAmount: '15',
			PickupPlanning: '1',
			WebPlanning: '0',
			CustomerLatitude: '51.6978',
			CustomerRemark: '',
			Employees: ['11', '13'],
		});
	});

	it('adds lines and periods only when given', () => {
		expect(workorderBody({ fields: { WorkorderNo: 'WO-1' }, materials: [], workperiods: [], employees: [] })).toEqual({ WorkorderNo: 'WO-1' });
		expect(workorderBody({ fields: {}, employees: ['11', 13] }).Employees).toEqual(['11', '13']);
	});

	it('names a planning field it cannot read', () => {
		expect(() => workorderBody({ fields: { WorkDuration: 1.5 } })).toThrow(/^WorkDuration: 1\.5 is not a whole number/);
		expect(() => workorderBody({ fields: { WorkDate: 'morgen' } })).toThrow(/^WorkDate: Cannot read "morgen"/);
	});
});
