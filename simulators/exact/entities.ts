import type { ExactEntityName, ExactRecord } from '../seed/types';
import { endpointFields } from './fields';
import type { ReadContext } from './views';
import * as views from './views';

/**
 * One table drives the whole API: entity sets (what is stored per division) and endpoints (the paths a client
 * calls, each a view on an entity set or a derived list). No handler per entity: api.ts reads these rows.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface EntitySetDef {
	name: ExactEntityName;
	/** Key property: ID, InvoiceID, OrderID or QuotationID. */
	key: string;
	/** Standard endpoint (gives __metadata uris, webhook endpoints and the POST field list). */
	endpoint: string;
	typeName: string;
	/** sync/Deleted EntityType codes written when a record is deleted. */
	deletedTypes: number[];
	/** Webhook topic fired on changes. */
	topic?: string;
	/** Header -> lines: navigation property name, line entity set, foreign key on the line. */
	lines?: { nav: string; entity: ExactEntityName; fk: string };
	/** Line -> header. */
	parent?: { entity: ExactEntityName; fk: string };
	/** Exact numbers the lines itself (1..n, closing gaps after a delete), ignoring a LineNumber sent. */
	renumberLines?: boolean;
}

const model = (name: string) => `Exact.Web.Api.Models.${name}`;

export const ENTITY_SETS: Record<ExactEntityName, EntitySetDef> = {
	Accounts: { name: 'Accounts', key: 'ID', endpoint: 'crm/Accounts', typeName: model('Account'), deletedTypes: [2], topic: 'Accounts' },
	Contacts: { name: 'Contacts', key: 'ID', endpoint: 'crm/Contacts', typeName: model('Contact'), deletedTypes: [5], topic: 'Contacts' },
	Addresses: { name: 'Addresses', key: 'ID', endpoint: 'crm/Addresses', typeName: model('Address'), deletedTypes: [3] },
	ItemGroups: { name: 'ItemGroups', key: 'ID', endpoint: 'logistics/ItemGroups', typeName: model('ItemGroup'), deletedTypes: [] },
	Items: { name: 'Items', key: 'ID', endpoint: 'logistics/Items', typeName: model('Item'), deletedTypes: [9], topic: 'Items' },
	SalesItemPrices: { name: 'SalesItemPrices', key: 'ID', endpoint: 'logistics/SalesItemPrices', typeName: model('SalesItemPrice'), deletedTypes: [] },
	PaymentConditions: { name: 'PaymentConditions', key: 'ID', endpoint: 'cashflow/PaymentConditions', typeName: model('PaymentCondition'), deletedTypes: [] },
	Journals: { name: 'Journals', key: 'ID', endpoint: 'financial/Journals', typeName: model('Journal'), deletedTypes: [] },
	VATCodes: { name: 'VATCodes', key: 'ID', endpoint: 'vat/VATCodes', typeName: model('VATCode'), deletedTypes: [] },
	Warehouses: { name: 'Warehouses', key: 'ID', endpoint: 'inventory/Warehouses', typeName: model('Warehouse'), deletedTypes: [] },
	ItemWarehouses: { name: 'ItemWarehouses', key: 'ID', endpoint: 'inventory/ItemWarehouses', typeName: model('ItemWarehouse'), deletedTypes: [19, 15], topic: 'StockPositions' },
	Employees: { name: 'Employees', key: 'ID', endpoint: 'payroll/Employees', typeName: model('Employee'), deletedTypes: [] },
	Projects: { name: 'Projects', key: 'ID', endpoint: 'project/Projects', typeName: model('Project'), deletedTypes: [21] },
	ProjectPlanning: { name: 'ProjectPlanning', key: 'ID', endpoint: 'project/ProjectPlanning', typeName: model('ProjectPlanning'), deletedTypes: [26] },
	TimeTransactions: { name: 'TimeTransactions', key: 'ID', endpoint: 'project/TimeTransactions', typeName: model('TimeTransaction'), deletedTypes: [14], topic: 'TimeTransactions' },
	SalesInvoices: {
		name: 'SalesInvoices',
		key: 'InvoiceID',
		endpoint: 'salesinvoice/SalesInvoices',
		typeName: model('SalesInvoice'),
		deletedTypes: [13],
		topic: 'SalesInvoices',
		lines: { nav: 'SalesInvoiceLines', entity: 'SalesInvoiceLines', fk: 'InvoiceID' },
	},
	SalesInvoiceLines: {
		name: 'SalesInvoiceLines',
		key: 'ID',
		endpoint: 'salesinvoice/SalesInvoiceLines',
		typeName: model('SalesInvoiceLine'),
		deletedTypes: [],
		parent: { entity: 'SalesInvoices', fk: 'InvoiceID' },
	},
	SalesOrders: {
		name: 'SalesOrders',
		key: 'OrderID',
		endpoint: 'salesorder/SalesOrders',
		typeName: model('SalesOrder'),
		deletedTypes: [32],
		topic: 'SalesOrders',
		lines: { nav: 'SalesOrderLines', entity: 'SalesOrderLines', fk: 'OrderID' },
		renumberLines: true,
	},
	SalesOrderLines: {
		name: 'SalesOrderLines',
		key: 'ID',
		endpoint: 'salesorder/SalesOrderLines',
		typeName: model('SalesOrderLine'),
		deletedTypes: [33],
		parent: { entity: 'SalesOrders', fk: 'OrderID' },
	},
	GoodsDeliveries: {
		name: 'GoodsDeliveries',
		key: 'EntryID',
		endpoint: 'salesorder/GoodsDeliveries',
		typeName: model('GoodsDelivery'),
		deletedTypes: [],
		topic: 'GoodsDeliveries',
		lines: { nav: 'GoodsDeliveryLines', entity: 'GoodsDeliveryLines', fk: 'EntryID' },
	},
	GoodsDeliveryLines: {
		name: 'GoodsDeliveryLines',
		key: 'ID',
		endpoint: 'salesorder/GoodsDeliveryLines',
		typeName: model('GoodsDeliveryLine'),
		deletedTypes: [],
		parent: { entity: 'GoodsDeliveries', fk: 'EntryID' },
	},
	Quotations: {
		name: 'Quotations',
		key: 'QuotationID',
		endpoint: 'crm/Quotations',
		typeName: model('Quotation'),
		deletedTypes: [34],
		topic: 'Quotations',
		lines: { nav: 'QuotationLines', entity: 'QuotationLines', fk: 'QuotationID' },
		renumberLines: true,
	},
	QuotationLines: {
		name: 'QuotationLines',
		key: 'ID',
		endpoint: 'crm/QuotationLines',
		typeName: model('QuotationLine'),
		deletedTypes: [35],
		parent: { entity: 'Quotations', fk: 'QuotationID' },
	},
	SalesEntries: {
		name: 'SalesEntries',
		key: 'EntryID',
		endpoint: 'salesentry/SalesEntries',
		typeName: model('SalesEntry'),
		deletedTypes: [],
		lines: { nav: 'SalesEntryLines', entity: 'SalesEntryLines', fk: 'EntryID' },
	},
	SalesEntryLines: {
		name: 'SalesEntryLines',
		key: 'ID',
		endpoint: 'salesentry/SalesEntryLines',
		typeName: model('SalesEntryLine'),
		deletedTypes: [],
		parent: { entity: 'SalesEntries', fk: 'EntryID' },
	},
	Documents: { name: 'Documents', key: 'ID', endpoint: 'documents/Documents', typeName: model('Document'), deletedTypes: [], topic: 'Documents' },
	DocumentAttachments: { name: 'DocumentAttachments', key: 'ID', endpoint: 'documents/DocumentAttachments', typeName: model('DocumentAttachment'), deletedTypes: [] },
	Receivables: { name: 'Receivables', key: 'ID', endpoint: 'cashflow/Receivables', typeName: model('Receivable'), deletedTypes: [10] },
	WebhookSubscriptions: {
		name: 'WebhookSubscriptions',
		key: 'ID',
		endpoint: 'webhooks/WebhookSubscriptions',
		typeName: model('WebhookSubscription'),
		deletedTypes: [],
	},
};

