/**
 * OutSmart's response envelope and its codes, as the fake server produces them.
 *
 * Every answer is `{"code": 200, "messages": [], "response": ...}`. OutSmart reports almost every failure with
 * HTTP 200 and an error `code`; only an uncaught server error (1007) uses HTTP 500 here.
 * Source: the code table in the description of outsmart-openapi-v8.json ("## Response").
 */

export interface Envelope {
	code: number;
	messages: string[];
	response: unknown;
}

/** The codes of the OpenAPI code table, with OutSmart's own wording. */
export const CODE_TEXT: Readonly<Record<number, string>> = {
	200: 'Request successfully executed.',
	1000: 'The URL being called is not containing an endpoint.',
	1001: 'The endpoint being provided is unknown on our side.',
	1002: 'Request is missing the GET parameter: token.',
	1003: 'Request is missing the GET parameter: software_token.',
	1004: 'Client token provided is unauthorized to execute this request.',
	1005: "Software token provided is unauthorized to execute this request. Either the token is not correct or it's not matched to the client token.",
	1006: 'All endpoints should use https.',
	1007: 'A general uncaught error occured. Please let WorkorderApp know.',
	1008: 'The server did not receive a message body.',
	1009: 'The server did receive a message body but was unable to parse this to a valid JSON array or object.',
	1051: 'A required field is missing in this request.',
	1100: 'The insert or update of an employee failed.',
	1101: 'A required field is missing in this request.',
	1200: 'The insert or update of a material row failed.',
	1201: 'A required field is missing in this request.',
	1300: 'The insert or update of a relation failed.',
	1301: 'A required field is missing in this request.',
	1400: 'No location data found for this customer.',
	1500: 'Workorder not found by given criteria.',
	1501: 'Posted workorder is missing a required field.',
	1502: 'Update workorder request is missing update data.',
	1503: 'No data changed.',
	1504: 'There was problem parsing the data being added.',
	1600: 'Delete of an entity failed.',
	1700: 'The insert or update of an project failed.',
	1701: 'A required field is missing or date is invalid in this request.',
	1800: 'The insert or update of a hourtype  failed.',
	1801: 'A required field is missing, active is not 1 or 0 or price cannot be parsed in this request.',
	1900: 'The insert or update of an object failed.',
	1901: 'A required field is missing.',
	2000: 'The insert or update of a supplier failed.',
	2001: 'A required field is missing.',
	2100: 'The insert or update of a part failed.',
	2101: 'A required field is missing.',
	2200: 'The insert or update of an object part failed.',
	2201: 'A required field is missing.',
	2300: 'The insert or update of a form failed.',
	2301: 'A required field is missing.',
	2400: 'The insert or update of a category failed.',
	2401: 'A required field is missing.',
	2500: 'The insert or update of a material category failed.',
	2501: 'A required field is missing.',
	2600: 'The insert or update of a worktype failed.',
	2601: 'A required field is missing',
	2700: 'The insert or update of a payment method failed.',
	2701: 'A required field is missing.',
	2800: 'The insert or update of a workstatus failed.',
	2801: 'A required field is missing.',
};

/** A failure that the server turns into an error envelope. */
export class OutSmartFailure extends Error {
	constructor(
		readonly code: number,
		readonly messages: string[] = [],
		readonly httpStatus = code === 1007 ? 500 : 200,
	) {
		super(`OutSmart code ${code}${messages.length ? `: ${messages.join('; ')}` : ''}`);
		this.name = 'OutSmartFailure';
	}
}

export function ok(response: unknown): Envelope {
	return { code: 200, messages: [], response };
}

export function failure(code: number, messages: string[] = []): Envelope {
	return { code, messages, response: null };
}

/** "Required field missing: name", exactly as the OpenAPI examples word it. */
export function requiredMissing(field: string): string {
	return `Required field missing: ${field}`;
}
