/**
 * A deletion from Exact comes with the code the record had, so that OutSmart can deactivate it by code: kept until
 * the deletion is final (also with Confirm Later), remembered only for records the flow handed out, and a run
 * that reads nothing new writes nothing to static data (n8n saves all of it after any write).
 */
import { ObservableObject, type IDataObject } from 'n8n-workflow';
import { ExactOnlineAccount } from '../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { EXACT_SEED_FIXTURES } from '../../../simulators/exact';
import { jsonOf, runNode } from '../../harness/context';
import { startExact, type ExactFixture } from '../exactSetup';

const node = new ExactOnlineAccount();
const { prospect } = EXACT_SEED_FIXTURES.accounts;
let exact: ExactFixture;

beforeAll(async () => {
	exact = await startExact();
});
afterAll(async () => exact.sim.close());
beforeEach(() => exact.sim.state.reset());

const runner = (staticData: IDataObject, parameters: Record<string, unknown> = {}) => () =>
	runNode(node, { parameters: { operation: 'getChanges', ...parameters } as never, credentials: exact.credentials(), staticData, mode: 'trigger' });

it('hands out the code of a deleted account that an earlier run saw', async () => {
	const staticData = {};
	const run = runner(staticData);
	const first = jsonOf(await run());
	expect(first.length).toBeGreaterThanOrEqual(10);

	exact.sim.state.deleteRecord('Accounts', prospect.id);
	const second = jsonOf(await run());
	expect(second).toEqual([expect.objectContaining({ ID: prospect.id, Code: '7', changeType: 'deleted' })]);

	// Forgotten once handed out: the map only holds records that still exist.
	expect(JSON.stringify(staticData)).not.toContain(prospect.id);
});

it('with Confirm Later keeps the code of a deletion until Confirm Changes, so a retried run still has it', async () => {
	const staticData: IDataObject = {};
	const run = runner(staticData, { changesOptions: { confirmLater: true } });
	const confirm = () => runNode(node, { parameters: { operation: 'confirmChanges' } as never, credentials: exact.credentials(), staticData });
	await run();
	await confirm();

	exact.sim.state.deleteRecord('Accounts', prospect.id);
	const deletion = expect.objectContaining({ ID: prospect.id, Code: '7', changeType: 'deleted' });
	expect(jsonOf(await run())).toEqual([deletion]);
	// The flow failed before Confirm Changes: the same deletion comes again, still with its code.
	expect(jsonOf(await run())).toEqual([deletion]);
	expect(jsonOf(await confirm())).toEqual([{ syncName: 'default', confirmed: true, givenBack: 0, retrying: 0 }]);
	expect(JSON.stringify(staticData)).not.toContain(prospect.id);
	expect(JSON.stringify(staticData)).not.toContain('forget');
	expect(jsonOf(await run())).toEqual([]);
});

it('a run with nothing new writes nothing to static data', async () => {
	// n8n's own observable static data: any write marks it changed, and n8n then saves the whole of it.
	const staticData = ObservableObject.create({}) as IDataObject & { __dataChanged: boolean };
	const run = runner(staticData);
	await run();
	expect(staticData.__dataChanged).toBe(true);
	staticData.__dataChanged = false;
	expect(jsonOf(await run())).toEqual([]);
	expect(staticData.__dataChanged).toBe(false);
	exact.sim.state.updateRecord('Accounts', prospect.id, { Phone: '020-1111111' });
	expect(jsonOf(await run())).toHaveLength(1);
	expect(staticData.__dataChanged).toBe(true);
});
