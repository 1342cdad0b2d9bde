/**
 * A completed OutSmart work order -> the lines of an Exact sales invoice or sales order. Pure: item codes
 * stay codes here; the export operation resolves them to Exact IDs (and refuses unknown ones) before
 * anything is written. Accepts the work order as OutSmart sends it (decimal-comma strings, "HH:MM") or as
 * our OutSmart nodes output it (numbers, hours as decimals).
 */
import type { IDataObject } from 'n8n-workflow';
import { parseAmount, parseDuration } from '../shared/formats';
import { text } from './values';

export type HourRounding = 0 | 5 | 15 | 30;

export interface DocumentOptions {
	/** Round each work period's time up to a multiple of this many minutes (0: no rounding). */
	hourRounding: HourRounding;
	/** One hour line per hour type (summed), or one per work period. */
	hourLines: 'perHourType' | 'perWorkPeriod';
	/** Exact item for work periods without an hour type. Empty: such a period is a problem. */
	fallbackHourItem?: string;
	/** Use the material prices on the work order (else Exact's own item prices). */
	useWorkOrderPrices: boolean;
	/** Exact item code for a text line with the work description; empty: no text line. */
	descriptionLineItem?: string;
	/** The document description; {{field}} is replaced by the work order's field, e.g. {{WorkorderNo}}. */
	descriptionTemplate: string;
	/** Exact warehouse code the materials leave; empty: none on the document (Exact's own default). */
	stockWarehouse?: string;
	/** Take the warehouse the technician took the materials from (MaterialWarehouseCode, e.g. the van) instead. */
	warehouseFromWorkOrder?: boolean;
}

export interface DocumentLine {
	itemCode: string;
	quantity: number;
	/** Undefined: Exact's price for the item. */
	unitPrice?: number;
	description: string;
	source: 'material' | 'hours' | 'text';
	/** A material line's OutSmart warehouse (MaterialWarehouseCode), where the technician took it from. */
	warehouseCode?: string;
}

export interface WorkOrderDocument {
	workOrderNumber: string;
	debtorNumber: string;
	description: string;
	lines: DocumentLine[];
	/** The warehouse code the document's materials leave, or undefined for none. */
	warehouseCode?: string;
	/** What makes the work order unexportable as it is; empty when it can go. */
	problems: string[];
}

/** A number from OutSmart's "1.234,50" / "2,5", or one our nodes already turned into a number. */
export function readNumber(value: unknown): number {
	if (typeof value === 'number') return value;
	if (value && typeof value === 'object' && 'value' in value) return readNumber((value as { value: unknown }).value);
	return parseAmount(value);
}

/** Hours from "HH:MM", a number of hours, or our nodes' { hours, text } object. */
export function readHours(value: unknown): number {
	if (typeof value === 'number') return value;
	if (value && typeof value === 'object' && 'hours' in value) return Number((value as { hours: unknown }).hours);
	return parseDuration(value).hours;
}

export function roundUpHours(hours: number, rounding: HourRounding): number {
	if (!rounding || hours <= 0) return Math.round(hours * 10_000) / 10_000;
	const minutes = Math.round(hours * 60 * 1000) / 1000;
	return (Math.ceil(minutes / rounding) * rounding) / 60;
}

export function fillTemplate(template: string, workOrder: IDataObject): string {
	return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, field: string) => text(workOrder[field])).trim();
}

