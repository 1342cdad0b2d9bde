/**
 * Work orders ("werkbonnen"): PostWorkorders, GetWorkorders, GetWorkorder, UpdateWorkorder (GET: planning and
 * workstatus; POST: material lines), completion by a technician, and rendering in OutSmart's output shape.
 *
 * The quirk this fake exists for: GetWorkorders and GetWorkorder take `update_status`, which DEFAULTS TO TRUE.
 * A read without `update_status=false` marks every returned work order Afgehandeld. Only the documented literal
 * `false` (any case) switches that off; `0`, `no` or an empty value still mark (OutSmart documents only
 * true/false, so a client must send exactly `false`). Every such change is recorded in the stats as
 * `statusChangedByRead`, with `explicit: false` when the client did not send the parameter at all.
 */
import { createHash } from 'node:crypto';

import { type Envelope, OutSmartFailure, ok, requiredMissing } from './envelope';
import { type Query, applyFilters, readFilters, scalar } from './filters';
import {
	type AmountStyle,
	commaAmount,
	creationDate,
	dmy,
	hhmm,
	isMissing,
	normaliseDmy,
	quantity,
	readDmy,
	readDuration,
	readNumber,
	readTime,
	str,
} from './formats';
import type { RecordData, StoredRecord } from './records';

export const WORKORDER_STATUSES = ['Klaargezet', 'Opgehaald', 'Compleet', 'Afgehandeld'] as const;
export type WorkorderStatus = (typeof WORKORDER_STATUSES)[number];

export const REQUIRED_WORKORDER_FIELDS = [
	'WorkorderNo',
	'CustomerName',
	'CustomerDebtorNr',
	'CustomerStreet',
	'CustomerZIP',
	'CustomerCity',
	'CustomerContactPerson',
	'CustomerNameInvoice',
	'CustomerDebtorNrInvoice',
	'CustomerStreetInvoice',
	'CustomerZIPInvoice',
	'CustomerCityInvoice',
	'CustomerContactPersonInvoice',
	'TypeOfWork',
	'PaymentMethod',
] as const;

/** Scalar fields of a work order in the order GetWorkorder(s) writes them (between `id` and the arrays). */
export const WORKORDER_FIELDS = [
	'WorkorderNo',
	'OrderNr',
	'WorkDate',
	'WorkTime',
	'WorkEndDate',
	'WorkEndTime',
	'ProjectNr',
	'ExternProjectNr',
	'CustomerName',
	'CustomerDebtorNr',
	'CustomerStreet',
	'CustomerStreetNo',
	'CustomerEmail',
	'CustomerZIP',
	'CustomerCity',
	'CustomerContactPerson',
	'CustomerPhone',
	'CustomerRemark',
	'CustomerLatitude',
	'CustomerLongitude',
	'CustomerNameInvoice',
	'CustomerDebtorNrInvoice',
	'CustomerStreetInvoice',
	'CustomerStreetNoInvoice',
	'CustomerEmailInvoice',
	'CustomerZIPInvoice',
	'CustomerCityInvoice',
	'CustomerContactPersonInvoice',
	'CustomerPhoneInvoice',
	'CustomerRemarkInvoice',
	'TypeOfWork',
	'WorkDescription',
	'PaymentMethod',
	'CreationDate',
	'EmployeeNr',
	'Archived',
	'Signature',
	'SignatureUrl',
	'PdfUrl',
	'WordUrl',
	'WorksheetCode',
	'status',
	'WorkFinished',
	'InternalWorkDescription',
	'WorkDuration',
	'WorkStatus',
	'WorkDeadline',
	'PickupPlanning',
	'WebPlanning',
	'CpnCode',
	'AdrCode',
	'ShortWorkDescription',
	'Comment',
	'ErrorCode',
	'ErrorMessage',
	'SolutionCode',
	'SolutionMessage',
	'MinimumHours',
	'RoundingAmount',
	'PriorityCode',
	'PriorityMessage',
] as const;

const FIELD_DEFAULTS: Record<string, string | null> = {
	CustomerLatitude: null,
	CustomerLongitude: null,
	Archived: '0',
	WorkFinished: '0',
	WorkDuration: '0',
	PickupPlanning: '0',
	WebPlanning: '0',
	MinimumHours: '0.00',
	RoundingAmount: '0.00',
};

