/**
 * The HTTP side of the fake OutSmart: routing, the order of OutSmart's checks, the envelope on the wire (PHP
 * json_encode style: "\/" and \uXXXX escapes, as the OpenAPI examples show), faults and the call log.
 *
 * Order of checks for /openapi/8/...: HTTPS (1006, only with enforceHttps: a request without
 * `x-forwarded-proto: https` is "plain HTTP") -> endpoint (1000 none, 1001 unknown) -> token (1002 missing,
 * 1003 software_token missing, 1004 token wrong, 1005 software token wrong) -> the endpoint itself.
 * Paths outside /openapi/8 get an HTML 404 like any web server (not an envelope).
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { readBody } from '../http';
import { handleAdmin } from './admin';
import { handleApi, isKnownEndpoint } from './api';
import { CODE_TEXT, type Envelope, OutSmartFailure, failure } from './envelope';
import { faultMatches } from './faults';
import { type Query, parsePhpQuery, scalar } from './filters';
import type { CallLogEntry, OutSmartState } from './state';

export const BASE_PATH = '/openapi/8';
const MAX_BODY_BYTES = 100 * 1024 * 1024;

/** PHP's json_encode defaults: escaped slashes and non-ASCII as \uXXXX. */
export function phpJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


function maskQuery(state: OutSmartState, query: Query): Record<string, string | string[]> {
	const secrets = new Set([state.token, state.softwareToken].filter(Boolean));
	const mask = (name: string, value: string) =>
		name === 'token' || name === 'software_token' || secrets.has(value) ? '***' : value;
	const out: Record<string, string | string[]> = {};
	for (const [name, value] of Object.entries(query)) {
		out[name] = Array.isArray(value) ? value.map((v) => mask(name, v)) : mask(name, value);
	}
	return out;
}

function countRecords(body: Buffer): number | undefined {
	if (!body.length) return undefined;
	try {
		const parsed: unknown = JSON.parse(body.toString('utf8'));
		return Array.isArray(parsed) ? parsed.length : undefined;
	} catch {
		return undefined;
	}
}

/** Runs OutSmart's checks and the endpoint; never throws. */
function answer(state: OutSmartState, req: IncomingMessage, endpoint: string, query: Query, body: Buffer, enforceHttps: boolean) {
	const method = (req.method ?? 'GET').toUpperCase();
	try {
		if (enforceHttps && String(req.headers['x-forwarded-proto'] ?? '').toLowerCase() !== 'https') {
			throw new OutSmartFailure(1006, ['HTTPS required']);
		}
		if (endpoint === '') throw new OutSmartFailure(1000);
		if (!isKnownEndpoint(endpoint)) throw new OutSmartFailure(1001, [`Unknown endpoint: ${endpoint}`]);
		const token = scalar(query, 'token');
		const softwareToken = scalar(query, 'software_token');
		if (!token) throw new OutSmartFailure(1002);
		if (!softwareToken) throw new OutSmartFailure(1003);
		if (token !== state.token) throw new OutSmartFailure(1004);
		if (softwareToken !== state.softwareToken) throw new OutSmartFailure(1005);
		return { status: 200, envelope: handleApi(state, { method, endpoint, query, body }) };
	} catch (error) {
		if (error instanceof OutSmartFailure) {
			return { status: error.httpStatus, envelope: failure(error.code, error.messages) };
		}
		return { status: 500, envelope: failure(1007, [CODE_TEXT[1007]]) };
	}
}

function send(res: ServerResponse, status: number, text: string, contentType: string): void {
	res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

// 1x1 transparent PNG and a one-page PDF, for PdfUrl, SignatureUrl and Photos.
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64',
);
const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
		'3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

