/**
 * Every documented OutSmart response code: what it means and what the user can do about it.
 *
 * Source: the code table in the description of outsmart-openapi-v8.json ("## Response"), plus its examples:
 * 1051 is what priorities, errors, solutions, regions, vehicles and material_types answer for a missing field
 * (not in the table); the workstatusses example answers 2501 although the table gives workstatus 2800/2801.
 * Entity ranges: 11xx employee, 12xx material, 13xx relation, 17xx project, 18xx hour type, 19xx object,
 * 20xx supplier, 21xx part, 22xx object part, 23xx form, 24xx category, 25xx material category,
 * 26xx worktype, 27xx payment method, 28xx workstatus; x00 = insert/update failed, x01 = required field missing.
 */

export interface OutSmartCodeInfo {
	/** Short, lower case, for "OutSmart refused the request: <meaning> (code N)". */
	meaning: string;
	/** What to do about it. */
	hint: string;
	/** True when trying the same read again later may succeed. */
	transient?: boolean;
}

const BASE_URL_HINT =
	'Check the Base URL in the OutSmart credential: it must end in /openapi/8, e.g. https://www.out-smart.com/openapi/8.';
const TEXT_HINT = 'Check the values sent: numbers must be numbers, flags 1 or 0, texts at most 255 characters.';

function entity(name: string, required: string): Record<'failed' | 'missing', OutSmartCodeInfo> {
	return {
		failed: { meaning: `inserting or updating a ${name} failed`, hint: TEXT_HINT },
		missing: {
			meaning: `a required ${name} field is missing`,
			hint: `Fill in the field named in the message. A ${name} needs ${required}.`,
		},
	};
}

const employee = entity('employee', 'firstname, lastname and number');
const material = entity('material', 'code, description, price and unit');
const relation = entity('relation', 'name, debtor_number, street, postal_code and city');
const object = entity('object', 'obj_code and obj_debiteur_nummer');
const supplier = entity('supplier', 'sup_code and sup_name');
const part = entity('part', 'prt_code');
const objectPart = entity('object part', 'opr_obj_code and opr_prt_code');
const form = entity('form', 'name');
const category = entity('category', 'cat_code, cat_name and cat_display');
const materialCategory = entity('material category', 'mct_mat_code and mct_cat_code');
const worktype = entity('worktype', 'wrt_name, wrt_description, wrt_default_minutes and wrt_active');
const paymentMethod = entity('payment method', 'pmd_description');
const workstatus = entity('workstatus', 'sta_code and sta_name');

