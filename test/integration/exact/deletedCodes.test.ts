/** A deletion from Exact comes with the code the record had, so that OutSmart can deactivate it by code. */
import { ExactOnlineAccount } from '../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { EXACT_SEED_FIXTURES } from '../../../simulators/exact';
import { jsonOf, runNode } from '../../harness/context';
import { startExact, type ExactFixture } from '../exactSetup';

const node = new ExactOnlineAccount();
let exact: ExactFixture;

beforeAll(async () => {
	exact = await startExact();
});
afterAll(async () => exact.sim.close());

it('hands out the code of a deleted account that an earlier run saw', async () => {
	const staticData = {};
	const run = () =>
		runNode(node, { parameters: { operation: 'getChanges' } as never, credentials: exact.credentials(), staticData, mode: 'trigger' });
	const first = jsonOf(await run());
	expect(first.length).toBeGreaterThanOrEqual(10);

	const { id } = EXACT_SEED_FIXTURES.accounts.prospect;
	exact.sim.state.deleteRecord('Accounts', id);
	const second = jsonOf(await run());
	expect(second).toEqual([expect.objectContaining({ ID: id, Code: '7', changeType: 'deleted' })]);

	// Forgotten once handed out: the map only holds records that still exist.
	expect(JSON.stringify(staticData)).not.toContain(id);
});
