/**
 * The operations every entity node has in common (Get, Get Many, Create, Update, Get Changes, Confirm
 * Changes), built from the entity's definition. A node adds its own parameters and filters.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { toExactBodyDateTime } from '../dates';
import { cleanRecord } from '../records';
import { confirmCursor, cursorKey } from './cursor';
import { getChanges } from './changes';
import type { ExactEntity } from './definitions';
import { createRecord, getByIdOrCode, RecordNotFoundError, selectFor, updateRecord } from './operations';
import { exactGetAll, type ExactQuery } from '../transport';
import { asNodeError } from '../../shared/nodeErrors';
import type { ItemOperation } from '../../shared/router';

interface ReadOptions {
	extraFields?: string;
	output?: 'clean' | 'raw';
}

export function splitFields(text: string | undefined): string[] {
	return (text ?? '')
		.split(',')
		.map((f) => f.trim())
		.filter(Boolean);
}

export function shape(records: IDataObject[], output: ReadOptions['output']): IDataObject[] {
	return output === 'raw' ? records : records.map(cleanRecord);
}

/** The ID or code from a resource locator parameter. */
export function locatorValue(this: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = String(this.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), `Choose the record (${name})`, { itemIndex });
	}
	return value;
}

/** Finds the record or fails with a message that names the record and the division. */
export async function findRecord(
	this: IExecuteFunctions,
	entity: ExactEntity,
	value: string,
	select: string,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		return await getByIdOrCode.call(this, entity, value, select, itemIndex);
	} catch (error) {
		if (error instanceof RecordNotFoundError) {
			throw new NodeOperationError(this.getNode(), `${error.message} found in this Exact administration`, {
				itemIndex,
				description: `Check the ${entity.label} in Exact, or pick it from the list`,
			});
		}
		throw asNodeError(this.getNode(), error, itemIndex);
	}
}

export function getOperation(entity: ExactEntity, locatorName: string): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
		const record = await findRecord.call(
			this,
			entity,
			locatorValue.call(this, locatorName, itemIndex),
			selectFor(entity, splitFields(options.extraFields)),
			itemIndex,
		);
		return shape([record], options.output);
	};
}

/** Get Many: `buildFilter` turns the node's filter parameters into a $filter. */
export function getManyOperation(
	entity: ExactEntity,
	buildFilter: (this: IExecuteFunctions, itemIndex: number) => string | undefined,
	orderBy?: string,
): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const query: ExactQuery = {
			$select: selectFor(entity, splitFields(options.extraFields)),
			$filter: buildFilter.call(this, itemIndex),
			$orderby: orderBy,
		};
		const records = await exactGetAll.call(this, { path: entity.path, query, limit, itemIndex });
		return shape(records, options.output);
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

export function createOperation(
	entity: ExactEntity,
	buildBody: (this: IExecuteFunctions, itemIndex: number) => IDataObject,
): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const created = await createRecord.call(this, entity, buildBody.call(this, itemIndex), itemIndex);
		return shape([created], 'clean');
	};
}

export function updateOperation(
	entity: ExactEntity,
	locatorName: string,
	buildBody: (this: IExecuteFunctions, itemIndex: number) => IDataObject,
): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const body = buildBody.call(this, itemIndex);
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(this.getNode(), 'Nothing to update', {
				itemIndex,
				description: 'Add at least one field under Update Fields',
			});
		}
		const value = locatorValue.call(this, locatorName, itemIndex);
		// A code must first become the record's ID; an ID is used as is (no extra call).
		const id = /^[0-9a-f-]{36}$/i.test(value)
			? value
			: String((await findRecord.call(this, entity, value, entity.key, itemIndex))[entity.key]);
		return shape([await updateRecord.call(this, entity, id, body, itemIndex)], 'clean');
	};
}

interface ChangesParameters extends ReadOptions {
	confirmLater?: boolean;
	includeDeleted?: boolean;
	startOver?: boolean;
}

export function getChangesOperation(
	entity: ExactEntity,
	buildFilter?: (this: IExecuteFunctions) => string | undefined,
): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		// One read of the change stream per run, however many items come in.
		if (itemIndex > 0) return [];
		const options = this.getNodeParameter('changesOptions', itemIndex, {}) as ChangesParameters;
		const records = await getChanges.call(this, entity, {
			select: splitFields(selectFor(entity, splitFields(options.extraFields))),
			syncName: this.getNodeParameter('syncName', itemIndex, 'default') as string,
			includeDeleted: options.includeDeleted !== false,
			confirmLater: options.confirmLater === true,
			startOver: options.startOver === true,
			filter: buildFilter?.call(this),
			staticData: this.getWorkflowStaticData('global'),
			itemIndex,
		});
		return shape(records, options.output);
	};
}

export function confirmChangesOperation(entity: ExactEntity): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		if (itemIndex > 0) return [];
		const syncName = this.getNodeParameter('syncName', itemIndex, 'default') as string;
		const confirmed = confirmCursor(this.getWorkflowStaticData('global'), cursorKey(entity.label, syncName));
		return [{ syncName, confirmed }];
	};
}
