/**
 * The memory of entry numbers Exact confirmed booked (Create From OutSmart Invoice): compact as ranges, bounded,
 * kept apart per Exact site/division/journal/numbering, and forgotten on request.
 */
import type { IDataObject } from 'n8n-workflow';
import { BookedMemory, MAX_RANGES } from '../../../nodes/ExactOnlineApi/export/bookedMemory';

const KEY = 'https://start.exactonline.nl|1234567|70|formatted';

function remember(staticData: IDataObject, numbers: number[], key = KEY): BookedMemory {
	const memory = new BookedMemory(staticData, key, false);
	for (const n of numbers) memory.confirm(n);
	memory.save();
	return new BookedMemory(staticData, key, false);
}

describe('BookedMemory', () => {
	it('keeps 10,000 consecutive invoice numbers as one short range', () => {
		const staticData: IDataObject = {};
		const numbers = Array.from({ length: 10_000 }, (_, i) => 202600001 + i).reverse();
		const memory = remember(staticData, numbers);
		expect(JSON.stringify(staticData)).toBe('{"bookedEntryNumbers":{"https://start.exactonline.nl|1234567|70|formatted":"202600001-202610000"}}');
		expect([memory.has(202600001), memory.has(202605000), memory.has(202610000)]).toEqual([true, true, true]);
		expect([memory.has(202600000), memory.has(202610001)]).toEqual([false, false]);
	});

	it('leaves gaps (invoices not confirmed) out, and merges a gap once it is filled', () => {
		const staticData: IDataObject = {};
		remember(staticData, [1, 2, 3, 5, 6, 9]);
		expect((staticData.bookedEntryNumbers as IDataObject)[KEY]).toBe('1-3,5-6,9');
		const memory = remember(staticData, [4, 8]);
		expect((staticData.bookedEntryNumbers as IDataObject)[KEY]).toBe('1-6,8-9');
		expect([4, 7].map((n) => memory.has(n))).toEqual([true, false]);
	});

	it('is bounded: past the limit the lowest numbers are forgotten (they are only looked up again)', () => {
		const staticData: IDataObject = {};
		const memory = remember(staticData, Array.from({ length: MAX_RANGES + 10 }, (_, i) => 1 + 2 * i));
		expect(memory.has(1)).toBe(false);
		expect(memory.has(1 + 2 * 10)).toBe(true);
		expect(memory.has(1 + 2 * (MAX_RANGES + 9))).toBe(true);
		expect(((staticData.bookedEntryNumbers as IDataObject)[KEY] as string).split(',')).toHaveLength(MAX_RANGES);
	});

	it('keeps divisions and journals apart, and forgets one on request', () => {
		const staticData: IDataObject = {};
		remember(staticData, [7]);
		remember(staticData, [7], 'https://start.exactonline.nl|1234567|71|formatted');
		expect(new BookedMemory(staticData, 'https://start.exactonline.nl|7654321|70|formatted', false).has(7)).toBe(false);
		const forgetting = new BookedMemory(staticData, KEY, true);
		expect(forgetting.has(7)).toBe(false);
		forgetting.confirm(8);
		forgetting.save();
		expect(staticData.bookedEntryNumbers).toEqual({ [KEY]: '8', 'https://start.exactonline.nl|1234567|71|formatted': '7' });
	});
});
