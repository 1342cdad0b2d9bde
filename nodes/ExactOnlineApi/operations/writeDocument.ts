/**
 * Create and Update for sales documents with lines (orders, quotations, invoices): the Lines parameters and
 * what they do. Create posts the lines nested in the header (one write). Update changes the header, then the
 * lines named by their line number, adds lines and deletes lines; every line number and item code is checked
 * before the first write, so a typo writes nothing.
 */
import { type IDataObject, type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';
import type { Show } from '../../shared/descriptions';
import { parseAmountOrNull } from '../../shared/formats';
import { asNodeError } from '../../shared/nodeErrors';
import type { ItemOperation, RunScope } from '../../shared/router';
import { createRecord, deleteRecord, updateRecord } from '../entity/recordAccess';
import {
	checkLines,
	documentInput,
	itemIdsFor,
	lineBody,
	lineParentField,
	type LineInput,
	readLines,
	resolveLines,
	type SalesDocument,
} from '../entity/salesDocuments';
import { keyOf } from './locate';
import { pick, type ReadOptions, shape } from './output';
import { createdOutput, toBody } from './write';

const lineValues = (doc: SalesDocument): INodeProperties[] => [
	{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Leave empty to use the item description' },
	{ displayName: 'Item Code or ID', name: 'item', type: 'string', default: '', placeholder: 'e.g. CV-KETEL-01', description: `The item (artikel) of the ${doc.noun} line` },
	{ displayName: 'Notes', name: 'notes', type: 'string', default: '', description: 'Extra notes on the line' },
	{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, description: 'Number of units' },
	{ displayName: 'Unit Price', name: 'unitPrice', type: 'number', default: 0, description: 'Price per unit excluding VAT; 0 uses the item price in Exact' },
	{ displayName: 'VAT Code', name: 'vatCode', type: 'string', default: '', description: 'Leave empty to use the item VAT code' },
];

/** The Lines of a new document (required), or the lines Update adds (`name` addLines). */
export function documentLinesParameter(doc: SalesDocument, show: Show, name: 'lines' | 'addLines' = 'lines'): INodeProperties {
	return {
		displayName: name === 'lines' ? 'Lines' : 'Add Lines',
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		required: name === 'lines',
		displayOptions: { show },
		description: name === 'lines' ? `The ${doc.noun} lines, in order` : `Lines to add after the existing ones`,
		options: [{ name: 'line', displayName: 'Line', values: lineValues(doc) }],
	};
}

/** Update's line parameters: change lines by number, add lines, delete lines. */
export function lineChangeParameters(doc: SalesDocument, show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Update Lines',
			name: 'updateLines',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Line to Update',
			default: {},
			displayOptions: { show },
			description: `Lines of the ${doc.noun} to change, by line number; empty fields stay as they are`,
			options: [
				{
					name: 'line',
					displayName: 'Line',
					values: [
						{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'New description; empty keeps it' },
						{ displayName: 'Item Code or ID', name: 'item', type: 'string', default: '', description: 'Another item; empty keeps it (the price follows the new item unless you give one)' },
						{ displayName: 'Line Number', name: 'lineNumber', type: 'number', default: 1, typeOptions: { minValue: 1 }, description: `The line's number in the ${doc.noun} (1 = the first line)` },
						{ displayName: 'Notes', name: 'notes', type: 'string', default: '', description: 'New notes; empty keeps them' },
						{ displayName: 'Quantity', name: 'quantity', type: 'string', default: '', placeholder: 'e.g. 2,5', description: 'New quantity; empty keeps it' },
						{ displayName: 'Unit Price', name: 'unitPrice', type: 'string', default: '', placeholder: 'e.g. 12,50', description: 'New price per unit excluding VAT; empty keeps it' },
					],
				},
			],
		},
		documentLinesParameter(doc, show, 'addLines'),
		{
			displayName: 'Delete Lines',
			name: 'deleteLines',
			type: 'string',
			default: '',
			displayOptions: { show },
			placeholder: 'e.g. 2, 5',
			description: 'Line numbers to delete, comma-separated (numbers as they are before this update); Exact renumbers the rest',
		},
	];
}

