import { EXACT_SEED_FIXTURES, startExactSimulator } from '../../../simulators/exact';
import type { ExactSimulator } from '../../../simulators/exact';
import { exactTestClient } from '../../../simulators/exact/testing';
import type { ExactTestClient, List, Row, Single } from '../../../simulators/exact/testing';

/** REST behaviour of the fake Exact server: formats, paging, mandatory $select, filters, dates, writes. */


const DIV = 1234567;
const F = EXACT_SEED_FIXTURES;
// a clock in summer time (CEST, UTC+2) so the local-time offset is visible
let now = Date.UTC(2025, 6, 1, 10, 0, 0);

let sim: ExactSimulator;
let api: ExactTestClient;

beforeAll(async () => {
	sim = await startExactSimulator({ seed: { accounts: 1150, items: 40 }, minutelyLimit: 100_000, now: () => now });
	api = exactTestClient(sim);
});

afterAll(async () => {
	await sim.close();
});

// these tests make many deliberate 4xx calls; the error limit (10 an hour per endpoint) is tested elsewhere
beforeEach(() => {
	sim.state.errorLimiter.reset();
});

async function readAll(first: string): Promise<{ rows: Row[]; pages: number; nexts: string[] }> {
	const rows: Row[] = [];
	const nexts: string[] = [];
	let url: string | undefined = first;
	let pages = 0;
	while (url) {
		const res: { status: number; body: List } = await api.json<List>(url);
		expect(res.status).toBe(200);
		pages += 1;
		rows.push(...res.body.d.results);
		url = res.body.d.__next;
		if (url) nexts.push(url);
	}
	return { rows, pages, nexts };
}

/** Minimal well-formedness check: every element closed in order, one root. */
function assertWellFormedXml(xml: string): void {
	expect(xml.startsWith('<?xml')).toBe(true);
	const stack: string[] = [];
	let roots = 0;
	for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
		const [, closing, name, selfClosing] = m;
		if (closing) expect(stack.pop()).toBe(name);
		else if (!selfClosing) {
			if (stack.length === 0) roots += 1;
			stack.push(name);
		} else if (stack.length === 0) roots += 1;
	}
	expect(stack).toEqual([]);
	expect(roots).toBe(1);
}

describe('formats', () => {
	it('answers Atom XML without Accept: application/json', async () => {
		const res = await api.get(`${DIV}/crm/Accounts?$select=ID,Name&$orderby=Code&$top=3`, { Accept: '*/*' });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/atom+xml');
		const xml = await res.text();
		assertWellFormedXml(xml);
		expect(xml).toContain('<feed');
		expect(xml).toContain("<d:Name>Bakkerij 't Hoekje</d:Name>");
		expect(xml).toContain('m:type="Edm.Guid"');
	});

	it('answers XML errors without Accept and JSON errors with it', async () => {
		const xml = await api.get(`${DIV}/crm/Accounts?$select=Nope`, { Accept: 'application/xml' });
		expect(xml.status).toBe(400);
		const text = await xml.text();
		assertWellFormedXml(text);
		expect(text).toContain("No property 'Nope'");
		const json = await api.json<{ error: { code: string; message: { lang: string; value: string } } }>(`${DIV}/crm/Accounts?$select=Nope`);
		expect(json.body.error.message.value).toBe("No property 'Nope' exists in type 'Exact.Web.Api.Models.Account' at position 0.");
		expect(json.body.error.code).toBe('');
	});

	it('gives records __metadata and deferred navigation properties', async () => {
		const res = await api.json<List>(`${DIV}/salesinvoice/SalesInvoices?$select=InvoiceID,InvoiceNumber,SalesInvoiceLines&$top=1`);
		const invoice = res.body.d.results[0];
		expect(invoice.__metadata).toEqual({
			uri: `${sim.url}/api/v1/${DIV}/salesinvoice/SalesInvoices(guid'${invoice.InvoiceID}')`,
			type: 'Exact.Web.Api.Models.SalesInvoice',
		});
		expect(invoice.SalesInvoiceLines).toEqual({ __deferred: { uri: `${(invoice.__metadata as { uri: string }).uri}/SalesInvoiceLines` } });
		const expanded = await api.json<List>(`${DIV}/salesinvoice/SalesInvoices?$select=InvoiceID,SalesInvoiceLines&$expand=SalesInvoiceLines&$top=1`);
		const lines = (expanded.body.d.results[0].SalesInvoiceLines as { results: Row[] }).results;
		expect(lines.length).toBeGreaterThan(0);
		expect(lines[0].InvoiceID).toBe(invoice.InvoiceID);
	});

	it('serves current/Me, system/Divisions and refuses a division without access', async () => {
		const me = await api.json<List>('current/Me');
		const user = me.body.d.results[0];
		expect(user.CurrentDivision).toBe(DIV);
		expect(user.DivisionCustomerName).toBe('Installatiebedrijf De Vries BV');
		expect(user.ServerUtcOffset).toBe(2);
		expect(user.ServerTime).toBe('2025-07-01T12:00:00');

		const divisions = await api.json<List>(`7654321/system/Divisions?$select=Code,Description,Current`);
		expect(divisions.body.d.results.map((d) => [d.Code, d.Description, d.Current])).toEqual([
			[1234567, 'Installatiebedrijf De Vries BV', true],
			[7654321, 'Loodgieter Jansen VOF', false],
		]);
		const one = await api.json<Single>(`${DIV}/system/Divisions(7654321)?$select=Code,Description`);
		expect(one.body.d.Description).toBe('Loodgieter Jansen VOF');

		const denied = await api.get(`999999/crm/Accounts?$select=ID`);
		expect(denied.status).toBe(403);
		expect(denied.headers.get('reason')).toBe('NoDivisionAccess');
	});
});

