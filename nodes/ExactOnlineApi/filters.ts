/**
 * Filter conditions a user builds in the UI (field, operator, value, type) become one escaped OData
 * `$filter`. Values are always typed literals from odata.ts, so a quote in a value can never break out.
 */
import { padAccountCode } from './codes';
import {
	andFilters,
	odataBoolean,
	odataContains,
	odataDateTime,
	odataGuid,
	odataInt64,
	odataNumber,
	odataString,
	ODataLiteralError,
} from './odata';

export type ConditionOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'contains' | 'startsWith';
export type ConditionValueType = 'string' | 'number' | 'int64' | 'guid' | 'datetime' | 'boolean' | 'accountCode';

export interface FilterCondition {
	field: string;
	operator: ConditionOperator;
	value: string | number | boolean;
	valueType: ConditionValueType;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_/]*$/;

export function literal(value: string | number | boolean, valueType: ConditionValueType): string {
	switch (valueType) {
		case 'number': {
			const number = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
			return odataNumber(number);
		}
		case 'int64':
			return odataInt64(value as string | number);
		case 'guid':
			return odataGuid(String(value));
		case 'datetime':
			return odataDateTime(String(value));
		case 'boolean':
			return odataBoolean(value === true || String(value).toLowerCase() === 'true');
		case 'accountCode':
			return odataString(padAccountCode(String(value)));
		default:
			return odataString(String(value));
	}
}

export function conditionToFilter(condition: FilterCondition): string {
	const field = condition.field.trim();
	if (!FIELD.test(field)) {
		throw new ODataLiteralError(`"${condition.field}" is not a field name: use Exact's field name, e.g. Name or Modified`);
	}
	if (condition.operator === 'contains') return odataContains(field, String(condition.value));
	if (condition.operator === 'startsWith') {
		return `startswith(${field},${odataString(String(condition.value))}) eq true`;
	}
	return `${field} ${condition.operator} ${literal(condition.value, condition.valueType)}`;
}

export function buildFilter(conditions: FilterCondition[], rawFilter?: string): string | undefined {
	return andFilters(...conditions.map(conditionToFilter), rawFilter?.trim() || undefined);
}
