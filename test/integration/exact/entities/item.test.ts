/**
 * Exact Online Item against the Exact simulator: materials and hour types (IsTime is a byte in Exact),
 * codes with spaces and in another case, the inactive item, hour types from read/project/HourTypes, and the
 * sales price that lives in the price list (SalesItemPrices).
 */
import { ExactOnlineItem } from '../../../../nodes/ExactOnlineItem/ExactOnlineItem.node';
import { ITEM } from '../../../../nodes/ExactOnlineApi/entity/definitions';
import { EXACT_SEED_FIXTURES } from '../../../../simulators/exact';
import { exactTestClient } from '../../../../simulators/exact/testing';
import { jsonOf } from '../../../harness/context';
import { callsOf, DIVISION, endpointsOf, ISO_WITH_OFFSET, rl, type Runner, useEntitySimulator } from './setup';

const { items } = EXACT_SEED_FIXTURES;
const node = new ExactOnlineItem();
const suite = useEntitySimulator(node);
const { run } = suite;

const codes = (result: Awaited<ReturnType<Runner>>) => jsonOf(result).map((i) => i.Code);
const groupId = (code: string) => String(suite.exact.sim.state.listRecords('ItemGroups').find((g) => g.Code === code)?.ID);

describe('Exact Online Item: Get', () => {
	it('finds an item by a code with spaces, with one call', async () => {
		const result = await run({ operation: 'get', item: rl('code', 'BUIS 15 CU') });
		expect(jsonOf(result)[0]).toMatchObject({ ID: items.codeWithSpaces.id, Code: 'BUIS 15 CU', Unit: 'm', StandardSalesPrice: 8.4, IsTime: 0 });
		expect(String(jsonOf(result)[0].Modified)).toMatch(ISO_WITH_OFFSET);
		expect(callsOf(result)).toHaveLength(1);
		expect(callsOf(result)[0].query.$filter).toBe("Code eq 'BUIS 15 CU'");
		expect(callsOf(result)[0].query.$select.split(',')).toEqual(ITEM.fields);
	});

	it('finds an item by a code in another case, as Exact compares codes', async () => {
		expect(jsonOf(await run({ operation: 'get', item: rl('code', 'kk-12') }))[0].Code).toBe('KK-12');
	});

	it('finds an hour type by the ID picked from the list', async () => {
		const [arbeid] = jsonOf(await run({ operation: 'get', item: rl('list', items.arbeid.id) }));
		expect(arbeid).toMatchObject({ Code: 'ARBEID', IsTime: 1, StandardSalesPrice: 62.5, Unit: 'uur' });
	});

	it("says 'Item 'MAT-9' not found in administration 1234567'", async () => {
		const result = await run({ operation: 'get', item: rl('code', 'MAT-9') });
		expect(result.error?.message).toBe("Item 'MAT-9' not found in administration 1234567");
		const notAnId = await run({ operation: 'get', item: rl('id', 'MAT-9') });
		expect(notAnId.error?.message).toBe("'MAT-9' is not an Exact ID");
		expect(notAnId.host.http).toHaveLength(0);
	});
});

