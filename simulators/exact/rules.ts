import { randomUUID } from 'crypto';
import type { ExactEntityName, ExactRecord, ExactValue } from '../seed/types';
import { exactDate, exactDateFromEpoch, localDay, localMsFromEpoch, parseDateInput, parseExactDate } from './dates';
import { ENTITY_SETS } from './entities';
import type { EntitySetDef } from './entities';
import { badRequest, notFound } from './errors';
import { endpointFields, isEdm } from './fields';
import type { ExactUser } from './identity';
import { padAccountCode, round2 } from './format';
import {
	ACCEPT_CREATE_SALES_ORDER,
	ACCEPT_NO_ACTION,
	ORDER_STATUS,
	applyLineProgress,
	applyOrderProgress,
	deliveryRefusal,
	INVOICE_BY_DELIVERED,
	INVOICE_BY_ORDERED,
	lineDeleteRefusal,
	lineQuantityRefusal,
	orderLockReason,
	salesOrderFromQuotation,
	toDeliver,
	toInvoice,
} from './orderRules';
import type { ExactStore } from './store';

/**
 * What Exact does on a write: mandatory fields, references that must exist, defaults, numbering (invoice,
 * order, quotation numbers, account codes), totals, denormalised names, row versions and change events.
 * The API and the admin interface both write through here; admin writes skip validation.
 */

export interface WriteContext {
	store: ExactStore;
	division: number;
	nowEpoch: number;
	user: ExactUser;
	/** App (client) id; stored on webhook subscriptions. */
	clientId: string;
	/** False for admin writes: no mandatory or reference checks, given values are kept. */
	validate: boolean;
}

/** A request body after type checks: scalars, and arrays of line bodies for nested lines. */
export type WriteBody = Record<string, unknown>;

export const WEBHOOK_TOPICS = [
	'Accounts',
	'Contacts',
	'Items',
	'StockPositions',
	'SalesOrders',
	'SalesInvoices',
	'Quotations',
	'TimeTransactions',
	'CostTransactions',
	'GoodsDeliveries',
	'FinancialTransactions',
	'Documents',
];

const INVOICE_STATUS: Record<number, string> = { 10: 'Draft', 20: 'Open', 50: 'Processed' };
const INVOICE_TYPE: Record<number, string> = { 8020: 'Sales invoice', 8021: 'Sales credit note', 8023: 'Direct sales invoice' };
const QUOTATION_STATUS: Record<number, string> = {
	5: 'Rejected',
	6: 'Reviewed and closed',
	10: 'Recovery',
	20: 'Draft',
	25: 'Open',
	35: 'Processing',
	40: 'Printed',
	50: 'Accepted',
};
const ENTRY_STATUS: Record<number, string> = { 5: 'Rejected', 20: 'Open', 50: 'Processed' };
const ENTRY_TYPE: Record<number, string> = { 20: 'Sales entry', 21: 'Sales credit note' };
const ACCOUNT_STATUSES = ['A', 'C', 'P', 'S'];

// ---------------------------------------------------------------- helpers

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

function scalarsOf(input: WriteBody): ExactRecord {
	const out: ExactRecord = {};
	for (const [k, v] of Object.entries(input)) {
		if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v as ExactValue;
	}
	return out;
}

function linesOf(input: WriteBody, nav: string): WriteBody[] | undefined {
	const value = input[nav];
	if (Array.isArray(value)) return value as WriteBody[];
	if (value && typeof value === 'object' && Array.isArray((value as { results?: unknown }).results)) {
		return (value as { results: WriteBody[] }).results;
	}
	return undefined;
}

/** Mandatory fields of a POST: the reference's list, less what the server derives itself. */
function mandatoryFields(set: EntitySetDef, nested: boolean): string[] {
	const fields = endpointFields(set.endpoint);
	return fields.mandatory.filter((name) => {
		if (name === set.key || name === 'GLAccount') return false;
		if (nested && set.parent && name === set.parent.fk) return false;
		return isEdm(fields.fields[name] ?? '') || name === set.lines?.nav;
	});
}

function requireFields(record: ExactRecord, input: WriteBody, names: string[]): void {
	for (const name of names) {
		const value = name in record ? record[name] : input[name];
		const emptyList = Array.isArray(linesOf(input, name)) && (linesOf(input, name) ?? []).length === 0;
		if (isBlank(value) || emptyList) throw badRequest(`Mandatory: ${name}`);
	}
}

function stampNew(record: ExactRecord, set: EntitySetDef, ctx: WriteContext): void {
	const now = exactDateFromEpoch(ctx.nowEpoch);
	if (isBlank(record[set.key])) record[set.key] = randomUUID();
	record[set.key] = String(record[set.key]).toLowerCase();
	record.Division = ctx.division;
	if (ctx.validate || isBlank(record.Created)) record.Created = now;
	if (ctx.validate || isBlank(record.Modified)) record.Modified = now;
	record.Creator = ctx.user.id;
	record.CreatorFullName = ctx.user.fullName;
	record.Modifier = ctx.user.id;
	record.ModifierFullName = ctx.user.fullName;
}

function stampModified(record: ExactRecord, ctx: WriteContext): void {
	record.Modified = exactDateFromEpoch(ctx.nowEpoch);
	record.Modifier = ctx.user.id;
	record.ModifierFullName = ctx.user.fullName;
}

/** A referenced record by key; a missing one is a 400 on API writes and ignored on admin writes. */
function ref(ctx: WriteContext, entity: ExactEntityName, id: ExactValue | undefined, label: string): ExactRecord | undefined {
	if (isBlank(id)) return undefined;
	const found = ctx.store.get(entity, ctx.division, String(id));
	if (!found && ctx.validate) throw badRequest(`${label} not found: ${id}`);
	return found;
}

function byCode(ctx: WriteContext, entity: ExactEntityName, code: ExactValue | undefined, label: string): ExactRecord | undefined {
	if (isBlank(code)) return undefined;
	const wanted = String(code).trim().toLowerCase();
	const found = ctx.store.list(entity, ctx.division).find((r) => String(r.Code ?? '').trim().toLowerCase() === wanted);
	if (!found && ctx.validate) throw badRequest(`${label} not found: ${code}`);
	return found;
}

function assertUniqueCode(ctx: WriteContext, entity: ExactEntityName, record: ExactRecord, keyField: string, label: string): void {
	if (!ctx.validate || isBlank(record.Code)) return;
	const code = String(record.Code).trim().toLowerCase();
	const clash = ctx.store
		.list(entity, ctx.division)
		.find((r) => r[keyField] !== record[keyField] && String(r.Code ?? '').trim().toLowerCase() === code);
	if (clash) throw badRequest(`${label} code already exists: ${String(record.Code).trim()}`);
}

function nextNumber(ctx: WriteContext, entity: ExactEntityName, field: string, first: number): number {
	let max = 0;
	for (const r of ctx.store.list(entity, ctx.division)) max = Math.max(max, Number(r[field] ?? 0));
	return max > 0 ? max + 1 : first;
}

