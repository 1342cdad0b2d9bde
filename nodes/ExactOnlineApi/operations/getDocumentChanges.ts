/**
 * Get Changes for documents whose headers and lines sync on two endpoints (sales orders:
 * sync/SalesOrder/SalesOrderHeaders + SalesOrderLines; quotations: sync/CRM/QuotationHeaders + QuotationLines):
 * one item per document that changed, with all its lines, plus the documents deleted.
 *
 * The header stream is the entity's own; the line stream is read beside it, with its own position in the same
 * cursor. A document whose lines changed but whose header did not is read from the standard endpoint (one call
 * per 20). The lines of the changed documents come from the line stream on a first run (it holds every line),
 * else from the standard line endpoint (one call per 20 documents, 60 lines a page): the stream only has the lines
 * that changed.
 * Nothing changed costs three calls (headers, lines, deletions).
 * Options a document node may offer: Only Statuses (e.g. accepted quotations: the others are not handed out and
 * cost no line read), Include Accounts (as on Get Many, for the documents handed out) and a header-only test
 * (quotations made from OutSmart: handed out for the next node to skip, without the line, item and account reads).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { type BatchOperation, oncePerRun } from '../../shared/router';
import { type ExtraStream, getChanges } from '../entity/changes';
import { fieldsFor } from '../entity/definitions';
import { selectFor } from '../entity/recordAccess';
import { lineParentField, readLines, type SalesDocument, withAccounts } from '../entity/salesDocuments';
import { odataGuid } from '../odata';
import { exactGetAnyOf, exactSyncRead, SYNC_START } from '../transport';
import { type ChangesParameters, changesSettings } from './getChanges';
import { pick, shape, splitFields } from './output';

const idKey = (value: unknown) => String(value ?? '').toLowerCase();

function byParent(doc: SalesDocument, lines: IDataObject[]): Map<string, IDataObject[]> {
	const parent = lineParentField(doc);
	const grouped = new Map<string, IDataObject[]>();
	for (const line of lines) {
		const id = idKey(line[parent]);
		grouped.set(id, [...(grouped.get(id) ?? []), pick(line, doc.line.fields)]);
	}
	for (const group of grouped.values()) group.sort((a, b) => Number(a.LineNumber ?? 0) - Number(b.LineNumber ?? 0));
	return grouped;
}

interface DocumentChangesParameters extends ChangesParameters {
	includeAccounts?: boolean;
	statuses?: string[];
	[headerOnlyOption: string]: unknown;
}

/** Documents handed out as their sync row only, when the node's boolean option (on by default) says so. */
export interface HeaderOnly {
	option: string;
	test: (header: IDataObject) => boolean;
}

/** Only the documents with one of these statuses (none chosen: all); the test runs on the sync rows. */
function statusTest(statuses: string[] | undefined): ((header: IDataObject) => boolean) | undefined {
	if (!statuses?.length) return undefined;
	const wanted = new Set(statuses.map(Number));
	return (header) => wanted.has(Number(header.Status));
}

export function getDocumentChangesOperation(doc: SalesDocument, hooks: { headerOnly?: HeaderOnly } = {}): BatchOperation {
	return oncePerRun(async function (this: IExecuteFunctions) {
		const itemIndex = 0;
		const options = this.getNodeParameter('changesOptions', itemIndex, {}) as DocumentChangesParameters;
		const keep = statusTest(options.statuses);
		const headerOnly = hooks.headerOnly && options[hooks.headerOnly.option] !== false ? hooks.headerOnly.test : () => false;
		const extra = splitFields(options.extraFields);
		const parent = lineParentField(doc);
		let streamed: IDataObject[] = [];
		let streamHoldsAll = false;

		const lineStream: ExtraStream = {
			name: 'lines',
			read: async (since, run) => {
				const read = await exactSyncRead.call(this, {
					entity: doc.line.syncEntity as string,
					select: fieldsFor(doc.line, 'sync'),
					since,
					itemIndex,
				});
				streamed = read.records;
				streamHoldsAll = run.fromStart && since === SYNC_START;
				// A header the stream read but did not keep (e.g. a draft) was left out on purpose: no need to read it again.
				const known = new Set(run.read.map((header) => idKey(header[doc.header.key])));
				// From the start, the header stream held every header: one it did not hand out was left out on purpose.
				const missing = streamHoldsAll ? [] : [...new Set(read.records.map((line) => idKey(line[parent])))].filter((id) => id && !known.has(id));
				const headers = await exactGetAnyOf.call(this, {
					path: doc.header.path,
					select: selectFor(doc.header, extra),
					values: missing,
					condition: (id) => `${doc.header.key} eq ${odataGuid(id)}`,
					itemIndex,
				});
				return { cursor: read.cursor, records: keep ? headers.filter(keep) : headers };
			},
		};

		const records = await getChanges.call(this, doc.header, {
			select: [...fieldsFor(doc.header, 'sync'), ...extra],
			...changesSettings.call(this, options, itemIndex),
			keep,
			confirmWhenEmpty: keep !== undefined,
			extraStreams: [lineStream],
			afterRead: async (all) => {
				const changed = all.filter((header) => !headerOnly(header));
				if (changed.length === 0) return;
				const ids = changed.map((header) => String(header[doc.header.key]));
				const lines = streamHoldsAll ? byParent(doc, streamed) : await readLines.call(this, doc, ids, itemIndex);
				for (const header of changed) header[doc.linesField] = lines.get(idKey(header[doc.header.key])) ?? [];
				if (!options.includeAccounts) return;
				// In place: the change reader hands out these very records.
				const related = await withAccounts.call(this, doc, changed, itemIndex);
				related.forEach((header, index) => Object.assign(changed[index], header));
			},
		});
		return shape(records, options.output);
	});
}
