import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { padAccountCode } from '../ExactOnline/codes';
import { ACCOUNT, CONTACT } from '../ExactOnline/entity/definitions';
import { selectFor } from '../ExactOnline/entity/operations';
import {
	confirmChangesOperation,
	createOperation,
	getChangesOperation,
	getManyOperation,
	getOperation,
	shape,
	toBody,
	updateOperation,
} from '../ExactOnline/entity/standardOperations';
import { andFilters, odataContains, odataDateTime, odataGuid, odataString, orFilters } from '../ExactOnline/odata';
import { exactGetAll } from '../ExactOnline/transport';
import type { ItemOperation } from '../shared/router';

interface AccountFilters {
	blocked?: 'any' | 'blocked' | 'notBlocked';
	code?: string;
	city?: string;
	modifiedSince?: string;
	nameContains?: string;
	types?: string[];
}

export function accountFilter(filters: AccountFilters): string | undefined {
	const types = filters.types ?? [];
	const typeConditions = types.map((type) =>
		type === 'supplier' ? 'IsSupplier eq true' : `Status eq ${odataString(type)}`,
	);
	return andFilters(
		typeConditions.length ? orFilters(...typeConditions) : undefined,
		filters.blocked === 'blocked' ? 'Blocked eq true' : filters.blocked === 'notBlocked' ? 'Blocked eq false' : undefined,
		filters.code ? `Code eq ${odataString(padAccountCode(filters.code))}` : undefined,
		filters.city ? `City eq ${odataString(filters.city)}` : undefined,
		filters.nameContains ? odataContains('Name', filters.nameContains) : undefined,
		filters.modifiedSince ? `Modified ge ${odataDateTime(filters.modifiedSince)}` : undefined,
	);
}

const get = getOperation(ACCOUNT, 'account');

const getWithContacts: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const [account] = await get.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { includeContacts?: boolean; output?: 'raw' | 'clean' };
	if (!options.includeContacts) return [account];
	const contacts = await exactGetAll.call(this, {
		path: CONTACT.path,
		query: { $select: selectFor(CONTACT), $filter: `Account eq ${odataGuid(String(account.ID))}` },
		itemIndex,
	});
	return [{ ...account, Contacts: shape(contacts, options.output) }];
};

function accountBody(fields: IDataObject): IDataObject {
	const body = toBody(fields);
	if (typeof body.Code === 'string') body.Code = padAccountCode(body.Code);
	return body;
}

export const operations: Record<string, ItemOperation> = {
	get: getWithContacts,
	getMany: getManyOperation(ACCOUNT, function (itemIndex) {
		return accountFilter(this.getNodeParameter('filters', itemIndex, {}) as AccountFilters);
	}, 'Name'),
	create: createOperation(ACCOUNT, function (itemIndex) {
		return accountBody({
			Name: this.getNodeParameter('name', itemIndex) as string,
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		});
	}),
	update: updateOperation(ACCOUNT, 'account', function (itemIndex) {
		return accountBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	}),
	getChanges: getChangesOperation(ACCOUNT),
	confirmChanges: confirmChangesOperation(ACCOUNT),
};