function today(ctx: WriteContext): string {
	return exactDate(localDay(ctx.nowEpoch));
}

function addDays(date: ExactValue | undefined, days: number): string | null {
	const local = typeof date === 'string' ? parseExactDate(date) : undefined;
	return local === undefined ? null : exactDate(local + days * 86_400_000);
}

function fullName(r: ExactRecord): string {
	return [r.FirstName, r.MiddleName, r.LastName].filter((p) => !isBlank(p)).join(' ');
}

// ---------------------------------------------------------------- per-entity preparation (defaults, references)

type Prepare = (record: ExactRecord, ctx: WriteContext, isNew: boolean) => void;

function paymentCondition(record: ExactRecord, field: string, ctx: WriteContext): ExactRecord | undefined {
	const pc = byCode(ctx, 'PaymentConditions', record[field], 'Payment condition');
	if (pc) record[`${field}Description`] = pc.Description;
	return pc;
}

const PREPARE: Partial<Record<ExactEntityName, Prepare>> = {
	GoodsDeliveries(r, ctx, isNew) {
		if (!isNew) return;
		r.DeliveryNumber = nextNumber(ctx, 'GoodsDeliveries', 'DeliveryNumber', 1);
		r.EntryNumber = r.DeliveryNumber;
		r.DeliveryDate ??= today(ctx);
	},
	Accounts(r, ctx, isNew) {
		if (isBlank(r.Code)) {
			if (isNew) {
				let max = 0;
				for (const a of ctx.store.list('Accounts', ctx.division)) {
					const n = Number(String(a.Code ?? '').trim());
					if (Number.isFinite(n)) max = Math.max(max, n);
				}
				r.Code = padAccountCode(String(max + 1));
			}
		} else {
			r.Code = padAccountCode(String(r.Code));
		}
		assertUniqueCode(ctx, 'Accounts', r, 'ID', 'Account');
		if (isNew) {
			r.Status ??= 'C';
			r.IsSales ??= true;
			r.IsSupplier ??= false;
			r.IsPurchase ??= r.IsSupplier;
			r.Blocked ??= false;
			r.Country ??= 'NL';
			r.Language ??= 'NL';
			r.StatusSince ??= today(ctx);
		}
		if (ctx.validate && !ACCOUNT_STATUSES.includes(String(r.Status))) {
			throw badRequest(`Status: invalid value '${r.Status}' (use A, C, P or S)`);
		}
		paymentCondition(r, 'PaymentConditionSales', ctx);
		paymentCondition(r, 'PaymentConditionPurchase', ctx);
		const vat = byCode(ctx, 'VATCodes', r.SalesVATCode, 'VAT code');
		if (vat) r.SalesVATCodeDescription = vat.Description;
	},
	Contacts(r, ctx) {
		const account = ref(ctx, 'Accounts', r.Account, 'Account');
		if (account) {
			r.AccountName = account.Name;
			r.AccountIsCustomer = account.Status === 'C';
			r.AccountIsSupplier = account.IsSupplier === true;
		}
		r.FullName = fullName(r);
		r.IsMainContact ??= false;
	},
	Addresses(r, ctx) {
		const account = ref(ctx, 'Accounts', r.Account, 'Account');
		if (account) {
			r.AccountName = account.Name;
			r.AccountIsSupplier = account.IsSupplier === true;
		}
		r.Main ??= false;
		r.Country ??= 'NL';
	},
	Items(r, ctx, isNew) {
		assertUniqueCode(ctx, 'Items', r, 'ID', 'Item');
		if (isNew) {
			r.IsSalesItem ??= true;
			r.IsStockItem ??= false;
			r.IsPurchaseItem ??= false;
			r.IsTime ??= 0;
			r.Unit ??= 'stuk';
			r.UnitDescription ??= String(r.Unit);
			r.StartDate ??= today(ctx);
			r.StandardSalesPrice ??= 0;
			r.CostPriceStandard ??= 0;
		}
		const group = ref(ctx, 'ItemGroups', r.ItemGroup, 'Item group');
		if (group) {
			r.ItemGroupCode = group.Code;
			r.ItemGroupDescription = group.Description;
		}
		const vat = byCode(ctx, 'VATCodes', r.SalesVatCode, 'VAT code');
		if (vat) r.SalesVatCodeDescription = vat.Description;
	},
	SalesItemPrices(r, ctx) {
		const item = ref(ctx, 'Items', r.Item, 'Item');
		if (item) {
			r.ItemCode = item.Code;
			r.ItemDescription = item.Description;
			r.Unit ??= item.Unit;
		}
		const account = ref(ctx, 'Accounts', r.Account, 'Account');
		if (account) r.AccountName = account.Name;
		r.Currency ??= 'EUR';
	},
	PaymentConditions(r, ctx) {
		assertUniqueCode(ctx, 'PaymentConditions', r, 'ID', 'Payment condition');
		r.PaymentDays ??= 0;
	},
	Journals(r, ctx) {
		assertUniqueCode(ctx, 'Journals', r, 'ID', 'Journal');
	},
	VATCodes(r, ctx) {
		assertUniqueCode(ctx, 'VATCodes', r, 'ID', 'VAT');
	},
	Warehouses(r, ctx) {
		assertUniqueCode(ctx, 'Warehouses', r, 'ID', 'Warehouse');
		r.Main ??= 0;
	},
	ItemWarehouses(r, ctx, isNew) {
		const item = ref(ctx, 'Items', r.Item, 'Item');
		if (item) {
			r.ItemCode = item.Code;
			r.ItemDescription = item.Description;
			r.ItemUnit = item.Unit;
			r.ItemUnitDescription = item.UnitDescription;
			r.ItemIsStockItem = item.IsStockItem;
		}
		const warehouse = ref(ctx, 'Warehouses', r.Warehouse, 'Warehouse');
		if (warehouse) {
			r.WarehouseCode = warehouse.Code;
			r.WarehouseDescription = warehouse.Description;
		}
		// Stock figures are Exact's own: a write cannot set them, documents change them (see issueStock).
		if (ctx.validate) {
			const before = isNew ? undefined : ctx.store.get('ItemWarehouses', ctx.division, String(r.ID));
			for (const figure of STOCK_FIGURES) r[figure] = before?.[figure] ?? 0;
		}
		r.CurrentStock ??= 0;
	},
	Employees(r) {
		r.FullName = fullName(r);
		r.IsActive ??= true;
	},
	Projects(r, ctx) {
		assertUniqueCode(ctx, 'Projects', r, 'ID', 'Project');
		const account = ref(ctx, 'Accounts', r.Account, 'Account');
		if (account) {
			r.AccountCode = account.Code;
			r.AccountName = account.Name;
		}
	},
	ProjectPlanning(r, ctx) {
		const employee = ref(ctx, 'Employees', r.Employee, 'Employee');
		if (employee) {
			r.EmployeeCode = employee.Code;
			r.EmployeeHID = employee.HID;
		}
		const hourType = ref(ctx, 'Items', r.HourType, 'Hour type');
		if (hourType && ctx.validate && !Number(hourType.IsTime)) throw badRequest(`Hour type: item ${String(hourType.Code)} is not a time item`);
		if (hourType) {
			r.HourTypeCode = hourType.Code;
			r.HourTypeDescription = hourType.Description;
		}
		const project = ref(ctx, 'Projects', r.Project, 'Project');
		if (project) {
			r.ProjectCode = project.Code;
			r.ProjectDescription = project.Description;
			r.Account ??= project.Account;
		}
		const account = ref(ctx, 'Accounts', r.Account, 'Account');
		if (account) {
			r.AccountCode = account.Code;
			r.AccountName = account.Name;
		}
		if (ctx.validate && ![1, 2].includes(Number(r.Status))) throw badRequest('Status: use 1 (reserved) or 2 (planned)');
	},
	TimeTransactions(r, ctx, isNew) {
		const item = ref(ctx, 'Items', r.Item, 'Item');
		// Hours are booked on an hour type: Exact refuses a time transaction with a goods item.
		if (item && ctx.validate && !Number(item.IsTime)) throw badRequest(`Item ${String(item.Code)} is not a time item (hour type)`);
		if (item) r.ItemDescription = item.Description;
		ref(ctx, 'Employees', r.Employee, 'Employee');
		const project = ref(ctx, 'Projects', r.Project, 'Project');
		if (project) {
			r.ProjectCode = project.Code;
			r.ProjectDescription = project.Description;
			r.Account ??= project.Account;
		}
		const account = ref(ctx, 'Accounts', r.Account, 'Account');
		if (account) r.AccountName = account.Name;
		if (isNew) {
			r.Date ??= today(ctx);
			r.HourStatus ??= 1;
			r.Type ??= 1;
		}
	},
	SalesInvoices(r, ctx, isNew) {
		const orderedBy = salesAccount(ctx, r.OrderedBy, 'Account');
		if (orderedBy) r.OrderedByName = orderedBy.Name;
		r.InvoiceTo ??= r.OrderedBy;
		r.DeliverTo ??= r.OrderedBy;
		const invoiceTo = salesAccount(ctx, r.InvoiceTo, 'Account');
		if (invoiceTo) r.InvoiceToName = invoiceTo.Name;
		const deliverTo = ref(ctx, 'Accounts', r.DeliverTo, 'Account');
		if (deliverTo) r.DeliverToName = deliverTo.Name;
		const journal = byCode(ctx, 'Journals', r.Journal, 'Journal');
		if (journal) r.JournalDescription = journal.Description;
		ref(ctx, 'Warehouses', r.Warehouse, 'Warehouse');
		if (isNew) {
			r.PaymentCondition ??= orderedBy?.PaymentConditionSales ?? null;
			r.Type ??= 8020;
			r.Status ??= 10;
			r.Currency ??= 'EUR';
			r.InvoiceDate ??= today(ctx);
			r.OrderDate ??= r.InvoiceDate;
			if (isBlank(r.InvoiceNumber)) {
				const year = new Date(localDay(ctx.nowEpoch)).getUTCFullYear() % 100;
				const journalCode = String(r.Journal ?? '70').replace(/\D/g, '') || '70';
				r.InvoiceNumber = nextNumber(ctx, 'SalesInvoices', 'InvoiceNumber', Number(`${year}${journalCode}00001`));
			} else if (ctx.validate && ctx.store.list('SalesInvoices', ctx.division).some((i) => i.InvoiceNumber === r.InvoiceNumber)) {
				throw badRequest(`Invoice number already exists: ${r.InvoiceNumber}`);
			}
		}
		const pc = paymentCondition(r, 'PaymentCondition', ctx);
		if (isNew && isBlank(r.DueDate)) r.DueDate = addDays(r.InvoiceDate, Number(pc?.PaymentDays ?? 0));
		r.StatusDescription = INVOICE_STATUS[Number(r.Status)] ?? null;
		r.TypeDescription = INVOICE_TYPE[Number(r.Type)] ?? null;
	},
	SalesEntries(r, ctx, isNew) {
		const customer = salesAccount(ctx, r.Customer, 'Customer');
		if (customer) r.CustomerName = customer.Name;
		const journal = byCode(ctx, 'Journals', r.Journal, 'Journal');
		if (journal && ctx.validate && Number(journal.Type) !== 20) throw badRequest(`Journal ${r.Journal} is not a sales journal`);
		if (journal) r.JournalDescription = journal.Description;
		if (isNew) {
			r.EntryDate ??= today(ctx);
			r.Type ??= 20;
			r.Status ??= 20;
			r.Currency ??= 'EUR';
			r.PaymentCondition ??= customer?.PaymentConditionSales ?? null;
			// The entry number is the invoice number (boekstuknummer): one per journal, refused when taken.
			if (isBlank(r.EntryNumber)) {
				const year = new Date(localDay(ctx.nowEpoch)).getUTCFullYear() % 100;
				const sameJournal = ctx.store.list('SalesEntries', ctx.division).filter((e) => e.Journal === r.Journal);
				const max = sameJournal.reduce((m, e) => Math.max(m, Number(e.EntryNumber ?? 0)), 0);
				r.EntryNumber = max > 0 ? max + 1 : Number(`${year}${String(r.Journal ?? '70').replace(/\D/g, '') || '70'}00001`);
			} else if (
				ctx.validate &&
				ctx.store.list('SalesEntries', ctx.division).some((e) => e.Journal === r.Journal && Number(e.EntryNumber) === Number(r.EntryNumber))
			) {
				throw badRequest(`Entry number ${r.EntryNumber} already exists in journal ${r.Journal}`);
			}
			r.InvoiceNumber = r.EntryNumber;
		}
		const pc = paymentCondition(r, 'PaymentCondition', ctx);
		if (isNew && isBlank(r.DueDate)) r.DueDate = addDays(r.EntryDate, Number(pc?.PaymentDays ?? 0));
		r.StatusDescription = ENTRY_STATUS[Number(r.Status)] ?? null;
		r.TypeDescription = ENTRY_TYPE[Number(r.Type)] ?? null;
	},
	Documents(r, ctx, isNew) {
		const account = ref(ctx, 'Accounts', r.Account, 'Account');
		if (account) {
			r.AccountCode = account.Code;
			r.AccountName = account.Name;
		}
		// A document for a financial entry (e.g. the PDF of a booked sales invoice) is linked from that entry.
		const entry = ref(ctx, 'SalesEntries', r.FinancialTransactionEntryID, 'Financial transaction entry');
		if (entry && isNew) {
			entry.Document = r.ID;
			entry.DocumentSubject = r.Subject ?? null;
			ctx.store.touch('SalesEntries', ctx.division, String(entry.EntryID));
		}
		if (isNew) r.DocumentDate ??= today(ctx);
		r.TypeDescription = Number(r.Type) === 10 ? 'Sales invoice' : null;
	},
	DocumentAttachments(r, ctx) {
		ref(ctx, 'Documents', r.Document, 'Document');
		if (ctx.validate && typeof r.Attachment === 'string' && !/^[A-Za-z0-9+/]*={0,2}$/.test(r.Attachment)) {
			throw badRequest('Attachment: not a base64 value');
		}
		r.FileSize = typeof r.Attachment === 'string' ? Buffer.from(r.Attachment, 'base64').length : 0;
		r.Url = `https://start.exactonline.nl/docs/SysAttachment.aspx?ID=${String(r.ID)}`;
		// Exact does not hand the file back in the record: only its size and a download URL.
		r.Attachment = null;
	},
	SalesOrders(r, ctx, isNew) {
		const orderedBy = salesAccount(ctx, r.OrderedBy, 'Account');
		if (orderedBy) r.OrderedByName = orderedBy.Name;
		r.InvoiceTo ??= r.OrderedBy;
		r.DeliverTo ??= r.OrderedBy;
		const invoiceTo = ref(ctx, 'Accounts', r.InvoiceTo, 'Account');
		if (invoiceTo) r.InvoiceToName = invoiceTo.Name;
		const deliverTo = ref(ctx, 'Accounts', r.DeliverTo, 'Account');
		if (deliverTo) r.DeliverToName = deliverTo.Name;
		const warehouse = ref(ctx, 'Warehouses', r.WarehouseID, 'Warehouse');
		if (warehouse) {
			r.WarehouseCode = warehouse.Code;
			r.WarehouseDescription = warehouse.Description;
		}
		if (isNew) {
			r.PaymentCondition ??= orderedBy?.PaymentConditionSales ?? null;
			r.OrderNumber = isBlank(r.OrderNumber) ? nextNumber(ctx, 'SalesOrders', 'OrderNumber', 1) : r.OrderNumber;
			r.OrderDate ??= today(ctx);
			r.Status ??= 12;
			r.DeliveryStatus ??= 12;
			r.InvoiceStatus ??= 12;
			r.Currency ??= 'EUR';
		}
		paymentCondition(r, 'PaymentCondition', ctx);
		r.StatusDescription = ORDER_STATUS[Number(r.Status)] ?? null;
		r.DeliveryStatusDescription = ORDER_STATUS[Number(r.DeliveryStatus)] ?? null;
		r.InvoiceStatusDescription = ORDER_STATUS[Number(r.InvoiceStatus)] ?? null;
	},
	Quotations(r, ctx, isNew) {
		const orderAccount = ref(ctx, 'Accounts', r.OrderAccount, 'Account');
		if (orderAccount) {
			r.OrderAccountCode = orderAccount.Code;
			r.OrderAccountName = orderAccount.Name;
		}
		r.InvoiceAccount ??= r.OrderAccount;
		r.DeliveryAccount ??= r.OrderAccount;
		for (const prefix of ['InvoiceAccount', 'DeliveryAccount']) {
			const account = ref(ctx, 'Accounts', r[prefix], 'Account');
			if (account) {
				r[`${prefix}Code`] = account.Code;
				r[`${prefix}Name`] = account.Name;
			}
		}
		if (isNew) {
			r.QuotationNumber = isBlank(r.QuotationNumber) ? nextNumber(ctx, 'Quotations', 'QuotationNumber', 1) : r.QuotationNumber;
			r.VersionNumber ??= 1;
			r.QuotationDate ??= today(ctx);
			r.ClosingDate ??= addDays(r.QuotationDate, 30);
			r.Status ??= 20;
			r.Currency ??= 'EUR';
			r.PaymentCondition ??= orderAccount?.PaymentConditionSales ?? null;
		}
		paymentCondition(r, 'PaymentCondition', ctx);
		r.StatusDescription = QUOTATION_STATUS[Number(r.Status)] ?? null;
	},
	Receivables(r) {
		r.Currency ??= 'EUR';
	},
	WebhookSubscriptions(r, ctx) {
		if (ctx.validate) {
			let url: URL;
			try {
				url = new URL(String(r.CallbackURL));
			} catch {
				throw badRequest(`CallbackURL is not a valid URL: ${r.CallbackURL}`);
			}
			const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.hostname.endsWith('.localhost');
			if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
				throw badRequest('CallbackURL must be an HTTPS URL');
			}
			if (!WEBHOOK_TOPICS.includes(String(r.Topic))) throw badRequest(`Topic is not valid: ${r.Topic}`);
			const duplicate = ctx.store
				.list('WebhookSubscriptions', ctx.division)
				.some((s) => s.ID !== r.ID && s.Topic === r.Topic && s.CallbackURL === r.CallbackURL && s.ClientID === ctx.clientId);
			if (duplicate) throw badRequest(`A subscription for topic ${r.Topic} and this CallbackURL already exists`);
		}
		r.ClientID = ctx.clientId;
		r.UserID = ctx.user.id;
	},
};

