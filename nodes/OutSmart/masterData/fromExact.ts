/**
 * "Map From Exact Record": the upsert takes an item as our Exact nodes output it (Get, Get Many or Get
 * Changes) and maps it with nodes/mapping, for the entities the Basic flows import. Fields set below
 * override the mapping.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import {
	accountToRelation,
	type CustomerPaymentData,
	deactivatedHourType,
	deactivatedRelation,
	endedMaterialDescription,
	paymentDataToRelation,
	contactToContactPerson,
	itemToMaterial,
	paymentConditionToPaymentMethod,
	timeItemToHourType,
} from '../../mapping/masterData';
import { employeeToOutSmartEmployee, itemGroupToCategory, itemToMaterialInCategory } from '../../mapping/employeesAndCategories';
import { agreementToPrice, endedAgreementPrice, isQuantityPrice } from '../../mapping/priceAgreements';
import { isStockPerItem, stockToMaterial, warehouseToOutSmartWarehouse } from '../../mapping/warehouses';
import { closedProject, projectToOutSmartProject } from '../../mapping/projectPlanning';
import type { OutSmartEntity } from '../../OutSmartApi/entities';

/** The resources that can be filled from an Exact record, and from which Exact entity. */
export const FROM_EXACT: Record<string, string> = {
	relation: "an Exact account, or a customer's payment data (the Payment node's Customer Balance)",
	contactPerson: 'an Exact contact (from the Account node\'s Get Contact Changes)',
	material: "an Exact item, or an item's stock per warehouse (the Warehouse node's Get Stock Changes, Per Item: only Free Field 5 is sent)",
	hourType: 'an Exact time item (hour type)',
	paymentMethod: 'an Exact payment condition',
	employee: 'an Exact employee (one who left becomes inactive)',
	category: "an Exact item group (the Item node's Get Item Groups)",
	materialCategory: "an Exact item: its material is put in the category of the item's group",
	price: 'a row of the Exact Online Price Agreement node (a deleted one is ended)',
	warehouse: 'an Exact warehouse (code, description, the Exact ID as external ID)',
	project: 'an Exact project (the Exact Online Project node; an ended, blocked or deleted one is closed and inactive)',
};

export interface FromExact {
	record: IDataObject;
	/**
	 * The record only changes one that OutSmart has: a deactivation (deleted, blocked or ended in Exact) or
	 * payment data. Such a record is not created when OutSmart does not have it.
	 */
	updateOnly: boolean;
	/** Fields worked out from the record OutSmart has (a deleted material keeps its description, marked). */
	fromExisting?: (existing: IDataObject) => IDataObject;
	/** Nothing to send, and why (a deletion whose code this flow never saw). */
	skip?: string;
}

/** Nothing to send for this item, and why. */
function skipped(reason: string): FromExact {
	return { record: {}, updateOnly: true, skip: reason };
}

function contactName(account: IDataObject): string | undefined {
	const contacts = account.Contacts as IDataObject[] | undefined;
	const main = contacts?.find((c) => c.IsMainContact === true) ?? contacts?.[0];
	return main ? String(main.FullName ?? [main.FirstName, main.LastName].filter(Boolean).join(' ')) : undefined;
}

function contactLabel(contact: IDataObject): string {
	const name = String(contact.FullName ?? '').trim();
	return name ? `Contact ${name}` : 'The contact';
}

/** A Customer Balance item of the Payment node, rather than an account. */
function isPaymentData(source: IDataObject): boolean {
	return source.AccountCode !== undefined && typeof source.OpenAmount === 'number' && source.Code === undefined;
}

