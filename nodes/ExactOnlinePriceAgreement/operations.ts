import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { PRICE_AGREEMENT } from '../ExactOnlineApi/entity/definitions';
import { cursorKey } from '../ExactOnlineApi/entity/cursor';
import { addAgreementContext, confirmSeen, detectDeletions, resetSeen } from '../ExactOnlineApi/entity/priceAgreements';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { getOperation } from '../ExactOnlineApi/operations/get';
import { getChangesOperation } from '../ExactOnlineApi/operations/getChanges';
import { getManyOperation } from '../ExactOnlineApi/operations/getMany';
import { andFilters, odataDateTime, odataGuid, orFilters } from '../ExactOnlineApi/odata';
import type { BatchOperation, Operation } from '../shared/router';

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
};