describe('Exact Online Item: Get Many', () => {
	it('finds hour types with IsTime eq 1 (a byte in Exact; "eq true" would be refused)', async () => {
		const result = await run({ operation: 'getMany', returnAll: true, filters: { kind: 'time' } });
		expect(codes(result)).toEqual(['ARBEID', 'SPOED', 'VOORRIJ']);
		expect(callsOf(result)[0].query.$filter).toMatch(/^IsTime eq 1 and \(EndDate eq null or EndDate gt datetime'[^']+'\)$/);
	});

	it('finds materials: no time items; only sales items and stock items when asked', async () => {
		expect(codes(await run({ operation: 'getMany', returnAll: true, filters: { kind: 'materials' } }))).toEqual([
			'BUIS 15 CU', 'CV-HRE28', 'EL-VD25', 'KK-12', 'KM', 'SAN-WCP',
		]);
		expect(codes(await run({ operation: 'getMany', returnAll: true, filters: { kind: 'materials', salesItemsOnly: true } }))).toEqual([
			'BUIS 15 CU', 'CV-HRE28', 'EL-VD25', 'KK-12', 'SAN-WCP',
		]);
		expect(codes(await run({ operation: 'getMany', returnAll: true, filters: { stockItemsOnly: true, activeOnly: false } }))).toEqual([
			'BUIS 15 CU', 'CV-HRE28', 'EL-VD25', 'KK-12', 'OUD-TH01', 'SAN-WCP',
		]);
	});

	it('leaves out inactive items unless told otherwise', async () => {
		expect(codes(await run({ operation: 'getMany', returnAll: true }))).not.toContain('OUD-TH01');
		expect(codes(await run({ operation: 'getMany', returnAll: true, filters: { activeOnly: false } }))).toContain('OUD-TH01');
	});

	it('filters on item groups, code, a description with quotes, and modified since', async () => {
		expect(codes(await run({ operation: 'getMany', returnAll: true, filters: { itemGroups: [groupId('CV'), groupId('ELEKTRA')] } }))).toEqual([
			'CV-HRE28', 'EL-VD25',
		]);
		expect(codes(await run({ operation: 'getMany', filters: { code: 'san-wcp' } }))).toEqual(['SAN-WCP']);
		const quoted = await run({ operation: 'getMany', filters: { descriptionContains: '"Duofix"' } });
		expect(codes(quoted)).toEqual(['SAN-WCP']);
		const halfInch = await run({ operation: 'getMany', filters: { descriptionContains: `1/2" messing` } });
		expect(codes(halfInch)).toEqual(['KK-12']);

		suite.exact.sim.state.updateRecord('Items', items.draad.id, { StandardSalesPrice: 1.35 });
		const since = new Date(suite.exact.sim.state.now() - 60_000).toISOString();
		expect(codes(await run({ operation: 'getMany', returnAll: true, filters: { modifiedSince: since } }))).toEqual(['EL-VD25']);
	});

	it('Return All with a filter (Active Only) reads bulk/Logistics/Items, as the standard endpoint gives them', async () => {
		const standard = await run({ operation: 'getMany', limit: 500 });
		expect(endpointsOf(standard)).toEqual(['GET logistics/Items']);
		const result = await run({ operation: 'getMany', returnAll: true });
		const [call] = callsOf(result);
		expect(callsOf(result)).toHaveLength(1);
		expect(call.path).toBe('bulk/Logistics/Items');
		expect(call.query.$filter).toBe(callsOf(standard)[0].query.$filter);
		expect(call.query.$select).toBe(ITEM.fields.join(','));
		expect(jsonOf(result)).toEqual(jsonOf(standard));
		expect(jsonOf(result).some((item) => typeof item.StandardSalesPrice === 'number')).toBe(true);
	});

	it('takes an apostrophe in a filter as text', async () => {
		suite.exact.sim.state.insertRecord('Items', { Code: "KR-O'B", Description: "Kraan O'Brien", IsSalesItem: true });
		const result = await run({ operation: 'getMany', filters: { descriptionContains: "o'brien" } });
		expect(codes(result)).toEqual(["KR-O'B"]);
		expect(callsOf(result)[0].query.$filter).toContain("substringof('o''brien',Description) eq true");
		expect(jsonOf(await run({ operation: 'get', item: rl('code', "KR-O'B") }))[0].Description).toBe("Kraan O'Brien");
	});
});

describe('Exact Online Item: Get Hour Types', () => {
	it('lists the active hour types from read/project/HourTypes with one call', async () => {
		const result = await run({ operation: 'getHourTypes', returnAll: true });
		expect(jsonOf(result).map((h) => h.ItemCode).sort()).toEqual(['ARBEID', 'SPOED', 'VOORRIJ']);
		expect(jsonOf(result)[0]).toEqual({ ItemId: expect.any(String), ItemCode: expect.any(String), ItemDescription: expect.any(String) });
		expect(endpointsOf(result)).toEqual(['GET read/project/HourTypes']);
	});
});

describe('Exact Online Item: Create and Update', () => {
	it('creates an hour type: IsTime goes to Exact as 1, dates as Dutch time', async () => {
		const result = await run({
			operation: 'create',
			code: 'NACHT',
			description: 'Nachttoeslag',
			additionalFields: { IsTime: true, Unit: 'uur', ItemGroup: groupId('DIENST'), SalesVatCode: '1', StartDate: '2026-01-01T00:00:00+01:00' },
		});
		const [created] = jsonOf(result);
		expect(created).toMatchObject({ Code: 'NACHT', Description: 'Nachttoeslag', IsTime: 1, Unit: 'uur', ItemGroupCode: 'DIENST' });
		expect(created.StartDate).toBe('2026-01-01T00:00:00.000+01:00');
		expect(Object.keys(created)).toEqual(ITEM.fields);
		expect(suite.exact.sim.state.getRecord('Items', String(created.ID))?.IsTime).toBe(1);
		const hourTypes = jsonOf(await run({ operation: 'getHourTypes', returnAll: true }));
		expect(hourTypes.map((h) => h.ItemCode)).toContain('NACHT');
	});

	it('updates by code (any case), turning IsTime false into 0', async () => {
		const result = await run({ operation: 'update', item: rl('code', 'voorrij'), updateFields: { IsTime: false, Description: 'Voorrijkosten regio' } });
		expect(jsonOf(result)).toEqual([{ ID: items.voorrij.id, IsTime: 0, Description: 'Voorrijkosten regio' }]);
		expect(suite.exact.sim.state.getRecord('Items', items.voorrij.id)).toMatchObject({ IsTime: 0, Description: 'Voorrijkosten regio' });
		expect(endpointsOf(result)).toEqual(['GET logistics/Items', `PUT logistics/Items(guid'${items.voorrij.id}')`]);
	});

	it('refuses a duplicate code with Exact’s message, per item', async () => {
		const result = await run({ operation: 'create', code: 'ARBEID', description: 'Dubbel' }, { continueOnFail: true });
		expect(String(jsonOf(result)[0].error)).toMatch(/HTTP 400/);
	});
});

describe('Exact Online Item: scopes', () => {
	it('explains a missing logistics scope', async () => {
		suite.exact.sim.state.denyScopes(['logistics']);
		const result = await run({ operation: 'getMany' });
		expect(result.error?.message).toMatch(/HTTP 403.*Scope/i);
		expect(result.error?.description).toMatch(/permission \(scope\)/);
	});
});

describe("Exact Online Item: the sales price lives in Exact's price list (simulator)", () => {
	const stored = (id: string) => suite.exact.sim.state.getRecord('Items', id)!;
	const priceOf = async (code: string) => jsonOf(await run({ operation: 'get', item: rl('code', code) }))[0].StandardSalesPrice;

	it('a default price row (no Account) posted or changed through the API sets the item price, not its Timestamp or Modified', async () => {
		const before = { ...stored(items.kogelkraan.id) };
		const api = exactTestClient(suite.exact.sim);
		const posted = await api.post(`${DIVISION}/logistics/SalesItemPrices`, { Item: items.kogelkraan.id, Price: 13.5, StartDate: '2020-01-01' });
		expect(posted.status).toBe(201);
		const row = ((await posted.json()) as { d: { ID: string } }).d;
		const postedVersion = suite.exact.sim.state.getRecord('SalesItemPrices', row.ID)!.Timestamp;
		expect(await priceOf('KK-12')).toBe(13.5);
		expect(stored(items.kogelkraan.id)).toMatchObject({ Timestamp: before.Timestamp, Modified: before.Modified });

		expect((await api.put(`${DIVISION}/logistics/SalesItemPrices(guid'${row.ID}')`, { Price: 14.25 })).status).toBe(204);
		expect(await priceOf('KK-12')).toBe(14.25);
		expect(stored(items.kogelkraan.id).Timestamp).toBe(before.Timestamp);
		// The price row itself has a new row version, so its own sync endpoint hands the change out.
		const synced = await api.json<{ d: { results: Array<{ ID: string; Price: number }> } }>(
			`${DIVISION}/sync/Logistics/SalesItemPrices?$select=ID,Account,Item,ItemCode,Price,StartDate,EndDate,Timestamp&$filter=Timestamp gt ${postedVersion}L`,
		);
		expect(synced.body.d.results).toEqual([expect.objectContaining({ ID: row.ID, Price: 14.25, Account: null, ItemCode: 'KK-12' })]);
	});

	it('the admin API (how tests change records) does the same; an empty Account is no Account', async () => {
		const before = stored(items.arbeid.id).Timestamp;
		const response = await fetch(`${suite.exact.sim.url}/__admin/records/SalesItemPrices`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ Item: items.arbeid.id, Account: '', Price: 64 }),
		});
		expect(response.status).toBe(201);
		expect(stored(items.arbeid.id)).toMatchObject({ StandardSalesPrice: 64, Timestamp: before });
		const row = suite.exact.sim.state.listRecords('SalesItemPrices').find((p) => p.Item === items.arbeid.id && p.Account === '')!;
		suite.exact.sim.state.updateRecord('SalesItemPrices', String(row.ID), { Price: 66 });
		expect(stored(items.arbeid.id)).toMatchObject({ StandardSalesPrice: 66, Timestamp: before });
	});

	it('leaves the item alone for a customer price agreement and for a default price that is not current', async () => {
		const agreement = suite.exact.sim.state.listRecords('SalesItemPrices').find((p) => p.Item === items.arbeid.id && p.Account)!;
		suite.exact.sim.state.updateRecord('SalesItemPrices', String(agreement.ID), { Price: 50 });
		suite.exact.sim.state.insertRecord('SalesItemPrices', { Item: items.draad.id, Price: 0.99, StartDate: '2099-01-01T00:00:00' });
		suite.exact.sim.state.insertRecord('SalesItemPrices', { Item: items.draad.id, Price: 0.49, StartDate: '2020-01-01', EndDate: '2021-01-01' });
		expect(stored(items.arbeid.id).StandardSalesPrice).toBe(62.5);
		expect(stored(items.draad.id).StandardSalesPrice).toBe(0.65);
	});

	it('its sync endpoint wants a $select, like every sync endpoint', async () => {
		const response = await exactTestClient(suite.exact.sim).json<{ error: { message: { value: string } } }>(
			`${DIVISION}/sync/Logistics/SalesItemPrices?$filter=Timestamp gt 1L`,
		);
		expect(response.status).toBe(400);
		expect(response.body.error.message.value).toBe('Please add a $select or a $top=1 statement to the query string.');
	});
});
