/** Create and Update: the fields collections and what they send (empty values left out, dates in Dutch time). */
import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';
import type { Show } from '../../shared/descriptions';
import { asNodeError } from '../../shared/nodeErrors';
import type { ItemOperation } from '../../shared/router';
import { toExactBodyDateTime } from '../dates';
import type { ExactEntity } from '../entity/definitions';
import { createRecord, notFoundMessage, RecordNotFoundError, updateRecord } from '../entity/recordAccess';
import { cleanRecord } from '../records';
import { keyOf, locatorInput, type LocatorInput, notFoundError } from './locate';
import { pick, type ReadOptions, shape, splitFields } from './output';

/** A collection of record fields: "Additional Fields" on create, "Update Fields" on update. */
export function fieldsCollection(
	displayName: 'Additional Fields' | 'Update Fields',
	show: Show,
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName,
		name: displayName === 'Additional Fields' ? 'additionalFields' : 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options,
	};
}

/** Field values from the UI become Exact's body: empty values left out, dates in Dutch time. */
export function toBody(fields: IDataObject, dateFields: string[] = []): IDataObject {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || value === null) continue;
		body[name] = dateFields.includes(name) ? toExactBodyDateTime(String(value)) : value;
	}
	return body;
}

/**
 * What a create hands out: Exact answers with every field of the record (well over a hundred, mostly
 * empty); by default the same fields as Get, cleaned; the option Output: Raw gives all of it as sent.
 */
export function createdOutput(entity: ExactEntity, created: IDataObject, options: ReadOptions, keep: string[] = []): IDataObject {
	if (options.output === 'raw') return created;
	return cleanRecord(pick(created, [...entity.fields, ...splitFields(options.extraFields), ...keep]));
}

export function createOperation(
	entity: ExactEntity,
	buildBody: (this: IExecuteFunctions, itemIndex: number) => IDataObject | Promise<IDataObject>,
): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
		const created = await createRecord.call(this, entity, await buildBody.call(this, itemIndex), itemIndex);
		return [createdOutput(entity, created, options)];
	};
}

export function updateOperation(
	entity: ExactEntity,
	locatorName: string,
	buildBody: (this: IExecuteFunctions, itemIndex: number) => IDataObject | Promise<IDataObject>,
): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const body = await buildBody.call(this, itemIndex);
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(this.getNode(), 'Nothing to update', {
				itemIndex,
				description: 'Add at least one field under Update Fields',
			});
		}
		const input = locatorInput.call(this, locatorName, itemIndex, { what: entity.label }) as LocatorInput;
		// A code must first become the record's ID; an ID is used as is (no extra call).
		const id = await keyOf.call(this, entity, input, itemIndex);
		try {
			return shape([await updateRecord.call(this, entity, id, body, itemIndex)], 'clean');
		} catch (error) {
			const exactMessage = notFoundMessage(error);
			if (exactMessage === undefined) throw asNodeError(this.getNode(), error, itemIndex);
			throw await notFoundError.call(this, new RecordNotFoundError(entity, id, exactMessage), itemIndex);
		}
	};
}
