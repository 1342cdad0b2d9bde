/** Get: one record by the node's locator, with the fields the node reads (see ./output for the Options). */
import type { IExecuteFunctions } from 'n8n-workflow';
import type { ItemOperation } from '../../shared/router';
import type { ExactEntity } from '../entity/definitions';
import { selectFor } from '../entity/recordAccess';
import { findRecord, type LocatorInput, locatorInput } from './locate';
import { type ReadOptions, shape, splitFields } from './output';

export function getOperation(entity: ExactEntity, locatorName: string): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as ReadOptions;
		const record = await findRecord.call(
			this,
			entity,
			locatorInput.call(this, locatorName, itemIndex, { what: entity.label }) as LocatorInput,
			selectFor(entity, splitFields(options.extraFields)),
			itemIndex,
		);
		return shape([record], options.output);
	};
}
