/**
 * Everything the fake OutSmart holds: master data per entity, work orders, stats, the call log and injected
 * faults. Its public methods are the admin interface; the HTTP admin routes (admin.ts) call exactly these.
 */
import { ENTITIES, ENTITY_BY_ENDPOINT, type EntityDef } from './entities';
import { type Fault, type FaultSpec, validateFault } from './faults';
import type { QueryValue } from './filters';
import type { AmountStyle } from './formats';
import { type QuotationInput, QuotationBook } from './quotations';
import { InvoiceBook, type InvoiceInput } from './invoices';
import { type RecordData, type StoredRecord, type UpsertResult, keyOf, renderRecord, upsertRecords } from './records';
import {
	type CompleteOptions,
	type StatusChange,
	type StoredWorkorder,
	type WorkorderHost,
	type WorkorderRef,
	type WorkorderStatus,
	WORKORDER_STATUSES,
	completeWorkorder,
	createWorkorders,
	findWorkorder,
	renderWorkorder,
	setStatus,
} from './workorders';

/** Seed data: master records per endpoint name, and work orders in PostWorkorders shape. */
export interface OutSmartSeed {
	records?: Partial<Record<string, RecordData[]>>;
	workorders?: SeedWorkorder[];
	/** Quotations as made in the app (after the relations, whose names they copy). */
	quotations?: QuotationInput[];
	/** Invoices made in OutSmart (its own invoicing, /invoices). */
	invoices?: InvoiceInput[];
}

/**
 * A work order as posted to PostWorkorders, plus seed/admin-only instructions:
 * `_creationDate` ("Y-m-d H:i"), `_complete` (complete it as a technician), `_status` (final status).
 */
export type SeedWorkorder = RecordData & {
	_creationDate?: string;
	_complete?: CompleteOptions;
	_status?: WorkorderStatus;
};

export interface CallLogEntry {
	seq: number;
	at: string;
	method: string;
	path: string;
	endpoint: string;
	/** The query with token and software_token values replaced by "***". */
	query: Record<string, QueryValue>;
	bodyBytes: number;
	/** Records in a JSON array body. */
	records?: number;
	httpStatus?: number;
	code?: number;
	outcome: 'answered' | 'dropped' | 'hung' | 'cut';
	fault?: number;
	durationMs?: number;
}

export interface WorkorderUpsertInfo {
	at: string;
	workorder_no: string;
	row_id: number;
}

export interface OutSmartStats {
	callsTotal: number;
	/** Calls per endpoint name ("GetWorkorders", "relations", "(none)", "(unknown)"). */
	calls: Record<string, number>;
	/** Calls per "METHOD endpoint". */
	callsByMethod: Record<string, number>;
	/** Answers per envelope code. */
	codes: Record<string, number>;
	/** Work orders a read marked Afgehandeld (update_status true or left out). */
	statusChangedByRead: StatusChange[];
	/** One entry per successful POST of master data, with per-record created/updated/unchanged keys. */
	upserts: Array<UpsertResult & { at: string }>;
	workordersPosted: WorkorderUpsertInfo[];
	faultsFired: number;
}

export interface StateOptions {
	token: string;
	softwareToken: string;
	amountStyle: AmountStyle;
	now: () => Date;
}

const WORKORDER_ENTITY = 'workorders';
const CALL_LOG_LIMIT = 2000;

function emptyStats(): OutSmartStats {
	return {
		callsTotal: 0,
		calls: {},
		callsByMethod: {},
		codes: {},
		statusChangedByRead: [],
		upserts: [],
		workordersPosted: [],
		faultsFired: 0,
	};
}

export class OutSmartState implements WorkorderHost {
	readonly tables = new Map<string, StoredRecord[]>();
	workorders: StoredWorkorder[] = [];
	readonly quotations = new QuotationBook(this);
	/** OutSmart's own invoices and their payment transactions. */
	invoicing!: InvoiceBook;
	amountStyle: AmountStyle;
	readonly token: string;
	readonly softwareToken: string;
	private statsData = emptyStats();
	private log: CallLogEntry[] = [];
	private faultList: Fault[] = [];
	private dbRow = 1;
	private workorderId = 169824;
	private orderSeq = 1;
	private faultSeq = 1;
	private callSeq = 1;
	private baseUrl = 'http://127.0.0.1';
	private readonly clock: () => Date;

	constructor(options: StateOptions) {
		this.token = options.token;
		this.softwareToken = options.softwareToken;
		this.amountStyle = options.amountStyle;
		this.clock = options.now;
		this.clearData();
	}

	// ------------------------------------------------------------------ WorkorderHost

	now(): Date {
		return this.clock();
	}

	/** Root URL of the simulator (PdfUrl, photos and signatures point here). */
	publicUrl(): string {
		return this.baseUrl;
	}

	setPublicUrl(url: string): void {
		this.baseUrl = url.replace(/\/+$/, '');
	}

	nextWorkorderId(): number {
		return this.workorderId++;
	}

	nextOrderNr(): string {
		return `WB-${this.now().getUTCFullYear()}-${String(this.orderSeq++).padStart(5, '0')}`;
	}

