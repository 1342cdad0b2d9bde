/**
 * Get Changes in parts (Max Changes per Run) against the Exact simulator: a first read of 5,000 accounts goes out
 * over several runs, each run moving the position past what it handed out only. Across the runs every account
 * comes exactly once, changes made meanwhile come once more (they are changes), a failed run of a Confirm Later
 * flow hands the same part out again, and each run costs one call per stream.
 */
import type { IDataObject } from 'n8n-workflow';
import { ExactOnlineAccount } from '../../../../nodes/ExactOnlineAccount/ExactOnlineAccount.node';
import { DEFAULT_MAX_PER_RUN } from '../../../../nodes/ExactOnlineApi/operations/getChanges';
import { jsonOf } from '../../../harness/context';
import type { ExactFixture } from '../../exactSetup';
import { endpointsOf, runnerFor, startEntitySimulator } from './setup';

let medium: ExactFixture;
beforeAll(async () => {
	medium = await startEntitySimulator({ seed: 'medium' });
});
afterAll(async () => medium.sim.close());
afterEach(() => medium.sim.state.reset());

const node = new ExactOnlineAccount();
const ids = (records: IDataObject[], changeType: string) => records.filter((r) => r.changeType === changeType).map((r) => String(r.ID));

describe('Get Changes in parts: Exact Online Account', () => {
	it('5,000 accounts at 2,000 a run: three runs of 2,000, 2,000 and 1,000 plus the changes made meanwhile, each once', async () => {
		const staticData: IDataObject = {};
		const run = async () => await runnerFor(medium, node)({ operation: 'getChanges', changesOptions: { maxPerRun: 2000 } }, { staticData });
		const all = medium.sim.state.listRecords('Accounts').map((a) => String(a.ID));

		const first = await run();
		expect(ids(jsonOf(first), 'changed')).toHaveLength(2000);
		expect(endpointsOf(first)).toEqual(['GET sync/CRM/Accounts', 'GET sync/CRM/Accounts', 'GET sync/Deleted']);
		const handed = new Set(ids(jsonOf(first), 'changed'));

		// meanwhile: one account handed out changes, one not handed out yet changes, one not handed out yet is deleted
		const early = [...handed][0];
		const later = all.filter((id) => !handed.has(id));
		medium.sim.state.updateRecord('Accounts', early, { Phone: '010-1111111' });
		medium.sim.state.updateRecord('Accounts', later[0], { Phone: '010-2222222' });
		medium.sim.state.deleteRecord('Accounts', later[1]);

		const second = await run();
		expect(ids(jsonOf(second), 'changed')).toHaveLength(2000);
		expect(ids(jsonOf(second), 'deleted')).toEqual([later[1]]);
		const third = await run();
		const rest = [...ids(jsonOf(second), 'changed'), ...ids(jsonOf(third), 'changed')];
		// the rest: every account not handed out yet, less the deleted one, plus the changed early one; each once
		expect(rest).toHaveLength(new Set(rest).size);
		expect(new Set(rest)).toEqual(new Set([...later.filter((id) => id !== later[1]), early]));
		expect(jsonOf(third).find((r) => r.ID === later[0])).toMatchObject({ Phone: '010-2222222' });
		expect(jsonOf(third).find((r) => r.ID === early)).toMatchObject({ Phone: '010-1111111' });

		const fourth = await run();
		expect(jsonOf(fourth)).toEqual([]);
		expect(endpointsOf(fourth)).toEqual(['GET sync/CRM/Accounts', 'GET sync/Deleted']);
	}, 30_000);

	it('with Confirm Later a run not confirmed hands the same part out again; confirmed, the next part follows', async () => {
		const staticData: IDataObject = {};
		const run = async (operation = 'getChanges') =>
			await runnerFor(medium, node)({ operation, changesOptions: { maxPerRun: 3000, confirmLater: true } }, { staticData });
		const first = ids(jsonOf(await run()), 'changed');
		expect(first).toHaveLength(3000);
		expect(ids(jsonOf(await run()), 'changed')).toEqual(first);
		await run('confirmChanges');
		const second = ids(jsonOf(await run()), 'changed');
		expect(second).toHaveLength(2000);
		expect(second.filter((id) => first.includes(id))).toEqual([]);
		await run('confirmChanges');
		expect(jsonOf(await run())).toEqual([]);
	}, 30_000);

	it(`hands out at most ${DEFAULT_MAX_PER_RUN.toLocaleString('en-US')} by default; 0 reads everything at once`, async () => {
		const byDefault = await runnerFor(medium, node)({ operation: 'getChanges' }, { staticData: {} });
		expect(ids(jsonOf(byDefault), 'changed')).toHaveLength(Math.min(DEFAULT_MAX_PER_RUN, 5000));
		const unlimited = await runnerFor(medium, node)({ operation: 'getChanges', changesOptions: { maxPerRun: 0 } }, { staticData: {} });
		expect(ids(jsonOf(unlimited), 'changed')).toHaveLength(5000);
		expect(endpointsOf(unlimited).filter((e) => e === 'GET sync/CRM/Accounts')).toHaveLength(5);
	}, 30_000);

	it('Get Contact Changes goes in parts the same way', async () => {
		const staticData: IDataObject = {};
		const contacts = medium.sim.state.listRecords('Contacts').length;
		expect(contacts).toBeGreaterThan(2000);
		const seen: string[] = [];
		for (let runs = 0; runs < 10; runs++) {
			const result = await runnerFor(medium, node)({ operation: 'getContactChanges', changesOptions: { maxPerRun: 1000 } }, { staticData });
			const part = ids(jsonOf(result), 'changed');
			if (part.length === 0) break;
			expect(part.length).toBeLessThanOrEqual(1000);
			expect(jsonOf(result).every((c) => c.changeType !== 'changed' || typeof c.AccountCode === 'string')).toBe(true);
			seen.push(...part);
		}
		expect(seen).toHaveLength(contacts);
		expect(new Set(seen).size).toBe(contacts);
	}, 60_000);
});
