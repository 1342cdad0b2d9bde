/**
 * Customer Balance: per customer its payment condition and what it still owes, the payment data a technician
 * needs in the field.
 *
 * Get Changes hands out only the customers for whom that changed since the last run: an account change
 * (its payment condition, name) comes from Exact's account sync stream; a balance change from comparing
 * today's open items (ReceivablesList, read whole: Exact has no change stream for it) with what the last run
 * saw. The memory holds only customers that had something open, with the account ID, so one that paid
 * everything is handed out once more with OpenAmount 0, and a flow can clear what it showed. A run where
 * nothing changed costs one account-sync call plus the open-item pages; customers handed out for their
 * balance alone cost one account look-up per 20 (for the payment condition).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dutchToday } from '../shared/dates';
import { type Confirmable, confirmRead, storeRead } from '../ExactOnlineApi/entity/cursor';
import { ACCOUNT } from '../ExactOnlineApi/entity/definitions';
import { lookupByCodes } from '../ExactOnlineApi/entity/lookups';
import { givenBack } from '../ExactOnlineApi/operations/confirmChanges';
import { keyOf, locatorInput } from '../ExactOnlineApi/operations/locate';
import { shape } from '../ExactOnlineApi/operations/output';
import { odataGuid } from '../ExactOnlineApi/odata';
import { exactGetAll, exactGetAnyOf, exactSyncRead, type ExactContext } from '../ExactOnlineApi/transport';
import { SYNC_START } from '../ExactOnlineApi/transport/sync';
import { oncePerRun, type BatchOperation, type ItemOperation, type Operation } from '../shared/router';
import { balanceFingerprint, paidUp, summarizeReceivables, type CustomerBalance } from './balances';

const ACCOUNT_FIELDS = ['ID', 'Code', 'Name', 'Status', 'PaymentConditionSales', 'PaymentConditionSalesDescription'];
const RECEIVABLE_FIELDS = ['Id', 'AccountId', 'AccountCode', 'AccountName', 'Amount', 'CurrencyCode', 'DueDate', 'InvoiceNumber', 'EntryNumber'];

export type ChangeReason = 'firstRun' | 'account' | 'balance';

export interface CustomerBalanceItem extends CustomerBalance {
	PaymentCondition: string | null;
	PaymentConditionDescription: string | null;
	IsFullyPaid: boolean;
}

interface Memory {
	/** Position in sync/CRM/Accounts. */
	accounts: string;
	/** Customers that had something open: code -> account ID and what was handed out. */
	open: Record<string, { id: string | null; fingerprint: string }>;
}

type StoredState = Confirmable<Memory>;

export function balanceStateKey(syncName: string): string {
	return `exactCustomerBalances:${syncName.trim() || 'default'}`;
}

function readState(staticData: IDataObject, key: string): StoredState {
	const stored = staticData[key] as StoredState | undefined;
	return stored?.accounts ? stored : { accounts: SYNC_START, open: {} };
}

/** Makes a pending position final; false when nothing was pending. */
export function confirmBalances(staticData: IDataObject, syncName: string): boolean {
	const key = balanceStateKey(syncName);
	return confirmRead(staticData, key, readState(staticData, key));
}

/**
 * Customers a flow gave back (refused downstream) are marked in the memory as not handed out, so the next run
 * hands them out again: with their balance when something is open, else paid up, with their payment condition.
 */
function retryBalances(staticData: IDataObject, syncName: string, items: IDataObject[]): void {
	const codes = items.map((item) => String(item.AccountCode ?? '').trim()).filter(Boolean);
	if (codes.length === 0) return;
	const key = balanceStateKey(syncName);
	const state = readState(staticData, key);
	const open = { ...state.open };
	items.forEach((item) => {
		const code = String(item.AccountCode ?? '').trim();
		if (code) open[code] = { id: (item.AccountID as string) ?? open[code]?.id ?? null, fingerprint: 'given back' };
	});
	staticData[key] = { ...state, open } as unknown as IDataObject;
}

async function openItems(this: ExactContext, itemIndex: number, accountId?: string): Promise<Map<string, CustomerBalance>> {
	const rows = await exactGetAll.call(this, {
		path: 'read/financial/ReceivablesList',
		query: { $select: RECEIVABLE_FIELDS.join(','), ...(accountId ? { $filter: `AccountId eq ${odataGuid(accountId)}` } : {}) },
		itemIndex,
	});
	return summarizeReceivables(shape(rows, 'clean'), dutchToday());
}

/** Accounts (payment condition, name) by ID, 20 per call; by code for the rare one without an ID. */
async function accountsFor(this: ExactContext, wanted: Array<{ code: string; id: string | null }>, itemIndex: number): Promise<Map<string, IDataObject>> {
	const byCode = new Map<string, IDataObject>();
	const keep = (records: IDataObject[]) => {
		for (const record of shape(records, 'clean')) byCode.set(String(record.Code ?? '').trim(), record);
	};
	const ids = wanted.filter((w) => w.id).map((w) => String(w.id));
	const codes = wanted.filter((w) => !w.id).map((w) => w.code);
	if (ids.length) keep(await exactGetAnyOf.call(this, { path: ACCOUNT.path, select: ACCOUNT_FIELDS.join(','), values: ids, condition: (id) => `ID eq ${odataGuid(id)}`, itemIndex }));
	if (codes.length) {
		const found = await lookupByCodes.call(this, ACCOUNT, codes, ACCOUNT_FIELDS, { cache: new Map(), itemIndex });
		keep([...found.values()].filter((record): record is IDataObject => record !== null));
	}
	return byCode;
}

