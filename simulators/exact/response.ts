/** A response computed by a handler; server.ts writes it (or drops the socket for a fault). */
export interface SimResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
	/** Records in a collection answer (for the call log). */
	rows?: number;
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
	return {
		status,
		headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
		body: JSON.stringify(value),
	};
}

export function textResponse(
	status: number,
	body: string,
	headers: Record<string, string> = {},
	contentType = 'text/plain; charset=utf-8',
): SimResponse {
	return { status, headers: { 'Content-Type': contentType, ...headers }, body };
}

/** Show enough of a secret to tell tokens apart in logs, never the value itself. */
export function maskToken(token: string): string {
	if (token.length < 12) return '***';
	return `${token.slice(0, 4)}…${token.slice(-4)}`;
}
