import {
	fillTemplate,
	roundUpHours,
	workOrderToDocument,
	type DocumentOptions,
} from '../../../nodes/mapping/workOrderDocument';

const OPTIONS: DocumentOptions = {
	hourRounding: 0,
	hourLines: 'perHourType',
	useWorkOrderPrices: true,
	descriptionTemplate: 'Werkbon {{WorkorderNo}} - {{TypeOfWork}}',
};

const workOrder = {
	WorkorderNo: 'WO-2026-0006',
	CustomerDebtorNr: '1002',
	CustomerDebtorNrInvoice: '1003',
	TypeOfWork: 'Installatie',
	WorkDescription: "Nieuwe cv-ketel plaatsen in de kelder van 't Hoekje.",
	Materials: [
		{ MaterialCode: 'CV-KETEL-01', MaterialNr: '1', MaterialPrice: '1.234,50', MaterialName: 'Cv-ketel' },
		{ MaterialCode: 'KNELKOPPELING-15', MaterialNr: '2,5', MaterialPrice: '2,15', MaterialName: 'Knelkoppeling' },
		{ MaterialCode: 'RETOUR-01', MaterialNr: '-1', MaterialPrice: '0,00', MaterialName: 'Retour' },
		{ MaterialCode: 'NUL', MaterialNr: '0', MaterialPrice: '5,00', MaterialName: 'Niet gebruikt' },
	],
	Workperiods: [
		{ WorkDate: '20-11-2026', TotalTime: '10:15', HourType: 'ARBEID', EmployeeNr: '11' },
		{ WorkDate: '21-11-2026', TotalTime: '01:07', HourType: 'ARBEID', EmployeeNr: '11' },
		{ WorkDate: '20-11-2026', TotalTime: '04:00', HourType: 'UUR-LEERLING', EmployeeNr: '13' },
		{ WorkDate: '20-11-2026', TotalTime: '00:00', HourType: 'ARBEID', EmployeeNr: '12' },
	],
};

describe('work order -> Exact document lines', () => {
	it('makes a line per material and per hour type, with decimal commas parsed', () => {
		const document = workOrderToDocument(workOrder, OPTIONS);
		expect(document.problems).toEqual([]);
		expect(document.debtorNumber).toBe('1003');
		expect(document.workOrderNumber).toBe('WO-2026-0006');
		expect(document.description).toBe('Werkbon WO-2026-0006 - Installatie');
		expect(document.lines).toEqual([
			{ itemCode: 'CV-KETEL-01', quantity: 1, unitPrice: 1234.5, description: 'Cv-ketel', source: 'material' },
			{ itemCode: 'KNELKOPPELING-15', quantity: 2.5, unitPrice: 2.15, description: 'Knelkoppeling', source: 'material' },
			{ itemCode: 'RETOUR-01', quantity: -1, unitPrice: 0, description: 'Retour', source: 'material' },
			{ itemCode: 'ARBEID', quantity: 11.3667, description: 'ARBEID', source: 'hours' },
			{ itemCode: 'UUR-LEERLING', quantity: 4, description: 'UUR-LEERLING', source: 'hours' },
		]);
	});

	it('rounds every work period up, and can keep one line per period', () => {
		const document = workOrderToDocument(workOrder, { ...OPTIONS, hourRounding: 15, hourLines: 'perWorkPeriod' });
		expect(document.lines.filter((l) => l.source === 'hours').map((l) => [l.description, l.quantity])).toEqual([
			['ARBEID 20-11-2026, medewerker 11', 10.25],
			['ARBEID 21-11-2026, medewerker 11', 1.25],
			['UUR-LEERLING 20-11-2026, medewerker 13', 4],
		]);
	});

	it('adds the work description as a text line when asked', () => {
		const document = workOrderToDocument(workOrder, { ...OPTIONS, descriptionLineItem: 'TEKST' });
		expect(document.lines[0]).toEqual({
			itemCode: 'TEKST',
			quantity: 1,
			unitPrice: 0,
			description: "Nieuwe cv-ketel plaatsen in de kelder van 't Hoekje.",
			source: 'text',
		});
	});

	it('takes numbers and hour objects as our OutSmart node outputs them', () => {
		const document = workOrderToDocument(
			{
				WorkorderNo: 'WO-1',
				CustomerDebtorNr: '1',
				Materials: [{ MaterialCode: 'A', MaterialNr: 3, MaterialPrice: 1.5 }],
				Workperiods: [{ TotalTime: { hours: 2.5, text: '02:30' }, HourType: 'ARBEID' }],
			},
			OPTIONS,
		);
		expect(document.lines.map((l) => [l.itemCode, l.quantity, l.unitPrice])).toEqual([
			['A', 3, 1.5],
			['ARBEID', 2.5, undefined],
		]);
	});

	it('lists every problem: no debtor, unreadable quantity, period without hour type', () => {
		const document = workOrderToDocument(
			{
				WorkorderNo: 'WO-2',
				Materials: [{ MaterialCode: 'A', MaterialNr: 'twee' }, { MaterialNr: '1' }],
				Workperiods: [{ TotalTime: '01:00' }],
			},
			OPTIONS,
		);
		expect(document.problems).toEqual([
			'The work order has no debtor number (CustomerDebtorNr)',
			expect.stringMatching(/^Material A: Cannot read "twee"/),
			'Material line 2 has no material code',
			'Work period 1 has no hour type, and no fallback hour item is set',
		]);
	});

	it('refuses a work period without a total time or with a negative one, and leaves a zero one out', () => {
		const document = workOrderToDocument(
			{
				WorkorderNo: 'WO-5',
				CustomerDebtorNr: '1',
				Workperiods: [
					{ TotalTime: '', HourType: 'ARBEID' },
					{ TotalTime: -1.5, TotalTimeText: '-01:30', HourType: 'ARBEID' },
					{ TotalTime: '00:00', HourType: 'ARBEID' },
					{ TotalTime: '02:00', HourType: 'ARBEID' },
				],
			},
			OPTIONS,
		);
		expect(document.problems).toEqual([
			'Work period 1 (ARBEID) has no total time: the technician did not finish it in the app',
			'Work period 2 (ARBEID) has a negative total time (-01:30): its end lies before its start',
		]);
		expect(document.lines).toEqual([{ itemCode: 'ARBEID', quantity: 2, description: 'ARBEID', source: 'hours' }]);
	});

	it('uses the fallback hour item and refuses an empty work order', () => {
		const withFallback = workOrderToDocument(
			{ WorkorderNo: 'WO-3', CustomerDebtorNr: '1', Workperiods: [{ TotalTime: '01:00' }] },
			{ ...OPTIONS, fallbackHourItem: 'ARBEID' },
		);
		expect(withFallback.lines).toEqual([{ itemCode: 'ARBEID', quantity: 1, description: 'ARBEID', source: 'hours' }]);
		const empty = workOrderToDocument({ WorkorderNo: 'WO-4', CustomerDebtorNr: '1' }, OPTIONS);
		expect(empty.problems).toEqual(['The work order has no materials and no hours to invoice']);
	});
});

