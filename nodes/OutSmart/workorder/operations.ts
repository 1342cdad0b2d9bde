/**
 * Work order operations. Reads always go through the transport's getWorkorder(s), which send
 * update_status=false; only Mark Handled sets a work order to Afgehandeld.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
	type JsonObject,
} from 'n8n-workflow';

import { asNodeError } from '../../shared/nodeErrors';
import type { ItemOperation } from '../../shared/router';
import { limitToMax } from '../descriptions';
import { assertKnownFilterKeys, readFilters } from '../masterData/operations';
import { refusalReason } from '../refusals';
import {
	type WorkorderRef,
	type WorkorderStatusFilter,
	describeOutSmartCode,
	getWorkorder,
	isUncertainOutcome,
	markWorkorderHandled,
	outSmartErrorCode,
	outSmartErrorDetails,
	postWorkorders,
	readWorkorders,
	updateWorkorder,
} from '../transport';
import { type OutputMode, cleanWorkorder, shapeOutput } from '../values/clean';
import { WorkorderInputError, workorderBody } from './body';

/** The work order locator as a transport reference, plus how to name it in output. */
function readRef(this: IExecuteFunctions, itemIndex: number): { ref: WorkorderRef; output: IDataObject } {
	const locator = this.getNodeParameter('workorder', itemIndex) as INodeParameterResourceLocator | string;
	const mode = typeof locator === 'object' ? locator.mode : 'workorderNo';
	const value = String((typeof locator === 'object' ? locator.value : locator) ?? '').trim();
	if (!value) throw new NodeOperationError(this.getNode(), 'Which work order? Fill in its number or row ID', { itemIndex });
	return mode === 'rowId' ? { ref: { rowId: value }, output: { id: Number(value) } } : { ref: { workorderNo: value }, output: { WorkorderNo: value } };
}

const refText = (ref: WorkorderRef) => (ref.rowId !== undefined ? `with row ID ${String(ref.rowId)}` : String(ref.workorderNo));

/** Runs a call on one work order; OutSmart's "not found" (1500) names the work order the item asked for. */
async function onWorkorder<T>(ctx: IExecuteFunctions, ref: WorkorderRef, itemIndex: number, call: () => Promise<T>): Promise<T> {
	let failure: unknown;
	try {
		return await call();
	} catch (error) {
		failure = error;
	}
	if (outSmartErrorCode(failure) !== 1500) throw asNodeError(ctx.getNode(), failure, itemIndex);
	throw new NodeApiError(ctx.getNode(), { outSmartCode: 1500, messages: [] } as JsonObject, {
		message: `OutSmart has no work order ${refText(ref)} (code 1500)`,
		description: describeOutSmartCode(1500).hint,
		itemIndex,
	});
}

function outputMode(this: IExecuteFunctions, name: string, itemIndex: number): OutputMode | undefined {
	return (this.getNodeParameter(name, itemIndex, {}) as { output?: OutputMode }).output;
}

const getMany: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const { workorders, messages } = await readWorkorders.call(this, {
		status: this.getNodeParameter('status', itemIndex, 'Compleet') as WorkorderStatusFilter,
		workStatus: (this.getNodeParameter('workStatus', itemIndex, '') as string) || undefined,
		filters: readFilters.call(this, itemIndex),
		itemIndex,
	});
	assertKnownFilterKeys.call(this, messages, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	const output = outputMode.call(this, 'options', itemIndex);
	return limitToMax(workorders, returnAll, limit).map((w) => shapeOutput(output, w, cleanWorkorder));
};

const get: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const { ref } = readRef.call(this, itemIndex);
	const workorder = await onWorkorder(this, ref, itemIndex, () => getWorkorder.call(this, ref, { itemIndex }));
	return [shapeOutput(outputMode.call(this, 'options', itemIndex), workorder, cleanWorkorder)];
};

// ----------------------------------------------------------------------------------------------- create

interface CreateOptions {
	extraFieldsJson?: string | IDataObject;
	ifExists?: 'error' | 'returnExisting';
	materialsJson?: string | IDataObject[];
	workperiodsJson?: string | IDataObject[];
}

