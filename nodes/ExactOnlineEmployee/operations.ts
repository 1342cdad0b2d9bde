import { EMPLOYEE } from '../ExactOnlineApi/entity/definitions';
import { confirmChangesOperation } from '../ExactOnlineApi/operations/confirmChanges';
import { getOperation } from '../ExactOnlineApi/operations/get';
import { getChangesOperation } from '../ExactOnlineApi/operations/getChanges';
import { getManyOperation } from '../ExactOnlineApi/operations/getMany';
import { andFilters, odataContains, odataDateTime, odataString } from '../ExactOnlineApi/odata';
import type { Operation } from '../shared/router';

interface EmployeeFilters {
	activeOnly?: boolean;
	code?: string;
	modifiedSince?: string;
	nameContains?: string;
}

export function employeeFilter(filters: EmployeeFilters): string | undefined {
	return andFilters(
		filters.activeOnly !== false ? 'IsActive eq true' : undefined,
		filters.code?.trim() ? `Code eq ${odataString(filters.code.trim())}` : undefined,
		filters.nameContains ? odataContains('FullName', filters.nameContains) : undefined,
		filters.modifiedSince ? `Modified ge ${odataDateTime(filters.modifiedSince)}` : undefined,
	);
}

export const operations: Record<string, Operation> = {
	get: getOperation(EMPLOYEE, 'employee'),
	getMany: getManyOperation(
		EMPLOYEE,
		function (itemIndex) {
			return employeeFilter(this.getNodeParameter('filters', itemIndex, {}) as EmployeeFilters);
		},
		'Code',
	),
	getChanges: getChangesOperation(EMPLOYEE),
	confirmChanges: confirmChangesOperation(EMPLOYEE),
};
