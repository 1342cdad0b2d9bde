/**
 * What the browser suite reads from the node type descriptions n8n serves the editor (`/types/nodes.json`):
 * our nodes, the resource × operation pairs a user can pick, and the parameters that lack a description.
 */
export interface NodeProperty {
	displayName: string;
	name: string;
	type: string;
	description?: string;
	hint?: string;
	displayOptions?: { show?: Record<string, unknown[]>; hide?: Record<string, unknown[]> };
	options?: Array<NodeProperty & { value?: string; values?: NodeProperty[] }>;
	[key: string]: unknown;
}

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	icon?: string | { light: string; dark: string };
	iconUrl?: string | { light: string; dark: string };
	credentials?: Array<{ name: string }>;
	codex?: { alias?: string[] };
	properties: NodeProperty[];
	[key: string]: unknown;
}

/** The option n8n adds to resource/operation lists on its own ("Custom API Call"); not ours to describe or walk. */
const N8N_CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

/** Parameters that carry no description of their own in n8n's UI. */
const UNDESCRIBED_TYPES = new Set(['notice', 'hidden']);
const CONTAINER_TYPES = new Set(['collection', 'fixedCollection']);

/** Our node types (the package's prefix), without the `…Tool` variants n8n derives for AI agents. */
export function ourNodeTypes(all: NodeTypeDescription[], packageName: string): NodeTypeDescription[] {
	return all.filter((type) => type.name.startsWith(`${packageName}.`) && !type.name.endsWith('Tool'));
}

function shownFor(property: NodeProperty, key: string, value: string): boolean {
	const allowed = property.displayOptions?.show?.[key];
	return allowed === undefined || allowed.includes(value);
}

export interface PanelState {
	resource?: { value: string; name: string };
	operation?: { value: string; name: string };
}

/** Every resource × operation a user can choose in the node's panel (one state without either for a node with neither). */
export function panelStates(type: NodeTypeDescription): PanelState[] {
	const resourceProperty = type.properties.find((p) => p.name === 'resource' && p.type === 'options');
	const resources = (resourceProperty?.options ?? []).filter((o) => o.value !== N8N_CUSTOM_API_CALL);
	const operationsFor = (resource?: string) =>
		type.properties
			.filter((p) => p.name === 'operation' && p.type === 'options' && (resource === undefined || shownFor(p, 'resource', resource)))
			.flatMap((p) => p.options ?? [])
			.filter((o) => o.value !== N8N_CUSTOM_API_CALL)
			.map((o) => ({ value: String(o.value), name: o.name ?? o.displayName }));
	const states: PanelState[] = [];
	for (const resource of resources.length ? resources.map((r) => ({ value: String(r.value), name: r.name ?? r.displayName })) : [undefined]) {
		const operations = operationsFor(resource?.value);
		if (operations.length === 0) states.push({ resource });
		for (const operation of operations) states.push({ resource, operation });
	}
	return states;
}

/**
 * Where a user would look for a description and find none: every parameter (also the fields inside
 * collections and fixed collections) but notices, hidden ones and the collection containers themselves (n8n
 * shows those as an "Add …" button), and every operation (n8n shows its description in the dropdown).
 * Returns paths such as `OutSmart: additionalFields.Comment`.
 */
export function missingDescriptions(type: NodeTypeDescription): string[] {
	const missing: string[] = [];
	const described = (p: NodeProperty) => Boolean(p.description?.trim() || p.hint?.trim());
	const walk = (properties: NodeProperty[], prefix: string) => {
		for (const property of properties) {
			const path = `${prefix}${property.name}`;
			if (property.name === 'operation' && property.type === 'options') {
				for (const option of property.options ?? []) {
					if (option.value !== N8N_CUSTOM_API_CALL && !option.description?.trim()) missing.push(`${type.displayName}: operation ${option.value}`);
				}
				continue;
			}
			if (property.name === 'resource' || UNDESCRIBED_TYPES.has(property.type)) continue;
			if (property.type === 'collection') walk(property.options ?? [], `${path}.`);
			else if (property.type === 'fixedCollection') for (const group of property.options ?? []) walk(group.values ?? [], `${path}.${group.name}.`);
			if (!CONTAINER_TYPES.has(property.type) && !described(property)) missing.push(`${type.displayName}: ${path}`);
		}
	};
	walk(type.properties, '');
	return [...new Set(missing)];
}

/** The icon paths of a node type (light and dark), relative to n8n's base URL. */
export function iconUrls(type: NodeTypeDescription): string[] {
	const icon = type.iconUrl ?? type.icon;
	if (!icon) return [];
	const list = typeof icon === 'string' ? [icon] : [icon.light, icon.dark];
	return list.filter((url) => !url.startsWith('file:') && !url.startsWith('fa:') && !url.startsWith('node:'));
}

/**
 * Names of the parameters the panel may show in a state: those whose display conditions on resource and operation
 * hold (conditions on other parameters may or may not hold), with the fields inside their collections. A panel
 * that still shows another name has not re-rendered for the state yet.
 */
export function parametersShownIn(type: NodeTypeDescription, state: PanelState): Set<string> {
	const current: Record<string, string | undefined> = { resource: state.resource?.value, operation: state.operation?.value };
	const holds = (conditions: Record<string, unknown[]> | undefined, hide: boolean) =>
		Object.entries(conditions ?? {}).every(([key, values]) => {
			if (!(key in current) || current[key] === undefined) return !hide;
			return values.includes(current[key]) !== hide;
		});
	const names = new Set<string>(['resource', 'operation']);
	const add = (property: NodeProperty) => {
		names.add(property.name);
		for (const option of property.options ?? []) {
			if (property.type === 'collection') add(option);
			if (property.type === 'fixedCollection') for (const field of option.values ?? []) add(field);
		}
	};
	for (const property of type.properties) {
		const { show, hide } = property.displayOptions ?? {};
		const hiddenByState = hide !== undefined && Object.keys(hide).some((key) => key in current) && !holds(hide, true);
		if (holds(show, false) && !hiddenByState) add(property);
	}
	return names;
}
