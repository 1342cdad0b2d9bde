/**
 * Demo data of flow 3 (quotations, template 11): two quotations made in OutSmart for customers of the Exact demo
 * administration, with its materials and hour types: one sent (becomes an Exact quotation), one the customer
 * accepted (becomes an Exact quotation and is accepted there). The Exact side needs nothing extra: its tiny seed
 * has accepted quotation 3, which becomes work order OF-3.
 */
import { EXACT_SEED_FIXTURES } from '../simulators/exact';
import type { OutSmartSimulator } from '../simulators/outsmart';
import type { QuotationInput } from '../simulators/outsmart/quotations';

const { accounts, items } = EXACT_SEED_FIXTURES;

export const DEMO_OUTSMART_QUOTATIONS: QuotationInput[] = [
	{
		debtor_nr: accounts.bakkerij.code.trim(),
		description: 'Kogelkranen vervangen in de bakkerij',
		status: 'SENT',
		lines: [
			{ material_code: items.kogelkraan.code, description: 'Kogelkraan 1/2"', amount: 4, price: '12.50', unit: 'st' },
			{ hourtype: items.arbeid.code, description: 'Montage', amount: 2, price: '62.50' },
		],
	},
	{
		debtor_nr: accounts.oneill.code.trim(),
		description: 'Nieuwe cv-ketel',
		status: 'ACCEPTED',
		lines: [
			{ material_code: items.cvKetel.code, description: 'HR-ketel 28 kW', amount: 1, price: '1450.00', discount: 5, unit: 'st' },
			{ hourtype: items.arbeid.code, description: 'Montage en inregelen', amount: 6, price: '62.50' },
			{ hourtype: items.voorrij.code, description: 'Voorrijden', amount: 1, price: '35.00' },
		],
	},
];

/** Adds the demo quotations to the demo OutSmart (as if made in its app). */
export function addDemoQuotations(outsmart: OutSmartSimulator): void {
	outsmart.state.quotations.add(DEMO_OUTSMART_QUOTATIONS);
}
