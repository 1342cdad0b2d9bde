/**
 * What the Exact Online triggers can watch: per topic the entity read for the changed record (webhook mode) and
 * the sync stream read for changes (polling mode). Webhook topics are Exact's own names (webhooks/
 * WebhookSubscriptions `Topic`); payment terms and project planning have no webhook topic, so only the poll
 * trigger offers them.
 */
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { DELETED_ENTITY_TYPES } from '../transport/sync';
import { ACCOUNT, CONTACT, type ExactEntity, ITEM, PAYMENT_TERM, PROJECT_PLANNING, QUOTATION, SALES_INVOICE, SALES_ORDER, STOCK_POSITION, TIME_TRANSACTION } from '../entity/definitions';
import { groupInvoiceRows, INVOICE_SYNC_FIELDS } from '../entity/invoiceRows';
import { QUOTATION_DOC, SALES_INVOICE_DOC, SALES_ORDER_DOC, type SalesDocument } from '../entity/salesDocuments';

// The entities of the Project node, as the triggers have always named them: the label keys each topic's stored
// position, and time transactions sync on Exact's time-and-cost stream.
const PLANNING_TOPIC: ExactEntity = { ...PROJECT_PLANNING, label: 'project planning' };
const TIME_TRANSACTION_TOPIC: ExactEntity = {
	...TIME_TRANSACTION,
	syncEntity: 'Project/TimeCostTransactions',
	deletedType: DELETED_ENTITY_TYPES.TimeCostTransactions,
	fields: [...TIME_TRANSACTION.fields, 'Type'],
};

export interface TriggerTopic {
	/** Parameter value; for webhook topics also Exact's topic name. */
	value: string;
	name: string;
	entity: ExactEntity;
	/** False for streams Exact has no webhook topic for. */
	webhook: boolean;
	/** A sync endpoint whose rows are not one per record: what to select and how rows become records. */
	syncRows?: { select: string[]; group: (rows: IDataObject[], extraFields: string[]) => IDataObject[] };
	/** A document with lines on their own endpoint: the record is handed out with its lines (Include Lines). */
	document?: SalesDocument;
}

export const TRIGGER_TOPICS: TriggerTopic[] = [
	{ value: 'Accounts', name: 'Accounts (Relations)', entity: ACCOUNT, webhook: true },
	{ value: 'Contacts', name: 'Contacts', entity: CONTACT, webhook: true },
	{ value: 'Items', name: 'Items (Materials, Hour Types)', entity: ITEM, webhook: true },
	{ value: 'PaymentTerms', name: 'Payments (Payment Terms of Invoices)', entity: PAYMENT_TERM, webhook: false },
	{ value: 'ProjectPlanning', name: 'Project Planning', entity: PLANNING_TOPIC, webhook: false },
	{ value: 'Quotations', name: 'Quotations', entity: QUOTATION, webhook: true, document: QUOTATION_DOC },
	{
		value: 'SalesInvoices',
		name: 'Sales Invoices',
		entity: SALES_INVOICE,
		webhook: true,
		// sync/SalesInvoice/SalesInvoices has a row per line: one item per invoice, with its SalesInvoiceLines.
		syncRows: { select: INVOICE_SYNC_FIELDS, group: groupInvoiceRows },
		document: SALES_INVOICE_DOC,
	},
	{ value: 'SalesOrders', name: 'Sales Orders', entity: SALES_ORDER, webhook: true, document: SALES_ORDER_DOC },
	// Stock per item and warehouse, changed by Exact's documents (deliveries, receipts, processed invoices, counts).
	{ value: 'StockPositions', name: 'Stock Positions (Stock per Item and Warehouse)', entity: STOCK_POSITION, webhook: true },
	{ value: 'TimeTransactions', name: 'Time Transactions (Hours)', entity: TIME_TRANSACTION_TOPIC, webhook: true },
];

/** Whether the record comes with its lines: topics with lines, unless Include Lines is off. */
export function withItsLines(topic: TriggerTopic, includeLines: boolean | undefined): SalesDocument | undefined {
	return includeLines === false ? undefined : topic.document;
}

export function topicOf(value: string): TriggerTopic | undefined {
	return TRIGGER_TOPICS.find((topic) => topic.value === value);
}

export function topicOptions(kind: 'webhook' | 'poll'): INodePropertyOptions[] {
	return TRIGGER_TOPICS.filter((topic) => kind === 'poll' || topic.webhook).map(({ name, value, entity }) => ({
		name,
		value,
		description: `Changes to ${entity.label}s (${entity.path})`,
	}));
}