	nextDbRow(): number {
		return this.dbRow++;
	}

	table(endpoint: string): StoredRecord[] {
		let rows = this.tables.get(endpoint);
		if (!rows) {
			rows = [];
			this.tables.set(endpoint, rows);
		}
		return rows;
	}

	onStatusChangedByRead(change: StatusChange): void {
		this.statsData.statusChangedByRead.push(change);
	}

	// ------------------------------------------------------------------ reset and seed

	private clearData(): void {
		this.tables.clear();
		for (const entity of ENTITIES) this.tables.set(entity.endpoint, []);
		this.workorders = [];
		this.quotations.clear();
		this.invoicing = new InvoiceBook(() => this.now(), () => this.publicUrl());
		this.dbRow = 1;
		this.workorderId = 169824;
		this.orderSeq = 1;
	}

	/** Empties everything: data, stats, call log and faults; then loads the seed if given. */
	reset(seed?: OutSmartSeed): void {
		this.clearData();
		this.statsData = emptyStats();
		this.log = [];
		this.faultList = [];
		if (seed) this.loadSeed(seed);
	}

	/** Loads seed data on top of the current data (records upserted by key, work orders added). */
	loadSeed(seed: OutSmartSeed): { records: Record<string, number>; workorders: number } {
		const records: Record<string, number> = {};
		for (const [endpoint, rows] of Object.entries(seed.records ?? {})) {
			if (!rows?.length) continue;
			records[endpoint] = this.insert(endpoint, rows).count;
		}
		const workorders = seed.workorders?.length ? this.insertWorkorders(seed.workorders).length : 0;
		if (seed.quotations?.length) this.quotations.add(seed.quotations);
		for (const invoice of seed.invoices ?? []) this.invoicing.addInvoice(invoice);
		return { records, workorders };
	}

	// ------------------------------------------------------------------ records (admin)

	private entity(endpoint: string): EntityDef {
		const def = ENTITY_BY_ENDPOINT.get(endpoint);
		if (!def) throw new Error(`Unknown entity: ${endpoint} (known: ${[...ENTITY_BY_ENDPOINT.keys(), WORKORDER_ENTITY].join(', ')})`);
		return def;
	}

	/** All records of an entity as OutSmart's GET returns them; `workorders` gives rendered work orders. */
	list(endpoint: string): RecordData[] {
		if (endpoint === WORKORDER_ENTITY) return this.workorders.map((w) => renderWorkorder(w, this.amountStyle));
		const def = this.entity(endpoint);
		return this.table(endpoint).map((r) => renderRecord(def, r, this.amountStyle));
	}

	/** The stored rows with their internal db_row (DeleteEntity key). */
	rows(endpoint: string): StoredRecord[] {
		this.entity(endpoint);
		return this.table(endpoint);
	}

	/** Insert or update by key, with OutSmart's validation (throws OutSmartFailure on invalid rows). */
	insert(endpoint: string, rows: RecordData[]): UpsertResult {
		if (endpoint === WORKORDER_ENTITY) {
			const created = this.insertWorkorders(rows as SeedWorkorder[]);
			return {
				entity: WORKORDER_ENTITY,
				count: created.length,
				created: created.map((c) => c.workorder_no),
				updated: [],
				unchanged: [],
			};
		}
		const def = this.entity(endpoint);
		return upsertRecords(def, this.table(endpoint), rows, () => this.nextDbRow());
	}

	/** Records an API upsert in the stats. */
	noteUpsert(result: UpsertResult): void {
		this.statsData.upserts.push({ ...result, at: this.now().toISOString() });
	}

	notePostedWorkorders(created: Array<{ workorder_no: string; row_id: number }>): void {
		const at = this.now().toISOString();
		for (const c of created) this.statsData.workordersPosted.push({ at, ...c });
	}

	/** Merges fields into one record (no validation: admin only). Key = the entity's key value, "a|b" for pairs. */
	update(endpoint: string, key: string, patch: RecordData): RecordData {
		if (endpoint === WORKORDER_ENTITY) {
			const workorder = this.requireWorkorder(key);
			for (const [field, value] of Object.entries(patch)) {
				if (field === 'status') setStatus(this, workorder, value as WorkorderStatus, 'admin');
				else workorder.fields[field] = value === null ? null : String(value);
			}
			return renderWorkorder(workorder, this.amountStyle);
		}
		const def = this.entity(endpoint);
		const record = this.table(endpoint).find((r) => keyOf(def, r.data) === key || String(r.db_row) === key);
		if (!record) throw new Error(`No ${endpoint} record with key ${key}`);
		record.data = { ...record.data, ...patch };
		return renderRecord(def, record, this.amountStyle);
	}

	remove(endpoint: string, key: string): boolean {
		if (endpoint === WORKORDER_ENTITY) {
			const workorder = this.requireWorkorder(key);
			this.workorders = this.workorders.filter((w) => w !== workorder);
			return true;
		}
		const def = this.entity(endpoint);
		const rows = this.table(endpoint);
		const index = rows.findIndex((r) => keyOf(def, r.data) === key || String(r.db_row) === key);
		if (index < 0) return false;
		rows.splice(index, 1);
		return true;
	}