function toItem(balance: CustomerBalance, account: IDataObject | undefined): CustomerBalanceItem {
	const condition = String(account?.PaymentConditionSales ?? '').trim();
	return {
		...balance,
		AccountID: balance.AccountID ?? ((account?.ID as string) || null),
		AccountName: (account?.Name as string) ?? balance.AccountName,
		PaymentCondition: condition || null,
		PaymentConditionDescription: condition ? String(account?.PaymentConditionSalesDescription ?? '').trim() || null : null,
		IsFullyPaid: balance.OpenInvoices === 0 && balance.OpenAmount === 0,
	};
}

export interface BalanceChangesOptions {
	syncName: string;
	confirmLater: boolean;
	startOver: boolean;
	staticData: IDataObject;
	itemIndex: number;
}

export async function getBalanceChanges(this: ExactContext, options: BalanceChangesOptions): Promise<Array<CustomerBalanceItem & { changeReason: ChangeReason }>> {
	const key = balanceStateKey(options.syncName);
	const state: StoredState = options.startOver ? { accounts: SYNC_START, open: {} } : readState(options.staticData, key);
	const firstRun = state.accounts === SYNC_START;

	// Customers are picked here, not with a $filter: sync endpoints are documented with the Timestamp filter only.
	const changedAccounts = await exactSyncRead.call(this, {
		entity: ACCOUNT.syncEntity!,
		select: ACCOUNT_FIELDS,
		since: state.accounts,
		itemIndex: options.itemIndex,
	});
	const balances = await openItems.call(this, options.itemIndex);

	const accounts = new Map<string, IDataObject>();
	const reasons = new Map<string, ChangeReason>();
	for (const account of shape(changedAccounts.records, 'clean')) {
		if (account.Status !== 'C') continue;
		const code = String(account.Code ?? '').trim();
		accounts.set(code, account);
		reasons.set(code, firstRun ? 'firstRun' : 'account');
	}
	const open: Memory['open'] = {};
	for (const [code, balance] of balances) {
		const fingerprint = balanceFingerprint(balance);
		open[code] = { id: balance.AccountID, fingerprint };
		if (state.open[code]?.fingerprint !== fingerprint && !reasons.has(code)) reasons.set(code, firstRun ? 'firstRun' : 'balance');
	}
	for (const code of Object.keys(state.open)) {
		if (!balances.has(code) && !reasons.has(code)) reasons.set(code, 'balance');
	}

	const missing = [...reasons.keys()].filter((code) => !accounts.has(code));
	const looked = await accountsFor.call(
		this,
		missing.map((code) => ({ code, id: balances.get(code)?.AccountID ?? state.open[code]?.id ?? null })),
		options.itemIndex,
	);
	for (const [code, account] of looked) accounts.set(code, account);

	storeRead<Memory>(options.staticData, key, state, { accounts: changedAccounts.cursor, open }, options.confirmLater);

	return [...reasons].map(([code, changeReason]) => {
		const account = accounts.get(code);
		const balance = balances.get(code) ?? paidUp({ AccountID: (account?.ID as string) ?? state.open[code]?.id ?? null, AccountCode: code, AccountName: (account?.Name as string) ?? null });
		return { ...toItem(balance, account), changeReason };
	});
}

/** Customer Balance → Get Many: every customer with something open now, or one account (also when it owes nothing). */
const getMany: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const account = locatorInput.call(this, 'account', itemIndex, { required: false, what: 'account' });
	const accountId = account ? await keyOf.call(this, ACCOUNT, account, itemIndex) : undefined;
	const balances = await openItems.call(this, itemIndex, accountId);
	const wanted = accountId
		? [{ code: [...balances.keys()][0] ?? '', id: accountId }]
		: [...balances].map(([code, balance]) => ({ code, id: balance.AccountID }));
	const accounts = await accountsFor.call(this, wanted, itemIndex);
	if (accountId) {
		const found = [...accounts.values()][0];
		const code = String(found?.Code ?? '').trim();
		return [toItem(balances.get(code) ?? paidUp({ AccountID: accountId, AccountCode: code, AccountName: (found?.Name as string) ?? null }), found)] as unknown as IDataObject[];
	}
	return [...balances].map(([code, balance]) => toItem(balance, accounts.get(code))) as unknown as IDataObject[];
};

/** One read per run, however many items come in. */
const getChanges = oncePerRun(async function (this: IExecuteFunctions) {
	const itemIndex = 0;
	const options = this.getNodeParameter('balanceOptions', itemIndex, {}) as { confirmLater?: boolean; startOver?: boolean };
	return (await getBalanceChanges.call(this, {
		syncName: this.getNodeParameter('syncName', itemIndex, 'default') as string,
		confirmLater: options.confirmLater === true,
		startOver: options.startOver === true,
		staticData: this.getWorkflowStaticData('global'),
		itemIndex,
	})) as unknown as IDataObject[];
});

/** Confirm Changes: the position made final, and the customers the flow gave back handed out again next run. */
const confirmChanges: BatchOperation = {
	async batch(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const input = this.getInputData();
		const syncName = this.getNodeParameter('syncName', 0, 'default') as string;
		const staticData = this.getWorkflowStaticData('global');
		const confirmed = confirmBalances(staticData, syncName);
		const back = givenBack(input, 'AccountCode');
		retryBalances(staticData, syncName, back);
		return [[{ json: { syncName, confirmed, givenBack: back.length }, pairedItem: input.map((_, item) => ({ item })) }]];
	},
};

export const customerBalanceOperations: Record<string, Operation> = { getMany, getChanges, confirmChanges };
