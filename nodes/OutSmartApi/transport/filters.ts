/**
 * OutSmart's advanced filters: `key`, `value`, `operator` as PHP arrays. We always write indexed names
 * (`key[0]=..&value[0]=..&operator[0]=..`): PHP reads them as arrays whatever the number of filters, and they
 * are plain scalar query parameters, so n8n's query serialisation cannot change them. (Repeated plain `key=`
 * parameters would be lost: PHP keeps only the last one.)
 */
export const OUTSMART_OPERATORS = ['li', 'eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;

export type OutSmartOperator = (typeof OUTSMART_OPERATORS)[number];

export interface OutSmartFilter {
	/** A column as OutSmart returns it, e.g. "debtor_number" or "CustomerDebtorNr". */
	key: string;
	value: string | number;
	/** li (like, % wildcards), eq (default), ne, gt, ge, lt, le. */
	operator?: OutSmartOperator;
}

export class OutSmartFilterError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'OutSmartFilterError';
	}
}

export function filterQuery(filters: readonly OutSmartFilter[] = []): Record<string, string> {
	const query: Record<string, string> = {};
	filters.forEach((filter, i) => {
		const operator = filter.operator ?? 'eq';
		if (!OUTSMART_OPERATORS.includes(operator)) {
			throw new OutSmartFilterError(`Unknown OutSmart filter operator "${operator}": use ${OUTSMART_OPERATORS.join(', ')}`);
		}
		if (!filter.key) throw new OutSmartFilterError('An OutSmart filter needs a key (a field name)');
		query[`key[${i}]`] = filter.key;
		query[`value[${i}]`] = String(filter.value);
		query[`operator[${i}]`] = operator;
	});
	return query;
}
