/**
 * Finding one record: the resource-locator parameter (from a list, by code, by ID) and what it does (an ID as
 * is, a code looked up), with an error that names the record and the administration when it is not there.
 */
import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';
import type { Show } from '../../shared/descriptions';
import { asNodeError } from '../../shared/nodeErrors';
import type { ExactEntity } from '../entity/definitions';
import { getByIdOrCode, type LookupBy, RecordNotFoundError } from '../entity/recordAccess';
import { isGuid } from '../odata';
import { EXACT_CREDENTIAL_TYPE, exactBaseUrl, resolveDivision } from '../transport';

/** The administration (division) number the credential works in; cached by the transport, so no extra call. */
export async function administration(this: IExecuteFunctions): Promise<number> {
	const credentials = await this.getCredentials(EXACT_CREDENTIAL_TYPE);
	return await resolveDivision.call(this, exactBaseUrl(credentials), credentials);
}

/** "Item 'MAT-9' not found in administration 1234567 (Exact: ...)", with what to do about it. */
export async function notFoundError(
	this: IExecuteFunctions,
	error: RecordNotFoundError,
	itemIndex: number,
	description?: string,
): Promise<NodeOperationError> {
	const exact = error.exactMessage ? ` (Exact: ${error.exactMessage})` : '';
	const { label } = error.entity;
	return new NodeOperationError(this.getNode(), `${error.message} in administration ${await administration.call(this)}${exact}`, {
		itemIndex,
		description:
			description ??
			`Check the ${label}'s code or ID in Exact, or pick the ${label} from the list. Is the credential connected to the right administration?`,
	});
}

export interface LocatorInput {
	value: string;
	by: LookupBy;
}

/**
 * The value of a resource locator and how to look it up: "By ID" must be a GUID, "By Code" is a code even if
 * it looks like a GUID, "From List" gives what the list search put in (`listBy`). A plain string (an older
 * or hand-written parameter) is an ID when it is a GUID, else a code.
 */
export function locatorInput(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	options: { listBy?: LookupBy; required?: boolean; what?: string } = {},
): LocatorInput | undefined {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	const locator = typeof raw === 'object' && raw !== null ? (raw as { mode?: string; value?: unknown }) : { value: raw };
	const value = String(locator.value ?? '').trim();
	const what = options.what ?? name;
	if (!value) {
		if (options.required === false) return undefined;
		throw new NodeOperationError(this.getNode(), `No ${what} given`, {
			itemIndex,
			description: `Choose the ${what} from the list, or enter its code or ID`,
		});
	}
	const by: LookupBy =
		locator.mode === 'id' ? 'id' : locator.mode === 'code' ? 'code' : locator.mode === 'list' ? (options.listBy ?? 'id') : isGuid(value) ? 'id' : 'code';
	if (by === 'id' && !isGuid(value)) {
		throw new NodeOperationError(this.getNode(), `'${value}' is not an Exact ID`, {
			itemIndex,
			description: `An ID is a GUID like 3fa85f64-5717-4562-b3fc-2c963f66afa6. To find the ${what} by its code, choose "By Code".`,
		});
	}
	return { value, by };
}

/** Finds the record or fails with a message that names the record and the administration. */
export async function findRecord(
	this: IExecuteFunctions,
	entity: ExactEntity,
	input: LocatorInput | string,
	select: string,
	itemIndex: number,
): Promise<IDataObject> {
	const { value, by } = typeof input === 'string' ? { value: input, by: isGuid(input) ? 'id' : 'code' } as LocatorInput : input;
	try {
		return await getByIdOrCode.call(this, entity, value, select, itemIndex, by);
	} catch (error) {
		if (error instanceof RecordNotFoundError) throw await notFoundError.call(this, error, itemIndex);
		throw asNodeError(this.getNode(), error, itemIndex);
	}
}

/** The record's key for a locator value: an ID as is (no call), a code looked up (one call). */
export async function keyOf(
	this: IExecuteFunctions,
	entity: ExactEntity,
	input: LocatorInput,
	itemIndex: number,
): Promise<string> {
	if (input.by === 'id') return input.value;
	return String((await findRecord.call(this, entity, input, entity.key, itemIndex))[entity.key]);
}

export const GUID_REGEX = '^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$';

/** "By ID" mode of a resource locator: an Exact GUID. */
export const byIdMode = {
	displayName: 'By ID',
	name: 'id',
	type: 'string' as const,
	placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6',
	validation: [{ type: 'regex' as const, properties: { regex: GUID_REGEX, errorMessage: 'Not an Exact ID (GUID)' } }],
};

/** A resource locator for an Exact record: from a searchable list, by the code users know, or by ID. */
export function recordLocator(options: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	codePlaceholder: string;
	codeHint?: string;
	required?: boolean;
	show?: Show;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? false,
		...(options.show ? { displayOptions: { show: options.show } } : {}),
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true, searchFilterRequired: false },
			},
			{ displayName: 'By Code', name: 'code', type: 'string', placeholder: options.codePlaceholder, hint: options.codeHint },
			byIdMode,
		],
	};
}

/**
 * A payment condition (betalingsconditie): Exact refers to it by its code everywhere (accounts, invoices),
 * so the list gives codes; an ID is turned into the code with one call.
 */
export function paymentConditionLocator(name: string, description: string): INodeProperties {
	return recordLocator({
		displayName: 'Payment Condition',
		name,
		description,
		searchListMethod: 'searchPaymentConditions',
		codePlaceholder: 'e.g. 30',
	});
}

/** An account (relation, debtor/creditor): from the list, by the code users know (padded for you), or by ID. */
export const accountLocator = (name: string, show: Show): INodeProperties =>
	recordLocator({
		displayName: 'Account',
		name,
		show,
		required: true,
		description: 'The relation (debtor/creditor) in Exact',
		searchListMethod: 'searchAccounts',
		codePlaceholder: 'e.g. 1001',
		codeHint: 'The account code as users know it; the 18-character padding is added for you',
	});
