// Projects: unit (pure code and transport against nock or simulators), integration (nodes against the
// simulators), e2e (a real n8n running the built package; sequential, see scripts/e2e.sh), e2e-queue and
// reliability (a real n8n too, run on their own: `npm run test:queue`, `npm run test:reliability`), e2e-n8n1 (the
// smoke suite on n8n 1.x: `npm run test:n8n1`), browser (the editor in Chromium: `npm run test:browser`).
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.dev.json' }];
const base = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
	projects: [
		{ ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{ ...base, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
		{ ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
		// n8n in queue mode (main + workers, Redis, PostgreSQL from apt); `npm run test:queue`.
		{ ...base, displayName: 'e2e-queue', testMatch: ['<rootDir>/test/e2e-queue/**/*.test.ts'] },
		// Faults and hostile input as a table, in a real n8n (single process and queue mode); `npm run test:reliability`.
		{ ...base, displayName: 'reliability', testMatch: ['<rootDir>/test/reliability/**/*.test.ts'] },
		// The smoke e2e on the n8n 1.x line (N8N_E2E_LINE=1: scripts/install-n8n1.sh, the machine's Node 20); `npm run test:n8n1`.
		{ ...base, displayName: 'e2e-n8n1', testMatch: ['<rootDir>/test/e2e-n8n1/**/*.test.ts'] },
		// The n8n editor in Chromium (playwright-core), against the `npm start` world; `npm run test:browser`.
		{ ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
	],
};
