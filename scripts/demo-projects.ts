/**
 * Demo data of flow 3 (projects and planning, template 14) for `npm start` and the e2e tests: in Exact a running
 * project for Bakkerij 't Hoekje with planning lines in the coming days (two planned, one reserved) and one
 * yesterday; in OutSmart the work order of yesterday's line, completed by the technician, whose hours go back.
 * Dates are relative to today, so the demo looks the same whenever it starts.
 */
import { EXACT_SEED_FIXTURES, type ExactSimulator } from '../simulators/exact';
import { customerFieldsOf, type OutSmartSimulator } from '../simulators/outsmart';
import { planningWorkOrderNumber } from '../nodes/mapping/projectPlanning';

export const DEMO_PROJECT_CODE = 'P2026-100';

/** An Exact date value: the Dutch wall clock of `days` from today at `hour`, written as if it were UTC. */
function exactDay(days: number, hour: number): string {
	const today = new Date();
	return `/Date(${Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + days, hour)})/`;
}

function dmy(days: number): string {
	const date = new Date();
	date.setDate(date.getDate() + days);
	return `${String(date.getDate()).padStart(2, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${date.getFullYear()}`;
}

export interface ProjectsDemo {
	projectId: string;
	/** The planning line whose work order is completed in OutSmart. */
	doneLineId: string;
	/** The planned lines ahead (status 2), then the reserved one. */
	plannedLineIds: string[];
	reservedLineId: string;
}

export function addProjectsDemo(exact: ExactSimulator, outsmart: OutSmartSimulator): ProjectsDemo {
	const { accounts, items } = EXACT_SEED_FIXTURES;
	const employees = exact.state.listRecords('Employees');
	const employee = (code: string) => employees.find((e) => e.Code === code)?.ID;
	const project = exact.state.insertRecord('Projects', {
		Code: DEMO_PROJECT_CODE,
		Description: 'Verbouwing bakkerij: nieuwe installatie',
		Type: 3,
		Account: accounts.bakkerij.id,
		Manager: employee('1'),
		StartDate: exactDay(-7, 0),
		EndDate: exactDay(90, 0),
		Notes: 'Werkzaamheden buiten openingstijden van de winkel.',
	});
	const line = (days: number, hour: number, hours: number, code: string, status: 1 | 2, description: string) =>
		String(
			exact.state.insertRecord('ProjectPlanning', {
				Project: project.ID,
				Employee: employee(code),
				HourType: items.arbeid.id,
				StartDate: exactDay(days, hour),
				EndDate: exactDay(days, hour + hours),
				Hours: hours,
				Status: status,
				Type: 1,
				Description: description,
			}).ID,
		);
	const doneLineId = line(-1, 8, 4, '1', 2, 'Oude leidingen verwijderen');
	const plannedLineIds = [line(1, 7, 8, '1', 2, 'Nieuwe waterleiding aanleggen'), line(2, 8, 6, '2', 2, 'Elektra groepenkast')];
	const reservedLineId = line(5, 8, 4, '3', 1, 'Afmonteren (nog niet bevestigd)');

	// Yesterday's line became a work order the technician completed: its hours are ready to go back to Exact.
	const customer = customerFieldsOf(outsmart.state.list('workorders')[0] as Record<string, unknown>);
	outsmart.state.insertWorkorders([
		{
			...customer,
			WorkorderNo: planningWorkOrderNumber(doneLineId),
			ProjectNr: DEMO_PROJECT_CODE,
			WorkDate: dmy(-1),
			WorkTime: '08:00',
			EmployeeNr: '1',
			WorkDescription: 'Oude leidingen verwijderen',
			_complete: {
				workperiods: [{ WorkDate: dmy(-1), BeginTime: '08:00', EndTime: '12:30', Break: 30, HourType: items.arbeid.code, EmployeeNr: '1', WorkRemark: 'Leidingen verwijderd, afgedopt' }],
				materials: [],
			},
		},
	]);
	return { projectId: String(project.ID), doneLineId, plannedLineIds, reservedLineId };
}
