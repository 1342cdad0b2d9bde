/**
 * The secret scan: every text the suite produced (executions, node outputs, errors, n8n's log files, CLI output,
 * the report) is searched for every secret in every form it could leak in: as is, URL-encoded (query strings and
 * form bodies), JSON-escaped, and base64 (a Basic authorization header). Long tokens are searched by their first
 * 24 characters, so that a token cut short in a log line is found too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Secret {
	label: string;
	value: string;
}

export interface Produced {
	/** What kind of output: execution, n8n execute, log, queue execution, queue log, table, report, suite output. */
	kind: string;
	source: string;
	text: string;
}

export interface SecretHit {
	source: string;
	secret: string;
	form: string;
	/** The text around the hit with the secret itself replaced, to find the leak without repeating it. */
	context: string;
}

const PREFIX = 24;

/** The forms one secret can appear in. */
export function secretForms(value: string): Array<{ form: string; needle: string }> {
	const base = value.length > 32 ? value.slice(0, PREFIX) : value;
	const forms = [
		{ form: 'raw', needle: base },
		{ form: 'url-encoded', needle: encodeURIComponent(base) },
		{ form: 'form-encoded', needle: new URLSearchParams({ x: base }).toString().slice(2) },
		{ form: 'json-escaped', needle: JSON.stringify(base).slice(1, -1) },
		{ form: 'base64', needle: Buffer.from(value).toString('base64').slice(0, Math.min(PREFIX, Math.floor((value.length * 4) / 3) - 4)) },
	];
	const unique = new Map<string, { form: string; needle: string }>();
	for (const f of forms) if (f.needle.length >= 8 && !unique.has(f.needle)) unique.set(f.needle, f);
	return [...unique.values()];
}

export function scanForSecrets(produced: Produced[], secrets: Secret[]): SecretHit[] {
	const hits: SecretHit[] = [];
	for (const secret of secrets) {
		const forms = secretForms(secret.value);
		for (const item of produced) {
			for (const { form, needle } of forms) {
				const at = item.text.indexOf(needle);
				if (at < 0) continue;
				const context = item.text.slice(Math.max(0, at - 120), at + needle.length + 60).split(needle).join('<SECRET>');
				hits.push({ source: item.source, secret: secret.label, form, context });
			}
		}
	}
	return hits;
}

/** Every `*.log` file below a folder (n8n's own log, the event log, ...), skipping node_modules. */
export function logFilesBelow(dir: string): string[] {
	const found: string[] = [];
	const walk = (current: string): void => {
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(current, { withFileTypes: true });
		} catch {
			return;
		}
		for (const entry of entries) {
			const full = path.join(current, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'node_modules') walk(full);
			} else if (/\.log$/.test(entry.name)) {
				found.push(full);
			}
		}
	};
	walk(dir);
	return found.sort();
}
