/**
 * Reading a sales order's lines and writing the changes a work order brings, each write proven: a write whose
 * answer is lost (time-out, dropped connection, 5xx) is looked for in a fresh read of the lines and never sent
 * a second time; a write Exact refused for what is in it is the work order's fault.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { asNodeError } from '../../shared/nodeErrors';
import type { LineAddition, OrderLine, OrderReturnPlan } from '../../mapping/orderReturn';
import { odataGuid } from '../odata';
import { exactGetAnyOf, exactRequest, readList } from '../transport';
import { answerLost, refused400, WorkOrderFault } from './createFromWorkOrder';

const LINES_PATH = 'salesorder/SalesOrderLines';
const LINE_FIELDS = 'ID,OrderID,LineNumber,Item,ItemCode,Quantity,QuantityDelivered,QuantityInvoiced,Notes';

/** What one work order's writes need to know: whose order, for which item of the run, and the ID map. */
export interface OrderTarget {
	itemIndex: number;
	workOrderNumber: string;
	orderId: string;
	orderNumber: number;
	itemIds: Map<string, string>;
}

function toOrderLine(record: IDataObject): OrderLine {
	return {
		id: String(record.ID ?? '').toLowerCase(),
		lineNumber: Number(record.LineNumber ?? 0),
		itemCode: String(record.ItemCode ?? '').trim(),
		quantity: Number(record.Quantity ?? 0),
		delivered: Number(record.QuantityDelivered ?? 0),
		invoiced: Number(record.QuantityInvoiced ?? 0),
		notes: String(record.Notes ?? ''),
	};
}

/** The lines of these orders (batched), per order ID in lower case. */
export async function readOrderLines(this: IExecuteFunctions, orderIds: string[], itemIndex?: number): Promise<Map<string, OrderLine[]>> {
	const ids = [...new Set(orderIds.map((id) => id.toLowerCase()))];
	const records = await exactGetAnyOf.call(this, { path: LINES_PATH, select: LINE_FIELDS, values: ids, condition: (id) => `OrderID eq ${odataGuid(id)}`, itemIndex });
	const byOrder = new Map<string, OrderLine[]>(ids.map((id) => [id, []]));
	for (const record of records) byOrder.get(String(record.OrderID ?? '').toLowerCase())?.push(toOrderLine(record));
	for (const lines of byOrder.values()) lines.sort((a, b) => a.lineNumber - b.lineNumber);
	return byOrder;
}

/** A fresh read of one order's lines. */
export async function linesOf(this: IExecuteFunctions, target: OrderTarget): Promise<OrderLine[]> {
	return (await readOrderLines.call(this, [target.orderId], target.itemIndex)).get(target.orderId.toLowerCase()) ?? [];
}

/** Something in the work order or its order: it goes to the Not Returned output, the others go on. */
export function orderFault(this: IExecuteFunctions, itemIndex: number, message: string, description: string): WorkOrderFault {
	return new WorkOrderFault(this.getNode(), message, { itemIndex, description });
}

/** The run stops: Exact may still store the write, so the work order stays ready for the next run to look again. */
export function notConfirmed(this: IExecuteFunctions, target: OrderTarget, what: string, error: NodeApiError): NodeOperationError {
	return new NodeOperationError(
		this.getNode(),
		`Exact did not confirm ${what} for work order ${target.workOrderNumber} (${error.httpCode ? `HTTP ${error.httpCode}` : 'no answer'}) and it is not in Exact (yet)`,
		{
			itemIndex: target.itemIndex,
			description:
				'It was not written a second time, because Exact may still store the first one. The work order stays ready: the next run reads the sales order first and writes only what is still missing.',
		},
	);
}

/**
 * One write. Refused for its content (400): the work order's fault. Answer lost: proven by `landed` on a fresh
 * read of the lines, or the run stops. Anything else stops the run.
 */
