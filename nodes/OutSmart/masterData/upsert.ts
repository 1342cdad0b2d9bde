/**
 * Upsert of master data for all input items of one run. OutSmart's POST inserts or updates by key and answers
 * only a count, so to say per record what happened:
 * 1. read the existing records once (one GET per entity per run, cached for the run);
 * 2. classify each item: created (key unknown), updated (some sent field differs), unchanged (none differs);
 *    unchanged records are not sent unless asked;
 * 3. send the rest in batches; when OutSmart refuses a batch for a record-level reason (a required field, a
 *    value it cannot parse), split it until the refused record is alone: that item gets OutSmart's reason,
 *    the others are stored. Re-sending a record is harmless: an upsert of the same data changes nothing.
 * The result is one entry per input item: a JSON result, a refusal (something in that record: OutSmart refused
 * it, or it cannot be sent as it is), or an error that is not the record's (auth, network, OutSmart down).
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { asNodeError } from '../../shared/nodeErrors';
import { type OutSmartEntity, fieldOf } from '../../OutSmartApi/entities';
import { deleteEntity, describeOutSmartCode, isUncertainOutcome, listRecords, OutSmartFormatError, outSmartErrorDetails, upsertRecords } from '../../OutSmartApi/transport';
import { cleanRecord } from '../../OutSmartApi/values/clean';
import { comparable, formatValue } from '../../OutSmartApi/values/format';
import { refusalReason } from '../../OutSmartApi/refusals';
import { type FromExact, mapFromExact } from './fromExact';

/** skipped: a deactivation or payment data for a record OutSmart does not have (nothing to change, nothing created). */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export type ItemResult =
	| { json: IDataObject }
	/** Something in this record: the other records go on. */
	| { refused: NodeApiError | NodeOperationError }
	/** Not about this record (auth, network, OutSmart down): the run must stop. */
	| { error: NodeApiError | NodeOperationError };

interface Planned {
	itemIndex: number;
	key: string;
	body: IDataObject;
	outcome: Outcome;
	changedFields: string[];
	ignoredFields: string[];
}

interface Prepared {
	itemIndex: number;
	body: IDataObject;
	ignored: string[];
	updateOnly: boolean;
	fromExisting?: FromExact['fromExisting'];
}

/** An item with nothing to send (see FromExact.skip). */
interface Skipped {
	itemIndex: number;
	skip: string;
}

interface UpsertOptions {
	batchSize?: number;
	sendUnchanged?: boolean;
	replaceOthers?: boolean;
	includeRecord?: boolean;
}

interface FieldsUi {
	field?: Array<{ name?: string; value?: unknown }>;
}

export function keyOf(entity: OutSmartEntity, record: IDataObject): string {
	return entity.key.map((name) => comparable(fieldOf(entity, name)?.kind ?? 'text', record[name])).join('|');
}

/** The entity's records in OutSmart by key (one GET: OutSmart has no paging and no "changed since"). */
async function existingRecords(this: IExecuteFunctions, entity: OutSmartEntity): Promise<Map<string, IDataObject>> {
	const { records } = await listRecords.call(this, entity.endpoint);
	return new Map(records.map((record) => [keyOf(entity, record), record]));
}

// ------------------------------------------------------------------------------- one item -> a record

function itemFields(this: IExecuteFunctions, entity: OutSmartEntity, itemIndex: number): FromExact {
	const mode = this.getNodeParameter('dataMode', itemIndex, 'defineBelow') as string;
	if (mode === 'autoMapInputData') return { record: { ...this.getInputData()[itemIndex].json }, updateOnly: false };
	// Mapped from an Exact record, then the fields below on top of it.
	const mapped: FromExact = mode === 'fromExact' ? mapFromExact.call(this, entity, itemIndex) : { record: {}, updateOnly: false };
	if (mapped.skip) return mapped;
	const fields: IDataObject = { ...mapped.record };
	for (const { name, value } of (this.getNodeParameter('fieldsUi', itemIndex, {}) as FieldsUi).field ?? []) {
		if (!name) throw new NodeOperationError(this.getNode(), 'A field in "Fields" has no name', { itemIndex });
		fields[name] = value as IDataObject[string];
	}
	return { ...mapped, record: fields };
}

