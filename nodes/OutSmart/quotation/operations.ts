/** Quotation → Get Many: one GET /quotations with OutSmart's filters (status and the advanced ones). */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/router';
import { limitToMax } from '../../shared/descriptions';
import { listRecords } from '../../OutSmartApi/transport';
import { cleanQuotation } from '../../OutSmartApi/quotations';
import { type OutputMode, shapeOutput } from '../../OutSmartApi/values/clean';
import { assertKnownFilterKeys, readFilters } from '../masterData/operations';

const getMany: ItemOperation = async function (this: IExecuteFunctions, itemIndex: number) {
	const status = String(this.getNodeParameter('quotationStatus', itemIndex, '') ?? '').trim();
	const filters = [...(status ? [{ key: 'quo_status', value: status, operator: 'eq' as const }] : []), ...readFilters.call(this, itemIndex)];
	const { records, messages } = await listRecords.call(this, 'quotations', filters, { itemIndex });
	assertKnownFilterKeys.call(this, messages, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	const { output } = this.getNodeParameter('options', itemIndex, {}) as { output?: OutputMode };
	return limitToMax(records, returnAll, limit).map((record) => shapeOutput(output, record, cleanQuotation));
};

export const quotationOperations: Record<string, ItemOperation> = { getMany };