// ---------------------------------------------------------------- effects on other records

type AfterWrite = (record: ExactRecord, ctx: WriteContext) => void;

/** What a stored write changes in other records, beyond the record itself. */
const AFTER_WRITE: Partial<Record<ExactEntityName, AfterWrite>> = {
	SalesItemPrices: followDefaultPrice,
	SalesEntries: openItemForEntry,
};

/** A booked sales entry is an open item at once: its receivable (payment term), once. */
function openItemForEntry(entry: ExactRecord, ctx: WriteContext): void {
	if (ctx.store.list('Receivables', ctx.division).some((r) => r.EntryID === entry.EntryID)) return;
	createReceivableFor(
		{
			InvoiceID: entry.EntryID,
			InvoiceTo: entry.Customer,
			InvoiceNumber: entry.EntryNumber,
			InvoiceDate: entry.EntryDate,
			DueDate: entry.DueDate,
			AmountDC: entry.AmountDC,
			AmountFC: entry.AmountFC,
			Description: entry.Description,
			Journal: entry.Journal,
			JournalDescription: entry.JournalDescription,
			PaymentCondition: entry.PaymentCondition,
			PaymentConditionDescription: entry.PaymentConditionDescription,
			YourRef: entry.YourRef,
		},
		ctx,
	);
}

