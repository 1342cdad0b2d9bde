import {
	decidePlanning,
	periodNumberIn,
	planningToWorkOrder,
	projectToOutSmartProject,
	workOrderToTimeLines,
} from '../../../nodes/mapping/projectPlanning';

const now = new Date('2026-06-01T12:00:00Z');

describe('projectToOutSmartProject', () => {
	const project = {
		Code: 'P2026-007',
		Description: 'Renovatie badkamer',
		AccountCode: '1',
		StartDate: '2026-03-02T00:00:00.000+01:00',
		EndDate: '2026-12-31T00:00:00.000+01:00',
		Notes: 'Tegels door klant',
	};

	it('maps code, customer, invoice customer, name, Dutch days and active', () => {
		expect(projectToOutSmartProject(project, { now })).toEqual({
			record: {
				code: 'P2026-007',
				debtor_number: '1',
				debtor_number_invoice: '1',
				status: 'Actief',
				name: 'Renovatie badkamer',
				description: 'Tegels door klant',
				date_start: '2026-03-02',
				date_end: '2026-12-31',
				active: '1',
			},
			missing: [],
			inactive: false,
		});
	});

	it('closes an ended or blocked project, takes another invoice customer when given, and starts a dateless one on its creation day', () => {
		expect(projectToOutSmartProject({ ...project, EndDate: '2026-01-31T00:00:00.000+01:00' }, { now }).record).toMatchObject({ status: 'Afgesloten', active: '0' });
		expect(projectToOutSmartProject({ ...project, BlockEntry: true }, { now }).inactive).toBe(true);
		expect(projectToOutSmartProject({ ...project, InvoiceAccountCode: '9' }, { now }).record.debtor_number_invoice).toBe('9');
		const dateless = projectToOutSmartProject({ ...project, StartDate: null, EndDate: null, Created: '2026-02-01T09:00:00.000+01:00' }, { now });
		expect(dateless.record).toMatchObject({ date_start: '2026-02-01', date_end: null });
		expect(projectToOutSmartProject({ Code: 'P1', Description: 'x', StartDate: null }, { now }).missing).toEqual(['debtor_number', 'date_start']);
	});
});

const line = {
	ID: 'ABCDEF00-0000-0000-0000-000000000001',
	Status: 2,
	StartDate: '2026-03-10T07:30:00.000+01:00',
	EndDate: '2026-03-10T15:30:00.000+01:00',
	Hours: 7.5,
	EmployeeCode: '2',
	ProjectCode: 'P2026-007',
	HourTypeCode: 'ARBEID',
	HourTypeDescription: 'Arbeid monteur',
	Description: 'Badkamer slopen',
};
const relation = { debtor_number: '1', name: "Bakkerij 't Hoekje", street: 'Markt', house_number: '12', postal_code: '5211 JX', city: "'s-Hertogenbosch", contact: 'Henk' };

describe('planningToWorkOrder', () => {
	it('plans the work order PP-<id> on the line\'s day, time, end and employee, for its project and customer', () => {
		const { workOrderNumber, fields, missing } = planningToWorkOrder(line, relation);
		expect(workOrderNumber).toBe('PP-abcdef00-0000-0000-0000-000000000001');
		expect(missing).toEqual([]);
		expect(fields).toMatchObject({
			WorkorderNo: workOrderNumber,
			WorkDate: '2026-03-10',
			WorkTime: '07:30',
			WorkEndDate: '2026-03-10',
			WorkEndTime: '15:30',
			WorkDuration: 450,
			EmployeeNr: '2',
			Employees: ['2'],
			ProjectNr: 'P2026-007',
			CustomerDebtorNr: '1',
			CustomerStreet: 'Markt',
			CustomerStreetNo: '12',
			CustomerContactPerson: 'Henk',
			CustomerDebtorNrInvoice: '1',
			InternalWorkDescription: 'Uursoort: ARBEID - Arbeid monteur',
		});
	});
});

