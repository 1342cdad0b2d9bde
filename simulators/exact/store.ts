import { randomUUID } from 'crypto';
import { EXACT_ENTITY_NAMES } from '../seed/types';
import type { ExactEntityName, ExactRecord } from '../seed/types';
import { exactDateFromEpoch } from './dates';

/**
 * In-memory tables per division. Every insert and update takes the next division-wide row version
 * (`Timestamp`, what the /sync/ endpoints filter on); every delete adds a row to the division's
 * sync/Deleted log. Business rules live in rules.ts; this module only keeps data consistent.
 */

export type ChangeAction = 'Create' | 'Update' | 'Delete';

export interface ChangeEvent {
	division: number;
	entity: ExactEntityName;
	action: ChangeAction;
	key: string;
}

/** First row version handed out; real Exact values are large opaque Int64 numbers. */
const FIRST_TIMESTAMP = 1_000_000;

export class DivisionData {
	readonly tables = new Map<ExactEntityName, Map<string, ExactRecord>>();

	readonly deleted: ExactRecord[] = [];

	timestamp = FIRST_TIMESTAMP;

	constructor(readonly code: number) {
		for (const name of EXACT_ENTITY_NAMES) this.tables.set(name, new Map());
	}

	table(entity: ExactEntityName): Map<string, ExactRecord> {
		const table = this.tables.get(entity);
		if (!table) throw new Error(`Unknown entity ${entity}`);
		return table;
	}

	nextTimestamp(): number {
		this.timestamp += 1;
		return this.timestamp;
	}
}

export class ExactStore {
	private readonly divisions = new Map<number, DivisionData>();

	private readonly listeners: Array<(event: ChangeEvent) => void> = [];

	onChange(listener: (event: ChangeEvent) => void): void {
		this.listeners.push(listener);
	}

	emit(event: ChangeEvent): void {
		for (const listener of this.listeners) listener(event);
	}

	clear(): void {
		this.divisions.clear();
	}

	hasDivision(code: number): boolean {
		return this.divisions.has(code);
	}

	division(code: number): DivisionData {
		let data = this.divisions.get(code);
		if (!data) {
			data = new DivisionData(code);
			this.divisions.set(code, data);
		}
		return data;
	}

	list(entity: ExactEntityName, division: number): ExactRecord[] {
		return Array.from(this.division(division).table(entity).values());
	}

	get(entity: ExactEntityName, division: number, key: string): ExactRecord | undefined {
		return this.division(division).table(entity).get(key.toLowerCase());
	}

	/** Insert or replace, stamping the next row version. */
	put(entity: ExactEntityName, division: number, keyField: string, record: ExactRecord): ExactRecord {
		const data = this.division(division);
		const key = String(record[keyField]).toLowerCase();
		record[keyField] = key;
		record.Timestamp = data.nextTimestamp();
		data.table(entity).set(key, record);
		return record;
	}

	/** Give an existing record a new row version without changing anything else (e.g. header of a changed line). */
	touch(entity: ExactEntityName, division: number, key: string): void {
		const record = this.get(entity, division, key);
		if (record) record.Timestamp = this.division(division).nextTimestamp();
	}

	/** Remove a record and log it for sync/Deleted under each of the given EntityType codes. */
	remove(
		entity: ExactEntityName,
		division: number,
		key: string,
		deletedTypes: number[],
		deletedBy: string,
		nowEpoch: number,
	): boolean {
		const data = this.division(division);
		const existed = data.table(entity).delete(key.toLowerCase());
		if (!existed) return false;
		for (const type of deletedTypes) {
			data.deleted.push({
				ID: randomUUID(),
				EntityKey: key.toLowerCase(),
				EntityType: type,
				Timestamp: data.nextTimestamp(),
				DeletedBy: deletedBy,
				DeletedDate: exactDateFromEpoch(nowEpoch),
				Division: division,
			});
		}
		return true;
	}
}