/** A row of a date range that holds now: StartDate empty or passed, EndDate empty or still to come. */
function isCurrent(record: ExactRecord, nowEpoch: number): boolean {
	const now = localMsFromEpoch(nowEpoch);
	const start = parseDateInput(record.StartDate);
	const end = parseDateInput(record.EndDate);
	return (start === undefined || start <= now) && (end === undefined || end > now);
}

/**
 * Exact keeps an item's sales price in its price list: the current SalesItemPrices row without an Account is
 * the item's default price (rows with an Account are customer price agreements). Changing that row changes
 * the item's StandardSalesPrice, but the item gets no new Timestamp or Modified: only the price row does, so
 * sync/Logistics/Items never hands out the change. Reproduced as Exact does it: the item changes in place.
 */
function followDefaultPrice(row: ExactRecord, ctx: WriteContext): void {
	if (!isBlank(row.Account) || isBlank(row.Item) || typeof row.Price !== 'number') return;
	if (!isCurrent(row, ctx.nowEpoch)) return;
	const item = ctx.store.get('Items', ctx.division, String(row.Item));
	if (item) item.StandardSalesPrice = row.Price;
}

/** Sales documents may not go to a blocked account. */
function salesAccount(ctx: WriteContext, id: ExactValue | undefined, label: string): ExactRecord | undefined {
	const account = ref(ctx, 'Accounts', id, label);
	if (account && ctx.validate && account.Blocked === true) {
		throw badRequest(`Account is blocked: ${String(account.Code ?? '').trim()} ${account.Name}`);
	}
	return account;
}

