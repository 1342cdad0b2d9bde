import { employeeToOutSmartEmployee, itemGroupToCategory, itemToMaterialInCategory } from '../../../nodes/mapping/employeesAndCategories';

const now = new Date('2026-06-01T12:00:00Z');

describe('employeeToOutSmartEmployee', () => {
	it('numbers the employee by the Exact code and puts the tussenvoegsel with the last name', () => {
		expect(employeeToOutSmartEmployee({ Code: ' 7 ', HID: 7, FirstName: 'Jan', MiddleName: 'de', LastName: 'Vries', IsActive: true }, { now })).toEqual({
			record: { number: '7', firstname: 'Jan', lastname: 'de Vries', active: '1' },
			missing: [],
			inactive: false,
		});
	});

	it('is inactive when Exact says so or the end date has passed, not for a future end date', () => {
		expect(employeeToOutSmartEmployee({ Code: '1', FirstName: 'A', LastName: 'B', IsActive: false }, { now }).inactive).toBe(true);
		expect(employeeToOutSmartEmployee({ Code: '1', FirstName: 'A', LastName: 'B', EndDate: '2026-05-31T00:00:00.000+02:00' }, { now }).record.active).toBe('0');
		expect(employeeToOutSmartEmployee({ Code: '1', FirstName: 'A', LastName: 'B', EndDate: '2026-12-31T00:00:00.000+01:00' }, { now }).inactive).toBe(false);
	});

	it('falls back to the HID and the initials, and names what OutSmart will miss', () => {
		expect(employeeToOutSmartEmployee({ HID: 12, Initials: 'P.', LastName: '' }, { now })).toMatchObject({
			record: { number: '12', firstname: 'P.', lastname: '' },
			missing: ['lastname'],
		});
	});
});

describe('itemGroupToCategory', () => {
	it('keeps the code, names it by the description and shows it', () => {
		expect(itemGroupToCategory({ Code: 'CV', Description: 'Cv-installaties' })).toEqual({ record: { cat_code: 'CV', cat_name: 'Cv-installaties', cat_display: '1' }, missing: [] });
		expect(itemGroupToCategory({ Code: 'X', Description: null }).record.cat_name).toBe('X');
	});
});

describe('itemToMaterialInCategory', () => {
	it("links the material to its item group's category", () => {
		expect(itemToMaterialInCategory({ Code: 'KK-12', ItemGroupCode: 'SANITAIR', IsTime: 0 })).toEqual({ record: { mct_mat_code: 'KK-12', mct_cat_code: 'SANITAIR' }, missing: [] });
	});

	it('has nothing for an item without a group or a time item', () => {
		expect(itemToMaterialInCategory({ Code: 'KK-12', ItemGroupCode: null })).toBeUndefined();
		expect(itemToMaterialInCategory({ Code: 'ARBEID', ItemGroupCode: 'DIENST', IsTime: 1 })).toBeUndefined();
	});
});
