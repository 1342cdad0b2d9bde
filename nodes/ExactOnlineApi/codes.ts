/**
 * Exact stores account codes as 18-character strings padded with leading spaces. A filter must carry the
 * padding to match; output shows the code trimmed, the way users know it.
 */
export const ACCOUNT_CODE_LENGTH = 18;

export function padAccountCode(code: string | number): string {
	const trimmed = String(code).trim();
	return trimmed.length >= ACCOUNT_CODE_LENGTH ? trimmed : trimmed.padStart(ACCOUNT_CODE_LENGTH, ' ');
}

/** Trims a value that looks like a padded code (leading spaces before the code). */
export function trimPaddedCode(value: string): string {
	return /^ +\S/.test(value) ? value.trim() : value;
}
