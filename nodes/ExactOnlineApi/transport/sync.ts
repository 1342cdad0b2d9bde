/**
 * Incremental reads through Exact's /sync/ endpoints: everything with a row version (`Timestamp`) above
 * the cursor, 1,000 records a page, `$select` mandatory. `Timestamp` is a division-wide Int64 row version,
 * not a time; we keep it as a decimal string so no digit is lost, and compare it as a BigInt.
 * Deletions come from sync/Deleted, one EntityType code per entity.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ExactContext } from './context';
import { forEachPage } from './paging';
import { andFilters, odataInt64, orFilters } from '../odata';

/** Cursor of a first run: everything. */
export const SYNC_START = '1';

/** EntityType codes of sync/Deleted. */
export const DELETED_ENTITY_TYPES = {
	Accounts: 2,
	Addresses: 3,
	Contacts: 5,
	Items: 9,
	PaymentTerms: 10,
	SalesInvoices: 13,
	TimeCostTransactions: 14,
	StockPositions: 15,
	ItemWarehouses: 19,
	Projects: 21,
	ProjectPlanning: 26,
	SalesOrderHeaders: 32,
	SalesOrderLines: 33,
	QuotationHeaders: 34,
	QuotationLines: 35,
} as const;

export interface SyncReadOptions {
	/** The entity under /sync/, e.g. "CRM/Accounts". */
	entity: string;
	select: string[];
	/** Read records with a Timestamp above this; SYNC_START on a first run. */
	since: string;
	/** An extra condition, already built with the odata helpers. */
	filter?: string;
	/** Stop after the page (1,000) that reaches this many records; the cursor is then where the read stopped. */
	maxRecords?: number;
	itemIndex?: number;
}

export interface SyncResult {
	records: IDataObject[];
	/** The cursor for the next run: the highest Timestamp seen, or `since` when nothing changed. */
	cursor: string;
	/** The read stopped at maxRecords: more may follow from `cursor` (or nothing, when the list ended right there). */
	stoppedEarly: boolean;
}

export function maxTimestamp(current: string, value: unknown): string {
	if (value === undefined || value === null || value === '') return current;
	const text = String(value);
	if (!/^\d+$/.test(text)) return current;
	return BigInt(text) > BigInt(current) ? text : current;
}

export async function exactSyncRead(this: ExactContext, options: SyncReadOptions): Promise<SyncResult> {
	const select = options.select.includes('Timestamp') ? options.select : [...options.select, 'Timestamp'];
	const records: IDataObject[] = [];
	let cursor = options.since;
	await forEachPage.call(
		this,
		{
			path: `sync/${options.entity}`,
			query: {
				$select: select.join(','),
				$filter: andFilters(`Timestamp gt ${odataInt64(options.since)}`, options.filter),
			},
			stopAfter: options.maxRecords,
			itemIndex: options.itemIndex,
		},
		(page) => {
			for (const record of page) {
				cursor = maxTimestamp(cursor, record.Timestamp);
				records.push(record);
			}
		},
	);
	return { records, cursor, stoppedEarly: options.maxRecords !== undefined && records.length >= options.maxRecords };
}

export interface DeletedRecord {
	EntityKey: string;
	EntityType: number;
	Timestamp: string | number;
	DeletedDate?: string;
	[key: string]: unknown;
}

/** Deletions of one entity type, or of several in one read (the Exact Online Poll Trigger's topics). */
export async function exactSyncDeleted(
	this: ExactContext,
	options: { entityType: number | number[]; since: string; itemIndex?: number },
): Promise<{ records: DeletedRecord[]; cursor: string }> {
	const types = Array.isArray(options.entityType) ? options.entityType : [options.entityType];
	const result = await exactSyncRead.call(this, {
		entity: 'Deleted',
		select: ['EntityKey', 'EntityType', 'Timestamp', 'DeletedDate'],
		since: options.since,
		filter: orFilters(...types.map((type) => `EntityType eq ${type}`)),
		itemIndex: options.itemIndex,
	});
	return { records: result.records as DeletedRecord[], cursor: result.cursor };
}
