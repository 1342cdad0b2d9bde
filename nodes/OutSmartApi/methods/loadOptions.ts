/**
 * Dropdown lists read from OutSmart (one call each time a list opens): work statuses, work types, payment
 * methods, employees, hour types. Shared by the OutSmart node and the OutSmart Trigger.
 */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { type OutSmartRecordEndpoint, listRecords } from '../transport';

async function options(
	this: ILoadOptionsFunctions,
	endpoint: OutSmartRecordEndpoint,
	label: (record: IDataObject) => string,
	value: (record: IDataObject) => string,
): Promise<INodePropertyOptions[]> {
	const { records } = await listRecords.call(this, endpoint);
	return records
		.map((record) => ({ name: label(record), value: value(record) }))
		.filter((option) => option.value !== '')
		.sort((a, b) => a.name.localeCompare(b.name));
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

async function workStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options.call(this, 'workstatusses', (r) => `${text(r.sta_name)} (${text(r.sta_code)})`, (r) => text(r.sta_code));
}

export const loadOptions = {
	getWorkStatuses: workStatuses,

	/** Work statuses plus "any", for filters. */
	async getWorkStatusFilter(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return [{ name: 'Any Work Status', value: '' }, ...(await workStatuses.call(this))];
	},

	async getWorkTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options.call(this, 'worktypes', (r) => text(r.wrt_name), (r) => text(r.wrt_name));
	},

	async getPaymentMethods(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options.call(this, 'paymentmethods', (r) => text(r.pmd_description), (r) => text(r.pmd_description));
	},

	async getEmployees(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options.call(
			this,
			'employees',
			(r) => `${[text(r.firstname), text(r.lastname)].filter(Boolean).join(' ')} (${text(r.number)})`,
			(r) => text(r.number),
		);
	},

	async getHourTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options.call(this, 'hourtypes', (r) => `${text(r.name)} (${text(r.code)})`, (r) => text(r.code));
	},
};
