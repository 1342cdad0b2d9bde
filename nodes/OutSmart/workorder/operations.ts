/**
 * Work order operations. Reads always go through the transport's getWorkorder(s), which send
 * update_status=false; only Mark Handled sets a work order to Afgehandeld.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../../shared/nodeErrors';
import type { ItemOperation } from '../../shared/router';
import { limitToMax } from '../../shared/descriptions';
import { madeIn } from '../../mapping/workOrderOrigin';
import { assertKnownFilterKeys, readFilters } from '../masterData/operations';
import {
	type WorkorderStatusFilter,
	getWorkorder,
	isUncertainOutcome,
	markWorkorderHandled,
	readWorkorders,
	updateWorkorder,
} from '../../OutSmartApi/transport';
import { type OutputMode, cleanWorkorder, shapeOutput } from '../../OutSmartApi/values/clean';
import { create } from './create';
import { createFromQuotation } from './fromQuotation';
import { createFromSalesOrder } from './fromSalesOrder';
import { syncFromPlanning } from './fromPlanning';
import { onWorkorder, readRef } from './ref';
import { setWorkStatusOf, type WorkStatusOptions } from './workStatus';

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
	const { madeIn: origins } = this.getNodeParameter('options', itemIndex, {}) as { madeIn?: string[] };
	return limitToMax(madeIn(workorders, origins), returnAll, limit).map((w) => shapeOutput(output, w, cleanWorkorder));
};

const get: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const { ref } = readRef.call(this, itemIndex);
	const workorder = await onWorkorder(this, ref, itemIndex, () => getWorkorder.call(this, ref, { itemIndex }));
	return [shapeOutput(outputMode.call(this, 'options', itemIndex), workorder, cleanWorkorder)];
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
	const options = this.getNodeParameter('workStatusOptions', itemIndex, {}) as WorkStatusOptions;
	const { result, statusCreated } = await setWorkStatusOf.call(this, ref, workStatus, options, itemIndex);
	return [{ ...output, WorkStatus: workStatus, result, ...(statusCreated ? { statusCreated } : {}) }];
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
	createFromQuotation,
	createFromSalesOrder,
	get,
	getMany,
	markHandled,
	setWorkStatus,
	syncFromPlanning,
	update,
};