export function createDocumentOperation(
	doc: SalesDocument,
	buildHeader: (this: IExecuteFunctions, itemIndex: number, run: RunScope) => Promise<IDataObject>,
): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number, run: RunScope) {
		const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
		const lines = (this.getNodeParameter('lines', itemIndex, {}) as { line?: LineInput[] }).line ?? [];
		checkLines.call(this, doc, lines, itemIndex);
		const header = await buildHeader.call(this, itemIndex, run);
		const body: IDataObject = { ...header, [doc.linesField]: await resolveLines.call(this, doc, lines, itemIndex, run) };
		const created = await createRecord.call(this, doc.header, body, itemIndex);
		const output = createdOutput(doc.header, created, options, [doc.linesField]);
		if (options.output !== 'raw' && Array.isArray(output[doc.linesField])) {
			output[doc.linesField] = (output[doc.linesField] as IDataObject[]).map((line) => pick(line, doc.line.fields));
		}
		return [output];
	};
}

interface LineUpdateInput {
	lineNumber?: number;
	item?: string;
	quantity?: string | number;
	unitPrice?: string | number;
	description?: string;
	notes?: string;
}

/** What Update was asked to do to the lines, read and checked before any call. */
interface LinePlan {
	updates: LineUpdateInput[];
	adds: LineInput[];
	deletes: number[];
}

function readLinePlan(this: IExecuteFunctions, doc: SalesDocument, itemIndex: number): LinePlan {
	const updates = (this.getNodeParameter('updateLines', itemIndex, {}) as { line?: LineUpdateInput[] }).line ?? [];
	const adds = (this.getNodeParameter('addLines', itemIndex, {}) as { line?: LineInput[] }).line ?? [];
	const deleteText = String(this.getNodeParameter('deleteLines', itemIndex, '') ?? '').trim();
	const deletes = deleteText ? deleteText.split(/[\s,;]+/).filter(Boolean).map(Number) : [];
	const fail = (message: string, description: string) => new NodeOperationError(this.getNode(), message, { itemIndex, description });
	if (deletes.some((n) => !Number.isInteger(n) || n < 1)) {
		throw fail(`Delete Lines '${deleteText}' is not a list of line numbers`, 'Enter line numbers separated by commas, e.g. 2, 5');
	}
	const numbers = updates.map((u) => Number(u.lineNumber));
	if (numbers.some((n) => !Number.isInteger(n) || n < 1)) throw fail('A line to update has no valid line number', 'Line numbers start at 1');
	const both = numbers.find((n) => deletes.includes(n));
	if (both !== undefined) throw fail(`Line ${both} is both updated and deleted`, 'Update a line or delete it, not both');
	const twice = numbers.find((n, i) => numbers.indexOf(n) !== i);
	if (twice !== undefined) throw fail(`Line ${twice} is updated twice`, 'Put all changes of one line in one entry');
	if (adds.length) checkLines.call(this, doc, adds, itemIndex);
	return { updates, adds, deletes: [...new Set(deletes)] };
}

/** A number from a text field ("2,5", "12.50"), or undefined when empty. */
function optionalNumber(this: IExecuteFunctions, value: unknown, what: string, itemIndex: number): number | undefined {
	try {
		return parseAmountOrNull(value) ?? undefined;
	} catch {
		// parseAmountOrNull only throws on text that is no number
		throw new NodeOperationError(this.getNode(), `${what} '${String(value)}' is not a number`, { itemIndex, description: 'Use a number such as 2, 2,5 or 12.50' });
	}
}

/** The changes of one line as Exact takes them (only what was given). */
function lineChanges(this: IExecuteFunctions, update: LineUpdateInput, itemIds: Map<string, string>, itemIndex: number): IDataObject {
	const what = `Line ${update.lineNumber}`;
	return toBody({
		Item: update.item?.trim() ? itemIds.get(update.item) : undefined,
		Quantity: optionalNumber.call(this, update.quantity, `${what}: quantity`, itemIndex),
		UnitPrice: optionalNumber.call(this, update.unitPrice, `${what}: unit price`, itemIndex),
		Description: update.description,
		Notes: update.notes,
	});
}

