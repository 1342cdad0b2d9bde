/**
 * The OutSmart master-data entities this node reads and upserts: endpoint, identifying key, the fields a user
 * can send and how their values are written. Field lists and keys follow OutSmart's Open API v8 documentation
 * (shared/reference/outsmart-api.md and the OpenAPI export); DeleteEntity keys follow its "Allowed keys" table.
 */
import type { OutSmartRecordEndpoint } from './transport';

/**
 * How a value is written and read:
 * - text: as is;
 * - commaAmount: decimal comma ("12,50"; materials);
 * - pointAmount: decimal point ("65.00"; hour types, price lists);
 * - flag: "1" / "0";
 * - int: a whole number ("240");
 * - float: a number with a point, null when empty (coordinates);
 * - date: Y-m-d ("2026-11-27"; projects, price lists, warehouses).
 */
export type ValueKind = 'text' | 'commaAmount' | 'pointAmount' | 'flag' | 'int' | 'float' | 'date';

export interface EntityField {
	name: string;
	displayName: string;
	kind: ValueKind;
	/** OutSmart refuses a record without it. */
	required?: boolean;
}

export interface OutSmartEntity {
	/** The node's resource value, e.g. "relation". */
	resource: string;
	/** Singular, lower case, for messages: "relation", "hour type". */
	label: string;
	/** Title case, for the UI: "Relation". */
	displayName: string;
	endpoint: OutSmartRecordEndpoint;
	/** Fields that identify a record for OutSmart's insert-or-update (joined with "|" when several). */
	key: string[];
	/** Key fields that must be filled (prices: only the start date; material, hour type, debtor may be empty). */
	requiredKey: string[];
	fields: EntityField[];
	/** DeleteEntity: OutSmart's entity name and the key this node deletes by. */
	delete?: { entity: string; key: string; keyDisplayName: string };
	/**
	 * A link entity whose upsert can replace the other links of the same record (Only This Link): the key field
	 * they share, which is also the DeleteEntity key that clears them all.
	 */
	replaceable?: { by: string; displayName: string; description: string };
}

const text = (name: string, displayName: string, required = false): EntityField => ({ name, displayName, kind: 'text', required });
const typed = (name: string, displayName: string, kind: ValueKind, required = false): EntityField => ({ name, displayName, kind, required });

export const RELATION: OutSmartEntity = {
	resource: 'relation',
	label: 'relation',
	displayName: 'Relation',
	endpoint: 'relations',
	key: ['debtor_number'],
	requiredKey: ['debtor_number'],
	fields: [
		text('debtor_number', 'Debtor Number', true),
		text('name', 'Name', true),
		text('contact', 'Contact'),
		text('phone_number', 'Phone Number'),
		text('email', 'Email'),
		text('email_workorder', 'Email for Work Orders'),
		text('street', 'Street', true),
		text('house_number', 'House Number'),
		text('postal_code', 'Postal Code', true),
		text('city', 'City', true),
		text('remark', 'Remark'),
		typed('latitude', 'Latitude', 'float'),
		typed('longitude', 'Longitude', 'float'),
		// In the POST body schema and example of OutSmart's OpenAPI export (not in its parameter table).
		text('mobile', 'Mobile'),
		text('country', 'Country'),
		text('kvk_number', 'Chamber of Commerce Number'),
		text('vat_number', 'VAT Number'),
		text('debtor_type', 'Debtor Type'),
		typed('active', 'Active', 'flag'),
	],
	delete: { entity: 'relation', key: 'debtor_number', keyDisplayName: 'Debtor Number' },
};

export const MATERIAL: OutSmartEntity = {
	resource: 'material',
	label: 'material',
	displayName: 'Material',
	endpoint: 'materials',
	key: ['code'],
	requiredKey: ['code'],
	fields: [
		text('code', 'Code', true),
		text('description', 'Description', true),
		typed('price', 'Price', 'commaAmount', true),
		text('unit', 'Unit', true),
		text('eancode', 'EAN Code'),
		text('barcode', 'Barcode'),
		text('note', 'Note'),
		text('vat_code', 'VAT Code'),
		text('freefield1', 'Free Field 1'),
		text('freefield2', 'Free Field 2'),
		text('freefield3', 'Free Field 3'),
		text('freefield4', 'Free Field 4'),
		text('freefield5', 'Free Field 5'),
	],
	delete: { entity: 'material', key: 'code', keyDisplayName: 'Code' },
};

