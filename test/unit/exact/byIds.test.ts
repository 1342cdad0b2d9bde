import { manyIdsPass, oldestModified } from '../../../nodes/ExactOnlineApi/entity/byIds';
import { ACCOUNT, ADDRESS, ITEM, PAYMENT_CONDITION, PAYMENT_TERM, QUOTATION } from '../../../nodes/ExactOnlineApi/entity/definitions';

describe('manyIdsPass: a pass over many records that mandatory filtering does not refuse', () => {
	it('keeps the caller filter on bulk', () => {
		expect(manyIdsPass({ entity: ITEM, select: 'ID,StandardSalesPrice', filter: 'IsTime eq 0' })).toEqual({ via: 'list', path: 'bulk/Logistics/Items', filter: 'IsTime eq 0' });
	});

	it('reads the sync list when it has every field asked for', () => {
		expect(manyIdsPass({ entity: ACCOUNT, select: 'ID,Code' })).toEqual({ via: 'sync' });
		expect(manyIdsPass({ entity: ADDRESS, select: ADDRESS.fields.join(',') })).toEqual({ via: 'sync' });
		expect(manyIdsPass({ entity: ITEM, select: 'ID,IsTime' })).toEqual({ via: 'sync' });
	});

	it('filters bulk on the oldest Modified where sync lacks a field, and goes by ID when that is unknown', () => {
		expect(manyIdsPass({ entity: ITEM, select: 'ID,StandardSalesPrice', modifiedFrom: '2026-03-01T10:15:30.000+01:00' })).toEqual({
			via: 'list',
			path: 'bulk/Logistics/Items',
			filter: "Modified ge datetime'2026-03-01T10:15:30'",
		});
		expect(manyIdsPass({ entity: QUOTATION, select: 'QuotationID,VATAmountFC', modifiedFrom: '2026-03-01T10:15:30+01:00' })).toEqual({
			via: 'list',
			path: 'crm/Quotations',
			filter: "Modified ge datetime'2026-03-01T10:15:30'",
		});
		expect(manyIdsPass({ entity: ITEM, select: 'ID,StandardSalesPrice' })).toEqual({ via: 'byId' });
	});

	it('reads bulk without a filter only where Exact has no sync list to refuse it for', () => {
		expect(manyIdsPass({ entity: { ...PAYMENT_TERM, syncEntity: undefined }, select: 'ID,AmountDC' })).toEqual({ via: 'list', path: 'bulk/Cashflow/Receivables', filter: undefined });
		expect(manyIdsPass({ entity: PAYMENT_CONDITION, select: 'ID,Code' })).toEqual({ via: 'byId' });
	});
});

describe('oldestModified', () => {
	it('is the earliest of Exact\'s dates, compared as numbers, in Dutch time', () => {
		expect(oldestModified([{ Modified: '/Date(1760000000000)/' }, { Modified: '/Date(999999999999)/' }, { Modified: '/Date(1500000000000)/' }])).toBe(
			'2001-09-09T01:46:39.999+02:00',
		);
	});

	it('is unknown when a record has no Modified', () => {
		expect(oldestModified([{ Modified: '/Date(1500000000000)/' }, { Code: 'X' }])).toBeUndefined();
		expect(oldestModified([])).toBeUndefined();
	});
});