const ARRAY_FIELDS = ['Materials', 'Workperiods', 'Attachments', 'Forms', 'Employees', 'WorkObjects', 'Photos', 'Documents'];
/** Fields a client cannot set through PostWorkorders (the back office and the app own them). */
const SERVER_FIELDS = ['id', 'status', 'CreationDate', 'Signature', 'SignatureUrl', 'PdfUrl', 'WordUrl', 'WorksheetCode', 'Archived', 'WorkFinished'];

const MATERIAL_FIELDS = [
	'MaterialCode',
	'MaterialTotalPrice',
	'MaterialNr',
	'MaterialPrice',
	'MaterialName',
	'MaterialUnit',
	'MaterialType',
	'MaterialFreeField1',
	'MaterialFreeField2',
	'MaterialFreeField3',
	'MaterialFreeField4',
	'MaterialFreeField5',
];
const WORKPERIOD_FIELDS = ['WorkDate', 'BeginTime', 'EndTime', 'Break', 'TotalTime', 'Travel', 'WorkRemark', 'HourType', 'EmployeeNr'];

const DATE_INVALID = 'Date invalid. Format: 20-02-2016';
const TIME_INVALID = 'Time invalid. Format: 07:08';

export interface StoredWorkorder {
	id: number;
	status: WorkorderStatus;
	fields: Record<string, string | null>;
	/** MaterialNr and MaterialPrice are numbers here. */
	materials: RecordData[];
	/** Break is a number of minutes here. */
	workperiods: RecordData[];
	photos: Array<{ image: string; title: string }>;
	documents: string[];
	forms: unknown[];
	employees: string[];
	workObjects: string[];
	history: Array<{ at: string; from: WorkorderStatus | null; to: WorkorderStatus; by: string }>;
}

export interface StatusChange {
	at: string;
	rowId: number;
	workorderNo: string;
	from: WorkorderStatus;
	to: 'Afgehandeld';
	endpoint: 'GetWorkorders' | 'GetWorkorder';
	/** false when the client did not send update_status at all (the default marked it). */
	explicit: boolean;
}

/** What the work order functions need from the simulator state. */
export interface WorkorderHost {
	workorders: StoredWorkorder[];
	amountStyle: AmountStyle;
	now(): Date;
	publicUrl(): string;
	nextWorkorderId(): number;
	nextOrderNr(): string;
	table(endpoint: string): StoredRecord[];
	onStatusChangedByRead(change: StatusChange): void;
}

// ---------------------------------------------------------------------------------------------- validation

function isPlainObject(value: unknown): value is RecordData {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toList(value: unknown): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	return Array.isArray(value) ? value : [value];
}

/** Validates and converts material lines; messages collect into `missing` (1501) and `invalid` (1504). */
function readMaterials(input: unknown, missing: string[], invalid: string[]): RecordData[] {
	return toList(input).map((raw, i) => {
		if (!isPlainObject(raw)) {
			invalid.push(`Material row ${i} is not an object`);
			return {};
		}
		for (const field of ['MaterialCode', 'MaterialNr', 'MaterialPrice', 'MaterialName']) {
			if (isMissing(raw[field])) missing.push(requiredMissing(field));
		}
		const line: RecordData = {};
		for (const [field, value] of Object.entries(raw)) {
			if (field === 'MaterialTotalPrice') continue;
			if (field === 'MaterialNr' || field === 'MaterialPrice') {
				if (isMissing(value)) continue;
				const n = readNumber(value);
				if (n === undefined) invalid.push(`Unable to parse ${field}: ${str(value)}`);
				line[field] = n ?? 0;
				continue;
			}
			line[field] = value === null ? null : typeof value === 'object' ? value : str(value);
		}
		return line;
	});
}

