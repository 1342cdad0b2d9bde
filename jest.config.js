// Projects: unit (pure code and transport against nock or simulators), integration (nodes against the
// simulators), e2e (a real n8n running the built package; sequential, see scripts/e2e.sh), e2e-queue and
// reliability (a real n8n too, run on their own: `npm run test:queue`, `npm run test:reliability`).
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
	],
};