/** The record to send for one item, formatted for OutSmart; refuses an item without its key. */
function prepare(this: IExecuteFunctions, entity: OutSmartEntity, itemIndex: number): Prepared | Skipped {
	const mapped = itemFields.call(this, entity, itemIndex);
	if (mapped.skip) return { itemIndex, skip: mapped.skip };
	const { body, ignored } = formatFields.call(this, entity, mapped.record, itemIndex);
	const missing = entity.requiredKey.filter((name) => body[name] === undefined || body[name] === null || body[name] === '');
	if (missing.length) {
		throw new NodeOperationError(this.getNode(), `The ${entity.label} has no ${missing.join(', ')}`, {
			itemIndex,
			description: `OutSmart identifies a ${entity.label} by ${entity.key.join(' + ')}: fill in ${missing.join(', ')}.`,
		});
	}
	return { itemIndex, body, ignored, updateOnly: mapped.updateOnly, fromExisting: mapped.fromExisting };
}

/** Fields written the way OutSmart wants them; names OutSmart does not know are listed, not sent. */
function formatFields(this: IExecuteFunctions, entity: OutSmartEntity, given: IDataObject, itemIndex: number): { body: IDataObject; ignored: string[] } {
	const body: IDataObject = {};
	const ignored: string[] = [];
	for (const [name, value] of Object.entries(given)) {
		const field = fieldOf(entity, name);
		if (!field) {
			ignored.push(name);
			continue;
		}
		if (value === undefined) continue;
		try {
			body[name] = formatValue(field.kind, value);
		} catch (error) {
			const reason = error instanceof OutSmartFormatError ? error.message : String(error);
			throw new NodeOperationError(this.getNode(), `The ${entity.label} field ${name} cannot be sent: ${reason}`, { itemIndex });
		}
	}
	return { body, ignored };
}

// ------------------------------------------------------------------------------- sending

/**
 * Codes that mean "this data is refused": 1051 and the entity codes x00 (insert/update failed) and x01 (field
 * missing) from 1100 up, except 14xx-16xx (locations, work orders, delete). Auth, endpoint, body and server
 * codes concern the whole call.
 */
function isRecordRefusal(code: number): boolean {
	if (code === 1051) return true;
	return code >= 1100 && !(code >= 1400 && code < 1700) && (code % 100 === 0 || code % 100 === 1);
}

function describe(entity: OutSmartEntity, record: Planned): string {
	return `${entity.label} ${record.key.replace(/\|+$/, '').replace(/^\|+/, '') || '(no key)'}`;
}

