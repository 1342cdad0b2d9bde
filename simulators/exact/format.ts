/** Small value formats shared by the rules and the seed. */

/** Exact keeps numeric account codes right-aligned in 18 characters: "123" is stored as "               123". */
export function padAccountCode(code: string): string {
	const trimmed = code.trim();
	return /^\d+$/.test(trimmed) ? trimmed.padStart(18, ' ') : code;
}

export function round2(value: number): number {
	return Math.round(value * 100) / 100;
}
