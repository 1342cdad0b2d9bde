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
 * Nothing changed costs three calls (headers, lines, deletions). Include Accounts adds the accounts and delivery
 * address of the changed documents as Get Many does (one call per 20 accounts, one per 20 addresses).
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
import type { DocumentReadOptions } from './getDocument';
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

export function getDocumentChangesOperation(doc: SalesDocument): BatchOperation {
	return oncePerRun(async function (this: IExecuteFunctions) {
		const itemIndex = 0;
		const options = this.getNodeParameter('changesOptions', itemIndex, {}) as ChangesParameters & Pick<DocumentReadOptions, 'includeAccounts'>;
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
				const known = new Set(run.changed.map((header) => idKey(header[doc.header.key])));
				const missing = [...new Set(read.records.map((line) => idKey(line[parent])))].filter((id) => id && !known.has(id));
				const headers = await exactGetAnyOf.call(this, {
					path: doc.header.path,
					select: selectFor(doc.header, extra),
					values: missing,
					condition: (id) => `${doc.header.key} eq ${odataGuid(id)}`,
					itemIndex,
				});
				return { cursor: read.cursor, records: headers };
			},
		};

		const records = await getChanges.call(this, doc.header, {
			select: [...fieldsFor(doc.header, 'sync'), ...extra],
			...changesSettings.call(this, options, itemIndex),
			extraStreams: [lineStream],
			afterRead: async (changed) => {
				const ids = changed.map((header) => String(header[doc.header.key]));
				const lines = streamHoldsAll ? byParent(doc, streamed) : await readLines.call(this, doc, ids, itemIndex);
				for (const header of changed) header[doc.linesField] = lines.get(idKey(header[doc.header.key])) ?? [];
			},
		});
		if (!options.includeAccounts) return shape(records, options.output);
		// Deleted documents name no accounts any more; only the changed ones get theirs.
		const changed = records.filter((record) => record.changeType === 'changed');
		const withTheirAccounts = await withAccounts.call(this, doc, changed, itemIndex);
		const byId = new Map(changed.map((record, index) => [record, withTheirAccounts[index]]));
		return shape(records.map((record) => byId.get(record) ?? record), options.output);
	});
}
