/**
 * The fake OutSmart, spoken to over plain HTTP: envelope, auth codes (always HTTP 200), bodies, master data
 * upserts by key, per-entity error codes, value formats and advanced filters.
 */
import { type OutSmartSimulator, demoSeed, startOutSmartSimulator } from '../../../simulators/outsmart';
import { AUTH, admin, call } from '../outsmart/simClient';

let sim: OutSmartSimulator;

beforeAll(async () => {
	sim = await startOutSmartSimulator({ seed: 'demo' });
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.state.reset(demoSeed());
});

describe('envelope and authentication', () => {
	it('answers every call with the envelope', async () => {
		const answer = await call(sim, 'GET', 'workstatusses/');
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ code: 200, messages: [], response: expect.any(Array) });
		expect(answer.json.response).toContainEqual({ sta_code: 'EXPFOUT', sta_name: 'Export mislukt' });
	});

	it('accepts endpoints with and without a trailing slash', async () => {
		const a = await call(sim, 'GET', 'employees/');
		const b = await call(sim, 'GET', 'employees');
		expect(a.json).toEqual(b.json);
	});

	it.each([
		['token missing', { software_token: AUTH.software_token }, 1002],
		['software_token missing', { token: AUTH.token }, 1003],
		['token wrong', { token: 'nope', software_token: AUTH.software_token }, 1004],
		['software token wrong', { token: AUTH.token, software_token: 'nope' }, 1005],
	])('%s -> code %i with HTTP 200', async (_label, qs, code) => {
		const answer = await call(sim, 'GET', 'relations/', new URLSearchParams(qs).toString());
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ code, messages: [], response: null });
	});

	it('no endpoint -> 1000, unknown endpoint -> 1001 (names are case-sensitive)', async () => {
		expect((await call(sim, 'GET', '')).json.code).toBe(1000);
		expect((await call(sim, 'GET', 'relationz/')).json.code).toBe(1001);
		expect((await call(sim, 'GET', 'getworkorders/')).json.code).toBe(1001);
	});

	it('answers outside /openapi/8 like a web server, not with an envelope', async () => {
		const response = await fetch(`${sim.root}/openapi/7/relations/`);
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('<html>');
	});

	it('refuses plain HTTP with 1006 when HTTPS is enforced', async () => {
		const strict = await startOutSmartSimulator({ enforceHttps: true });
		try {
			expect((await call(strict, 'GET', 'relations/')).json.code).toBe(1006);
			const viaProxy = await call(strict, 'GET', 'relations/', {}, undefined, { headers: { 'x-forwarded-proto': 'https' } });
			expect(viaProxy.json.code).toBe(200);
		} finally {
			await strict.close();
		}
	});

	it('writes JSON the way PHP json_encode does (escaped slashes and unicode)', async () => {
		const answer = await call(sim, 'GET', 'relations/');
		expect(answer.text).toContain('Caf\\u00e9 Fa\\u00e7ade');
		const workorders = await call(sim, 'GET', 'GetWorkorder/', { workorder_no: 'WO-2026-0004', update_status: 'false' });
		expect(workorders.text).toContain('http:\\/\\/127.0.0.1');
	});
});

describe('POST bodies', () => {
	it('no body -> 1008', async () => {
		const answer = await call(sim, 'POST', 'relations/', {}, '');
		expect(answer.json).toEqual({ code: 1008, messages: ['Unable to fetch body'], response: null });
	});

	it.each([['[{"name"":"x"}]'], ['"just a string"'], ['42']])('body %s -> 1009', async (body) => {
		const answer = await call(sim, 'POST', 'relations/', {}, body);
		expect(answer.json).toEqual({ code: 1009, messages: ['Unable to parse body'], response: null });
	});
});

