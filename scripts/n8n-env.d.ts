// Types for scripts/n8n-env.js (plain JS so that non-TS scripts can use it too).
/** 2: the pinned n8n 2.x on Node 24 (default); 1: the pinned n8n 1.x on the machine's Node 20 (N8N_E2E_LINE=1). */
export type N8nLine = 1 | 2;

export interface N8nPaths {
	line: N8nLine;
	/** The script that installs this line into the cache (scripts/install-n8n.sh or scripts/install-n8n1.sh). */
	installScript: string;
	repoRoot: string;
	cacheRoot: string;
	n8nVersion: string;
	nodeVersion: string;
	nodeDir: string;
	n8nDir: string;
	nodeBin: string;
	n8nBin: string;
	completeMarker: string;
}

export interface N8nOwnerEnv {
	email: string;
	firstName: string;
	lastName: string;
	passwordHash: string;
}

export interface N8nProcessEnvOptions {
	userFolder: string;
	port: number;
	brokerPort: number;
	encryptionKey?: string;
	owner?: N8nOwnerEnv;
	extra?: Record<string, string | undefined>;
}

export const REPO_ROOT: string;
export function n8nLine(value?: string): N8nLine;
export function readPinnedVersions(line?: N8nLine): { n8nVersion: string; nodeVersion: string };
export function n8nPaths(cacheRoot?: string, line?: N8nLine): N8nPaths;
export function assertN8nInstalled(paths?: N8nPaths): N8nPaths;
export function n8nProcessEnv(o: N8nProcessEnvOptions, paths?: N8nPaths): Record<string, string>;
