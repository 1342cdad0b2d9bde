/**
 * OutSmart authenticates with two query parameters, so every request URL carries the customer token and the
 * software token. Nothing we build (error message, description, context, log line, output) may contain them.
 * The transport never rethrows n8n's own request errors (their `cause.config.url` holds the tokens): it builds
 * new errors from scrubbed parts. `redactSecrets` cleans an error someone else built, for the node layer.
 */

const TOKEN_PARAM = /((?:software_)?token(?:=|%3D))[^&\s"'#]*/gi;
const MASK = '***';

/** Secrets worth scrubbing: non-empty strings of at least 4 characters (shorter ones would mangle text). */
export function secretList(...values: unknown[]): string[] {
	return values.filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

/** Replaces the secret values and any token=/software_token= query value in a text. */
export function scrubText(text: string, secrets: readonly string[]): string {
	let result = text.replace(TOKEN_PARAM, `$1${MASK}`);
	for (const secret of secrets) {
		result = result.split(secret).join(MASK);
		const encoded = encodeURIComponent(secret);
		if (encoded !== secret) result = result.split(encoded).join(MASK);
	}
	return result;
}

/** A deep copy of a JSON-like value with every string scrubbed (cycles and functions dropped). */
export function scrubValue(value: unknown, secrets: readonly string[], seen = new WeakSet<object>()): unknown {
	if (typeof value === 'string') return scrubText(value, secrets);
	if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
	if (seen.has(value)) return undefined;
	seen.add(value);
	if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets, seen));
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value)) out[key] = scrubValue(v, secrets, seen);
	return out;
}

/**
 * Cleans an error in place: message, description, messages, context, errorResponse; drops `cause` (an axios
 * error whose config holds the request URL with the tokens). Returns the same error.
 */
export function redactSecrets<T>(error: T, secrets: readonly string[]): T {
	if (typeof error !== 'object' || error === null) return error;
	const target = error as Record<string, unknown>;
	for (const key of ['message', 'description', 'stack']) {
		if (typeof target[key] === 'string') target[key] = scrubText(target[key] as string, secrets);
	}
	for (const key of ['messages', 'context', 'errorResponse']) {
		if (target[key] !== undefined) target[key] = scrubValue(target[key], secrets);
	}
	if ('cause' in target) {
		try {
			Object.defineProperty(target, 'cause', { value: undefined, configurable: true, writable: true, enumerable: false });
		} catch {
			// a frozen error keeps its cause; nothing else to do
		}
	}
	return error;
}
