/** Get Many: the records that match the node's filters, Return All or a Limit, through the cheapest endpoint. */
import type { IExecuteFunctions } from 'n8n-workflow';
import type { ItemOperation } from '../../shared/router';
import type { ExactEntity } from '../entity/definitions';
import { readMany } from '../entity/readMany';
import { selectFor } from '../entity/recordAccess';
import { type ReadOptions, shape, splitFields } from './output';

/** Get Many: `buildFilter` turns the node's filter parameters into a $filter; `orderBy` is the order handed out. */
export function getManyOperation(
	entity: ExactEntity,
	buildFilter: (this: IExecuteFunctions, itemIndex: number) => string | undefined | Promise<string | undefined>,
	orderBy?: string,
): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const records = await readMany.call(this, entity, {
			fields: selectFor(entity, splitFields(options.extraFields)).split(','),
			filter: await buildFilter.call(this, itemIndex),
			orderBy,
			limit,
			itemIndex,
		});
		return shape(records, options.output);
	};
}