describe('paging and mandatory filtering', () => {
	it('pages standard endpoints by 60 and gives a full absolute __next until the last page', async () => {
		const { rows, pages, nexts } = await readAll(`${DIV}/crm/Accounts?$select=ID,Code`);
		expect(rows).toHaveLength(1150);
		expect(pages).toBe(20);
		expect(new Set(rows.map((r) => r.ID)).size).toBe(1150);
		expect(nexts[0].startsWith(`${sim.url}/api/v1/${DIV}/crm/Accounts?$select=ID,Code&$skiptoken=guid'`)).toBe(true);
	});

	it('pages sync endpoints by 1,000 and requires $select there', async () => {
		const since = sim.state.calls().at(-1)?.seq ?? 0;
		const { rows, pages } = await readAll(`${DIV}/sync/CRM/Accounts?$select=ID,Timestamp&$filter=Timestamp gt 1L`);
		expect(rows).toHaveLength(1150);
		expect(pages).toBe(2);
		// The call log counts the records of each page (the bench tells a full part from it).
		expect(sim.state.calls(since).map((c) => [c.endpoint, c.rows])).toEqual([
			['GET sync/CRM/Accounts', 1000],
			['GET sync/CRM/Accounts', 150],
		]);
		const stamps = rows.map((r) => Number(r.Timestamp));
		expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);

		const noSelect = await api.json<{ error: { message: { value: string } } }>(`${DIV}/sync/CRM/Accounts?$filter=Timestamp gt 1L`);
		expect(noSelect.status).toBe(400);
		expect(noSelect.body.error.message.value).toBe('Please add a $select or a $top=1 statement to the query string.');
	});

	it('refuses unfiltered reads of big standard entities without $select or $top', async () => {
		for (const path of ['crm/Accounts', 'logistics/Items', 'salesinvoice/SalesInvoices', 'crm/Contacts']) {
			expect((await api.get(`${DIV}/${path}`)).status).toBe(400);
		}
		expect((await api.get(`${DIV}/crm/Accounts?$top=5`)).status).toBe(200);
		expect((await api.get(`${DIV}/financial/Journals`)).status).toBe(200);
	});

	it('caps a read with $top across pages and keeps the rest of $top in __next', async () => {
		const first = await api.json<List>(`${DIV}/crm/Accounts?$select=ID&$top=100`);
		expect(first.body.d.results).toHaveLength(60);
		expect(first.body.d.__next).toContain('$top=40');
		const second = await api.json<List>(first.body.d.__next ?? '');
		expect(second.body.d.results).toHaveLength(40);
		expect(second.body.d.__next).toBeUndefined();
	});

	it('keeps $orderby stable across pages', async () => {
		const { rows } = await readAll(`${DIV}/crm/Accounts?$select=ID,Name&$orderby=Name desc`);
		expect(rows).toHaveLength(1150);
		const names = rows.map((r) => String(r.Name).toLowerCase());
		for (let i = 1; i < names.length; i++) expect(names[i - 1] >= names[i]).toBe(true);
	});

	it('pages bulk endpoints by 1,000 with the standard endpoint\'s filter, fields and records', async () => {
		const filter = 'Blocked eq false';
		const bulk = await readAll(`${DIV}/bulk/CRM/Accounts?$select=ID,Name,Status&$filter=${filter}`);
		const standard = await readAll(`${DIV}/crm/Accounts?$select=ID,Name,Status&$filter=${filter}`);
		expect(bulk.rows.length).toBeGreaterThan(1000);
		expect(bulk.pages).toBe(Math.ceil(bulk.rows.length / 1000));
		expect(standard.pages).toBe(Math.ceil(standard.rows.length / 60));
		const byId = (rows: Row[]) => new Map(rows.map((r) => [r.ID, { ...r, __metadata: undefined }]));
		expect(byId(bulk.rows)).toEqual(byId(standard.rows));
		expect(bulk.nexts[0]).toContain(`/bulk/CRM/Accounts?$select=ID,Name,Status&$filter=`);
	});

	describe('mandatory filtering (Exact, since July 2021, per app)', () => {
		type ErrorBody = { error: { message: { value: string } } };
		afterEach(() => sim.state.setMandatoryFiltering(false));

		it('is off by default: unfiltered standard and bulk reads are answered', async () => {
			expect((await api.get(`${DIV}/bulk/CRM/Accounts?$select=ID`)).status).toBe(200);
			expect((await api.get(`${DIV}/crm/Accounts?$select=ID`)).status).toBe(200);
		});

		it('refuses unfiltered standard and bulk reads of entities that have a sync endpoint, naming the fields to filter on', async () => {
			sim.state.setMandatoryFiltering(true);
			for (const path of ['crm/Accounts', 'bulk/CRM/Accounts', 'logistics/Items', 'bulk/Logistics/Items', 'salesinvoice/SalesInvoices', 'bulk/SalesInvoice/SalesInvoiceLines', 'cashflow/Receivables']) {
				const res = await api.json<ErrorBody>(`${DIV}/${path}?$select=ID`.replace('SalesInvoices?$select=ID', 'SalesInvoices?$select=InvoiceID'));
				expect({ path, status: res.status }).toEqual({ path, status: 400 });
				expect(res.body.error.message.value).toMatch(/^This endpoint has mandatory filtering applied\. A GET request for this endpoint must have a \$filter parameter with one of the following fields in the url:\w+(,\w+)+\.$/);
			}
			const accounts = await api.json<ErrorBody>(`${DIV}/crm/Accounts?$select=ID`);
			expect(accounts.body.error.message.value).toContain(',Code,');
		});

		it('answers filtered reads, single records, sync and endpoints of entities without sync', async () => {
			sim.state.setMandatoryFiltering(true);
			expect((await api.get(`${DIV}/bulk/CRM/Accounts?$select=ID&$filter=Blocked eq true`)).status).toBe(200);
			expect((await api.get(`${DIV}/crm/Accounts?$select=ID&$filter=Code eq '                 1'`)).status).toBe(200);
			expect((await api.get(`${DIV}/crm/Accounts(guid'${F.accounts.bakkerij.id}')?$select=ID`)).status).toBe(200);
			expect((await api.get(`${DIV}/sync/CRM/Accounts?$select=ID&$filter=Timestamp gt 1L`)).status).toBe(200);
			expect((await api.get(`${DIV}/cashflow/PaymentConditions?$select=ID`)).status).toBe(200);
			expect((await api.get(`${DIV}/logistics/ItemGroups?$select=ID`)).status).toBe(200);
		});

		it('is switched by the admin API and back to the option by reset()', async () => {
			const admin = (enabled: unknown) =>
				fetch(`${sim.url}/__admin/mandatory-filtering`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ enabled }) });
			expect(await (await admin(true)).json()).toEqual({ enabled: true });
			expect((await api.get(`${DIV}/bulk/CRM/Contacts?$select=ID`)).status).toBe(400);
			expect((await admin('yes')).status).toBe(400);
			sim.state.reset();
			expect(sim.state.mandatoryFiltering).toBe(false);
			expect((await api.get(`${DIV}/bulk/CRM/Contacts?$select=ID`)).status).toBe(200);
			const strict = await startExactSimulator({ mandatoryFiltering: true });
			try {
				strict.state.reset();
				expect(strict.state.mandatoryFiltering).toBe(true);
			} finally {
				await strict.close();
			}
		});
	});

	it('names an unknown $select property in a 400', async () => {
		const res = await api.json<{ error: { message: { value: string } } }>(`${DIV}/logistics/Items?$select=Code,Pricee`);
		expect(res.status).toBe(400);
		expect(res.body.error.message.value).toContain("'Pricee'");
		// Exact's sync item list has no StandardSalesPrice: selecting it fails there
		expect((await api.get(`${DIV}/sync/Logistics/Items?$select=ID,StandardSalesPrice`)).status).toBe(400);
	});
});

