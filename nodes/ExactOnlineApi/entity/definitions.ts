/**
 * What our entity nodes need to know of each Exact entity: where it lives, its key, how it syncs, and which
 * fields an operation returns by default (we always $select: Exact charges for every byte and some
 * endpoints refuse unfiltered reads).
 */
import { DELETED_ENTITY_TYPES } from '../transport/sync';

export interface ExactEntity {
	/** Singular, for messages: "account". */
	label: string;
	path: string;
	key: string;
	/** Path under /sync/ for incremental reads (and full reads from the start, see readMany.ts). */
	syncEntity?: string;
	/**
	 * The sync endpoint has a header row (LineNumber 0, ID = the key) and a row per line with the header fields
	 * repeated (sales invoices); `lineValued` are the header fields a line row carries with the line's value.
	 */
	syncRowsPerLine?: { lineValued: string[] };
	/** Path under /bulk/: the standard endpoint's records and fields, 1,000 a call instead of 60. */
	bulkEntity?: string;
	deletedType?: number;
	/** The field users know a record by, and whether Exact pads it to 18 characters. */
	codeField?: string;
	paddedCode?: boolean;
	/** The code is a number in Exact (e.g. InvoiceNumber), compared without quotes. */
	numericCode?: boolean;
	/** Fields returned unless the user asks for others. */
	fields: string[];
	/** Fields the standard endpoint has and the sync endpoint not (Exact's sync lists differ a little). */
	notInSync?: string[];
}

/** "account" -> "Account", for messages that start with the record. */
export function titleOf(entity: ExactEntity): string {
	return entity.label.charAt(0).toUpperCase() + entity.label.slice(1);
}

/** The fields an operation asks for: on a sync endpoint without the ones it does not have. */
export function fieldsFor(entity: ExactEntity, via: 'standard' | 'sync'): string[] {
	if (via === 'standard' || !entity.notInSync) return entity.fields;
	return entity.fields.filter((field) => !entity.notInSync?.includes(field));
}

export const ACCOUNT: ExactEntity = {
	label: 'account',
	path: 'crm/Accounts',
	key: 'ID',
	syncEntity: 'CRM/Accounts',
	bulkEntity: 'CRM/Accounts',
	deletedType: DELETED_ENTITY_TYPES.Accounts,
	codeField: 'Code',
	paddedCode: true,
	fields: [
		'ID', 'Code', 'Name', 'Status', 'IsSales', 'IsSupplier', 'Blocked', 'AddressLine1', 'AddressLine2',
		'Postcode', 'City', 'Country', 'Email', 'Phone', 'Website', 'VATNumber', 'ChamberOfCommerce',
		'PaymentConditionSales', 'PaymentConditionSalesDescription', 'MainContact', 'Language', 'Remarks',
		'StartDate', 'EndDate', 'Created', 'Modified',
	],
};

export const CONTACT: ExactEntity = {
	label: 'contact',
	path: 'crm/Contacts',
	key: 'ID',
	syncEntity: 'CRM/Contacts',
	bulkEntity: 'CRM/Contacts',
	deletedType: DELETED_ENTITY_TYPES.Contacts,
	fields: [
		'ID', 'Account', 'AccountName', 'FirstName', 'MiddleName', 'LastName', 'FullName', 'Email',
		'BusinessEmail', 'Phone', 'BusinessPhone', 'Mobile', 'BusinessMobile', 'JobTitleDescription',
		'IsMainContact', 'Modified',
	],
};

export const ADDRESS: ExactEntity = {
	label: 'address',
	path: 'crm/Addresses',
	key: 'ID',
	syncEntity: 'CRM/Addresses',
	bulkEntity: 'CRM/Addresses',
	deletedType: DELETED_ENTITY_TYPES.Addresses,
	fields: ['ID', 'Account', 'Type', 'Main', 'AddressLine1', 'AddressLine2', 'AddressLine3', 'Postcode', 'City', 'State', 'Country', 'Phone', 'Modified'],
};