class Sender {
	readonly failures = new Map<Planned, ItemResult>();
	calls = 0;
	/** A failure that is not about a record (auth, endpoint, network, OutSmart down): later batches are not sent. */
	private stoppedBy?: { error: unknown; cause: NodeApiError | NodeOperationError };

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly entity: OutSmartEntity,
	) {}

	async send(records: Planned[]): Promise<void> {
		if (!records.length) return;
		if (this.stoppedBy) {
			for (const record of records) this.failures.set(record, { error: this.notSent(record) });
			return;
		}
		try {
			this.calls++;
			await upsertRecords.call(this.ctx, this.entity.endpoint, records.map((r) => r.body), { itemIndex: records[0].itemIndex });
		} catch (error) {
			const details = outSmartErrorDetails(error);
			if (details && isRecordRefusal(details.code)) {
				if (records.length === 1) {
					this.failures.set(records[0], { refused: this.refused(records[0], details.code, details.messages) });
					return;
				}
				const middle = Math.ceil(records.length / 2);
				await this.send(records.slice(0, middle));
				await this.send(records.slice(middle));
				return;
			}
			this.stoppedBy = { error, cause: asNodeError(this.ctx.getNode(), error) };
			for (const record of records) this.failures.set(record, { error: this.batchFailed(record, error) });
		}
	}

	private notSent(record: Planned): NodeOperationError {
		const cause = this.stoppedBy?.cause;
		return new NodeOperationError(this.ctx.getNode(), `${describe(this.entity, record)} was not sent: an earlier batch failed: ${cause?.message ?? ''}`, {
			description: `${cause?.description ? `${cause.description} ` : ''}Running the node again is safe: an upsert of the same data changes nothing.`,
			itemIndex: record.itemIndex,
		});
	}

	private refused(record: Planned, code: number, messages: string[]): NodeApiError {
		const info = describeOutSmartCode(code);
		return new NodeApiError(this.ctx.getNode(), { outSmartCode: code, messages } as JsonObject, {
			message: `OutSmart refused ${describe(this.entity, record)}: ${refusalReason(code, messages)} (code ${code})`,
			description: `${info.hint} The other records were sent on their own.`,
			itemIndex: record.itemIndex,
		});
	}

	private batchFailed(record: Planned, error: unknown): NodeApiError | NodeOperationError {
		const cause = asNodeError(this.ctx.getNode(), error, record.itemIndex);
		const uncertain = isUncertainOutcome(error);
		const message = uncertain
			? `OutSmart may or may not have stored ${describe(this.entity, record)}: ${cause.message}`
			: `${describe(this.entity, record)} was not stored: ${cause.message}`;
		const description = [
			cause.description,
			uncertain ? 'Running the node again is safe: an upsert of the same data changes nothing.' : undefined,
		]
			.filter(Boolean)
			.join(' ');
		return cause instanceof NodeApiError
			? new NodeApiError(this.ctx.getNode(), (cause.errorResponse ?? {}) as JsonObject, { message, description, itemIndex: record.itemIndex })
			: new NodeOperationError(this.ctx.getNode(), message, { description, itemIndex: record.itemIndex });
	}
}

// ------------------------------------------------------------------------------- the run

function classify(entity: OutSmartEntity, body: IDataObject, existing: IDataObject | undefined, updateOnly: boolean): Pick<Planned, 'outcome' | 'changedFields'> {
	if (!existing) return { outcome: updateOnly ? 'skipped' : 'created', changedFields: [] };
	const changedFields = Object.keys(body).filter((name) => {
		const kind = fieldOf(entity, name)?.kind ?? 'text';
		return comparable(kind, body[name]) !== comparable(kind, existing[name]);
	});
	return { outcome: changedFields.length ? 'updated' : 'unchanged', changedFields };
}

/** OutSmart validates required fields on every posted row: take the ones left out from the stored record. */
function completeFromExisting(entity: OutSmartEntity, body: IDataObject, existing: IDataObject): IDataObject {
	const complete: IDataObject = { ...body };
	for (const field of entity.fields) {
		if (field.required && complete[field.name] === undefined && existing[field.name] !== undefined) {
			complete[field.name] = existing[field.name];
		}
	}
	return complete;
}