describe('the warehouse the materials leave', () => {
	const fromVan = (codes: Array<string | undefined>) => ({
		...workOrder,
		Materials: codes.map((code, i) => ({ MaterialCode: `M-${i}`, MaterialNr: '1', MaterialPrice: '1,00', MaterialName: 'x', ...(code === undefined ? {} : { MaterialWarehouseCode: code }) })),
	});

	it('is the Stock Warehouse of the flow, or none', () => {
		expect(workOrderToDocument(workOrder, OPTIONS).warehouseCode).toBeUndefined();
		expect(workOrderToDocument(workOrder, { ...OPTIONS, stockWarehouse: ' 1 ' }).warehouseCode).toBe('1');
		// The lines' warehouse counts only when asked for.
		expect(workOrderToDocument(fromVan(['2']), { ...OPTIONS, stockWarehouse: '1' }).warehouseCode).toBe('1');
	});

	it("is the lines' own warehouse (the van) when taken from the work order; lines without one count as the Stock Warehouse", () => {
		const options = { ...OPTIONS, warehouseFromWorkOrder: true };
		expect(workOrderToDocument(fromVan(['2', '2']), options)).toMatchObject({ warehouseCode: '2', problems: [] });
		expect(workOrderToDocument(fromVan([undefined, '']), { ...options, stockWarehouse: '1' })).toMatchObject({ warehouseCode: '1', problems: [] });
		expect(workOrderToDocument(fromVan(['2', undefined]), { ...options, stockWarehouse: '2' })).toMatchObject({ warehouseCode: '2', problems: [] });
		expect(workOrderToDocument(fromVan([undefined]), options).warehouseCode).toBeUndefined();
	});

	it('refuses materials from two warehouses: Exact takes one per document', () => {
		const options = { ...OPTIONS, warehouseFromWorkOrder: true };
		expect(workOrderToDocument(fromVan(['2', '3']), options).problems).toEqual([
			'The materials come from more than one warehouse (2, 3), and Exact takes one warehouse per document: give every material line the same warehouse in OutSmart, or set a Stock Warehouse for the lines without one',
		]);
		expect(workOrderToDocument(fromVan(['2', undefined]), options).problems[0]).toMatch(/\(2, \(none\)\)/);
	});

	it('leaves out lines with quantity 0 (they are no document lines) and keeps each line\'s warehouse', () => {
		const options = { ...OPTIONS, warehouseFromWorkOrder: true };
		const mixed = fromVan(['2', '3']);
		(mixed.Materials[1] as { MaterialNr: string }).MaterialNr = '0';
		const document = workOrderToDocument(mixed, options);
		expect(document).toMatchObject({ warehouseCode: '2', problems: [] });
		expect(document.lines.filter((l) => l.source === 'material').map((l) => [l.itemCode, l.warehouseCode])).toEqual([['M-0', '2']]);
	});

	it('is none for a work order with hours only', () => {
		const hoursOnly = { ...workOrder, Materials: [] };
		expect(workOrderToDocument(hoursOnly, { ...OPTIONS, stockWarehouse: '1' }).warehouseCode).toBeUndefined();
	});
});

describe('helpers', () => {
	it('rounds hours up to the step', () => {
		expect(roundUpHours(1 + 1 / 60, 15)).toBe(1.25);
		expect(roundUpHours(1, 15)).toBe(1);
		expect(roundUpHours(0.01, 5)).toBeCloseTo(5 / 60);
		expect(roundUpHours(2.5, 30)).toBe(2.5);
		expect(roundUpHours(1.1234567, 0)).toBe(1.1235);
	});

	it('fills templates from the work order', () => {
		expect(fillTemplate('{{ WorkorderNo }} / {{Missing}} / {{OrderNr}}', { WorkorderNo: 'W1', OrderNr: 7 })).toBe('W1 /  / 7');
	});
});