// ---------------------------------------------------------------- lines and totals

/** Price a sales line from its item and VAT code; values given by the client win. */
function prepareLine(line: ExactRecord, header: ExactRecord | undefined, lineSet: EntitySetDef, ctx: WriteContext): void {
	if (lineSet.name === 'SalesEntryLines') return prepareEntryLine(line, ctx);
	if (lineSet.name === 'GoodsDeliveryLines') return prepareDeliveryLine(line, header, ctx);
	const item = ref(ctx, 'Items', line.Item, 'Item');
	if (item) {
		line.ItemCode = item.Code;
		line.ItemDescription = item.Description;
		line.Description ??= item.Description;
		line.UnitCode ??= item.Unit;
		line.UnitDescription ??= item.UnitDescription ?? item.Unit;
		line.UnitPrice ??= item.StandardSalesPrice ?? 0;
		line.VATCode ??= item.SalesVatCode ?? null;
		line.GLAccount ??= item.GLRevenue ?? null;
	}
	line.Quantity ??= 1;
	line.UnitPrice ??= 0;
	line.Discount ??= 0;
	const vat = byCode(ctx, 'VATCodes', line.VATCode, 'VAT code');
	const pct = Number(vat?.Percentage ?? 0);
	line.VATPercentage = pct;
	if (vat) {
		line.VATCodeDescription = vat.Description;
		line.VATDescription = vat.Description;
	}
	line.NetPrice = round2(Number(line.UnitPrice) * (1 - Number(line.Discount)));
	line.AmountFC = round2(Number(line.Quantity) * Number(line.NetPrice));
	line.AmountDC = line.AmountFC;
	line.VATAmountFC = round2(Number(line.AmountFC) * pct);
	line.VATAmountDC = line.VATAmountFC;
	line.VATAmount = line.VATAmountFC;
	if (lineSet.name === 'SalesOrderLines') {
		applyLineProgress(line);
		if (header) {
			line.OrderNumber = header.OrderNumber;
			line.DeliveryDate ??= header.DeliveryDate ?? header.OrderDate ?? null;
		}
	}
	if (header && lineSet.name === 'QuotationLines') {
		line.QuotationNumber = header.QuotationNumber;
		line.VersionNumber = header.VersionNumber;
	}
}

/** A sales entry line is an amount on a G/L account (no item): Exact computes its VAT from the VAT code. */
function prepareEntryLine(line: ExactRecord, ctx: WriteContext): void {
	if (ctx.validate && isBlank(line.GLAccount)) throw badRequest('Mandatory: GLAccount');
	const vat = byCode(ctx, 'VATCodes', line.VATCode, 'VAT code');
	const pct = Number(vat?.Percentage ?? 0);
	line.VATPercentage = pct;
	if (vat) line.VATCodeDescription = vat.Description;
	line.AmountFC = round2(Number(line.AmountFC ?? 0));
	line.AmountDC = line.AmountFC;
	line.VATBaseAmountFC = line.AmountFC;
	line.VATBaseAmountDC = line.AmountFC;
	line.VATAmountFC = isBlank(line.VATAmountFC) ? round2(Number(line.AmountFC) * pct) : round2(Number(line.VATAmountFC));
	line.VATAmountDC = line.VATAmountFC;
}

/** A goods delivery line takes its item and numbers from the sales order line it delivers; by default all that is open. */
function prepareDeliveryLine(line: ExactRecord, header: ExactRecord | undefined, ctx: WriteContext): void {
	const orderLine = ref(ctx, 'SalesOrderLines', line.SalesOrderLineID, 'Sales order line');
	if (!orderLine) return;
	const order = ctx.store.get('SalesOrders', ctx.division, String(orderLine.OrderID));
	const locked = order && ctx.validate ? orderLockReason(order) : undefined;
	if (locked) throw badRequest(locked);
	line.SalesOrderLineID = orderLine.ID;
	line.QuantityDelivered ??= toDeliver(orderLine);
	const refusal = ctx.validate ? deliveryRefusal(orderLine, Number(line.QuantityDelivered)) : undefined;
	if (refusal) throw badRequest(refusal);
	line.Item = orderLine.Item;
	line.ItemCode = orderLine.ItemCode ?? null;
	line.ItemDescription = orderLine.ItemDescription ?? null;
	line.Description ??= orderLine.Description ?? null;
	line.Unitcode = orderLine.UnitCode ?? null;
	line.QuantityOrdered = orderLine.Quantity ?? 0;
	line.SalesOrderNumber = orderLine.OrderNumber ?? null;
	line.SalesOrderLineNumber = orderLine.LineNumber ?? null;
	line.DeliveryDate ??= header?.DeliveryDate ?? today(ctx);
}

/** A booked goods delivery raises the delivered quantity of every order line it names (and so the order's status). */
function bookDelivery(delivery: ExactRecord, lines: ExactRecord[], ctx: WriteContext): void {
	const internal = { ...ctx, validate: false };
	for (const line of lines) {
		const orderLine = ctx.store.get('SalesOrderLines', ctx.division, String(line.SalesOrderLineID));
		if (!orderLine) continue;
		const delivered = Math.round((Number(orderLine.QuantityDelivered ?? 0) + Number(line.QuantityDelivered ?? 0)) * 10_000) / 10_000;
		updateRecord('SalesOrderLines', String(orderLine.ID), { QuantityDelivered: delivered }, internal);
		const order = ctx.store.get('SalesOrders', ctx.division, String(orderLine.OrderID));
		if (order && isBlank(delivery.DeliveryAccount)) {
			const account = ctx.store.get('Accounts', ctx.division, String(order.DeliverTo ?? order.OrderedBy));
			delivery.DeliveryAccount = account?.ID ?? null;
			delivery.DeliveryAccountCode = account?.Code ?? null;
			delivery.DeliveryAccountName = account?.Name ?? null;
			delivery.DeliveryAddress ??= order.DeliveryAddress ?? null;
		}
	}
}

