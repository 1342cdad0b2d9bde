/** Get Many: the records that match the node's filters, Return All or a Limit, paged by the transport. */
import type { IExecuteFunctions } from 'n8n-workflow';
import type { ItemOperation } from '../../shared/router';
import type { ExactEntity } from '../entity/definitions';
import { selectFor } from '../entity/recordAccess';
import { exactGetAll, type ExactQuery } from '../transport';
import { type ReadOptions, shape, splitFields } from './output';

/** Get Many: `buildFilter` turns the node's filter parameters into a $filter. */
export function getManyOperation(
	entity: ExactEntity,
	buildFilter: (this: IExecuteFunctions, itemIndex: number) => string | undefined | Promise<string | undefined>,
	orderBy?: string,
): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const query: ExactQuery = {
			$select: selectFor(entity, splitFields(options.extraFields)),
			$filter: await buildFilter.call(this, itemIndex),
			$orderby: orderBy,
		};
		const records = await exactGetAll.call(this, { path: entity.path, query, limit, itemIndex });
		return shape(records, options.output);
	};
}
