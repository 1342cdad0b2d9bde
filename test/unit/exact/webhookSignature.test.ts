/**
 * The pure parts of the Exact Online Trigger: HashCode over the exact text of Content (checked against the
 * simulator's own signing, an independent implementation), EventCreatedOn read as Dutch wall-clock time, and a
 * replay memory that only holds the maximum event age.
 */
import type { IDataObject } from 'n8n-workflow';
import { checkFreshness, eventTime, rememberEvent } from '../../../nodes/ExactOnlineApi/trigger/replay';
import { verifySignature } from '../../../nodes/ExactOnlineApi/trigger/signature';
import { webhookHash } from '../../../simulators/exact';

const SECRET = 'app-webhook-secret';
const CONTENT = '{"Topic":"Accounts","ClientId":"c","Division":1,"Action":"Update","Key":"k","EventCreatedOn":"2026-07-01T10:00:00"}';
const body = (content: string, hash: string) => `{"Content":${content},"HashCode":"${hash}"}`;

describe('verifySignature', () => {
	it('accepts exactly what Exact signs and nothing else', () => {
		const hash = webhookHash(CONTENT, SECRET);
		expect(verifySignature(body(CONTENT, hash), SECRET)).toEqual({ valid: true, contentText: CONTENT, hashCode: hash });
		expect(verifySignature(body(CONTENT, hash), 'other-secret').valid).toBe(false);
		expect(verifySignature(body(CONTENT.replace('{"', '{ "'), hash), SECRET).valid).toBe(false);
		expect(verifySignature(body(CONTENT, hash.toLowerCase()), SECRET).valid).toBe(false);
		expect(verifySignature(`{"HashCode":"${hash}","Content":${CONTENT}}`, SECRET).valid).toBe(false);
		expect(verifySignature(body(CONTENT, ''), SECRET)).toEqual({ valid: false, reason: 'no HashCode' });
		expect(verifySignature(`${body(CONTENT, hash)}\n`, SECRET).valid).toBe(false);
		expect(verifySignature('', SECRET).valid).toBe(false);
	});

	it('signs the UTF-8 bytes of the text (names with accents)', () => {
		const content = CONTENT.replace('"k"', '"Café Façade"');
		expect(verifySignature(body(content, webhookHash(content, SECRET)), SECRET).valid).toBe(true);
	});
});

describe('eventTime', () => {
	it('reads EventCreatedOn as Dutch wall-clock time, in summer and winter', () => {
		expect(new Date(eventTime('2026-07-01T10:00:00')!).toISOString()).toBe('2026-07-01T08:00:00.000Z');
		expect(new Date(eventTime('2026-01-15T10:00:00.123')!).toISOString()).toBe('2026-01-15T09:00:00.123Z');
		expect(eventTime('gisteren')).toBeUndefined();
		expect(eventTime(undefined)).toBeUndefined();
	});
});

describe('replay memory', () => {
	const at = (iso: string) => Date.parse(iso);
	const created = '2026-07-01T10:00:00';
	const maxAge = 30 * 60_000;

	it('refuses a body seen before, stale and future events; forgets what the age limit refuses anyway', () => {
		const staticData: IDataObject = {};
		const now = at('2026-07-01T08:05:00Z');
		expect(checkFreshness(staticData, 'AA', created, maxAge, now)).toEqual({ fresh: true });
		rememberEvent(staticData, 'AA', created, maxAge, now);
		expect(checkFreshness(staticData, 'aa', created, maxAge, now)).toEqual({ fresh: false, reason: 'this body was already processed (replay)' });
		expect(checkFreshness(staticData, 'BB', created, maxAge, at('2026-07-01T08:31:00Z')).fresh).toBe(false);
		expect(checkFreshness(staticData, 'BB', '2026-07-01T10:20:00', maxAge, now).fresh).toBe(false);
		expect(checkFreshness(staticData, 'BB', 'no date', maxAge, now)).toEqual({ fresh: false, reason: 'no readable EventCreatedOn' });

		rememberEvent(staticData, 'CC', '2026-07-01T11:00:00', maxAge, at('2026-07-01T09:00:00Z'));
		expect(Object.keys(staticData['exactWebhook:seen'] as object)).toEqual(['CC']);
	});
});