function applyTotals(header: ExactRecord, lines: ExactRecord[]): void {
	const excl = round2(lines.reduce((sum, l) => sum + Number(l.AmountFC ?? 0), 0));
	const vat = round2(lines.reduce((sum, l) => sum + Number(l.VATAmountFC ?? 0), 0));
	header.AmountFCExclVat = excl;
	header.VATAmountFC = vat;
	header.VATAmountDC = vat;
	header.AmountFC = round2(excl + vat);
	header.AmountDC = header.AmountFC;
	header.AmountDiscount = 0;
	header.AmountDiscountExclVat = 0;
}

/** What a header derives from its lines: totals, and for sales orders the delivery and invoice progress. */
function summarise(set: EntitySetDef, header: ExactRecord, lines: ExactRecord[]): void {
	applyTotals(header, lines);
	if (set.name === 'SalesOrders') applyOrderProgress(header, lines);
}

function linesFor(ctx: WriteContext, set: EntitySetDef, headerKey: string): ExactRecord[] {
	if (!set.lines) return [];
	const fk = set.lines.fk;
	return ctx.store.list(set.lines.entity, ctx.division).filter((l) => l[fk] === headerKey);
}

/** After a line changed: new totals and a new row version for the header. */
function refreshHeader(ctx: WriteContext, parentSet: EntitySetDef, headerKey: string): void {
	const header = ctx.store.get(parentSet.name, ctx.division, headerKey);
	if (!header) return;
	summarise(parentSet, header, linesFor(ctx, parentSet, headerKey));
	stampModified(header, ctx);
	ctx.store.touch(parentSet.name, ctx.division, headerKey);
}

function assertHeaderEditable(ctx: WriteContext, set: EntitySetDef, header: ExactRecord): void {
	if (!ctx.validate) return;
	if (set.name === 'SalesInvoices' && Number(header.Status) === 50) {
		throw badRequest(`Invoice ${header.InvoiceNumber} is processed and can no longer be changed`);
	}
	const locked = set.name === 'SalesOrders' ? orderLockReason(header) : undefined;
	if (locked) throw badRequest(locked);
}

/**
 * Exact numbers the lines of orders and quotations itself: 1..n in the order given, a new line last, and the
 * lines after a deleted one move up (each renumbered line gets a new row version).
 */
function renumberLines(ctx: WriteContext, parentSet: EntitySetDef, headerKey: string): void {
	const lineSet = ENTITY_SETS[parentSet.lines!.entity];
	const lines = linesFor(ctx, parentSet, headerKey).sort((a, b) => Number(a.LineNumber ?? 0) - Number(b.LineNumber ?? 0));
	lines.forEach((line, index) => {
		if (Number(line.LineNumber) === index + 1) return;
		line.LineNumber = index + 1;
		ctx.store.touch(lineSet.name, ctx.division, String(line[lineSet.key]));
	});
}

// ---------------------------------------------------------------- operations

export interface CreateResult {
	record: ExactRecord;
	lines: ExactRecord[];
}

function emit(ctx: WriteContext, set: EntitySetDef, action: 'Create' | 'Update' | 'Delete', key: string): void {
	ctx.store.emit({ division: ctx.division, entity: set.name, action, key });
}

export function createRecord(entity: ExactEntityName, input: WriteBody, ctx: WriteContext): CreateResult {
	const set = ENTITY_SETS[entity];
	const record = scalarsOf(input);
	if (ctx.validate && !isBlank(record[set.key]) && ctx.store.get(entity, ctx.division, String(record[set.key]))) {
		throw badRequest(`An entity with key ${record[set.key]} already exists`);
	}
	stampNew(record, set, ctx);
	if (ctx.validate) requireFields(record, input, mandatoryFields(set, false));

	let header: ExactRecord | undefined;
	let parentSet: EntitySetDef | undefined;
	if (set.parent) {
		parentSet = ENTITY_SETS[set.parent.entity];
		header = ref(ctx, set.parent.entity, record[set.parent.fk], 'Header');
		if (header) {
			record[set.parent.fk] = header[parentSet.key];
			assertHeaderEditable(ctx, parentSet, header);
		}
	}
	PREPARE[entity]?.(record, ctx, true);

	const lines: ExactRecord[] = [];
	if (set.lines) {
		const lineSet = ENTITY_SETS[set.lines.entity];
		const inputs = linesOf(input, set.lines.nav) ?? [];
		inputs.forEach((lineInput, index) => {
			const line = scalarsOf(lineInput);
			stampNew(line, lineSet, ctx);
			line[set.lines!.fk] = record[set.key];
			if (ctx.validate) requireFields(line, lineInput, mandatoryFields(lineSet, true));
			if (set.renumberLines) line.LineNumber = index + 1;
			else line.LineNumber ??= index + 1;
			prepareLine(line, record, lineSet, ctx);
			lines.push(line);
		});
		summarise(set, record, lines);
	}
	if (set.parent) {
		if (header) {
			const siblings = linesFor(ctx, parentSet!, String(header[parentSet!.key]));
			const last = siblings.reduce((max, l) => Math.max(max, Number(l.LineNumber ?? 0)), 0);
			if (parentSet!.renumberLines) record.LineNumber = last + 1;
			else record.LineNumber ??= last + 1;
		}
		prepareLine(record, header, set, ctx);
	}

	ctx.store.put(entity, ctx.division, set.key, record);
	for (const line of lines) ctx.store.put(set.lines!.entity, ctx.division, 'ID', line);
	AFTER_WRITE[entity]?.(record, ctx);
	if (entity === 'GoodsDeliveries') bookDelivery(record, lines, ctx);
	if (set.parent && header) refreshHeader(ctx, parentSet!, String(header[parentSet!.key]));
	emit(ctx, set, 'Create', String(record[set.key]));
	if (parentSet && header) emit(ctx, parentSet, 'Update', String(header[parentSet.key]));
	return { record, lines };
}

export function updateRecord(entity: ExactEntityName, key: string, patch: WriteBody, ctx: WriteContext): ExactRecord {
	const set = ENTITY_SETS[entity];
	const previous = ctx.store.get(entity, ctx.division, key);
	if (!previous) throw notFound(`Object not found: ${set.name}(${key})`);
	if (ctx.validate && set.lines && linesOf(patch, set.lines.nav)) {
		throw badRequest(`${set.lines.nav} can't be changed through the header; use the ${set.lines.nav} endpoint`);
	}
	const changes = scalarsOf(patch);
	if (set.key in changes && String(changes[set.key]).toLowerCase() !== String(previous[set.key]).toLowerCase()) {
		throw badRequest(`The key property ${set.key} can't be changed`);
	}
	if (set.lines) assertHeaderEditable(ctx, set, previous);
	const parentSet = set.parent ? ENTITY_SETS[set.parent.entity] : undefined;
	const header = set.parent ? ctx.store.get(set.parent.entity, ctx.division, String(previous[set.parent.fk])) : undefined;
	if (parentSet && header) assertHeaderEditable(ctx, parentSet, header);

	if (parentSet?.renumberLines) delete changes.LineNumber;
	if (ctx.validate && set.name === 'SalesOrderLines' && 'Quantity' in changes) {
		const refusal = lineQuantityRefusal(previous, Number(changes.Quantity));
		if (refusal) throw badRequest(refusal);
	}
	const record: ExactRecord = { ...previous, ...changes };
	stampModified(record, ctx);
	PREPARE[entity]?.(record, ctx, false);
	if (set.lines) summarise(set, record, linesFor(ctx, set, key.toLowerCase()));
	if (set.parent) {
		// a changed item or quantity re-prices the line (unless the client set the price itself)
		if ('Item' in changes && !('UnitPrice' in changes)) delete record.UnitPrice;
		prepareLine(record, header, set, ctx);
	}
	ctx.store.put(entity, ctx.division, set.key, record);
	AFTER_WRITE[entity]?.(record, ctx);
	if (parentSet && header) refreshHeader(ctx, parentSet, String(header[parentSet.key]));
	emit(ctx, set, 'Update', key.toLowerCase());
	if (parentSet && header) emit(ctx, parentSet, 'Update', String(header[parentSet.key]));
	return record;
}