export const ITEM: ExactEntity = {
	label: 'item',
	path: 'logistics/Items',
	key: 'ID',
	syncEntity: 'Logistics/Items',
	bulkEntity: 'Logistics/Items',
	deletedType: DELETED_ENTITY_TYPES.Items,
	codeField: 'Code',
	fields: [
		'ID', 'Code', 'Description', 'ExtraDescription', 'IsSalesItem', 'IsStockItem', 'IsTime', 'IsPurchaseItem',
		'Unit', 'UnitDescription', 'SalesVatCode', 'StandardSalesPrice', 'CostPriceStandard', 'Barcode',
		'ItemGroup', 'ItemGroupCode', 'ItemGroupDescription', 'StartDate', 'EndDate', 'Created', 'Modified',
	],
	// sync/Logistics/Items has no sales price; Get Changes adds it from logistics/Items (see itemPrices.ts).
	notInSync: ['StandardSalesPrice', 'IsBatchNumberItem', 'IsSerialNumberItem'],
};

export const PAYMENT_CONDITION: ExactEntity = {
	label: 'payment condition',
	path: 'cashflow/PaymentConditions',
	key: 'ID',
	codeField: 'Code',
	fields: ['ID', 'Code', 'Description', 'PaymentDays', 'DiscountPercentage', 'DiscountPaymentDays', 'PaymentMethod', 'Modified'],
};

export const SALES_INVOICE: ExactEntity = {
	label: 'sales invoice',
	path: 'salesinvoice/SalesInvoices',
	key: 'InvoiceID',
	syncEntity: 'SalesInvoice/SalesInvoices',
	bulkEntity: 'SalesInvoice/SalesInvoices',
	syncRowsPerLine: { lineValued: ['Description', 'AmountDC', 'AmountFC', 'VATAmountDC', 'VATAmountFC', 'Created', 'Modified'] },
	deletedType: DELETED_ENTITY_TYPES.SalesInvoices,
	codeField: 'InvoiceNumber',
	numericCode: true,
	fields: [
		'InvoiceID', 'InvoiceNumber', 'InvoiceTo', 'InvoiceToName', 'OrderedBy', 'OrderedByName', 'InvoiceDate',
		'DueDate', 'Journal', 'PaymentCondition', 'YourRef', 'Description', 'Status', 'StatusDescription', 'Type',
		'Currency', 'AmountDC', 'AmountFC', 'VATAmountDC', 'Created', 'Modified',
	],
};

/** Payment terms: one per invoice (or instalment), with paid status; sync/Cashflow/PaymentTerms. */
export const PAYMENT_TERM: ExactEntity = {
	label: 'payment term',
	path: 'cashflow/Receivables',
	key: 'ID',
	syncEntity: 'Cashflow/PaymentTerms',
	bulkEntity: 'Cashflow/Receivables',
	deletedType: DELETED_ENTITY_TYPES.PaymentTerms,
	fields: [
		'ID', 'Account', 'AccountCode', 'AccountName', 'InvoiceNumber', 'InvoiceDate', 'DueDate', 'TransactionAmountDC',
		'AmountDC', 'IsFullyPaid', 'LastPaymentDate', 'PaymentCondition', 'YourRef', 'Status', 'Modified',
	],
};

export const SALES_INVOICE_LINE: ExactEntity = {
	label: 'sales invoice line',
	path: 'salesinvoice/SalesInvoiceLines',
	key: 'ID',
	fields: [
		'ID', 'InvoiceID', 'LineNumber', 'Item', 'ItemCode', 'ItemDescription', 'Description', 'Quantity', 'UnitCode',
		'UnitPrice', 'NetPrice', 'AmountDC', 'VATCode', 'VATPercentage', 'VATAmountDC', 'GLAccount',
	],
};

