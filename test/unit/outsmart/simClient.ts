/** A bare HTTP client for the fake OutSmart tests: no transport code of ours, just fetch. */
import type { IDataObject } from 'n8n-workflow';

import type { OutSmartSimulator } from '../../../simulators/outsmart';

export interface Answer {
	status: number;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
}

export const AUTH = { token: 'demo-token', software_token: 'demo-software-token' };

export async function call(
	sim: OutSmartSimulator,
	method: string,
	endpoint: string,
	query: Record<string, string> | string = {},
	body?: unknown,
	init: RequestInit = {},
): Promise<Answer> {
	const qs = typeof query === 'string' ? query : new URLSearchParams({ ...AUTH, ...query }).toString();
	const response = await fetch(`${sim.url}/${endpoint}${qs ? `?${qs}` : ''}`, {
		method,
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
		...init,
	});
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, text, json };
}

export async function admin(sim: OutSmartSimulator, method: string, path: string, body?: unknown): Promise<Answer> {
	const response = await fetch(`${sim.root}/__admin/${path}`, {
		method,
		body: body === undefined ? undefined : JSON.stringify(body),
		headers: { 'Content-Type': 'application/json' },
	});
	const text = await response.text();
	return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
}

/** A complete, valid PostWorkorders row. */
export function workorderInput(no: string, overrides: IDataObject = {}): IDataObject {
	return {
		WorkorderNo: no,
		CustomerName: "Bakkerij 't Hoekje",
		CustomerDebtorNr: '1001',
		CustomerStreet: 'Kerkstraat',
		CustomerStreetNo: '12',
		CustomerZIP: '5211 KH',
		CustomerCity: "'s-Hertogenbosch",
		CustomerContactPerson: "Mevr. A. van 't Hof",
		CustomerNameInvoice: "Bakkerij 't Hoekje",
		CustomerDebtorNrInvoice: '1001',
		CustomerStreetInvoice: 'Kerkstraat',
		CustomerZIPInvoice: '5211 KH',
		CustomerCityInvoice: "'s-Hertogenbosch",
		CustomerContactPersonInvoice: "Mevr. A. van 't Hof",
		TypeOfWork: 'Onderhoud',
		PaymentMethod: 'op rekening',
		...overrides,
	};
}