describe('filters', () => {
	it('matches padded account codes only with the padding', async () => {
		const bare = await api.json<List>(`${DIV}/crm/Accounts?$select=Code,Name&$filter=Code eq '2'`);
		expect(bare.body.d.results).toHaveLength(0);
		const padded = await api.json<List>(`${DIV}/crm/Accounts?$select=Code,Name&$filter=${encodeURIComponent(`Code eq '${F.accounts.oneill.code}'`)}`);
		expect(padded.body.d.results).toEqual([expect.objectContaining({ Code: '                 2', Name: "O'Neill Installaties" })]);
	});

	it("needs doubled quotes: Name eq 'O'Brien' fails, 'O''Brien' matches", async () => {
		const broken = await api.json<{ error: { message: { value: string } } }>(`${DIV}/crm/Accounts?$select=ID&$filter=${encodeURIComponent("Name eq 'O'Neill Installaties'")}`);
		expect(broken.status).toBe(400);
		expect(broken.body.error.message.value).toMatch(/Unterminated string literal|Syntax error/);
		const escaped = await api.json<List>(`${DIV}/crm/Accounts?$select=ID,Name&$filter=${encodeURIComponent("Name eq 'O''Neill Installaties'")}`);
		expect(escaped.body.d.results.map((r) => r.Name)).toEqual(["O'Neill Installaties"]);
		const apostrophe = await api.json<List>(`${DIV}/crm/Accounts?$select=Name&$filter=${encodeURIComponent("substringof('''t Hoekje',Name) eq true")}`);
		expect(apostrophe.body.d.results.map((r) => r.Name)).toEqual(["Bakkerij 't Hoekje"]);
	});

	it('supports startswith, guid, and/or/not and rejects type mismatches', async () => {
		const starts = await api.json<List>(`${DIV}/crm/Accounts?$select=Name&$filter=${encodeURIComponent("startswith(Name,'Café') eq true and not (Blocked eq true)")}`);
		expect(starts.body.d.results.map((r) => r.Name)).toEqual(['Café Façade & Zoon']);
		const byGuid = await api.json<List>(`${DIV}/crm/Accounts?$select=Name&$filter=${encodeURIComponent(`ID eq guid'${F.accounts.muller.id}' or Code eq '${F.accounts.cafe.code}'`)}`);
		expect(byGuid.body.d.results.map((r) => r.Name).sort()).toEqual(['Café Façade & Zoon', 'Müller GmbH']);
		const untyped = await api.get(`${DIV}/crm/Accounts?$select=Name&$filter=${encodeURIComponent(`ID eq '${F.accounts.muller.id}'`)}`);
		expect(untyped.status).toBe(400);
		const hours = await api.json<List>(`${DIV}/logistics/Items?$select=Code&$filter=IsTime eq 1`);
		expect(hours.body.d.results.map((r) => r.Code).sort()).toEqual(['ARBEID', 'SPOED', 'VOORRIJ']);
		const codeWithSpaces = await api.json<List>(`${DIV}/logistics/Items?$select=Code&$filter=${encodeURIComponent("Code eq 'BUIS 15 CU'")}`);
		expect(codeWithSpaces.body.d.results).toHaveLength(1);
	});

	it('stores dates as Dutch local time and compares datetime literals in local time', async () => {
		const created = await api.post(`${DIV}/crm/Accounts`, { Name: 'Zomertijd BV' });
		expect(created.status).toBe(201);
		const account = ((await created.json()) as Single).d;
		// 10:00 UTC in July is 12:00 in Amsterdam, serialised as if it were UTC
		expect(account.Created).toBe(`/Date(${Date.UTC(2025, 6, 1, 12, 0, 0)})/`);
		expect(account.Code).toBe('              1151');
		const match = await api.json<List>(`${DIV}/crm/Accounts?$select=Name&$filter=${encodeURIComponent("Modified ge datetime'2025-07-01T12:00:00'")}`);
		expect(match.body.d.results.map((r) => r.Name)).toEqual(['Zomertijd BV']);
		const utcDigits = await api.json<List>(`${DIV}/crm/Accounts?$select=Name&$filter=${encodeURIComponent("Modified ge datetime'2025-07-01T12:00:01'")}`);
		expect(utcDigits.body.d.results).toHaveLength(0);
	});
});

