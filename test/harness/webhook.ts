/**
 * The webhook half of our stand-in for n8n: hook functions (checkExists/create/delete on activation and
 * deactivation) and a real HTTP endpoint on 127.0.0.1 that hands every POST to the node's webhook() the way n8n
 * 2.41 does: the JSON body parsed, the exact bytes kept as `req.rawBody` (n8n's raw-body reader), the node
 * either returning workflow data (n8n answers 200 and runs the workflow) or answering itself
 * (`noWebhookResponse`, nothing runs). Only n8n's host side is imitated; the node code is ours, unmocked.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeExecutionData, INodeType, IWebhookResponseData } from 'n8n-workflow';
import { HostSide, type RunOptions } from './context';

export type WebhookMethod = 'checkExists' | 'create' | 'delete';

export interface HookOptions extends RunOptions {
	webhookUrl: string;
	workflowName?: string;
}

/** One webhookMethods call, as n8n makes it on activation (checkExists, then create when false) or deactivation. */
export async function runHook(nodeType: INodeType, method: WebhookMethod, options: HookOptions) {
	const host = new HostSide(nodeType, { mode: 'trigger', ...options });
	const context = {
		...host.base(),
		getNodeWebhookUrl: () => options.webhookUrl,
		getWebhookName: () => 'default',
		getActivationMode: () => 'activate',
		getWorkflow: () => ({ id: 'wf-under-test', name: options.workflowName ?? 'Exact trigger test', active: true }),
	};
	const fn = nodeType.webhookMethods?.default?.[method];
	if (!fn) throw new Error(`No webhook method ${method}`);
	try {
		return { result: await fn.call(context as never), host };
	} catch (error) {
		return { error: error as Error & { description?: string }, host };
	}
}

/** Activation as n8n does it: create only when checkExists says the subscription is not (all) there. */
export async function activate(nodeType: INodeType, options: HookOptions) {
	const check = await runHook(nodeType, 'checkExists', options);
	if (check.error || check.result) return { ...check, created: false };
	return { ...(await runHook(nodeType, 'create', options)), created: true };
}

/** What one call to the endpoint came to. */
export interface WebhookCall {
	rawBody: string;
	status: number;
	answer: unknown;
	/** The workflow's items when the node started it. */
	items?: IDataObject[];
	error?: Error;
	host: HostSide;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** n8n's production webhook endpoint for one active workflow with the node under test as its trigger. */
export class WebhookEndpoint {
	readonly calls: WebhookCall[] = [];
	private server?: Server;

	constructor(
		readonly nodeType: INodeType,
		readonly options: RunOptions,
	) {}

	get url(): string {
		const { port } = this.server?.address() as AddressInfo;
		return `http://127.0.0.1:${port}/webhook/exact-trigger-test/webhook`;
	}

	/** Calls that started the workflow. */
	get runs(): WebhookCall[] {
		return this.calls.filter((call) => call.items !== undefined);
	}

	async start(): Promise<void> {
		this.server = createServer((req, res) => {
			void this.handle(req).then((call) => {
				this.calls.push(call);
				res.writeHead(call.status, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify(call.answer ?? {}));
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private async handle(req: IncomingMessage): Promise<WebhookCall> {
		const raw = await readBody(req);
		let body: unknown = {};
		if ((req.headers['content-type'] ?? '').startsWith('application/json') && raw.length > 0) {
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				return { rawBody: raw.toString('utf8'), status: 400, answer: { message: 'invalid JSON' }, host: new HostSide(this.nodeType, this.options) };
			}
		}
		const host = new HostSide(this.nodeType, { mode: 'webhook', ...this.options });
		const response = { status: 200, answer: undefined as unknown };
		const fakeResponse = {
			status(code: number) {
				response.status = code;
				return fakeResponse;
			},
			json(data: unknown) {
				response.answer = data;
				return fakeResponse;
			},
			send(data: unknown) {
				response.answer = data;
				return fakeResponse;
			},
			end() {
				return fakeResponse;
			},
		};
		const context = {
			...host.base(),
			getRequestObject: () => ({ body, headers: req.headers, method: req.method, rawBody: raw }),
			getResponseObject: () => fakeResponse,
			getBodyData: () => body,
			getHeaderData: () => req.headers,
			getWebhookName: () => 'default',
		};
		const call: WebhookCall = { rawBody: raw.toString('utf8'), status: 200, answer: undefined, host };
		try {
			const result = (await this.nodeType.webhook!.call(context as never)) as IWebhookResponseData;
			// As n8n: noWebhookResponse means the node answered itself; workflowData (with it or without) runs the workflow.
			if (result.noWebhookResponse) {
				call.status = response.status;
				call.answer = response.answer;
			}
			if (result.workflowData) {
				call.items = (result.workflowData[0] ?? []).map((item: INodeExecutionData) => item.json);
				if (!result.noWebhookResponse) call.answer = { message: 'Workflow was started' };
			}
		} catch (error) {
			call.error = error as Error;
			call.status = 500;
			call.answer = { message: (error as Error).message };
		}
		return call;
	}
}
