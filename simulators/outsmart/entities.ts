/**
 * The master-data entities of the fake OutSmart: endpoint, upsert key, required fields, value types and the
 * error codes of each. Sources, all in outsmart-openapi-v8.json:
 * - the code table in the description ("## Response"): 1100/1101 employee, 1200/1201 material, 1300/1301 relation,
 *   1700/1701 project, 1800/1801 hour type, 1900/1901 object, 2000/2001 supplier, 2300/2301 form,
 *   2400/2401 category, 2500/2501 material category, 2600/2601 worktype, 2700/2701 payment method,
 *   2800/2801 workstatus;
 * - the "Required value missing" examples per endpoint: e.g. relations -> 1301 "Required field missing: name";
 *   priorities, errors, solutions, regions, vehicles and material_types answer 1051 (not in the table);
 *   the workstatusses example answers 2501 although the table says 2800/2801 (we follow the table);
 * - the parameter tables (Required Y/N) per endpoint; "addresses"/"contactpersons" name their unique key.
 * Entities without a documented code (addresses, contactpersons, prices, warehouses, time sheets) use 1051.
 */

export type FieldType =
	| 'comma' // decimal stored as number, written with a decimal comma ("4,55")
	| 'point' // decimal stored as number, written with a decimal point ("50.00")
	| 'flag' // "0" / "1"
	| 'int'
	| 'float' // coordinates; null allowed
	| 'date'; // Y-m-d (projects, prices); d-m-Y accepted on input

export interface EntityDef {
	/** Endpoint under /openapi/8/. */
	endpoint: string;
	/** Fields that identify a record for insert-or-update; null = always insert. */
	key: string[] | null;
	required: string[];
	/** Output columns in OutSmart's order; posted extra fields follow them. */
	columns: string[];
	/** Output value of a column that was never posted (default ''). */
	defaults?: Record<string, string | null>;
	types?: Record<string, FieldType>;
	/** Fields that are Text (64kb) rather than Varchar(255). */
	text?: string[];
	/** "insert or update failed" code. */
	failCode: number;
	/** "required field missing" code. */
	missingCode: number;
	/** Code for a value that cannot be parsed (default failCode). */
	parseCode?: number;
	/** Singular GET-by-filter endpoint (`category?key=..&value=..`). */
	filterEndpoint?: string;
	/** DeleteEntity: entity name and allowed keys -> field (`db_row` is the internal row id). */
	deleteEntity?: string;
	deleteKeys?: Record<string, string>;
}

const lookup = (endpoint: string, deleteEntity?: string): EntityDef => ({
	endpoint,
	key: ['code'],
	required: ['code', 'description'],
	columns: ['code', 'description', 'app_enabled'],
	defaults: { app_enabled: '0' },
	types: { app_enabled: 'flag' },
	failCode: 1051,
	missingCode: 1051,
	deleteEntity,
	deleteKeys: deleteEntity ? { code: 'code' } : undefined,
});

