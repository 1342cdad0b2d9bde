/**
 * Exact Online Employee against the Exact simulator: Get by code or from the list, Get Many with its filters,
 * and Get Changes over several runs (Exact logs no deletion of employees: one who leaves is a change with an
 * end date). Also the Item node's Get Item Groups (no sync endpoint: all of them, by code, or modified since).
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineEmployee } from '../../../../nodes/ExactOnlineEmployee/ExactOnlineEmployee.node';
import { ExactOnlineItem } from '../../../../nodes/ExactOnlineItem/ExactOnlineItem.node';
import { EMPLOYEE, ITEM_GROUP } from '../../../../nodes/ExactOnlineApi/entity/definitions';
import { jsonOf } from '../../../harness/context';
import { callsOf, endpointsOf, ISO_WITH_OFFSET, rl, runnerFor, useEntitySimulator } from './setup';

const suite = useEntitySimulator(new ExactOnlineEmployee());
const { run } = suite;
const employees = () => suite.exact.sim.state.listRecords('Employees');
const codes = (records: IDataObject[]) => records.map((r) => r.Code);

describe('Exact Online Employee: Get and Get Many', () => {
	it('finds an employee by code with one call, with the fields the node reads', async () => {
		const result = await run({ operation: 'get', employee: rl('code', '2') });
		expect(jsonOf(result)).toEqual([expect.objectContaining({ Code: '2', FirstName: 'Ahmet', LastName: 'Yılmaz', IsActive: true })]);
		expect(String(jsonOf(result)[0].StartDate)).toMatch(ISO_WITH_OFFSET);
		expect(endpointsOf(result)).toEqual(['GET payroll/Employees']);
		expect(callsOf(result)[0].query.$filter).toBe("Code eq '2'");
		expect(callsOf(result)[0].query.$select.split(',')).toEqual(EMPLOYEE.fields);
	});

	it('finds an employee by the ID picked from the list, and says which one is missing', async () => {
		const jan = employees().find((e) => e.FirstName === 'Jan');
		expect(jsonOf(await run({ operation: 'get', employee: rl('list', String(jan?.ID)) }))[0]).toMatchObject({ FullName: 'Jan de Vries' });
		expect((await run({ operation: 'get', employee: rl('code', '99') })).error?.message).toBe("Employee '99' not found in administration 1234567");
	});

	it('lists active employees by default; all, by name, or changed since, when asked', async () => {
		const sanne = employees().find((e) => e.FirstName === 'Sanne');
		suite.exact.sim.state.updateRecord('Employees', String(sanne?.ID), { IsActive: false, EndDate: '2025-06-30T00:00:00' });
		const active = await run({ operation: 'getMany', returnAll: true });
		expect(codes(jsonOf(active))).toEqual(['1', '2']);
		expect(callsOf(active)[0].query.$filter).toBe('IsActive eq true');
		expect(codes(jsonOf(await run({ operation: 'getMany', returnAll: true, filters: { activeOnly: false } })))).toEqual(['1', '2', '3']);
		expect(codes(jsonOf(await run({ operation: 'getMany', returnAll: true, filters: { nameContains: 'vries' } })))).toEqual(['1']);
		const since = await run({ operation: 'getMany', returnAll: true, filters: { activeOnly: false, modifiedSince: '2025-01-01T00:00:00' } });
		expect(codes(jsonOf(since))).toEqual(['3']);
	});
});

describe('Exact Online Employee: Get Changes', () => {
	it('reads all employees, then only the one who changed; no deletions stream (Exact logs none for employees)', async () => {
		const staticData: IDataObject = {};
		const sync = async () => await run({ operation: 'getChanges', changesOptions: { confirmLater: false } }, { staticData });
		const first = await sync();
		expect(codes(jsonOf(first))).toEqual(['1', '2', '3']);
		expect(jsonOf(first).every((e) => e.changeType === 'changed')).toBe(true);
		expect(endpointsOf(first)).toEqual(['GET sync/Payroll/Employees']);
		expect(callsOf(first)[0].query.$filter).toBe('Timestamp gt 1L');

		const nothing = await sync();
		expect(jsonOf(nothing)).toEqual([]);
		expect(endpointsOf(nothing)).toEqual(['GET sync/Payroll/Employees']);

		const ahmet = employees().find((e) => e.Code === '2');
		suite.exact.sim.state.updateRecord('Employees', String(ahmet?.ID), { IsActive: false, EndDate: '2025-03-31T00:00:00' });
		const left = jsonOf(await sync());
		expect(left).toEqual([expect.objectContaining({ Code: '2', IsActive: false, changeType: 'changed' })]);
	});
});

describe('Exact Online Item: Get Item Groups', () => {
	const item = () => runnerFor(suite.exact, new ExactOnlineItem());

	it('reads all item groups in one call, ordered by code', async () => {
		const result = await item()({ operation: 'getItemGroups', returnAll: true });
		expect(codes(jsonOf(result))).toEqual(expect.arrayContaining(['CV', 'SANITAIR']));
		const all = suite.exact.sim.state.listRecords('ItemGroups').map((g) => g.Code).sort();
		expect(codes(jsonOf(result))).toEqual(all);
		expect(jsonOf(result).find((g) => g.Code === 'SANITAIR')).toMatchObject({ Description: 'Sanitair' });
		expect(endpointsOf(result)).toEqual(['GET logistics/ItemGroups']);
		expect(callsOf(result)[0].query.$select.split(',')).toEqual(ITEM_GROUP.fields);
	});

	it('reads some codes only, or those changed since a moment (quotes escaped)', async () => {
		const some = await item()({ operation: 'getItemGroups', returnAll: true, itemGroupFilters: { codes: 'CV, SANITAIR' } });
		expect(codes(jsonOf(some))).toEqual(['CV', 'SANITAIR']);
		expect(callsOf(some)[0].query.$filter).toBe("Code eq 'CV' or Code eq 'SANITAIR'");
		const quoted = await item()({ operation: 'getItemGroups', returnAll: true, itemGroupFilters: { codes: "O'NEILL" } });
		expect(callsOf(quoted)[0].query.$filter).toBe("Code eq 'O''NEILL'");
		expect(jsonOf(quoted)).toEqual([]);
		const since = await item()({ operation: 'getItemGroups', returnAll: true, itemGroupFilters: { modifiedSince: '2099-01-01T00:00:00' } });
		expect(jsonOf(since)).toEqual([]);
		expect(callsOf(since)[0].query.$filter).toMatch(/^Modified ge datetime'2099-01-01T00:00:00'$/);
	});
});
