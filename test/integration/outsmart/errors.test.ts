/**
 * Every OutSmart code, injected into the fake OutSmart's answers (HTTP 200 with an error envelope), comes out of
 * the OutSmart node as a clear per-item error with the code, OutSmart's words and what to do; never with a
 * token in it. Record-level codes on an upsert name the record.
 */
import type { INodeParameters } from 'n8n-workflow';

import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { OUTSMART_CODES } from '../../../nodes/OutSmartApi/transport';
import { jsonOf, runNode, type RunOptions } from '../../harness/context';
import { SOFTWARE_TOKEN, TOKEN, byNumber, credentials, visible, useOutSmartSimulator } from './setup';

const node = new OutSmart();
const suite = useOutSmartSimulator();

const run = (parameters: INodeParameters, extra: Partial<RunOptions> = {}) =>
	runNode(node, { parameters, credentials: credentials(suite.sim), continueOnFail: true, ...extra });

const ALL_CODES = Object.keys(OUTSMART_CODES)
	.map(Number)
	.filter((code) => code !== 200);
/** Codes that refuse a record's data (entity x00 / x01, 1051): an upsert pins them on the record. */
const RECORD_CODES = ALL_CODES.filter((code) => code === 1051 || (code >= 1100 && !(code >= 1400 && code < 1700)));
const REQUEST_CODES = ALL_CODES.filter((code) => !RECORD_CODES.includes(code) && code !== 1007);

describe('every code on a read', () => {
	it.each(ALL_CODES.filter((code) => code !== 1007))('code %i with HTTP 200 is a per-item error with the meaning and the hint', async (code) => {
		suite.sim.state.addFault({ match: { path: 'relations' }, kind: 'code', code, messages: [`Boodschap ${code}`] });
		const result = await run({ resource: 'relation', operation: 'getMany', returnAll: true }, { items: [{}, {}] });
		const out = jsonOf(result);
		const info = OUTSMART_CODES[code];
		expect(out).toEqual([
			{ error: `OutSmart refused the request: ${info.meaning} (code ${code}): Boodschap ${code}`, details: expect.stringContaining(info.hint) },
			{ error: expect.stringContaining(`(code ${code})`), details: expect.stringContaining('answered with HTTP 200') },
		]);
		expect(result.output?.[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(visible(result)).not.toContain(TOKEN);
		expect(visible(result)).not.toContain(SOFTWARE_TOKEN);
	});

	it('code 1007 (OutSmart failed) on a read is retried, then reported', async () => {
		suite.sim.state.addFault({ match: { path: 'GetWorkorders' }, kind: 'code', code: 1007, status: 200 });
		const result = await run({ resource: 'workorder', operation: 'getMany', status: 'Compleet', returnAll: true });
		expect(jsonOf(result)[0].error).toBe('OutSmart refused the request: an uncaught error at OutSmart (code 1007)');
		expect(suite.sim.state.calls().filter((c) => c.endpoint === 'GetWorkorders')).toHaveLength(3);
		expect(suite.sim.state.calls().every((c) => c.query.update_status === 'false')).toBe(true);
	}, 15_000);

	it('without Continue On Fail, the node fails with the item and the same message', async () => {
		suite.sim.state.addFault({ match: { path: 'GetWorkorder' }, kind: 'code', code: 1005 });
		const result = await run({ resource: 'workorder', operation: 'get', workorder: byNumber('WO-2026-0004') }, { continueOnFail: false });
		expect(result.error?.message).toBe('OutSmart refused the request: software token not authorized or not matched to the token (code 1005)');
		expect((result.error as unknown as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(0);
		expect(result.error?.description).toContain('Check the Software Token in the credential');
	});
});

describe('every code on an upsert', () => {
	const RELATION = { debtor_number: '1042', name: 'Nieuw', street: 'Markt', postal_code: '1234 AB', city: 'Gouda' };
	const upsert = () => run({ resource: 'relation', operation: 'upsert', dataMode: 'autoMapInputData' }, { items: [RELATION] });

	it.each(RECORD_CODES)('record-level code %i names the refused record on the Refused output', async (code) => {
		suite.sim.state.addFault({ match: { path: 'relations', method: 'POST' }, kind: 'code', code, messages: ['Required field missing: postal_code'] });
		const result = await upsert();
		expect(jsonOf(result)).toEqual([]);
		expect(result.output?.[1].map((item) => item.json)).toEqual([
			{
				...RELATION,
				error: `OutSmart refused relation 1042: required field postal_code missing (code ${code})`,
				details: expect.stringContaining(OUTSMART_CODES[code].hint),
			},
		]);
	});

	it.each(REQUEST_CODES)('request-level code %i stops the node: the record was not stored, and why', async (code) => {
		suite.sim.state.addFault({ match: { path: 'relations', method: 'POST' }, kind: 'code', code });
		const result = await upsert();
		expect(result.output).toBeUndefined();
		expect(result.error?.message).toBe(`relation 1042 was not stored: OutSmart refused the request: ${OUTSMART_CODES[code].meaning} (code ${code})`);
		expect(result.error?.description).toContain(OUTSMART_CODES[code].hint);
	});

	it('a code this node does not know is still reported with its number', async () => {
		suite.sim.state.addFault({ match: { path: 'relations', method: 'POST' }, kind: 'code', code: 2999, messages: ['Iets nieuws'] });
		const result = await upsert();
		expect(result.error?.message).toBe('relation 1042 was not stored: OutSmart refused the request: an unknown OutSmart code (code 2999): Iets nieuws');
	});
});

describe('work order writes', () => {
	it.each([1501, 1504])('code %i on PostWorkorders names the work order', async (code) => {
		suite.sim.state.addFault({ match: { path: 'PostWorkorders' }, kind: 'code', code, messages: ['Date invalid. Format: 20-02-2016'] });
		const result = await run({
			resource: 'workorder',
			operation: 'create',
			workorderNo: 'WO-2026-0042',
			customerName: 'X',
			customerDebtorNr: '1001',
			customerStreet: 'S',
			customerZip: 'Z',
			customerCity: 'C',
			customerContactPerson: 'P',
			typeOfWork: 'Onderhoud',
			paymentMethod: 'op rekening',
		});
		expect(jsonOf(result)[0].error).toBe(`OutSmart refused work order WO-2026-0042: date invalid. Format: 20-02-2016 (code ${code})`);
	});

	it('code 1502 on UpdateWorkorder (no data) is reported; 1503 (nothing changed) is not an error', async () => {
		suite.sim.state.addFault({ match: { path: 'UpdateWorkorder' }, kind: 'code', code: 1502, times: 1 });
		const params = { resource: 'workorder', operation: 'setWorkStatus', workorder: byNumber('WO-2026-0004'), workStatus: 'GEREED' };
		expect(jsonOf(await run(params))[0].error).toBe('OutSmart refused the request: the work order update has no data (code 1502)');
		expect(jsonOf(await run(params))[0]).toEqual({ WorkorderNo: 'WO-2026-0004', WorkStatus: 'GEREED', result: 'unchanged' });
	});

	it('code 1600 on DeleteEntity is reported with what to check', async () => {
		suite.sim.state.addFault({ match: { path: 'DeleteEntity' }, kind: 'code', code: 1600, messages: ['Key: x not allowed for entity: relation'] });
		const [out] = jsonOf(await run({ resource: 'relation', operation: 'delete', deleteKey: '1001' }));
		expect(out.error).toBe('OutSmart refused the request: deleting the entity failed (code 1600): Key: x not allowed for entity: relation');
		expect(out.details).toContain('Check the entity name and the key');
	});
});
