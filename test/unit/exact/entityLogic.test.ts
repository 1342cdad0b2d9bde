/**
 * The pure parts of the entity nodes: filters, the sync cursor, and the grouping of Exact's
 * row-per-line sales invoice sync into one item per invoice.
 */
import type { IDataObject } from 'n8n-workflow';
import { accountFilter } from '../../../nodes/ExactOnlineAccount/operations';
import { itemFilter } from '../../../nodes/ExactOnlineItem/operations';
import { groupInvoiceRows } from '../../../nodes/ExactOnlineApi/entity/invoiceRows';
import { advanceCursor, confirmCursor, cursorKey, readCursor, streamPosition } from '../../../nodes/ExactOnlineApi/entity/cursor';
import { itemsWithDefaultPriceChange } from '../../../nodes/ExactOnlineItem/priceChanges';
import { codeLiteral } from '../../../nodes/ExactOnlineApi/entity/recordAccess';
import { ACCOUNT, ITEM, SALES_INVOICE, fieldsFor } from '../../../nodes/ExactOnlineApi/entity/definitions';
import { ODataLiteralError } from '../../../nodes/ExactOnlineApi/odata';

describe('account filters', () => {
	it('combines types with or, the rest with and, padding the code and doubling quotes', () => {
		expect(accountFilter({ types: ['C', 'supplier'], blocked: 'notBlocked', code: ' 42 ', nameContains: "'t Hoekje" })).toBe(
			"(Status eq 'C' or IsSupplier eq true) and Blocked eq false and Code eq '                42' and substringof('''t Hoekje',Name) eq true",
		);
		expect(accountFilter({})).toBeUndefined();
		expect(accountFilter({ code: '   ' })).toBeUndefined();
	});
});

describe('item filters', () => {
	const now = new Date('2026-07-01T10:00:00Z');

	it('compares IsTime with a byte (Exact refuses IsTime eq true)', () => {
		expect(itemFilter({ kind: 'time', activeOnly: false }, now)).toBe('IsTime eq 1');
		expect(itemFilter({ kind: 'materials', activeOnly: false }, now)).toBe('IsTime eq 0');
		expect(itemFilter({ kind: 'time' }, now)).not.toMatch(/IsTime eq (true|false)/);
	});

	it('leaves inactive items out by default, in Dutch time', () => {
		expect(itemFilter({}, now)).toBe("EndDate eq null or EndDate gt datetime'2026-07-01T12:00:00'");
		expect(itemFilter({ salesItemsOnly: true, stockItemsOnly: true }, now)).toBe(
			"IsSalesItem eq true and IsStockItem eq true and (EndDate eq null or EndDate gt datetime'2026-07-01T12:00:00')",
		);
	});

	it('refuses an item group that is not an ID', () => {
		expect(() => itemFilter({ itemGroups: ["x' or 1 eq 1"] }, now)).toThrow(ODataLiteralError);
	});
});

describe('codes in filters', () => {
	it('pads account codes, keeps item codes, and wants digits for invoice numbers', () => {
		expect(codeLiteral(ACCOUNT, '1001')).toBe("'              1001'");
		expect(codeLiteral(ITEM, " O'B-1 ")).toBe("'O''B-1'");
		expect(codeLiteral(SALES_INVOICE, '25700001')).toBe('25700001');
		expect(() => codeLiteral(SALES_INVOICE, '2570 or 1 eq 1')).toThrow(ODataLiteralError);
	});

	it('asks the item sync endpoint only for fields it has', () => {
		expect(fieldsFor(ITEM, 'sync')).not.toContain('StandardSalesPrice');
		expect(fieldsFor(ITEM, 'standard')).toContain('StandardSalesPrice');
		expect(fieldsFor(ACCOUNT, 'sync')).toEqual(ACCOUNT.fields);
	});
});

