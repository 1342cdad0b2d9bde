/**
 * Create or Update From Exact Sales Order (flow 1): an order as the Exact Online Sales Order node hands it out (Get
 * Many, or Get Changes with its deletions; Include Lines and Include Accounts) meets work order VO-<order number>,
 * mapped by mapping/salesOrderWorkOrder. No work order yet: an open order that passes the user's filter becomes
 * one (never twice: OutSmart keeps numbers unique). A work order already there: see salesOrderSync (changed,
 * cancelled or deleted orders). One read of the work order per item decides which.
 */
import { type IDataObject, type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/router';
import { salesOrderAccounts, salesOrderToWorkOrder } from '../../mapping/salesOrderWorkOrder';
import { type NewOrderFilter, notForNewWorkOrder, salesOrderGone } from '../../mapping/salesOrderWorkOrderChanges';
import { text } from '../../mapping/values';
import { workOrderNumberFor } from '../../mapping/workOrderOrigin';
import { cleanWorkorder } from '../../OutSmartApi/values/clean';
import { findByNumber, sendNewWorkorder } from './create';
import { cancelFromOrder, type CurrentWorkOrder, updateFromOrder } from './salesOrderSync';

interface FromOrderOptions extends NewOrderFilter {
	contactPerson?: string;
	hourItemCodes?: string;
}

const AFTER_SALES_ORDER_NODE = 'Use {{ $json }} after an Exact Online Sales Order node (Get, Get Many or Get Changes)';

function salesOrderInput(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = this.getNodeParameter('salesOrder', itemIndex, {}) as unknown;
	let order: unknown = raw;
	if (typeof raw === 'string') {
		try {
			order = JSON.parse(raw);
		} catch {
			throw new NodeOperationError(this.getNode(), 'Sales Order is not valid JSON', { itemIndex, description: AFTER_SALES_ORDER_NODE });
		}
	}
	const record = (typeof order === 'object' && order !== null && !Array.isArray(order) ? order : {}) as IDataObject;
	// A deletion from Get Changes may come without its number (an order this Sync Name never read).
	if (!record.OrderNumber && !(record.changeType === 'deleted' && record.OrderID)) {
		throw new NodeOperationError(this.getNode(), 'Sales Order is not an Exact sales order', {
			itemIndex,
			description: `${AFTER_SALES_ORDER_NODE}, so that the item has OrderNumber`,
		});
	}
	return record;
}

async function currentWorkOrder(this: IExecuteFunctions, workorderNo: string, itemIndex: number): Promise<CurrentWorkOrder | undefined> {
	const found = await findByNumber.call(this, workorderNo, itemIndex);
	return found ? (cleanWorkorder(found) as CurrentWorkOrder) : undefined;
}

export const createFromSalesOrder: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const order = salesOrderInput.call(this, itemIndex);
	const options = this.getNodeParameter('fromOrderOptions', itemIndex, {}) as FromOrderOptions;
	const fix = (message: string, description: string) => new NodeOperationError(this.getNode(), message, { itemIndex, description });
	const orderNumber = text(order.OrderNumber);
	const skipped = (reason: string, extra: IDataObject = {}) => [{ outcome: 'skipped', created: false, WorkorderNo: extra.WorkorderNo ?? null, OrderNumber: order.OrderNumber ?? null, reason, ...extra }];

	const gone = salesOrderGone(order);
	if (gone) {
		if (!orderNumber) return skipped(`Exact names no order number for deleted order ${text(order.OrderID)} (Get Changes never read it under this Sync Name), so its work order can't be found`);
		const workorderNo = workOrderNumberFor('salesOrder', orderNumber);
		const workorder = await currentWorkOrder.call(this, workorderNo, itemIndex);
		if (!workorder) return skipped(`the order was ${gone} in Exact and OutSmart has no work order ${workorderNo}`, { WorkorderNo: workorderNo });
		const workStatus = text(this.getNodeParameter('cancelWorkStatus', itemIndex, ''));
		return [{ ...(await cancelFromOrder.call(this, workorder, gone, workStatus, itemIndex)), created: false, OrderNumber: order.OrderNumber }];
	}

	if (!Array.isArray(order.SalesOrderLines)) {
		throw fix(`Sales order ${orderNumber} comes without its lines`, 'Turn on Include Lines in the Exact Online Sales Order node');
	}
	const accounts = salesOrderAccounts(order, options.contactPerson?.trim() || undefined);
	if (!accounts) throw fix(`Sales order ${orderNumber} comes without its accounts`, 'Turn on Include Accounts in the Exact Online Sales Order node');
	const hourItemCodes = (options.hourItemCodes ?? '').split(',').map((code) => code.trim()).filter(Boolean);
	const mapped = salesOrderToWorkOrder(order, accounts, { hourItemCodes });
	const counts = { OrderNumber: order.OrderNumber, materials: mapped.materials.length, plannedHours: mapped.plannedHours };

	const workorder = await currentWorkOrder.call(this, mapped.workOrderNumber, itemIndex);
	if (workorder) return [{ ...(await updateFromOrder.call(this, workorder, mapped, itemIndex)), created: false, ...counts }];

	const notNew = notForNewWorkOrder(order, options);
	if (notNew) return skipped(`no work order made: ${notNew}`, { WorkorderNo: mapped.workOrderNumber });
	if (mapped.missing.length) {
		throw fix(
			`Sales order ${orderNumber}: the customer has no ${mapped.missing.join(', ')}`,
			'Complete the account (or the delivery address) in Exact; OutSmart needs these on a work order. Nothing was sent.',
		);
	}
	const fields: IDataObject = {
		...mapped.fields,
		TypeOfWork: this.getNodeParameter('typeOfWork', itemIndex, '') as string,
		PaymentMethod: this.getNodeParameter('paymentMethod', itemIndex, '') as string,
	};
	const [result] = await sendNewWorkorder.call(this, { fields, materials: mapped.materials }, 'returnExisting', itemIndex);
	return [{ outcome: result.created ? 'created' : 'unchanged', ...result, ...counts }];
};