function serveFile(pathname: string, res: ServerResponse): boolean {
	// Work order PDFs (PdfUrl) and the temporary PDF of an invoice (/invoices' pdf).
	if (pathname === '/mailpdf.php' || /^\/files\/invoice-\d+\.pdf$/.test(pathname)) {
		res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': PDF.length });
		res.end(PDF);
		return true;
	}
	if (/^\/(uploads\/handtekeningen|werkbonimages)\/[^/]+\.png$/.test(pathname)) {
		res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PNG.length });
		res.end(PNG);
		return true;
	}
	return false;
}

async function handle(state: OutSmartState, req: IncomingMessage, res: ServerResponse, enforceHttps: boolean): Promise<void> {
	const started = Date.now();
	const url = new URL(req.url ?? '/', 'http://localhost');
	const method = (req.method ?? 'GET').toUpperCase();
	let body: Buffer;
	try {
		body = await readBody(req, MAX_BODY_BYTES);
	} catch {
		res.destroy();
		return;
	}

	if (url.pathname.startsWith('/__admin')) {
		const result = handleAdmin(state, method, url.pathname, body);
		send(res, result.status, JSON.stringify(result.body), 'application/json; charset=utf-8');
		return;
	}
	if (serveFile(url.pathname, res)) return;
	const rest = url.pathname.slice(BASE_PATH.length);
	if (!url.pathname.startsWith(BASE_PATH) || (rest !== '' && !rest.startsWith('/'))) {
		send(res, 404, '<html><body><h1>404 Not Found</h1></body></html>', 'text/html; charset=utf-8');
		return;
	}

	const endpoint = rest.replace(/^\/+|\/+$/g, '');
	const query = parsePhpQuery(url.searchParams);
	const entry: CallLogEntry = state.noteCall({
		method,
		path: url.pathname,
		endpoint: endpoint || '(none)',
		query: maskQuery(state, query),
		bodyBytes: body.length,
		records: countRecords(body),
		outcome: 'answered',
	});
	const done = (httpStatus: number | undefined, code: number | undefined, outcome: CallLogEntry['outcome']) =>
		state.noteAnswer(entry, { httpStatus, code, outcome, durationMs: Date.now() - started });

	const fault = state.activeFaults().find((f) => faultMatches(f, method, url.pathname, endpoint));
	let cutAfterWrite = false;
	if (fault) {
		state.noteFaultFired(fault);
		entry.fault = fault.id;
		switch (fault.kind) {
			case 'drop':
				done(undefined, undefined, 'dropped');
				req.socket.destroy();
				return;
			case 'hang':
				done(undefined, undefined, 'hung');
				return;
			case 'delay':
				await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
				break;
			case 'code': {
				const code = fault.code ?? 1007;
				const status = fault.status ?? 200;
				send(res, status, phpJson(failure(code, fault.messages ?? [])), 'application/json');
				done(status, code, 'answered');
				return;
			}
			case 'http': {
				const status = fault.status ?? 500;
				send(res, status, `<html><body><h1>${status}</h1><p>Server error</p></body></html>`, 'text/html; charset=utf-8');
				done(status, undefined, 'answered');
				return;
			}
			case 'write-then-drop':
				cutAfterWrite = true;
				break;
		}
	}

	const { status, envelope } = answer(state, req, endpoint, query, body, enforceHttps);
	const text = phpJson(envelope satisfies Envelope);
	if (cutAfterWrite) {
		done(status, envelope.code, 'cut');
		res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
		res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
		return;
	}
	send(res, status, text, 'application/json');
	done(status, envelope.code, 'answered');
}

export interface Listening {
	server: Server;
	/** http://host:port (no path). */
	root: string;
	close(): Promise<void>;
}

export async function listen(
	state: OutSmartState,
	options: { host: string; port: number; enforceHttps: boolean },
): Promise<Listening> {
	const server = createServer((req, res) => {
		handle(state, req, res, options.enforceHttps).catch(() => res.destroy());
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => resolve());
	});
	const address = server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	const root = `http://${host}:${address.port}`;
	state.setPublicUrl(root);
	return {
		server,
		root,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
