/**
 * What Create From Exact Sales Order and Create From Exact Quotation share: the Exact document from the JSON
 * parameter, the mapped work order checked for what OutSmart requires, then sent once: a number OutSmart already
 * has returns that work order (created = false) instead of a second one.
 */
import { type IDataObject, type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import type { SalesOrderAccounts, SalesOrderWorkOrderOptions, WorkOrderFromSalesOrder } from '../../mapping/salesOrderWorkOrder';
import { sendNewWorkorder } from './create';

export interface FromDocumentOptions {
	contactPerson?: string;
	hourItemCodes?: string;
}

/** How one kind of Exact document becomes a work order. */
export interface DocumentKind {
	/** The JSON parameter holding the document. */
	parameter: string;
	/** "Sales order", "Quotation": for messages. */
	label: string;
	/** The Exact node that hands it out. */
	node: string;
	numberField: string;
	linesField: string;
	/** A document that may come without its number (a deletion from Get Changes that never read it). */
	numberless?(document: IDataObject): boolean;
	accounts(document: IDataObject, contactName?: string): SalesOrderAccounts | undefined;
	map(document: IDataObject, accounts: SalesOrderAccounts, options: SalesOrderWorkOrderOptions): WorkOrderFromSalesOrder;
}

export function fixError(this: IExecuteFunctions, itemIndex: number, message: string, description: string): NodeOperationError {
	return new NodeOperationError(this.getNode(), message, { itemIndex, description });
}

/** The document in the parameter: JSON text or an object, with its number. */
export function documentParameter(this: IExecuteFunctions, kind: DocumentKind, itemIndex: number): IDataObject {
	const raw = this.getNodeParameter(kind.parameter, itemIndex, {}) as unknown;
	const use = `Use {{ $json }} after an ${kind.node} node`;
	let document: unknown = raw;
	if (typeof raw === 'string') {
		try {
			document = JSON.parse(raw);
		} catch {
			throw fixError.call(this, itemIndex, `${kind.label} is not valid JSON`, use);
		}
	}
	const record = (typeof document === 'object' && document !== null && !Array.isArray(document) ? document : {}) as IDataObject;
	if (!record[kind.numberField] && !kind.numberless?.(record)) {
		throw fixError.call(this, itemIndex, `${kind.label} is not an Exact ${kind.label.toLowerCase()}`, `${use}, so that the item has ${kind.numberField}`);
	}
	return record;
}

/** The document mapped to a work order, after checking it comes with its lines and accounts. */
export function mappedDocument(this: IExecuteFunctions, kind: DocumentKind, document: IDataObject, itemIndex: number): WorkOrderFromSalesOrder {
	const options = this.getNodeParameter('fromOrderOptions', itemIndex, {}) as FromDocumentOptions;
	const name = `${kind.label} ${String(document[kind.numberField])}`;
	if (!Array.isArray(document[kind.linesField])) {
		throw fixError.call(this, itemIndex, `${name} comes without its lines`, `Turn on Include Lines in the ${kind.node} node`);
	}
	const accounts = kind.accounts(document, options.contactPerson?.trim() || undefined);
	if (!accounts) throw fixError.call(this, itemIndex, `${name} comes without its accounts`, `Turn on Include Accounts in the ${kind.node} node`);
	const hourItemCodes = (options.hourItemCodes ?? '').split(',').map((code) => code.trim()).filter(Boolean);
	return kind.map(document, accounts, { hourItemCodes });
}

/** Sends the mapped work order (once: a number OutSmart has returns that work order); the output names the document's number. */
export async function sendMappedDocument(
	this: IExecuteFunctions,
	kind: DocumentKind,
	document: IDataObject,
	mapped: WorkOrderFromSalesOrder,
	itemIndex: number,
): Promise<IDataObject> {
	if (mapped.missing.length) {
		throw fixError.call(
			this,
			itemIndex,
			`${kind.label} ${String(document[kind.numberField])}: the customer has no ${mapped.missing.join(', ')}`,
			'Complete the account (or the delivery address) in Exact; OutSmart needs these on a work order. Nothing was sent.',
		);
	}
	const fields: IDataObject = {
		...mapped.fields,
		TypeOfWork: this.getNodeParameter('typeOfWork', itemIndex, '') as string,
		PaymentMethod: this.getNodeParameter('paymentMethod', itemIndex, '') as string,
	};
	const [result] = await sendNewWorkorder.call(this, { fields, materials: mapped.materials }, 'returnExisting', itemIndex);
	return { ...result, [kind.numberField]: document[kind.numberField], materials: mapped.materials.length, plannedHours: mapped.plannedHours };
}

/** Maps the document and sends the work order (once). */
export async function workOrderFromDocument(this: IExecuteFunctions, kind: DocumentKind, document: IDataObject, itemIndex: number): Promise<IDataObject[]> {
	const mapped = mappedDocument.call(this, kind, document, itemIndex);
	return [await sendMappedDocument.call(this, kind, document, mapped, itemIndex)];
}
