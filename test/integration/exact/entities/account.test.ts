/**
 * Exact Online Account against the Exact simulator: every operation, the padded code, quotes in filters,
 * unknown records, scopes, paging, and what each operation costs in calls.
 */
import { ExactOnlineAccount } from '../../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { ACCOUNT } from '../../../../nodes/ExactOnlineApi/entity/definitions';
import { EXACT_SEED_FIXTURES } from '../../../../simulators/exact';
import { jsonOf } from '../../../harness/context';
import type { ExactFixture } from '../../exactSetup';
import { callsOf, endpointsOf, ISO_WITH_OFFSET, rl, type Runner, runnerFor, startEntitySimulator, useEntitySimulator } from './setup';

const { accounts } = EXACT_SEED_FIXTURES;
/** A filter every seeded account passes: keeps a limited read on the standard endpoint (see readMany.ts). */
const EVERY_ACCOUNT = { modifiedSince: '1990-01-01' };
const node = new ExactOnlineAccount();
const suite = useEntitySimulator(node);
const { run } = suite;

describe('Exact Online Account: Get', () => {
	it('finds an account by its code with one call, padding the code for Exact and trimming it in the output', async () => {
		const result = await run({ operation: 'get', account: rl('code', '1') });
		const [account] = jsonOf(result);
		expect(account).toMatchObject({ ID: accounts.bakkerij.id, Code: '1', Name: "Bakkerij 't Hoekje", City: "'s-Hertogenbosch" });
		expect(String(account.Created)).toMatch(ISO_WITH_OFFSET);
		expect(account).not.toHaveProperty('__metadata');
		const calls = callsOf(result);
		expect(calls).toHaveLength(1);
		expect(calls[0].query.$filter).toBe(`Code eq '                 1'`);
		// Only what the operation returns is asked for.
		expect(calls[0].query.$select.split(',')).toEqual(ACCOUNT.fields);
	});

	it('accepts a code typed with spaces around it', async () => {
		expect(jsonOf(await run({ operation: 'get', account: rl('code', '  10 ') }))[0].Name).toBe('Fam. de Jong');
	});

	it('finds an account picked from the list (an ID) with one call; Raw gives the record as Exact sends it', async () => {
		const result = await run({ operation: 'get', account: rl('list', accounts.oneill.id), options: { output: 'raw' } });
		const [raw] = jsonOf(result);
		expect(raw.Code).toBe(accounts.oneill.code);
		expect(raw.__metadata).toEqual(expect.objectContaining({ type: 'Exact.Web.Api.Models.Account' }));
		expect(String(raw.Created)).toMatch(/^\/Date\(\d+\)\/$/);
		expect(endpointsOf(result)).toEqual(['GET crm/Accounts']);
		expect(callsOf(result)[0].query.$filter).toBe(`ID eq guid'${accounts.oneill.id}'`);
	});

	it('adds contacts and addresses when asked, one call each', async () => {
		const result = await run({ operation: 'get', account: rl('code', '2'), options: { includeContacts: true, includeAddresses: true } });
		const [account] = jsonOf(result);
		expect((account.Contacts as Array<{ FullName: string }>).map((c) => c.FullName)).toContain("Siobhán O'Neill");
		expect(account.Addresses).toEqual([expect.objectContaining({ AddressLine1: 'Laan van Meerdervoort 1250-B', Main: true })]);
		expect(endpointsOf(result)).toEqual(['GET crm/Accounts', 'GET crm/Contacts', 'GET crm/Addresses']);
	});

	it('asks for extra fields when told to', async () => {
		const result = await run({ operation: 'get', account: rl('code', '1'), options: { extraFields: 'SearchCode, CountryName' } });
		expect(jsonOf(result)[0]).toMatchObject({ SearchCode: 'BAKKERIJ-T', CountryName: 'Nederland' });
		expect(callsOf(result)[0].query.$select).toBe([...ACCOUNT.fields, 'SearchCode', 'CountryName'].join(','));
	});

	it('says which account was not found in which administration, without costing Exact an error', async () => {
		const byCode = await run({ operation: 'get', account: rl('code', '999') });
		expect(byCode.error?.message).toBe("Account '999' not found in administration 1234567");
		expect(byCode.error?.description).toMatch(/Check the account's code or ID/);

		const unknownId = '00000000-0000-4000-8000-000000000001';
		const byId = await run({ operation: 'get', account: rl('id', unknownId) });
		expect(byId.error?.message).toBe(`Account '${unknownId}' not found in administration 1234567`);
		// An unknown ID is an empty list, not a 404: Exact blocks an endpoint after 10 errors an hour.
		expect(callsOf(byId).map((c) => c.status)).toEqual([200]);
		expect(suite.exact.sim.state.getStats().errorsByEndpoint).toEqual({});
	});

	it('refuses something that is not an ID in "By ID" mode before calling Exact', async () => {
		const result = await run({ operation: 'get', account: rl('id', '1001') });
		expect(result.error?.message).toBe("'1001' is not an Exact ID");
		expect(result.error?.description).toMatch(/choose "By Code"/);
		expect(result.host.http).toHaveLength(0);
	});

	it('goes on with the other items on fail, each result and error paired with its item', async () => {
		const result = await run(
			{ operation: 'get', account: rl('code', '={{ $json.code }}') },
			{ continueOnFail: true, items: [{ code: '1' }, { code: '404' }, { code: '2' }] },
		);
		const out = result.output?.[0] ?? [];
		expect(out.map((item) => item.json.Name ?? item.json.error)).toEqual([
			"Bakkerij 't Hoekje",
			"Account '404' not found in administration 1234567",
			"O'Neill Installaties",
		]);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].json.details).toMatch(/Check the account's code or ID/);
		// One call per item.
		expect(callsOf(result)).toHaveLength(3);
	});

	it('stops at the first failing item without Continue On Fail, naming the item', async () => {
		const result = await run({ operation: 'get', account: rl('code', '={{ $json.code }}') }, { items: [{ code: '1' }, { code: '404' }] });
		expect(result.error?.message).toBe("Account '404' not found in administration 1234567");
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
	});
});

