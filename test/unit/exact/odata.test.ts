import {
	andFilters,
	odataContains,
	odataDateTime,
	odataGuid,
	odataInt64,
	odataString,
	ODataLiteralError,
	orFilters,
} from '../../../nodes/ExactOnlineApi/odata';
import { buildFilter, conditionToFilter } from '../../../nodes/ExactOnlineApi/filters';
import { padAccountCode, trimPaddedCode } from '../../../nodes/ExactOnlineApi/codes';

describe('OData literals', () => {
	it('doubles quotes in strings', () => {
		expect(odataString("'s-Hertogenbosch")).toBe("'''s-Hertogenbosch'");
		expect(odataString("O'Neill Installaties")).toBe("'O''Neill Installaties'");
		expect(odataString("Bakkerij 't Hoekje")).toBe("'Bakkerij ''t Hoekje'");
	});

	it('types GUIDs and refuses anything else', () => {
		expect(odataGuid(' 3FA85F64-5717-4562-B3FC-2C963F66AFA6 ')).toBe("guid'3fa85f64-5717-4562-b3fc-2c963f66afa6'");
		expect(() => odataGuid("x' or 1 eq 1 or 'a")).toThrow(ODataLiteralError);
	});

	it('suffixes Int64 with L and refuses non-integers', () => {
		expect(odataInt64(123)).toBe('123L');
		expect(odataInt64('99887766554433')).toBe('99887766554433L');
		expect(() => odataInt64('12 or 1')).toThrow(ODataLiteralError);
	});

	it('writes datetimes in Dutch local time without offset', () => {
		expect(odataDateTime('2026-01-31T09:00:00Z')).toBe("datetime'2026-01-31T10:00:00'");
		expect(odataDateTime('2026-07-01T09:00:00Z')).toBe("datetime'2026-07-01T11:00:00'");
		expect(odataDateTime('2026-07-01')).toBe("datetime'2026-07-01T00:00:00'");
	});

	it('joins conditions, bracketing or-groups', () => {
		expect(andFilters("Status eq 'C'", undefined, '', 'Blocked eq false')).toBe("Status eq 'C' and Blocked eq false");
		expect(andFilters(orFilters("Status eq 'C'", "Status eq 'P'")!, 'Blocked eq false')).toBe(
			"(Status eq 'C' or Status eq 'P') and Blocked eq false",
		);
		expect(andFilters()).toBeUndefined();
		expect(odataContains('Name', "'t Hoekje")).toBe("substringof('''t Hoekje',Name) eq true");
	});
});

describe('filter conditions from the UI', () => {
	it('escapes every value and pads account codes', () => {
		expect(
			buildFilter([
				{ field: 'Name', operator: 'eq', value: "O'Neill", valueType: 'string' },
				{ field: 'Code', operator: 'eq', value: '123', valueType: 'accountCode' },
			]),
		).toBe("Name eq 'O''Neill' and Code eq '               123'");
	});

	it('refuses a field name that is not one', () => {
		expect(() =>
			conditionToFilter({ field: "Name eq 'x' or Name", operator: 'eq', value: 'a', valueType: 'string' }),
		).toThrow(/not a field name/);
	});

	it('builds startswith and numbers with a decimal comma', () => {
		expect(conditionToFilter({ field: 'Code', operator: 'startsWith', value: 'CV', valueType: 'string' })).toBe(
			"startswith(Code,'CV') eq true",
		);
		expect(conditionToFilter({ field: 'StandardSalesPrice', operator: 'gt', value: '12,5', valueType: 'number' })).toBe(
			'StandardSalesPrice gt 12.5',
		);
	});
});

describe('account codes', () => {
	it('pads to 18 characters with leading spaces', () => {
		expect(padAccountCode('123')).toBe('               123');
		expect(padAccountCode(' 123 ')).toHaveLength(18);
		expect(padAccountCode('123456789012345678901')).toBe('123456789012345678901');
	});

	it('trims padded values only', () => {
		expect(trimPaddedCode('               123')).toBe('123');
		expect(trimPaddedCode('CV-KETEL-01')).toBe('CV-KETEL-01');
		expect(trimPaddedCode('   ')).toBe('   ');
	});
});
