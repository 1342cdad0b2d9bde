/**
 * The OutSmart node's master-data resources against the fake OutSmart: Get Many with OutSmart's advanced
 * filters and typed output, Upsert (created / updated / unchanged per record, batches, the refused record
 * found by splitting), Delete, and the dropdowns.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { jsonOf, runLoadOptions, runNode, type RunOptions } from '../../harness/context';
import { credentials, visible, TOKEN, SOFTWARE_TOKEN, useOutSmartSimulator } from './setup';

const node = new OutSmart();
const suite = useOutSmartSimulator();

/** The Refused output of an upsert. */
function refusedOf(result: { output?: Array<Array<{ json: IDataObject }>>; error?: Error }): IDataObject[] {
	if (result.error) throw result.error;
	return (result.output?.[1] ?? []).map((item) => item.json);
}

const run = (parameters: INodeParameters, extra: Partial<RunOptions> = {}) =>
	runNode(node, { parameters, credentials: credentials(suite.sim), ...extra });

const calls = (endpoint: string, method = 'GET') => suite.sim.state.calls().filter((c) => c.endpoint === endpoint && c.method === method);
const stored = (endpoint: string, field: string, value: string) => suite.sim.state.list(endpoint).find((r) => r[field] === value);

describe('Get Many', () => {
	it('lists relations with coordinates as numbers; raw keeps OutSmart\'s strings; "both" adds the raw record', async () => {
		const clean = jsonOf(await run({ resource: 'relation', operation: 'getMany', returnAll: true }));
		expect(clean).toHaveLength(6);
		expect(clean[0]).toMatchObject({ debtor_number: '1001', name: "Bakkerij 't Hoekje", city: "'s-Hertogenbosch" });
		expect(typeof clean[0].latitude).toBe('number');

		const raw = jsonOf(await run({ resource: 'relation', operation: 'getMany', returnAll: true, options: { output: 'raw' } }));
		expect(typeof raw[0].latitude).toBe('string');
		const both = jsonOf(await run({ resource: 'relation', operation: 'getMany', limit: 2, options: { output: 'both' } }));
		expect(both).toHaveLength(2);
		expect(both[1]).toMatchObject({ latitude: Number(raw[1].latitude), raw: raw[1] });
	});

	it.each([
		['material', { code: 'CV-KETEL-01', price: 1234.5 }, { price: '1234,50' }],
		['material', { code: 'KLEINMAT', price: 0 }, { price: '0,00' }],
		['hourType', { code: 'UUR-LEERLING', sale_price: 42.5, cost_price: 21, cost_booking: true, active: true }, { sale_price: '42.50' }],
		['project', { code: 'P2026-001', progress: 25, active: true, date_start: '2026-10-24', date_end: null }, { progress: '25' }],
		['employee', { number: '12', lastname: 'Yılmaz', active: true }, { active: '1' }],
		['price', { material: 'CV-KETEL-01', price: 1150, date_end: null }, { price: '1150.00' }],
		['warehouse', { wse_code: 'BUS-JAN', wse_wse_code: 'HOOFD' }, { wse_type: 'VEHICLE' }],
		['paymentMethod', { pmd_description: 'op rekening' }, { pmd_description: 'op rekening' }],
		['workStatus', { sta_code: 'EXPFOUT', sta_name: 'Export mislukt' }, { sta_code: 'EXPFOUT' }],
		['workType', { wrt_name: 'Storing', wrt_default_minutes: 90, wrt_active: true }, { wrt_default_minutes: '90' }],
	])('reads %s records typed (%j)', async (resource, expectedClean, expectedRaw) => {
		const key = Object.keys(expectedRaw)[0];
		const pick = (records: IDataObject[]) =>
			records.find((r) => Object.entries(expectedClean).slice(0, 1).every(([k, v]) => r[k] === v)) ?? records[0];
		const clean = pick(jsonOf(await run({ resource, operation: 'getMany', returnAll: true })));
		expect(clean).toMatchObject(expectedClean);
		const raw = pick(jsonOf(await run({ resource, operation: 'getMany', returnAll: true, options: { output: 'raw' } })));
		expect(raw[key]).toEqual(Object.values(expectedRaw)[0]);
	});

	it('sends advanced filters as indexed key/value/operator and applies the limit after OutSmart answers', async () => {
		const result = await run({
			resource: 'relation',
			operation: 'getMany',
			returnAll: true,
			filters: { filter: [{ key: 'city', operator: 'li', value: '%hertogenbosch' }] },
		});
		expect(jsonOf(result).map((r) => r.debtor_number)).toEqual(['1001']);
		expect(calls('relations')[0].query).toMatchObject({ key: ['city'], value: ['%hertogenbosch'], operator: ['li'] });

		const twoFilters = await run({
			resource: 'material',
			operation: 'getMany',
			returnAll: true,
			filters: { filter: [{ key: 'price', operator: 'gt', value: '50' }, { key: 'unit', operator: 'eq', value: 'stuk' }] },
		});
		expect(jsonOf(twoFilters).map((r) => r.code).sort()).toEqual(['CV-KETEL-01', 'RADIATOR-600', 'THERMOSTAAT-01']);

		const limited = await run({ resource: 'material', operation: 'getMany', returnAll: false, limit: 2 });
		expect(jsonOf(limited)).toHaveLength(2);
	});

	it('turns OutSmart\'s "Unknown filter key" (code 200, empty list) into an error instead of "nothing found"', async () => {
		const result = await run({
			resource: 'relation',
			operation: 'getMany',
			returnAll: true,
			filters: { filter: [{ key: 'zip', operator: 'eq', value: '5211 KH' }] },
		});
		expect(result.error?.message).toBe('OutSmart does not know this filter field: Unknown filter key: zip');
	});
});

