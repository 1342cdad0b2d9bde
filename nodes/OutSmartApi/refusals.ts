/** OutSmart's own reasons for refusing data, as a short clause for "OutSmart refused relation 1042: <reason> (code 1301)". */
import { describeOutSmartCode } from './transport';

const REQUIRED_MISSING = /^required field missing:\s*(.+)$/i;

function clause(message: string): string {
	const text = message.trim().replace(/\.$/, '');
	const missing = REQUIRED_MISSING.exec(text);
	if (missing) return `required field ${missing[1]} missing`;
	return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "required field postal_code missing; price cannot be parsed: price", or the code's meaning without messages. */
export function refusalReason(code: number, messages: readonly string[]): string {
	const clauses = messages.map(clause).filter(Boolean);
	return clauses.length ? [...new Set(clauses)].join('; ') : describeOutSmartCode(code).meaning;
}