export type EndpointKind = 'standard' | 'sync' | 'bulk' | 'read' | 'system' | 'action';

export interface EndpointDef {
	/** Path under /api/v1/{division}/ in Exact's spelling; matched case-insensitively. */
	path: string;
	kind: EndpointKind;
	methods: HttpMethod[];
	/** Field list (key in entities.json); defaults to path. */
	fieldsKey: string;
	/** Backing entity set, for stored records. */
	entity?: ExactEntityName;
	/** Derived rows, for views (sync row-per-line, stock positions, hour types, divisions, ...). */
	rows?: (ctx: ReadContext) => ExactRecord[];
	/** POST-only function endpoints (AcceptQuotation, PrintedSalesInvoices, ...): name of the action in rules.ts. */
	action?: 'acceptQuotation' | 'rejectQuotation' | 'printSalesInvoice' | 'invoiceSalesOrders';
	/** Key property for single-record access and paging order. */
	key: string;
	typeName: string;
	/** Standard reads of big entities refuse to run without $select or $top (Exact's mandatory filtering). */
	mandatoryFiltering: boolean;
	/** sync/ and bulk/ need $select (or $top=1). */
	requireSelect: boolean;
	/**
	 * A standard or bulk endpoint of an entity that has a sync endpoint: with mandatory filtering on (Exact's rule
	 * since July 2021, see state.mandatoryFiltering) a collection read without $filter is refused.
	 */
	syncCovered: boolean;
	pageSize: number;
	/** Default ordering: by key, or by row version for sync endpoints. */
	orderBy: string[];
	/** Navigation properties that can be expanded to lines. */
	lineNav?: string;
	/** No division in the URL (current/Me). */
	noDivision?: boolean;
}