describe('master data: insert or update by key', () => {
	const relation = {
		name: 'Loodgietersbedrijf Ĳsselmonde',
		debtor_number: '2001',
		street: 'Dorpsweg',
		postal_code: '3078 AA',
		city: 'Rotterdam',
	};

	it('inserts, then updates by debtor_number, and answers the number synced', async () => {
		const first = await call(sim, 'POST', 'relations/', {}, [relation, { ...relation, debtor_number: '2002' }]);
		expect(first.json).toEqual({ code: 200, messages: [], response: 2 });
		const second = await call(sim, 'POST', 'relations/', {}, [{ ...relation, name: 'Loodgieter IJsselmonde B.V.' }]);
		expect(second.json.response).toBe(1);

		const list = (await call(sim, 'GET', 'relations/', { key: 'debtor_number', value: '2001' })).json.response;
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ name: 'Loodgieter IJsselmonde B.V.', contact: '', latitude: null });

		const upserts = sim.state.stats().upserts;
		expect(upserts.map((u) => [u.entity, u.created, u.updated])).toEqual([
			['relations', ['2001', '2002'], []],
			['relations', [], ['2001']],
		]);
	});

	it('upserts materials, hour types, projects by code and employees by number', async () => {
		await call(sim, 'POST', 'materials/', {}, [{ code: 'KLEINMAT', description: 'Klein materiaal', price: '1,25', unit: 'post' }]);
		await call(sim, 'POST', 'hourtypes/', {}, [
			{ code: 'UUR-MONTEUR', name: 'Monteur', cost_booking: '1', sale_booking: '1', sale_price: '70,00' },
		]);
		await call(sim, 'POST', 'employees/', {}, [{ firstname: 'Jan', lastname: 'de Vries-Smit', number: '11' }]);
		await call(sim, 'POST', 'projects/', {}, [
			{ code: 'P2026-001', debtor_number: '1005', status: 'Lopend', name: 'Ketels', date_start: '2026-10-01' },
		]);
		const stats = sim.state.stats().upserts;
		expect(stats.map((u) => u.updated)).toEqual([['KLEINMAT'], ['UUR-MONTEUR'], ['11'], ['P2026-001']]);
		const materials = (await call(sim, 'GET', 'materials/')).json.response;
		expect(materials.filter((m: { code: string }) => m.code === 'KLEINMAT')).toEqual([
			expect.objectContaining({ price: '1,25', description: 'Klein materiaal' }),
		]);
	});

	it.each([
		['relations', [{ debtor_number: '1', street: 's', postal_code: 'p', city: 'c' }], 1301, 'Required field missing: name'],
		['materials', [{ description: 'd', price: '1,00', unit: 'st' }], 1201, 'Required field missing: code'],
		['employees', [{ lastname: 'Klaassen', number: '123' }], 1101, 'Required field missing: firstname'],
		[
			'projects',
			[{ code: 'N001', debtor_number: '3', status: '', name: 'n', date_start: '2013-10-01' }],
			1701,
			'Required field missing: status',
		],
		['hourtypes', [{ name: 'Normale uren', cost_booking: '0', sale_booking: '0', sale_price: '50.00' }], 1801, 'Required field missing: code'],
		['workstatusses', [{ sta_name: 'In progress' }], 2801, 'Required field missing: sta_code'],
		['worktypes', [{ wrt_description: 'x', wrt_default_minutes: '60', wrt_active: '1' }], 2601, 'Required field missing: wrt_name'],
		['paymentmethods', [{}], 2701, 'Required field missing: pmd_description'],
		['priorities', [{ code: '1' }], 1051, 'Required field missing: description'],
		['suppliers', [{ sup_name: 'Wasco' }], 2001, 'Required field missing: sup_code'],
		['categories', [{ cat_name: 'x', cat_display: '1' }], 2401, 'Required field missing: cat_code'],
		['material_categories', [{ mct_mat_code: '001' }], 2501, 'Required field missing: mct_cat_code'],
	])('%s: a missing required field -> %i naming the field, nothing stored', async (endpoint, rows, code, message) => {
		const before = sim.state.list(endpoint).length;
		const answer = await call(sim, 'POST', `${endpoint}/`, {}, rows);
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ code, messages: [message], response: null });
		expect(sim.state.list(endpoint)).toHaveLength(before);
	});

	it('refuses unparseable values with the entity codes (hour type flags and prices 1801, project dates 1701, material price 1200)', async () => {
		const hourtype = { code: 'X', name: 'x', cost_booking: '0', sale_booking: '0', sale_price: '50.00' };
		expect((await call(sim, 'POST', 'hourtypes/', {}, [{ ...hourtype, active: '2' }])).json.code).toBe(1801);
		expect((await call(sim, 'POST', 'hourtypes/', {}, [{ ...hourtype, sale_price: 'vijftig' }])).json.code).toBe(1801);
		const project = { code: 'P', debtor_number: '1', status: 'Nieuw', name: 'n', date_start: '31-02-2026' };
		expect((await call(sim, 'POST', 'projects/', {}, [project])).json.code).toBe(1701);
		const material = { code: 'M', description: 'd', price: 'gratis', unit: 'st' };
		expect((await call(sim, 'POST', 'materials/', {}, [material])).json.code).toBe(1200);
		expect((await call(sim, 'POST', 'relations/', {}, ['not an object'])).json.code).toBe(1300);
	});
});

describe('formats', () => {
	it('writes material prices with a decimal comma and hour type prices with a point, as OutSmart does', async () => {
		await call(sim, 'POST', 'materials/', {}, [{ code: 'PUNT', description: 'd', price: '4.5', unit: 'st' }]);
		const materials = (await call(sim, 'GET', 'materials/', { key: 'code', value: 'PUNT' })).json.response;
		expect(materials[0].price).toBe('4,50');
		const boiler = (await call(sim, 'GET', 'materials/', { key: 'code', value: 'CV-KETEL-01' })).json.response;
		expect(boiler[0]).toMatchObject({ price: '1234,50', freefield1: null });
		const hourtypes = (await call(sim, 'GET', 'hourtypes/')).json.response;
		expect(hourtypes[0]).toMatchObject({ code: 'UUR-MONTEUR', sale_price: '65.00', cost_booking: '1', active: '1' });
	});

	it('writes thousands separators in the "thousands" amount style', async () => {
		await admin(sim, 'POST', 'config', { amountStyle: 'thousands' });
		try {
			const boiler = (await call(sim, 'GET', 'materials/', { key: 'code', value: 'CV-KETEL-01' })).json.response;
			expect(boiler[0].price).toBe('1.234,50');
		} finally {
			sim.state.amountStyle = 'plain';
		}
	});
});