async function proven<T>(
	this: IExecuteFunctions,
	target: OrderTarget,
	what: string,
	send: () => Promise<T>,
	landed: (lines: OrderLine[]) => boolean,
): Promise<T | undefined> {
	try {
		return await send();
	} catch (error) {
		if (refused400(error)) {
			throw orderFault.call(
				this,
				target.itemIndex,
				`Exact refused ${what} for work order ${target.workOrderNumber}: ${(error as NodeApiError).message}`,
				'Check the sales order in Exact and the work order in OutSmart; what was written before this stays, the next run goes on from there',
			);
		}
		if (!answerLost(error)) throw asNodeError(this.getNode(), error, target.itemIndex);
		if (landed(await linesOf.call(this, target))) return undefined;
		throw notConfirmed.call(this, target, what, error as NodeApiError);
	}
}

function lineUrl(id: string): string {
	return `${LINES_PATH}(${odataGuid(id)})`;
}

async function addLine(this: IExecuteFunctions, target: OrderTarget, addition: LineAddition): Promise<string | undefined> {
	const what = `the new line ${addition.itemCode} on sales order ${target.orderNumber}`;
	const sameLine = (line: OrderLine) => line.notes === addition.notes && line.itemCode.toLowerCase() === addition.itemCode.toLowerCase();
	return (await proven.call(
		this,
		target,
		what,
		async () => {
			const body: IDataObject = {
				OrderID: target.orderId,
				Item: target.itemIds.get(addition.itemCode.toLowerCase()),
				Quantity: addition.quantity,
				Description: addition.description.slice(0, 60),
				Notes: addition.notes,
				...(addition.unitPrice !== undefined ? { UnitPrice: addition.unitPrice } : {}),
			};
			const response = await exactRequest.call(this, { method: 'POST', path: LINES_PATH, body, itemIndex: target.itemIndex });
			return String(readList(response.body).records[0]?.ID ?? '').toLowerCase();
		},
		(lines: OrderLine[]) => lines.some(sameLine),
	)) as string | undefined;
}

/**
 * Writes the plan: quantities first, then new lines, then removals. Returns the IDs of the lines this run added
 * (undefined where the answer was lost but the line was found), for the read-back.
 */
export async function applyPlan(this: IExecuteFunctions, target: OrderTarget, plan: OrderReturnPlan): Promise<Array<{ addition: LineAddition; id?: string }>> {
	const { itemIndex } = target;
	for (const { line, quantity } of plan.updates) {
		await proven.call(
			this,
			target,
			`quantity ${quantity} on line ${line.lineNumber} (${line.itemCode}) of sales order ${target.orderNumber}`,
			async () => exactRequest.call(this, { method: 'PUT', path: lineUrl(line.id), body: { Quantity: quantity }, itemIndex }),
			(lines) => lines.some((l) => l.id === line.id && Math.abs(l.quantity - quantity) < 1e-9),
		);
	}
	const added: Array<{ addition: LineAddition; id?: string }> = [];
	for (const addition of plan.additions) added.push({ addition, id: await addLine.call(this, target, addition) });
	for (const line of plan.removals) await removeLine.call(this, target, line);
	return added;
}

async function removeLine(this: IExecuteFunctions, target: OrderTarget, line: OrderLine): Promise<void> {
	await proven.call(
		this,
		target,
		`the removal of line ${line.lineNumber} (${line.itemCode}) of sales order ${target.orderNumber}`,
		async () => {
			try {
				await exactRequest.call(this, { method: 'DELETE', path: lineUrl(line.id), itemIndex: target.itemIndex });
			} catch (error) {
				// Gone already: another run removed it a moment ago.
				if (!(error instanceof NodeApiError && String(error.httpCode) === '404')) throw asNodeError(this.getNode(), error, target.itemIndex);
			}
		},
		(lines) => !lines.some((l) => l.id === line.id),
	);
}

/**
 * After adding lines: two runs at once may both have added a line for the same item. The line with the lowest
 * number is kept; a run whose own line is a later one removes it (so two runs never remove each other's).
 */
export async function settleAdditions(
	this: IExecuteFunctions,
	target: OrderTarget,
	added: Array<{ addition: LineAddition; id?: string }>,
	lines: OrderLine[],
): Promise<number> {
	let removed = 0;
	for (const { addition, id } of added) {
		if (!id) continue;
		const same = lines.filter((l) => l.notes === addition.notes && l.itemCode.toLowerCase() === addition.itemCode.toLowerCase());
		const own = same.find((l) => l.id === id);
		if (!own || same[0].id === id) continue;
		await removeLine.call(this, target, own);
		removed++;
	}
	return removed;
}
