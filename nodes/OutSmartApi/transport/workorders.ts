/**
 * Work order calls. Reads ALWAYS send `update_status` explicitly: `false` unless the caller asks to mark the
 * work orders handled (`markAsHandled: true`). OutSmart's default is true: a plain read would set every returned
 * work order to Afgehandeld and the export would silently lose them. The documented export flow is
 * getWorkorders({status: 'Compleet'}) -> process each -> markWorkorderHandled() on success only.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { asNodeError } from '../../shared/nodeErrors';
import { type OutSmartFilter, OutSmartFilterError, filterQuery } from './filters';
import { OutSmartFormatError, formatDate, formatTime } from '../../shared/formats';
import { type OutSmartContext, type OutSmartQuery, outSmartErrorCode, outSmartRequest, outSmartRequestEnvelope } from './request';

export const WORKORDER_STATUS_FILTERS = ['Alle', 'Klaargezet', 'Opgehaald', 'Compleet', 'Afgehandeld'] as const;
export type WorkorderStatusFilter = (typeof WORKORDER_STATUS_FILTERS)[number];

/** Identifies one work order: OutSmart's row id, or the WorkorderNo it was posted with. */
export interface WorkorderRef {
	rowId?: string | number;
	workorderNo?: string;
}

interface CallOptions {
	itemIndex?: number;
	timeout?: number;
}

export interface GetWorkordersOptions extends CallOptions {
	status: WorkorderStatusFilter;
	/** Only work orders with this customer-defined WorkStatus code. */
	workStatus?: string;
	filters?: OutSmartFilter[];
	/** Mark every returned work order Afgehandeld (OutSmart's update_status=true). Default false. */
	markAsHandled?: boolean;
}

function refQuery(this: OutSmartContext, ref: WorkorderRef, itemIndex?: number): OutSmartQuery {
	const rowId = ref.rowId === undefined || ref.rowId === null ? '' : String(ref.rowId).trim();
	const workorderNo = (ref.workorderNo ?? '').trim();
	if (!rowId && !workorderNo) {
		throw new NodeOperationError(this.getNode(), 'A work order needs a row ID or a work order number', { itemIndex });
	}
	if (rowId && !/^\d+$/.test(rowId)) {
		throw new NodeOperationError(this.getNode(), `"${rowId}" is not an OutSmart row ID (a whole number)`, { itemIndex });
	}
	return rowId ? { row_id: rowId } : { workorder_no: workorderNo };
}

function wrapInputError(this: OutSmartContext, error: unknown, itemIndex?: number): never {
	if (error instanceof OutSmartFormatError || error instanceof OutSmartFilterError) {
		throw new NodeOperationError(this.getNode(), error.message, { itemIndex });
	}
	throw asNodeError(this.getNode(), error, itemIndex);
}

/** GetWorkorders by status (and WorkStatus, filters), without changing their status unless asked. */
export async function getWorkorders(this: OutSmartContext, options: GetWorkordersOptions): Promise<IDataObject[]> {
	return (await readWorkorders.call(this, options)).workorders;
}

/**
 * getWorkorders plus OutSmart's messages: a filter on an unknown field answers code 200, an empty list and
 * "Unknown filter key: ...", which must not pass for "no work orders".
 */
export async function readWorkorders(
	this: OutSmartContext,
	options: GetWorkordersOptions,
): Promise<{ workorders: IDataObject[]; messages: string[] }> {
	if (!WORKORDER_STATUS_FILTERS.includes(options.status)) {
		// OutSmart answers an unknown status with an empty list, which would look like "nothing to do".
		throw new NodeOperationError(this.getNode(), `Unknown work order status "${String(options.status)}"`, {
			description: `Use one of ${WORKORDER_STATUS_FILTERS.join(', ')}.`,
			itemIndex: options.itemIndex,
		});
	}
	let filters: Record<string, string> = {};
	try {
		filters = filterQuery(options.filters);
	} catch (error) {
		wrapInputError.call(this, error, options.itemIndex);
	}
	const envelope = await outSmartRequestEnvelope.call(this, {
		endpoint: 'GetWorkorders',
		qs: {
			status: options.status,
			workstatus: options.workStatus || undefined,
			update_status: options.markAsHandled === true,
			...filters,
		},
		itemIndex: options.itemIndex,
		timeout: options.timeout,
	});
	return { workorders: Array.isArray(envelope.response) ? (envelope.response as IDataObject[]) : [], messages: envelope.messages };
}