/**
 * Employees (payroll/Employees, read-only in Exact's API). sync/Deleted has no entity type for employees: one
 * who leaves gets an EndDate (and IsActive false), which Get Changes hands out as a change.
 */
export const EMPLOYEE: ExactEntity = {
	label: 'employee',
	path: 'payroll/Employees',
	key: 'ID',
	syncEntity: 'Payroll/Employees',
	codeField: 'Code',
	fields: [
		'ID', 'Code', 'HID', 'FirstName', 'MiddleName', 'LastName', 'FullName', 'Initials', 'Email', 'BusinessEmail',
		'Mobile', 'BusinessMobile', 'Phone', 'BusinessPhone', 'City', 'IsActive', 'StartDate', 'EndDate', 'Created', 'Modified',
	],
};

/** Item groups (artikelgroepen, logistics/ItemGroups): read-only, no sync endpoint, no deletions log. */
export const ITEM_GROUP: ExactEntity = {
	label: 'item group',
	path: 'logistics/ItemGroups',
	key: 'ID',
	codeField: 'Code',
	fields: ['ID', 'Code', 'Description', 'IsDefault', 'Notes', 'Created', 'Modified'],
};

/**
 * Price agreements: rows of Exact's price list (logistics/SalesItemPrices). A row with an Account is a customer's
 * agreed price for an item, from StartDate to EndDate; the row without one is the item's default price. Exact
 * logs no deletions of price rows in sync/Deleted (see priceAgreements.ts for how Get Changes finds them).
 */
export const PRICE_AGREEMENT: ExactEntity = {
	label: 'price agreement',
	path: 'logistics/SalesItemPrices',
	key: 'ID',
	syncEntity: 'Logistics/SalesItemPrices',
	bulkEntity: 'Logistics/SalesItemPrices',
	fields: [
		'ID', 'Account', 'AccountName', 'Item', 'ItemCode', 'ItemDescription', 'Price', 'Currency', 'Quantity', 'Unit',
		'StartDate', 'EndDate', 'Created', 'Modified',
	],
};

export const SALES_ORDER: ExactEntity = {
	label: 'sales order',
	path: 'salesorder/SalesOrders',
	key: 'OrderID',
	syncEntity: 'SalesOrder/SalesOrderHeaders',
	deletedType: DELETED_ENTITY_TYPES.SalesOrderHeaders,
	codeField: 'OrderNumber',
	numericCode: true,
	fields: [
		'OrderID', 'OrderNumber', 'OrderDate', 'DeliveryDate', 'OrderedBy', 'OrderedByName', 'InvoiceTo', 'InvoiceToName',
		'DeliverTo', 'DeliverToName', 'DeliveryAddress', 'YourRef', 'Description', 'Remarks', 'PaymentCondition', 'Status',
		'StatusDescription', 'DeliveryStatus', 'DeliveryStatusDescription', 'InvoiceStatus', 'InvoiceStatusDescription',
		'Currency', 'AmountFCExclVat', 'AmountDC', 'AmountFC', 'Created', 'Modified',
	],
};

export const SALES_ORDER_LINE: ExactEntity = {
	label: 'sales order line',
	path: 'salesorder/SalesOrderLines',
	key: 'ID',
	syncEntity: 'SalesOrder/SalesOrderLines',
	deletedType: DELETED_ENTITY_TYPES.SalesOrderLines,
	fields: [
		'ID', 'OrderID', 'LineNumber', 'Item', 'ItemCode', 'ItemDescription', 'Description', 'Quantity', 'QuantityDelivered',
		'QuantityInvoiced', 'UnitCode', 'UnitPrice', 'NetPrice', 'Discount', 'AmountDC', 'VATCode', 'VATPercentage',
		'DeliveryDate', 'DeliveryStatus', 'InvoiceStatus', 'Notes',
	],
};

