import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/**
 * OutSmart authenticates every request with two query parameters: the customer's token and the token of
 * the software package. OutSmart answers most errors with HTTP 200 and an error code in the envelope.
 */
export class OutSmartApi implements ICredentialType {
	name = 'outSmartApi';

	displayName = 'OutSmart API';

	documentationUrl =
		'https://github.com/n8n-nodes-exact-outsmart/n8n-nodes-exact-outsmart#connect-outsmart';

	icon: Icon = { light: 'file:../icons/outSmart.svg', dark: 'file:../icons/outSmart.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.out-smart.com/openapi/8',
			description:
				'OutSmart Open API root, version 8. Newer accounts may use https://app.out-smart.com/openapi/8.',
			required: true,
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Your company token, from OutSmart: Settings → Software integrations → Open API',
			required: true,
		},
		{
			displayName: 'Software Token',
			name: 'softwareToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The token OutSmart issued for the software package that connects',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: {
				token: '={{$credentials.token}}',
				software_token: '={{$credentials.softwareToken}}',
			},
		},
	};

	// The rules are failure detectors: n8n reports the message when the body field equals the value.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/workstatusses/',
			method: 'GET',
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 1002, message: 'The token is missing' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 1003, message: 'The software token is missing' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 1004, message: 'OutSmart does not accept this token (code 1004): copy it again from OutSmart' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 1005, message: 'OutSmart does not accept this software token, or it does not match the token (code 1005)' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 1006, message: 'OutSmart only answers over HTTPS (code 1006): use an https:// base URL' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 1000, message: 'No OutSmart Open API at this base URL (code 1000): check that it ends in /openapi/8' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 1001, message: 'No OutSmart Open API at this base URL (code 1001): check that it ends in /openapi/8' } },
		],
	};
}
