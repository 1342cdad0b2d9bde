/** Every operation of the OutSmart node by resource and operation, for the shared router's pickOperation. */
import type { Operation } from '../shared/router';
import { ENTITIES } from '../OutSmartApi/entities';
import { invoiceOperations, transactionOperations } from './invoicing/operations';
import { masterDataOperations } from './masterData/operations';
import { quotationOperations } from './quotation/operations';
import { workorderOperations } from './workorder/operations';

export const operations: Record<string, Record<string, Operation>> = {
	workorder: workorderOperations,
	quotation: quotationOperations,
	invoice: invoiceOperations,
	transaction: transactionOperations,
	...Object.fromEntries(ENTITIES.map((entity) => [entity.resource, masterDataOperations(entity)])),
};
