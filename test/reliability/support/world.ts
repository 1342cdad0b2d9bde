/**
 * One "world": an Exact Online simulator and an OutSmart simulator that belong together (the demo data of
 * scripts/demo-data.ts: work orders use the Exact administration's customers, materials and hour types), with
 * credentials for them. Scenarios that run at the same time each get their own world, so that a fault, a rate
 * limit or a token of one never touches another. Secrets are long and distinctive, for the secret scan.
 */
import { randomBytes } from 'node:crypto';

import { startExactSimulator, type CallLogEntry, type ExactSimulator } from '../../../simulators/exact';
import { startOutSmartSimulator, type OutSmartSimulator, type SeedWorkorder } from '../../../simulators/outsmart';
import { demoOutSmartSeed, demoReadyWorkOrders, readyForExport } from '../../../scripts/demo-data';
import type { CredentialInput } from '../../../scripts/n8n';

export const CLIENT_ID = 'demo-client-id';
export const CLIENT_SECRET = 'rel-client-secret-Vq7Zp2Lm9Xc4Rt';
export const OUTSMART_TOKEN = 'rel-outsmart-token-Hd8Pq1ZcN6yWx';
export const OUTSMART_SOFTWARE_TOKEN = 'rel-software-token-Tb5Lr2MwE8uKj';

const SEED = demoOutSmartSeed();

/** The demo seed's ready work orders (Compleet, GEREED): each scenario exports copies of them with new numbers. */
export const SEED_READY = demoReadyWorkOrders();

export interface TokenPair {
	access_token: string;
	refresh_token: string;
}

export interface WorkOrderState {
	no: string;
	status: string;
	workStatus: string | null;
	/** Exact sales invoices with YourRef = the work order number. */
	invoices: number;
	/** Status changes to Afgehandeld in OutSmart's history of the work order. */
	handled: number;
}

export class World {
	readonly exactCredential: { id: string; name: string };

	readonly outsmartCredential: { id: string; name: string };

	/** The token pair the credential was (last) imported with. */
	tokens: TokenPair;

	private batch = 0;

	private constructor(
		readonly tag: string,
		readonly exact: ExactSimulator,
		readonly outsmart: OutSmartSimulator,
	) {
		this.exactCredential = { id: `relExact${tag}`.padEnd(16, '0'), name: `Exact Online (${tag})` };
		this.outsmartCredential = { id: `relOutSmart${tag}`.padEnd(16, '0'), name: `OutSmart (${tag})` };
		this.tokens = this.newTokenPair();
	}

	/** Both simulators on 127.0.0.1; the seed's own ready work orders set aside (each scenario makes its own). */
	static async start(tag: string, options: { minutelyLimit?: number } = {}): Promise<World> {
		const exact = await startExactSimulator({ seed: 'tiny', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, minutelyLimit: options.minutelyLimit });
		const outsmart = await startOutSmartSimulator({
			token: OUTSMART_TOKEN,
			softwareToken: OUTSMART_SOFTWARE_TOKEN,
			// OutSmart may write amounts of 1,000 and more with a thousands separator: "1.234,50".
			amountStyle: 'thousands',
			seed: SEED,
		});
		const world = new World(tag, exact, outsmart);
		for (const no of world.readyNow()) outsmart.state.setWorkorderStatus(no, { status: 'Afgehandeld' });
		return world;
	}

	/** A token pair Exact knows (issued now: a refresh within 570 s is refused as too early). */
	newTokenPair(): TokenPair {
		const pair = {
			access_token: `rel-${this.tag}-access-${randomBytes(12).toString('hex')}`,
			refresh_token: `rel-${this.tag}-refresh-${randomBytes(12).toString('hex')}`,
		};
		this.exact.state.registerTokens(pair);
		return pair;
	}

	credentials(tokens: TokenPair = this.tokens): CredentialInput[] {
		this.tokens = tokens;
		return [
			{
				...this.exactCredential,
				type: 'exactOnlineOAuth2Api',
				data: {
					region: 'custom',
					customBaseUrl: this.exact.url,
					division: '',
					clientId: CLIENT_ID,
					clientSecret: CLIENT_SECRET,
					oauthTokenData: { ...tokens, token_type: 'bearer' },
				},
			},
			{ ...this.outsmartCredential, type: 'outSmartApi', data: { baseUrl: this.outsmart.url, token: OUTSMART_TOKEN, softwareToken: OUTSMART_SOFTWARE_TOKEN } },
		];
	}

	readyNow(): string[] {
		return this.outsmart.state
			.list('workorders')
			.filter(readyForExport)
			.map((w) => String(w.WorkorderNo))
			.sort();
	}

	/**
	 * `count` new ready work orders (copies of the seed's ready ones with new numbers `WO-<world><n>-<label>-<i>`,
	 * each changed by `change` when given), in that order; throws when any other work order is ready, so that
	 * every scenario counts only its own.
	 */
	makeReady(label: string, count: number, change?: (workOrder: SeedWorkorder, index: number) => SeedWorkorder): string[] {
		this.batch++;
		const inputs = Array.from({ length: count }, (_, i) => {
			const source = SEED_READY[i % SEED_READY.length];
			const copy: SeedWorkorder = { ...source, WorkorderNo: `WO-${this.tag}${this.batch}-${label}-${i + 1}` };
			delete copy.OrderNr;
			return change ? change(copy, i) : copy;
		});
		const numbers = this.outsmart.state.insertWorkorders(inputs).map((c) => c.workorder_no);
		const ready = this.readyNow();
		if (ready.join() !== [...numbers].sort().join()) {
			throw new Error(`World ${this.tag}: other work orders are still ready: ${ready.filter((no) => !numbers.includes(no)).join(', ')}`);
		}
		return numbers;
	}

	invoicesFor(no: string): Array<Record<string, unknown>> {
		return this.exact.state.listRecords('SalesInvoices').filter((i) => String(i.YourRef ?? '').trim() === no);
	}

	state(no: string): WorkOrderState {
		const workorder = this.outsmart.state.findWorkorder(no);
		if (!workorder) throw new Error(`World ${this.tag}: no work order ${no}`);
		return {
			no,
			status: workorder.status,
			workStatus: workorder.fields.WorkStatus ?? null,
			invoices: this.invoicesFor(no).length,
			handled: this.outsmart.state.workorderHistory(no).filter((h) => h.to === 'Afgehandeld').length,
		};
	}

	exactSeq(): number {
		return this.exact.state.calls().at(-1)?.seq ?? 0;
	}

	exactCalls(sinceSeq = 0): CallLogEntry[] {
		return this.exact.state.calls(sinceSeq);
	}

	outsmartSeq(): number {
		return this.outsmart.state.calls().at(-1)?.seq ?? 0;
	}

	/**
	 * Every access and refresh token this Exact ever registered or handed out (rotated ones too), for the secret
	 * scan. The simulator keeps them in its OAuth server; it shows them only masked, so they are read from there.
	 */
	issuedTokens(): string[] {
		const oauth = this.exact.state.oauth as unknown as { accessTokens?: Map<string, unknown>; refreshTokens?: Map<string, unknown> };
		if (!(oauth.accessTokens instanceof Map) || !(oauth.refreshTokens instanceof Map)) {
			throw new Error("The Exact simulator's OAuth server no longer keeps accessTokens/refreshTokens maps: update World.issuedTokens()");
		}
		return [...oauth.accessTokens.keys(), ...oauth.refreshTokens.keys()];
	}

	async close(): Promise<void> {
		await Promise.all([this.exact.close(), this.outsmart.close()]);
	}
}