describe('sync cursors and deletions', () => {
	it('bumps Timestamp on every write and lists deletions in sync/Deleted', async () => {
		const all = await readAll(`${DIV}/sync/CRM/Accounts?$select=ID,Timestamp&$filter=Timestamp gt 1L`);
		const cursor = Math.max(...all.rows.map((r) => Number(r.Timestamp)));
		const nothing = await api.json<List>(`${DIV}/sync/CRM/Accounts?$select=ID&$filter=Timestamp gt ${cursor}L`);
		expect(nothing.body.d.results).toHaveLength(0);

		sim.state.updateRecord('Accounts', F.accounts.bakkerij.id, { Phone: '073-6123456' });
		const changed = await api.json<List>(`${DIV}/sync/CRM/Accounts?$select=ID,Phone,Timestamp&$filter=Timestamp gt ${cursor}L`);
		expect(changed.body.d.results).toEqual([expect.objectContaining({ ID: F.accounts.bakkerij.id, Phone: '073-6123456' })]);

		const del = await api.del(`${DIV}/crm/Accounts(guid'${F.accounts.suspect.id}')`);
		expect(del.status).toBe(204);
		expect(await del.text()).toBe('');
		const deleted = await api.json<List>(`${DIV}/sync/Deleted?$select=EntityKey,EntityType,Timestamp,DeletedDate&$filter=Timestamp gt ${cursor}L`);
		expect(deleted.body.d.results).toEqual([expect.objectContaining({ EntityKey: F.accounts.suspect.id, EntityType: 2 })]);
		expect((await api.get(`${DIV}/crm/Accounts(guid'${F.accounts.suspect.id}')`)).status).toBe(404);
	});

	it('returns a header row and a row per line on sync/SalesInvoice/SalesInvoices', async () => {
		const res = await api.json<List>(`${DIV}/sync/SalesInvoice/SalesInvoices?$select=ID,InvoiceID,InvoiceNumber,LineNumber,Item,Timestamp&$filter=Timestamp gt 1L`);
		const rows = res.body.d.results;
		const first = rows.filter((r) => r.InvoiceNumber === 25700001);
		const headers = first.filter((r) => r.LineNumber === 0);
		expect(headers).toHaveLength(1);
		expect(headers[0].ID).toBe(headers[0].InvoiceID);
		const lines = first.filter((r) => Number(r.LineNumber) > 0);
		expect(lines.length).toBe(first.length - 1);
		expect(lines.every((r) => r.Item && r.ID !== r.InvoiceID)).toBe(true);
		expect(new Set(first.map((r) => r.Timestamp)).size).toBe(1);
	});
});