describe('advanced filters', () => {
	const codes = (answer: { json: { response: Array<{ debtor_number: string }> } }) =>
		answer.json.response.map((r) => r.debtor_number);

	it('single key/value/operator', async () => {
		const answer = await call(sim, 'GET', 'relations/', { key: 'city', value: 'UTRECHT', operator: 'eq' });
		expect(codes(answer)).toEqual(['1002']); // MySQL collation: case-insensitive
	});

	it('arrays key[]/value[]/operator[] and li with % wildcards', async () => {
		const qs = new URLSearchParams({ ...AUTH });
		qs.append('key[]', 'name');
		qs.append('value[]', '%b%');
		qs.append('operator[]', 'li');
		qs.append('key[]', 'debtor_number');
		qs.append('value[]', '1003');
		qs.append('operator[]', 'gt');
		const answer = await call(sim, 'GET', 'relations/', qs.toString());
		expect(codes(answer)).toEqual(['1004', '1006']); // Van der Berg, Zonnebloem
	});

	it('indexed arrays key[0]= work too, as PHP parses them', async () => {
		const qs = `${new URLSearchParams(AUTH)}&key%5B0%5D=debtor_number&value%5B0%5D=1002&operator%5B0%5D=le`;
		expect(codes(await call(sim, 'GET', 'relations/', qs))).toEqual(['1001', '1002']);
	});

	it('ne, ge, lt on numbers and the singular filter endpoints', async () => {
		expect(codes(await call(sim, 'GET', 'relations/', { key: 'debtor_number', value: '1001', operator: 'ne' }))).toHaveLength(5);
		const cheap = (await call(sim, 'GET', 'materials/', { key: 'price', value: '10', operator: 'lt' })).json.response;
		expect(cheap.map((m: { code: string }) => m.code)).toEqual(['KNELKOPPELING-15', 'KLEINMAT']);
		const category = (await call(sim, 'GET', 'category/', { key: 'cat_code', value: 'CV' })).json.response;
		expect(category).toEqual([{ cat_code: 'CV', cat_name: 'Cv-installaties', cat_display: '1', cat_cat_code: '' }]);
	});

	it('an unknown key answers an empty list with a message; an unknown operator is a 1007', async () => {
		const unknown = await call(sim, 'GET', 'relations/', { key: 'zip', value: '3511', operator: 'li' });
		expect(unknown.json).toEqual({ code: 200, messages: ['Unknown filter key: zip'], response: [] });
		const badOperator = await call(sim, 'GET', 'relations/', { key: 'city', value: 'x', operator: 'like' });
		expect(badOperator.status).toBe(500);
		expect(badOperator.json.code).toBe(1007);
	});
});

describe('DeleteEntity', () => {
	it('deletes by an allowed key and answers the rows affected', async () => {
		const answer = await call(sim, 'GET', 'DeleteEntity/', { delete_all: 'false', entity: 'relation', key: 'debtor_number', value: '1006' });
		expect(answer.json).toEqual({ code: 200, messages: [], response: 1 });
		expect(sim.state.list('relations')).toHaveLength(5);
	});

	it.each([
		[{ entity: 'materials', key: 'code', value: 'x' }, 'Entity: materials not found'],
		[{ entity: 'material', key: 'codes', value: 'x' }, 'Key: codes not allowed for entity: material'],
		[{ entity: 'workorder', delete_all: 'true' }, 'Delete all not allowed on Workorder entity'],
	])('%o -> 1600', async (qs, message) => {
		const answer = await call(sim, 'GET', 'DeleteEntity/', qs);
		expect(answer.json).toEqual({ code: 1600, messages: [message], response: null });
	});

	it('deletes a work order by workorder_no', async () => {
		const answer = await call(sim, 'GET', 'DeleteEntity/', { entity: 'workorder', key: 'workorder_no', value: 'WO-2026-0002' });
		expect(answer.json.response).toBe(1);
		expect(sim.state.findWorkorder('WO-2026-0002')).toBeUndefined();
	});
});

describe('call log', () => {
	it('masks token values and counts calls per endpoint', async () => {
		sim.state.reset(demoSeed());
		await call(sim, 'GET', 'relations/');
		await call(sim, 'GET', 'relations/', { key: 'city', value: 'Utrecht' });
		const calls = (await admin(sim, 'GET', 'calls')).json;
		expect(calls).toHaveLength(2);
		expect(calls[1].query).toEqual({ token: '***', software_token: '***', key: 'city', value: 'Utrecht' });
		expect(JSON.stringify(calls)).not.toContain(AUTH.token);
		expect(sim.state.stats().calls).toEqual({ relations: 2 });
		expect(sim.state.stats().codes).toEqual({ 200: 2 });
	});
});