function readWorkperiods(input: unknown, missing: string[], invalid: string[]): RecordData[] {
	return toList(input).map((raw, i) => {
		if (!isPlainObject(raw)) {
			invalid.push(`Workperiod row ${i} is not an object`);
			return {};
		}
		for (const field of ['WorkDate', 'BeginTime', 'EndTime', 'TotalTime']) {
			if (isMissing(raw[field])) missing.push(requiredMissing(field));
		}
		const period: RecordData = {};
		for (const [field, value] of Object.entries(raw)) period[field] = value === null ? null : str(value);
		if (!isMissing(raw.WorkDate)) {
			const date = normaliseDmy(raw.WorkDate);
			if (!date) invalid.push(DATE_INVALID);
			period.WorkDate = date ?? str(raw.WorkDate);
		}
		for (const field of ['BeginTime', 'EndTime']) {
			if (!isMissing(raw[field]) && readTime(raw[field]) === undefined) invalid.push(TIME_INVALID);
		}
		if (!isMissing(raw.TotalTime) && readDuration(raw.TotalTime) === undefined) invalid.push(TIME_INVALID);
		const breakMinutes = isMissing(raw.Break) ? 0 : readNumber(raw.Break);
		if (breakMinutes === undefined || !Number.isInteger(breakMinutes)) invalid.push(`Unable to parse Break: ${str(raw.Break)}`);
		period.Break = breakMinutes ?? 0;
		return period;
	});
}

export interface ValidatedWorkorder {
	fields: Record<string, string | null>;
	materials: RecordData[];
	workperiods: RecordData[];
	documents: string[];
	forms: unknown[];
	employees: string[];
	workObjects: string[];
}

/** One posted work order -> stored parts; throws 1501 (missing) or 1504 (unparseable) like OutSmart. */
export function validateWorkorder(input: unknown, index: number): ValidatedWorkorder {
	if (!isPlainObject(input)) throw new OutSmartFailure(1504, [`Workorder ${index} is not an object`]);
	const missing: string[] = REQUIRED_WORKORDER_FIELDS.filter((f) => isMissing(input[f])).map(requiredMissing);
	const invalid: string[] = [];

	const fields: Record<string, string | null> = {};
	for (const [field, value] of Object.entries(input)) {
		if (ARRAY_FIELDS.includes(field) || SERVER_FIELDS.includes(field)) continue;
		fields[field] = value === null ? null : str(value);
	}
	for (const field of ['WorkDate', 'WorkEndDate']) {
		if (isMissing(input[field])) continue;
		const date = normaliseDmy(input[field]);
		if (!date) invalid.push(DATE_INVALID);
		else fields[field] = date;
	}
	for (const field of ['WorkTime', 'WorkEndTime']) {
		if (!isMissing(input[field]) && readTime(input[field]) === undefined) invalid.push(TIME_INVALID);
	}
	for (const field of ['WorkDuration', 'PickupPlanning', 'WebPlanning']) {
		if (isMissing(input[field])) continue;
		const n = readNumber(input[field]);
		if (n === undefined || !Number.isInteger(n)) invalid.push(`Unable to parse ${field}: ${str(input[field])}`);
	}
	const materials = readMaterials(input.Materials, missing, invalid);
	const workperiods = readWorkperiods(input.Workperiods, missing, invalid);

	if (missing.length) throw new OutSmartFailure(1501, [...new Set(missing)]);
	if (invalid.length) throw new OutSmartFailure(1504, [...new Set(invalid)]);

	const documents = toList(input.Attachments).flatMap((a) => {
		if (!isPlainObject(a)) return [];
		if (typeof a.File === 'string' && a.File) return [a.File];
		if (typeof a.FileName === 'string' && a.FileName) return [`uploads/documents/${a.FileName}`];
		return [];
	});
	return {
		fields,
		materials,
		workperiods,
		documents,
		forms: toList(input.Forms),
		employees: toList(input.Employees).map(str),
		workObjects: toList(input.WorkObjects).map(str),
	};
}

// ---------------------------------------------------------------------------------------------- create

function planEnd(fields: Record<string, string | null>): void {
	const duration = Number(fields.WorkDuration ?? 0);
	const start = readDmy(fields.WorkDate);
	const time = readTime(fields.WorkTime);
	if (!duration || !start || time === undefined || fields.WorkEndDate || fields.WorkEndTime) return;
	const end = new Date(Date.UTC(start.y, start.m - 1, start.d) + (time + duration) * 60_000);
	fields.WorkEndDate = dmy({ y: end.getUTCFullYear(), m: end.getUTCMonth() + 1, d: end.getUTCDate() });
	fields.WorkEndTime = hhmm(end.getUTCHours() * 60 + end.getUTCMinutes());
}

