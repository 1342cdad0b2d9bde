/** The OutSmart Trigger's memory and decisions (dedupe, retries, migration), pure, and its time-out within n8n's poll budget. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { STATE_VERSION, decide, fingerprint, readState, rowIdOf, toSeconds, type TriggerState } from '../../../nodes/OutSmartTrigger/dedupe';
import { requestTimeout, retryAfterSeconds } from '../../../nodes/OutSmartTrigger/poll';

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
const HOUR = 3600;
const opts = (emitExisting = false, scope = 's') => ({ scope, emitExisting, retryAfterSeconds: HOUR, now: NOW });
/** Options for a poll `minutes` after NOW, with retries after `retryAfterMinutes`. */
const later = (minutes: number, retryAfterMinutes = 60) => ({
	scope: 's',
	emitExisting: false,
	retryAfterSeconds: retryAfterMinutes * 60,
	now: new Date(NOW.getTime() + minutes * 60_000),
});
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
		// Remembered only: emitted at 0, never.
		expect(quiet.next.seen).toEqual({ 1: [fingerprint(wo(1)), 0], 2: [fingerprint(wo(2)), 0] });
		expect(quiet.next).toMatchObject({ version: STATE_VERSION, scope: 's', since: NOW.toISOString() });
		const loud = decide(list, undefined, opts(true));
		expect(ids(loud.emit)).toEqual(['1', '2']);
		expect(loud.next.seen['1']).toEqual([fingerprint(wo(1)), toSeconds(NOW)]);
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

	it('reads only a state it wrote (a known version, a seen map of [fingerprint, emitted at])', () => {
		const state: TriggerState = { version: STATE_VERSION, scope: 's', seen: { 1: ['x', 0] }, since: '' };
		const read = (value: unknown) => readState({ outSmartTrigger: value as IDataObject }, NOW);
		expect(read(state)).toBe(state);
		expect(readState({}, NOW)).toBeUndefined();
		expect(read({ ...state, version: 0 })).toBeUndefined();
		expect(read({ ...state, version: STATE_VERSION + 1 })).toBeUndefined();
		expect(read({ version: STATE_VERSION })).toBeUndefined();
		expect(read({ ...state, seen: { 1: 'x' } })).toBeUndefined();
	});
});

