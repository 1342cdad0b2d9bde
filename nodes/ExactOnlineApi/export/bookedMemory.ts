/**
 * The entry numbers Exact confirmed booked for OutSmart invoices, remembered in the workflow's static data so an
 * hourly run does not look every invoice OutSmart lists up again: Exact's 5,000 calls a day per division are the
 * scarce resource, and a quiet run would otherwise grow with the whole invoice list (one SalesEntries and one
 * Accounts call per 20 invoices). Only what Exact confirmed is remembered (an entry found or written, its PDF
 * attached or not wanted); anything else is looked up in Exact before it is written, as before.
 *
 * Stored as ranges of numbers ("202600001-202600950,202600952"): invoice numbers run on, so 10,000 invoices of
 * a year take one range of ~19 characters. Gaps (invoices not booked yet) split ranges; the list is capped at
 * MAX_RANGES (~20 KB at worst) by forgetting the lowest numbers first, which only costs those a look-up again.
 * Kept per Exact site, division, journal and numbering, so changing one of them starts from Exact again.
 */
import type { IDataObject } from 'n8n-workflow';

const STATIC_KEY = 'bookedEntryNumbers';
export const MAX_RANGES = 2_000;

type Range = [number, number];

function parse(text: unknown): Range[] {
	if (typeof text !== 'string' || !text) return [];
	const ranges: Range[] = [];
	for (const part of text.split(',')) {
		const [low, high = low] = part.split('-').map(Number);
		if (Number.isSafeInteger(low) && Number.isSafeInteger(high) && low <= high) ranges.push([low, high]);
	}
	return ranges.sort((a, b) => a[0] - b[0]);
}

const format = (ranges: Range[]) => ranges.map(([low, high]) => (low === high ? String(low) : `${low}-${high}`)).join(',');

/** Sorted, merged (adjacent numbers join one range), and at most MAX_RANGES of the highest. */
function normalise(ranges: Range[]): Range[] {
	const merged: Range[] = [];
	for (const [low, high] of [...ranges].sort((a, b) => a[0] - b[0])) {
		const last = merged[merged.length - 1];
		if (last && low <= last[1] + 1) last[1] = Math.max(last[1], high);
		else merged.push([low, high]);
	}
	return merged.slice(-MAX_RANGES);
}

export class BookedMemory {
	private ranges: Range[];
	private readonly added: number[] = [];

	/** forget: start empty (the user asked to look every invoice up again, e.g. after deleting an entry in Exact). */
	constructor(
		private readonly staticData: IDataObject,
		private readonly key: string,
		private readonly forget: boolean,
	) {
		const store = (staticData[STATIC_KEY] ?? {}) as IDataObject;
		this.ranges = forget ? [] : parse(store[key]);
	}

	has(entryNumber: number): boolean {
		let low = 0;
		let high = this.ranges.length - 1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			const [from, to] = this.ranges[middle];
			if (entryNumber < from) high = middle - 1;
			else if (entryNumber > to) low = middle + 1;
			else return true;
		}
		return false;
	}

	confirm(entryNumber: number): void {
		this.added.push(entryNumber);
	}

	/** Writes the memory back into the static data (n8n saves it with the execution, outside manual runs). */
	save(): void {
		if (!this.added.length && !this.forget) return;
		this.ranges = normalise([...this.ranges, ...this.added.map((n): Range => [n, n])]);
		this.added.length = 0;
		const store = { ...((this.staticData[STATIC_KEY] ?? {}) as IDataObject) };
		if (this.ranges.length) store[this.key] = format(this.ranges);
		else delete store[this.key];
		this.staticData[STATIC_KEY] = store;
	}
}