export async function runUpsert(this: IExecuteFunctions, entity: OutSmartEntity): Promise<ItemResult[]> {
	const items = this.getInputData();
	const results: ItemResult[] = new Array(items.length);
	const options = this.getNodeParameter('upsertOptions', 0, {}) as UpsertOptions;
	const batchSize = Math.max(1, Math.floor(options.batchSize ?? 100));

	const prepared: Prepared[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const item = prepare.call(this, entity, itemIndex);
			if ('skip' in item) results[itemIndex] = { json: { outcome: 'skipped', sent: false, reason: item.skip } };
			else prepared.push(item);
		} catch (error) {
			results[itemIndex] = { refused: asNodeError(this.getNode(), error, itemIndex) };
		}
	}
	if (!prepared.length) return results;

	// Classified in input order against a working copy, so a key repeated in the input compares with its predecessor.
	const stored = await existingRecords.call(this, entity);
	const working = new Map(stored);
	const planned: Planned[] = prepared.map((record) => {
		const { itemIndex, ignored } = record;
		const key = keyOf(entity, record.body);
		const existing = working.get(key);
		const body = existing && record.fromExisting ? { ...record.body, ...formatFields.call(this, entity, record.fromExisting(existing), itemIndex).body } : record.body;
		const verdict = classify(entity, body, existing, record.updateOnly);
		if (verdict.outcome !== 'skipped') working.set(key, { ...(existing ?? {}), ...body });
		return { itemIndex, key, body: existing ? completeFromExisting(entity, body, existing) : body, ignoredFields: ignored, ...verdict };
	});

	const replaced = options.replaceOthers ? await replaceOtherLinks.call(this, entity, planned, stored, results) : new Map<Planned, string[]>();
	const sender = new Sender(this, entity);
	const toSend = planned.filter(
		(p) => results[p.itemIndex] === undefined && (p.outcome === 'created' || p.outcome === 'updated' || (p.outcome === 'unchanged' && options.sendUnchanged === true)),
	);
	const sent = new Set(toSend);
	for (let start = 0; start < toSend.length; start += batchSize) {
		await sender.send(toSend.slice(start, start + batchSize));
	}
	this.logger.debug(`OutSmart upsert of ${entity.endpoint}: ${planned.length} records, ${toSend.length} sent in ${sender.calls} calls`);

	for (const record of planned) {
		if (results[record.itemIndex] !== undefined) continue;
		const failure = sender.failures.get(record);
		if (failure) {
			results[record.itemIndex] = failure;
			continue;
		}
		const json: IDataObject = {
			outcome: record.outcome,
			key: record.key,
			sent: sent.has(record),
			changedFields: record.changedFields,
		};
		if (options.includeRecord !== false) json.record = cleanRecord(entity, record.body);
		if (record.outcome === 'skipped') {
			json.reason = `OutSmart has no ${describe(entity, record)}: this record only changes an existing one (a deactivation or payment data), so nothing was created`;
		}
		if (record.ignoredFields.length) json.ignoredFields = record.ignoredFields;
		if (replaced.has(record)) json.replaced = replaced.get(record);
		results[record.itemIndex] = { json };
	}
	return results;
}

/**
 * Only This Link (e.g. a material in one category): a new link whose record has other links clears them first,
 * with one DeleteEntity by the shared field (which also clears the new link's own, so it is sent after). Answers the
 * keys each link replaced; a clearing that fails is that item's error, and its link is not sent.
 */
async function replaceOtherLinks(
	this: IExecuteFunctions,
	entity: OutSmartEntity,
	planned: Planned[],
	stored: Map<string, IDataObject>,
	results: ItemResult[],
): Promise<Map<Planned, string[]>> {
	const replaced = new Map<Planned, string[]>();
	const by = entity.replaceable?.by;
	if (!by || !entity.delete) return replaced;
	const cleared = new Set<string>();
	for (const record of planned) {
		const value = comparable('text', record.body[by]);
		if (record.outcome !== 'created' || cleared.has(value)) continue;
		const others = [...stored].filter(([key, link]) => key !== record.key && comparable('text', link[by]) === value).map(([key]) => key);
		if (!others.length) continue;
		try {
			await deleteEntity.call(this, { entity: entity.delete.entity, key: entity.delete.key, value: String(record.body[by]) }, { itemIndex: record.itemIndex });
			cleared.add(value);
			replaced.set(record, others);
		} catch (error) {
			results[record.itemIndex] = { refused: asNodeError(this.getNode(), error, record.itemIndex) };
		}
	}
	return replaced;
}
