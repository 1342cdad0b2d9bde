/** A started Exact simulator plus an Exact credential that points at it with a known token pair. */
import { startExactSimulator, type ExactSimulator, type ExactSimulatorOptions } from '../../simulators/exact';
import type { CredentialData } from '../harness/http';

export interface ExactFixture {
	sim: ExactSimulator;
	credentials: () => { exactOnlineOAuth2Api: CredentialData };
	credential: CredentialData;
}

let tokenCounter = 0;

export async function startExact(options: ExactSimulatorOptions = {}): Promise<ExactFixture> {
	const sim = await startExactSimulator({ seed: 'tiny', ...options });
	const fixture: ExactFixture = {
		sim,
		credential: {},
		credentials: () => ({ exactOnlineOAuth2Api: fixture.credential }),
	};
	resetCredential(fixture);
	return fixture;
}

/** A fresh, valid token pair on a fresh credential (as after connecting in n8n). */
export function resetCredential(fixture: ExactFixture, division = ''): void {
	tokenCounter++;
	const tokens = { access_token: `AT-test-${tokenCounter}`, refresh_token: `RT-test-${tokenCounter}` };
	fixture.sim.state.registerTokens({ ...tokens });
	fixture.credential = {
		region: 'custom',
		customBaseUrl: fixture.sim.url,
		clientId: 'demo-client-id',
		clientSecret: 'demo-client-secret',
		division,
		oauthTokenData: { ...tokens, token_type: 'bearer' },
	};
}