export interface CreateOverrides {
	/** Seeds only: a fixed CreationDate ("Y-m-d H:i"). */
	creationDate?: string;
}

/** PostWorkorders: validates every work order first, then stores them all; returns [{workorder_no, row_id}]. */
export function createWorkorders(
	host: WorkorderHost,
	inputs: unknown[],
	overrides: CreateOverrides[] = [],
): Array<{ workorder_no: string; row_id: number }> {
	const validated = inputs.map((input, i) => validateWorkorder(input, i));
	const seen = new Set(host.workorders.map((w) => w.fields.WorkorderNo));
	for (const v of validated) {
		const no = v.fields.WorkorderNo as string;
		if (seen.has(no)) throw new OutSmartFailure(1504, [`WorkorderNo already exists: ${no}`]);
		seen.add(no);
	}
	return validated.map((v, i) => {
		const id = host.nextWorkorderId();
		const code = createHash('sha256').update(`${id}:${v.fields.WorkorderNo}`).digest('hex').slice(0, 32);
		const base = host.publicUrl();
		const fields: Record<string, string | null> = {
			...v.fields,
			OrderNr: isMissing(v.fields.OrderNr) ? host.nextOrderNr() : v.fields.OrderNr,
			CreationDate: overrides[i]?.creationDate ?? creationDate(host.now()),
			PdfUrl: `${base}/mailpdf.php?action=display&sheet_id=${code}`,
			WordUrl: `${base}/mailpdf.php?action=word&sheet_id=${code}`,
			WorksheetCode: code,
		};
		planEnd(fields);
		const workorder: StoredWorkorder = {
			id,
			status: 'Klaargezet',
			fields,
			materials: v.materials,
			workperiods: v.workperiods,
			photos: [],
			documents: v.documents.map((d) => (d.startsWith('uploads/') ? `${base}/${d}` : d)),
			forms: v.forms,
			employees: v.employees,
			workObjects: v.workObjects,
			history: [{ at: host.now().toISOString(), from: null, to: 'Klaargezet', by: 'PostWorkorders' }],
		};
		host.workorders.push(workorder);
		return { workorder_no: fields.WorkorderNo as string, row_id: id };
	});
}

// ---------------------------------------------------------------------------------------------- render

function renderMaterial(line: RecordData, style: AmountStyle): RecordData {
	const nr = typeof line.MaterialNr === 'number' ? line.MaterialNr : 0;
	const price = typeof line.MaterialPrice === 'number' ? line.MaterialPrice : 0;
	const out: RecordData = {};
	for (const field of MATERIAL_FIELDS) {
		if (field === 'MaterialTotalPrice') out[field] = commaAmount(nr * price, style);
		else if (field === 'MaterialNr') out[field] = quantity(nr);
		else if (field === 'MaterialPrice') out[field] = commaAmount(price, style);
		else if (field === 'MaterialUnit') out[field] = line[field] ?? '';
		else out[field] = line[field] ?? null;
	}
	for (const [field, value] of Object.entries(line)) if (!(field in out)) out[field] = value;
	return out;
}

function renderWorkperiod(period: RecordData): RecordData {
	const out: RecordData = {};
	for (const field of WORKPERIOD_FIELDS) {
		const value = period[field];
		out[field] = field === 'Break' ? String(value ?? 0) : value === undefined ? '' : value;
	}
	for (const [field, value] of Object.entries(period)) if (!(field in out)) out[field] = value;
	return out;
}

