/**
 * The operations every entity node has in common (Get, Get Many, Create, Update, Get Changes, Confirm
 * Changes), built from the entity's definition. A node adds its own parameters and filters.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { toExactBodyDateTime } from '../dates';
import { isGuid } from '../odata';
import { cleanRecord } from '../records';
import { EXACT_CREDENTIAL_TYPE, exactBaseUrl, exactGetAll, resolveDivision, type ExactQuery } from '../transport';
import { confirmCursor, cursorKey } from './cursor';
import { readRemembered, remember } from './remembered';
import { getChanges, type ExtraStream } from './changes';
import { fieldsFor, type ExactEntity } from './definitions';
import {
	createRecord,
	getByIdOrCode,
	notFoundMessage,
	RecordNotFoundError,
	selectFor,
	updateRecord,
	type LookupBy,
} from './operations';
import { asNodeError } from '../../shared/nodeErrors';
import { oncePerRun, type BatchOperation, type ItemOperation } from '../../shared/router';

export interface ReadOptions {
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

/** Only these fields, in this order (those the record has). */
export function pick(record: IDataObject, fields: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (field in record) picked[field] = record[field];
	return picked;
}

/** The administration (division) number the credential works in; cached by the transport, so no extra call. */
export async function administration(this: IExecuteFunctions): Promise<number> {
	const credentials = await this.getCredentials(EXACT_CREDENTIAL_TYPE);
	return await resolveDivision.call(this, exactBaseUrl(credentials), credentials);
}

/** "Item 'MAT-9' not found in administration 1234567 (Exact: ...)", with what to do about it. */
export async function notFoundError(
	this: IExecuteFunctions,
	error: RecordNotFoundError,
	itemIndex: number,
	description?: string,
): Promise<NodeOperationError> {
	const exact = error.exactMessage ? ` (Exact: ${error.exactMessage})` : '';
	const { label } = error.entity;
	return new NodeOperationError(this.getNode(), `${error.message} in administration ${await administration.call(this)}${exact}`, {
		itemIndex,
		description:
			description ??
			`Check the ${label}'s code or ID in Exact, or pick the ${label} from the list. Is the credential connected to the right administration?`,
	});
}

export interface LocatorInput {
	value: string;
	by: LookupBy;
}

/**
 * The value of a resource locator and how to look it up: "By ID" must be a GUID, "By Code" is a code even if
 * it looks like a GUID, "From List" gives what the list search put in (`listBy`). A plain string (an older
 * or hand-written parameter) is an ID when it is a GUID, else a code.
 */
export function locatorInput(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	options: { listBy?: LookupBy; required?: boolean; what?: string } = {},
): LocatorInput | undefined {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	const locator = typeof raw === 'object' && raw !== null ? (raw as { mode?: string; value?: unknown }) : { value: raw };
	const value = String(locator.value ?? '').trim();
	const what = options.what ?? name;
	if (!value) {
		if (options.required === false) return undefined;
		throw new NodeOperationError(this.getNode(), `No ${what} given`, {
			itemIndex,
			description: `Choose the ${what} from the list, or enter its code or ID`,
		});
	}
	const by: LookupBy =
		locator.mode === 'id' ? 'id' : locator.mode === 'code' ? 'code' : locator.mode === 'list' ? (options.listBy ?? 'id') : isGuid(value) ? 'id' : 'code';
	if (by === 'id' && !isGuid(value)) {
		throw new NodeOperationError(this.getNode(), `'${value}' is not an Exact ID`, {
			itemIndex,
			description: `An ID is a GUID like 3fa85f64-5717-4562-b3fc-2c963f66afa6. To find the ${what} by its code, choose "By Code".`,
		});
	}
	return { value, by };
}

/** Finds the record or fails with a message that names the record and the administration. */
export async function findRecord(
	this: IExecuteFunctions,
	entity: ExactEntity,
	input: LocatorInput | string,
	select: string,
	itemIndex: number,
): Promise<IDataObject> {
	const { value, by } = typeof input === 'string' ? { value: input, by: isGuid(input) ? 'id' : 'code' } as LocatorInput : input;
	try {
		return await getByIdOrCode.call(this, entity, value, select, itemIndex, by);
	} catch (error) {
		if (error instanceof RecordNotFoundError) throw await notFoundError.call(this, error, itemIndex);
		throw asNodeError(this.getNode(), error, itemIndex);
	}
}

/** The record's key for a locator value: an ID as is (no call), a code looked up (one call). */
export async function keyOf(
	this: IExecuteFunctions,
	entity: ExactEntity,
	input: LocatorInput,
	itemIndex: number,
): Promise<string> {
	if (input.by === 'id') return input.value;
	return String((await findRecord.call(this, entity, input, entity.key, itemIndex))[entity.key]);
}