describe('retry of work orders still waiting', () => {
	/** The state after work orders 1 and 2 were emitted at NOW. */
	const emittedAtNow = () => decide([wo(1), wo(2)], undefined, opts(true)).next;

	it('emits an unchanged work order again once the interval has passed since its last emission, not before', () => {
		const state = emittedAtNow();
		expect(decide([wo(1), wo(2)], state, later(59)).emit).toEqual([]);
		const due = decide([wo(1), wo(2)], state, later(60));
		expect(ids(due.emit)).toEqual(['1', '2']);
		expect(due.retried).toBe(2);
		// The interval starts over from this emission.
		expect(due.next.seen['1']).toEqual([fingerprint(wo(1)), toSeconds(later(60).now)]);
		expect(decide([wo(1), wo(2)], due.next, later(119)).emit).toEqual([]);
		expect(ids(decide([wo(1), wo(2)], due.next, later(120)).emit)).toEqual(['1', '2']);
	});

	it('an unchanged work order that is not due keeps its emission time (quiet polls do not postpone the retry)', () => {
		let state = emittedAtNow();
		for (const minutes of [10, 20, 30, 40, 50]) state = decide([wo(1)], state, later(minutes)).next;
		expect(state.seen['1']).toEqual([fingerprint(wo(1)), toSeconds(NOW)]);
		expect(ids(decide([wo(1)], state, later(60)).emit)).toEqual(['1']);
	});

	it('a scheduled poll one interval later still counts when it started a few seconds earlier than the emission did', () => {
		const emitted = decide([wo(1)], undefined, { ...opts(true), now: new Date('2026-11-27T10:00:04Z') }).next;
		const at = (iso: string) => ({ ...opts(), now: new Date(iso) });
		expect(ids(decide([wo(1)], emitted, at('2026-11-27T11:00:00Z')).emit)).toEqual(['1']);
		expect(decide([wo(1)], emitted, at('2026-11-27T10:59:50Z')).emit).toEqual([]);
	});

	it('a changed fingerprint emits at once, however recent the last emission', () => {
		const changed = decide([wo(1, { WorkStatus: 'EXPFOUT' }), wo(2)], emittedAtNow(), later(1));
		expect(ids(changed.emit)).toEqual(['1']);
		expect(changed.retried).toBe(0);
		expect(changed.next.seen['1'][1]).toBe(toSeconds(later(1).now));
	});

	it('work orders only remembered on the first poll are never retried, only emitted when they change', () => {
		const remembered = decide([wo(1), wo(2)], undefined, opts(false)).next;
		expect(decide([wo(1), wo(2)], remembered, later(24 * 60)).emit).toEqual([]);
		expect(ids(decide([wo(1), wo(2, { Workperiods: [] })], remembered, later(24 * 60)).emit)).toEqual(['2']);
	});

	it('0 minutes never emits an unchanged work order again; changes still emit', () => {
		const state = emittedAtNow();
		expect(decide([wo(1), wo(2)], state, later(30 * 24 * 60, 0)).emit).toEqual([]);
		expect(ids(decide([wo(1), wo(2, { WorkStatus: 'X' })], state, later(30 * 24 * 60, 0)).emit)).toEqual(['2']);
	});

	it('a work order that left the list is forgotten with its emission time; back again, it is emitted at once', () => {
		let state = emittedAtNow();
		state = decide([wo(2)], state, later(1)).next;
		expect(Object.keys(state.seen)).toEqual(['2']);
		expect(ids(decide([wo(1), wo(2)], state, later(2)).emit)).toEqual(['1']);
	});

	it('keeps the state small: about 40 bytes a work order', () => {
		const list = Array.from({ length: 1000 }, (_, i) => wo(170_000 + i));
		const state = decide(list, undefined, opts(true)).next;
		expect(JSON.stringify(state).length / 1000).toBeLessThan(45);
	});
});

describe('migration of a version 1 state (row id -> fingerprint)', () => {
	const v1 = (): IDataObject => ({
		outSmartTrigger: { version: 1, scope: 's', seen: { 1: fingerprint(wo(1)), 2: fingerprint(wo(2)) }, since: '2026-01-05T08:00:00.000Z' },
	});

	it('keeps scope, since and fingerprints, and counts every work order as emitted at migration time', () => {
		expect(readState(v1(), NOW)).toEqual({
			version: STATE_VERSION,
			scope: 's',
			since: '2026-01-05T08:00:00.000Z',
			seen: { 1: [fingerprint(wo(1)), toSeconds(NOW)], 2: [fingerprint(wo(2)), toSeconds(NOW)] },
		});
	});

	it('emits nothing unchanged right after the update, only new or changed work orders', () => {
		const first = decide([wo(1), wo(2, { WorkStatus: 'EXPFOUT' }), wo(3)], readState(v1(), NOW), opts());
		expect(first.firstPoll).toBe(false);
		expect(ids(first.emit)).toEqual(['2', '3']);
	});

	it('offers the work orders still waiting again one interval after the update', () => {
		const migrated = decide([wo(1), wo(2)], readState(v1(), NOW), opts()).next;
		expect(decide([wo(1), wo(2)], migrated, later(59)).emit).toEqual([]);
		expect(ids(decide([wo(1), wo(2)], migrated, later(60)).emit)).toEqual(['1', '2']);
	});
});

describe('Retry After (Minutes)', () => {
	it('defaults to 60 minutes; 0 turns retries off; fractions are honoured in seconds', () => {
		expect(retryAfterSeconds({})).toBe(3600);
		expect(retryAfterSeconds({ retryAfterMinutes: 0 })).toBe(0);
		expect(retryAfterSeconds({ retryAfterMinutes: -5 })).toBe(0);
		expect(retryAfterSeconds({ retryAfterMinutes: 1.5 })).toBe(90);
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