export const OUTSMART_CODES: Readonly<Record<number, OutSmartCodeInfo>> = {
	200: { meaning: 'request executed', hint: '' },
	1000: { meaning: 'the URL contains no endpoint', hint: BASE_URL_HINT },
	1001: {
		meaning: 'unknown endpoint',
		hint: `${BASE_URL_HINT} Endpoint names are case-sensitive (GetWorkorders, relations).`,
	},
	1002: {
		meaning: 'the token is missing',
		hint: 'Fill in the Token in the OutSmart credential (OutSmart: Settings → Software integrations → Open API).',
	},
	1003: {
		meaning: 'the software token is missing',
		hint: 'Fill in the Software Token in the OutSmart credential; OutSmart issues one per connected software package.',
	},
	1004: {
		meaning: 'token not authorized',
		hint: 'Copy the token again from OutSmart → Settings → Software integrations and paste it into the credential. If it is correct, the Open API licence of the account may have ended.',
	},
	1005: {
		meaning: 'software token not authorized or not matched to the token',
		hint: 'Check the Software Token in the credential: it must be the one OutSmart linked to this account. Ask OutSmart support to link it if it is new.',
	},
	1006: { meaning: 'HTTPS is required', hint: 'Use an https:// Base URL in the OutSmart credential.' },
	1007: {
		meaning: 'an uncaught error at OutSmart',
		hint: 'OutSmart failed internally. Try again later; if it keeps happening, report it to OutSmart support with the time of the call.',
		transient: true,
	},
	1008: {
		meaning: 'the request had no body',
		hint: 'Nothing was sent: check that the input items contain the fields to send.',
	},
	1009: {
		meaning: 'the body is not a JSON array or object',
		hint: 'OutSmart could not read the data as JSON; check fields filled by expressions.',
	},
	1051: { meaning: 'a required field is missing', hint: 'Fill in the field named in the message.' },
	1100: employee.failed,
	1101: employee.missing,
	1200: { meaning: 'inserting or updating a material failed', hint: `${TEXT_HINT} The price must be a number such as 12,50.` },
	1201: material.missing,
	1300: relation.failed,
	1301: relation.missing,
	1400: { meaning: 'no location data found for this customer', hint: 'No device or vehicle has reported a location yet.' },
	1500: {
		meaning: 'work order not found',
		hint: 'Check the row id or work order number; the work order may have been deleted or never posted.',
	},
	1501: {
		meaning: 'the work order misses a required field',
		hint: 'A work order needs WorkorderNo, CustomerName, CustomerDebtorNr, CustomerStreet, CustomerZIP, CustomerCity, CustomerContactPerson, the same six fields ending in Invoice, TypeOfWork and PaymentMethod; material lines need MaterialCode, MaterialNr, MaterialPrice and MaterialName.',
	},
	1502: {
		meaning: 'the work order update has no data',
		hint: 'Give at least one of work date, work time, employee number or work status.',
	},
	1503: { meaning: 'no data changed', hint: 'The work order already has these values; nothing to do.' },
	1504: {
		meaning: 'OutSmart could not parse the data',
		hint: 'Dates must be d-m-Y (27-11-2026), times H:i (09:30), amounts numbers; a work order number must not exist yet; an employee number or work status must exist in OutSmart.',
	},
	1600: {
		meaning: 'deleting the entity failed',
		hint: 'Check the entity name and the key: each entity allows specific keys (e.g. relation: debtor_number). Deleting all work orders is not allowed.',
	},
	1700: { meaning: 'inserting or updating a project failed', hint: TEXT_HINT },
	1701: {
		meaning: 'a required project field is missing or a date is invalid',
		hint: 'A project needs code, debtor_number, status, name and date_start, with valid dates (2026-11-27).',
	},
	1800: { meaning: 'inserting or updating an hour type failed', hint: TEXT_HINT },
	1801: {
		meaning: 'an hour type field is missing, a flag is not 1 or 0, or the price cannot be parsed',
		hint: 'An hour type needs code, name, cost_booking and sale_booking (1 or 0) and sale_price (a number such as 65.00); active must be 1 or 0.',
	},
	1900: object.failed,
	1901: object.missing,
	2000: supplier.failed,
	2001: supplier.missing,
	2100: part.failed,
	2101: part.missing,
	2200: objectPart.failed,
	2201: objectPart.missing,
	2300: form.failed,
	2301: form.missing,
	2400: category.failed,
	2401: category.missing,
	2500: materialCategory.failed,
	2501: {
		meaning: 'a required field is missing (material category; OutSmart also answers it for workstatusses)',
		hint: 'Fill in the field named in the message. A material category needs mct_mat_code and mct_cat_code; a workstatus sta_code and sta_name.',
	},
	2600: worktype.failed,
	2601: worktype.missing,
	2700: paymentMethod.failed,
	2701: paymentMethod.missing,
	2800: workstatus.failed,
	2801: workstatus.missing,
};

/** The meaning and hint of any code; unknown codes are described from their range (x00 / x01). */
export function describeOutSmartCode(code: number): OutSmartCodeInfo & { code: number; known: boolean } {
	const info = OUTSMART_CODES[code];
	if (info) return { ...info, code, known: true };
	if (code >= 1100 && code % 100 === 0) return { code, known: false, meaning: 'inserting or updating a record failed', hint: TEXT_HINT };
	if (code >= 1100 && code % 100 === 1) {
		return { code, known: false, meaning: 'a required field is missing', hint: 'Fill in the field named in the message.' };
	}
	return {
		code,
		known: false,
		meaning: 'an unknown OutSmart code',
		hint: 'OutSmart answered with a code this node does not know; the messages above are OutSmart\'s own.',
	};
}
