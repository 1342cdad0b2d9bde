/**
 * Exact's webhook signature: `HashCode` is the upper-case hex HMAC-SHA256 (key: the app's webhook secret) of the
 * `Content` value's text exactly as sent. It is checked on the bytes received, never on a re-serialised parse:
 * other whitespace or key order is another text and fails, as it must.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The body Exact sends: `{"Content":<json>,"HashCode":"<hex>"}` and nothing around it. */
const ENVELOPE = /^\{"Content":(.*),"HashCode":"([0-9A-Fa-f]*)"\}$/s;

export type SignatureCheck =
	| { valid: true; contentText: string; hashCode: string }
	| { valid: false; reason: string };

export function signContent(contentText: string, secret: string): string {
	return createHmac('sha256', secret).update(contentText, 'utf8').digest('hex').toUpperCase();
}

export function verifySignature(rawBody: string, secret: string): SignatureCheck {
	const match = ENVELOPE.exec(rawBody.replace(/^\uFEFF/, ''));
	if (!match) return { valid: false, reason: 'not an Exact webhook body ({"Content":…,"HashCode":"…"})' };
	const [, contentText, hashCode] = match;
	if (hashCode === '') return { valid: false, reason: 'no HashCode' };
	const expected = Buffer.from(signContent(contentText, secret), 'utf8');
	const given = Buffer.from(hashCode, 'utf8');
	// Exact sends upper case: a lower-case hash is not what Exact signs, so it is not accepted either.
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return { valid: false, reason: 'HashCode does not match the body (wrong webhook secret, or not sent by Exact)' };
	}
	return { valid: true, contentText, hashCode };
}
