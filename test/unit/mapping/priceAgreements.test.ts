import { agreementToPrice, endedAgreementPrice, OPEN_START_DATE } from '../../../nodes/mapping/priceAgreements';

const row = {
	ItemCode: 'KK-12',
	ItemIsTime: false,
	AccountCode: '1',
	Price: 12.5,
	StartDate: '2025-01-01T00:00:00.000+01:00',
	EndDate: null,
};

describe('agreementToPrice', () => {
	it("is the material's price for the debtor from the start date, with a decimal point", () => {
		expect(agreementToPrice(row)).toEqual({
			record: { material: 'KK-12', hourtype: '', debtornr: '1', date_start: '2025-01-01', date_end: null, price: '12.50' },
			missing: [],
		});
	});

	it("is an hour type's price for a time item, and keeps the end date (Dutch day)", () => {
		expect(agreementToPrice({ ...row, ItemCode: 'ARBEID', ItemIsTime: true, EndDate: '2025-12-31T00:00:00.000+01:00' }).record).toMatchObject({
			material: '',
			hourtype: 'ARBEID',
			date_end: '2025-12-31',
		});
	});

	it('starts an open row at OPEN_START_DATE and names a missing price', () => {
		const mapped = agreementToPrice({ ...row, StartDate: null, Price: null });
		expect(mapped.record.date_start).toBe(OPEN_START_DATE);
		expect(mapped.missing).toEqual(['price']);
	});
});

describe('endedAgreementPrice', () => {
	const now = new Date('2026-03-10T23:30:00Z'); // already 11 March in the Netherlands

	it('ends a deleted agreement yesterday (Dutch time), keeping its key', () => {
		expect(endedAgreementPrice(row, now)).toEqual({ material: 'KK-12', hourtype: '', debtornr: '1', date_start: '2025-01-01', date_end: '2026-03-10' });
	});

	it('keeps an earlier end, and ends one that had not started the day before its start', () => {
		expect(endedAgreementPrice({ ...row, EndDate: '2025-06-30T00:00:00.000+02:00' }, now).date_end).toBe('2025-06-30');
		expect(endedAgreementPrice({ ...row, StartDate: '2026-05-01T00:00:00.000+02:00' }, now).date_end).toBe('2026-04-30');
	});

	it('ends a row moved to a later start the day before that start', () => {
		expect(endedAgreementPrice({ ...row, movedTo: { StartDate: '2025-07-01T00:00:00.000+02:00' } }, now).date_end).toBe('2025-06-30');
		// Moved to a start after today: the old one stops yesterday, not before.
		expect(endedAgreementPrice({ ...row, movedTo: { StartDate: '2027-01-01T00:00:00.000+01:00' } }, now).date_end).toBe('2026-03-10');
	});
});
