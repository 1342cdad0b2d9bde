/** Which work order an item means (the "Work Order" locator), and OutSmart's "not found" in its words. */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeParameterResourceLocator, type JsonObject } from 'n8n-workflow';

import { asNodeError } from '../../shared/nodeErrors';
import { type WorkorderRef, describeOutSmartCode, outSmartErrorCode } from '../../OutSmartApi/transport';

/** The work order locator as a transport reference, plus how to name it in output. */
export function readRef(this: IExecuteFunctions, itemIndex: number): { ref: WorkorderRef; output: IDataObject } {
	const locator = this.getNodeParameter('workorder', itemIndex) as INodeParameterResourceLocator | string;
	const mode = typeof locator === 'object' ? locator.mode : 'workorderNo';
	const value = String((typeof locator === 'object' ? locator.value : locator) ?? '').trim();
	if (!value) throw new NodeOperationError(this.getNode(), 'Which work order? Fill in its number or row ID', { itemIndex });
	return mode === 'rowId' ? { ref: { rowId: value }, output: { id: Number(value) } } : { ref: { workorderNo: value }, output: { WorkorderNo: value } };
}

const refText = (ref: WorkorderRef) => (ref.rowId !== undefined ? `with row ID ${String(ref.rowId)}` : String(ref.workorderNo));

/** Runs a call on one work order; OutSmart's "not found" (1500) names the work order the item asked for. */
export async function onWorkorder<T>(ctx: IExecuteFunctions, ref: WorkorderRef, itemIndex: number, call: () => Promise<T>): Promise<T> {
	let failure: unknown;
	try {
		return await call();
	} catch (error) {
		failure = error;
	}
	if (outSmartErrorCode(failure) !== 1500) throw asNodeError(ctx.getNode(), failure, itemIndex);
	throw new NodeApiError(ctx.getNode(), { outSmartCode: 1500, messages: [] } as JsonObject, {
		message: `OutSmart has no work order ${refText(ref)} (code 1500)`,
		description: describeOutSmartCode(1500).hint,
		itemIndex,
	});
}
