/**
 * Create: one PostWorkorders call per item (OutSmart refuses a whole array for one bad work order). A number
 * that exists can return the existing work order; a lost answer is settled by reading the number back before
 * anything is posted again.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { asNodeError } from '../../shared/nodeErrors';
import type { ItemOperation } from '../../shared/router';
import { refusalReason } from '../../OutSmartApi/refusals';
import { describeOutSmartCode, getWorkorder, isUncertainOutcome, outSmartErrorCode, outSmartErrorDetails, postWorkorders } from '../../OutSmartApi/transport';
import { WorkorderInputError, type WorkorderInput, workorderBody } from './body';

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

/** The work order with this number, or undefined when OutSmart has none (its code 1500). */
export async function findByNumber(this: IExecuteFunctions, workorderNo: string, itemIndex: number): Promise<IDataObject | undefined> {
	try {
		return await getWorkorder.call(this, { workorderNo }, { itemIndex });
	} catch (error) {
		if (outSmartErrorCode(error) === 1500) return undefined;
		throw asNodeError(this.getNode(), error, itemIndex);
	}
}

export const create: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const { options, input } = createInput.call(this, itemIndex);
	return await sendNewWorkorder.call(this, input, options.ifExists ?? 'error', itemIndex);
};

/**
 * Posts one new work order built from `input`. A number OutSmart already has is an error, or (returnExisting) the
 * existing work order with created = false; a lost answer is settled by reading the number back.
 */
export async function sendNewWorkorder(
	this: IExecuteFunctions,
	input: WorkorderInput,
	ifExists: NonNullable<CreateOptions['ifExists']>,
	itemIndex: number,
): Promise<IDataObject[]> {
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
		if (exists && ifExists === 'returnExisting') {
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
}
