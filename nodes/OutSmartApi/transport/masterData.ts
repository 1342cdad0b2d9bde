/**
 * Master data (relations, materials, hourtypes, projects, employees, lookups): GET a list with optional
 * advanced filters, POST an array to insert or update by code, DeleteEntity. OutSmart has no paging: a list is
 * the whole table.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { type OutSmartFilter, OutSmartFilterError, filterQuery } from './filters';
import {
	type OutSmartContext,
	type OutSmartEndpoint,
	type WorkorderReadEndpoint,
	outSmartRequest,
	outSmartRequestEnvelope,
} from './request';

/** Endpoints that list (GET) and insert or update (POST) records. */
export type OutSmartRecordEndpoint = Exclude<OutSmartEndpoint, WorkorderReadEndpoint | 'PostWorkorders' | 'UpdateWorkorder' | 'DeleteEntity'>;

interface CallOptions {
	itemIndex?: number;
	timeout?: number;
}

export interface ListResult {
	records: IDataObject[];
	/** OutSmart's messages on a successful answer (e.g. "Unknown filter key: zip" with an empty list). */
	messages: string[];
}

/** GET an entity list, e.g. listRecords.call(this, 'relations', [{ key: 'debtor_number', value: '1001' }]). */
export async function listRecords(
	this: OutSmartContext,
	endpoint: OutSmartRecordEndpoint,
	filters: OutSmartFilter[] = [],
	options: CallOptions = {},
): Promise<ListResult> {
	let qs: Record<string, string> = {};
	try {
		qs = filterQuery(filters);
	} catch (error) {
		const message = error instanceof OutSmartFilterError ? error.message : String(error);
		throw new NodeOperationError(this.getNode(), message, { itemIndex: options.itemIndex });
	}
	const envelope = await outSmartRequestEnvelope.call(this, { endpoint, qs, itemIndex: options.itemIndex, timeout: options.timeout });
	return { records: Array.isArray(envelope.response) ? (envelope.response as IDataObject[]) : [], messages: envelope.messages };
}

/** POST records to insert or update by their key; answers OutSmart's count of records synced. */
export async function upsertRecords(
	this: OutSmartContext,
	endpoint: OutSmartRecordEndpoint,
	records: IDataObject[],
	options: CallOptions = {},
): Promise<number> {
	if (!records.length) return 0;
	const response = await outSmartRequest.call(this, {
		method: 'POST',
		endpoint,
		body: records,
		itemIndex: options.itemIndex,
		timeout: options.timeout,
	});
	return typeof response === 'number' ? response : Number(response ?? 0);
}

/** DeleteEntity?entity=..&key=..&value=..; answers the number of rows deleted. Never retried automatically. */
export async function deleteEntity(
	this: OutSmartContext,
	target: { entity: string; key: string; value: string | number },
	options: CallOptions = {},
): Promise<number> {
	const response = await outSmartRequest.call(this, {
		endpoint: 'DeleteEntity',
		qs: { delete_all: 'false', entity: target.entity, key: target.key, value: String(target.value) },
		itemIndex: options.itemIndex,
		timeout: options.timeout,
	});
	return typeof response === 'number' ? response : Number(response ?? 0);
}