describe('Exact Online Account: Get Many', () => {
	const names = (result: Awaited<ReturnType<Runner>>) => jsonOf(result).map((a) => a.Name);

	it('filters on relation type, blocked and supplier', async () => {
		expect(names(await run({ operation: 'getMany', returnAll: true, filters: { types: ['P', 'S'] } }))).toEqual([
			'Hoveniersbedrijf Groen & Zo',
			'Kapsalon Knip-Art',
		]);
		expect(names(await run({ operation: 'getMany', returnAll: true, filters: { types: ['supplier'] } }))).toEqual([
			'Müller GmbH',
			'Technische Groothandel Van der Meer BV',
		]);
		expect(names(await run({ operation: 'getMany', returnAll: true, filters: { blocked: 'blocked' } }))).toEqual([
			'Loodgietersbedrijf De Lekkage BV',
		]);
		const customersNotBlocked = await run({ operation: 'getMany', returnAll: true, filters: { types: ['C'], blocked: 'notBlocked' } });
		expect(names(customersNotBlocked)).toHaveLength(6);
		expect(callsOf(customersNotBlocked)[0].query.$filter).toBe("Status eq 'C' and Blocked eq false");
	});

	it('filters on a name with an apostrophe, a city with one, and the padded code', async () => {
		const byName = await run({ operation: 'getMany', filters: { nameContains: "'t hoekje" } });
		expect(names(byName)).toEqual(["Bakkerij 't Hoekje"]);
		expect(callsOf(byName)[0].query.$filter).toBe("substringof('''t hoekje',Name) eq true");
		expect(names(await run({ operation: 'getMany', filters: { nameContains: "O'Neill" } }))).toEqual(["O'Neill Installaties"]);
		expect(names(await run({ operation: 'getMany', filters: { city: "'s-Hertogenbosch" } }))).toEqual(["Bakkerij 't Hoekje"]);
		const byCode = await run({ operation: 'getMany', filters: { code: '7' } });
		expect(names(byCode)).toEqual(['Hoveniersbedrijf Groen & Zo']);
		expect(callsOf(byCode)[0].query.$filter).toBe(`Code eq '                 7'`);
	});

	it('filters on modified since, in Dutch time', async () => {
		suite.exact.sim.state.updateRecord('Accounts', accounts.cafe.id, { Phone: '030-1234567' });
		const now = new Date(suite.exact.sim.state.now());
		const result = await run({ operation: 'getMany', returnAll: true, filters: { modifiedSince: new Date(now.getTime() - 60_000).toISOString() } });
		expect(names(result)).toEqual(['Café Façade & Zoon']);
		expect(callsOf(result)[0].query.$filter).toMatch(/^Modified ge datetime'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d'$/);
	});

	it('orders by name and stops at the limit; with a filter Exact sorts and sends no more than that', async () => {
		const result = await run({ operation: 'getMany', limit: 3, filters: { blocked: 'notBlocked' } });
		expect(names(result)).toEqual(['Bakkerij \'t Hoekje', 'Café Façade & Zoon', 'Fam. de Jong']);
		expect(callsOf(result)[0].query).toMatchObject({ $top: '3', $orderby: 'Name' });
	});

	it('a limit without a filter reads the sync list (mandatory filtering) and hands out the first in name order', async () => {
		const result = await run({ operation: 'getMany', limit: 3 });
		expect(names(result)).toEqual(['Bakkerij \'t Hoekje', 'Café Façade & Zoon', 'Fam. de Jong']);
		expect(endpointsOf(result)).toEqual(['GET sync/CRM/Accounts']);
	});
});