describe('Upsert', () => {
	const relation = (debtor: string, extra: IDataObject = {}): IDataObject => ({
		debtor_number: debtor,
		name: `Relatie ${debtor}`,
		street: 'Markt',
		postal_code: '1234 AB',
		city: 'Gouda',
		...extra,
	});

	it('reports created, updated (with the changed fields) and unchanged per record, as OutSmart itself counts them', async () => {
		const result = await run(
			{ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData', upsertOptions: { sendUnchanged: true } },
			{
				items: [
					relation('2001'),
					{ debtor_number: '1001', city: 'Vught', phone_number: '073-1234567' },
					{ debtor_number: '1002', name: 'Café Façade', city: 'Utrecht' },
				],
			},
		);
		const out = jsonOf(result);
		expect(out.map((o) => [o.key, o.outcome, o.changedFields])).toEqual([
			['2001', 'created', []],
			['1001', 'updated', ['city', 'phone_number']],
			['1002', 'unchanged', []],
		]);
		expect(result.output?.[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		// The simulator's own verdict on the same POST:
		const [upsert] = suite.sim.state.stats().upserts;
		expect({ created: upsert.created, updated: upsert.updated, unchanged: upsert.unchanged }).toEqual({
			created: ['2001'],
			updated: ['1001'],
			unchanged: ['1002'],
		});
		// A partial update keeps the other fields: the required ones came from OutSmart's record.
		expect(stored('relations', 'debtor_number', '1001')).toMatchObject({ name: "Bakkerij 't Hoekje", street: 'Kerkstraat', city: 'Vught' });
	});

	it('reads the existing records once per run and skips unchanged records unless asked', async () => {
		const items = [relation('2001'), relation('2002'), { debtor_number: '1003', name: 'Installatiebedrijf De Vries B.V.' }];
		const result = await run({ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData' }, { items });
		expect(jsonOf(result).map((o) => [o.outcome, o.sent])).toEqual([
			['created', true],
			['created', true],
			['unchanged', false],
		]);
		expect(calls('relations', 'GET')).toHaveLength(1);
		expect(calls('relations', 'POST')).toHaveLength(1);
		expect(calls('relations', 'POST')[0].records).toBe(2);

		// A second run with the same data changes nothing and sends nothing.
		suite.sim.state.clearCalls();
		const again = await run({ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData' }, { items });
		expect(jsonOf(again).map((o) => o.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
		expect(calls('relations', 'POST')).toHaveLength(0);
	});

	it('outputs the record as sent, or with Include Record Sent off only what happened to it', async () => {
		const items = [relation('2101', { name: "Loodgieter 't Hoekje" })];
		const full = await run({ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData' }, { items });
		expect(jsonOf(full)[0]).toMatchObject({ outcome: 'created', key: '2101', record: { debtor_number: '2101', name: "Loodgieter 't Hoekje", city: 'Gouda' } });

		const changed = [relation('2101', { name: "Loodgieter 't Hoekje", city: 'Woerden' })];
		const slim = await run({ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData', upsertOptions: { includeRecord: false } }, { items: changed });
		expect(jsonOf(slim)).toEqual([{ outcome: 'updated', key: '2101', sent: true, changedFields: ['city'] }]);
		expect(stored('relations', 'debtor_number', '2101')).toMatchObject({ name: "Loodgieter 't Hoekje", city: 'Woerden' });
	});

	it('sends in batches of the chosen size', async () => {
		const items = Array.from({ length: 7 }, (_, i) => relation(String(3000 + i)));
		const result = await run({ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData', upsertOptions: { batchSize: 3 } }, { items });
		expect(jsonOf(result).every((o) => o.outcome === 'created')).toBe(true);
		expect(calls('relations', 'POST').map((c) => c.records)).toEqual([3, 3, 1]);
		expect(suite.sim.state.list('relations')).toHaveLength(13);
	});

	it('finds the refused record by splitting the batch: it goes to Refused with OutSmart\'s reason, the others are stored', async () => {
		const items = [relation('2001'), relation('2002'), relation('1042', { postal_code: '' }), relation('2003'), relation('2004')];
		const result = await run({ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData' }, { items });
		// The refused item carries its input's fields (as n8n's error output does), so a flow knows which record it was.
		expect(refusedOf(result)).toEqual([
			{
				...items[2],
				error: 'OutSmart refused relation 1042: required field postal_code missing (code 1301)',
				details: expect.stringContaining('A relation needs name, debtor_number, street, postal_code and city'),
			},
		]);
		expect(result.output?.map((output) => output.map((item) => item.pairedItem))).toEqual([
			[{ item: 0 }, { item: 1 }, { item: 3 }, { item: 4 }],
			[{ item: 2 }],
		]);
		expect(jsonOf(result).map((o) => o.outcome)).toEqual(['created', 'created', 'created', 'created']);
		for (const debtor of ['2001', '2002', '2003', '2004']) expect(stored('relations', 'debtor_number', debtor)).toBeDefined();
		expect(stored('relations', 'debtor_number', '1042')).toBeUndefined();
		// 5 refused, then [3 refused -> 2 ok + 1 refused], then 2 ok: far fewer calls than one per record twice.
		expect(calls('relations', 'POST').length).toBeLessThanOrEqual(5);
	});

	it('a value that cannot be sent refuses that record only; the others are stored', async () => {
		const result = await run(
			{ resource: 'material', operation: 'upsert', dataMode: 'autoMapInputData' },
			{
				items: [
					{ code: 'NIEUW-1', description: 'Nieuw 1', price: 12.5, unit: 'stuk' },
					{ code: 'NIEUW-2', description: 'Nieuw 2', price: 'twaalf', unit: 'stuk' },
					{ code: 'NIEUW-3', description: 'Nieuw 3', price: '1.234,50', unit: 'stuk' },
				],
			},
		);
		expect(refusedOf(result).map((r) => [r.code, r.error])).toEqual([
			['NIEUW-2', 'The material field price cannot be sent: Cannot read "twaalf" as an OutSmart amount: expected a number such as "12,50", "0,00", "1.234,50", "-2,00" or "12.50"'],
		]);
		expect(stored('materials', 'code', 'NIEUW-1')?.price).toBe('12,50');
		expect(stored('materials', 'code', 'NIEUW-3')?.price).toBe('1234,50');
	});

	it('an OutSmart refusal the node cannot foresee (a too long value, code 1300) is reported for that record only', async () => {
		const result = await run(
			{ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData' },
			{ items: [relation('2001'), relation('2002', { contact: 'x'.repeat(300) })] },
		);
		expect(jsonOf(result).map((o) => o.outcome)).toEqual(['created']);
		expect(refusedOf(result)[0].error).toBe('OutSmart refused relation 2002: value too long for field: contact (code 1300)');
	});

	it('writes numbers, booleans and ISO dates the way each entity wants them', async () => {
		await run(
			{
				resource: 'hourType',
				operation: 'upsert',
				dataMode: 'defineBelow',
				fieldsUi: {
					field: [
						{ name: 'code', value: 'UUR-NACHT' },
						{ name: 'name', value: 'Nachturen' },
						{ name: 'cost_booking', value: 'true' },
						{ name: 'sale_booking', value: 'false' },
						{ name: 'sale_price', value: '112,5' },
					],
				},
			},
		);
		expect(stored('hourtypes', 'code', 'UUR-NACHT')).toMatchObject({ cost_booking: '1', sale_booking: '0', sale_price: '112.50' });

		const project = await run(
			{ resource: 'project', operation: 'upsert', dataMode: 'autoMapInputData' },
			{ items: [{ code: 'P2026-002', debtor_number: '1001', status: 'Nieuw', name: 'Nieuwbouw', date_start: '2026-12-01T00:00:00.000+01:00', progress: 0, active: false }] },
		);
		expect(jsonOf(project)[0]).toMatchObject({ outcome: 'created', record: { date_start: '2026-12-01', active: false, progress: 0 } });
		expect(stored('projects', 'code', 'P2026-002')).toMatchObject({ date_start: '2026-12-01', active: '0', progress: '0' });

		const price = await run(
			{ resource: 'material', operation: 'upsert', dataMode: 'autoMapInputData' },
			{ items: [{ code: 'KNELKOPPELING-15', price: 0.0125 }, { code: 'KLEINMAT', price: 0 }] },
		);
		expect(jsonOf(price).map((o) => [o.outcome, o.changedFields])).toEqual([
			['updated', ['price']],
			['unchanged', []],
		]);
		// Sent with 4 decimals, shown by OutSmart with 2; the next run compares at OutSmart's precision.
		expect(calls('materials', 'POST')[0]).toMatchObject({ records: 1 });
		expect(stored('materials', 'code', 'KNELKOPPELING-15')?.price).toBe('0,01');
		const again = await run(
			{ resource: 'material', operation: 'upsert', dataMode: 'autoMapInputData' },
			{ items: [{ code: 'KNELKOPPELING-15', price: 0.0125 }] },
		);
		expect(jsonOf(again)[0].outcome).toBe('unchanged');
	});

	it('compares a price list entry by its composite key and the date as a date', async () => {
		const result = await run(
			{ resource: 'price', operation: 'upsert', dataMode: 'autoMapInputData' },
			{
				items: [
					{ material: 'CV-KETEL-01', debtornr: '1005', date_start: '24-09-2026', price: '1150.00' },
					{ material: 'CV-KETEL-01', debtornr: '1005', date_start: '2026-09-24', price: 1099 },
					{ hourtype: 'UUR-MONTEUR', date_start: '2027-01-01', price: 67.5 },
				],
			},
		);
		expect(jsonOf(result).map((o) => [o.key, o.outcome])).toEqual([
			['CV-KETEL-01||1005|2026-09-24', 'unchanged'],
			['CV-KETEL-01||1005|2026-09-24', 'updated'],
			['|UUR-MONTEUR||2027-01-01', 'created'],
		]);
		expect(suite.sim.state.list('prices')).toHaveLength(2);
	});

	it('refuses an item without its key before calling, and names fields it does not send', async () => {
		const result = await run(
			{ resource: 'employee', operation: 'upsert', dataMode: 'autoMapInputData' },
			{ items: [{ firstname: 'Anna', lastname: 'Smit' }, { number: '14', firstname: 'Anna', lastname: 'Smit', email: 'a@x.nl' }] },
		);
		expect(refusedOf(result)).toEqual([
			{ firstname: 'Anna', lastname: 'Smit', error: 'The employee has no number', details: 'OutSmart identifies a employee by number: fill in number.' },
		]);
		expect(jsonOf(result)).toEqual([expect.objectContaining({ outcome: 'created', ignoredFields: ['email'] })]);
	});

	it('an error that is not about a record (code 1007) stops sending and fails the node, sorting nothing; running again is safe', async () => {
		suite.sim.state.addFault({ match: { path: 'relations', method: 'POST' }, kind: 'code', code: 1007, times: 1 });
		const result = await run(
			{ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData', upsertOptions: { batchSize: 2 } },
			{ items: [relation('2001'), relation('2002'), relation('2003')], continueOnFail: true },
		);
		// Not on Refused (a flow would retry or report records that are fine), not on Stored (a flow would confirm them).
		expect(result.output).toBeUndefined();
		expect(result.error?.message).toMatch(/^OutSmart may or may not have stored relation 2001: OutSmart refused the request: an uncaught error at OutSmart \(code 1007\)/);
		expect(result.error?.description).toContain('Running the node again is safe');
		expect(calls('relations', 'POST')).toHaveLength(1);

		const again = await run(
			{ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData', upsertOptions: { batchSize: 2 } },
			{ items: [relation('2001'), relation('2002'), relation('2003')] },
		);
		expect(jsonOf(again).map((o) => o.outcome)).toEqual(['created', 'created', 'created']);
	});

	it('a connection dropped during a batch: "may or may not have stored", the rest is not sent', async () => {
		suite.sim.state.addFault({ match: { path: 'relations', method: 'POST' }, kind: 'write-then-drop', times: 1 });
		const result = await run(
			{ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData', upsertOptions: { batchSize: 1 } },
			{ items: [relation('2001'), relation('2002')] },
		);
		expect(result.error?.message).toMatch(/^OutSmart may or may not have stored relation 2001: OutSmart did not answer POST relations/);
		expect(stored('relations', 'debtor_number', '2001')).toBeDefined();
		expect(stored('relations', 'debtor_number', '2002')).toBeUndefined();
		expect(calls('relations', 'POST')).toHaveLength(1);
		expect(visible(result)).not.toContain(TOKEN);
	});

	it('a wrong token fails the whole run with OutSmart\'s code 1004, no token in sight', async () => {
		const result = await run(
			{ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData' },
			{ items: [relation('2001'), relation('2002')], credentials: credentials(suite.sim, { token: 'tok-Wrong-000' }) },
		);
		expect(result.output).toBeUndefined();
		expect(result.error?.message).toBe('OutSmart refused the request: token not authorized (code 1004)');
		expect(result.error?.description).toContain('Copy the token again from OutSmart');
		expect(calls('relations', 'POST')).toHaveLength(0);
		expect(visible(result)).not.toContain('tok-Wrong-000');
		expect(visible(result)).not.toContain(SOFTWARE_TOKEN);
		expect(visible(result)).not.toContain(TOKEN);
	});
});

describe('Delete', () => {
	it.each([
		['relation', 'relations', 'debtor_number', '1006'],
		['material', 'materials', 'code', 'EXPANSIEVAT-8L'],
		['hourType', 'hourtypes', 'code', 'UUR-SPOED'],
		['project', 'projects', 'code', 'P2026-001'],
		['employee', 'employees', 'number', '13'],
	])('deletes a %s by its key', async (resource, endpoint, key, value) => {
		const result = await run({ resource, operation: 'delete', deleteKey: value });
		expect(jsonOf(result)).toEqual([{ deleted: true, count: 1, [key]: value }]);
		expect(stored(endpoint, key, value)).toBeUndefined();
		expect(calls('DeleteEntity')[0].query).toMatchObject({ delete_all: 'false', key, value });
	});

	it('says deleted: false when nothing matched', async () => {
		expect(jsonOf(await run({ resource: 'relation', operation: 'delete', deleteKey: '9999' }))).toEqual([
			{ deleted: false, count: 0, debtor_number: '9999' },
		]);
	});

	it('offers Delete only where OutSmart allows it', () => {
		const operationsOf = (resource: string) =>
			node.description.properties
				.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
				?.options?.map((o) => (o as { value: string }).value);
		expect(operationsOf('relation')).toEqual(['delete', 'getMany', 'upsert']);
		expect(operationsOf('paymentMethod')).toEqual(['getMany', 'upsert']);
		expect(operationsOf('price')).toEqual(['getMany', 'upsert']);
	});
});

describe('dropdowns', () => {
	const load = async (method: string) =>
		(await runLoadOptions(node, method, { parameters: { resource: 'workorder', operation: 'getMany' }, credentials: credentials(suite.sim) })).result;

	it('lists work statuses, work types, payment methods and employees from OutSmart', async () => {
		expect(await load('getWorkStatuses')).toContainEqual({ name: 'Export mislukt (EXPFOUT)', value: 'EXPFOUT' });
		expect((await load('getWorkStatusFilter'))[0]).toEqual({ name: 'Any Work Status', value: '' });
		expect((await load('getWorkTypes')).map((o) => o.value)).toEqual(['Installatie', 'Onderhoud', 'Reparatie', 'Storing']);
		expect(await load('getPaymentMethods')).toContainEqual({ name: 'op rekening', value: 'op rekening' });
		expect(await load('getEmployees')).toContainEqual({ name: 'Fatma Yılmaz (12)', value: '12' });
		expect(await load('getHourTypes')).toContainEqual({ name: 'Uren monteur (UUR-MONTEUR)', value: 'UUR-MONTEUR' });
	});
});