function parseJson(this: IExecuteFunctions, value: unknown, name: string, itemIndex: number, want: 'array' | 'object'): unknown {
	if (value === undefined || value === '' || value === null) return undefined;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			throw new NodeOperationError(this.getNode(), `${name} is not valid JSON`, { itemIndex });
		}
	}
	const ok = want === 'array' ? Array.isArray(parsed) : typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
	if (!ok) throw new NodeOperationError(this.getNode(), `${name} must be a JSON ${want}`, { itemIndex });
	return parsed;
}

const REQUIRED_CUSTOMER_FIELDS = ['CustomerName', 'CustomerDebtorNr', 'CustomerStreet', 'CustomerZIP', 'CustomerCity', 'CustomerContactPerson'];

/** The ...Invoice fields: all copied from the customer when none is given, else only the required ones left out. */
function invoiceFields(customer: IDataObject, given: IDataObject): IDataObject {
	const invoice: IDataObject = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== '' && v !== undefined));
	const copy = Object.keys(invoice).length ? REQUIRED_CUSTOMER_FIELDS : Object.keys(customer);
	for (const field of copy) if (invoice[`${field}Invoice`] === undefined) invoice[`${field}Invoice`] = customer[field];
	return invoice;
}

function createInput(this: IExecuteFunctions, itemIndex: number) {
	const param = <T>(name: string, fallback: T) => this.getNodeParameter(name, itemIndex, fallback) as T;
	const customer: IDataObject = {
		CustomerName: param('customerName', ''),
		CustomerDebtorNr: param('customerDebtorNr', ''),
		CustomerStreet: param('customerStreet', ''),
		CustomerZIP: param('customerZip', ''),
		CustomerCity: param('customerCity', ''),
		CustomerContactPerson: param('customerContactPerson', ''),
	};
	const additional = { ...param<IDataObject>('additionalFields', {}) };
	const employees = additional.Employees;
	delete additional.Employees;
	for (const field of ['CustomerStreetNo', 'CustomerEmail', 'CustomerPhone', 'CustomerRemark']) {
		if (additional[field] !== undefined) customer[field] = additional[field];
	}
	const options = param<CreateOptions>('createOptions', {});
	const json = (value: unknown, name: string, want: 'array' | 'object') => parseJson.call(this, value, name, itemIndex, want);
	const uiMaterials = (param<{ material?: IDataObject[] }>('materialsUi', {}).material ?? []).map((m) => ({ ...m }));
	const uiPeriods = (param<{ period?: IDataObject[] }>('workperiodsUi', {}).period ?? []).map((p) => ({ ...p }));
	return {
		options,
		input: {
			fields: {
				WorkorderNo: param('workorderNo', ''),
				...customer,
				...invoiceFields(customer, param<IDataObject>('invoiceCustomer', {})),
				TypeOfWork: param('typeOfWork', ''),
				PaymentMethod: param('paymentMethod', ''),
				...additional,
				...((json(options.extraFieldsJson, 'Extra Fields (JSON)', 'object') as IDataObject | undefined) ?? {}),
			},
			materials: [...uiMaterials, ...((json(options.materialsJson, 'Material Lines (JSON)', 'array') as IDataObject[] | undefined) ?? [])],
			workperiods: [...uiPeriods, ...((json(options.workperiodsJson, 'Work Periods (JSON)', 'array') as IDataObject[] | undefined) ?? [])],
			employees,
		},
	};
}

function refusedWorkorder(this: IExecuteFunctions, no: string, code: number, messages: string[], itemIndex: number, extraHint = ''): NodeApiError {
	return new NodeApiError(this.getNode(), { outSmartCode: code, messages } as JsonObject, {
		message: `OutSmart refused work order ${no}: ${refusalReason(code, messages)} (code ${code})`,
		description: `${describeOutSmartCode(code).hint}${extraHint}`,
		itemIndex,
	});
}

async function findByNumber(this: IExecuteFunctions, workorderNo: string, itemIndex: number): Promise<IDataObject | undefined> {
	try {
		return await getWorkorder.call(this, { workorderNo }, { itemIndex });
	} catch (error) {
		if (outSmartErrorCode(error) === 1500) return undefined;
		throw asNodeError(this.getNode(), error, itemIndex);
	}
}