export const HOUR_TYPE: OutSmartEntity = {
	resource: 'hourType',
	label: 'hour type',
	displayName: 'Hour Type',
	endpoint: 'hourtypes',
	key: ['code'],
	requiredKey: ['code'],
	fields: [
		text('code', 'Code', true),
		text('name', 'Name', true),
		typed('cost_booking', 'Cost Booking', 'flag', true),
		typed('sale_booking', 'Sale Booking', 'flag', true),
		typed('sale_price', 'Sale Price', 'pointAmount', true),
		typed('cost_price', 'Cost Price', 'pointAmount'),
		typed('active', 'Active', 'flag'),
	],
	delete: { entity: 'hourtype', key: 'code', keyDisplayName: 'Code' },
};

export const PROJECT: OutSmartEntity = {
	resource: 'project',
	label: 'project',
	displayName: 'Project',
	endpoint: 'projects',
	key: ['code'],
	requiredKey: ['code'],
	fields: [
		text('code', 'Code', true),
		text('code_ext', 'External Code'),
		text('debtor_number', 'Debtor Number', true),
		text('adr_code', 'Address Code'),
		text('cpn_code', 'Contact Person Code'),
		text('debtor_number_invoice', 'Invoice Debtor Number'),
		text('status', 'Status', true),
		text('name', 'Name', true),
		text('description', 'Description'),
		typed('progress', 'Progress', 'int'),
		typed('date_start', 'Start Date', 'date', true),
		typed('date_end', 'End Date', 'date'),
		typed('active', 'Active', 'flag'),
	],
	delete: { entity: 'project', key: 'code', keyDisplayName: 'Code' },
};

export const EMPLOYEE: OutSmartEntity = {
	resource: 'employee',
	label: 'employee',
	displayName: 'Employee',
	endpoint: 'employees',
	key: ['number'],
	requiredKey: ['number'],
	fields: [
		text('number', 'Number', true),
		text('firstname', 'First Name', true),
		text('lastname', 'Last Name', true),
		typed('active', 'Active', 'flag'),
	],
	delete: { entity: 'employee', key: 'number', keyDisplayName: 'Number' },
};

export const PAYMENT_METHOD: OutSmartEntity = {
	resource: 'paymentMethod',
	label: 'payment method',
	displayName: 'Payment Method',
	endpoint: 'paymentmethods',
	key: ['pmd_description'],
	requiredKey: ['pmd_description'],
	fields: [text('pmd_description', 'Description', true)],
};

export const WAREHOUSE: OutSmartEntity = {
	resource: 'warehouse',
	label: 'warehouse',
	displayName: 'Warehouse',
	endpoint: 'warehouses',
	key: ['wse_code'],
	requiredKey: ['wse_code'],
	fields: [
		text('wse_code', 'Code', true),
		text('wse_description', 'Description', true),
		text('wse_wse_code', 'Parent Warehouse Code'),
		text('wse_type', 'Type'),
		text('wse_employee_nr', 'Employee Number'),
		text('wse_external_id', 'External ID'),
		text('wse_order_message', 'Order Message'),
		text('wse_image', 'Image'),
		typed('wse_date_start', 'Start Date', 'date'),
		typed('wse_date_end', 'End Date', 'date'),
		typed('wse_date_certification', 'Certification Date', 'date'),
		text('wse_supplier', 'Supplier'),
		text('wse_remark', 'Remark'),
	],
};

export const PRICE: OutSmartEntity = {
	resource: 'price',
	label: 'price',
	displayName: 'Price',
	endpoint: 'prices',
	key: ['material', 'hourtype', 'debtornr', 'date_start'],
	requiredKey: ['date_start'],
	fields: [
		text('material', 'Material Code'),
		text('hourtype', 'Hour Type Code'),
		text('debtornr', 'Debtor Number'),
		typed('date_start', 'Start Date', 'date', true),
		typed('date_end', 'End Date', 'date'),
		typed('price', 'Price', 'pointAmount', true),
	],
};

