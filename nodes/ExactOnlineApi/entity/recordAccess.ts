/**
 * Reading and writing one record of an Exact entity (by ID or code), from the entity's definition: the generic
 * steps below the operations in ../operations.
 */
import { NodeApiError, type IDataObject } from 'n8n-workflow';
import { padAccountCode } from '../codes';
import { isGuid, odataGuid, odataNumber, odataString, ODataLiteralError } from '../odata';
import { exactGetAll, exactRequest, readList, type ExactContext } from '../transport';
import { titleOf, type ExactEntity } from './definitions';

/** Nothing matched; carries what was looked for, so the node can say it in the user's terms. */
export class RecordNotFoundError extends Error {
	constructor(
		readonly entity: ExactEntity,
		readonly value: string,
		/** Exact's own words, when Exact answered 404. */
		readonly exactMessage?: string,
	) {
		super(`${titleOf(entity)} '${value}' not found`);
	}
}

/** How a value identifies a record: by its key (a GUID) or by its code (account code, item code, ...). */
export type LookupBy = 'id' | 'code';

export function selectFor(entity: ExactEntity, extraFields: string[] = [], allFields?: string[]): string {
	const fields = allFields?.length ? allFields : [...entity.fields, ...extraFields];
	return [...new Set(fields.map((f) => f.trim()).filter(Boolean))].join(',');
}

export function recordPath(entity: ExactEntity, id: string): string {
	return `${entity.path}(${odataGuid(id)})`;
}

export function codeLiteral(entity: ExactEntity, code: string): string {
	if (entity.numericCode) {
		const trimmed = code.trim();
		if (!/^\d+$/.test(trimmed)) {
			throw new ODataLiteralError(`'${code}' is not a ${entity.label} number: use digits only, e.g. 25700001`);
		}
		return odataNumber(Number(trimmed));
	}
	return odataString(entity.paddedCode ? padAccountCode(code) : code.trim());
}

/**
 * One record by its key, or undefined. Asks the collection with a key filter instead of `Entity(guid'…')`:
 * the answer for an unknown ID is then an empty list, not a 404, and Exact blocks an endpoint for an hour
 * after 10 errors. Costs one call.
 */
export async function getById(
	this: ExactContext,
	entity: ExactEntity,
	id: string,
	select: string,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const records = await exactGetAll.call(this, {
		path: entity.path,
		query: { $select: select, $filter: `${entity.key} eq ${odataGuid(id)}` },
		limit: 1,
		itemIndex,
	});
	return records[0];
}

/** One record by its code (e.g. account 1001, item CV-KETEL-01), or undefined. Costs one call. */
export async function findByCode(
	this: ExactContext,
	entity: ExactEntity,
	code: string,
	select: string,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	if (!entity.codeField) throw new Error(`A ${entity.label} has no code to look it up by`);
	const records = await exactGetAll.call(this, {
		path: entity.path,
		query: { $select: select, $filter: `${entity.codeField} eq ${codeLiteral(entity, code)}` },
		limit: 1,
		itemIndex,
	});
	return records[0];
}

/** By ID or by code (a GUID means ID when `by` is not given); RecordNotFoundError when nothing matches. */
export async function getByIdOrCode(
	this: ExactContext,
	entity: ExactEntity,
	value: string,
	select: string,
	itemIndex?: number,
	by: LookupBy = isGuid(value) ? 'id' : 'code',
): Promise<IDataObject> {
	const trimmed = value.trim();
	const record =
		by === 'id'
			? await getById.call(this, entity, trimmed, select, itemIndex)
			: await findByCode.call(this, entity, trimmed, select, itemIndex);
	if (!record) throw new RecordNotFoundError(entity, trimmed);
	return record;
}

export async function createRecord(
	this: ExactContext,
	entity: ExactEntity,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const response = await exactRequest.call(this, { method: 'POST', path: entity.path, body, itemIndex });
	return readList(response.body).records[0] ?? {};
}

/** Exact's own message when the error is a 404 answer; undefined for any other error. */
export function notFoundMessage(error: unknown): string | undefined {
	if (!(error instanceof NodeApiError) || error.httpCode !== '404') return undefined;
	const message = error.errorResponse?.exactMessage;
	return typeof message === 'string' ? message : 'not found';
}

/** PUT answers 204 without a body; we return what was sent with the key, to save a second call. */
export async function updateRecord(
	this: ExactContext,
	entity: ExactEntity,
	id: string,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	await exactRequest.call(this, { method: 'PUT', path: recordPath(entity, id), body, itemIndex });
	return { [entity.key]: id, ...body };
}

export async function deleteRecord(
	this: ExactContext,
	entity: ExactEntity,
	id: string,
	itemIndex?: number,
): Promise<IDataObject> {
	await exactRequest.call(this, { method: 'DELETE', path: recordPath(entity, id), itemIndex });
	return { [entity.key]: id, deleted: true };
}