describe('the sync cursor', () => {
	const key = cursorKey('account', '  ');

	it('starts at the beginning, moves on at once, or waits for a confirmation', () => {
		const data: IDataObject = {};
		expect(key).toBe('exactSync:account:default');
		expect(readCursor(data, key)).toEqual({ records: '1', deleted: '1' });

		advanceCursor(data, key, { records: '1000100', deleted: '1000090' }, false);
		expect(readCursor(data, key)).toMatchObject({ records: '1000100', deleted: '1000090' });

		advanceCursor(data, key, { records: '1000200', deleted: '1000090' }, true);
		expect(readCursor(data, key)).toMatchObject({ records: '1000100', pending: { records: '1000200' } });
		expect(confirmCursor(data, key)).toBe(true);
		expect(readCursor(data, key)).toMatchObject({ records: '1000200', deleted: '1000090' });
		expect(readCursor(data, key).pending).toBeUndefined();
		expect(confirmCursor(data, key)).toBe(false);
	});

	it('keeps the positions of extra streams (items: prices) in the same record, pending and confirmed alike', () => {
		const data: IDataObject = {};
		const itemKey = cursorKey('item', 'materials');
		expect(streamPosition(readCursor(data, itemKey), 'prices')).toBe('1');

		advanceCursor(data, itemKey, { records: '1000100', deleted: '1000090', streams: { prices: '1000095' } }, false);
		expect(data[itemKey]).toEqual({ records: '1000100', deleted: '1000090', streams: { prices: '1000095' }, lastRunAt: expect.any(String) });

		advanceCursor(data, itemKey, { records: '1000200', deleted: '1000090', streams: { prices: '1000210' } }, true);
		expect(streamPosition(readCursor(data, itemKey), 'prices')).toBe('1000095');
		expect(readCursor(data, itemKey).pending).toEqual({ records: '1000200', deleted: '1000090', streams: { prices: '1000210' } });
		expect(confirmCursor(data, itemKey)).toBe(true);
		expect(data[itemKey]).toEqual({ records: '1000200', deleted: '1000090', streams: { prices: '1000210' }, lastRunAt: expect.any(String) });
	});

	it('reads a cursor stored before extra streams existed; a stream not read this run keeps its position', () => {
		const itemKey = cursorKey('item', 'default');
		const data: IDataObject = { [itemKey]: { records: '1000100', deleted: '1000090', lastRunAt: '2026-01-05T06:00:00.000Z' } };
		expect(streamPosition(readCursor(data, itemKey), 'prices')).toBe('1');

		advanceCursor(data, itemKey, { records: '1000100', deleted: '1000090', streams: { prices: '1000300' } }, false);
		// e.g. Include Price Changes switched off for a run: the price position stays where it was.
		advanceCursor(data, itemKey, { records: '1000400', deleted: '1000090' }, false);
		expect(readCursor(data, itemKey)).toMatchObject({ records: '1000400', streams: { prices: '1000300' } });
		// Entities without extra streams store what they always stored.
		advanceCursor(data, key, { records: '5', deleted: '6' }, false);
		expect(Object.keys(data[key] as IDataObject)).toEqual(['records', 'deleted', 'lastRunAt']);
	});
});

describe('price list rows that change an item price', () => {
	it('are the rows without an Account (the default price), one per item', () => {
		const rows = [
			{ ID: 'p1', Item: 'A1B2', Account: null, Timestamp: 1 },
			{ ID: 'p2', Item: 'a1b2', Account: '', Timestamp: 2 },
			{ ID: 'p3', Item: 'c3', Account: 'acc-1', Timestamp: 3 },
			{ ID: 'p4', Item: 'd4', Timestamp: 4 },
			{ ID: 'p5', Item: null, Account: null, Timestamp: 5 },
		];
		expect([...itemsWithDefaultPriceChange(rows)]).toEqual(['a1b2', 'd4']);
	});
});

describe('grouping sales invoice sync rows', () => {
	const invoice = { InvoiceID: 'inv-1', InvoiceNumber: 25700001, Description: 'Werkbon 1', AmountDC: 121, YourRef: 'WB-1', Timestamp: 5 };
	const header = { ...invoice, ID: 'inv-1', LineNumber: 0 };
	const line = (n: number, id: string) => ({ ...invoice, ID: id, LineNumber: n, ItemCode: `IT-${n}`, Description: `Regel ${n}`, AmountDC: 10 * n });

	it('takes the header from the header row, lines in line order, and no line for the header row', () => {
		const [grouped] = groupInvoiceRows([line(2, 'b'), header, line(1, 'a')]);
		expect(grouped).toMatchObject({ InvoiceID: 'inv-1', Description: 'Werkbon 1', AmountDC: 121, YourRef: 'WB-1', changeType: 'changed' });
		expect((grouped.SalesInvoiceLines as IDataObject[]).map((l) => [l.LineNumber, l.Description, l.AmountDC])).toEqual([
			[1, 'Regel 1', 10],
			[2, 'Regel 2', 20],
		]);
	});

	it('without a header row keeps the header fields a line row cannot tell, and leaves the rest out', () => {
		const [grouped] = groupInvoiceRows([line(1, 'a')]);
		expect(grouped).toMatchObject({ InvoiceNumber: 25700001, YourRef: 'WB-1' });
		expect(grouped).not.toHaveProperty('Description');
		expect(grouped).not.toHaveProperty('AmountDC');
	});

	it('passes deletions through and keeps the order of first appearance', () => {
		const gone = { InvoiceID: 'inv-0', changeType: 'deleted' };
		const other = { ...header, InvoiceID: 'inv-2', ID: 'inv-2', InvoiceNumber: 25700002 };
		expect(groupInvoiceRows([header, gone, other, line(1, 'a')]).map((r) => [r.InvoiceID, r.changeType])).toEqual([
			['inv-1', 'changed'],
			['inv-0', 'deleted'],
			['inv-2', 'changed'],
		]);
	});
});
