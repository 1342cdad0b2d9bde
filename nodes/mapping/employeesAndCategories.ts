/**
 * Exact employees and item groups -> OutSmart employees and material categories, and an item's group -> the
 * link of its OutSmart material to that category. Pure functions on clean Exact records (as our nodes output
 * them), giving records as OutSmart's POST (insert or update by key) expects them.
 */
import type { IDataObject } from 'n8n-workflow';
import type { Mapped } from './masterData';
import { flag, hasEnded, missingFields, text, truthy } from './values';

export const EMPLOYEE_REQUIRED = ['number', 'firstname', 'lastname'];
export const CATEGORY_REQUIRED = ['cat_code', 'cat_name', 'cat_display'];
export const MATERIAL_IN_CATEGORY_REQUIRED = ['mct_mat_code', 'mct_cat_code'];

/**
 * An Exact employee -> an OutSmart employee, known by number (the Exact employee code). OutSmart has only
 * first and last name: the Dutch tussenvoegsel ("de") goes in front of the last name, as planners read it.
 * One who left (not active, or past the end date) is an inactive employee: `inactive` says so, for callers
 * that must not create one.
 */
export function employeeToOutSmartEmployee(employee: IDataObject, options: { now?: Date } = {}): Mapped & { inactive: boolean } {
	const inactive = employee.IsActive === false || hasEnded(employee, options.now ?? new Date());
	const record = {
		number: text(employee.Code) || text(employee.HID),
		firstname: text(employee.FirstName) || text(employee.Initials),
		lastname: [text(employee.MiddleName), text(employee.LastName)].filter(Boolean).join(' '),
		active: flag(!inactive),
	};
	return { record, missing: missingFields(record, EMPLOYEE_REQUIRED), inactive };
}

/** An Exact item group -> an OutSmart material category with the same code, shown in the app. */
export function itemGroupToCategory(group: IDataObject): Mapped {
	const record = {
		cat_code: text(group.Code),
		cat_name: text(group.Description) || text(group.Code),
		cat_display: flag(true),
	};
	return { record, missing: missingFields(record, CATEGORY_REQUIRED) };
}

/**
 * An Exact item -> the link of its OutSmart material (same code) to the category of its item group, or
 * undefined for an item without a group. A time item is an hour type in OutSmart, not a material: no link.
 */
export function itemToMaterialInCategory(item: IDataObject): Mapped | undefined {
	const group = text(item.ItemGroupCode);
	if (!group || truthy(item.IsTime)) return undefined;
	const record = { mct_mat_code: text(item.Code), mct_cat_code: group };
	return { record, missing: missingFields(record, MATERIAL_IN_CATEGORY_REQUIRED) };
}
