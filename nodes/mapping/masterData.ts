/**
 * Exact master data -> OutSmart records, as OutSmart's POST (insert or update by code) expects them:
 * strings, "0"/"1" flags, decimal commas for material prices and points for hour-type prices. Pure functions;
 * they take clean Exact records (trimmed codes, ISO dates) as our Exact nodes output them.
 */
import type { IDataObject } from 'n8n-workflow';
import { formatAmount, formatPointAmount } from '../OutSmart/transport/formats';
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
export const HOUR_TYPE_REQUIRED = ['code', 'name', 'cost_booking', 'sale_booking', 'sale_price'];

function mapped(record: IDataObject, required: string[]): Mapped {
	return { record, missing: missingFields(record, required) };
}

/** An Exact account (with its main contact's name, if known) -> an OutSmart relation. */
export function accountToRelation(account: IDataObject, options: { contactName?: string; now?: Date } = {}): Mapped {
	const { street, houseNumber } = splitAddressLine(text(account.AddressLine1));
	const email = text(account.Email);
	return mapped(
		{
			debtor_number: text(account.Code),
			name: text(account.Name),
			street,
			house_number: houseNumber,
			postal_code: text(account.Postcode),
			city: text(account.City),
			country: text(account.Country),
			email,
			email_workorder: email,
			phone_number: text(account.Phone),
			contact: text(options.contactName),
			vat_number: text(account.VATNumber),
			kvk_number: text(account.ChamberOfCommerce),
			active: flag(!truthy(account.Blocked) && !hasEnded(account, options.now ?? new Date())),
		},
		RELATION_REQUIRED,
	);
}

/** An Exact sales item -> an OutSmart material. `price` overrides the item's standard sales price. */
export function itemToMaterial(item: IDataObject, options: { price?: number; now?: Date } = {}): Mapped {
	const price = options.price ?? Number(item.StandardSalesPrice ?? 0);
	return mapped(
		{
			code: text(item.Code),
			description: text(item.Description),
			price: formatAmount(Number.isFinite(price) ? price : 0),
			unit: text(item.Unit) || 'stuk',
			eancode: text(item.Barcode),
			barcode: text(item.Barcode),
			vat_code: text(item.SalesVatCode),
			active: flag(!hasEnded(item, options.now ?? new Date())),
		},
		MATERIAL_REQUIRED,
	);
}

/** An Exact time item (IsTime) -> an OutSmart hour type: sold and costed as hours. */
export function timeItemToHourType(item: IDataObject, options: { price?: number; now?: Date } = {}): Mapped {
	const salePrice = options.price ?? Number(item.StandardSalesPrice ?? 0);
	const costPrice = Number(item.CostPriceStandard ?? 0);
	return mapped(
		{
			code: text(item.Code),
			name: text(item.Description),
			sale_price: formatPointAmount(Number.isFinite(salePrice) ? salePrice : 0),
			cost_price: formatPointAmount(Number.isFinite(costPrice) ? costPrice : 0),
			// Hours are both sold to the customer and booked as cost in OutSmart.
			sale_booking: '1',
			cost_booking: '1',
			active: flag(!hasEnded(item, options.now ?? new Date())),
		},
		HOUR_TYPE_REQUIRED,
	);
}

/** An Exact payment condition -> an OutSmart payment method (code and name). */
export function paymentConditionToPaymentMethod(condition: IDataObject): Mapped {
	const days = Number(condition.PaymentDays);
	const description = text(condition.Description) || (Number.isFinite(days) ? `${days} dagen` : text(condition.Code));
	return mapped({ code: text(condition.Code), name: description }, ['code', 'name']);
}
