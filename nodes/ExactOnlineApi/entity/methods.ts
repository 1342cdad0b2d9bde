/**
 * UI-time lookups: resource-locator searches and dropdown options. Each open of a list costs one Exact call
 * (one page); scrolling further follows Exact's own `__next` link.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';
import { trimPaddedCode } from '../codes';
import { odataContains, orFilters } from '../odata';
import { exactRequest, readList, type ExactQuery } from '../transport';
import { ACCOUNT, EMPLOYEE, ITEM, PAYMENT_CONDITION, PROJECT, WAREHOUSE, type ExactEntity } from './definitions';
import { codeLiteral } from './recordAccess';

async function onePage(this: ILoadOptionsFunctions, path: string, query: ExactQuery, next?: string) {
	const response = await exactRequest.call(this, next ? { url: next } : { path, query });
	return readList(response.body);
}

function searchFilter(entity: ExactEntity, nameField: string, text?: string): string | undefined {
	const trimmed = text?.trim();
	if (!trimmed) return undefined;
	const byName = odataContains(nameField, trimmed);
	if (!entity.codeField) return byName;
	// A padded code (accounts) only matches in full; other codes may be typed in part.
	const byCode = entity.paddedCode
		? `${entity.codeField} eq ${codeLiteral(entity, trimmed)}`
		: odataContains(entity.codeField, trimmed);
	return orFilters(byName, byCode);
}

async function search(
	this: ILoadOptionsFunctions,
	entity: ExactEntity,
	nameField: string,
	filter?: string,
	paginationToken?: string,
	valueField: string = entity.key,
): Promise<INodeListSearchResult> {
	const page = await onePage.call(
		this,
		entity.path,
		{
			$select: [...new Set([entity.key, entity.codeField, nameField, valueField].filter(Boolean))].join(','),
			$filter: searchFilter(entity, nameField, filter),
			$orderby: nameField,
		},
		paginationToken,
	);
	return {
		results: page.records.map((record) => {
			const code = entity.codeField ? trimPaddedCode(String(record[entity.codeField] ?? '')) : '';
			return {
				name: code ? `${code} - ${String(record[nameField] ?? '')}` : String(record[nameField] ?? ''),
				value: trimPaddedCode(String(record[valueField])),
			};
		}),
		paginationToken: page.next,
	};
}

export const listSearch = {
	async searchAccounts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search.call(this, ACCOUNT, 'Name', filter, paginationToken);
	},
	async searchItems(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search.call(this, ITEM, 'Description', filter, paginationToken);
	},
	async searchEmployees(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search.call(this, EMPLOYEE, 'FullName', filter, paginationToken);
	},
	async searchWarehouses(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search.call(this, WAREHOUSE, 'Description', filter, paginationToken);
	},
	async searchProjects(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search.call(this, PROJECT, 'Description', filter, paginationToken);
	},
	/** Values are codes: Exact refers to payment conditions by code (accounts, invoices). */
	async searchPaymentConditions(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search.call(this, PAYMENT_CONDITION, 'Description', filter, paginationToken, 'Code');
	},
};

function options(records: IDataObject[], label: (r: IDataObject) => string, value: (r: IDataObject) => string): INodePropertyOptions[] {
	return records
		.map((record) => ({ name: label(record), value: value(record) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export const loadOptions = {
	async getItemGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const page = await onePage.call(this, 'logistics/ItemGroups', { $select: 'ID,Code,Description' });
		return options(page.records, (r) => `${String(r.Code)} - ${String(r.Description ?? '')}`, (r) => String(r.ID));
	},
	async getSalesJournals(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		// Type 20 = sales journal.
		const page = await onePage.call(this, 'financial/Journals', { $select: 'Code,Description,Type', $filter: 'Type eq 20' });
		return options(page.records, (r) => `${String(r.Code)} - ${String(r.Description ?? '')}`, (r) => String(r.Code));
	},
	async getVatCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const page = await onePage.call(this, 'vat/VATCodes', { $select: 'Code,Description,Percentage' });
		return options(
			page.records,
			(r) => `${String(r.Code).trim()} - ${String(r.Description ?? '')} (${Math.round(Number(r.Percentage ?? 0) * 100)}%)`,
			(r) => String(r.Code).trim(),
		);
	},
	async getDivisions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const page = await onePage.call(this, 'system/Divisions', { $select: 'Code,Description', $orderby: 'Description' });
		return options(page.records, (r) => `${String(r.Description ?? '')} (${String(r.Code)})`, (r) => String(r.Code));
	},
};