export function getOperation(entity: ExactEntity, locatorName: string): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
		const record = await findRecord.call(
			this,
			entity,
			locatorInput.call(this, locatorName, itemIndex, { what: entity.label }) as LocatorInput,
			selectFor(entity, splitFields(options.extraFields)),
			itemIndex,
		);
		return shape([record], options.output);
	};
}

/** Get Many: `buildFilter` turns the node's filter parameters into a $filter. */
export function getManyOperation(
	entity: ExactEntity,
	buildFilter: (this: IExecuteFunctions, itemIndex: number) => string | undefined | Promise<string | undefined>,
	orderBy?: string,
): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const query: ExactQuery = {
			$select: selectFor(entity, splitFields(options.extraFields)),
			$filter: await buildFilter.call(this, itemIndex),
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

interface ChangesParameters extends ReadOptions {
	confirmLater?: boolean;
	includeDeleted?: boolean;
	startOver?: boolean;
}

type AfterRead = (this: IExecuteFunctions, changed: IDataObject[], itemIndex: number) => Promise<void>;

/** What a node adds to the standard Get Changes, from its parameters. */
export interface ChangesHooks {
	afterRead?: AfterRead;
	/** Which records to hand out: a test on the sync rows and the same as OData for reads by ID (see ChangesOptions). */
	only?: (this: IExecuteFunctions, itemIndex: number) => { keep: (record: IDataObject) => boolean; filter: string } | undefined;
	extraStreams?: (this: IExecuteFunctions, itemIndex: number) => ExtraStream[];
}

/** `hooks` may be just an afterRead function. */
export function getChangesOperation(entity: ExactEntity, hooks: ChangesHooks | AfterRead = {}): BatchOperation {
	const { afterRead, only, extraStreams } = typeof hooks === 'function' ? { afterRead: hooks } as ChangesHooks : hooks;
	// One read of the change stream per run, however many items come in.
	return oncePerRun(async function (this: IExecuteFunctions) {
		const itemIndex = 0;
		const options = this.getNodeParameter('changesOptions', itemIndex, {}) as ChangesParameters;
		const records = await getChanges.call(this, entity, {
			select: [...fieldsFor(entity, 'sync'), ...splitFields(options.extraFields)],
			syncName: this.getNodeParameter('syncName', itemIndex, 'default') as string,
			includeDeleted: options.includeDeleted !== false,
			confirmLater: options.confirmLater === true,
			startOver: options.startOver === true,
			...only?.call(this, itemIndex),
			staticData: this.getWorkflowStaticData('global'),
			itemIndex,
			extraStreams: extraStreams?.call(this, itemIndex),
			afterRead: afterRead ? (changed) => afterRead.call(this, changed, itemIndex) : undefined,
		});
		return shape(records, options.output);
	});
}

/**
 * The items a flow gives back to Confirm Changes: those carrying an `error` (e.g. from OutSmart's Refused output,
 * or n8n's error output, both with the record's own fields), as they were handed out. Deletions are not given back:
 * a refused deactivation does not change by asking again.
 */
export function givenBack(input: INodeExecutionData[], keyField: string): IDataObject[] {
	return input
		.map((item) => item.json)
		.filter((json) => typeof json.error === 'string' && json[keyField] && json.changeType !== 'deleted')
		.map((json) => {
			const record = { ...json };
			for (const field of ['error', 'details', 'changeType', 'retry']) delete record[field];
			return record;
		});
}

/**
 * Confirm Changes: makes the position of a Get Changes step with Confirm Later final, and keeps the records the
 * flow gives back (refused downstream) beside the cursor: Get Changes hands them out again on the next runs, with
 * `retry: true`, until the flow takes them or they change in Exact. So one bad record never holds the cursor back,
 * and is not lost either. Connect every branch that ends the flow (e.g. both outputs of an OutSmart upsert).
 */
export function confirmChangesOperation(entity: ExactEntity): BatchOperation {
	return {
		async batch(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const input = this.getInputData();
			const syncName = this.getNodeParameter('syncName', 0, 'default') as string;
			const staticData = this.getWorkflowStaticData('global');
			const key = cursorKey(entity.label, syncName);
			const confirmed = confirmCursor(staticData, key);
			const back = givenBack(input, entity.key);
			remember(staticData, key, 'retry', back.map((record) => [String(record[entity.key]).toLowerCase(), record]));
			const retrying = Object.keys(readRemembered(staticData, key, 'retry')).length;
			return [[{ json: { syncName, confirmed, givenBack: back.length, retrying }, pairedItem: input.map((_, item) => ({ item })) }]];
		},
	};
}
