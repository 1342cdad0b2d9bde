/**
 * Accounts and invoices refer to a payment condition by its code. The locator gives a code (from the list or
 * typed) or an ID; an ID becomes the code with one call, and an unknown ID fails before anything is written.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { PAYMENT_CONDITION } from './definitions';
import { findRecord, type LocatorInput } from '../operations/locate';

/** A locator value from a collection ({__rl, mode, value}) or a plain code; undefined when empty. */
export function paymentConditionInput(raw: unknown): LocatorInput | undefined {
	const locator = typeof raw === 'object' && raw !== null ? (raw as { mode?: string; value?: unknown }) : { value: raw };
	const value = String(locator.value ?? '').trim();
	if (!value) return undefined;
	return { value, by: locator.mode === 'id' ? 'id' : 'code' };
}

/** Replaces the locator in `body[field]` by the payment condition's code (or drops it when empty). */
export async function resolvePaymentCondition(
	this: IExecuteFunctions,
	body: IDataObject,
	field: string,
	itemIndex: number,
): Promise<IDataObject> {
	if (!(field in body)) return body;
	const input = paymentConditionInput(body[field]);
	const resolved: IDataObject = { ...body };
	if (!input) {
		delete resolved[field];
	} else if (input.by === 'code') {
		resolved[field] = input.value;
	} else {
		resolved[field] = String((await findRecord.call(this, PAYMENT_CONDITION, input, 'ID,Code', itemIndex)).Code).trim();
	}
	return resolved;
}