function list(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

function materialLines(workOrder: IDataObject, options: DocumentOptions, problems: string[]): DocumentLine[] {
	const lines: DocumentLine[] = [];
	for (const [index, material] of list(workOrder.Materials).entries()) {
		const code = text(material.MaterialCode);
		const label = code || `line ${index + 1}`;
		if (!code) {
			problems.push(`Material line ${index + 1} has no material code`);
			continue;
		}
		let quantity: number;
		let price: number | undefined;
		try {
			quantity = readNumber(material.MaterialNr);
			price = options.useWorkOrderPrices && text(material.MaterialPrice) !== '' ? readNumber(material.MaterialPrice) : undefined;
		} catch (error) {
			problems.push(`Material ${label}: ${(error as Error).message}`);
			continue;
		}
		if (quantity === 0) continue;
		const warehouseCode = text(material.MaterialWarehouseCode) || undefined;
		lines.push({ itemCode: code, quantity, unitPrice: price, description: text(material.MaterialName) || code, source: 'material', ...(warehouseCode ? { warehouseCode } : {}) });
	}
	return lines;
}

function hourLines(workOrder: IDataObject, options: DocumentOptions, problems: string[]): DocumentLine[] {
	const lines: DocumentLine[] = [];
	const byHourType = new Map<string, DocumentLine>();
	for (const [index, period] of list(workOrder.Workperiods).entries()) {
		const code = text(period.HourType) || text(options.fallbackHourItem);
		if (!code) {
			problems.push(`Work period ${index + 1} has no hour type, and no fallback hour item is set`);
			continue;
		}
		if (text(period.TotalTime) === '') {
			problems.push(`Work period ${index + 1} (${code}) has no total time: the technician did not finish it in the app`);
			continue;
		}
		let hours: number;
		try {
			hours = roundUpHours(readHours(period.TotalTime), options.hourRounding);
		} catch (error) {
			problems.push(`Work period ${index + 1}: ${(error as Error).message}`);
			continue;
		}
		if (hours < 0) {
			// Our OutSmart node hands out decimal hours beside the text OutSmart sent (TotalTimeText): quote that.
			const shown = text(period.TotalTimeText) || text(period.TotalTime);
			problems.push(`Work period ${index + 1} (${code}) has a negative total time (${shown}): its end lies before its start`);
			continue;
		}
		if (hours === 0) continue;
		if (options.hourLines === 'perWorkPeriod') {
			const who = text(period.EmployeeNr) ? `, medewerker ${text(period.EmployeeNr)}` : '';
			lines.push({ itemCode: code, quantity: hours, description: `${code} ${text(period.WorkDate)}${who}`.trim(), source: 'hours' });
			continue;
		}
		const line = byHourType.get(code);
		if (line) line.quantity = Math.round((line.quantity + hours) * 10_000) / 10_000;
		else {
			const created: DocumentLine = { itemCode: code, quantity: hours, description: code, source: 'hours' };
			byHourType.set(code, created);
			lines.push(created);
		}
	}
	return lines;
}

/**
 * The one warehouse the materials leave: Exact takes a warehouse per document (the invoice's Warehouse, the
 * order's WarehouseID), not per line. With warehouseFromWorkOrder the material lines' MaterialWarehouseCode
 * (the van or store the technician took them from) decides, lines without one count as the Stock Warehouse;
 * lines from two warehouses cannot be one document. Lines with quantity 0 are no document lines: they do not count.
 */
function documentWarehouse(lines: DocumentLine[], options: DocumentOptions, problems: string[]): string | undefined {
	const fallback = text(options.stockWarehouse);
	if (!options.warehouseFromWorkOrder) return fallback || undefined;
	const used = [...new Set(lines.filter((line) => line.source === 'material').map((line) => line.warehouseCode ?? fallback))];
	const named = used.filter(Boolean);
	if (named.length > 1 || (named.length === 1 && used.length > 1)) {
		const shown = used.map((code) => code || '(none)').join(', ');
		problems.push(`The materials come from more than one warehouse (${shown}), and Exact takes one warehouse per document: give every material line the same warehouse in OutSmart, or set a Stock Warehouse for the lines without one`);
		return undefined;
	}
	return named[0];
}

export function workOrderToDocument(workOrder: IDataObject, options: DocumentOptions): WorkOrderDocument {
	const problems: string[] = [];
	const workOrderNumber = text(workOrder.WorkorderNo);
	// The invoice goes to the invoice customer when the work order names one.
	const debtorNumber = text(workOrder.CustomerDebtorNrInvoice) || text(workOrder.CustomerDebtorNr);
	if (!workOrderNumber) problems.push('The work order has no WorkorderNo');
	if (!debtorNumber) problems.push('The work order has no debtor number (CustomerDebtorNr)');

	const lines = [...materialLines(workOrder, options, problems), ...hourLines(workOrder, options, problems)];
	const description = text(workOrder.WorkDescription);
	if (options.descriptionLineItem && description) {
		lines.unshift({ itemCode: options.descriptionLineItem, quantity: 1, unitPrice: 0, description: description.slice(0, 255), source: 'text' });
	}
	const warehouseCode = lines.some((line) => line.source === 'material') ? documentWarehouse(lines, options, problems) : undefined;
	if (!lines.some((line) => line.source !== 'text') && problems.length === 0) {
		problems.push('The work order has no materials and no hours to invoice');
	}
	return {
		workOrderNumber,
		debtorNumber,
		description: fillTemplate(options.descriptionTemplate, workOrder).slice(0, 255),
		lines,
		warehouseCode,
		problems,
	};
}
