import entitiesJson from './entities.json';

/** Field list of one endpoint (trimmed copy of the Exact REST reference in entities.json). */
export interface EndpointFields {
	methods: string[];
	mandatory: string[];
	/** Field name -> Edm type; a non-Edm type is a navigation/complex property. */
	fields: Record<string, string>;
}

const endpoints = (entitiesJson as { endpoints: Record<string, EndpointFields> }).endpoints;

export function endpointFields(path: string): EndpointFields {
	const found = endpoints[path];
	if (!found) throw new Error(`entities.json has no endpoint ${path}`);
	return found;
}

export function isEdm(type: string): boolean {
	return type.startsWith('Edm.');
}

export function isNumericEdm(type: string): boolean {
	return /^Edm\.(Int16|Int32|Int64|Byte|SByte|Double|Decimal|Single)$/.test(type);
}
