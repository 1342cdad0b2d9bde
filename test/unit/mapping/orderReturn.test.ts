import { planOrderReturn, workOrderNote, type OrderLine } from '../../../nodes/mapping/orderReturn';
import type { DocumentLine } from '../../../nodes/mapping/workOrderDocument';

const line = (lineNumber: number, itemCode: string, quantity: number, extra: Partial<OrderLine> = {}): OrderLine => ({
	id: `id-${lineNumber}`,
	lineNumber,
	itemCode,
	quantity,
	delivered: 0,
	invoiced: 0,
	notes: '',
	...extra,
});
const used = (itemCode: string, quantity: number, source: DocumentLine['source'] = 'material'): DocumentLine => ({ itemCode, quantity, description: itemCode, source, unitPrice: 5 });

describe('planOrderReturn', () => {
	it('sets used quantities, adds what was not ordered (noted with the work order), removes what was not used', () => {
		const plan = planOrderReturn('VO-7', [used('KK-12', 3), used('ARBEID', 1.5, 'hours'), used('EL-VD25', 2)], [line(1, 'KK-12', 2), line(2, 'CV', 1), line(3, 'arbeid', 1.5)], 'remove');
		expect(plan.updates).toEqual([{ line: line(1, 'KK-12', 2), quantity: 3 }]);
		expect(plan.additions).toEqual([{ itemCode: 'EL-VD25', quantity: 2, unitPrice: 5, description: 'EL-VD25', notes: 'Werkbon VO-7' }]);
		expect(plan.removals.map((l) => l.lineNumber)).toEqual([2]);
		expect(plan.problems).toEqual([]);
	});

	it('sums a code used twice, and plans nothing for an order that already holds the work order', () => {
		const lines = [line(1, 'KK-12', 3), line(2, 'EL-VD25', 2, { notes: workOrderNote('VO-7') })];
		const plan = planOrderReturn('VO-7', [used('KK-12', 1), used('KK-12', 2), used('EL-VD25', 2)], lines, 'remove');
		expect(plan).toEqual({ updates: [], additions: [], removals: [], problems: [] });
	});

	it('keeps unused lines when asked, but always removes a second line this work order added (two runs at once)', () => {
		const note = workOrderNote('VO-7');
		const lines = [line(1, 'CV', 1), line(2, 'EL-VD25', 2, { notes: note }), line(3, 'EL-VD25', 2, { notes: note })];
		const plan = planOrderReturn('VO-7', [used('EL-VD25', 2)], lines, 'keep');
		expect(plan.removals.map((l) => l.lineNumber)).toEqual([3]);
	});

	it('never goes below what Exact delivered or invoiced, and never removes such a line', () => {
		const plan = planOrderReturn('VO-7', [used('KK-12', 1)], [line(1, 'KK-12', 4, { delivered: 2 }), line(2, 'CV', 1, { invoiced: 1 })], 'remove');
		expect(plan.problems).toEqual([
			'Sales order line 1 (KK-12) was already delivered or invoiced 2, more than the 1 used on the work order',
			'Sales order line 2 (CV) was already delivered or invoiced (1) but the work order used none',
		]);
		expect(plan.removals).toEqual([]);
	});

	it('a material returned as often as it was taken counts as not used', () => {
		const plan = planOrderReturn('VO-7', [used('KK-12', 1), used('KK-12', -1), used('EL-VD25', 2), used('EL-VD25', -2)], [line(1, 'KK-12', 2)], 'remove');
		expect(plan).toMatchObject({ updates: [], additions: [], removals: [line(1, 'KK-12', 2)] });
	});

	it('leaves a text line of the work order out', () => {
		const plan = planOrderReturn('VO-7', [used('TEKST', 1, 'text')], [], 'remove');
		expect(plan.additions).toEqual([]);
	});
});