/** GetWorkorder by row ID or number, without changing its status unless `markAsHandled` is true. */
export async function getWorkorder(
	this: OutSmartContext,
	ref: WorkorderRef,
	options: CallOptions & { markAsHandled?: boolean } = {},
): Promise<IDataObject> {
	const response = await outSmartRequest.call(this, {
		endpoint: 'GetWorkorder',
		qs: { ...refQuery.call(this, ref, options.itemIndex), update_status: options.markAsHandled === true },
		itemIndex: options.itemIndex,
		timeout: options.timeout,
	});
	return (response ?? {}) as IDataObject;
}

/** Sets one work order to Afgehandeld (GetWorkorder with update_status=true). Never retried automatically. */
export async function markWorkorderHandled(this: OutSmartContext, ref: WorkorderRef, options: CallOptions = {}): Promise<IDataObject> {
	return await getWorkorder.call(this, ref, { ...options, markAsHandled: true });
}

export interface WorkorderUpdate {
	/** ISO date ("2026-12-01"), d-m-Y or a Date. */
	workDate?: string | Date;
	/** "09:30" or an ISO date-time. */
	workTime?: string | Date;
	employeeNr?: string;
	workStatus?: string;
}

/**
 * UpdateWorkorder (planning and WorkStatus). "No data changed" (1503) is not an error here: the work order
 * already has the values, so the result is `unchanged`.
 */
export async function updateWorkorder(
	this: OutSmartContext,
	ref: WorkorderRef,
	update: WorkorderUpdate,
	options: CallOptions = {},
): Promise<'updated' | 'unchanged'> {
	let qs: OutSmartQuery = {};
	try {
		qs = {
			...refQuery.call(this, ref, options.itemIndex),
			workdate: update.workDate ? formatDate(update.workDate) : undefined,
			worktime: update.workTime ? formatTime(update.workTime) : undefined,
			employee_nr: update.employeeNr || undefined,
			workstatus: update.workStatus || undefined,
		};
	} catch (error) {
		wrapInputError.call(this, error, options.itemIndex);
	}
	if (!qs.workdate && !qs.worktime && !qs.employee_nr && !qs.workstatus) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update on the work order', {
			description: 'Give at least one of work date, work time, employee number or work status.',
			itemIndex: options.itemIndex,
		});
	}
	try {
		await outSmartRequestEnvelope.call(this, { endpoint: 'UpdateWorkorder', qs, itemIndex: options.itemIndex, timeout: options.timeout });
		return 'updated';
	} catch (error) {
		if (outSmartErrorCode(error) === 1503) return 'unchanged';
		throw asNodeError(this.getNode(), error, options.itemIndex);
	}
}

/** The material fields UpdateWorkorder's Materials POST requires on every line (OpenAPI v8); empty ones go as null. */
const MATERIAL_UPDATE_FIELDS = [
	'MaterialCode', 'MaterialNr', 'MaterialPrice', 'MaterialName', 'MaterialUnit', 'MaterialWarehouseCode', 'MaterialWarrantyCode',
	'MaterialDiscountPercentage', 'MaterialOriginalPrice', 'MaterialType',
	'MaterialFreeField1', 'MaterialFreeField2', 'MaterialFreeField3', 'MaterialFreeField4', 'MaterialFreeField5',
];

/**
 * Replaces the material lines of one work order (UpdateWorkorder POST with ClearMaterials=true): `lines` are
 * formatted already (MaterialNr "2,5", MaterialPrice "12,50"). Not retried: a second POST after a lost answer only
 * replaces the lines again with the same ones.
 */
export async function replaceWorkorderMaterials(this: OutSmartContext, rowId: string | number, lines: IDataObject[], options: CallOptions = {}): Promise<void> {
	const body = lines.map((line) => Object.fromEntries(MATERIAL_UPDATE_FIELDS.map((field) => [field, line[field] ?? null])));
	await outSmartRequestEnvelope.call(this, {
		method: 'POST',
		endpoint: 'UpdateWorkorder',
		qs: { ...refQuery.call(this, { rowId }, options.itemIndex), ClearMaterials: 'true', ProcessMaterials: 'true' },
		body,
		itemIndex: options.itemIndex,
		timeout: options.timeout,
	});
}

export interface PostedWorkorder {
	workorder_no: string;
	row_id: number;
}

/** PostWorkorders: creates work orders; answers their row IDs. Never retried automatically. */
export async function postWorkorders(this: OutSmartContext, workorders: IDataObject[], options: CallOptions = {}): Promise<PostedWorkorder[]> {
	if (!workorders.length) return [];
	const response = await outSmartRequest.call(this, {
		method: 'POST',
		endpoint: 'PostWorkorders',
		body: workorders,
		itemIndex: options.itemIndex,
		timeout: options.timeout,
	});
	return Array.isArray(response) ? (response as PostedWorkorder[]) : [];
}
