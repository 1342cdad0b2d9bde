/** The OutSmart Trigger's memory and decisions, pure, and its time-out within n8n's poll budget. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { STATE_VERSION, decide, fingerprint, readState, rowIdOf, type TriggerState } from '../../../nodes/OutSmartTrigger/dedupe';
import { requestTimeout } from '../../../nodes/OutSmartTrigger/poll';

const wo = (id: number, extra: IDataObject = {}): IDataObject => ({
	id: String(id),
	WorkorderNo: `WO-${id}`,
	status: 'Compleet',
	WorkStatus: 'GEREED',
	Workperiods: [{ TotalTime: '02:15' }],
	Materials: [{ MaterialNr: '-1', MaterialPrice: '89,95' }],
	PdfUrl: 'https://app.example/pdf?sheet=abc&sig=1',
	...extra,
});
const NOW = new Date('2026-11-27T10:00:00Z');
const opts = (emitExisting = false, scope = 's') => ({ scope, emitExisting, now: NOW });
const ids = (list: IDataObject[]) => list.map((w) => w.id);

describe('fingerprint', () => {
	it('changes with the status, the work status and the completed content', () => {
		const base = fingerprint(wo(1));
		expect(fingerprint(wo(1, { WorkStatus: 'EXPFOUT' }))).not.toBe(base);
		expect(fingerprint(wo(1, { status: 'Afgehandeld' }))).not.toBe(base);
		expect(fingerprint(wo(1, { Workperiods: [{ TotalTime: '02:30' }] }))).not.toBe(base);
		expect(fingerprint(wo(1, { Materials: [{ MaterialNr: '1', MaterialPrice: '89,95' }] }))).not.toBe(base);
		expect(fingerprint(wo(1, { WorkDescription: 'extra' }))).not.toBe(base);
	});

	it('ignores key order, links (…Url) and query strings of links', () => {
		const base = fingerprint(wo(1));
		const reordered = Object.fromEntries(Object.entries(wo(1)).reverse());
		expect(fingerprint(reordered)).toBe(base);
		expect(fingerprint(wo(1, { PdfUrl: 'https://elsewhere/pdf?x=2' }))).toBe(base);
		const photo = (q: string) => wo(1, { Photos: [{ image: `https://app.example/img/1.png?${q}`, title: 'Foto 1' }] });
		expect(fingerprint(photo('sig=1'))).toBe(fingerprint(photo('sig=2')));
		expect(fingerprint(photo('sig=1'))).not.toBe(base);
		expect(base).toMatch(/^[0-9a-f]{16}$/);
	});

	it('identifies a work order by row id, else by number', () => {
		expect(rowIdOf({ id: '7', WorkorderNo: 'X' })).toBe('7');
		expect(rowIdOf({ WorkorderNo: 'X' })).toBe('X');
	});
});

describe('decide', () => {
	it('first poll: remembers without emitting, or emits all with emitExisting', () => {
		const list = [wo(1), wo(2)];
		const quiet = decide(list, undefined, opts(false));
		expect(quiet).toMatchObject({ emit: [], firstPoll: true, forgotten: 0 });
		expect(Object.keys(quiet.next.seen)).toEqual(['1', '2']);
		expect(quiet.next).toMatchObject({ version: STATE_VERSION, scope: 's', since: NOW.toISOString() });
		expect(ids(decide(list, undefined, opts(true)).emit)).toEqual(['1', '2']);
	});

	it('then emits only new or changed work orders, and forgets those that left', () => {
		const first = decide([wo(1), wo(2), wo(3)], undefined, opts()).next;
		const second = decide([wo(1), wo(2, { WorkStatus: 'EXPFOUT' }), wo(4)], first, opts());
		expect(ids(second.emit)).toEqual(['2', '4']);
		expect(second.forgotten).toBe(1);
		expect(Object.keys(second.next.seen).sort()).toEqual(['1', '2', '4']);
		expect(second.next.since).toBe(first.since);
		expect(decide([wo(1), wo(2, { WorkStatus: 'EXPFOUT' }), wo(4)], second.next, opts()).emit).toEqual([]);
	});

	it('a work order that left and came back unchanged is emitted again', () => {
		let state = decide([wo(1), wo(2)], undefined, opts()).next;
		state = decide([wo(2)], state, opts()).next;
		expect(ids(decide([wo(1), wo(2)], state, opts()).emit)).toEqual(['1']);
	});

	it('another scope is a first poll again; a duplicate row in one answer counts once', () => {
		const state = decide([wo(1)], undefined, opts(false, 'GEREED')).next;
		expect(decide([wo(1), wo(2)], state, opts(false, 'EXPFOUT'))).toMatchObject({ emit: [], firstPoll: true });
		expect(ids(decide([wo(5), wo(5)], undefined, opts(true)).emit)).toEqual(['5']);
	});

	it('reads only a state it wrote (right version, a seen map)', () => {
		const state: TriggerState = { version: STATE_VERSION, scope: 's', seen: { 1: 'x' }, since: '' };
		expect(readState({ outSmartTrigger: state as unknown as IDataObject })).toBe(state);
		expect(readState({})).toBeUndefined();
		expect(readState({ outSmartTrigger: { ...state, version: 0 } as unknown as IDataObject })).toBeUndefined();
		expect(readState({ outSmartTrigger: { version: STATE_VERSION } as unknown as IDataObject })).toBeUndefined();
	});
});

describe('time-out of the one read', () => {
	const ctx = (budget?: number) => ({ getPollBudgetMs: budget === undefined ? undefined : () => budget }) as unknown as IPollFunctions;

	it('uses the option (default 5 minutes) on an n8n without a poll budget (before 2.38)', () => {
		expect(requestTimeout.call(ctx(), {})).toBe(300_000);
		expect(requestTimeout.call(ctx(), { timeoutSeconds: 60 })).toBe(60_000);
	});

	it('fits three tries into the budget n8n gives the poll, never below 5 s', () => {
		expect(requestTimeout.call(ctx(242_000), {})).toBe(80_000);
		expect(requestTimeout.call(ctx(242_000), { timeoutSeconds: 30 })).toBe(30_000);
		expect(requestTimeout.call(ctx(8_000), {})).toBe(5_000);
		expect(requestTimeout.call(ctx(0), {})).toBe(300_000);
	});
});