/** A work order exactly as GetWorkorder(s) returns it. */
export function renderWorkorder(workorder: StoredWorkorder, style: AmountStyle): RecordData {
	const out: RecordData = { id: String(workorder.id) };
	for (const field of WORKORDER_FIELDS) {
		if (field === 'status') out.status = workorder.status;
		else if (field in workorder.fields) out[field] = workorder.fields[field];
		else out[field] = field in FIELD_DEFAULTS ? FIELD_DEFAULTS[field] : '';
	}
	for (const [field, value] of Object.entries(workorder.fields)) if (!(field in out)) out[field] = value;
	out.Photos = workorder.photos;
	out.Workperiods = workorder.workperiods.map(renderWorkperiod);
	out.Materials = workorder.materials.map((m) => renderMaterial(m, style));
	out.Documents = workorder.documents;
	out.Forms = workorder.forms;
	out.Employees = workorder.employees;
	out.WorkObjects = workorder.workObjects;
	return out;
}

// ---------------------------------------------------------------------------------------------- read

export interface WorkorderRef {
	rowId?: string | number;
	workorderNo?: string;
}

export function findWorkorder(host: WorkorderHost, ref: WorkorderRef): StoredWorkorder | undefined {
	if (ref.rowId !== undefined && String(ref.rowId) !== '') {
		return host.workorders.find((w) => String(w.id) === String(ref.rowId));
	}
	if (ref.workorderNo !== undefined && ref.workorderNo !== '') {
		return host.workorders.find((w) => w.fields.WorkorderNo === ref.workorderNo);
	}
	return undefined;
}

function refFromQuery(query: Query): WorkorderRef {
	return { rowId: scalar(query, 'row_id'), workorderNo: scalar(query, 'workorder_no') };
}

/** `update_status`: true unless the client sent the literal `false`. */
export function readUpdateStatus(query: Query): { mark: boolean; explicit: boolean } {
	const raw = scalar(query, 'update_status');
	if (raw === undefined) return { mark: true, explicit: false };
	return { mark: raw.trim().toLowerCase() !== 'false', explicit: true };
}

function markHandled(
	host: WorkorderHost,
	list: StoredWorkorder[],
	endpoint: StatusChange['endpoint'],
	explicit: boolean,
): void {
	const at = host.now().toISOString();
	for (const workorder of list) {
		if (workorder.status === 'Afgehandeld') continue;
		const change: StatusChange = {
			at,
			rowId: workorder.id,
			workorderNo: workorder.fields.WorkorderNo ?? '',
			from: workorder.status,
			to: 'Afgehandeld',
			endpoint,
			explicit,
		};
		workorder.history.push({ at, from: workorder.status, to: 'Afgehandeld', by: `${endpoint} update_status` });
		workorder.status = 'Afgehandeld';
		host.onStatusChangedByRead(change);
	}
}

/**
 * GetWorkorders?status=Alle|Klaargezet|Opgehaald|Compleet|Afgehandeld&workstatus=..&update_status=..
 * A missing status means Alle (the OpenAPI marks it required but documents no error for its absence). The answer
 * shows the work orders as they were read; the status change happens after the read.
 */
export function getWorkorders(host: WorkorderHost, query: Query): Envelope {
	const status = (scalar(query, 'status') ?? 'Alle').trim().toLowerCase();
	const workstatus = scalar(query, 'workstatus');
	const { mark, explicit } = readUpdateStatus(query);
	const selected = host.workorders.filter(
		(w) =>
			(status === 'alle' || w.status.toLowerCase() === status) &&
			(workstatus === undefined || workstatus === '' || (w.fields.WorkStatus ?? '') === workstatus),
	);
	const rendered = selected.map((w) => renderWorkorder(w, host.amountStyle));
	const filtered = applyFilters(rendered, readFilters(query), ['id', ...WORKORDER_FIELDS]);
	const returnedIds = new Set(filtered.rows.map((r) => r.id));
	if (mark) {
		markHandled(host, selected.filter((w) => returnedIds.has(String(w.id))), 'GetWorkorders', explicit);
	}
	return { code: 200, messages: filtered.messages, response: filtered.rows };
}

/** GetWorkorder?row_id=..|workorder_no=..&update_status=.. */
export function getWorkorder(host: WorkorderHost, query: Query): Envelope {
	const workorder = findWorkorder(host, refFromQuery(query));
	if (!workorder) throw new OutSmartFailure(1500);
	const rendered = renderWorkorder(workorder, host.amountStyle);
	const { mark, explicit } = readUpdateStatus(query);
	if (mark) markHandled(host, [workorder], 'GetWorkorder', explicit);
	return ok(rendered);
}