export const WORK_STATUS: OutSmartEntity = {
	resource: 'workStatus',
	label: 'work status',
	displayName: 'Work Status',
	endpoint: 'workstatusses',
	key: ['sta_code'],
	requiredKey: ['sta_code'],
	fields: [text('sta_code', 'Code', true), text('sta_name', 'Name', true)],
};

export const WORK_TYPE: OutSmartEntity = {
	resource: 'workType',
	label: 'work type',
	displayName: 'Work Type',
	endpoint: 'worktypes',
	key: ['wrt_name'],
	requiredKey: ['wrt_name'],
	fields: [
		text('wrt_name', 'Name', true),
		text('wrt_description', 'Description', true),
		typed('wrt_default_minutes', 'Default Minutes', 'int', true),
		typed('wrt_active', 'Active', 'flag', true),
	],
};

/**
 * Material categories as OutSmart's material catalogue shows them (its "categories" endpoint, cat_*): one per
 * Exact item group. cat_display is required by OutSmart ("1": shown to the technician).
 */
export const CATEGORY: OutSmartEntity = {
	resource: 'category',
	label: 'material category',
	displayName: 'Material Category',
	endpoint: 'categories',
	key: ['cat_code'],
	requiredKey: ['cat_code'],
	fields: [
		text('cat_code', 'Code', true),
		text('cat_name', 'Name', true),
		typed('cat_display', 'Display', 'flag', true),
		text('cat_cat_code', 'Parent Category Code'),
		text('cat_image', 'Image URL'),
	],
	delete: { entity: 'category', key: 'code', keyDisplayName: 'Code' },
};

/** Which material is in which category (material_categories: mct_mat_code + mct_cat_code, both the key). */
export const MATERIAL_IN_CATEGORY: OutSmartEntity = {
	resource: 'materialCategory',
	label: 'material in category',
	displayName: 'Material in Category',
	endpoint: 'material_categories',
	key: ['mct_mat_code', 'mct_cat_code'],
	requiredKey: ['mct_mat_code', 'mct_cat_code'],
	fields: [text('mct_mat_code', 'Material Code', true), text('mct_cat_code', 'Category Code', true)],
	// DeleteEntity by material code: takes the material out of all its categories.
	delete: { entity: 'material_category', key: 'mct_mat_code', keyDisplayName: 'Material Code' },
	replaceable: {
		by: 'mct_mat_code',
		displayName: 'Only in This Category',
		description:
			"Whether a material put in a category is first taken out of the other categories it is in (one extra OutSmart call per material that moves), so that a material whose Exact item group changed is only in its new group's category. Off: links are only added.",
	},
};

/** In the order the resource dropdown shows them (alphabetical, as n8n's lint wants). */
/** Contact persons of a relation; OutSmart knows them by a code of the caller's choosing. */
export const CONTACT_PERSON: OutSmartEntity = {
	resource: 'contactPerson',
	label: 'contact person',
	displayName: 'Contact Person',
	endpoint: 'contactpersons',
	key: ['cpn_code'],
	requiredKey: ['cpn_code'],
	fields: [
		text('cpn_code', 'Code', true),
		text('cpn_debtor_nr', 'Debtor Number', true),
		text('cpn_name', 'Name', true),
		text('cpn_phone', 'Phone'),
		text('cpn_email', 'Email'),
	],
	delete: { entity: 'contactperson', key: 'code', keyDisplayName: 'Code' },
};

export const ENTITIES: readonly OutSmartEntity[] = [
	CATEGORY,
	CONTACT_PERSON,
	EMPLOYEE,
	HOUR_TYPE,
	MATERIAL,
	MATERIAL_IN_CATEGORY,
	PAYMENT_METHOD,
	PRICE,
	PROJECT,
	RELATION,
	WAREHOUSE,
	WORK_STATUS,
	WORK_TYPE,
];

export function fieldOf(entity: OutSmartEntity, name: string): EntityField | undefined {
	return entity.fields.find((field) => field.name === name);
}
