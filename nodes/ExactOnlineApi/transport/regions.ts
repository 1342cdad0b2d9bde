import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Exact runs one host per country with the same paths on each. */
export const EXACT_REGION_HOSTS: Record<string, string> = {
	nl: 'https://start.exactonline.nl',
	be: 'https://start.exactonline.be',
	de: 'https://start.exactonline.de',
	fr: 'https://start.exactonline.fr',
	es: 'https://start.exactonline.es',
	'co.uk': 'https://start.exactonline.co.uk',
	com: 'https://start.exactonline.com',
};

export class ExactConfigurationError extends Error {}

/** The root URL (no trailing slash) that serves /api/v1 for this credential. */
export function exactBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const region = String(credentials.region ?? 'nl');
	if (region === 'custom') {
		const custom = String(credentials.customBaseUrl ?? '').trim().replace(/\/+$/, '');
		if (!/^https?:\/\/[^/]+/.test(custom)) {
			throw new ExactConfigurationError(
				'The Exact Online credential uses a custom base URL, but it is not a valid http(s) URL',
			);
		}
		return custom;
	}
	const host = EXACT_REGION_HOSTS[region];
	if (!host) {
		throw new ExactConfigurationError(`Unknown Exact Online region "${region}" in the credential`);
	}
	return host;
}