export const QUOTATION: ExactEntity = {
	label: 'quotation',
	path: 'crm/Quotations',
	key: 'QuotationID',
	syncEntity: 'CRM/QuotationHeaders',
	deletedType: DELETED_ENTITY_TYPES.QuotationHeaders,
	codeField: 'QuotationNumber',
	numericCode: true,
	fields: [
		'QuotationID', 'QuotationNumber', 'VersionNumber', 'QuotationDate', 'ClosingDate', 'CloseDate', 'DeliveryDate',
		'OrderAccount', 'OrderAccountCode', 'OrderAccountName', 'InvoiceAccount', 'InvoiceAccountName', 'DeliveryAccount',
		'DeliveryAccountName', 'DeliveryAddress', 'YourRef', 'Description', 'Remarks', 'PaymentCondition', 'Status',
		'StatusDescription', 'Currency', 'AmountDC', 'AmountFC', 'VATAmountFC', 'Created', 'Modified',
	],
	notInSync: ['VATAmountFC'],
};

export const QUOTATION_LINE: ExactEntity = {
	label: 'quotation line',
	path: 'crm/QuotationLines',
	key: 'ID',
	syncEntity: 'CRM/QuotationLines',
	deletedType: DELETED_ENTITY_TYPES.QuotationLines,
	fields: [
		'ID', 'QuotationID', 'LineNumber', 'Item', 'ItemDescription', 'Description', 'Quantity', 'UnitCode', 'UnitPrice',
		'NetPrice', 'Discount', 'AmountDC', 'VATCode', 'VATPercentage', 'Optional', 'Notes',
	],
};

/** Warehouses (magazijnen, inventory/Warehouses): a building or a technician's van. No sync endpoint. */
export const WAREHOUSE: ExactEntity = {
	label: 'warehouse',
	path: 'inventory/Warehouses',
	key: 'ID',
	codeField: 'Code',
	fields: ['ID', 'Code', 'Description', 'Main', 'EMail', 'UseStorageLocations', 'Created', 'Modified'],
};

/**
 * Stock per item and warehouse (inventory/ItemWarehouses): current, reserved and planned stock with the
 * reorder settings. CurrentStock is Exact's own figure: it changes only through documents (deliveries,
 * processed invoices, receipts, stock counts), never by writing this record. sync/Inventory/ItemWarehouses
 * carries the settings only, without any stock figure.
 */
export const ITEM_WAREHOUSE: ExactEntity = {
	label: 'item warehouse',
	path: 'inventory/ItemWarehouses',
	key: 'ID',
	syncEntity: 'Inventory/ItemWarehouses',
	deletedType: DELETED_ENTITY_TYPES.ItemWarehouses,
	fields: [
		'ID', 'Item', 'ItemCode', 'ItemDescription', 'Warehouse', 'WarehouseCode', 'WarehouseDescription', 'CurrentStock',
		'ReservedStock', 'PlannedStockIn', 'PlannedStockOut', 'ProjectedStock', 'ReorderPoint', 'ReorderQuantity',
		'SafetyStock', 'MaximumStock', 'Created', 'Modified',
	],
	notInSync: ['CurrentStock', 'PlannedStockIn', 'PlannedStockOut', 'ProjectedStock'],
};

/**
 * Stock positions (sync/Inventory/StockPositions): the stock figures per item and warehouse as they change. A
 * position has the ID of its item-warehouse record, which is also the key of Exact's StockPositions webhook:
 * the fields are the ones both lists have, so a position read by ID (webhook) and one from the sync list
 * (Get Stock Changes, poll) look the same. The sync list's own extras (FreeStock, PlanningIn, PlanningOut,
 * ItemId, UnitCode) can be added with Fields.
 */
export const STOCK_POSITION: ExactEntity = {
	label: 'stock position',
	path: 'inventory/ItemWarehouses',
	key: 'ID',
	syncEntity: 'Inventory/StockPositions',
	deletedType: DELETED_ENTITY_TYPES.StockPositions,
	fields: [
		'ID', 'ItemCode', 'ItemDescription', 'Warehouse', 'WarehouseCode', 'WarehouseDescription', 'CurrentStock',
		'ReservedStock', 'ProjectedStock', 'ReorderPoint',
	],
};

