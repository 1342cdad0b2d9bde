/**
 * Setting a work order's work status (UpdateWorkorder), with the status added to OutSmart's list first when
 * OutSmart does not know it (e.g. EXPFOUT or GEANNULEERD in a fresh OutSmart). Used by Set Work Status and by
 * the sales order sync (a cancelled order).
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../../shared/nodeErrors';
import { listRecords, outSmartErrorCode, updateWorkorder, upsertRecords, type WorkorderRef } from '../../OutSmartApi/transport';
import { WORK_STATUS } from '../../OutSmartApi/entities';
import { onWorkorder } from './ref';

export interface WorkStatusOptions {
	/** Add the status to OutSmart's list when OutSmart refuses it as unknown (default true). */
	createIfMissing?: boolean;
	/** The name a status added here gets; empty: its code. */
	newStatusName?: string;
}

/**
 * Adds a work status OutSmart does not know; false when it knew it already, so the refusal had another reason.
 */
async function createMissingStatus(this: IExecuteFunctions, code: string, name: string, itemIndex: number): Promise<boolean> {
	const { records } = await listRecords.call(this, WORK_STATUS.endpoint, [], { itemIndex });
	if (records.some((record) => String(record.sta_code ?? '').trim() === code)) return false;
	await upsertRecords.call(this, WORK_STATUS.endpoint, [{ sta_code: code, sta_name: name || code }], { itemIndex });
	return true;
}

export async function setWorkStatusOf(
	this: IExecuteFunctions,
	ref: WorkorderRef,
	workStatus: string,
	options: WorkStatusOptions,
	itemIndex: number,
): Promise<{ result: 'updated' | 'unchanged'; statusCreated?: true }> {
	const update = () => onWorkorder(this, ref, itemIndex, () => updateWorkorder.call(this, ref, { workStatus }, { itemIndex }));
	try {
		return { result: await update() };
	} catch (error) {
		// OutSmart refuses (1504) a work status that is not in its list; the update was not applied, so it may be repeated.
		if (options.createIfMissing === false || outSmartErrorCode(error) !== 1504) throw asNodeError(this.getNode(), error, itemIndex);
		if (!(await createMissingStatus.call(this, workStatus, (options.newStatusName ?? '').trim(), itemIndex))) throw asNodeError(this.getNode(), error, itemIndex);
		return { result: await update(), statusCreated: true };
	}
}
