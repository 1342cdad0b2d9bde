/**
 * A completed work order that came from an Exact sales order -> the changes to that order's lines, so that the
 * order holds what was actually used. Pure: the operation reads the order, asks this plan, and writes it.
 *
 * - An item used on the work order sets the quantity of the order's first line with that item (materials and
 *   hours alike: an hour type is an Exact item).
 * - An item used but not ordered becomes a new line whose Notes carry the work order number: that note is how a
 *   later run (or another process) recognises the line as written for this work order.
 * - An ordered line of an item not used is removed, or kept as ordered when the user asks; a line Exact already
 *   delivered or invoiced can't go below that quantity (Exact refuses it), so that is a problem, not a write.
 * - Two lines with this work order's note for one item were written by two runs at once: the later one is removed.
 * Planning an order that already holds the work order gives no changes: a re-run writes nothing.
 */
import type { DocumentLine } from './workOrderDocument';
import { text } from './values';

/** An order line as the plan needs it (read from salesorder/SalesOrderLines). */
export interface OrderLine {
	id: string;
	lineNumber: number;
	itemCode: string;
	quantity: number;
	delivered: number;
	invoiced: number;
	notes: string;
}

export interface LineUpdate {
	line: OrderLine;
	quantity: number;
}

export interface LineAddition {
	itemCode: string;
	quantity: number;
	unitPrice?: number;
	description: string;
	notes: string;
}

export interface OrderReturnPlan {
	updates: LineUpdate[];
	additions: LineAddition[];
	removals: OrderLine[];
	/** What stops the work order from going back to this order as it is. */
	problems: string[];
}

export type UnusedLines = 'remove' | 'keep';

/** The note on the lines this flow adds, e.g. "Werkbon VO-12": the key a later run finds them by. */
export function workOrderNote(workOrderNumber: string): string {
	return `Werkbon ${workOrderNumber}`;
}

function codeKey(code: string): string {
	return code.trim().toLowerCase();
}

function round(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}

/** What the work order used per item (first line of a code gives its description and price). */
function usedPerItem(lines: DocumentLine[]): Map<string, LineAddition & { quantity: number }> {
	const used = new Map<string, LineAddition>();
	for (const line of lines) {
		if (line.source === 'text') continue;
		const key = codeKey(line.itemCode);
		const known = used.get(key);
		if (known) known.quantity = round(known.quantity + line.quantity);
		else used.set(key, { itemCode: line.itemCode, quantity: line.quantity, unitPrice: line.unitPrice, description: line.description, notes: '' });
	}
	return used;
}

/** Already delivered or invoiced on the line: Exact keeps those, so the quantity can't go below. */
function floorOf(line: OrderLine): number {
	return Math.max(line.delivered, line.invoiced);
}

export function planOrderReturn(workOrderNumber: string, used: DocumentLine[], orderLines: OrderLine[], unused: UnusedLines): OrderReturnPlan {
	const note = workOrderNote(workOrderNumber);
	const plan: OrderReturnPlan = { updates: [], additions: [], removals: [], problems: [] };
	const byItem = new Map<string, OrderLine[]>();
	for (const line of [...orderLines].sort((a, b) => a.lineNumber - b.lineNumber)) {
		const key = codeKey(line.itemCode);
		byItem.set(key, [...(byItem.get(key) ?? []), line]);
	}
	// A material returned as often as it was used (e.g. 1 and -1) was not used.
	const wanted = new Map([...usedPerItem(used)].filter(([, use]) => use.quantity > 0));

	for (const [key, lines] of byItem) {
		const use = wanted.get(key);
		const [first, ...others] = lines;
		const leftOver = use ? others : lines;
		if (use) {
			if (use.quantity + 1e-9 < floorOf(first)) {
				plan.problems.push(
					`Sales order line ${first.lineNumber} (${first.itemCode}) was already delivered or invoiced ${floorOf(first)}, more than the ${use.quantity} used on the work order`,
				);
			} else if (round(first.quantity) !== round(use.quantity)) plan.updates.push({ line: first, quantity: use.quantity });
		}
		for (const line of leftOver) {
			const ours = text(line.notes) === note;
			if (!ours && unused === 'keep') continue;
			if (floorOf(line) > 0) {
				if (!ours) plan.problems.push(`Sales order line ${line.lineNumber} (${line.itemCode}) was already delivered or invoiced (${floorOf(line)}) but the work order used none`);
				continue;
			}
			plan.removals.push(line);
		}
	}
	for (const [key, use] of wanted) {
		if (byItem.has(key)) continue;
		plan.additions.push({ ...use, notes: note });
	}
	return plan;
}

export function planChanges(plan: OrderReturnPlan): number {
	return plan.updates.length + plan.additions.length + plan.removals.length;
}
