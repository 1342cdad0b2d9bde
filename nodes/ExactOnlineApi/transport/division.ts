/**
 * Which administration (division) the credential works in: the one set in the credential, or else the
 * user's current division from current/Me, asked once and remembered for the process (per credential).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { EXACT_CREDENTIAL_TYPE, type ExactContext } from './context';
import { exactBaseUrl } from './regions';
import { sendExact } from './send';

const CACHE_MS = 15 * 60_000;
const cache = new Map<string, { division: number; until: number }>();

export class InvalidDivisionError extends Error {}

export function configuredDivision(credentials: ICredentialDataDecryptedObject): number | undefined {
	const raw = String(credentials.division ?? '').trim();
	if (raw === '') return undefined;
	if (!/^\d+$/.test(raw)) {
		throw new InvalidDivisionError(
			`The Division in the Exact Online credential must be a number such as 1234567, not "${raw}"`,
		);
	}
	return Number(raw);
}

function cacheKey(this: ExactContext, baseUrl: string, credentials: ICredentialDataDecryptedObject): string {
	const id = this.getNode().credentials?.exactOnlineOAuth2Api?.id;
	return `${baseUrl}|${id ?? String(credentials.clientId ?? '')}`;
}

export interface CurrentUser {
	CurrentDivision: number;
	FullName?: string;
	UserName?: string;
	DivisionCustomerName?: string;
	[key: string]: unknown;
}

export async function fetchCurrentUser(this: ExactContext, select = 'CurrentDivision,FullName,UserName'): Promise<CurrentUser> {
	// current/Me is one of the few endpoints without a division in its path.
	const baseUrl = exactBaseUrl(await this.getCredentials(EXACT_CREDENTIAL_TYPE));
	const response = await sendExact.call(this, { method: 'GET', url: `${baseUrl}/api/v1/current/Me?$select=${encodeURIComponent(select).replace(/%2C/g, ',')}`, baseUrl });
	const results = (response.body as { d?: { results?: CurrentUser[] } })?.d?.results;
	if (!results?.length || typeof results[0].CurrentDivision !== 'number') {
		throw new Error('Exact Online did not say which division is current (current/Me answered without CurrentDivision)');
	}
	return results[0];
}

export async function resolveDivision(
	this: ExactContext,
	baseUrl: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<number> {
	const configured = configuredDivision(credentials);
	if (configured !== undefined) return configured;
	const key = cacheKey.call(this, baseUrl, credentials);
	const cached = cache.get(key);
	if (cached && cached.until > Date.now()) return cached.division;
	const me = await fetchCurrentUser.call(this);
	cache.set(key, { division: me.CurrentDivision, until: Date.now() + CACHE_MS });
	return me.CurrentDivision;
}