// ---------------------------------------------------------------------------------------------- update

/**
 * UpdateWorkorder (GET): row_id or workorder_no, plus workdate (d-m-Y), worktime (H:i), employee_nr (must
 * exist) and workstatus (must exist in workstatusses). No data -> 1502; invalid values -> 1504 with all
 * messages and nothing applied; values equal to the current ones -> 1503.
 */
export function updateWorkorder(host: WorkorderHost, query: Query): Envelope {
	const workorder = findWorkorder(host, refFromQuery(query));
	if (!workorder) throw new OutSmartFailure(1500);
	const workdate = scalar(query, 'workdate');
	const worktime = scalar(query, 'worktime');
	const employee = scalar(query, 'employee_nr');
	const workstatus = scalar(query, 'workstatus');
	const given = [workdate, worktime, employee, workstatus].filter((v) => v !== undefined && v !== '');
	if (!given.length) throw new OutSmartFailure(1502, ['No update data']);

	const changes: Record<string, string> = {};
	const invalid: string[] = [];
	if (workdate) {
		const date = normaliseDmy(workdate);
		if (date) changes.WorkDate = date;
		else invalid.push(DATE_INVALID);
	}
	if (worktime) {
		if (readTime(worktime) !== undefined) changes.WorkTime = worktime.trim();
		else invalid.push(TIME_INVALID);
	}
	if (employee) {
		if (host.table('employees').some((e) => str(e.data.number) === employee)) changes.EmployeeNr = employee;
		else invalid.push('Employee not updated');
	}
	if (workstatus) {
		if (host.table('workstatusses').some((s) => str(s.data.sta_code) === workstatus)) changes.WorkStatus = workstatus;
		else invalid.push('Workstatus not updated');
	}
	if (invalid.length) throw new OutSmartFailure(1504, invalid);
	const changed = Object.entries(changes).filter(([field, value]) => (workorder.fields[field] ?? '') !== value);
	if (!changed.length) throw new OutSmartFailure(1503, ['No data changed']);
	for (const [field, value] of changed) workorder.fields[field] = value;
	return ok(null);
}

/** UpdateWorkorder (POST, "Materials"): body = material lines; ClearMaterials=true replaces the existing ones. */
export function updateWorkorderMaterials(host: WorkorderHost, query: Query, body: unknown[]): Envelope {
	const workorder = findWorkorder(host, refFromQuery(query));
	if (!workorder) throw new OutSmartFailure(1500);
	const missing: string[] = [];
	const invalid: string[] = [];
	const lines = readMaterials(body, missing, invalid);
	if (missing.length) throw new OutSmartFailure(1501, [...new Set(missing)]);
	if (invalid.length) throw new OutSmartFailure(1504, [...new Set(invalid)]);
	const clear = (scalar(query, 'ClearMaterials') ?? '').toLowerCase() === 'true';
	workorder.materials = clear ? lines : [...workorder.materials, ...lines];
	return ok(null);
}

// ---------------------------------------------------------------------------------------------- technician

export interface CompleteWorkperiodInput {
	WorkDate?: string;
	BeginTime?: string;
	EndTime?: string;
	Break?: number | string;
	Travel?: string | number;
	WorkRemark?: string;
	HourType?: string;
	EmployeeNr?: string;
	/** Overrides the computed TotalTime (e.g. "00:00" for a registration without time). */
	TotalTime?: string;
}

export interface CompleteMaterialInput {
	MaterialCode: string;
	MaterialNr: number | string;
	MaterialPrice?: number | string;
	MaterialName?: string;
	MaterialUnit?: string;
	[extra: string]: unknown;
}

export interface CompleteOptions {
	/** Work periods to register; default: one period on the planned date from the planned time, 2 hours. */
	workperiods?: CompleteWorkperiodInput[];
	/** Material lines used; default: the planned lines. Price/name/unit default from the materials table. */
	materials?: CompleteMaterialInput[];
	/** Append to the planned lines instead of replacing them. */
	appendMaterials?: boolean;
	workStatus?: string;
	/** WorkFinished flag (default true). */
	workFinished?: boolean;
	workDescription?: string;
	employeeNr?: string;
	signature?: boolean;
	photos?: number;
}

