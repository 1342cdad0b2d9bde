/**
 * What a price agreement needs beyond Exact's price row, and the deletions Exact does not log.
 *
 * - Exact names the customer and the item by ID; OutSmart knows them by debtor number and by material or hour
 *   type code. `addAgreementContext` adds AccountCode and ItemIsTime: one call per 20 accounts and per 20 items,
 *   or one pass over sync/CRM/Accounts or sync/Logistics/Items (1,000 a call) above 100 of them.
 * - sync/Deleted has no entity type for price rows. With deletions asked for, Get Changes reads the IDs of all
 *   price rows (sync endpoint, ID only: one call per 1,000 rows) and hands out the rows it handed out before that
 *   are gone, with the fields they had (kept per ID beside the cursor: `seen`), as `changeType: deleted`.
 *   With Confirm Later the new `seen` waits for Confirm Changes, so a run that fails hands the deletions out again.
 *   A row whose customer, item or start date changed is handed out as changed and, as it was, deleted: OutSmart
 *   knows a price by those, so the old one must end.
 */
import type { IDataObject } from 'n8n-workflow';
import { trimPaddedCode } from '../codes';
import { exactSyncRead, SYNC_START, type ExactContext } from '../transport';
import { ACCOUNT, ITEM, PRICE_AGREEMENT, type ExactEntity } from './definitions';
import { readByIds } from './byIds';
import { isQuantityPrice } from '../../mapping/priceAgreements';

const idOf = (value: unknown) => String(value ?? '').toLowerCase();
const isGuid = (value: string) => /^[0-9a-f-]{36}$/i.test(value);

/** A field of each record, read by ID from another entity (20 IDs a call, or all via bulk above 100). */
async function fieldById(
	this: ExactContext,
	entity: ExactEntity,
	ids: unknown[],
	field: string,
	itemIndex?: number,
): Promise<Map<string, unknown>> {
	const wanted = ids.map(idOf).filter(isGuid);
	const records = await readByIds.call(this, { entity, ids: wanted, select: `ID,${field}`, itemIndex });
	return new Map(records.map((record) => [idOf(record.ID), record[field]]));
}

/** Adds AccountCode (trimmed; null for a default price) and ItemIsTime (an hour type's price) to price rows. */
export async function addAgreementContext(this: ExactContext, rows: IDataObject[], itemIndex?: number): Promise<void> {
	const accounts = await fieldById.call(this, ACCOUNT, rows.map((r) => r.Account), 'Code', itemIndex);
	const items = await fieldById.call(this, ITEM, rows.map((r) => r.Item), 'IsTime', itemIndex);
	for (const row of rows) {
		const code = accounts.get(idOf(row.Account));
		row.AccountCode = code === undefined || code === null ? null : trimPaddedCode(String(code));
		const isTime = items.get(idOf(row.Item));
		row.ItemIsTime = isTime === true || Number(isTime) === 1;
	}
}

/** The fields of a handed-out row that a deletion needs to end it in OutSmart. */
const KEPT = ['AccountCode', 'Account', 'Item', 'ItemCode', 'ItemIsTime', 'Price', 'StartDate', 'EndDate', 'Quantity'];

/** The fields that make a row another OutSmart price when they change (its key there). */
const MOVES = ['AccountCode', 'ItemCode', 'ItemIsTime', 'StartDate'];

interface Seen {
	/** ID -> the row's kept fields, as last handed out. */
	rows: Record<string, IDataObject>;
	/** With Confirm Later: what `rows` becomes at Confirm Changes. */
	pending?: Record<string, IDataObject>;
}

/**
 * A row that became a price from a quantity on, or stopped being one: OutSmart only has the price for any quantity
 * (see isQuantityPrice), so the old one ends or the row arrives as new. Rows kept before Quantity was kept compare as unknown.
 */
function becameOrStoppedQuantityPrice(before: IDataObject, row: IDataObject): boolean {
	return 'Quantity' in before && 'Quantity' in row && isQuantityPrice(before) !== isQuantityPrice(row);
}

const seenKey = (cursorKey: string) => `${cursorKey}:seen`;

function readSeen(staticData: IDataObject, cursorKey: string): Seen {
	return (staticData[seenKey(cursorKey)] as Seen | undefined) ?? { rows: {} };
}

/** Makes a pending `seen` final (Confirm Changes); nothing to do without one. */
export function confirmSeen(staticData: IDataObject, cursorKey: string): void {
	const seen = readSeen(staticData, cursorKey);
	if (seen.pending) staticData[seenKey(cursorKey)] = { rows: seen.pending } as IDataObject;
}

/** Forgets every row (Start From Scratch). */
export function resetSeen(staticData: IDataObject, cursorKey: string): void {
	delete staticData[seenKey(cursorKey)];
}

/**
 * The rows handed out before that Exact no longer has, as deletions; records what this run hands out. `changed`
 * are this run's changed rows (with their context added); a row changed but not kept by a filter is not tracked.
 */
export async function detectDeletions(
	this: ExactContext,
	options: { staticData: IDataObject; cursorKey: string; changed: IDataObject[]; confirmLater: boolean; itemIndex?: number },
): Promise<IDataObject[]> {
	const seen = readSeen(options.staticData, options.cursorKey);
	const rows = { ...seen.rows };
	// A row whose customer, item or start date changed is another OutSmart price: the one it was ends.
	const moved: IDataObject[] = [];
	for (const row of options.changed) {
		const id = idOf(row.ID);
		const before = rows[id];
		if (before && (MOVES.some((field) => field in row && String(before[field] ?? '') !== String(row[field] ?? '')) || becameOrStoppedQuantityPrice(before, row))) {
			moved.push({ ID: id, ...before, changeType: 'deleted', movedTo: { StartDate: row.StartDate ?? null, AccountCode: row.AccountCode ?? null, ItemCode: row.ItemCode ?? null } });
		}
		rows[id] = Object.fromEntries(KEPT.filter((field) => field in row).map((field) => [field, row[field]])) as IDataObject;
	}
	const known = Object.keys(rows);
	let deleted: IDataObject[] = moved;
	if (known.length) {
		const all = await exactSyncRead.call(this, {
			entity: PRICE_AGREEMENT.syncEntity as string,
			select: ['ID'],
			since: SYNC_START,
			itemIndex: options.itemIndex,
		});
		const present = new Set(all.records.map((record) => idOf(record.ID)));
		const gone = known.filter((id) => !present.has(id));
		deleted = [...moved, ...gone.map((id) => ({ ID: id, ...rows[id], changeType: 'deleted' }))];
		for (const id of gone) delete rows[id];
	}
	const unchanged = JSON.stringify(rows) === JSON.stringify(seen.rows) && !seen.pending;
	if (!unchanged) {
		options.staticData[seenKey(options.cursorKey)] = (options.confirmLater ? { rows: seen.rows, pending: rows } : { rows }) as IDataObject;
	}
	return deleted;
}
