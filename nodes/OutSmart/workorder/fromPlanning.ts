/**
 * Sync From Exact Planning (flow 3): a planning line as the Exact Online Project node hands it out (Get Changes
 * or Get Many, deleted lines included) becomes, moves or cancels work order PP-<planning ID>. Only a work order
 * still Klaargezet is changed; once a technician has it, a change in Exact is reported, not applied. A second
 * run with the same line changes nothing (the work order already matches, or OutSmart already has the number).
 */
import { type IDataObject, type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import type { ItemOperation, RunScope } from '../../shared/router';
import { decidePlanning, planningToWorkOrder, planningWorkOrderNumber, type PlanningDecision } from '../../mapping/projectPlanning';
import { RELATION } from '../../OutSmartApi/entities';
import { listRecords, updateWorkorder } from '../../OutSmartApi/transport';
import { findByNumber, sendNewWorkorder } from './create';
import { setWorkStatusOf } from './workStatus';
import { onWorkorder } from './ref';

interface PlanningOptions {
	cancelStatus?: string;
	cancelStatusName?: string;
}

export const DEFAULT_CANCEL_STATUS = 'GEANNULEERD';

function planningInput(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = this.getNodeParameter('planningLine', itemIndex, {}) as unknown;
	let line: unknown = raw;
	if (typeof raw === 'string') {
		try {
			line = JSON.parse(raw);
		} catch {
			line = undefined;
		}
	}
	if (typeof line !== 'object' || line === null || Array.isArray(line) || !(line as IDataObject).ID) {
		throw new NodeOperationError(this.getNode(), 'Planning Line is not an Exact planning line', {
			itemIndex,
			description: 'Use {{ $json }} after an Exact Online Project node (Planning: Get Changes or Get Many), so that the item has ID, StartDate and EmployeeCode',
		});
	}
	return line as IDataObject;
}

/** The OutSmart relation with this debtor number (imported from Exact), once per run and debtor. */
async function relationOf(this: IExecuteFunctions, debtorNumber: string, run: RunScope, itemIndex: number): Promise<IDataObject | undefined> {
	const cache = run.cache<IDataObject | null>('relations');
	if (!cache.has(debtorNumber)) {
		const { records } = await listRecords.call(this, RELATION.endpoint, [{ key: 'debtor_number', value: debtorNumber }], { itemIndex });
		cache.set(debtorNumber, records.find((r) => String(r.debtor_number ?? '').trim() === debtorNumber) ?? null);
	}
	return cache.get(debtorNumber) ?? undefined;
}

async function create(this: IExecuteFunctions, line: IDataObject, run: RunScope, itemIndex: number): Promise<IDataObject> {
	const debtor = String(line.AccountCode ?? '').trim();
	const fix = (message: string, description: string) => new NodeOperationError(this.getNode(), message, { itemIndex, description });
	if (!debtor) throw fix(`Planning line ${String(line.ID)} has no customer (AccountCode)`, 'Plan it on a project with a customer in Exact');
	const relation = await relationOf.call(this, debtor, run, itemIndex);
	if (!relation) throw fix(`Relation ${debtor} is not in OutSmart`, 'Import the relations first (template 01), then run again; nothing was sent');
	const mapped = planningToWorkOrder(line, relation);
	if (mapped.missing.length) throw fix(`Relation ${debtor} in OutSmart has no ${mapped.missing.join(', ')}`, 'Complete the account in Exact and import it again; nothing was sent');
	const { Employees: employees, ...fields } = mapped.fields;
	const [result] = await sendNewWorkorder.call(
		this,
		{
			fields: { ...fields, TypeOfWork: this.getNodeParameter('typeOfWork', itemIndex, '') as string, PaymentMethod: this.getNodeParameter('paymentMethod', itemIndex, '') as string },
			materials: [],
			workperiods: [],
			employees,
		},
		'returnExisting',
		itemIndex,
	);
	return result;
}

export const syncFromPlanning: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number, run: RunScope) {
	const line = planningInput.call(this, itemIndex);
	const options = this.getNodeParameter('planningOptions', itemIndex, {}) as PlanningOptions;
	const cancelStatus = options.cancelStatus?.trim() || DEFAULT_CANCEL_STATUS;
	const workorderNo = planningWorkOrderNumber(line.ID);
	const ref = { workorderNo };
	const existing = await findByNumber.call(this, workorderNo, itemIndex);
	const decision: PlanningDecision = decidePlanning(line, existing, cancelStatus);
	const out = (extra: IDataObject = {}) => [
		{ WorkorderNo: workorderNo, PlanningId: line.ID, action: decision.action, reason: decision.reason, ...(decision.changes ? { changes: decision.changes } : {}), ...extra },
	];
	switch (decision.action) {
		case 'create': {
			const result = await create.call(this, line, run, itemIndex);
			// OutSmart already had the number (another run made it a moment ago): nothing new was made.
			return result.created === false ? [{ ...out()[0], action: 'unchanged', reason: 'OutSmart already has this work order', id: result.id }] : out({ id: result.id });
		}
		case 'move': {
			const { WorkDate, WorkTime, EmployeeNr } = decision.changes ?? {};
			const result = await onWorkorder(this, ref, itemIndex, () =>
				updateWorkorder.call(this, ref, { workDate: WorkDate, workTime: WorkTime, employeeNr: EmployeeNr }, { itemIndex }),
			);
			return out({ id: Number(existing?.id), result });
		}
		case 'cancel': {
			const name = options.cancelStatusName?.trim() || 'Geannuleerd in Exact';
			const { result } = await setWorkStatusOf.call(this, ref, cancelStatus, { createIfMissing: true, newStatusName: name }, itemIndex);
			return out({ id: Number(existing?.id), WorkStatus: cancelStatus, result });
		}
		default:
			return out(existing ? { id: Number(existing.id), status: existing.status ?? null } : {});
	}
};
