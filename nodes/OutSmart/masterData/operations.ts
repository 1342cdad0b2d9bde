/** Get Many, Upsert and Delete for one master-data entity, as per-item operations for the shared router. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/router';
import { type FilterValues, limitToMax } from '../descriptions';
import type { OutSmartEntity } from '../entities';
import { type OutSmartFilter, type OutSmartOperator, deleteEntity, listRecords } from '../transport';
import { type OutputMode, cleanRecord, shapeOutput } from '../values/clean';
import { type ItemResult, runUpsert } from './upsert';

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

/** Upsert runs once for all items (batches across items); each item then takes its own result. */
const upsertRuns = new WeakMap<object, Map<string, Promise<ItemResult[]>>>();

function upsert(entity: OutSmartEntity): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		let perRun = upsertRuns.get(this);
		if (!perRun) {
			perRun = new Map();
			upsertRuns.set(this, perRun);
		}
		let run = perRun.get(entity.endpoint);
		if (!run) {
			run = runUpsert.call(this, entity);
			perRun.set(entity.endpoint, run);
		}
		const result = (await run)[itemIndex];
		if (!result) throw new NodeOperationError(this.getNode(), 'No upsert result for this item', { itemIndex });
		if ('error' in result) throw result.error;
		return [result.json];
	};
}

export function masterDataOperations(entity: OutSmartEntity): Record<string, ItemOperation> {
	const operations: Record<string, ItemOperation> = { getMany: getMany(entity), upsert: upsert(entity) };
	if (entity.delete) operations.delete = remove(entity);
	return operations;
}
