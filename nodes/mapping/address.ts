/**
 * Exact keeps the street and house number in one address line; OutSmart wants them apart. The house number
 * is the last token that starts with a digit, with at most a few short tokens after it (additions such as
 * "A", "hs", "bis"): "Dorpsstraat 12a", "Laan van Meerdervoort 1250-B", "1e Jacob van Campenstraat 12 hs",
 * "Plein 1940-1945 3". English-style lines ("12 Main Street") have the number first.
 */
export interface StreetAndNumber {
	street: string;
	houseNumber: string;
}

const MAX_ADDITION_TOKENS = 2;
const MAX_ADDITION_LENGTH = 4;

export function splitAddressLine(line: string | null | undefined): StreetAndNumber {
	const text = (line ?? '').trim().replace(/\s+/g, ' ');
	if (!text) return { street: '', houseNumber: '' };
	const tokens = text.split(' ');
	for (let i = tokens.length - 1; i >= 1; i--) {
		const rest = tokens.slice(i + 1);
		if (rest.length > MAX_ADDITION_TOKENS) break;
		if (/^\d/.test(tokens[i]) && rest.every((t) => t.length <= MAX_ADDITION_LENGTH && !/^\d{3,}/.test(t))) {
			return { street: tokens.slice(0, i).join(' ').replace(/,$/, ''), houseNumber: tokens.slice(i).join(' ') };
		}
	}
	const leading = /^(\d+[a-zA-Z]?)\s+(\D.*)$/.exec(text);
	if (leading) return { street: leading[2], houseNumber: leading[1] };
	return { street: text, houseNumber: '' };
}
