import { exactNumberOf, workOrderNumberFor, workOrderOrigin } from '../../../nodes/mapping/workOrderOrigin';

describe('work order origin', () => {
	it.each([
		['VO-1234', 'salesOrder', '1234'],
		['vo-77', 'salesOrder', '77'],
		['OF-20260012', 'quotation', '20260012'],
		['PP-9', 'projectPlanning', '9'],
		['WB-2026-001', 'outsmart', ''],
		['12345', 'outsmart', ''],
		['VO-', 'outsmart', ''],
		['VOO-1', 'outsmart', ''],
		['', 'outsmart', ''],
	])('%s is %s', (number, origin, exactNumber) => {
		expect(workOrderOrigin(number)).toBe(origin);
		expect(exactNumberOf(number)).toBe(exactNumber);
	});

	it('numbers a work order after its Exact document, and reads that back', () => {
		const number = workOrderNumberFor('salesOrder', 1234);
		expect(number).toBe('VO-1234');
		expect(workOrderOrigin(number)).toBe('salesOrder');
		expect(exactNumberOf(number)).toBe('1234');
	});

	it('refuses a document without a number', () => {
		expect(() => workOrderNumberFor('quotation', ' ')).toThrow(/needs that document's number/);
	});
});
