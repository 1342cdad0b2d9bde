/**
 * Flow 3 (quotations) against both fakes. Exact -> OutSmart: Quotation → Get Changes (Only Statuses: Accepted,
 * Include Accounts) hands out the accepted quotations with their accounts and item codes, and the OutSmart node's
 * Create From Exact Quotation makes work order OF-<number> once. OutSmart -> Exact: OutSmart's Quotation → Get Many
 * and the Exact node's Create From OutSmart Quotation make each OutSmart quotation an Exact quotation once, and
 * accept it in Exact once it is accepted in OutSmart; a second run writes nothing.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ExactOnlineQuotation } from '../../../nodes/ExactOnlineQuotation/ExactOnlineQuotation.node';
import { OutSmart } from '../../../nodes/OutSmart/OutSmart.node';
import { EXACT_SEED_FIXTURES } from '../../../simulators/exact';
import type { QuotationInput } from '../../../simulators/outsmart/quotations';
import { jsonOf, runNode } from '../../harness/context';
import type { ExactFixture } from '../exactSetup';
import { callsOf, endpointsOf, runnerFor, startEntitySimulator } from '../exact/entities/setup';
import { credentials, useOutSmartSimulator } from '../outsmart/setup';

const { accounts, items } = EXACT_SEED_FIXTURES;
const outsmart = useOutSmartSimulator();
let exact: ExactFixture;

beforeAll(async () => {
	exact = await startEntitySimulator();
});
afterAll(async () => exact.sim.close());
beforeEach(() => exact.sim.state.reset());

const quotationNode = (parameters: IDataObject, extra: IDataObject = {}) => runnerFor(exact, new ExactOnlineQuotation())(parameters, extra);
const quotations = () => exact.sim.state.listRecords('Quotations');
type Lines = IDataObject[];

const outSmartNode = (parameters: IDataObject, items: IDataObject[] = [{}]) =>
	runNode(new OutSmart(), { parameters: parameters as INodeParameters, items, credentials: credentials(outsmart.sim), continueOnFail: true });

const toWorkOrders = (items: IDataObject[], options: IDataObject = {}) =>
	outSmartNode(
		{
			resource: 'workorder',
			operation: 'createFromQuotation',
			quotation: '={{ $json }}',
			typeOfWork: 'Onderhoud',
			paymentMethod: 'op rekening',
			fromOrderOptions: { hourItemCodes: 'ARBEID, VOORRIJ', ...options },
		},
		items,
	);

describe('Exact → OutSmart: accepted quotations become work orders OF-<number>', () => {
	it('Get Changes with Only Statuses: Accepted hands out only accepted quotations, with accounts and item codes; nothing changed: three calls', async () => {
		const staticData: IDataObject = {};
		const changes = () => quotationNode({ operation: 'getChanges', syncName: 'q', changesOptions: { statuses: ['50'], includeAccounts: true } }, { staticData });
		const first = await changes();
		const handed = jsonOf(first);
		expect(handed.map((q) => [q.QuotationNumber, q.Status])).toEqual([[3, 50]]);
		const lines = handed[0].QuotationLines as Lines;
		expect(lines.length).toBeGreaterThan(0);
		const codes = new Map(exact.sim.state.listRecords('Items').map((item) => [String(item.ID), String(item.Code)]));
		expect(lines.map((line) => line.ItemCode)).toEqual(lines.map((line) => codes.get(String(line.Item))));
		expect((handed[0].Accounts as Record<string, IDataObject>).OrderAccount).toMatchObject({ ID: handed[0].OrderAccount });
		// Lines from the first run's line stream; accounts, addresses and item codes one call each.
		expect(endpointsOf(first)).toEqual([
			'GET sync/CRM/QuotationHeaders',
			'GET sync/Deleted',
			'GET sync/CRM/QuotationLines',
			'GET logistics/Items',
			'GET crm/Accounts',
		]);
		expect(callsOf(await changes())).toHaveLength(3);

		// Quotation 2 accepted in Exact: the next run hands out that one alone, its lines read by ID.
		await quotationNode({ operation: 'accept', quotation: '2' });
		const next = jsonOf(await changes());
		expect(next.map((q) => q.QuotationNumber)).toEqual([2]);
		expect((next[0].QuotationLines as Lines).every((line) => typeof line.ItemCode === 'string')).toBe(true);
	});

	it('with Confirm Later: keeps the position until Confirm Changes, but makes it final at once when it hands out nothing', async () => {
		const staticData: IDataObject = {};
		const options = { statuses: ['50'], includeAccounts: true, confirmLater: true };
		const changes = () => quotationNode({ operation: 'getChanges', syncName: 'q', changesOptions: options }, { staticData });
		const confirm = async () => jsonOf(await quotationNode({ operation: 'confirmChanges', syncName: 'q' }, { staticData }))[0];
		expect(jsonOf(await changes()).map((q) => q.QuotationNumber)).toEqual([3]);
		expect(jsonOf(await changes()).map((q) => q.QuotationNumber)).toEqual([3]);
		expect(await confirm()).toMatchObject({ confirmed: true });

		// Quotation 1 changes but stays a draft: nothing handed out, and nothing left pending to read again.
		await quotationNode({ operation: 'update', quotation: '1', updateFields: { Description: 'Aangepast' } });
		const none = await changes();
		expect(jsonOf(none)).toEqual([]);
		expect(await confirm()).toMatchObject({ confirmed: false });
		expect(callsOf(await changes())).toHaveLength(3);
		expect(jsonOf(await changes())).toEqual([]);
	});

	it('makes work order OF-<number> with the lines as planned materials and hours; a second run makes none', async () => {
		const [quotation] = jsonOf(await quotationNode({ operation: 'getChanges', changesOptions: { statuses: ['50'], includeAccounts: true } }, { staticData: {} }));
		const lines = quotation.QuotationLines as Lines;
		const hourLines = lines.filter((line) => ['ARBEID', 'VOORRIJ'].includes(String(line.ItemCode)));
		const goods = lines.filter((line) => !hourLines.includes(line));

		const first = jsonOf(await toWorkOrders([quotation]));
		expect(first).toEqual([expect.objectContaining({ created: true, WorkorderNo: 'OF-3', QuotationNumber: 3, materials: goods.length })]);
		const stored = outsmart.sim.state.getWorkorder('OF-3');
		const account = (quotation.Accounts as Record<string, IDataObject>).DeliveryAccount;
		expect(stored).toMatchObject({
			WorkorderNo: 'OF-3',
			CustomerName: account.Name,
			CustomerDebtorNr: String(account.Code).trim(),
			CustomerNameInvoice: account.Name,
			TypeOfWork: 'Onderhoud',
			ShortWorkDescription: quotation.Description,
		});
		const materials = outsmart.sim.state.findWorkorder('OF-3')?.materials ?? [];
		expect(materials.map((m) => m.MaterialCode)).toEqual(goods.map((line) => line.ItemCode));
		const plannedHours = hourLines.reduce((sum, line) => sum + Number(line.Quantity), 0);
		expect(first[0].plannedHours).toBe(plannedHours);

		const again = jsonOf(await toWorkOrders([quotation]));
		expect(again.map((r) => [r.WorkorderNo, r.created])).toEqual([['OF-3', false]]);
		expect(outsmart.sim.state.list('workorders').filter((w) => String(w.WorkorderNo).startsWith('OF-'))).toHaveLength(1);
	});

	it('refuses a quotation that is not accepted or lacks item codes, skips one made from OutSmart; the others go on', async () => {
		const [accepted] = jsonOf(await quotationNode({ operation: 'get', quotation: '3', options: { includeAccounts: true } }));
		const open = { ...accepted, QuotationNumber: 2, Status: 25, StatusDescription: 'Open' };
		const uncoded = { ...accepted, QuotationNumber: 8, QuotationLines: (accepted.QuotationLines as Lines).map(({ ItemCode: _code, ...line }) => line) };
		const fromOutSmart = { ...accepted, QuotationNumber: 9, YourRef: 'OutSmart 2026-00001' };
		const result = jsonOf(await toWorkOrders([open, uncoded, fromOutSmart, accepted]));
		expect(result.map((r) => r.error ?? (r.skipped ? 'skipped' : r.WorkorderNo))).toEqual([
			'Quotation 2 is open, not accepted: no work order made',
			expect.stringMatching(/^Quotation 8: line\(s\) 1, 2, .* lack an item code$/),
			'skipped',
			'OF-3',
		]);
		expect(result[1].details).toMatch(/Turn on Include Accounts/);
		expect(outsmart.sim.state.findWorkorder('OF-9')).toBeUndefined();
		const notSkipped = jsonOf(await toWorkOrders([fromOutSmart], { skipFromOutSmart: false }));
		expect(notSkipped[0]).toMatchObject({ WorkorderNo: 'OF-9', created: true });
	});
});

const DEBTOR = accounts.oneill.code.trim();
const madeInOutSmart = (input: Partial<QuotationInput> = {}): IDataObject =>
	outsmart.sim.state.quotations.add([
		{
			debtor_nr: DEBTOR,
			description: 'Nieuwe cv-ketel',
			lines: [
				{ material_code: items.cvKetel.code, description: 'HR-ketel 28 kW', amount: 1, price: '1450.00', discount: 10 },
				{ hourtype: items.arbeid.code, description: 'Montage', amount: '4.5', price: 62.5 },
			],
			...input,
		},
	])[0] as IDataObject;

const readOutSmart = async (parameters: IDataObject = {}) => jsonOf(await outSmartNode({ resource: 'quotation', operation: 'getMany', returnAll: true, ...parameters }));
const toExact = (items: IDataObject[]) => quotationNode({ operation: 'createFromOutSmart', outSmartQuotation: '={{ $json }}' }, { items, continueOnFail: true });

describe('OutSmart → Exact: quotations made in OutSmart', () => {
	it('OutSmart node reads quotations by status, amounts as numbers; an unknown filter field is an error', async () => {
		outsmart.sim.state.insert('relations', [{ debtor_number: DEBTOR, name: "O'Neill Installaties", street: 'Laan van Meerdervoort', house_number: '1250-B', postal_code: '2555 CA', city: 'Den Haag' }]);
		madeInOutSmart();
		const accepted = String(madeInOutSmart({ status: 'ACCEPTED' }).quo_number_formatted);
		const all = await readOutSmart();
		expect(all).toHaveLength(2);
		expect(all[0]).toMatchObject({ quo_status: 'CONCEPT', quo_amount_excl: 1305 + 281.25, quo_quotation_debtor_name: "O'Neill Installaties" });
		expect((all[0].qln_lines as Lines)[0]).toMatchObject({ qln_amount: 1, qln_price: 1450, qln_discount: 10, qln_total_excl: 1305 });
		expect((await readOutSmart({ quotationStatus: 'ACCEPTED' })).map((q) => q.quo_number_formatted)).toEqual([accepted]);
		const bad = await outSmartNode({ resource: 'quotation', operation: 'getMany', returnAll: true, filters: { filter: [{ key: 'quo_colour', value: 'x' }] } });
		expect(jsonOf(bad)[0].error).toMatch(/does not know this filter field/);
	});

	it('makes each OutSmart quotation an Exact quotation once and accepts it once accepted in OutSmart; a re-run writes nothing', async () => {
		const draft = madeInOutSmart();
		const number = String(draft.quo_number_formatted);
		const first = await toExact(await readOutSmart());
		expect(jsonOf(first)).toEqual([expect.objectContaining({ outcome: 'created', acceptance: 'notAccepted', OutSmartQuotationNumber: number, YourRef: `OutSmart ${number}` })]);
		const made = quotations().filter((q) => q.YourRef === `OutSmart ${number}`);
		expect(made).toHaveLength(1);
		expect(made[0]).toMatchObject({ OrderAccount: accounts.oneill.id, Status: 20, Description: 'Nieuwe cv-ketel' });
		const lines = exact.sim.state.listRecords('QuotationLines').filter((line) => line.QuotationID === made[0].QuotationID);
		expect(lines.map((line) => [line.Item, line.Quantity, line.UnitPrice, line.Discount])).toEqual([
			[items.cvKetel.id, 1, 1450, 0.1],
			[items.arbeid.id, 4.5, 62.5, 0],
		]);
		expect(endpointsOf(first)).toEqual(['GET crm/Quotations', 'GET crm/Accounts', 'GET logistics/Items', 'POST crm/Quotations']);

		outsmart.sim.state.quotations.setStatus(number, 'ACCEPTED');
		const accepted = await toExact(await readOutSmart());
		expect(jsonOf(accepted)[0]).toMatchObject({ outcome: 'exists', acceptance: 'accepted', QuotationNumber: made[0].QuotationNumber });
		expect(endpointsOf(accepted)).toEqual(['GET crm/Quotations', 'POST crm/AcceptQuotation']);
		expect(quotations().find((q) => q.QuotationID === made[0].QuotationID)?.Status).toBe(50);

		outsmart.sim.state.quotations.setStatus(number, 'EXECUTED');
		const again = await toExact(await readOutSmart());
		expect(jsonOf(again)[0]).toMatchObject({ outcome: 'exists', acceptance: 'alreadyAccepted' });
		expect(endpointsOf(again)).toEqual(['GET crm/Quotations']);
		expect(quotations().filter((q) => q.YourRef === `OutSmart ${number}`)).toHaveLength(1);
	});

	it('says what to fix for an unknown relation or material, a line without code, or a quotation Exact rejected; the others go on', async () => {
		const unknownRelation = madeInOutSmart({ debtor_nr: '999' });
		madeInOutSmart({ lines: [{ material_code: 'GEEN-ART', amount: 1, price: 5 }] });
		const noCode = madeInOutSmart({ lines: [{ description: 'Los werk', amount: 1, price: 5 }] });
		const good = madeInOutSmart({ status: 'ACCEPTED' });
		const result = jsonOf(await toExact(await readOutSmart()));
		expect(result.map((r) => r.error ?? r.outcome)).toEqual([
			`Relation 999 of OutSmart quotation ${String(unknownRelation.quo_number_formatted)} not found in administration 1234567`,
			"Item 'GEEN-ART' not found in administration 1234567",
			`OutSmart quotation ${String(noCode.quo_number_formatted)} can't become an Exact quotation: line 1 has no material or hour type code`,
			'created',
		]);
		expect(result[3]).toMatchObject({ acceptance: 'accepted', OutSmartQuotationNumber: good.quo_number_formatted });
		expect(quotations().filter((q) => String(q.YourRef ?? '').startsWith('OutSmart '))).toHaveLength(1);

		// Rejected in Exact meanwhile, accepted in OutSmart: an error, Exact is not asked to accept.
		const rejected = madeInOutSmart();
		await toExact([jsonOf(await outSmartNode({ resource: 'quotation', operation: 'getMany', returnAll: true, filters: { filter: [{ key: 'quo_id', value: String(rejected.quo_id) }] } }))[0]]);
		const exactOne = quotations().find((q) => q.YourRef === `OutSmart ${String(rejected.quo_number_formatted)}`)!;
		await quotationNode({ operation: 'reject', quotation: String(exactOne.QuotationNumber) });
		outsmart.sim.state.quotations.setStatus(String(rejected.quo_id), 'ACCEPTED');
		const refused = await toExact(await readOutSmart({ quotationStatus: 'ACCEPTED' }));
		expect(jsonOf(refused).map((r) => r.error ?? r.acceptance)).toEqual([
			'alreadyAccepted',
			`OutSmart quotation ${String(rejected.quo_number_formatted)} is accepted, but Exact quotation ${String(exactOne.QuotationNumber)} is rejected`,
		]);
		expect(endpointsOf(refused)).toEqual(['GET crm/Quotations']);
	});
});

describe('both ways: the run after a write', () => {
	it('hands out the quotations it made from OutSmart as headers only: no line, item or account reads for them', async () => {
		const staticData: IDataObject = {};
		const changes = () => quotationNode({ operation: 'getChanges', syncName: 'q', changesOptions: { statuses: ['50'], includeAccounts: true } }, { staticData });
		await changes();
		madeInOutSmart();
		madeInOutSmart({ status: 'ACCEPTED' });
		expect(jsonOf(await toExact(await readOutSmart())).map((r) => r.outcome)).toEqual(['created', 'created']);

		// Own writes only: what a quiet run costs (headers, deletions, lines); the draft's lines need no header read.
		const afterWrite = await changes();
		expect(endpointsOf(afterWrite)).toEqual(['GET sync/CRM/QuotationHeaders', 'GET sync/Deleted', 'GET sync/CRM/QuotationLines']);
		const handed = jsonOf(afterWrite);
		expect(handed.map((q) => [String(q.YourRef).startsWith('OutSmart '), q.Status, 'QuotationLines' in q, 'Accounts' in q])).toEqual([[true, 50, false, false]]);
		expect(jsonOf(await toWorkOrders(handed))).toEqual([expect.objectContaining({ skipped: true, created: false })]);
		const inFull = jsonOf(await toWorkOrders(handed, { skipFromOutSmart: false }));
		expect(inFull[0].details).toMatch(/Turn off Header Only for OutSmart Quotations/);

		// Own writes and a quotation accepted in Exact: only the new one's lines, items and accounts are read.
		madeInOutSmart({ status: 'ACCEPTED' });
		await toExact(await readOutSmart({ quotationStatus: 'ACCEPTED' }));
		await quotationNode({ operation: 'accept', quotation: '2' });
		const mixed = await changes();
		expect(endpointsOf(mixed)).toEqual([
			'GET sync/CRM/QuotationHeaders',
			'GET sync/Deleted',
			'GET sync/CRM/QuotationLines',
			'GET crm/QuotationLines',
			'GET logistics/Items',
			'GET crm/Accounts',
		]);
		const two = jsonOf(mixed).find((q) => q.QuotationNumber === 2)!;
		const own = jsonOf(mixed).find((q) => q.QuotationNumber !== 2)!;
		expect(two).toMatchObject({ QuotationNumber: 2, Accounts: expect.any(Object) });
		expect((two.QuotationLines as Lines).length).toBeGreaterThan(0);
		expect(own.QuotationLines).toBeUndefined();
		// With the option off they come in full, as before.
		const full = jsonOf(
			await quotationNode({ operation: 'getChanges', syncName: 'full', changesOptions: { statuses: ['50'], includeAccounts: true, outSmartHeaderOnly: false } }, { staticData: {} }),
		);
		expect(full.filter((q) => String(q.YourRef).startsWith('OutSmart ')).every((q) => Array.isArray(q.QuotationLines) && q.Accounts)).toBe(true);
	});
});

describe('OutSmart simulator: quotation status', () => {
	it('an accepted quotation cannot be accepted again, a rejected one not accepted; executed follows accepted', () => {
		const quotation = madeInOutSmart({ status: 'SENT' });
		const number = String(quotation.quo_number_formatted);
		expect(outsmart.sim.state.quotations.setStatus(number, 'ACCEPTED')).toMatchObject({ quo_status: 'ACCEPTED', quo_timestamp_accepted: expect.any(String) });
		expect(() => outsmart.sim.state.quotations.setStatus(number, 'ACCEPTED')).toThrow(`Quotation ${number} is ACCEPTED and can't become ACCEPTED`);
		expect(outsmart.sim.state.quotations.setStatus(number, 'EXECUTED')).toMatchObject({ quo_status: 'EXECUTED' });
		const other = String(madeInOutSmart({ status: 'REJECTED' }).quo_number_formatted);
		expect(() => outsmart.sim.state.quotations.setStatus(other, 'ACCEPTED')).toThrow(/REJECTED and can't become ACCEPTED/);
	});
});
