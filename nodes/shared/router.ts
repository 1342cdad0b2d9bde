/**
 * The one per-item loop every action node uses: run the chosen operation for each input item, pair each
 * output with its input, and with "Continue On Fail" turn an item's error into an output item (with what to
 * fix) while the other items go on.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { asNodeError } from './nodeErrors';

/**
 * What one node run shares between its items, passed down to every item operation: e.g. look-up caches, so that
 * fifty invoices with the same item look it up once. A new one for every run; nothing outlives the run.
 */
export class RunScope {
	private readonly caches = new Map<string, Map<string, unknown>>();

	/** The run's cache of that name (created empty on first use). */
	cache<T>(name: string): Map<string, T> {
		let cache = this.caches.get(name);
		if (!cache) {
			cache = new Map();
			this.caches.set(name, cache);
		}
		return cache as Map<string, T>;
	}
}

export type ItemOperation = (this: IExecuteFunctions, itemIndex: number, run: RunScope) => Promise<IDataObject[]>;

/**
 * An operation that needs all input items at once (e.g. the work order export: batched look-ups, writes, a
 * read-back); it returns every output, each item paired with its input.
 */
export interface BatchOperation {
	batch: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;
}

export type Operation = ItemOperation | BatchOperation;

/**
 * An operation that runs once for the whole input, whatever the number of items (e.g. Get Changes reads the
 * change stream once per run), with the parameters of the first item; its results are paired with that item.
 */
export function oncePerRun(operation: (this: IExecuteFunctions) => Promise<IDataObject[]>): BatchOperation {
	return {
		async batch(this: IExecuteFunctions) {
			const records = await operation.call(this);
			return [this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(records), { itemData: { item: 0 } })];
		},
	};
}

/** Runs an operation of either kind. */
export async function runOperation(this: IExecuteFunctions, operation: Operation): Promise<INodeExecutionData[][]> {
	return 'batch' in operation ? await operation.batch.call(this) : await runPerItem.call(this, operation);
}

export async function runPerItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	const run = new RunScope();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const records = await operation.call(this, itemIndex, run);
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(records), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			const nodeError = asNodeError(this.getNode(), error, itemIndex);
			if (this.continueOnFail()) {
				// n8n sends an item whose JSON holds only `error` (and `message`, `details`) to the error output of
				// "Continue (using error output)", with the fields of the input item it came from added, so the
				// failure branch knows which record failed (e.g. the work order number to mark). An item with its own
				// `error` property would lose all of that: n8n then keeps nothing but the message.
				returnData.push({
					json: { error: nodeError.message, details: nodeError.description ?? null },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw nodeError;
		}
	}
	return [returnData];
}

/** Picks the operation by the node's `resource` and `operation` parameters (read once, at item 0). */
export function pickOperation(this: IExecuteFunctions, operations: Record<string, Record<string, Operation>>): Operation {
	const resource = this.getNodeParameter('resource', 0, 'default') as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const chosen = operations[resource]?.[operation];
	if (!chosen) throw asNodeError(this.getNode(), new Error(`Operation "${operation}" of "${resource}" is not supported`));
	return chosen;
}
