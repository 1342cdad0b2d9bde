/**
 * Exact master data -> OutSmart records, as OutSmart's POST (insert or update by code) expects them:
 * strings, "0"/"1" flags, decimal commas for material prices and points for hour-type prices. Pure functions;
 * they take clean Exact records (trimmed codes, ISO dates) as our Exact nodes output them.
 */
import type { IDataObject } from 'n8n-workflow';
import { formatAmount, formatPointAmount } from '../shared/formats';
import { splitAddressLine } from './address';
import { flag, hasEnded, missingFields, text, truthy } from './values';


export interface Mapped {
	/** The OutSmart record. */
	record: IDataObject;
	/** OutSmart's required fields that are empty: the record cannot be sent as it is. */
	missing: string[];
}

export const RELATION_REQUIRED = ['name', 'debtor_number', 'street', 'postal_code', 'city'];
export const MATERIAL_REQUIRED = ['code', 'description', 'price', 'unit'];
export const CONTACT_PERSON_REQUIRED = ['cpn_code', 'cpn_debtor_nr', 'cpn_name'];
export const HOUR_TYPE_REQUIRED = ['code', 'name', 'cost_booking', 'sale_booking', 'sale_price'];

function mapped(record: IDataObject, required: string[]): Mapped {
	return { record, missing: missingFields(record, required) };
}

/** OutSmart shows the country as a name ("Nederland" in its own examples); Exact gives the ISO code. */
const COUNTRY_NAMES: Record<string, string> = {
	NL: 'Nederland',
	BE: 'België',
	DE: 'Duitsland',
	FR: 'Frankrijk',
	ES: 'Spanje',
	LU: 'Luxemburg',
	GB: 'Verenigd Koninkrijk',
	US: 'Verenigde Staten',
};

/** Exact's relation type (Status C/P/S/A, IsSupplier) in OutSmart's words ("Klant" in its examples). */
function debtorType(account: IDataObject): string {
	const byStatus: Record<string, string> = { C: 'Klant', P: 'Prospect', S: 'Suspect' };
	return byStatus[text(account.Status)] ?? (truthy(account.IsSupplier) ? 'Leverancier' : '');
}

/**
 * An Exact account (with its main contact's name, if known) -> an OutSmart relation. A blocked or ended
 * account becomes an inactive relation (`inactive` says so, for callers that must not create it).
 */
export function accountToRelation(account: IDataObject, options: { contactName?: string; now?: Date } = {}): Mapped & { inactive: boolean } {
	const { street, houseNumber } = splitAddressLine(text(account.AddressLine1));
	const email = text(account.Email);
	const country = text(account.Country).toUpperCase();
	const inactive = truthy(account.Blocked) || hasEnded(account, options.now ?? new Date());
	return {
		...mapped(
			{
				debtor_number: text(account.Code),
				name: text(account.Name),
				street,
				house_number: houseNumber,
				postal_code: text(account.Postcode),
				city: text(account.City),
				country: COUNTRY_NAMES[country] ?? country,
				email,
				email_workorder: email,
				phone_number: text(account.Phone),
				contact: text(options.contactName),
				vat_number: text(account.VATNumber),
				kvk_number: text(account.ChamberOfCommerce),
				debtor_type: debtorType(account),
				active: flag(!inactive),
			},
			RELATION_REQUIRED,
		),
		inactive,
	};
}

/** A relation that Exact deleted: OutSmart keeps it (work orders refer to it), inactive. */
export function deactivatedRelation(code: string): IDataObject {
	return { debtor_number: text(code), active: flag(false) };
}

/** What a customer's payment data looks like to the payment-data flow (the Payment node's Customer Balance). */
export interface CustomerPaymentData {
	AccountCode: string;
	PaymentConditionDescription?: string | null;
	PaymentCondition?: string | null;
	OpenAmount: number;
	OverdueAmount: number;
	OpenInvoices: number;
}

const euro = (amount: number) => `€ ${formatAmount(amount, { thousands: true })}`;

/**
 * The payment data a technician needs, as the text of the relation's remark (the one relation field OutSmart
 * shows on the work order that its API lets us write):
 *   Betalingsconditie: 14 dagen netto
 *   Openstaand volgens Exact: € 1.234,50 (2 facturen, waarvan € 200,00 vervallen)
 * A customer who paid everything gets "Openstaand volgens Exact: niets", which replaces an earlier amount.
 * No date in it, so the text only changes when the payment data does.
 */