describe('Exact Online Account: Get Many paging', () => {
	let small: ExactFixture;
	beforeAll(async () => {
		small = await startEntitySimulator({ seed: 'small' });
	});
	afterAll(async () => small.sim.close());

	it('follows pages of 60 up to a limit of 130: three calls, 130 different accounts', async () => {
		const result = await runnerFor(small, node)({ operation: 'getMany', limit: 130, filters: EVERY_ACCOUNT });
		const records = jsonOf(result);
		expect(records).toHaveLength(130);
		expect(new Set(records.map((r) => r.ID)).size).toBe(130);
		expect(endpointsOf(result)).toEqual(Array(3).fill('GET crm/Accounts'));
	});

	afterEach(() => small.sim.state.reset());

	/**
	 * What the standard endpoint gives, 60 a call with $orderby: the order and content a Return All must match. A
	 * limit without a filter would read the sync list, so a filter that every seeded account passes keeps it there.
	 */
	async function standardRead(filters: Record<string, unknown> = {}) {
		const result = await runnerFor(small, node)({ operation: 'getMany', limit: 5000, filters: { ...EVERY_ACCOUNT, ...filters } });
		expect(callsOf(result).every((call) => call.path === 'crm/Accounts' && call.query.$orderby === 'Name')).toBe(true);
		return jsonOf(result);
	}

	it('Return All without a filter reads sync/CRM/Accounts from the start: 1,000 accounts in one call, as the standard endpoint gives them', async () => {
		const expected = await standardRead();
		expect(expected).toHaveLength(1000);
		small.sim.state.setMandatoryFiltering(true);
		const result = await runnerFor(small, node)({ operation: 'getMany', returnAll: true });
		expect(result.error).toBeUndefined();
		const calls = callsOf(result);
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ path: 'sync/CRM/Accounts', status: 200, query: { $filter: 'Timestamp gt 1L' } });
		expect(calls[0].query.$select.split(',')).toEqual([...ACCOUNT.fields, 'Timestamp']);
		// same records, same fields (no Timestamp), same order (by name)
		expect(jsonOf(result)).toEqual(expected);
	}, 30_000);

	it('Return All with a filter reads bulk/CRM/Accounts with the same filter and fields, in name order', async () => {
		const filters = { types: ['C'], blocked: 'notBlocked' };
		const expected = await standardRead(filters);
		expect(expected.length).toBeGreaterThan(60);
		small.sim.state.setMandatoryFiltering(true);
		const result = await runnerFor(small, node)({ operation: 'getMany', returnAll: true, filters, options: { extraFields: 'SearchCode' } });
		const calls = callsOf(result);
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ path: 'bulk/CRM/Accounts', status: 200, query: { $filter: "Status eq 'C' and Blocked eq false" } });
		expect(calls[0].query.$select.split(',')).toEqual([...ACCOUNT.fields, 'SearchCode']);
		expect(calls[0].query.$orderby).toBeUndefined();
		expect(jsonOf(result).map(({ SearchCode, ...account }) => account)).toEqual(expected);
		expect(jsonOf(result).every((account) => 'SearchCode' in account)).toBe(true);
	}, 30_000);

	it('a deleted account does not come back from the sync read', async () => {
		const [gone] = small.sim.state.listRecords('Accounts');
		small.sim.state.deleteRecord('Accounts', String(gone.ID));
		const records = jsonOf(await runnerFor(small, node)({ operation: 'getMany', returnAll: true }));
		expect(records).toHaveLength(999);
		expect(records.some((account) => account.ID === gone.ID)).toBe(false);
	});

	it('with a limit above 1,000 it pages on without $top and stops at the limit', async () => {
		small.sim.state.insertRecord('Accounts', { Name: 'Zonnepanelen Zuid BV' });
		small.sim.state.insertRecord('Accounts', { Name: 'Zwembadtechniek Noord' });
		const result = await runnerFor(small, node)({ operation: 'getMany', limit: 1001, filters: EVERY_ACCOUNT });
		expect(jsonOf(result)).toHaveLength(1001);
		const calls = callsOf(result);
		expect(calls[0].query.$top).toBeUndefined();
		expect(calls).toHaveLength(17);
	});
});

