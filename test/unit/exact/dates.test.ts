import { fromExactDate, toExactDate, isExactDate, ExactDateError } from '../../../nodes/ExactOnlineApi/dates';
import { cleanRecord } from '../../../nodes/ExactOnlineApi/records';

describe('Exact dates (Dutch wall-clock time written as if UTC)', () => {
	it('reads winter dates with +01:00', () => {
		// 2014-02-12 00:00 Dutch time is encoded as 2014-02-12T00:00:00Z.
		expect(fromExactDate('/Date(1392163200000)/')).toBe('2014-02-12T00:00:00.000+01:00');
	});

	it('reads summer dates with +02:00', () => {
		const ms = Date.UTC(2026, 6, 1, 14, 30);
		expect(fromExactDate(`/Date(${ms})/`)).toBe('2026-07-01T14:30:00.000+02:00');
	});

	it('round-trips through ISO with any offset', () => {
		const summer = Date.UTC(2026, 6, 1, 14, 30);
		expect(toExactDate('2026-07-01T12:30:00Z')).toBe(`/Date(${summer})/`);
		expect(toExactDate(fromExactDate(`/Date(${summer})/`))).toBe(`/Date(${summer})/`);
		expect(toExactDate('2026-01-31')).toBe(`/Date(${Date.UTC(2026, 0, 31)})/`);
	});

	it('recognises and refuses', () => {
		expect(isExactDate('/Date(1392163200000)/')).toBe(true);
		expect(isExactDate('2014-02-12')).toBe(false);
		expect(() => fromExactDate('yesterday')).toThrow(ExactDateError);
		expect(() => toExactDate('31-01-2026')).toThrow(ExactDateError);
	});
});

describe('clean records', () => {
	it('drops metadata and deferred links, converts dates, trims padded codes', () => {
		const record = cleanRecord({
			__metadata: { uri: 'x', type: 'Exact.Web.Api.Models.Account' },
			ID: 'a1',
			Code: '              1001',
			Name: "Bakkerij 't Hoekje",
			Modified: `/Date(${Date.UTC(2026, 0, 5, 8, 0)})/`,
			BankAccounts: { __deferred: { uri: 'y' } },
			SalesInvoiceLines: { results: [{ __metadata: { uri: 'z' }, Item: 'i', Quantity: 2 }] },
		});
		expect(record).toEqual({
			ID: 'a1',
			Code: '1001',
			Name: "Bakkerij 't Hoekje",
			Modified: '2026-01-05T08:00:00.000+01:00',
			SalesInvoiceLines: [{ Item: 'i', Quantity: 2 }],
		});
	});

	it('trims only the codes Exact pads: a remark or name that starts with a space stays the user\'s text', () => {
		expect(
			cleanRecord({
				Code: '              1001',
				OrderAccountCode: '                 7',
				AccountCode: '                42',
				Remarks: '  let op: hond',
				Name: ' Bakkerij',
			}),
		).toEqual({ Code: '1001', OrderAccountCode: '7', AccountCode: '42', Remarks: '  let op: hond', Name: ' Bakkerij' });
	});
});
