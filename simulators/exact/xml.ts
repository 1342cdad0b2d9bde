import { localIso, parseExactDate } from './dates';
import { isEdm } from './fields';

/**
 * Exact answers Atom XML unless the client sends Accept: application/json. A minimal but well-formed OData v2/v3
 * Atom rendering: feeds, entries, deferred and inline links, typed properties, and the XML error document.
 */

const NS_ATOM = 'http://www.w3.org/2005/Atom';
const NS_D = 'http://schemas.microsoft.com/ado/2007/08/dataservices';
const NS_M = 'http://schemas.microsoft.com/ado/2007/08/dataservices/metadata';
const SCHEME = 'http://schemas.microsoft.com/ado/2007/08/dataservices/scheme';
const RELATED = 'http://schemas.microsoft.com/ado/2007/08/dataservices/related/';

export type Projected = Record<string, unknown>;

export interface AtomContext {
	/** Field name -> Edm type of the entries. */
	fields: Record<string, string>;
	/** Field types of expanded navigation properties. */
	navFields?: Record<string, Record<string, string>>;
	/** Feed title (entity set name). */
	title: string;
	/** Absolute URL of this feed or entry. */
	selfUrl: string;
	updated: string;
	next?: string;
}

export function escapeXml(text: string): string {
	return text
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

function property(name: string, type: string, value: unknown): string {
	const typeAttr = type && type !== 'Edm.String' ? ` m:type="${type}"` : '';
	if (value === null || value === undefined) return `<d:${name}${typeAttr} m:null="true" />`;
	let text: string;
	if (type === 'Edm.DateTime' && typeof value === 'string') {
		const local = parseExactDate(value);
		text = local === undefined ? value : localIso(local);
	} else {
		text = String(value);
	}
	return `<d:${name}${typeAttr}>${escapeXml(text)}</d:${name}>`;
}

function entryXml(record: Projected, ctx: AtomContext, root: boolean): string {
	const meta = (record.__metadata ?? {}) as { uri?: string; type?: string };
	const uri = meta.uri ?? ctx.selfUrl;
	const props: string[] = [];
	const links: string[] = [`<link rel="edit" title="${escapeXml(ctx.title)}" href="${escapeXml(uri)}" />`];
	for (const [name, value] of Object.entries(record)) {
		if (name === '__metadata') continue;
		const type = ctx.fields[name] ?? 'Edm.String';
		if (!isEdm(type)) {
			const nav = value as { __deferred?: { uri: string }; results?: Projected[] } | null;
			const href = `${uri}/${name}`;
			if (nav && Array.isArray(nav.results)) {
				const inner: AtomContext = { fields: ctx.navFields?.[name] ?? {}, title: name, selfUrl: href, updated: ctx.updated };
				links.push(
					`<link rel="${RELATED}${name}" type="application/atom+xml;type=feed" title="${name}" href="${escapeXml(href)}"><m:inline>${feedXml(nav.results, inner, false)}</m:inline></link>`,
				);
			} else {
				links.push(`<link rel="${RELATED}${name}" type="application/atom+xml;type=feed" title="${name}" href="${escapeXml(href)}" />`);
			}
			continue;
		}
		props.push(property(name, type, value));
	}
	const ns = root ? ` xmlns="${NS_ATOM}" xmlns:d="${NS_D}" xmlns:m="${NS_M}"` : '';
	return (
		`<entry${ns}><id>${escapeXml(uri)}</id><title type="text"></title><updated>${ctx.updated}</updated>` +
		`<author><name /></author>${links.join('')}` +
		`<category term="${escapeXml(meta.type ?? '')}" scheme="${SCHEME}" />` +
		`<content type="application/xml"><m:properties>${props.join('')}</m:properties></content></entry>`
	);
}

function feedXml(records: Projected[], ctx: AtomContext, root: boolean): string {
	const ns = root ? ` xmlns="${NS_ATOM}" xmlns:d="${NS_D}" xmlns:m="${NS_M}"` : '';
	const next = ctx.next ? `<link rel="next" href="${escapeXml(ctx.next)}" />` : '';
	return (
		`<feed${ns}><title type="text">${escapeXml(ctx.title)}</title><id>${escapeXml(ctx.selfUrl)}</id>` +
		`<updated>${ctx.updated}</updated><link rel="self" title="${escapeXml(ctx.title)}" href="${escapeXml(ctx.title)}" />` +
		records.map((r) => entryXml(r, ctx, false)).join('') +
		`${next}</feed>`
	);
}

const PROLOG = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>';

export function atomFeed(records: Projected[], ctx: AtomContext): string {
	return PROLOG + feedXml(records, ctx, true);
}

export function atomEntry(record: Projected, ctx: AtomContext): string {
	return PROLOG + entryXml(record, ctx, true);
}

export function xmlError(message: string): string {
	return `${PROLOG}<error xmlns="${NS_M}"><code></code><message xml:lang="en-US">${escapeXml(message)}</message></error>`;
}
