/**
 * Generic reads and writes of one Exact entity, shared by the entity nodes. Each takes the entity's
 * definition; nodes only decide parameters and shape.
 */
import type { IDataObject } from 'n8n-workflow';
import { padAccountCode } from '../codes';
import { isGuid, odataGuid, odataNumber, odataString } from '../odata';
import { exactGetAll, exactRequest, readList, type ExactContext } from '../transport';
import type { ExactEntity } from './definitions';

export class RecordNotFoundError extends Error {}

export function selectFor(entity: ExactEntity, extraFields: string[] = [], allFields?: string[]): string {
	const fields = allFields?.length ? allFields : [...entity.fields, ...extraFields];
	return [...new Set(fields.map((f) => f.trim()).filter(Boolean))].join(',');
}

export function recordPath(entity: ExactEntity, id: string): string {
	return `${entity.path}(${odataGuid(id)})`;
}

export function codeLiteral(entity: ExactEntity, code: string): string {
	if (entity.numericCode) return odataNumber(Number(code.trim()));
	return odataString(entity.paddedCode ? padAccountCode(code) : code.trim());
}

export async function getById(
	this: ExactContext,
	entity: ExactEntity,
	id: string,
	select: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const response = await exactRequest.call(this, {
		path: recordPath(entity, id),
		query: { $select: select },
		itemIndex,
	});
	return readList(response.body).records[0];
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

/** By ID when the value is a GUID, else by code; a clear error when nothing matches. */
export async function getByIdOrCode(
	this: ExactContext,
	entity: ExactEntity,
	value: string,
	select: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const trimmed = value.trim();
	const record = isGuid(trimmed)
		? await getById.call(this, entity, trimmed, select, itemIndex)
		: await findByCode.call(this, entity, trimmed, select, itemIndex);
	if (!record) {
		throw new RecordNotFoundError(`No ${entity.label} with ${isGuid(trimmed) ? 'ID' : 'code'} "${trimmed}"`);
	}
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
