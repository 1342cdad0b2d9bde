/**
 * "Map From Exact Record": the upsert takes an item as our Exact nodes output it (Get, Get Many or Get
 * Changes) and maps it with nodes/mapping, for the entities the Basic flows import. Fields set below
 * override the mapping.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import {
	accountToRelation,
	contactToContactPerson,
	itemToMaterial,
	paymentConditionToPaymentMethod,
	timeItemToHourType,
} from '../../mapping/masterData';
import type { OutSmartEntity } from '../entities';

/** The resources that can be filled from an Exact record, and from which Exact entity. */
export const FROM_EXACT: Record<string, string> = {
	relation: 'an Exact account',
	contactPerson: 'an Exact contact (from the Account node\'s Get Contact Changes)',
	material: 'an Exact item',
	hourType: 'an Exact time item (hour type)',
	paymentMethod: 'an Exact payment condition',
};

function contactName(account: IDataObject): string | undefined {
	const contacts = account.Contacts as IDataObject[] | undefined;
	const main = contacts?.find((c) => c.IsMainContact === true) ?? contacts?.[0];
	return main ? String(main.FullName ?? [main.FirstName, main.LastName].filter(Boolean).join(' ')) : undefined;
}

export function mapFromExact(this: IExecuteFunctions, entity: OutSmartEntity, itemIndex: number): IDataObject {
	const source = this.getInputData()[itemIndex].json;
	const code = String(source.Code ?? '').trim();
	if (source.changeType === 'deleted') {
		if (entity.resource === 'hourType' && code) return { code, active: '0' };
		throw new NodeOperationError(this.getNode(), `${code ? `Record ${code}` : 'A record'} was deleted in Exact`, {
			itemIndex,
			description:
				entity.resource === 'hourType'
					? 'Its code is unknown (it was deleted before this flow first read it); deactivate it in OutSmart by hand.'
					: `OutSmart's API cannot deactivate a ${entity.label}: filter deleted records out before this step, or delete the ${entity.label} in OutSmart.`,
		});
	}
	switch (entity.resource) {
		case 'relation':
			return accountToRelation(source, { contactName: contactName(source) }).record;
		case 'contactPerson':
			return contactToContactPerson(source, String(source.AccountCode ?? '')).record;
		case 'material':
			return itemToMaterial(source).record;
		case 'hourType':
			return timeItemToHourType(source).record;
		case 'paymentMethod':
			return paymentConditionToPaymentMethod(source).record;
		default:
			throw new NodeOperationError(this.getNode(), `A ${entity.label} cannot be mapped from an Exact record`, { itemIndex });
	}
}
