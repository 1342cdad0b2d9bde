/**
 * Create From Exact Sales Order (flow 1): the order as the Exact Online Sales Order node hands it out (with Include
 * Lines and Include Accounts) becomes work order VO-<order number>, mapped by mapping/salesOrderWorkOrder. Never
 * twice: a number OutSmart already has returns that work order (created = false) instead of a second one.
 */
import { type IDataObject, type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/router';
import { salesOrderAccounts, salesOrderToWorkOrder } from '../../mapping/salesOrderWorkOrder';
import { sendNewWorkorder } from './create';

interface FromOrderOptions {
	contactPerson?: string;
	hourItemCodes?: string;
}

function salesOrderInput(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = this.getNodeParameter('salesOrder', itemIndex, {}) as unknown;
	let order: unknown = raw;
	if (typeof raw === 'string') {
		try {
			order = JSON.parse(raw);
		} catch {
			throw new NodeOperationError(this.getNode(), 'Sales Order is not valid JSON', { itemIndex, description: 'Use {{ $json }} after an Exact Online Sales Order node' });
		}
	}
	if (typeof order !== 'object' || order === null || Array.isArray(order) || !(order as IDataObject).OrderNumber) {
		throw new NodeOperationError(this.getNode(), 'Sales Order is not an Exact sales order', {
			itemIndex,
			description: 'Use {{ $json }} after an Exact Online Sales Order node (Get or Get Many), so that the item has OrderNumber',
		});
	}
	return order as IDataObject;
}

export const createFromSalesOrder: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const order = salesOrderInput.call(this, itemIndex);
	const options = this.getNodeParameter('fromOrderOptions', itemIndex, {}) as FromOrderOptions;
	const fix = (message: string, description: string) => new NodeOperationError(this.getNode(), message, { itemIndex, description });
	if (!Array.isArray(order.SalesOrderLines)) {
		throw fix(`Sales order ${order.OrderNumber} comes without its lines`, 'Turn on Include Lines in the Exact Online Sales Order node');
	}
	const accounts = salesOrderAccounts(order, options.contactPerson?.trim() || undefined);
	if (!accounts) throw fix(`Sales order ${order.OrderNumber} comes without its accounts`, 'Turn on Include Accounts in the Exact Online Sales Order node');
	const hourItemCodes = (options.hourItemCodes ?? '').split(',').map((code) => code.trim()).filter(Boolean);
	const mapped = salesOrderToWorkOrder(order, accounts, { hourItemCodes });
	if (mapped.missing.length) {
		throw fix(
			`Sales order ${order.OrderNumber}: the customer has no ${mapped.missing.join(', ')}`,
			'Complete the account (or the delivery address) in Exact; OutSmart needs these on a work order. Nothing was sent.',
		);
	}
	const fields: IDataObject = {
		...mapped.fields,
		TypeOfWork: this.getNodeParameter('typeOfWork', itemIndex, '') as string,
		PaymentMethod: this.getNodeParameter('paymentMethod', itemIndex, '') as string,
	};
	const [result] = await sendNewWorkorder.call(this, { fields, materials: mapped.materials }, 'returnExisting', itemIndex);
	return [{ ...result, OrderNumber: order.OrderNumber, materials: mapped.materials.length, plannedHours: mapped.plannedHours }];
};
