/**
 * One call to Exact Online by path: the region's host and the division in the URL (or a `__next` link Exact
 * gave, used exactly as given and only on the credential's own host), then ./send does the rest.
 */
import { NodeOperationError, type IDataObject, type IHttpRequestMethods } from 'n8n-workflow';
import { asNodeError } from '../../shared/nodeErrors';
import { EXACT_CREDENTIAL_TYPE, type ExactContext } from './context';
import { InvalidDivisionError, resolveDivision } from './division';
import { ExactConfigurationError, exactBaseUrl } from './regions';
import { sendExact, type ExactResponse } from './send';

export type { ExactResponse } from './send';

export type ExactQuery = Record<string, string | number | boolean | undefined>;

export interface ExactRequestOptions {
	method?: IHttpRequestMethods;
	/** Path under /api/v1/{division}/, e.g. "crm/Accounts" or "crm/Accounts(guid'…')". */
	path?: string;
	/** A full URL Exact gave us (a `__next` link); used exactly as given. */
	url?: string;
	/** False for the few endpoints without a division, such as current/Me. */
	withDivision?: boolean;
	query?: ExactQuery;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	/** Milliseconds before a call is given up. */
	timeout?: number;
}

/** OData wants `$filter=...` with its dollar kept and spaces as %20; URLSearchParams would write '+'. */
export function buildQueryString(query: ExactQuery | undefined): string {
	if (!query) return '';
	const parts = Object.entries(query)
		.filter(([, value]) => value !== undefined && value !== '')
		.map(([key, value]) => `${encodeURIComponent(key).replace(/%24/g, '$')}=${encodeURIComponent(String(value))}`);
	return parts.length ? `?${parts.join('&')}` : '';
}

class ForeignLinkError extends Error {}

function assertSameHost(url: string, baseUrl: string): void {
	if (!url.startsWith(`${baseUrl}/api/`)) {
		// Never send the token anywhere but the credential's own Exact host.
		throw new ForeignLinkError(`Refusing to follow a link outside ${baseUrl}: ${url.replace(/\?.*$/, '')}`);
	}
}

export async function exactRequest(this: ExactContext, options: ExactRequestOptions): Promise<ExactResponse> {
	const method = options.method ?? 'GET';
	const credentials = await this.getCredentials(EXACT_CREDENTIAL_TYPE);
	let baseUrl: string;
	let division: number | undefined;
	let url: string;
	try {
		baseUrl = exactBaseUrl(credentials);
		division = options.withDivision !== false ? await resolveDivision.call(this, baseUrl, credentials) : undefined;
		if (options.url) {
			assertSameHost(options.url, baseUrl);
			url = options.url;
		} else {
			const path = (options.path ?? '').replace(/^\/+/, '');
			url = `${baseUrl}/api/v1/${division !== undefined ? `${division}/` : ''}${path}${buildQueryString(options.query)}`;
		}
	} catch (error) {
		if (error instanceof ExactConfigurationError || error instanceof InvalidDivisionError || error instanceof ForeignLinkError) {
			throw new NodeOperationError(this.getNode(), error.message, { itemIndex: options.itemIndex });
		}
		throw asNodeError(this.getNode(), error, options.itemIndex);
	}
	return await sendExact.call(this, { method, url, body: options.body, division, baseUrl, itemIndex: options.itemIndex, timeout: options.timeout });
}