/**
 * Update: header fields from `buildHeader` (the Update Fields), then the line changes. A document given by
 * number costs one look-up; line changes one read of the lines before and one after (the output shows the
 * lines as Exact numbered them). When Exact refuses a write half-way, the error says what was already written.
 */
export function updateDocumentOperation(
	doc: SalesDocument,
	parameter: string,
	buildHeader: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject>,
): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number, run: RunScope) {
		const header = await buildHeader.call(this, itemIndex);
		const plan = readLinePlan.call(this, doc, itemIndex);
		const changesLines = plan.updates.length + plan.adds.length + plan.deletes.length > 0;
		if (Object.keys(header).length === 0 && !changesLines) {
			throw new NodeOperationError(this.getNode(), 'Nothing to update', {
				itemIndex,
				description: 'Add a field under Update Fields, or lines to update, add or delete',
			});
		}
		// Items given as codes become IDs first: an unknown code stops here, before anything is written.
		const itemValues = [...plan.updates.map((u) => String(u.item ?? '')), ...plan.adds.map((a) => String(a.item))].filter((v) => v.trim());
		const itemIds = itemValues.length ? await itemIdsFor.call(this, itemValues, itemIndex, run) : new Map<string, string>();
		const lineBodies = plan.updates.map((update) => lineChanges.call(this, update, itemIds, itemIndex));
		const id = await keyOf.call(this, doc.header, documentInput.call(this, doc, parameter, itemIndex), itemIndex);

		const existing = changesLines ? ((await readLines.call(this, doc, [id], itemIndex)).get(id.toLowerCase()) ?? []) : [];
		const lineId = (number: number): string => {
			const line = existing.find((l) => Number(l.LineNumber) === number);
			if (!line) {
				const range = existing.length ? `it has lines 1 to ${existing.length}` : 'it has no lines';
				throw new NodeOperationError(this.getNode(), `The ${doc.noun} has no line ${number} (${range})`, {
					itemIndex,
					description: 'Check the line numbers; nothing was written',
				});
			}
			return String(line[doc.line.key]);
		};
		const updateIds = plan.updates.map((u) => lineId(Number(u.lineNumber)));
		const deleteIds = plan.deletes.map(lineId);

		const done: string[] = [];
		const step = async (what: string, write: () => Promise<unknown>) => {
			try {
				await write();
				done.push(what);
			} catch (error) {
				const nodeError = asNodeError(this.getNode(), error, itemIndex);
				if (done.length) nodeError.description = `Already written: ${done.join(', ')}. ${nodeError.description ?? ''}`.trim();
				throw nodeError;
			}
		};
		if (Object.keys(header).length) await step('header', () => updateRecord.call(this, doc.header, id, header, itemIndex));
		for (const [index, body] of lineBodies.entries()) {
			if (Object.keys(body).length === 0) continue;
			await step(`line ${plan.updates[index].lineNumber}`, () => updateRecord.call(this, doc.line, updateIds[index], body, itemIndex));
		}
		for (const [index, body] of plan.adds.map((line) => lineBody(line, itemIds)).entries()) {
			await step(`new line ${index + 1}`, () => createRecord.call(this, doc.line, { ...body, [lineParentField(doc)]: id }, itemIndex));
		}
		for (const [index, lineKey] of deleteIds.entries()) {
			await step(`deleted line ${plan.deletes[index]}`, () => deleteRecord.call(this, doc.line, lineKey, itemIndex));
		}

		const output: IDataObject = { [doc.header.key]: id, ...header };
		if (changesLines) {
			output[doc.linesField] = (await readLines.call(this, doc, [id], itemIndex)).get(id.toLowerCase()) ?? [];
			output.linesUpdated = plan.updates.length;
			output.linesAdded = plan.adds.length;
			output.linesDeleted = plan.deletes.length;
		}
		return shape([output], 'clean');
	};
}