export function deleteRecord(entity: ExactEntityName, key: string, ctx: WriteContext): void {
	const set = ENTITY_SETS[entity];
	const previous = ctx.store.get(entity, ctx.division, key);
	if (!previous) throw notFound(`Object not found: ${set.name}(${key})`);
	if (set.lines) assertHeaderEditable(ctx, set, previous);
	const parentSet = set.parent ? ENTITY_SETS[set.parent.entity] : undefined;
	const header = set.parent ? ctx.store.get(set.parent.entity, ctx.division, String(previous[set.parent.fk])) : undefined;
	if (parentSet && header) assertHeaderEditable(ctx, parentSet, header);
	const refusal = ctx.validate && set.name === 'SalesOrderLines' ? lineDeleteRefusal(previous) : undefined;
	if (refusal) throw badRequest(refusal);

	if (set.lines) {
		const lineSet = ENTITY_SETS[set.lines.entity];
		for (const line of linesFor(ctx, set, key.toLowerCase())) {
			ctx.store.remove(lineSet.name, ctx.division, String(line.ID), lineSet.deletedTypes, ctx.user.id, ctx.nowEpoch);
		}
	}
	ctx.store.remove(entity, ctx.division, key, set.deletedTypes, ctx.user.id, ctx.nowEpoch);
	if (parentSet?.renumberLines && header) renumberLines(ctx, parentSet, String(header[parentSet.key]));
	if (parentSet && header) refreshHeader(ctx, parentSet, String(header[parentSet.key]));
	emit(ctx, set, 'Delete', key.toLowerCase());
	if (parentSet && header) emit(ctx, parentSet, 'Update', String(header[parentSet.key]));
}

// ---------------------------------------------------------------- function endpoints

function requireKey(input: WriteBody, field: string): string {
	const value = input[field];
	if (isBlank(value)) throw badRequest(`Mandatory: ${field}`);
	return String(value);
}

/** Accept (50) or reject (5) an open quotation; a closed one (accepted, rejected, reviewed) is refused. */
function closeQuotation(input: WriteBody, ctx: WriteContext, status: number): ExactRecord {
	const id = requireKey(input, 'QuotationID');
	const quotation = ctx.store.get('Quotations', ctx.division, id);
	if (!quotation) throw badRequest(`Quotation not found: ${id}`);
	if ([5, 6, 50].includes(Number(quotation.Status))) {
		throw badRequest(`Quotation ${quotation.QuotationNumber} is already closed (${quotation.StatusDescription})`);
	}
	const action = status === 50 ? Number(input.Action ?? ACCEPT_NO_ACTION) : ACCEPT_NO_ACTION;
	if (![ACCEPT_NO_ACTION, ACCEPT_CREATE_SALES_ORDER].includes(action)) {
		throw badRequest(`Action ${action} is not supported here: use 0 (no action) or 1 (create sales order)`);
	}
	let salesOrderSuccess: string | null = null;
	if (action === ACCEPT_CREATE_SALES_ORDER) {
		const lines = linesFor(ctx, ENTITY_SETS.Quotations, String(quotation.QuotationID));
		const order = createRecord('SalesOrders', salesOrderFromQuotation(quotation, lines, input), ctx).record;
		salesOrderSuccess = `Sales order ${order.OrderNumber} has been created`;
	}
	updateRecord('Quotations', id, { Status: status, StatusDescription: QUOTATION_STATUS[status] }, { ...ctx, validate: false });
	return {
		...scalarsOf(input),
		QuotationID: quotation.QuotationID,
		Division: ctx.division,
		SuccessMessage: status === 50 ? 'Quotation accepted' : 'Quotation rejected',
		SalesOrderSuccess: salesOrderSuccess,
		ErrorMessage: null,
	};
}

/** Process (print/send) a draft invoice: status 50 and an open receivable, as Exact books it. */
function printSalesInvoice(input: WriteBody, ctx: WriteContext): ExactRecord {
	const id = requireKey(input, 'InvoiceID');
	const invoice = ctx.store.get('SalesInvoices', ctx.division, id);
	if (!invoice) throw badRequest(`Invoice not found: ${id}`);
	if (Number(invoice.Status) === 50) throw badRequest(`Invoice ${invoice.InvoiceNumber} is already processed`);
	const patch: WriteBody = { Status: 50 };
	if (typeof input.InvoiceDate === 'string') patch.InvoiceDate = input.InvoiceDate;
	const processed = updateRecord('SalesInvoices', id, patch, { ...ctx, validate: false });
	createReceivableFor(processed, ctx);
	issueStock(processed, ctx);
	return {
		...scalarsOf(input),
		InvoiceID: processed.InvoiceID,
		Division: ctx.division,
		InvoiceDate: processed.InvoiceDate,
		DocumentCreationSuccess: 'Document created',
		DocumentCreationError: null,
		EmailCreationSuccess: input.SendEmailToCustomer === true ? 'E-mail sent' : null,
		EmailCreationError: null,
	};
}

/** The stock figures of an item warehouse, which only documents change. */
const STOCK_FIGURES = ['CurrentStock', 'ReservedStock', 'PlannedStockIn', 'PlannedStockOut'];

/**
 * A processed invoice with a warehouse delivers its stock items from there (Exact books the goods delivery with
 * the invoice): the item warehouse's CurrentStock goes down by the quantity, and a row is made for an item the
 * warehouse never had (stock may go negative, as Exact allows by default). Without a warehouse nothing moves.
 */
function issueStock(invoice: ExactRecord, ctx: WriteContext): void {
	if (isBlank(invoice.Warehouse)) return;
	const warehouse = String(invoice.Warehouse).toLowerCase();
	const system = { ...ctx, validate: false };
	for (const line of linesFor(ctx, ENTITY_SETS.SalesInvoices, String(invoice.InvoiceID).toLowerCase())) {
		const item = ctx.store.get('Items', ctx.division, String(line.Item));
		if (!item || item.IsStockItem !== true) continue;
		const quantity = Number(line.Quantity ?? 0);
		const row = ctx.store
			.list('ItemWarehouses', ctx.division)
			.find((iw) => String(iw.Item).toLowerCase() === String(item.ID).toLowerCase() && String(iw.Warehouse).toLowerCase() === warehouse);
		if (row) updateRecord('ItemWarehouses', String(row.ID), { CurrentStock: Number(row.CurrentStock ?? 0) - quantity }, system);
		else createRecord('ItemWarehouses', { Item: item.ID, Warehouse: invoice.Warehouse, CurrentStock: -quantity }, system);
	}
}