/** As a technician finishing a work order in the app: status Compleet with periods, materials, signature. */
export function completeWorkorder(host: WorkorderHost, workorder: StoredWorkorder, options: CompleteOptions = {}): void {
	const employeeNr =
		options.employeeNr ?? (workorder.fields.EmployeeNr || str(host.table('employees')[0]?.data.number ?? ''));
	const hourType = str(host.table('hourtypes')[0]?.data.code ?? '');
	const plannedDate = workorder.fields.WorkDate || dmy(readDmyOrToday(host));
	const periods = options.workperiods ?? [
		{ WorkDate: plannedDate, BeginTime: workorder.fields.WorkTime || '08:00', EndTime: undefined },
	];
	workorder.workperiods = periods.map((p) => {
		const begin = readTime(p.BeginTime ?? '08:00') ?? 480;
		const end = p.EndTime !== undefined ? (readTime(p.EndTime) ?? begin) : Math.min(begin + 120, 23 * 60 + 59);
		const breakMinutes = Number(readNumber(p.Break ?? 0) ?? 0);
		return {
			WorkDate: normaliseDmy(p.WorkDate ?? plannedDate) ?? plannedDate,
			BeginTime: hhmm(begin),
			EndTime: hhmm(end),
			Break: breakMinutes,
			TotalTime: p.TotalTime ?? hhmm(Math.max(0, end - begin - breakMinutes)),
			Travel: str(p.Travel ?? '0'),
			WorkRemark: p.WorkRemark ?? '',
			HourType: p.HourType ?? hourType,
			EmployeeNr: p.EmployeeNr ?? employeeNr,
		};
	});
	if (options.materials) {
		const lines = options.materials.map((m) => {
			const known = host.table('materials').find((r) => str(r.data.code) === m.MaterialCode)?.data ?? {};
			const { MaterialCode, MaterialNr, MaterialPrice, MaterialName, MaterialUnit, ...extra } = m;
			return {
				MaterialCode,
				MaterialNr: readNumber(MaterialNr) ?? 0,
				MaterialPrice: readNumber(MaterialPrice ?? known.price ?? 0) ?? 0,
				MaterialName: MaterialName ?? str(known.description ?? MaterialCode),
				MaterialUnit: MaterialUnit ?? str(known.unit ?? ''),
				MaterialType: null,
				...extra,
			};
		});
		workorder.materials = options.appendMaterials ? [...workorder.materials, ...lines] : lines;
	}
	const base = host.publicUrl();
	const code = workorder.fields.WorksheetCode ?? String(workorder.id);
	if (options.signature !== false) {
		workorder.fields.Signature = `${code.slice(0, 14)}.png`;
		workorder.fields.SignatureUrl = `${base}/uploads/handtekeningen/${code.slice(0, 14)}.png`;
	}
	const photoCount = options.photos ?? 1;
	workorder.photos = Array.from({ length: photoCount }, (_, i) => ({
		image: `${base}/werkbonimages/${code}_${i + 1}.png`,
		title: `WorkOrderImage_${i + 1}`,
	}));
	if (options.workDescription !== undefined) workorder.fields.WorkDescription = options.workDescription;
	if (options.workStatus !== undefined) workorder.fields.WorkStatus = options.workStatus;
	workorder.fields.EmployeeNr = employeeNr;
	workorder.fields.WorkFinished = options.workFinished === false ? '0' : '1';
	setStatus(host, workorder, 'Compleet', 'technician');
}

function readDmyOrToday(host: WorkorderHost): { y: number; m: number; d: number } {
	const now = host.now();
	return { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() };
}

export function setStatus(host: WorkorderHost, workorder: StoredWorkorder, status: WorkorderStatus, by: string): void {
	if (!WORKORDER_STATUSES.includes(status)) throw new Error(`Unknown status: ${status}`);
	workorder.history.push({ at: host.now().toISOString(), from: workorder.status, to: status, by });
	workorder.status = status;
}
