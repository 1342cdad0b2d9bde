/**
 * The one per-item loop every action node uses: run the chosen operation for each input item, pair each
 * output with its input, and with "Continue On Fail" turn an item's error into an output item (with what to
 * fix) while the other items go on.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { asNodeError } from './nodeErrors';

export type ItemOperation = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>;

export async function runPerItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const records = await operation.call(this, itemIndex);
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(records), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			const nodeError = asNodeError(this.getNode(), error, itemIndex);
			if (this.continueOnFail()) {
				// `error` on the item is what sends it to the error output when the node's "On Error" is
				// "Continue (using error output)"; the JSON says what went wrong and what to fix.
				returnData.push({
					json: { error: nodeError.message, description: nodeError.description ?? null },
					error: nodeError,
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
export function pickOperation(
	this: IExecuteFunctions,
	operations: Record<string, Record<string, ItemOperation>>,
): ItemOperation {
	const resource = this.getNodeParameter('resource', 0, 'default') as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const chosen = operations[resource]?.[operation];
	if (!chosen) throw asNodeError(this.getNode(), new Error(`Operation "${operation}" of "${resource}" is not supported`));
	return chosen;
}