/** An open receivable (payment term) for a processed invoice; AmountDC is what is still to be paid. */
export function createReceivableFor(invoice: ExactRecord, ctx: WriteContext): ExactRecord {
	const account = ctx.store.get('Accounts', ctx.division, String(invoice.InvoiceTo ?? invoice.OrderedBy));
	const pc = ctx.store.list('PaymentConditions', ctx.division).find((p) => p.Code === invoice.PaymentCondition);
	const entryNumber = nextNumber(ctx, 'Receivables', 'EntryNumber', Number(invoice.InvoiceNumber ?? 1));
	return createRecord(
		'Receivables',
		{
			Account: account?.ID ?? invoice.InvoiceTo ?? null,
			AccountCode: account?.Code ?? null,
			AccountName: account?.Name ?? null,
			AccountCountry: account?.Country ?? null,
			AmountDC: invoice.AmountDC ?? 0,
			AmountFC: invoice.AmountFC ?? 0,
			TransactionAmountDC: invoice.AmountDC ?? 0,
			TransactionAmountFC: invoice.AmountFC ?? 0,
			Currency: 'EUR',
			Description: invoice.Description ?? null,
			DueDate: invoice.DueDate ?? null,
			EntryDate: invoice.InvoiceDate ?? null,
			EntryID: invoice.InvoiceID,
			EntryNumber: entryNumber,
			InvoiceDate: invoice.InvoiceDate ?? null,
			InvoiceNumber: invoice.InvoiceNumber ?? null,
			IsFullyPaid: false,
			LastPaymentDate: null,
			Journal: invoice.Journal ?? null,
			JournalDescription: invoice.JournalDescription ?? null,
			PaymentCondition: invoice.PaymentCondition ?? null,
			PaymentConditionDescription: invoice.PaymentConditionDescription ?? null,
			PaymentDays: pc?.PaymentDays ?? null,
			PaymentMethod: pc?.PaymentMethod ?? null,
			Status: 20,
			TransactionType: 20,
			YourRef: invoice.YourRef ?? null,
		},
		{ ...ctx, validate: false },
	).record;
}

/**
 * salesinvoice/InvoiceSalesOrders: a draft invoice per sales order (CreateMode 1) with what is left to invoice of
 * each line, by delivered (InvoiceMode 0) or ordered (1) quantity; the invoice lines point to their order lines.
 * Exact answers with counts and errors only, not with the invoices it made: the client finds them by OrderNumber.
 */
function invoiceSalesOrders(input: WriteBody, ctx: WriteContext): ExactRecord {
	const journal = requireKey(input, 'JournalCode');
	byCode(ctx, 'Journals', journal, 'Journal');
	const mode = Number(input.InvoiceMode ?? INVOICE_BY_DELIVERED);
	if (![INVOICE_BY_DELIVERED, INVOICE_BY_ORDERED].includes(mode)) throw badRequest(`InvoiceMode ${mode} is not valid: use 0 (by quantity delivered) or 1 (by quantity ordered)`);
	if (Number(input.CreateMode ?? 1) !== 1) throw badRequest('CreateMode 0 (one invoice per customer) is not simulated: use 1 (one invoice per sales order)');
	const ids = Array.isArray(input.SalesOrderIDs) ? (input.SalesOrderIDs as Array<{ ID?: unknown }>).map((o) => String(o?.ID ?? '')) : [];
	if (ids.length === 0) throw badRequest('Mandatory: SalesOrderIDs');
	const errors: string[] = [];
	let created = 0;
	for (const id of ids) {
		const order = ctx.store.get('SalesOrders', ctx.division, id);
		if (!order) {
			errors.push(`Sales order not found: ${id}`);
			continue;
		}
		const locked = Number(order.Status) === 45 ? orderLockReason(order) : undefined;
		const lines = linesFor(ctx, ENTITY_SETS.SalesOrders, String(order.OrderID))
			.sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber))
			.map((line) => ({ line, quantity: toInvoice(line, mode) }))
			.filter((entry) => entry.quantity > 0);
		if (locked || lines.length === 0) {
			errors.push(locked ?? `Sales order ${order.OrderNumber}: nothing to invoice`);
			continue;
		}
		createRecord(
			'SalesInvoices',
			{
				OrderedBy: order.OrderedBy,
				InvoiceTo: order.InvoiceTo ?? order.OrderedBy,
				DeliverTo: order.DeliverTo ?? order.OrderedBy,
				Journal: journal,
				YourRef: order.YourRef ?? null,
				Description: order.Description ?? null,
				OrderNumber: order.OrderNumber,
				OrderDate: order.OrderDate ?? null,
				PaymentCondition: order.PaymentCondition ?? null,
				SalesInvoiceLines: lines.map(({ line, quantity }) => ({
					Item: line.Item,
					Description: line.Description ?? null,
					Quantity: quantity,
					UnitPrice: line.UnitPrice ?? 0,
					Discount: line.Discount ?? 0,
					VATCode: line.VATCode ?? null,
					Notes: line.Notes ?? null,
					SalesOrder: order.OrderID,
					SalesOrderLine: line.ID,
					SalesOrderNumber: order.OrderNumber,
					SalesOrderLineNumber: line.LineNumber,
				})),
			},
			ctx,
		);
		for (const { line, quantity } of lines) {
			const invoiced = Math.round((Number(line.QuantityInvoiced ?? 0) + quantity) * 10_000) / 10_000;
			updateRecord('SalesOrderLines', String(line.ID), { QuantityInvoiced: invoiced }, { ...ctx, validate: false });
		}
		created++;
	}
	return {
		ID: randomUUID(),
		Division: ctx.division,
		CreateMode: 1,
		InvoiceMode: mode,
		JournalCode: journal,
		NumberOfCreatedInvoices: created,
		NumberOfFailedInvoices: ids.length - created,
		Errors: errors.length ? errors.join('; ') : null,
	};
}

export function runAction(
	action: 'acceptQuotation' | 'rejectQuotation' | 'printSalesInvoice' | 'invoiceSalesOrders',
	input: WriteBody,
	ctx: WriteContext,
): ExactRecord {
	switch (action) {
		case 'invoiceSalesOrders':
			return invoiceSalesOrders(input, ctx);
		case 'acceptQuotation':
			return closeQuotation(input, ctx, 50);
		case 'rejectQuotation':
			return closeQuotation(input, ctx, 5);
		case 'printSalesInvoice':
			return printSalesInvoice(input, ctx);
	}
}