describe('Exact Online Account: Get Changes of some relation types', () => {
	it('hands out only accounts of the chosen types, at the cost of an unfiltered read, and deletions of every type', async () => {
		const every = await run({ operation: 'getChanges', syncName: 'every type' }, { staticData: {}, mode: 'trigger' });
		const staticData = {};
		const some = await run({ operation: 'getChanges', syncName: 'some types', changesOptions: { types: ['P', 'supplier'] } }, { staticData, mode: 'trigger' });
		const wanted = jsonOf(every).filter((a) => a.Status === 'P' || a.IsSupplier === true);
		expect(wanted.map((a) => a.Code)).toEqual(expect.arrayContaining([accounts.prospect.code.trim(), accounts.supplier.code.trim()]));
		expect(jsonOf(some).map((a) => a.ID).sort()).toEqual(wanted.map((a) => a.ID).sort());
		expect(endpointsOf(some)).toEqual(endpointsOf(every));

		// A customer deleted in Exact still comes: a deletion names only the ID, not the type.
		const customer = suite.exact.sim.state.insertRecord('Accounts', { Name: 'Weg BV', Status: 'C' });
		suite.exact.sim.state.deleteRecord('Accounts', String(customer.ID));
		const after = jsonOf(await run({ operation: 'getChanges', syncName: 'some types', changesOptions: { types: ['P', 'supplier'] } }, { staticData, mode: 'trigger' }));
		expect(after).toEqual([expect.objectContaining({ ID: customer.ID, changeType: 'deleted' })]);
	});
});

describe('Exact Online Account: Get Contact Changes over many accounts', () => {
	let small: ExactFixture;
	beforeAll(async () => {
		small = await startEntitySimulator({ seed: 'small' });
	});
	afterAll(async () => small.sim.close());

	it('a first run reads the account codes in one pass over the sync list instead of one call per 20 accounts', async () => {
		small.sim.state.setMandatoryFiltering(true);
		const result = await runnerFor(small, node)({ operation: 'getContactChanges', syncName: 'contacts' }, { staticData: {}, mode: 'trigger' });
		const contacts = jsonOf(result).filter((c) => c.changeType === 'changed');
		const codes = new Map(small.sim.state.listRecords('Accounts').map((a) => [String(a.ID), String(a.Code).trim()]));
		expect(contacts.length).toBe(small.sim.state.listRecords('Contacts').length);
		expect(contacts.every((c) => c.AccountCode === codes.get(String(c.Account)))).toBe(true);
		const endpoints = endpointsOf(result);
		expect(endpoints.filter((e) => e === 'GET sync/CRM/Accounts')).toHaveLength(1);
		expect(endpoints.filter((e) => e === 'GET crm/Accounts' || e === 'GET bulk/CRM/Accounts')).toHaveLength(0);
		expect(callsOf(result).every((call) => call.status === 200)).toBe(true);
		small.sim.state.setMandatoryFiltering(false);
		expect(endpoints).toHaveLength(Math.ceil(contacts.length / 1000) + 2);
	});

	it('a few changed contacts still cost one look-up per 20 accounts, not a bulk pass', async () => {
		const staticData = {};
		await runnerFor(small, node)({ operation: 'getContactChanges', syncName: 'few' }, { staticData, mode: 'trigger' });
		const changed = small.sim.state.listRecords('Contacts').slice(0, 3);
		for (const contact of changed) small.sim.state.updateRecord('Contacts', String(contact.ID), { Phone: '010-1234567' });
		const result = await runnerFor(small, node)({ operation: 'getContactChanges', syncName: 'few' }, { staticData, mode: 'trigger' });
		expect(jsonOf(result).map((c) => c.ID).sort()).toEqual(changed.map((c) => c.ID).sort());
		expect(endpointsOf(result).filter((e) => e.includes('Accounts'))).toEqual(['GET crm/Accounts']);
	});
});

