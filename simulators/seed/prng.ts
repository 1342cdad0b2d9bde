/** Deterministic pseudo-random source: same seed, same sequence (sfc32). Never use Math.random in seeds. */
export interface Rng {
	/** Float in [0, 1). */
	next(): number;
	/** Integer in [min, max] inclusive. */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	/** True with probability p. */
	chance(p: number): boolean;
	/** Price-like number with 2 decimals in [min, max]. */
	amount(min: number, max: number): number;
}

export function createRng(seed: number): Rng {
	let a = 0x9e3779b9 ^ seed;
	let b = 0x243f6a88 ^ (seed * 31);
	let c = 0xb7e15162 ^ (seed * 17);
	let d = 1;
	const next = (): number => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	for (let i = 0; i < 16; i++) next();
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)],
		chance: (p: number) => next() < p,
		amount: (min: number, max: number) => Math.round((min + next() * (max - min)) * 100) / 100,
	};
}

/** 32-bit FNV-1a of a text with a seed, finished with a murmur3 mix. */
function hash32(text: string, seed: number): number {
	let h = (0x811c9dc5 ^ seed) >>> 0;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/**
 * A GUID derived from its parts (four seeded 32-bit hashes), so a record keeps its ID whatever else the seed
 * generates: the awkward accounts have the same ID in every seed size. Not cryptographic; only stable.
 */
export function stableGuid(...parts: Array<string | number>): string {
	const text = parts.join('/');
	const h = [1, 2, 3, 4].map((seed) => hash32(text, seed * 0x9e3779b1).toString(16).padStart(8, '0')).join('');
	const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
