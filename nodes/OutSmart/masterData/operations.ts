/** Get Many and Delete (per item) and Upsert (a batch) for one master-data entity, for the shared router. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import type { BatchOperation, ItemOperation, Operation } from '../../shared/router';
import { limitToMax } from '../../shared/descriptions';
import type { FilterValues } from '../../OutSmartApi/descriptions';
import type { OutSmartEntity } from '../../OutSmartApi/entities';
import { type OutSmartFilter, type OutSmartOperator, deleteEntity, listRecords } from '../../OutSmartApi/transport';
import { type OutputMode, cleanRecord, shapeOutput } from '../../OutSmartApi/values/clean';
import { runUpsert } from './upsert';

/** The filter rows of a Get Many, as transport filters. */
export function readFilters(this: IExecuteFunctions, itemIndex: number): OutSmartFilter[] {
	const rows = (this.getNodeParameter('filters', itemIndex, {}) as FilterValues).filter ?? [];
	return rows.map((row) => {
		if (!row.key) throw new NodeOperationError(this.getNode(), 'A filter has no field name', { itemIndex });
		return { key: row.key, value: row.value ?? '', operator: (row.operator || 'eq') as OutSmartOperator };
	});
}

/**
 * OutSmart answers a filter on a field it does not know with code 200, an empty list and a message. That is
 * an error here: an empty list would read as "nothing there".
 */
export function assertKnownFilterKeys(this: IExecuteFunctions, messages: string[], itemIndex: number): void {
	const unknown = messages.filter((m) => /unknown filter key/i.test(m));
	if (unknown.length) {
		throw new NodeOperationError(this.getNode(), `OutSmart does not know this filter field: ${unknown.join('; ')}`, {
			itemIndex,
			description: 'Filter on a field name exactly as OutSmart returns it (see the output of Get Many without filters).',
		});
	}
}

function getMany(entity: OutSmartEntity): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const { records, messages } = await listRecords.call(this, entity.endpoint, readFilters.call(this, itemIndex), { itemIndex });
		assertKnownFilterKeys.call(this, messages, itemIndex);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
		const { output } = this.getNodeParameter('options', itemIndex, {}) as { output?: OutputMode };
		return limitToMax(records, returnAll, limit).map((record) => shapeOutput(output, record, (raw) => cleanRecord(entity, raw)));
	};
}

function remove(entity: OutSmartEntity): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const target = entity.delete;
		if (!target) throw new NodeOperationError(this.getNode(), `OutSmart does not allow deleting a ${entity.label}`, { itemIndex });
		const value = String(this.getNodeParameter('deleteKey', itemIndex, '') ?? '').trim();
		if (!value) {
			throw new NodeOperationError(this.getNode(), `Which ${entity.label} should be deleted? Fill in the ${target.keyDisplayName}`, { itemIndex });
		}
		const count = await deleteEntity.call(this, { entity: target.entity, key: target.key, value }, { itemIndex });
		return [{ deleted: count > 0, count, [target.key]: value } as IDataObject];
	};
}

/**
 * Upsert sends all input items together (in batches) and has two outputs: Stored (created, updated, unchanged,
 * skipped) and Refused (OutSmart refused the record, or it cannot be sent as it is), each item paired with its
 * input. A refused item carries its input's fields plus `error` and `details`, as n8n's own error output does, so
 * a flow can tell which record it was (e.g. Exact's Confirm Changes retries it later). A failure that is not about
 * a record (auth, network, OutSmart down) stops the node: nothing is sorted, running again is safe.
 */
function upsert(entity: OutSmartEntity): BatchOperation {
	return {
		async batch(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const results = await runUpsert.call(this, entity);
			const stopped = results.find((result) => 'error' in result);
			if (stopped && 'error' in stopped) throw stopped.error;
			const input = this.getInputData();
			const stored: INodeExecutionData[] = [];
			const refused: INodeExecutionData[] = [];
			results.forEach((result, itemIndex) => {
				const pairedItem = { item: itemIndex };
				if ('json' in result) stored.push({ json: result.json, pairedItem });
				else if ('refused' in result) {
					refused.push({
						json: { ...input[itemIndex].json, error: result.refused.message, details: result.refused.description ?? null },
						pairedItem,
					});
				}
			});
			return [stored, refused];
		},
	};
}

export function masterDataOperations(entity: OutSmartEntity): Record<string, Operation> {
	const operations: Record<string, Operation> = { getMany: getMany(entity), upsert: upsert(entity) };
	if (entity.delete) operations.delete = remove(entity);
	return operations;
}
