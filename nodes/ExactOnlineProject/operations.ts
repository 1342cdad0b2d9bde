import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { EMPLOYEE, type ExactEntity, ITEM, PROJECT, PROJECT_PLANNING, TIME_TRANSACTION } from '../ExactOnlineApi/entity/definitions';
import { timeTransactionsFromWorkOrder } from '../ExactOnlineApi/export/timeTransactions';
import { andFilters, odataContains, odataDateTime, odataGuid, odataString } from '../ExactOnlineApi/odata';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { getOperation } from '../ExactOnlineApi/operations/get';
import { getChangesOperation } from '../ExactOnlineApi/operations/getChanges';
import { getManyOperation } from '../ExactOnlineApi/operations/getMany';
import { keyOf, locatorInput, type LocatorInput } from '../ExactOnlineApi/operations/locate';
import { createOperation, toBody } from '../ExactOnlineApi/operations/write';
import type { Operation } from '../shared/router';

interface ProjectFilters {
	account?: string;
	code?: string;
	descriptionContains?: string;
	modifiedSince?: string;
	openOnly?: boolean;
}

export function projectFilter(filters: ProjectFilters, now = new Date()): string | undefined {
	return andFilters(
		filters.code?.trim() ? `Code eq ${odataString(filters.code.trim())}` : undefined,
		filters.account?.trim() ? `Account eq ${odataGuid(filters.account.trim())}` : undefined,
		filters.descriptionContains ? odataContains('Description', filters.descriptionContains) : undefined,
		filters.openOnly ? `(EndDate eq null or EndDate ge ${odataDateTime(now)})` : undefined,
		filters.modifiedSince ? `Modified ge ${odataDateTime(filters.modifiedSince)}` : undefined,
	);
}

interface PlanningFilters {
	employee?: string;
	from?: string;
	modifiedSince?: string;
	project?: string;
	status?: string;
	to?: string;
}

export function planningFilter(filters: PlanningFilters): string | undefined {
	return andFilters(
		filters.project?.trim() ? `Project eq ${odataGuid(filters.project.trim())}` : undefined,
		filters.employee?.trim() ? `Employee eq ${odataGuid(filters.employee.trim())}` : undefined,
		filters.status && filters.status !== 'any' ? `Status eq ${Number(filters.status)}` : undefined,
		filters.from ? `EndDate ge ${odataDateTime(filters.from)}` : undefined,
		filters.to ? `StartDate lt ${odataDateTime(filters.to)}` : undefined,
		filters.modifiedSince ? `Modified ge ${odataDateTime(filters.modifiedSince)}` : undefined,
	);
}

interface TimeFilters {
	employee?: string;
	from?: string;
	notesContain?: string;
	projectCode?: string;
	to?: string;
}

export function timeTransactionFilter(filters: TimeFilters): string | undefined {
	return andFilters(
		filters.projectCode?.trim() ? `ProjectCode eq ${odataString(filters.projectCode.trim())}` : undefined,
		filters.employee?.trim() ? `Employee eq ${odataGuid(filters.employee.trim())}` : undefined,
		filters.from ? `Date ge ${odataDateTime(filters.from)}` : undefined,
		filters.to ? `Date lt ${odataDateTime(filters.to)}` : undefined,
		filters.notesContain ? odataContains('Notes', filters.notesContain) : undefined,
	);
}

/** Create: project, employee and hour type become their IDs (a code costs one look-up each). */
async function timeTransactionBody(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = async (entity: ExactEntity, name: string, what: string) =>
		await keyOf.call(this, entity, locatorInput.call(this, name, itemIndex, { what }) as LocatorInput, itemIndex);
	return {
		Project: await key(PROJECT, 'timeProject', 'project'),
		Employee: await key(EMPLOYEE, 'employee', 'employee'),
		Item: await key(ITEM, 'hourType', 'hour type'),
		Quantity: this.getNodeParameter('quantity', itemIndex) as number,
		...toBody({ Date: this.getNodeParameter('date', itemIndex) as string, ...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) }, [
			'Date',
			'StartTime',
			'EndTime',
		]),
	};
}

export const operations: Record<string, Record<string, Operation>> = {
	project: {
		get: getOperation(PROJECT, 'project'),
		getMany: getManyOperation(
			PROJECT,
			function (itemIndex) {
				return projectFilter(this.getNodeParameter('filters', itemIndex, {}) as ProjectFilters);
			},
			'Code',
		),
		getChanges: getChangesOperation(PROJECT),
		confirmChanges: confirmChangesOperation(PROJECT),
	},
	planning: {
		get: getOperation(PROJECT_PLANNING, 'planningLine'),
		getMany: getManyOperation(
			PROJECT_PLANNING,
			function (itemIndex) {
				return planningFilter(this.getNodeParameter('filters', itemIndex, {}) as PlanningFilters);
			},
			'StartDate',
		),
		getChanges: getChangesOperation(PROJECT_PLANNING),
		confirmChanges: confirmChangesOperation(PROJECT_PLANNING),
	},
	timeTransaction: {
		create: createOperation(TIME_TRANSACTION, timeTransactionBody),
		createFromWorkOrder: timeTransactionsFromWorkOrder,
		getMany: getManyOperation(
			TIME_TRANSACTION,
			function (itemIndex) {
				return timeTransactionFilter(this.getNodeParameter('filters', itemIndex, {}) as TimeFilters);
			},
			'Date',
		),
	},
};