	// ------------------------------------------------------------------ work orders (admin)

	/** Finds a work order by row id or WorkorderNo. */
	findWorkorder(ref: string | number): StoredWorkorder | undefined {
		const text = String(ref);
		return findWorkorder(this, { rowId: text }) ?? findWorkorder(this, { workorderNo: text } satisfies WorkorderRef);
	}

	private requireWorkorder(ref: string | number): StoredWorkorder {
		const workorder = this.findWorkorder(ref);
		if (!workorder) throw new Error(`No work order with row id or WorkorderNo ${ref}`);
		return workorder;
	}

	getWorkorder(ref: string | number): RecordData {
		return renderWorkorder(this.requireWorkorder(ref), this.amountStyle);
	}

	/** Adds work orders as PostWorkorders does (same validation), then applies `_complete` / `_status`. */
	insertWorkorders(inputs: SeedWorkorder[]): Array<{ workorder_no: string; row_id: number }> {
		const posts = inputs.map((input) => {
			const post: RecordData = { ...input };
			delete post._creationDate;
			delete post._complete;
			delete post._status;
			return post;
		});
		const created = createWorkorders(
			this,
			posts,
			inputs.map((i) => ({ creationDate: i._creationDate })),
		);
		inputs.forEach((input, i) => {
			const workorder = this.requireWorkorder(created[i].row_id);
			if (input._complete) completeWorkorder(this, workorder, input._complete);
			if (input._status && input._status !== workorder.status) setStatus(this, workorder, input._status, 'seed');
		});
		return created;
	}

	/** As a technician in the app: the work order becomes Compleet with work periods, materials, signature. */
	completeWorkorder(ref: string | number, options: CompleteOptions = {}): RecordData {
		const workorder = this.requireWorkorder(ref);
		completeWorkorder(this, workorder, options);
		return renderWorkorder(workorder, this.amountStyle);
	}

	/** Sets the status and/or the customer-defined WorkStatus code. */
	setWorkorderStatus(ref: string | number, change: { status?: WorkorderStatus; workStatus?: string }): RecordData {
		const workorder = this.requireWorkorder(ref);
		if (change.status !== undefined) {
			if (!WORKORDER_STATUSES.includes(change.status)) {
				throw new Error(`Unknown status ${String(change.status)} (use ${WORKORDER_STATUSES.join(', ')})`);
			}
			setStatus(this, workorder, change.status, 'admin');
		}
		if (change.workStatus !== undefined) workorder.fields.WorkStatus = change.workStatus;
		return renderWorkorder(workorder, this.amountStyle);
	}

	/** Status history of one work order (who changed it: PostWorkorders, technician, a read, admin). */
	workorderHistory(ref: string | number): StoredWorkorder['history'] {
		return this.requireWorkorder(ref).history;
	}

	// ------------------------------------------------------------------ stats and call log

	stats(): OutSmartStats {
		return JSON.parse(JSON.stringify(this.statsData)) as OutSmartStats;
	}

	resetStats(): void {
		this.statsData = emptyStats();
	}

	noteCall(entry: Omit<CallLogEntry, 'seq' | 'at'>): CallLogEntry {
		const full: CallLogEntry = { seq: this.callSeq++, at: this.now().toISOString(), ...entry };
		this.statsData.callsTotal++;
		this.statsData.calls[entry.endpoint] = (this.statsData.calls[entry.endpoint] ?? 0) + 1;
		const byMethod = `${entry.method} ${entry.endpoint}`;
		this.statsData.callsByMethod[byMethod] = (this.statsData.callsByMethod[byMethod] ?? 0) + 1;
		this.log.push(full);
		if (this.log.length > CALL_LOG_LIMIT) this.log.splice(0, this.log.length - CALL_LOG_LIMIT);
		return full;
	}

	noteAnswer(entry: CallLogEntry, answer: { httpStatus?: number; code?: number; outcome: CallLogEntry['outcome']; durationMs: number }): void {
		Object.assign(entry, answer);
		if (answer.code !== undefined) this.statsData.codes[answer.code] = (this.statsData.codes[answer.code] ?? 0) + 1;
	}

	calls(): CallLogEntry[] {
		return JSON.parse(JSON.stringify(this.log)) as CallLogEntry[];
	}

	clearCalls(): void {
		this.log = [];
	}

	// ------------------------------------------------------------------ faults

	addFault(spec: FaultSpec): Fault {
		const fault: Fault = { ...validateFault(spec), id: this.faultSeq++, fired: 0 };
		this.faultList.push(fault);
		return fault;
	}

	faults(): Fault[] {
		return this.faultList.map((f) => ({ ...f }));
	}

	/** Internal: the live fault objects, for matching. */
	activeFaults(): Fault[] {
		return this.faultList;
	}

	noteFaultFired(fault: Fault): void {
		fault.fired++;
		this.statsData.faultsFired++;
	}

	removeFault(id: number): boolean {
		const before = this.faultList.length;
		this.faultList = this.faultList.filter((f) => f.id !== id);
		return this.faultList.length !== before;
	}

	clearFaults(): void {
		this.faultList = [];
	}
}