export function paymentRemark(data: CustomerPaymentData): string {
	const condition = text(data.PaymentConditionDescription) || text(data.PaymentCondition);
	const invoices = `${data.OpenInvoices} ${data.OpenInvoices === 1 ? 'factuur' : 'facturen'}`;
	const open =
		data.OpenInvoices === 0 && data.OpenAmount === 0
			? 'niets'
			: `${euro(data.OpenAmount)} (${invoices}${data.OverdueAmount > 0 ? `, waarvan ${euro(data.OverdueAmount)} vervallen` : ''})`;
	return [condition ? `Betalingsconditie: ${condition}` : '', `Openstaand volgens Exact: ${open}`].filter(Boolean).join('\n');
}

/** A customer's payment data -> an update of its OutSmart relation's remark (never a new relation). */
export function paymentDataToRelation(data: CustomerPaymentData): IDataObject {
	return { debtor_number: text(data.AccountCode), remark: paymentRemark(data) };
}

/** An hour type whose time item Exact deleted: inactive, the rest as OutSmart has it. */
export function deactivatedHourType(code: string): IDataObject {
	return { code: text(code), active: flag(false) };
}

/** What OutSmart shows in front of a material that Exact no longer sells (OutSmart has no inactive flag for it). */
export const ENDED_MATERIAL_PREFIX = '[VERVALLEN] ';

/** A material description with ENDED_MATERIAL_PREFIX in front, once. */
export function endedMaterialDescription(description: string): string {
	const plain = text(description);
	return plain.startsWith(ENDED_MATERIAL_PREFIX.trim()) ? plain : `${ENDED_MATERIAL_PREFIX}${plain}`;
}

/**
 * An Exact sales item -> an OutSmart material. `price` overrides the item's standard sales price. An item
 * past its end date keeps its code but gets ENDED_MATERIAL_PREFIX, so technicians stop picking it.
 */
export function itemToMaterial(item: IDataObject, options: { price?: number; now?: Date } = {}): Mapped & { inactive: boolean } {
	const price = options.price ?? Number(item.StandardSalesPrice ?? 0);
	const ended = hasEnded(item, options.now ?? new Date());
	const description = text(item.Description);
	const material = mapped(
		{
			code: text(item.Code),
			description: ended && description ? endedMaterialDescription(description) : description,
			price: formatAmount(Number.isFinite(price) ? price : 0),
			unit: text(item.Unit) || 'stuk',
			eancode: text(item.Barcode),
			vat_code: text(item.SalesVatCode),
		},
		MATERIAL_REQUIRED,
	);
	return { ...material, inactive: ended };
}

/** An Exact time item (IsTime) -> an OutSmart hour type: sold and costed as hours. */
export function timeItemToHourType(item: IDataObject, options: { price?: number; now?: Date } = {}): Mapped & { inactive: boolean } {
	const salePrice = options.price ?? Number(item.StandardSalesPrice ?? 0);
	const costPrice = Number(item.CostPriceStandard ?? 0);
	const inactive = hasEnded(item, options.now ?? new Date());
	const hourType = mapped(
		{
			code: text(item.Code),
			name: text(item.Description),
			sale_price: formatPointAmount(Number.isFinite(salePrice) ? salePrice : 0),
			cost_price: formatPointAmount(Number.isFinite(costPrice) ? costPrice : 0),
			// Hours are both sold to the customer and booked as cost in OutSmart.
			sale_booking: '1',
			cost_booking: '1',
			active: flag(!inactive),
		},
		HOUR_TYPE_REQUIRED,
	);
	return { ...hourType, inactive };
}

/** An Exact payment condition -> an OutSmart payment method, which OutSmart knows by its description. */
export function paymentConditionToPaymentMethod(condition: IDataObject): Mapped {
	const days = Number(condition.PaymentDays);
	const description = text(condition.Description) || (Number.isFinite(days) ? `${days} dagen` : text(condition.Code));
	return mapped({ pmd_description: description }, ['pmd_description']);
}

/**
 * An Exact contact (with its account's code, which Exact's contact records do not carry) -> an OutSmart
 * contact person. Exact contacts have no code of their own that users maintain, so the Exact ID is the key:
 * stable, unique, and the same on every run.
 */
export function contactToContactPerson(contact: IDataObject, accountCode: string): Mapped {
	return mapped(
		{
			cpn_code: text(contact.ID),
			cpn_debtor_nr: text(accountCode),
			cpn_name: text(contact.FullName) || [text(contact.FirstName), text(contact.LastName)].filter(Boolean).join(' '),
			cpn_phone: text(contact.BusinessPhone) || text(contact.Phone) || text(contact.BusinessMobile) || text(contact.Mobile),
			cpn_email: text(contact.BusinessEmail) || text(contact.Email),
		},
		CONTACT_PERSON_REQUIRED,
	);
}
