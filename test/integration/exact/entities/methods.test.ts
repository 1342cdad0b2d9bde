/**
 * What the editor calls while a user fills in a node: resource-locator searches (accounts, items, payment
 * conditions) and dropdowns (item groups, journals, VAT codes, divisions). Every open costs exactly one
 * call (one page); scrolling on follows Exact's own next link.
 */
import { ExactOnlineAccount } from '../../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { ExactOnlineItem } from '../../../../nodes/ExactOnlineItem/ExactOnlineItem.node';
import { ExactOnlinePayment } from '../../../../nodes/ExactOnlinePayment/ExactOnlinePayment.node';
import { ExactOnlineSalesInvoice } from '../../../../nodes/ExactOnlineSalesInvoice/ExactOnlineSalesInvoice.node';
import { EXACT_SEED_FIXTURES } from '../../../../simulators/exact';
import { runListSearch, runLoadOptions } from '../../../harness/context';
import type { ExactFixture } from '../../exactSetup';
import { callsOf, endpointsOf, startEntitySimulator } from './setup';

const { accounts, items } = EXACT_SEED_FIXTURES;
let exact: ExactFixture;

beforeAll(async () => {
	exact = await startEntitySimulator({ seed: 'small' });
});
afterAll(async () => exact.sim.close());

const search = async (node: ExactOnlineAccount | ExactOnlineItem | ExactOnlinePayment, method: string, filter?: string, token?: string) =>
	await runListSearch(node, method, { parameters: {}, credentials: exact.credentials() }, filter, token);

describe('resource locators: From List', () => {
	it('lists accounts by name, one page per open, the next page through the token', async () => {
		const first = await search(new ExactOnlineAccount(), 'searchAccounts');
		expect(first.result.results).toHaveLength(60);
		expect(first.result.results[0]).toEqual({ name: expect.stringMatching(/^\d+ - /), value: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		expect(endpointsOf(first)).toEqual(['GET crm/Accounts']);
		expect(callsOf(first)[0].query.$select).toBe('ID,Code,Name');
		expect(first.result.paginationToken).toMatch(/^http.*\$skiptoken=/);

		const second = await search(new ExactOnlineAccount(), 'searchAccounts', undefined, first.result.paginationToken);
		expect(second.result.results).toHaveLength(60);
		expect(callsOf(second)).toHaveLength(1);
		const firstValues = new Set(first.result.results.map((r) => r.value));
		expect(second.result.results.some((r) => firstValues.has(r.value))).toBe(false);
	});

	it('finds an account by a name with an apostrophe, and by its code (padded for Exact)', async () => {
		const byName = await search(new ExactOnlineAccount(), 'searchAccounts', "o'neill");
		expect(byName.result.results).toEqual([{ name: "2 - O'Neill Installaties", value: accounts.oneill.id }]);
		const byCode = await search(new ExactOnlineAccount(), 'searchAccounts', '1');
		expect(byCode.result.results.map((r) => r.value)).toContain(accounts.bakkerij.id);
		expect(callsOf(byCode)[0].query.$filter).toBe("substringof('1',Name) eq true or Code eq '                 1'");
		expect(callsOf(byCode)).toHaveLength(1);
	});

	it('finds items by part of the code or the description', async () => {
		const byCode = await search(new ExactOnlineItem(), 'searchItems', 'buis 15');
		expect(byCode.result.results).toContainEqual({ name: 'BUIS 15 CU - Koperen buis 15 mm', value: items.codeWithSpaces.id });
		const byDescription = await search(new ExactOnlineItem(), 'searchItems', 'spoedtoeslag');
		expect(byDescription.result.results).toEqual([{ name: 'SPOED - Spoedtoeslag (buiten kantoortijd)', value: items.spoed.id }]);
		expect(callsOf(byDescription)).toHaveLength(1);
	});

	it('lists payment conditions with their codes as values (Exact refers to them by code)', async () => {
		const result = await search(new ExactOnlinePayment(), 'searchPaymentConditions');
		expect(result.result.results.map((r) => r.value).sort()).toEqual(['14', '30', 'DIR']);
		expect(result.result.results).toContainEqual({ name: '30 - 30 dagen', value: '30' });
		expect(callsOf(result)).toHaveLength(1);
	});
});

describe('dropdowns', () => {
	const load = async (method: string) =>
		await runLoadOptions(new ExactOnlineSalesInvoice(), method, { parameters: {}, credentials: exact.credentials() });

	it('item groups, sales journals, VAT codes and divisions: one call each', async () => {
		const groups = await load('getItemGroups');
		expect(groups.result.map((o) => o.name)).toEqual([
			'ALGEMEEN - Algemeen materiaal', 'CV - CV en verwarming', 'DIENST - Diensten en uren', 'ELEKTRA - Elektra', 'GAS - Gas en water', 'SANITAIR - Sanitair',
		]);
		const journals = await load('getSalesJournals');
		// Only sales journals: 20 (bank) and 90 (memorial) are no place for an invoice.
		expect(journals.result).toEqual([{ name: '70 - Verkoopboek', value: '70' }]);
		const vat = await load('getVatCodes');
		expect(vat.result).toEqual([
			{ name: '0 - Geen BTW (0%)', value: '0' },
			{ name: '1 - BTW 21% hoog (21%)', value: '1' },
			{ name: '2 - BTW 9% laag (9%)', value: '2' },
		]);
		const divisions = await load('getDivisions');
		expect(divisions.result).toEqual([
			{ name: 'Installatiebedrijf De Vries BV (1234567)', value: '1234567' },
			{ name: 'Loodgieter Jansen VOF (7654321)', value: '7654321' },
		]);
		for (const opened of [groups, journals, vat, divisions]) expect(opened.host.http).toHaveLength(1);
	});
});