/** What a deletion in Exact does in OutSmart, which keeps the record (work orders refer to it) but inactive. */
function deactivation(this: IExecuteFunctions, entity: OutSmartEntity, code: string, itemIndex: number): FromExact {
	const canDeactivate = ['relation', 'hourType', 'material', 'project'].includes(entity.resource);
	if (!canDeactivate) {
		throw new NodeOperationError(this.getNode(), `${code ? `Record ${code}` : 'A record'} was deleted in Exact`, {
			itemIndex,
			description: `OutSmart's API cannot deactivate a ${entity.label}: filter deleted records out before this step, or delete the ${entity.label} in OutSmart.`,
		});
	}
	if (!code) {
		return skipped(
			`A ${entity.label} was deleted in Exact that this flow never read (deleted before its first read, or left out by the node's options), so its code is unknown: deactivate it in OutSmart by hand if it is there`,
		);
	}
	switch (entity.resource) {
		case 'relation':
			return { record: deactivatedRelation(code), updateOnly: true };
		case 'hourType':
			return { record: deactivatedHourType(code), updateOnly: true };
		case 'project':
			return { record: closedProject(code), updateOnly: true };
		default:
			// Materials have no inactive flag: the description says it, as for an ended item.
			return { record: { code }, updateOnly: true, fromExisting: (existing) => ({ description: endedMaterialDescription(String(existing.description ?? '')) }) };
	}
}

/** The link of an item's material to its group's category; nothing to link for a deletion or an item without a group. */
function materialInCategory(item: IDataObject, code: string): FromExact {
	const what = code ? `Item ${code}` : 'The item';
	if (item.changeType === 'deleted') return skipped(`${what} was deleted in Exact: its material keeps its categories`);
	const link = itemToMaterialInCategory(item);
	if (!link) return skipped(`${what} has no item group (or is a time item): no category to put it in`);
	return { record: link.record, updateOnly: false };
}

/** A price agreement; one deleted in Exact ends (OutSmart cannot delete a price), never created. */
function priceAgreement(row: IDataObject): FromExact {
	if (isQuantityPrice(row)) {
		return skipped(`A price from quantity ${Number(row.Quantity)} on (staffel): OutSmart's prices have no quantity, so only the price for any quantity is sent`);
	}
	if (row.changeType === 'deleted') return { record: endedAgreementPrice(row), updateOnly: true };
	return { record: agreementToPrice(row).record, updateOnly: false };
}

export function mapFromExact(this: IExecuteFunctions, entity: OutSmartEntity, itemIndex: number): FromExact {
	const source = this.getInputData()[itemIndex].json;
	const code = String(source.Code ?? '').trim();
	if (entity.resource === 'materialCategory') return materialInCategory(source, code);
	if (entity.resource === 'price') return priceAgreement(source);
	// Stock shows only on a material OutSmart has: never a new material made of a stock figure.
	if (entity.resource === 'material' && isStockPerItem(source)) return { record: stockToMaterial(source), updateOnly: true };
	if (source.changeType === 'deleted') return deactivation.call(this, entity, code, itemIndex);
	const fromMapping = ({ record, inactive }: { record: IDataObject; inactive?: boolean }): FromExact => ({ record, updateOnly: inactive === true });
	switch (entity.resource) {
		case 'relation':
			if (isPaymentData(source)) return { record: paymentDataToRelation(source as unknown as CustomerPaymentData), updateOnly: true };
			return fromMapping(accountToRelation(source, { contactName: contactName(source) }));
		case 'contactPerson': {
			const accountCode = String(source.AccountCode ?? '').trim();
			if (!accountCode) return skipped(`${contactLabel(source)} has no account code (AccountCode): a contact person in OutSmart belongs to a relation, so there is nothing to add it to`);
			return fromMapping(contactToContactPerson(source, accountCode));
		}
		case 'material':
			return fromMapping(itemToMaterial(source));
		case 'hourType':
			return fromMapping(timeItemToHourType(source));
		case 'paymentMethod':
			return fromMapping(paymentConditionToPaymentMethod(source));
		case 'employee':
			return fromMapping(employeeToOutSmartEmployee(source));
		case 'category':
			return fromMapping(itemGroupToCategory(source));
		case 'warehouse':
			return fromMapping(warehouseToOutSmartWarehouse(source));
		case 'project':
			return fromMapping(projectToOutSmartProject(source));
		default:
			throw new NodeOperationError(this.getNode(), `A ${entity.label} cannot be mapped from an Exact record`, { itemIndex });
	}
}
