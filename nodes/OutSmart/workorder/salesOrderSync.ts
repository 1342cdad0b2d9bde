/**
 * Flow 1 on a work order that exists already: an Exact sales order that changed, was cancelled or was deleted.
 * Only a work order still Klaargezet (no technician has it on a device) is changed, and only where OutSmart's
 * UpdateWorkorder can: the planned date, the material lines (replaced as a whole) and, for a cancelled or deleted
 * order, the work status the user picked. Everything else is reported on the item with the reason, so the office
 * can act: fields OutSmart keeps as they were made, or a work order that is picked up or further.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { text } from '../../mapping/values';
import type { WorkOrderFromSalesOrder } from '../../mapping/salesOrderWorkOrder';
import { WORK_ORDER_READY, workOrderDifferences } from '../../mapping/salesOrderWorkOrderChanges';
import { replaceWorkorderMaterials, updateWorkorder } from '../../OutSmartApi/transport';
import { asNodeError } from '../../shared/nodeErrors';
import { materialLine } from './body';
import { setWorkStatusOf } from './workStatus';

export type SyncOutcome = 'created' | 'updated' | 'cancelled' | 'unchanged' | 'reported' | 'skipped';

/** The work order as cleaned output: row ID, number, OutSmart status, work status, fields, Materials. */
export type CurrentWorkOrder = IDataObject & { id: number; WorkorderNo: string; status: string };

const summary = (workorder: CurrentWorkOrder, outcome: SyncOutcome, extra: IDataObject = {}): IDataObject => ({
	outcome,
	WorkorderNo: workorder.WorkorderNo,
	id: workorder.id,
	status: workorder.status,
	...extra,
});

/** Statuses in which the technician's work is done: the order's own later changes (e.g. flow 10 writing back what was used) are not news. */
const WORK_DONE = ['Compleet', 'Afgehandeld'];

const workDone = (workorder: CurrentWorkOrder) =>
	`work order ${workorder.WorkorderNo} is ${workorder.status}: the work is done, so changes to the order stay in Exact (template 10 brings what was used back to the order)`;

const pickedUp = (workorder: CurrentWorkOrder) =>
	`work order ${workorder.WorkorderNo} is ${workorder.status}: a technician has it (only Klaargezet work orders are changed), so it was left as it is`;

/** A changed order: carries the date and materials over to a Klaargezet work order, reports the rest. */
export async function updateFromOrder(this: IExecuteFunctions, workorder: CurrentWorkOrder, mapped: WorkOrderFromSalesOrder, itemIndex: number): Promise<IDataObject> {
	const differences = workOrderDifferences(mapped, workorder);
	const changeable = [...(differences.workDate ? ['WorkDate'] : []), ...(differences.materials ? ['Materials'] : [])];
	const all = [...changeable, ...differences.fixed];
	if (all.length === 0) return summary(workorder, 'unchanged');
	if (WORK_DONE.includes(workorder.status)) return summary(workorder, 'skipped', { differingFields: all, reason: workDone(workorder) });
	if (workorder.status !== WORK_ORDER_READY) return summary(workorder, 'reported', { differingFields: all, reason: pickedUp(workorder) });

	const fixedReason = differences.fixed.length
		? `OutSmart can't change ${differences.fixed.join(', ')} on an existing work order: change them in OutSmart by hand if they matter`
		: undefined;
	if (changeable.length === 0) return summary(workorder, 'reported', { differingFields: differences.fixed, reason: fixedReason });

	const changedFields: string[] = [];
	try {
		if (differences.workDate) {
			await updateWorkorder.call(this, { rowId: workorder.id }, { workDate: differences.workDate }, { itemIndex });
			changedFields.push('WorkDate');
		}
		if (differences.materials) {
			const lines = mapped.materials.map((line, index) => materialLine(line, index));
			await replaceWorkorderMaterials.call(this, workorder.id, lines, { itemIndex });
			changedFields.push('Materials');
		}
	} catch (error) {
		const nodeError = asNodeError(this.getNode(), error, itemIndex);
		// Say what was written before the refusal, so a second run (which compares again) is no surprise.
		if (changedFields.length) nodeError.message = `${nodeError.message} (already changed on ${workorder.WorkorderNo}: ${changedFields.join(', ')})`;
		throw nodeError;
	}
	return summary(workorder, 'updated', {
		changedFields,
		...(differences.workDate ? { WorkDate: differences.workDate } : {}),
		...(fixedReason ? { notUpdatedFields: differences.fixed, reason: fixedReason } : {}),
	});
}

/** A cancelled or deleted order: the Klaargezet work order gets the user's work status; a later one is reported. */
export async function cancelFromOrder(
	this: IExecuteFunctions,
	workorder: CurrentWorkOrder,
	gone: 'cancelled' | 'deleted',
	workStatus: string,
	itemIndex: number,
): Promise<IDataObject> {
	if (!workStatus) {
		return summary(workorder, 'reported', {
			reason: `the order was ${gone} in Exact, but no work status for cancelled orders is chosen: pick one in "Work Status for Cancelled Orders"`,
		});
	}
	if (text(workorder.WorkStatus) === workStatus) return summary(workorder, 'unchanged', { WorkStatus: workStatus });
	if (workorder.status !== WORK_ORDER_READY) return summary(workorder, 'reported', { reason: `the order was ${gone} in Exact, but ${pickedUp(workorder)}` });
	const { statusCreated } = await setWorkStatusOf.call(this, { rowId: workorder.id }, workStatus, {}, itemIndex);
	return summary(workorder, 'cancelled', {
		changedFields: ['WorkStatus'],
		WorkStatus: workStatus,
		previousWorkStatus: text(workorder.WorkStatus) || null,
		orderWas: gone,
		...(statusCreated ? { statusCreated } : {}),
	});
}
