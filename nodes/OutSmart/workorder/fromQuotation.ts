/**
 * Create From Exact Quotation (flow 3): an accepted quotation as the Exact Online Quotation node hands it out (with
 * its lines and Include Accounts) becomes work order OF-<quotation number>, mapped by mapping/quotationWorkOrder.
 * Never twice (as from a sales order). A quotation that is not accepted is refused; one made from an OutSmart
 * quotation is skipped by default: OutSmart plans that work from its own quotation.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/router';
import { cameFromOutSmart, linesWithoutItemCode, QUOTATION_ACCEPTED, quotationAccounts, quotationToWorkOrder } from '../../mapping/quotationWorkOrder';
import { documentParameter, type DocumentKind, fixError, workOrderFromDocument } from './fromExactDocument';

const QUOTATION: DocumentKind = {
	parameter: 'quotation',
	label: 'Quotation',
	node: 'Exact Online Quotation',
	numberField: 'QuotationNumber',
	linesField: 'QuotationLines',
	accounts: quotationAccounts,
	map: quotationToWorkOrder,
};

export const createFromQuotation: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const quotation = documentParameter.call(this, QUOTATION, itemIndex);
	const number = quotation.QuotationNumber;
	const { skipFromOutSmart = true } = this.getNodeParameter('fromOrderOptions', itemIndex, {}) as { skipFromOutSmart?: boolean };
	if (skipFromOutSmart && cameFromOutSmart(quotation)) {
		return [{ created: false, skipped: true, QuotationNumber: number, reason: `Made from OutSmart quotation (${String(quotation.YourRef)}): OutSmart plans that work itself` }];
	}
	if (cameFromOutSmart(quotation) && !Array.isArray(quotation.QuotationLines)) {
		throw fixError.call(
			this,
			itemIndex,
			`Quotation ${String(number)} came without its lines (made from ${String(quotation.YourRef)})`,
			"Turn off Header Only for OutSmart Quotations in the Exact Online Quotation node's Get Changes options to make work orders of these too",
		);
	}
	if (Number(quotation.Status) !== QUOTATION_ACCEPTED) {
		throw fixError.call(
			this,
			itemIndex,
			`Quotation ${String(number)} is ${String(quotation.StatusDescription ?? quotation.Status ?? 'not accepted').toLowerCase()}, not accepted: no work order made`,
			'Only accepted quotations become work orders: choose Only Statuses: Accepted in Get Changes, or Status: Accepted in Get Many',
		);
	}
	const uncoded = Array.isArray(quotation.QuotationLines) ? linesWithoutItemCode(quotation) : [];
	if (uncoded.length) {
		throw fixError.call(this, itemIndex, `Quotation ${String(number)}: line(s) ${uncoded.join(', ')} lack an item code`, 'Turn on Include Accounts in the Exact Online Quotation node: it adds the item codes of the lines');
	}
	return await workOrderFromDocument.call(this, QUOTATION, quotation, itemIndex);
};
