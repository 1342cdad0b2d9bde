/** Exact's JSON error envelope: {"error":{"code":"","message":{"lang":"","value":"..."}}}. */
export interface ExactErrorBody {
	error: { code: string; message: { lang: string; value: string } };
}

export function errorEnvelope(message: string): ExactErrorBody {
	return { error: { code: '', message: { lang: '', value: message } } };
}

/** Thrown anywhere in request handling; the server turns it into an Exact-style error response. */
export class ExactHttpError extends Error {
	constructor(
		public readonly status: number,
		message: string,
		public readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}

export const badRequest = (message: string): ExactHttpError => new ExactHttpError(400, message);
export const notFound = (message: string): ExactHttpError => new ExactHttpError(404, message);