const create: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const { options, input } = createInput.call(this, itemIndex);
	let body: IDataObject;
	try {
		body = workorderBody(input);
	} catch (error) {
		if (error instanceof WorkorderInputError) throw new NodeOperationError(this.getNode(), `Cannot send the work order: ${error.message}`, { itemIndex });
		throw asNodeError(this.getNode(), error, itemIndex);
	}
	const no = String(body.WorkorderNo ?? '');
	const created = (rowId: unknown, extra: IDataObject = {}) => [{ created: true, WorkorderNo: no, id: Number(rowId), ...extra }];
	try {
		const [posted] = await postWorkorders.call(this, [body], { itemIndex });
		return created(posted?.row_id);
	} catch (error) {
		const details = outSmartErrorDetails(error);
		const exists = details?.code === 1504 && details.messages.some((m) => /already exists/i.test(m));
		if (exists && options.ifExists === 'returnExisting') {
			const existing = await findByNumber.call(this, no, itemIndex);
			if (existing) return [{ created: false, WorkorderNo: no, id: Number(existing.id), status: existing.status ?? null }];
		}
		if (details) {
			const hint = exists ? ' Work order numbers are unique: use Update, or set "If the Number Exists" to return the existing one.' : '';
			throw refusedWorkorder.call(this, no, details.code, details.messages, itemIndex, hint);
		}
		if (!isUncertainOutcome(error)) throw asNodeError(this.getNode(), error, itemIndex);
		// No answer: the work order may exist now. Post again only when a read proves it does not.
		const found = await findByNumber.call(this, no, itemIndex);
		if (found) return created(found.id, { confirmedByRead: true });
		const [posted] = await postWorkorders.call(this, [body], { itemIndex });
		return created(posted?.row_id, { retried: true });
	}
};

// ----------------------------------------------------------------------------------------------- changes

const update: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const { ref, output } = readRef.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as {
		workDate?: string;
		workTime?: string;
		employeeNr?: string;
		workStatus?: string;
	};
	const result = await onWorkorder(this, ref, itemIndex, () => updateWorkorder.call(this, ref, fields, { itemIndex }));
	return [{ ...output, result, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '' && v !== undefined)) }];
};

const setWorkStatus: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const { ref, output } = readRef.call(this, itemIndex);
	const workStatus = String(this.getNodeParameter('workStatus', itemIndex, '') ?? '').trim();
	if (!workStatus) throw new NodeOperationError(this.getNode(), 'Choose the work status to set', { itemIndex });
	const result = await onWorkorder(this, ref, itemIndex, () => updateWorkorder.call(this, ref, { workStatus }, { itemIndex }));
	return [{ ...output, WorkStatus: workStatus, result }];
};

const markHandled: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const { ref } = readRef.call(this, itemIndex);
	const { onlyIfComplete = true } = this.getNodeParameter('markOptions', itemIndex, {}) as { onlyIfComplete?: boolean };
	const summary = (w: IDataObject, previousStatus: unknown, extra: IDataObject = {}) => [
		{ id: Number(w.id), WorkorderNo: w.WorkorderNo ?? null, status: 'Afgehandeld', previousStatus: previousStatus ?? null, ...extra },
	];
	let target = ref;
	if (onlyIfComplete) {
		const current = await onWorkorder(this, ref, itemIndex, () => getWorkorder.call(this, ref, { itemIndex }));
		if (current.status === 'Afgehandeld') return summary(current, current.status, { alreadyHandled: true });
		if (current.status !== 'Compleet') {
			throw new NodeOperationError(this.getNode(), `Work order ${String(current.WorkorderNo ?? current.id)} is ${String(current.status)}, not Compleet: not marked handled`, {
				itemIndex,
				description: 'Only completed work orders are marked handled. Turn off "Only If Complete" to mark it anyway.',
			});
		}
		target = { rowId: String(current.id) };
	}
	const mark = () => onWorkorder(this, target, itemIndex, () => markWorkorderHandled.call(this, target, { itemIndex }));
	try {
		const read = await mark();
		return summary(read, read.status);
	} catch (error) {
		if (!isUncertainOutcome(error)) throw asNodeError(this.getNode(), error, itemIndex);
	}
	// No answer: it may be marked already. Mark again only when a read (update_status=false) shows it is not.
	const after = await onWorkorder(this, target, itemIndex, () => getWorkorder.call(this, target, { itemIndex }));
	if (after.status === 'Afgehandeld') return summary(after, null, { confirmedByRead: true });
	const read = await mark();
	return summary(read, read.status, { retried: true });
};

export const workorderOperations: Record<string, ItemOperation> = {
	create,
	get,
	getMany,
	markHandled,
	setWorkStatus,
	update,
};