interface EndpointSpec {
	path: string;
	kind?: EndpointKind;
	methods?: HttpMethod[];
	fieldsKey?: string;
	entity?: ExactEntityName;
	rows?: (ctx: ReadContext) => ExactRecord[];
	action?: EndpointDef['action'];
	key?: string;
	typeName?: string;
	mandatoryFiltering?: boolean;
	noDivision?: boolean;
	/** Entity sets a derived sync view (rows) stands for, e.g. the invoice row-per-line sync. */
	covers?: ExactEntityName[];
}

const ALL: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

const SPECS: EndpointSpec[] = [
	// standard CRUD endpoints on stored entity sets
	{ path: 'crm/Accounts', entity: 'Accounts', methods: ALL, mandatoryFiltering: true },
	{ path: 'crm/Contacts', entity: 'Contacts', methods: ALL, mandatoryFiltering: true },
	{ path: 'crm/Addresses', entity: 'Addresses', methods: ALL },
	{ path: 'logistics/Items', entity: 'Items', methods: ALL, mandatoryFiltering: true },
	{ path: 'logistics/ItemGroups', entity: 'ItemGroups', methods: ['GET'] },
	{ path: 'logistics/SalesItemPrices', entity: 'SalesItemPrices', methods: ALL },
	{ path: 'cashflow/PaymentConditions', entity: 'PaymentConditions', methods: ['GET', 'POST'] },
	{ path: 'cashflow/Receivables', entity: 'Receivables', methods: ['GET', 'PUT'] },
	{ path: 'salesinvoice/SalesInvoices', entity: 'SalesInvoices', methods: ALL, mandatoryFiltering: true },
	{ path: 'salesinvoice/SalesInvoiceLines', entity: 'SalesInvoiceLines', methods: ALL },
	{ path: 'salesorder/SalesOrders', entity: 'SalesOrders', methods: ALL, mandatoryFiltering: true },
	{ path: 'salesorder/SalesOrderLines', entity: 'SalesOrderLines', methods: ALL },
	// a goods delivery is booked once: Exact takes POST (lines nested) and PUT of its texts, no DELETE
	{ path: 'salesorder/GoodsDeliveries', entity: 'GoodsDeliveries', methods: ['GET', 'POST', 'PUT'] },
	{ path: 'salesorder/GoodsDeliveryLines', entity: 'GoodsDeliveryLines', methods: ['GET', 'PUT'] },
	{ path: 'crm/Quotations', entity: 'Quotations', methods: ALL, mandatoryFiltering: true },
	{ path: 'crm/QuotationLines', entity: 'QuotationLines', methods: ALL },
	{ path: 'salesentry/SalesEntries', entity: 'SalesEntries', methods: ALL },
	{ path: 'salesentry/SalesEntryLines', entity: 'SalesEntryLines', methods: ALL },
	{ path: 'documents/Documents', entity: 'Documents', methods: ALL },
	{ path: 'documents/DocumentAttachments', entity: 'DocumentAttachments', methods: ALL },
	{ path: 'financial/Journals', entity: 'Journals', methods: ALL },
	{ path: 'vat/VATCodes', entity: 'VATCodes', methods: ALL },
	{ path: 'inventory/Warehouses', entity: 'Warehouses', methods: ALL },
	{ path: 'inventory/ItemWarehouses', entity: 'ItemWarehouses', methods: ALL },
	{ path: 'project/Projects', entity: 'Projects', methods: ALL },
	{ path: 'project/ProjectPlanning', entity: 'ProjectPlanning', methods: ALL },
	{ path: 'project/TimeTransactions', entity: 'TimeTransactions', methods: ALL },
	{ path: 'payroll/Employees', entity: 'Employees', methods: ['GET'] },
	{ path: 'webhooks/WebhookSubscriptions', entity: 'WebhookSubscriptions', methods: ['GET', 'POST', 'DELETE'] },
	// function endpoints
	{ path: 'crm/AcceptQuotation', kind: 'action', methods: ['POST'], action: 'acceptQuotation', key: 'QuotationID', typeName: model('AcceptQuotation') },
	{ path: 'crm/RejectQuotation', kind: 'action', methods: ['POST'], action: 'rejectQuotation', key: 'QuotationID', typeName: model('RejectQuotation') },
	{ path: 'salesinvoice/InvoiceSalesOrders', kind: 'action', methods: ['POST'], action: 'invoiceSalesOrders', key: 'ID', typeName: model('InvoiceSalesOrder') },
	{ path: 'salesinvoice/PrintedSalesInvoices', kind: 'action', methods: ['POST'], action: 'printSalesInvoice', key: 'InvoiceID', typeName: model('PrintedSalesInvoice') },
	// derived read endpoints
	{ path: 'read/project/HourTypes', kind: 'read', rows: views.hourTypes, key: 'ItemId', typeName: model('HourType') },
	{ path: 'read/project/HourCostTypes', kind: 'read', rows: views.hourCostTypes, key: 'ItemId', typeName: model('HourCostType') },
	{ path: 'read/financial/ReceivablesList', kind: 'read', rows: views.receivablesList, key: 'HID', typeName: model('ReceivablesList') },
	{ path: 'system/Divisions', kind: 'system', rows: views.divisions, key: 'Code', typeName: model('Division') },
	{ path: 'system/AllDivisions', kind: 'system', rows: views.divisions, key: 'Code', typeName: model('AllDivision') },
	{ path: 'current/Me', kind: 'system', rows: views.me, key: 'UserID', typeName: model('Me'), noDivision: true },
	// sync endpoints (1,000 a page, $select required, Timestamp cursor)
	{ path: 'sync/CRM/Accounts', kind: 'sync', entity: 'Accounts' },
	{ path: 'sync/CRM/Contacts', kind: 'sync', entity: 'Contacts' },
	{ path: 'sync/CRM/Addresses', kind: 'sync', entity: 'Addresses' },
	{ path: 'sync/CRM/QuotationHeaders', kind: 'sync', entity: 'Quotations' },
	{ path: 'sync/CRM/QuotationLines', kind: 'sync', entity: 'QuotationLines' },
	{ path: 'sync/Logistics/Items', kind: 'sync', entity: 'Items' },
	{ path: 'sync/Logistics/SalesItemPrices', kind: 'sync', entity: 'SalesItemPrices' },
	{ path: 'sync/Cashflow/PaymentTerms', kind: 'sync', entity: 'Receivables', typeName: model('PaymentTerm') },
	{
		path: 'sync/SalesInvoice/SalesInvoices',
		kind: 'sync',
		rows: views.salesInvoiceSyncRows,
		key: 'ID',
		typeName: model('SalesInvoice'),
		covers: ['SalesInvoices', 'SalesInvoiceLines'],
	},
	{ path: 'sync/SalesOrder/SalesOrderHeaders', kind: 'sync', entity: 'SalesOrders' },
	{ path: 'sync/SalesOrder/SalesOrderLines', kind: 'sync', entity: 'SalesOrderLines' },
	{ path: 'sync/Inventory/ItemWarehouses', kind: 'sync', entity: 'ItemWarehouses' },
	{ path: 'sync/Inventory/StockPositions', kind: 'sync', rows: views.stockPositions, key: 'ID', typeName: model('StockPosition') },
	{ path: 'sync/Project/Projects', kind: 'sync', entity: 'Projects' },
	{ path: 'sync/Project/ProjectPlanning', kind: 'sync', entity: 'ProjectPlanning' },
	{ path: 'sync/Project/TimeCostTransactions', kind: 'sync', entity: 'TimeTransactions', typeName: model('TimeCostTransaction') },
	{ path: 'sync/Payroll/Employees', kind: 'sync', entity: 'Employees' },
	{ path: 'sync/Deleted', kind: 'sync', rows: views.syncDeleted, key: 'ID', typeName: model('Deleted') },
	// bulk endpoints (1,000 a page)
	{ path: 'bulk/CRM/Accounts', kind: 'bulk', entity: 'Accounts' },
	{ path: 'bulk/CRM/Contacts', kind: 'bulk', entity: 'Contacts' },
	{ path: 'bulk/CRM/Addresses', kind: 'bulk', entity: 'Addresses' },
	{ path: 'bulk/CRM/Quotations', kind: 'bulk', entity: 'Quotations' },
	{ path: 'bulk/CRM/QuotationLines', kind: 'bulk', entity: 'QuotationLines' },
	{ path: 'bulk/Logistics/Items', kind: 'bulk', entity: 'Items' },
	{ path: 'bulk/Logistics/SalesItemPrices', kind: 'bulk', entity: 'SalesItemPrices' },
	{ path: 'bulk/SalesInvoice/SalesInvoices', kind: 'bulk', entity: 'SalesInvoices' },
	{ path: 'bulk/SalesInvoice/SalesInvoiceLines', kind: 'bulk', entity: 'SalesInvoiceLines' },
	{ path: 'bulk/SalesOrder/SalesOrders', kind: 'bulk', entity: 'SalesOrders' },
	{ path: 'bulk/SalesOrder/SalesOrderLines', kind: 'bulk', entity: 'SalesOrderLines' },
	{ path: 'bulk/Cashflow/Receivables', kind: 'bulk', entity: 'Receivables' },
];