describe('Exact Online Account: Create and Update', () => {
	it('creates an account with a padded code and a payment condition, and answers the same fields as Get', async () => {
		const result = await run({
			operation: 'create',
			name: "Installatiebedrijf 't Zuiden",
			additionalFields: { Code: '1001', City: 'Breda', PaymentConditionSales: rl('list', '30'), Blocked: false },
		});
		const [created] = jsonOf(result);
		expect(created).toMatchObject({ Code: '1001', Name: "Installatiebedrijf 't Zuiden", City: 'Breda', PaymentConditionSales: '30' });
		expect(Object.keys(created)).toEqual(ACCOUNT.fields);
		expect(suite.exact.sim.state.getRecord('Accounts', String(created.ID))?.Code).toBe('              1001');
		expect(endpointsOf(result)).toEqual(['POST crm/Accounts']);
	});

	it('turns a payment condition given by ID into its code (one lookup), and gives all fields with Raw', async () => {
		const thirty = suite.exact.sim.state.listRecords('PaymentConditions').find((p) => p.Code === '30');
		const result = await run({
			operation: 'create',
			name: 'Fam. Jansen',
			additionalFields: { PaymentConditionSales: rl('id', String(thirty?.ID)) },
			options: { output: 'raw' },
		});
		const [created] = jsonOf(result);
		expect(created.PaymentConditionSales).toBe('30');
		expect(Object.keys(created).length).toBeGreaterThan(100);
		expect(endpointsOf(result)).toEqual(['GET cashflow/PaymentConditions', 'POST crm/Accounts']);
	});

	it("passes Exact's refusal on per item", async () => {
		const result = await run({ operation: 'create', name: 'Dubbel', additionalFields: { Code: '1' } }, { continueOnFail: true });
		expect(String(jsonOf(result)[0].error)).toMatch(/Exact Online refused POST crm\/Accounts \(HTTP 400\)/);
	});

	it('updates by code with a lookup and a PUT, and by ID with only the PUT', async () => {
		const byCode = await run({ operation: 'update', account: rl('code', '3'), updateFields: { Email: 'info@cafe-facade.nl', PaymentConditionSales: rl('code', 'DIR') } });
		expect(jsonOf(byCode)).toEqual([{ ID: accounts.cafe.id, Email: 'info@cafe-facade.nl', PaymentConditionSales: 'DIR' }]);
		expect(endpointsOf(byCode)).toEqual(['GET crm/Accounts', `PUT crm/Accounts(guid'${accounts.cafe.id}')`]);
		expect(suite.exact.sim.state.getRecord('Accounts', accounts.cafe.id)).toMatchObject({ Email: 'info@cafe-facade.nl', PaymentConditionSales: 'DIR' });

		const byId = await run({ operation: 'update', account: rl('list', accounts.cafe.id), updateFields: { Name: "Café Façade & Zoon 't Centrum" } });
		expect(endpointsOf(byId)).toEqual([`PUT crm/Accounts(guid'${accounts.cafe.id}')`]);
		expect(suite.exact.sim.state.getRecord('Accounts', accounts.cafe.id)?.Name).toBe("Café Façade & Zoon 't Centrum");
	});

	it('says so when the account to update does not exist, in Exact’s words too', async () => {
		const unknownId = '00000000-0000-4000-8000-00000000abcd';
		const result = await run({ operation: 'update', account: rl('id', unknownId), updateFields: { City: 'Tilburg' } });
		expect(result.error?.message).toMatch(new RegExp(`^Account '${unknownId}' not found in administration 1234567 \\(Exact: .+\\)$`));
		const byCode = await run({ operation: 'update', account: rl('code', '4711'), updateFields: { City: 'Tilburg' } });
		expect(byCode.error?.message).toBe("Account '4711' not found in administration 1234567");
		expect(endpointsOf(byCode)).toEqual(['GET crm/Accounts']);
	});

	it('asks for at least one field to update, before calling Exact', async () => {
		const result = await run({ operation: 'update', account: rl('code', '1'), updateFields: { PaymentConditionSales: rl('list', '') } });
		expect(result.error?.message).toBe('Nothing to update');
		expect(result.host.http).toHaveLength(0);
	});
});

describe('Exact Online Account: scopes', () => {
	it('explains a missing app scope per item', async () => {
		suite.exact.sim.state.denyScopes(['crm']);
		const result = await run({ operation: 'get', account: rl('code', '1') });
		expect(result.error?.message).toMatch(/HTTP 403.*Scope/i);
		expect(result.error?.description).toMatch(/permission \(scope\)/);
		const continued = await run({ operation: 'getMany' }, { continueOnFail: true });
		expect(jsonOf(continued)[0]).toMatchObject({ error: expect.stringMatching(/403/), details: expect.stringMatching(/scope/) });
	});
});
