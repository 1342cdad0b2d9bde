/**
 * The two kinds of Exact document a work order can become. Both take lines nested in the header POST and
 * carry the work order number in YourRef, which is how we find an earlier export of the same work order.
 */
export interface DocumentKind {
	label: string;
	path: string;
	key: string;
	numberField: string;
	linesField: string;
	/** Whether the document needs a sales journal (invoices do, orders don't). */
	needsJournal: boolean;
	/** The header field naming the warehouse the goods leave (one per document in Exact). */
	warehouseField: string;
}

export const SALES_INVOICE_DOCUMENT: DocumentKind = {
	label: 'sales invoice',
	path: 'salesinvoice/SalesInvoices',
	key: 'InvoiceID',
	numberField: 'InvoiceNumber',
	linesField: 'SalesInvoiceLines',
	needsJournal: true,
	warehouseField: 'Warehouse',
};

export const SALES_ORDER_DOCUMENT: DocumentKind = {
	label: 'sales order',
	path: 'salesorder/SalesOrders',
	key: 'OrderID',
	numberField: 'OrderNumber',
	linesField: 'SalesOrderLines',
	needsJournal: false,
	warehouseField: 'WarehouseID',
};