export const ENTITIES: readonly EntityDef[] = [
	{
		endpoint: 'relations',
		key: ['debtor_number'],
		required: ['name', 'debtor_number', 'street', 'postal_code', 'city'],
		columns: [
			'name',
			'debtor_number',
			'contact',
			'phone_number',
			'email',
			'email_workorder',
			'street',
			'house_number',
			'postal_code',
			'city',
			'remark',
			'latitude',
			'longitude',
			// The export also shows these (POST body schema and example of the OpenAPI export).
			'mobile',
			'country',
			'kvk_number',
			'vat_number',
			'debtor_type',
			'active',
		],
		defaults: { latitude: null, longitude: null, active: '1' },
		types: { latitude: 'float', longitude: 'float', active: 'flag' },
		text: ['remark'],
		failCode: 1300,
		missingCode: 1301,
		deleteEntity: 'relation',
		deleteKeys: { db_row: 'db_row', name: 'name', debtor_number: 'debtor_number' },
	},
	{
		endpoint: 'materials',
		key: ['code'],
		required: ['code', 'description', 'price', 'unit'],
		columns: [
			'code',
			'description',
			'price',
			'unit',
			'eancode',
			'barcode',
			'freefield1',
			'freefield2',
			'freefield3',
			'freefield4',
			'freefield5',
		],
		defaults: { freefield1: null, freefield2: null, freefield3: null, freefield4: null, freefield5: null },
		types: { price: 'comma' },
		text: ['description', 'note'],
		failCode: 1200,
		missingCode: 1201,
		deleteEntity: 'material',
		deleteKeys: { db_row: 'db_row', code: 'code', description: 'description' },
	},
	{
		endpoint: 'hourtypes',
		key: ['code'],
		required: ['code', 'name', 'cost_booking', 'sale_booking', 'sale_price'],
		columns: ['code', 'name', 'cost_booking', 'sale_booking', 'sale_price', 'cost_price', 'active'],
		defaults: { cost_price: '0.00', active: '1' },
		types: { cost_booking: 'flag', sale_booking: 'flag', active: 'flag', sale_price: 'point', cost_price: 'point' },
		failCode: 1800,
		missingCode: 1801,
		parseCode: 1801,
		deleteEntity: 'hourtype',
		deleteKeys: { code: 'code' },
	},
	{
		endpoint: 'projects',
		key: ['code'],
		required: ['code', 'debtor_number', 'status', 'name', 'date_start'],
		columns: [
			'code',
			'code_ext',
			'debtor_number',
			'adr_code',
			'cpn_code',
			'debtor_number_invoice',
			'status',
			'name',
			'description',
			'progress',
			'date_start',
			'date_end',
			'active',
		],
		defaults: { debtor_number_invoice: null, date_end: null, progress: '0', active: '1' },
		types: { progress: 'int', date_start: 'date', date_end: 'date', active: 'flag' },
		text: ['description'],
		failCode: 1700,
		missingCode: 1701,
		parseCode: 1701,
		deleteEntity: 'project',
		deleteKeys: { code: 'code' },
	},
	{
		endpoint: 'employees',
		key: ['number'],
		required: ['firstname', 'lastname', 'number'],
		columns: ['firstname', 'lastname', 'number', 'active'],
		defaults: { active: '1' },
		types: { active: 'flag' },
		failCode: 1100,
		missingCode: 1101,
		deleteEntity: 'employee',
		deleteKeys: { db_row: 'db_row', number: 'number' },
	},
	{
		endpoint: 'worktypes',
		key: ['wrt_name'],
		required: ['wrt_name', 'wrt_description', 'wrt_default_minutes', 'wrt_active'],
		columns: ['wrt_name', 'wrt_description', 'wrt_default_minutes', 'wrt_active'],
		types: { wrt_default_minutes: 'int', wrt_active: 'flag' },
		failCode: 2600,
		missingCode: 2601,
	},
	{
		endpoint: 'paymentmethods',
		key: ['pmd_description'],
		required: ['pmd_description'],
		columns: ['pmd_description'],
		failCode: 2700,
		missingCode: 2701,
	},
	{
		endpoint: 'workstatusses',
		key: ['sta_code'],
		required: ['sta_code', 'sta_name'],
		columns: ['sta_code', 'sta_name'],
		failCode: 2800,
		missingCode: 2801,
	},
	lookup('priorities', 'priority'),
	lookup('errors', 'error'),
	lookup('solutions', 'solution'),
	lookup('material_types'),
	{
		endpoint: 'regions',
		key: ['reg_code'],
		required: ['reg_code', 'reg_name'],
		columns: ['reg_code', 'reg_name', 'reg_zip_start', 'reg_zip_end', 'reg_city', 'reg_country'],
		defaults: { reg_zip_start: '0', reg_zip_end: '0' },
		types: { reg_zip_start: 'int', reg_zip_end: 'int' },
		failCode: 1051,
		missingCode: 1051,
		deleteEntity: 'region',
		deleteKeys: { code: 'reg_code' },
	},
	{
		endpoint: 'vehicles',
		key: ['veh_license_plate'],
		required: ['veh_license_plate', 'veh_title'],
		columns: [
			'veh_license_plate',
			'veh_title',
			'veh_image',
			'veh_brand',
			'veh_model',
			'veh_type',
			'veh_driver',
			'veh_driving',
			'veh_active',
		],
		defaults: { veh_driving: '0', veh_active: '1' },
		types: { veh_driving: 'flag', veh_active: 'flag' },
		failCode: 1051,
		missingCode: 1051,
		deleteEntity: 'vehicle',
		deleteKeys: { license_plate: 'veh_license_plate' },
	},
	{
		endpoint: 'warehouses',
		key: ['wse_code'],
		required: ['wse_code', 'wse_description'],
		columns: [
			'wse_code',
			'wse_wse_code',
			'wse_type',
			'wse_image',
			'wse_order_message',
			'wse_employee_nr',
			'wse_description',
			'wse_external_id',
			'wse_date_start',
			'wse_date_end',
			'wse_date_certification',
			'wse_supplier',
			'wse_remark',
		],
		defaults: { wse_date_start: null, wse_date_end: null, wse_date_certification: null, wse_supplier: null },
		failCode: 1051,
		missingCode: 1051,
	},
	{
		endpoint: 'suppliers',
		key: ['sup_code'],
		required: ['sup_code', 'sup_name'],
		columns: ['sup_code', 'sup_name', 'sup_image'],
		failCode: 2000,
		missingCode: 2001,
	},
	{
		endpoint: 'categories',
		key: ['cat_code'],
		required: ['cat_code', 'cat_name', 'cat_display'],
		columns: ['cat_code', 'cat_name', 'cat_display', 'cat_cat_code'],
		types: { cat_display: 'flag' },
		failCode: 2400,
		missingCode: 2401,
		filterEndpoint: 'category',
		deleteEntity: 'category',
		deleteKeys: { code: 'cat_code' },
	},
	{
		endpoint: 'material_categories',
		key: ['mct_mat_code', 'mct_cat_code'],
		required: ['mct_mat_code', 'mct_cat_code'],
		columns: ['mct_mat_code', 'mct_cat_code'],
		failCode: 2500,
		missingCode: 2501,
		deleteEntity: 'material_category',
		deleteKeys: { mct_mat_code: 'mct_mat_code', mct_cat_code: 'mct_cat_code' },
	},
	{
		endpoint: 'addresses',
		key: ['adr_code'],
		required: ['adr_debtor_nr', 'adr_code', 'adr_line_1', 'adr_zip', 'adr_city'],
		columns: [
			'adr_debtor_nr',
			'adr_code',
			'adr_cpn_code',
			'adr_line_1',
			'adr_zip',
			'adr_city',
			'adr_country',
			'adr_remark',
			'adr_latitude',
			'adr_longitude',
		],
		defaults: { adr_latitude: null, adr_longitude: null },
		types: { adr_latitude: 'float', adr_longitude: 'float' },
		failCode: 1051,
		missingCode: 1051,
		filterEndpoint: 'address',
		deleteEntity: 'address',
		deleteKeys: { code: 'adr_code' },
	},
	{
		endpoint: 'contactpersons',
		key: ['cpn_code'],
		required: ['cpn_debtor_nr', 'cpn_code', 'cpn_name'],
		columns: ['cpn_debtor_nr', 'cpn_code', 'cpn_name', 'cpn_phone', 'cpn_email'],
		failCode: 1051,
		missingCode: 1051,
		filterEndpoint: 'contactperson',
		deleteEntity: 'contactperson',
		deleteKeys: { code: 'cpn_code' },
	},
	{
		endpoint: 'prices',
		key: ['material', 'hourtype', 'debtornr', 'date_start'],
		required: ['date_start', 'price'],
		columns: ['material', 'hourtype', 'date_start', 'date_end', 'debtornr', 'price'],
		defaults: { date_end: null },
		types: { price: 'point', date_start: 'date', date_end: 'date' },
		failCode: 1051,
		missingCode: 1051,
	},
	{
		endpoint: 'forms',
		key: ['name'],
		required: ['name'],
		columns: ['name', 'data', 'template'],
		text: ['data'],
		failCode: 2300,
		missingCode: 2301,
	},
	{
		endpoint: 'objects',
		key: ['obj_code'],
		required: ['obj_code', 'obj_debiteur_nummer'],
		columns: ['obj_code', 'obj_sup_code', 'obj_debiteur_nummer', 'obj_adr_code', 'obj_obj_code', 'obj_description'],
		text: ['obj_description'],
		failCode: 1900,
		missingCode: 1901,
		filterEndpoint: 'object',
		deleteEntity: 'object',
		deleteKeys: { code: 'obj_code' },
	},
	// Time sheets: listed for completeness (GET, POST inserts); no key, no documented codes.
	...(['hours', 'travel', 'expenses', 'notes'] as const).map(
		(endpoint): EntityDef => ({
			endpoint,
			key: null,
			required: [],
			columns: [],
			failCode: 1051,
			missingCode: 1051,
		}),
	),
];

export const ENTITY_BY_ENDPOINT: ReadonlyMap<string, EntityDef> = new Map(ENTITIES.map((e) => [e.endpoint, e]));

export const ENTITY_BY_FILTER_ENDPOINT: ReadonlyMap<string, EntityDef> = new Map(
	ENTITIES.filter((e) => e.filterEndpoint).map((e) => [e.filterEndpoint as string, e]),
);

export const ENTITY_BY_DELETE_NAME: ReadonlyMap<string, EntityDef> = new Map(
	ENTITIES.filter((e) => e.deleteEntity).map((e) => [e.deleteEntity as string, e]),
);
