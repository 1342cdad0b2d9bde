import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * OAuth2 through Exact's own login. n8n's OAuth2 machinery stores the tokens and refreshes them after a 401;
 * Exact rotates the refresh token on every refresh, and n8n saves the new one. We never refresh ourselves:
 * Exact refuses a refresh within ~570 s of the previous token.
 */
export class ExactOnlineOAuth2Api implements ICredentialType {
	name = 'exactOnlineOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Exact Online OAuth2 API';

	documentationUrl =
		'https://github.com/n8n-nodes-exact-outsmart/n8n-nodes-exact-outsmart#connect-exact-online';

	icon: Icon = { light: 'file:../icons/exactOnline.svg', dark: 'file:../icons/exactOnline.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'nl',
			description:
				'The Exact Online country your app is registered in. An app only works in the country where it was registered.',
			options: [
				{ name: 'Belgium (exactonline.be)', value: 'be' },
				{ name: 'Custom Base URL', value: 'custom' },
				{ name: 'France (exactonline.fr)', value: 'fr' },
				{ name: 'Germany (exactonline.de)', value: 'de' },
				{ name: 'Netherlands (exactonline.nl)', value: 'nl' },
				{ name: 'Spain (exactonline.es)', value: 'es' },
				{ name: 'United Kingdom (exactonline.co.uk)', value: 'co.uk' },
				{ name: 'United States (exactonline.com)', value: 'com' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://exact-proxy.example.com',
			description:
				'Root URL that serves /api/oauth2 and /api/v1, without a trailing slash. For proxies and test servers.',
			displayOptions: { show: { region: ['custom'] } },
			required: true,
		},
		{
			displayName: 'Division',
			name: 'division',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1234567',
			description:
				'The administration (division) number this credential works in. Leave blank to use the division that is current for the Exact user who connects.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the Exact Online Trigger (webhooks): the Webhook secret of your app in the Exact App Center. Every event Exact sends is signed with it; events without a valid signature are refused.',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default:
				'={{ ($self["region"] === "custom" ? $self["customBaseUrl"] : "https://start.exactonline." + $self["region"]) + "/api/oauth2/auth" }}',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default:
				'={{ ($self["region"] === "custom" ? $self["customBaseUrl"] : "https://start.exactonline." + $self["region"]) + "/api/oauth2/token" }}',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}
