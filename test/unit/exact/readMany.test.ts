import { ACCOUNT, ITEM, PAYMENT_CONDITION, SALES_INVOICE } from '../../../nodes/ExactOnlineApi/entity/definitions';
import { headerRecords, readPlan } from '../../../nodes/ExactOnlineApi/entity/readMany';
import { parseOrderBy, sortLikeExact } from '../../../nodes/ExactOnlineApi/order';

describe('readPlan: which endpoint a Get Many reads', () => {
	it('a limit with a filter reads the standard endpoint (ordered top N needs $orderby)', () => {
		expect(readPlan(ACCOUNT, { fields: ACCOUNT.fields, limit: 5000, filter: 'Blocked eq true' })).toEqual({ via: 'standard', path: 'crm/Accounts' });
		expect(readPlan(PAYMENT_CONDITION, { fields: PAYMENT_CONDITION.fields, limit: 5 })).toEqual({ via: 'standard', path: 'cashflow/PaymentConditions' });
	});

	it('without a filter reads sync from the start, Return All or a limit (mandatory filtering refuses the others)', () => {
		expect(readPlan(ACCOUNT, { fields: ACCOUNT.fields })).toEqual({ via: 'sync', path: 'sync/CRM/Accounts' });
		expect(readPlan(ACCOUNT, { fields: ACCOUNT.fields, limit: 50 })).toEqual({ via: 'sync', path: 'sync/CRM/Accounts' });
		expect(readPlan(ACCOUNT, { fields: ACCOUNT.fields, filter: "Status eq 'C'" })).toEqual({ via: 'bulk', path: 'bulk/CRM/Accounts' });
	});

	it('reads sync also when it lacks a field asked for (added by ID) and where it has a row per line', () => {
		expect(readPlan(ITEM, { fields: ITEM.fields })).toEqual({ via: 'sync', path: 'sync/Logistics/Items' });
		expect(readPlan(ITEM, { fields: ['ID', 'Code', 'IsSerialNumberItem'], limit: 10 })).toEqual({ via: 'sync', path: 'sync/Logistics/Items' });
		expect(readPlan(SALES_INVOICE, { fields: SALES_INVOICE.fields })).toEqual({ via: 'sync', path: 'sync/SalesInvoice/SalesInvoices' });
		expect(readPlan(SALES_INVOICE, { fields: SALES_INVOICE.fields, filter: 'Status eq 50' })).toEqual({ via: 'bulk', path: 'bulk/SalesInvoice/SalesInvoices' });
	});

	it('an entity without bulk or sync reads the standard endpoint', () => {
		expect(readPlan(PAYMENT_CONDITION, { fields: PAYMENT_CONDITION.fields })).toEqual({ via: 'standard', path: 'cashflow/PaymentConditions' });
	});
});

describe('sortLikeExact: the order of the standard endpoint for bulk and sync reads', () => {
	it('parses $orderby', () => {
		expect(parseOrderBy('InvoiceDate desc, Name')).toEqual([
			{ field: 'InvoiceDate', desc: true },
			{ field: 'Name', desc: false },
		]);
		expect(parseOrderBy(undefined)).toEqual([]);
	});

	it('sorts text case-insensitively, null first, ties by the key', () => {
		const records = [
			{ ID: 'c', Name: 'bakker' },
			{ ID: 'b', Name: 'Bakker' },
			{ ID: 'a', Name: 'Zwart' },
			{ ID: 'd', Name: null },
			{ ID: 'e', Name: 'aap' },
			{ ID: 'f', Name: 'Bakker' },
		];
		expect(sortLikeExact(records, 'Name', 'ID').map((r) => r.ID)).toEqual(['d', 'e', 'b', 'f', 'c', 'a']);
		expect(records[0].ID).toBe('c');
	});

	it('sorts Exact dates by time, newest first when descending', () => {
		const records = [
			{ InvoiceID: '1', InvoiceDate: '/Date(900000000000)/' },
			{ InvoiceID: '2', InvoiceDate: '/Date(1700000000000)/' },
			{ InvoiceID: '3', InvoiceDate: '/Date(1000000000000)/' },
		];
		expect(sortLikeExact(records, 'InvoiceDate desc', 'InvoiceID').map((r) => r.InvoiceID)).toEqual(['2', '3', '1']);
	});

	it('without an order sorts by the key, as Exact pages', () => {
		expect(sortLikeExact([{ ID: 'b' }, { ID: 'a' }], undefined, 'ID')).toEqual([{ ID: 'a' }, { ID: 'b' }]);
	});
});

describe('headerRecords: one invoice per header from a sync list with a row per line', () => {
	const header = (id: string) => ({ ID: id, InvoiceID: id, LineNumber: 0, InvoiceNumber: Number(id), Description: `invoice ${id}`, AmountDC: 100 });
	const line = (id: string, n: number) => ({ ID: `${id}-${n}`, InvoiceID: id, LineNumber: n, InvoiceNumber: Number(id), Description: `line ${n}`, AmountDC: 10 * n });

	it('keeps the header rows, in the order of the first row of each invoice', () => {
		expect(headerRecords(SALES_INVOICE, [line('2', 1), header('1'), line('1', 1), header('2'), line('1', 2)])).toEqual([header('2'), header('1')]);
	});

	it('without a header row takes the first line row without the fields that hold the line\'s value there', () => {
		expect(headerRecords(SALES_INVOICE, [line('3', 1), line('3', 2)])).toEqual([{ ID: '3-1', InvoiceID: '3', LineNumber: 1, InvoiceNumber: 3 }]);
	});
});
