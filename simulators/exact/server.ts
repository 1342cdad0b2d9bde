import { createServer } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { Socket } from 'net';
import { gzipSync } from 'zlib';
import { readBody } from '../http';
import { handleAdmin } from './admin';
import { handleApi } from './api';
import { errorEnvelope } from './errors';
import type { FaultRule } from './faults';
import type { SimResponse } from './response';
import { jsonResponse, textResponse } from './response';
import type { ExactState } from './state';

/**
 * The HTTP front: routes /__admin, /api/oauth2 and /api/v1, applies injected faults, logs every request
 * (secrets masked) and writes responses (gzip when the client accepts it, as Exact does).
 */

const MAX_BODY = 20 * 1024 * 1024;


function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function writeResponse(req: IncomingMessage, res: ServerResponse, response: SimResponse): void {
	let body: Buffer = Buffer.from(response.body, 'utf8');
	const headers: Record<string, string> = { ...response.headers };
	if (body.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
		body = gzipSync(body);
		headers['Content-Encoding'] = 'gzip';
	}
	if (response.status !== 204 && response.status !== 304) headers['Content-Length'] = String(body.length);
	res.writeHead(response.status, headers);
	res.end(response.status === 204 ? undefined : body);
}

function faultResponse(rule: FaultRule): SimResponse {
	const status = rule.status ?? 500;
	const headers = rule.headers ?? {};
	if (rule.body === undefined) return jsonResponse(status, errorEnvelope(`Injected fault: HTTP ${status}`), headers);
	if (typeof rule.body === 'string') return textResponse(status, rule.body, headers);
	return jsonResponse(status, rule.body, headers);
}

export interface RunningServer {
	server: Server;
	url: string;
	close(): Promise<void>;
}

export async function startServer(state: ExactState, port: number, host: string): Promise<RunningServer> {
	const sockets = new Set<Socket>();

	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const started = Date.now();
		const method = (req.method ?? 'GET').toUpperCase();
		const rawUrl = req.url ?? '/';
		const q = rawUrl.indexOf('?');
		const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
		const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
		const query = new URLSearchParams(rawQuery);

		if (pathname === '/__admin' || pathname.startsWith('/__admin/')) {
			writeResponse(req, res, await handleAdmin(state, method, pathname, query, await readBody(req, MAX_BODY)));
			return;
		}

		const isApi = pathname.startsWith('/api/v1/');
		const log = (status: number, extra: { division?: number; endpoint?: string; fault?: string; rows?: number }) =>
			state.stats.record(
				{
					time: new Date(state.now()).toISOString(),
					method,
					path: pathname,
					query: rawQuery,
					status,
					durationMs: Date.now() - started,
					...extra,
				},
				isApi,
			);

		// Faults count as calls of their endpoint, keyed the way the API handler keys them ("GET crm/Accounts").
		const faultEndpoint = isApi ? `${method} ${pathname.replace(/^\/api\/v1\/(\d+\/)?/, '')}` : undefined;
		const fault = state.faults.take(method, rawUrl);
		if (fault?.kind === 'drop') {
			log(0, { fault: 'drop', endpoint: faultEndpoint });
			req.socket.destroy();
			return;
		}
		const body = await readBody(req, MAX_BODY);
		if (fault?.kind === 'hang') {
			// never answer; the socket is destroyed when the client gives up or the server closes
			log(0, { fault: 'hang', endpoint: faultEndpoint });
			return;
		}
		if (fault?.delayMs && (fault.kind === 'delay' || fault.kind === 'write-then-drop')) await sleep(fault.delayMs);
		if (fault?.kind === 'status') {
			const response = faultResponse(fault);
			log(response.status, { fault: 'status', endpoint: faultEndpoint });
			writeResponse(req, res, response);
			return;
		}

		let response: SimResponse;
		let division: number | undefined;
		let endpoint: string | undefined;
		if (pathname === '/api/oauth2/auth' && method === 'GET') {
			response = state.oauth.authorize(query);
			endpoint = 'GET oauth2/auth';
		} else if (pathname === '/api/oauth2/token' && method === 'POST') {
			const type = String(req.headers['content-type'] ?? '');
			response = type.includes('application/x-www-form-urlencoded')
				? state.oauth.token(new URLSearchParams(body.toString('utf8')), req.headers.authorization)
				: jsonResponse(400, { error: 'invalid_request', error_description: 'Use Content-Type application/x-www-form-urlencoded' });
			endpoint = 'POST oauth2/token';
		} else if (isApi) {
			const outcome = handleApi(state, {
				method,
				pathname,
				rawQuery,
				headers: req.headers,
				body,
				origin: `http://${req.headers.host ?? new URL(state.baseUrl).host}`,
			});
			response = outcome.response;
			division = outcome.division;
			endpoint = outcome.endpointKey;
		} else {
			response = jsonResponse(404, errorEnvelope(`No such path: ${pathname}`));
		}

		log(response.status, { division, endpoint, fault: fault?.kind, rows: response.rows });
		if (fault?.kind === 'write-then-drop') {
			// the write happened; the client never hears about it
			req.socket.destroy();
			return;
		}
		writeResponse(req, res, response);
	};

	const server = createServer((req, res) => {
		handle(req, res).catch((error: Error) => {
			if (res.headersSent) {
				res.destroy();
				return;
			}
			writeResponse(req, res, jsonResponse(500, errorEnvelope(`Simulator error: ${error.message}`)));
		});
	});
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;

	return {
		server,
		url,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				// hanging requests and keep-alive connections would otherwise keep close() waiting
				for (const socket of sockets) socket.destroy();
				server.closeAllConnections();
			}),
	};
}