describe('writes', () => {
	const invoice = (overrides: Row = {}) => ({
		OrderedBy: F.accounts.oneill.id,
		Journal: '70',
		YourRef: 'WB-TEST-1',
		Description: 'Werkbon lekkage',
		SalesInvoiceLines: [
			{ Item: F.items.arbeid.id, Quantity: 2.5 },
			{ Item: F.items.kogelkraan.id, Quantity: 2, UnitPrice: 10 },
		],
		...overrides,
	});

	it('creates an invoice with nested lines: 201, number assigned, draft status, totals', async () => {
		const res = await api.post(`${DIV}/salesinvoice/SalesInvoices`, invoice(), { Prefer: 'return=representation' });
		expect(res.status).toBe(201);
		const body = ((await res.json()) as Single).d;
		expect(body.InvoiceNumber).toBeGreaterThan(25700000);
		expect(body.Status).toBe(10);
		expect(body.Type).toBe(8020);
		expect(body.AmountFCExclVat).toBe(176.25);
		expect(body.VATAmountFC).toBe(37.01);
		expect(body.AmountDC).toBe(213.26);
		expect(body.OrderedByName).toBe("O'Neill Installaties");
		const lines = (body.SalesInvoiceLines as { results: Row[] }).results;
		expect(lines.map((l) => [l.LineNumber, l.ItemCode, l.UnitPrice, l.VATPercentage])).toEqual([
			[1, 'ARBEID', 62.5, 0.21],
			[2, 'KK-12', 10, 0.21],
		]);
		const found = await api.json<List>(`${DIV}/salesinvoice/SalesInvoices?$select=InvoiceID&$filter=YourRef eq 'WB-TEST-1'`);
		expect(found.body.d.results).toEqual([expect.objectContaining({ InvoiceID: body.InvoiceID })]);
	});

	it('answers Exact-style 400s for mandatory fields, unknown references, blocked accounts and bad types', async () => {
		const cases: Array<[Row, RegExp]> = [
			[invoice({ Journal: undefined }), /^Mandatory: Journal$/],
			[invoice({ SalesInvoiceLines: [] }), /^Mandatory: SalesInvoiceLines$/],
			[invoice({ OrderedBy: '00000000-0000-0000-0000-000000000001' }), /^Account not found: /],
			[invoice({ Journal: '99' }), /^Journal not found: 99$/],
			[invoice({ OrderedBy: F.accounts.blocked.id }), /^Account is blocked: /],
			[invoice({ SalesInvoiceLines: [{ Item: F.items.arbeid.id, VATCode: '7' }] }), /^VAT code not found: 7$/],
			[invoice({ OrderedBy: 'not-a-guid' }), /Cannot convert the value 'not-a-guid' to the type 'Edm.Guid'/],
			[invoice({ Colour: 'red' }), /The property 'Colour' does not exist on type/],
		];
		for (const [body, message] of cases) {
			const res = await api.post(`${DIV}/salesinvoice/SalesInvoices`, JSON.parse(JSON.stringify(body)));
			expect(res.status).toBe(400);
			const error = (await res.json()) as { error: { message: { value: string } } };
			expect(error.error.message.value).toMatch(message);
		}
	});

	it('updates with PUT (204, no body) and returns 404 with an Exact error for an unknown key', async () => {
		const put = await api.put(`${DIV}/logistics/Items(guid'${F.items.draad.id}')`, { Description: 'Installatiedraad VD 2,5 mm² bruin' });
		expect(put.status).toBe(204);
		expect(await put.text()).toBe('');
		const item = await api.json<Single>(`${DIV}/logistics/Items(guid'${F.items.draad.id}')?$select=Description`);
		expect(item.body.d.Description).toBe('Installatiedraad VD 2,5 mm² bruin');
		const missing = await api.json<{ error: { message: { value: string } } }>(`${DIV}/logistics/Items(guid'00000000-0000-0000-0000-0000000000ff')`);
		expect(missing.status).toBe(404);
		expect(missing.body.error.message.value).toContain('Resource not found');
	});

	it('assigns the next padded account code and derives hour types from time items', async () => {
		const res = await api.post(`${DIV}/crm/Accounts`, { Name: 'Nieuwe Klant VOF', Code: '90210' });
		expect(((await res.json()) as Single).d.Code).toBe('             90210');
		const hourTypes = await api.json<List>(`${DIV}/read/project/HourTypes`);
		expect(hourTypes.body.d.results.map((h) => h.ItemCode).sort()).toEqual(['ARBEID', 'SPOED', 'VOORRIJ']);
	});

	it('processes an invoice into an open receivable and a payment term', async () => {
		const created = ((await (await api.post(`${DIV}/salesinvoice/SalesInvoices`, invoice({ YourRef: 'WB-TEST-2' }))).json()) as Single).d;
		const printed = await api.post(`${DIV}/salesinvoice/PrintedSalesInvoices`, { InvoiceID: created.InvoiceID });
		expect(printed.status).toBe(201);
		const terms = await api.json<List>(`${DIV}/sync/Cashflow/PaymentTerms?$select=InvoiceNumber,IsFullyPaid,AmountDC&$filter=InvoiceNumber eq ${created.InvoiceNumber}`);
		expect(terms.body.d.results).toEqual([expect.objectContaining({ IsFullyPaid: false, AmountDC: created.AmountDC })]);
		const again = await api.put(`${DIV}/salesinvoice/SalesInvoices(guid'${created.InvoiceID}')`, { Description: 'x' });
		expect(again.status).toBe(400);
	});

	it('refuses a service the app has no scope for', async () => {
		sim.state.denyScopes(['salesinvoice']);
		try {
			const res = await api.json<{ error: { message: { value: string } } }>(`${DIV}/salesinvoice/SalesInvoices?$select=InvoiceID&$top=1`);
			expect(res.status).toBe(403);
			expect(res.body.error.message.value).toBe('Forbidden - Application Scope Violated');
			expect((await api.get(`${DIV}/sync/SalesInvoice/SalesInvoices?$select=ID`)).status).toBe(403);
		} finally {
			sim.state.denyScopes([]);
		}
	});
});
