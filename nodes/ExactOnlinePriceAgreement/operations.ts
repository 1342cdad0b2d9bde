import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { ACCOUNT, ITEM, PRICE_AGREEMENT } from '../ExactOnlineApi/entity/definitions';
import { deleteRecord } from '../ExactOnlineApi/entity/recordAccess';
import { keyOf, locatorInput, type LocatorInput } from '../ExactOnlineApi/operations/locate';
import { createOperation, toBody, updateOperation } from '../ExactOnlineApi/operations/write';
import { cursorKey } from '../ExactOnlineApi/entity/cursor';
import { addAgreementContext, confirmSeen, detectDeletions, resetSeen } from '../ExactOnlineApi/entity/priceAgreements';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { getOperation } from '../ExactOnlineApi/operations/get';
import { getChangesOperation } from '../ExactOnlineApi/operations/getChanges';
import { getManyOperation } from '../ExactOnlineApi/operations/getMany';
import { andFilters, isGuid, odataDateTime, odataGuid, orFilters } from '../ExactOnlineApi/odata';
import type { BatchOperation, ItemOperation, Operation } from '../shared/router';

const DATE_FIELDS = ['StartDate', 'EndDate'];

/** Create: the item and (for an agreement) the customer become their IDs, a code costing one look-up each. */
async function createBody(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const item = locatorInput.call(this, 'item', itemIndex, { what: 'item' }) as LocatorInput;
	const account = locatorInput.call(this, 'account', itemIndex, { what: 'customer', required: false });
	return {
		Item: await keyOf.call(this, ITEM, item, itemIndex),
		...(account ? { Account: await keyOf.call(this, ACCOUNT, account, itemIndex) } : {}),
		Price: this.getNodeParameter('price', itemIndex) as number,
		...toBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, DATE_FIELDS),
	};
}

/** Delete: price rows have no code, so only an ID; Exact answers 204 without a body. */
const deleteAgreement: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const id = String(this.getNodeParameter('priceAgreement', itemIndex, '') ?? '').trim();
	if (!isGuid(id)) {
		throw new NodeOperationError(this.getNode(), `'${id}' is not an Exact ID`, {
			itemIndex,
			description: 'A price agreement is known by its ID only (e.g. from Get Many or Get Changes).',
		});
	}
	return [await deleteRecord.call(this, PRICE_AGREEMENT, id, itemIndex)];
};

type Kind = 'any' | 'customer' | 'default';

interface AgreementFilters {
	account?: string;
	item?: string;
	kind?: Kind;
	modifiedSince?: string;
	validOn?: string;
}

const KIND_FILTERS: Record<Kind, string | undefined> = {
	any: undefined,
	customer: 'Account ne null',
	default: 'Account eq null',
};

const hasAccount = (row: IDataObject) => row.Account !== null && row.Account !== undefined && row.Account !== '';

export function agreementFilter(filters: AgreementFilters): string | undefined {
	const day = filters.validOn ? odataDateTime(filters.validOn) : undefined;
	return andFilters(
		KIND_FILTERS[filters.kind ?? 'customer'],
		filters.account?.trim() ? `Account eq ${odataGuid(filters.account.trim())}` : undefined,
		filters.item?.trim() ? `Item eq ${odataGuid(filters.item.trim())}` : undefined,
		day ? orFilters('StartDate eq null', `StartDate le ${day}`) : undefined,
		day ? orFilters('EndDate eq null', `EndDate ge ${day}`) : undefined,
		filters.modifiedSince ? `Modified ge ${odataDateTime(filters.modifiedSince)}` : undefined,
	);
}

function changesKind(this: IExecuteFunctions, itemIndex: number): Kind {
	return ((this.getNodeParameter('changesOptions', itemIndex, {}) as { kind?: Kind }).kind ?? 'customer');
}

const confirm = confirmChangesOperation(PRICE_AGREEMENT);

/** Confirm Changes also makes final which rows were handed out (what later deletions are found against). */
const confirmAgreements: BatchOperation = {
	async batch(this: IExecuteFunctions) {
		const output = await confirm.batch.call(this);
		const syncName = this.getNodeParameter('syncName', 0, 'default') as string;
		confirmSeen(this.getWorkflowStaticData('global'), cursorKey(PRICE_AGREEMENT.label, syncName));
		return output;
	},
};

export const operations: Record<string, Operation> = {
	get: getOperation(PRICE_AGREEMENT, 'priceAgreement'),
	getMany: getManyOperation(
		PRICE_AGREEMENT,
		function (itemIndex) {
			return agreementFilter(this.getNodeParameter('filters', itemIndex, {}) as AgreementFilters);
		},
		'ID',
	),
	getChanges: getChangesOperation(PRICE_AGREEMENT, {
		only(itemIndex) {
			const kind = changesKind.call(this, itemIndex);
			const filter = KIND_FILTERS[kind];
			return filter ? { filter, keep: (row) => hasAccount(row) === (kind === 'customer') } : undefined;
		},
		async afterRead(changed, itemIndex) {
			await addAgreementContext.call(this, changed, itemIndex);
		},
		async finish(records, run) {
			const key = cursorKey(PRICE_AGREEMENT.label, run.syncName);
			if (run.startOver) resetSeen(run.staticData, key);
			if (run.includeDeleted === false) return [];
			return await detectDeletions.call(this, {
				staticData: run.staticData,
				cursorKey: key,
				changed: records,
				confirmLater: run.confirmLater === true,
				itemIndex: run.itemIndex,
			});
		},
	}),
	confirmChanges: confirmAgreements,
	create: createOperation(PRICE_AGREEMENT, createBody),
	update: updateOperation(PRICE_AGREEMENT, 'priceAgreement', function (itemIndex) {
		return toBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, DATE_FIELDS);
	}),
	delete: deleteAgreement,
};
