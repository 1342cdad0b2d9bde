// Types for scripts/n8n-env.js (plain JS so that non-TS scripts can use it too).
export interface N8nPaths {
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
export function readPinnedVersions(): { n8nVersion: string; nodeVersion: string };
export function n8nPaths(cacheRoot?: string): N8nPaths;
export function assertN8nInstalled(paths?: N8nPaths): N8nPaths;
export function n8nProcessEnv(o: N8nProcessEnvOptions, paths?: N8nPaths): Record<string, string>;
