/**
 * Create or Update From Exact Sales Order (flow 1): an order as the Exact Online Sales Order node hands it out (Get
 * Many, or Get Changes with its deletions; Include Lines and Include Accounts) meets work order VO-<order number>,
 * mapped by mapping/salesOrderWorkOrder. No work order yet: an open order that passes the user's filter becomes
 * one (never twice: OutSmart keeps numbers unique). A work order already there: see salesOrderSync (changed,
 * cancelled or deleted orders). One read of the work order per item decides which.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/router';
import { salesOrderAccounts, salesOrderToWorkOrder } from '../../mapping/salesOrderWorkOrder';
import { type NewOrderFilter, notForNewWorkOrder, salesOrderGone } from '../../mapping/salesOrderWorkOrderChanges';
import { text } from '../../mapping/values';
import { workOrderNumberFor } from '../../mapping/workOrderOrigin';
import { cleanWorkorder } from '../../OutSmartApi/values/clean';
import { findByNumber } from './create';
import { documentParameter, type DocumentKind, mappedDocument, sendMappedDocument } from './fromExactDocument';
import { cancelFromOrder, type CurrentWorkOrder, updateFromOrder } from './salesOrderSync';

interface FromOrderOptions extends NewOrderFilter {
	contactPerson?: string;
	hourItemCodes?: string;
}

const SALES_ORDER: DocumentKind = {
	parameter: 'salesOrder',
	label: 'Sales order',
	node: 'Exact Online Sales Order',
	numberField: 'OrderNumber',
	linesField: 'SalesOrderLines',
	numberless: (order) => order.changeType === 'deleted' && Boolean(order.OrderID),
	accounts: salesOrderAccounts,
	map: salesOrderToWorkOrder,
};

async function currentWorkOrder(this: IExecuteFunctions, workorderNo: string, itemIndex: number): Promise<CurrentWorkOrder | undefined> {
	const found = await findByNumber.call(this, workorderNo, itemIndex);
	return found ? (cleanWorkorder(found) as CurrentWorkOrder) : undefined;
}

export const createFromSalesOrder: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const order = documentParameter.call(this, SALES_ORDER, itemIndex);
	const options = this.getNodeParameter('fromOrderOptions', itemIndex, {}) as FromOrderOptions;
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

	const mapped = mappedDocument.call(this, SALES_ORDER, order, itemIndex);
	const counts = { OrderNumber: order.OrderNumber, materials: mapped.materials.length, plannedHours: mapped.plannedHours };

	const workorder = await currentWorkOrder.call(this, mapped.workOrderNumber, itemIndex);
	if (workorder) return [{ ...(await updateFromOrder.call(this, workorder, mapped, itemIndex)), created: false, ...counts }];

	const notNew = notForNewWorkOrder(order, options);
	if (notNew) return skipped(`no work order made: ${notNew}`, { WorkorderNo: mapped.workOrderNumber });
	const result = await sendMappedDocument.call(this, SALES_ORDER, order, mapped, itemIndex);
	return [{ outcome: result.created ? 'created' : 'unchanged', ...result }];
};