/**
 * Projects (project/Projects): the account is the customer; Exact logs deletions (sync/Deleted type 21). Field
 * names from Exact's reference (shared/reference/exact-online-entities.json).
 */
export const PROJECT: ExactEntity = {
	label: 'project',
	path: 'project/Projects',
	key: 'ID',
	syncEntity: 'Project/Projects',
	deletedType: DELETED_ENTITY_TYPES.Projects,
	codeField: 'Code',
	fields: [
		'ID', 'Code', 'Description', 'Type', 'TypeDescription', 'Account', 'AccountCode', 'AccountName', 'Manager',
		'ManagerFullname', 'StartDate', 'EndDate', 'BlockEntry', 'BlockPlanning', 'BudgetedAmount', 'Notes', 'Created', 'Modified',
	],
};

/**
 * Project planning (project/ProjectPlanning): an employee planned on a project with an hour type from StartDate to
 * EndDate; Status 1 reserved, 2 planned. No code: a line is known by its ID. Deletions: sync/Deleted type 26.
 */
export const PROJECT_PLANNING: ExactEntity = {
	label: 'planning line',
	path: 'project/ProjectPlanning',
	key: 'ID',
	syncEntity: 'Project/ProjectPlanning',
	deletedType: DELETED_ENTITY_TYPES.ProjectPlanning,
	fields: [
		'ID', 'Project', 'ProjectCode', 'ProjectDescription', 'Account', 'AccountCode', 'AccountName', 'Employee', 'EmployeeCode',
		'HourType', 'HourTypeCode', 'HourTypeDescription', 'Description', 'Notes', 'StartDate', 'EndDate', 'Hours', 'Status',
		'Created', 'Modified',
	],
};

/** Time transactions (project/TimeTransactions): hours of an employee on a project, with an hour type as Item. */
export const TIME_TRANSACTION: ExactEntity = {
	label: 'time transaction',
	path: 'project/TimeTransactions',
	key: 'ID',
	fields: [
		'ID', 'Project', 'ProjectCode', 'ProjectDescription', 'Account', 'AccountName', 'Employee', 'Item', 'ItemDescription',
		'Date', 'StartTime', 'EndTime', 'Quantity', 'HourStatus', 'Notes', 'Created', 'Modified',
	],
};

/**
 * Sales entries (verkoopboekingen, salesentry/SalesEntries): a sales invoice made elsewhere, booked in a sales
 * journal. The entry number is the invoice number; Exact refuses one that is taken in the journal.
 */
export const SALES_ENTRY: ExactEntity = {
	label: 'sales entry',
	path: 'salesentry/SalesEntries',
	key: 'EntryID',
	codeField: 'EntryNumber',
	numericCode: true,
	fields: [
		'EntryID', 'EntryNumber', 'InvoiceNumber', 'Customer', 'CustomerName', 'Journal', 'JournalDescription', 'EntryDate',
		'DueDate', 'PaymentCondition', 'PaymentConditionDescription', 'YourRef', 'Description', 'Status', 'StatusDescription',
		'Type', 'TypeDescription', 'Currency', 'AmountDC', 'AmountFC', 'VATAmountDC', 'Document', 'Created', 'Modified',
	],
};

export const SALES_ENTRY_LINE: ExactEntity = {
	label: 'sales entry line',
	path: 'salesentry/SalesEntryLines',
	key: 'ID',
	fields: [
		'ID', 'EntryID', 'LineNumber', 'GLAccount', 'GLAccountCode', 'Description', 'AmountFC', 'AmountDC', 'VATCode',
		'VATPercentage', 'VATAmountFC', 'VATBaseAmountFC', 'Quantity', 'Notes',
	],
};
