/** An Exact Online credential for n8n that reaches the Exact simulator with a token pair the simulator knows. */
import type { CredentialInput } from '../../scripts/n8n';
import { MAIN_DIVISION, type ExactSimulator } from '../../simulators/exact';

export function exactSimulatorCredential(
	sim: ExactSimulator,
	credential: { id: string; name: string },
	tokens: { access_token: string; refresh_token: string },
	division = String(MAIN_DIVISION),
): CredentialInput {
	sim.state.registerTokens(tokens);
	return {
		...credential,
		type: 'exactOnlineOAuth2Api',
		data: {
			region: 'custom',
			customBaseUrl: sim.url,
			division,
			clientId: 'demo-client-id',
			clientSecret: 'demo-client-secret',
			oauthTokenData: { ...tokens, token_type: 'bearer' },
		},
	};
}
