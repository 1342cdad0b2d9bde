/**
 * Get and Get Many for sales documents with lines (orders, quotations, invoices): the header as the entity's
 * Get / Get Many reads it, plus its lines when asked (one call per 20 documents).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { returnAllOrLimit, type Show } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/router';
import { selectFor } from '../entity/recordAccess';
import { documentInput, linesLackItemCode, type SalesDocument, withAccounts, withLines } from '../entity/salesDocuments';
import { getManyOperation } from './getMany';
import { accountLocator, findRecord } from './locate';
import { type ReadOptions, readOptions, shape, splitFields } from './output';

export interface DocumentReadOptions extends ReadOptions {
	includeLines?: boolean;
	includeAccounts?: boolean;
}

/** The Include Accounts option: the accounts (and delivery address) the documents name, in few calls. */
export function includeAccountsOption(doc: SalesDocument): INodeProperties {
	return {
		displayName: 'Include Accounts',
		name: 'includeAccounts',
		type: 'boolean',
		default: false,
		description: `Whether to add the accounts the ${doc.noun} names (${doc.accountFields.join(', ')}) under Accounts, and its delivery address${
			linesLackItemCode(doc) ? `, and to each line its item's code (ItemCode)` : ''
		}, e.g. to plan the work (one extra call per 20 accounts${linesLackItemCode(doc) ? ' and per 20 items' : ''})`,
	};
}

/** Lines and accounts as the options ask. */
async function withRelated(this: IExecuteFunctions, doc: SalesDocument, headers: IDataObject[], options: DocumentReadOptions, linesByDefault: boolean, itemIndex: number): Promise<IDataObject[]> {
	const lines = options.includeLines ?? linesByDefault;
	const withTheirLines = lines ? await withLines.call(this, doc, headers, itemIndex) : headers;
	return options.includeAccounts ? await withAccounts.call(this, doc, withTheirLines, itemIndex) : withTheirLines;
}

/** The document to work on, by number or ID: a plain string, as numbers often come from an expression. */
export function documentNumberParameter(doc: SalesDocument, name: string, show: Show, dutchName: string): INodeProperties {
	const noun = doc.noun.charAt(0).toUpperCase() + doc.noun.slice(1);
	return {
		displayName: `${noun} Number or ID`,
		name,
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
		placeholder: `e.g. ${doc.exampleNumber} or 3fa85f64-5717-4562-b3fc-2c963f66afa6`,
		description: `The ${doc.noun} number (${dutchName}) or the ${doc.header.key}`,
	};
}

/** Get Many's parameters: Return All / Limit, the account, the entity's filters, and the read options with Include Lines. */
export function documentGetManyParameters(doc: SalesDocument, show: Show, accountDescription: string, filters: INodeProperties[]): INodeProperties[] {
	return [
		...returnAllOrLimit(show),
		{ ...accountLocator('account', show), required: false, description: accountDescription },
		{ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: { show }, options: filters },
		readOptions(show, [includeAccountsOption(doc), includeLinesOption(doc, true)]),
	];
}

/** Get's options: Extra Fields, Output, Include Accounts, Include Lines (on). */
export function documentGetOptions(doc: SalesDocument, show: Show): INodeProperties {
	return readOptions(show, [includeAccountsOption(doc), includeLinesOption(doc, false)]);
}

/** The Include Lines option: on by default for Get, off for Get Many (where it costs a call per 20 documents). */
export function includeLinesOption(doc: SalesDocument, many: boolean): INodeProperties {
	const option: INodeProperties = {
		displayName: 'Include Lines',
		name: 'includeLines',
		type: 'boolean',
		default: true,
		description: `Whether to add the ${doc.noun} lines under ${doc.linesField} (one extra call)`,
	};
	if (!many) return option;
	return { ...option, default: false, description: `Whether to add each ${doc.noun}'s lines under ${doc.linesField} (one extra call per 20 ${doc.noun}s)` };
}

/** Get by number or ID (the plain string parameter `parameter`), with its lines unless Include Lines is off. */
export function getDocumentOperation(doc: SalesDocument, parameter: string): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as DocumentReadOptions;
		const header = await findRecord.call(
			this,
			doc.header,
			documentInput.call(this, doc, parameter, itemIndex),
			selectFor(doc.header, splitFields(options.extraFields)),
			itemIndex,
		);
		return shape(await withRelated.call(this, doc, [header], options, true, itemIndex), options.output);
	};
}

/** Get Many with the entity's filters; Include Lines adds the lines of the documents found. */
export function getManyDocumentsOperation(
	doc: SalesDocument,
	buildFilter: Parameters<typeof getManyOperation>[1],
	orderBy?: string,
): ItemOperation {
	const getHeaders = getManyOperation(doc.header, buildFilter, orderBy);
	return async function (this: IExecuteFunctions, itemIndex: number, run) {
		const headers = await getHeaders.call(this, itemIndex, run);
		const options = this.getNodeParameter('options', itemIndex, {}) as DocumentReadOptions;
		if (!options.includeLines && !options.includeAccounts) return headers;
		return shape(await withRelated.call(this, doc, headers, options, false, itemIndex), options.output);
	};
}
