import { jsonParse, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

/**
 * A parameter that carries a whole record (a work order, an invoice, a payment term), as an object or as JSON
 * text; undefined when it is neither, so the operation can say what it expected.
 */
export function objectParameter(this: IExecuteFunctions, name: string, itemIndex: number): IDataObject | undefined {
	const value = this.getNodeParameter(name, itemIndex) as unknown;
	const parsed = typeof value === 'string' ? jsonParse<unknown>(value, { fallbackValue: undefined }) : value;
	return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : undefined;
}
