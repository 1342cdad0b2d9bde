import { stableGuid } from '../seed/prng';

/** The one Exact user of the simulator and the divisions (administrations) on the license. */

export interface ExactUser {
	id: string;
	userName: string;
	fullName: string;
	firstName: string;
	lastName: string;
	email: string;
}

export interface DivisionInfo {
	code: number;
	description: string;
	/** Exact's HID: a separate numeric id per division. */
	hid: number;
	customer: string;
	customerCode: string;
	customerName: string;
	city: string;
	postcode: string;
	addressLine1: string;
	vatNumber: string;
	chamberOfCommerce: string;
}

export const MAIN_DIVISION = 1234567;
export const SECOND_DIVISION = 7654321;

export const DEFAULT_USER: ExactUser = {
	id: stableGuid('exact-user', 'pieter'),
	userName: 'pieter@installatiebedrijf-devries.nl',
	fullName: 'Pieter de Vries',
	firstName: 'Pieter',
	lastName: 'de Vries',
	email: 'pieter@installatiebedrijf-devries.nl',
};

export const DIVISIONS: DivisionInfo[] = [
	{
		code: MAIN_DIVISION,
		description: 'Installatiebedrijf De Vries BV',
		hid: 1001,
		customer: stableGuid('division-customer', MAIN_DIVISION),
		customerCode: '               101',
		customerName: 'Installatiebedrijf De Vries BV',
		city: 'Utrecht',
		postcode: '3511 AB',
		addressLine1: 'Oudegracht 101',
		vatNumber: 'NL812345678B01',
		chamberOfCommerce: '30123456',
	},
	{
		code: SECOND_DIVISION,
		description: 'Loodgieter Jansen VOF',
		hid: 1002,
		customer: stableGuid('division-customer', SECOND_DIVISION),
		customerCode: '               102',
		customerName: 'Loodgieter Jansen VOF',
		city: 'Amersfoort',
		postcode: '3811 CD',
		addressLine1: 'Langestraat 7',
		vatNumber: 'NL887654321B01',
		chamberOfCommerce: '32123456',
	},
];
