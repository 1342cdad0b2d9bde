/**
 * Shapes shared by the seed generator and the fake Exact Online server. Records hold values exactly as Exact
 * returns them in JSON: GUIDs as lowercase strings, dates as "/Date(ms)/" (Dutch wall-clock time encoded as if it
 * were UTC), padded account codes, numbers as numbers.
 */
export type ExactValue = string | number | boolean | null;

export type ExactRecord = Record<string, ExactValue>;

/** Entity sets the simulator stores (one table per name, per division). */
export const EXACT_ENTITY_NAMES = [
	'Accounts',
	'Contacts',
	'Addresses',
	'ItemGroups',
	'Items',
	'SalesItemPrices',
	'PaymentConditions',
	'Journals',
	'VATCodes',
	'Warehouses',
	'ItemWarehouses',
	'Employees',
	'Projects',
	'ProjectPlanning',
	'TimeTransactions',
	'SalesInvoices',
	'SalesInvoiceLines',
	'SalesOrders',
	'SalesOrderLines',
	'GoodsDeliveries',
	'GoodsDeliveryLines',
	'Quotations',
	'QuotationLines',
	'Receivables',
	'SalesEntries',
	'SalesEntryLines',
	'Documents',
	'DocumentAttachments',
	'WebhookSubscriptions',
] as const;

export type ExactEntityName = (typeof EXACT_ENTITY_NAMES)[number];

/** Custom record counts; anything left out takes the 'tiny' value. */
export interface SeedCounts {
	accounts?: number;
	items?: number;
	salesInvoices?: number;
	salesOrders?: number;
	quotations?: number;
	employees?: number;
	projects?: number;
}

export type SeedSizeName = 'tiny' | 'small' | 'medium' | 'large';

export type SeedSize = SeedSizeName | SeedCounts;

export interface SeedData {
	/** The division (administration) these records belong to. */
	division: number;
	/** Records per entity set, in insertion order (row versions are assigned in this order). */
	entities: Partial<Record<ExactEntityName, ExactRecord[]>>;
}
