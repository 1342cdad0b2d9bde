import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { padAccountCode } from '../ExactOnlineApi/codes';
import { idOf, readByIds } from '../ExactOnlineApi/entity/byIds';
import { ACCOUNT, ADDRESS, CONTACT } from '../ExactOnlineApi/entity/definitions';
import { selectFor } from '../ExactOnlineApi/entity/recordAccess';
import { resolvePaymentCondition } from '../ExactOnlineApi/entity/paymentConditions';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { getOperation } from '../ExactOnlineApi/operations/get';
import { getChangesOperation } from '../ExactOnlineApi/operations/getChanges';
import { getManyOperation } from '../ExactOnlineApi/operations/getMany';
import { shape, type ReadOptions } from '../ExactOnlineApi/operations/output';
import { createOperation, toBody, updateOperation } from '../ExactOnlineApi/operations/write';
import { andFilters, odataContains, odataDateTime, odataGuid, odataString, orFilters } from '../ExactOnlineApi/odata';
import { exactGetAll } from '../ExactOnlineApi/transport';
import type { ItemOperation, Operation } from '../shared/router';

interface AccountFilters {
	blocked?: 'any' | 'blocked' | 'notBlocked';
	code?: string;
	city?: string;
	modifiedSince?: string;
	nameContains?: string;
	types?: string[];
}

/** Relation Types as OData: any of them. */
function typesFilter(types: string[]): string | undefined {
	const conditions = types.map((type) => (type === 'supplier' ? 'IsSupplier eq true' : `Status eq ${odataString(type)}`));
	return conditions.length ? orFilters(...conditions) : undefined;
}

/** Relation Types as a test on a record: the same choice as typesFilter. */
function isOfTypes(account: IDataObject, types: string[]): boolean {
	return types.some((type) => (type === 'supplier' ? account.IsSupplier === true : String(account.Status ?? '').trim() === type));
}

export function accountFilter(filters: AccountFilters): string | undefined {
	return andFilters(
		typesFilter(filters.types ?? []),
		filters.blocked === 'blocked' ? 'Blocked eq true' : filters.blocked === 'notBlocked' ? 'Blocked eq false' : undefined,
		filters.code?.trim() ? `Code eq ${odataString(padAccountCode(filters.code))}` : undefined,
		filters.city ? `City eq ${odataString(filters.city)}` : undefined,
		filters.nameContains ? odataContains('Name', filters.nameContains) : undefined,
		filters.modifiedSince ? `Modified ge ${odataDateTime(filters.modifiedSince)}` : undefined,
	);
}

const get = getOperation(ACCOUNT, 'account');

/** Get, with the account's contact persons and addresses when asked (one extra call each). */
const getWithRelated: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number, run) {
	const [account] = await get.call(this, itemIndex, run);
	const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions & {
		includeContacts?: boolean;
		includeAddresses?: boolean;
	};
	const ofAccount = `Account eq ${odataGuid(String(account.ID))}`;
	const related: IDataObject = {};
	if (options.includeContacts) {
		const contacts = await exactGetAll.call(this, {
			path: CONTACT.path,
			query: { $select: selectFor(CONTACT), $filter: ofAccount },
			itemIndex,
		});
		related.Contacts = shape(contacts, options.output);
	}
	if (options.includeAddresses) {
		const addresses = await exactGetAll.call(this, {
			path: ADDRESS.path,
			query: { $select: selectFor(ADDRESS), $filter: ofAccount },
			itemIndex,
		});
		related.Addresses = shape(addresses, options.output);
	}
	return [{ ...account, ...related }];
};

/** The account code is padded to Exact's 18 characters; the payment condition locator becomes its code. */
async function accountBody(this: IExecuteFunctions, fields: IDataObject, itemIndex: number): Promise<IDataObject> {
	const body = await resolvePaymentCondition.call(this, toBody(fields), 'PaymentConditionSales', itemIndex);
	if (body.Code !== undefined) body.Code = padAccountCode(String(body.Code));
	return body;
}

/**
 * Exact contacts name their account by ID only; OutSmart wants its code. One call per 20 accounts, or one pass
 * over sync/CRM/Accounts (1,000 a call) when more than 100 (a first run over every contact).
 */
async function addAccountCodes(this: IExecuteFunctions, contacts: IDataObject[], itemIndex: number): Promise<void> {
	const ids = [...new Set(contacts.map((c) => String(c.Account ?? '')).filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
	const accounts = await readByIds.call(this, { entity: ACCOUNT, ids, select: 'ID,Code', itemIndex });
	const codes = new Map(accounts.map((account) => [idOf(account), String(account.Code ?? '').trim()]));
	for (const contact of contacts) contact.AccountCode = codes.get(String(contact.Account ?? '').toLowerCase()) ?? null;
}

export const operations: Record<string, Operation> = {
	get: getWithRelated,
	getMany: getManyOperation(
		ACCOUNT,
		function (itemIndex) {
			return accountFilter(this.getNodeParameter('filters', itemIndex, {}) as AccountFilters);
		},
		'Name',
	),
	create: createOperation(ACCOUNT, async function (itemIndex) {
		return await accountBody.call(
			this,
			{
				Name: this.getNodeParameter('name', itemIndex) as string,
				...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			},
			itemIndex,
		);
	}),
	update: updateOperation(ACCOUNT, 'account', async function (itemIndex) {
		return await accountBody.call(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	}),
	getChanges: getChangesOperation(ACCOUNT, {
		inParts: true,
		only(itemIndex) {
			const { types = [] } = this.getNodeParameter('changesOptions', itemIndex, {}) as { types?: string[] };
			const filter = typesFilter(types);
			return filter ? { filter, keep: (account) => isOfTypes(account, types) } : undefined;
		},
	}),
	confirmChanges: confirmChangesOperation(ACCOUNT),
	getContactChanges: getChangesOperation(CONTACT, { afterRead: addAccountCodes, inParts: true }),
	confirmContactChanges: confirmChangesOperation(CONTACT),
};
