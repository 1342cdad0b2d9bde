/**
 * A stand-in for the n8n execution contexts (execute, poll, load options) that runs our real node code.
 * Parameters get their defaults the way n8n computes them (NodeHelpers.getNodeParameters); HTTP goes over
 * the network through ./http (n8n's request semantics). Nothing of ours is mocked: only n8n's host side.
 * End-to-end tests in a real n8n (test/e2e) cover what this stand-in cannot.
 */
import {
	NodeHelpers,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IPairedItemData,
} from 'n8n-workflow';
import { makeHttpRequest, makeHttpRequestWithAuthentication, type CredentialData, type CredentialStore, type HttpLogEntry, type N8nLine } from './http';

export interface RunOptions {
	parameters: INodeParameters;
	items?: IDataObject[];
	credentials?: Record<string, CredentialData>;
	continueOnFail?: boolean;
	staticData?: IDataObject;
	mode?: 'manual' | 'trigger' | 'webhook' | 'internal';
	nodeName?: string;
	credentialId?: string;
	/** Play n8n 1.x's host behaviour (OAuth2 refresh, ignoreHttpStatusErrors, error wrapping); default 2.x. */
	n8nLine?: N8nLine;
}

export interface LogLine {
	level: string;
	message: string;
}

function getPath(source: unknown, path: string): unknown {
	let current = source;
	for (const part of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

/**
 * The one kind of expression the stand-in evaluates: `={{ $json }}` or `={{ $json.field }}` (anywhere in a parameter), from
 * the item being processed, so that per-item tests can give each item its own value as in a real flow.
 */
function resolveItemExpressions(value: unknown, item: IDataObject): unknown {
	if (typeof value === 'string') {
		const match = /^=\{\{\s*\$json(?:\.([A-Za-z_][A-Za-z0-9_]*))?\s*\}\}$/.exec(value);
		if (!match) return value;
		return match[1] ? item[match[1]] : item;
	}
	if (Array.isArray(value)) return value.map((entry) => resolveItemExpressions(entry, item));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, resolveItemExpressions(entry, item)]));
	}
	return value;
}

export class HostSide {
	readonly http: HttpLogEntry[] = [];
	readonly logs: LogLine[] = [];
	readonly staticData: IDataObject;
	readonly node: INode;
	private readonly parameters: INodeParameters;

	constructor(
		readonly nodeType: INodeType,
		readonly options: RunOptions,
	) {
		const description = nodeType.description;
		const credentials: INode['credentials'] = {};
		for (const type of Object.keys(options.credentials ?? {})) {
			credentials[type] = { id: options.credentialId ?? `cred-${type}`, name: type };
		}
		this.node = {
			id: 'node-under-test',
			name: options.nodeName ?? description.defaults.name ?? description.displayName,
			type: description.name,
			typeVersion: Array.isArray(description.version) ? description.version.at(-1)! : description.version,
			position: [0, 0],
			parameters: options.parameters,
			credentials,
		};
		this.parameters =
			NodeHelpers.getNodeParameters(description.properties, options.parameters, true, false, this.node, description) ??
			{};
		this.staticData = options.staticData ?? {};
	}

	/** The stored credential (shared by every run given the same `credentials` object, like n8n's database). */
	private stored(type: string): CredentialData {
		const data = this.options.credentials?.[type];
		if (!data) throw new Error(`Node "${this.node.name}" does not have any credentials of type "${type}" set`);
		return data;
	}

	/** What n8n's getCredentials gives: a fresh copy of what is stored now. */
	credential(type: string): CredentialData {
		return structuredClone(this.stored(type));
	}

	readonly credentialStore: CredentialStore = {
		read: (type) => this.credential(type),
		saveTokens: (type, tokens) => {
			this.stored(type).oauthTokenData = tokens;
		},
	};

	private logger() {
		const push = (level: string) => (message: string) => this.logs.push({ level, message });
		return { debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
	}

	/** The members every context shares. */
	base() {
		const host = this;
		const getNodeParameter = (name: string, itemIndex = 0, fallback?: unknown, opts?: { extractValue?: boolean }) => {
			let value = resolveItemExpressions(getPath(host.parameters, name), host.options.items?.[itemIndex] ?? {});
			if (value === undefined) value = fallback;
			if (opts?.extractValue && value && typeof value === 'object' && '__rl' in (value as object)) {
				value = (value as { value: unknown }).value;
			}
			return value;
		};
		return {
			getNode: () => host.node,
			getNodeParameter,
			getCurrentNodeParameter: (name: string) => getNodeParameter(name),
			getCredentials: async (type: string) => host.credential(type),
			getMode: () => host.options.mode ?? 'manual',
			getWorkflowStaticData: () => host.staticData,
			getTimezone: () => 'Europe/Amsterdam',
			logger: host.logger(),
			continueOnFail: () => host.options.continueOnFail === true,
			helpers: {
				httpRequest: makeHttpRequest(host.http, host.options.n8nLine),
				httpRequestWithAuthentication: makeHttpRequestWithAuthentication(() => host.node, host.credentialStore, host.http, host.options.n8nLine),
				returnJsonArray: (data: IDataObject | IDataObject[]) =>
					(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
				constructExecutionMetaData: (
					items: INodeExecutionData[],
					meta: { itemData: IPairedItemData | IPairedItemData[] },
				) => items.map((item) => ({ ...item, pairedItem: meta.itemData })),
			},
		};
	}
}

export interface NodeRun {
	output?: INodeExecutionData[][];
	error?: Error & { description?: string; httpCode?: string | null };
	host: HostSide;
}

export async function runNode(nodeType: INodeType, options: RunOptions): Promise<NodeRun> {
	const host = new HostSide(nodeType, options);
	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const context = { ...host.base(), getInputData: () => items };
	try {
		const output = (await nodeType.execute!.call(context as never)) as INodeExecutionData[][];
		return { output: output.map((items) => items.map(asN8nKeepsIt)), host };
	} catch (error) {
		return { error: error as NodeRun['error'], host };
	}
}

/** n8n (WorkflowExecute.normalizeNodeErrors) keeps only the message of an item that carries an `error` property. */
function asN8nKeepsIt(item: INodeExecutionData): INodeExecutionData {
	return item.error !== undefined ? { ...item, json: { error: item.error.message } } : item;
}

export async function runPoll(nodeType: INodeType, options: RunOptions): Promise<NodeRun> {
	const host = new HostSide(nodeType, options);
	try {
		const output = await nodeType.poll!.call(host.base() as never);
		return { output: output ?? undefined, host };
	} catch (error) {
		return { error: error as NodeRun['error'], host };
	}
}

export async function runLoadOptions(nodeType: INodeType, method: string, options: RunOptions) {
	const host = new HostSide(nodeType, options);
	const fn = nodeType.methods?.loadOptions?.[method];
	if (!fn) throw new Error(`No loadOptions method ${method}`);
	return { result: await fn.call(host.base() as never), host };
}

/** A resource locator's "From List" search, as the editor calls it (filter text, then the next-page token). */
export async function runListSearch(
	nodeType: INodeType,
	method: string,
	options: RunOptions,
	filter?: string,
	paginationToken?: string,
) {
	const host = new HostSide(nodeType, options);
	const fn = nodeType.methods?.listSearch?.[method];
	if (!fn) throw new Error(`No listSearch method ${method}`);
	return { result: await fn.call(host.base() as never, filter, paginationToken), host };
}

/** The JSON of the first output, for assertions. */
export function jsonOf(run: NodeRun): IDataObject[] {
	if (run.error) throw run.error;
	return (run.output?.[0] ?? []).map((item) => item.json);
}
