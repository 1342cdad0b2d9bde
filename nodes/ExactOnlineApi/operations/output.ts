/** The Options every read has (Extra Fields, Output) and how records are shaped for output. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { Show } from '../../shared/descriptions';
import { cleanRecord } from '../records';

export interface ReadOptions {
	extraFields?: string;
	output?: 'clean' | 'raw';
}

export function splitFields(text: string | undefined): string[] {
	return (text ?? '')
		.split(',')
		.map((f) => f.trim())
		.filter(Boolean);
}

export function shape(records: IDataObject[], output: ReadOptions['output']): IDataObject[] {
	return output === 'raw' ? records : records.map(cleanRecord);
}

/** Only these fields, in this order (those the record has). */
export function pick(record: IDataObject, fields: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (field in record) picked[field] = record[field];
	return picked;
}

export const fieldsOption: INodeProperties = {
	displayName: 'Extra Fields',
	name: 'extraFields',
	type: 'string',
	default: '',
	placeholder: 'e.g. SearchCode,Classification1',
	description: 'Comma-separated Exact fields to return besides the usual ones',
};

export const exactOutputOption: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	default: 'clean',
	description: 'How records come out: cleaned up, or as Exact sends them',
	options: [
		{ name: 'Clean', value: 'clean', description: 'Dates as ISO strings with offset, codes trimmed, metadata removed' },
		{ name: 'Raw', value: 'raw', description: 'The record exactly as Exact sends it' },
	],
};

export function readOptions(show: Show, extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [fieldsOption, exactOutputOption, ...extra],
	};
}