/** Entity sets that have a sync endpoint. */
const SYNCED = new Set<ExactEntityName>(
	SPECS.filter((spec) => spec.kind === 'sync').flatMap((spec) => [...(spec.entity ? [spec.entity] : []), ...(spec.covers ?? [])]),
);

function buildEndpoint(spec: EndpointSpec): EndpointDef {
	const kind = spec.kind ?? 'standard';
	const set = spec.entity ? ENTITY_SETS[spec.entity] : undefined;
	const fieldsKey = spec.fieldsKey ?? spec.path;
	endpointFields(fieldsKey); // fail fast on a typo in the table
	const key = spec.key ?? set?.key ?? 'ID';
	const big = kind === 'sync' || kind === 'bulk';
	return {
		path: spec.path,
		kind,
		methods: spec.methods ?? ['GET'],
		fieldsKey,
		entity: spec.entity,
		rows: spec.rows,
		action: spec.action,
		key,
		typeName: spec.typeName ?? set?.typeName ?? model(spec.path.split('/').pop() ?? ''),
		mandatoryFiltering: spec.mandatoryFiltering ?? false,
		requireSelect: big,
		syncCovered: (kind === 'standard' || kind === 'bulk') && spec.entity !== undefined && SYNCED.has(spec.entity),
		pageSize: big ? 1000 : 60,
		orderBy: kind === 'sync' ? ['Timestamp', key] : [key],
		lineNav: kind === 'standard' ? set?.lines?.nav : undefined,
		noDivision: spec.noDivision,
	};
}

export const ENDPOINTS: EndpointDef[] = SPECS.map(buildEndpoint);

const byLowerPath = new Map(ENDPOINTS.map((e) => [e.path.toLowerCase(), e]));

/** Exact's paths are case-insensitive (sync/CRM/Accounts == sync/crm/accounts). */
export function findEndpoint(path: string): EndpointDef | undefined {
	return byLowerPath.get(path.toLowerCase());
}

export function entitySetByName(name: string): EntitySetDef | undefined {
	const lower = name.toLowerCase();
	return Object.values(ENTITY_SETS).find((s) => s.name.toLowerCase() === lower);
}

/** Service prefix of a path for scope checks: "salesinvoice" for salesinvoice/... and sync/SalesInvoice/... */
export function serviceOf(path: string): string {
	const parts = path.split('/');
	const service = ['sync', 'bulk', 'read', 'beta'].includes(parts[0].toLowerCase()) ? parts[1] : parts[0];
	return (service ?? '').toLowerCase();
}
