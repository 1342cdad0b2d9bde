/** Deterministic seed data: Exact Online records and reusable Dutch name/address helpers. */
export * from './types';
export * from './prng';
export * from './dutch';
export { EXACT_SEED_FIXTURES, SEED_SIZES, generateExactSeed, seedId } from './exact';
export type { SeedOptions } from './exact';