describe('decidePlanning', () => {
	const open = { status: 'Klaargezet', WorkDate: '10-03-2026', WorkTime: '07:30', EmployeeNr: '2', WorkStatus: '' };

	it('creates for a planned line only; a reserved or removed line without a work order is skipped', () => {
		expect(decidePlanning(line, undefined, 'X').action).toBe('create');
		expect(decidePlanning({ ...line, Status: 1 }, undefined, 'X').action).toBe('skip');
		expect(decidePlanning({ ID: line.ID, changeType: 'deleted' }, undefined, 'X').action).toBe('skip');
	});

	it('leaves a matching work order alone and moves one whose day, time or employee differ', () => {
		expect(decidePlanning(line, open, 'X').action).toBe('unchanged');
		expect(decidePlanning({ ...line, StartDate: '2026-03-11T13:00:00.000+01:00', EmployeeCode: '3' }, open, 'X')).toMatchObject({
			action: 'move',
			changes: { WorkDate: '2026-03-11', WorkTime: '13:00', EmployeeNr: '3' },
		});
	});

	it('cancels while Klaargezet, once; later only reports', () => {
		expect(decidePlanning({ ID: line.ID, changeType: 'deleted' }, open, 'X').action).toBe('cancel');
		expect(decidePlanning({ ...line, Status: 1 }, open, 'X').action).toBe('cancel');
		expect(decidePlanning({ ID: line.ID, changeType: 'deleted' }, { ...open, WorkStatus: 'X' }, 'X').action).toBe('unchanged');
		expect(decidePlanning({ ID: line.ID, changeType: 'deleted' }, { ...open, status: 'Compleet' }, 'X').action).toBe('report');
		expect(decidePlanning({ ...line, EmployeeCode: '3' }, { ...open, status: 'Opgehaald' }, 'X')).toMatchObject({ action: 'report', changes: { EmployeeNr: '3' } });
		expect(decidePlanning(line, { ...open, WorkStatus: 'X' }, 'X').action).toBe('report');
	});
});

describe('workOrderToTimeLines', () => {
	it('one line per work period with time, keyed by work order number and period; decimal hours too', () => {
		const hours = workOrderToTimeLines({
			WorkorderNo: 'PP-1',
			ProjectNr: 'P1',
			Workperiods: [
				{ WorkDate: '03-06-2026', BeginTime: '08:00', EndTime: '12:30', TotalTime: '04:15', HourType: 'ARBEID', EmployeeNr: '1', WorkRemark: 'Klaar' },
				{ WorkDate: '2026-06-04', TotalTime: { hours: 1.5, text: '01:30' }, EmployeeNr: '2' },
				{ WorkDate: '04-06-2026', TotalTime: '00:00', HourType: 'VOORRIJ', EmployeeNr: '2' },
			],
		}, { fallbackHourType: 'ARBEID' });
		expect(hours.problems).toEqual([]);
		expect(hours.lines).toEqual([
			{ period: 1, notes: 'PP-1 #1: Klaar', employeeCode: '1', hourTypeCode: 'ARBEID', date: '2026-06-03', startTime: '08:00', endTime: '12:30', hours: 4.25 },
			{ period: 2, notes: 'PP-1 #2', employeeCode: '2', hourTypeCode: 'ARBEID', date: '2026-06-04', startTime: '', endTime: '', hours: 1.5 },
		]);
	});

	it('names what is missing', () => {
		expect(workOrderToTimeLines({ WorkorderNo: 'PP-1', Workperiods: [{ TotalTime: '01:00', EmployeeNr: '' }] }).problems).toEqual([
			'The work order has no project (ProjectNr): its hours belong on an invoice, not a project',
			'Work period 1 has no hour type, and no fallback hour type is set',
			'Work period 1 has no employee',
		]);
	});

	it('reads the period back from notes, for this work order only', () => {
		expect(periodNumberIn('PP-1 #2: Klaar', 'PP-1')).toBe(2);
		expect(periodNumberIn('PP-1 #3', 'pp-1')).toBe(3);
		expect(periodNumberIn('PP-10 #3', 'PP-1')).toBeUndefined();
		expect(periodNumberIn('Zie PP-1 #3', 'PP-1')).toBeUndefined();
	});
});
