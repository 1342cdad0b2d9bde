/**
 * The "Docs" links n8n shows for our nodes (codex primaryDocumentation / credentialDocumentation) and credentials
 * (documentationUrl) point at README headings of the package's repository: every anchor must exist, or a user
 * lands at the top of a long page. Anchors are made the way GitHub (and npm, which shows the same README) make them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExactOnlineOAuth2Api } from '../../../credentials/ExactOnlineOAuth2Api.credentials';
import { OutSmartApi } from '../../../credentials/OutSmartApi.credentials';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	homepage: string;
	repository: { url: string };
	n8n: { nodes: string[] };
};

/** GitHub's heading anchor: lower case, punctuation dropped (hyphens kept), spaces to hyphens. */
function anchorOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s-]/gu, '')
		.replace(/\s/g, '-');
}

function readmeAnchors(): Set<string> {
	const text = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/```[\s\S]*?```/g, '');
	return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1])));
}

function docLinks(): Array<{ where: string; url: string }> {
	const links: Array<{ where: string; url: string }> = [];
	for (const dir of fs.readdirSync(path.join(ROOT, 'nodes'))) {
		for (const file of fs.readdirSync(path.join(ROOT, 'nodes', dir)).filter((f) => f.endsWith('.node.json'))) {
			const codex = JSON.parse(fs.readFileSync(path.join(ROOT, 'nodes', dir, file), 'utf8')) as {
				resources?: Record<string, Array<{ url: string }>>;
			};
			for (const [kind, entries] of Object.entries(codex.resources ?? {})) {
				for (const { url } of entries) links.push({ where: `${file} ${kind}`, url });
			}
		}
	}
	for (const credential of [new ExactOnlineOAuth2Api(), new OutSmartApi()]) {
		links.push({ where: `${credential.name} credential`, url: String(credential.documentationUrl) });
	}
	return links;
}

describe('Docs links', () => {
	const links = docLinks();

	it('every node and credential has one', () => {
		// One per node the package registers, and a credential link per node plus one per credential.
		const nodes = pkg.n8n.nodes.length;
		expect(links.filter((l) => l.where.includes('primaryDocumentation'))).toHaveLength(nodes);
		expect(links.filter((l) => l.where.includes('credential'))).toHaveLength(nodes + 2);
	});

	it('point at the repository the package names (whose README npm shows too)', () => {
		expect(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')).toBe(pkg.homepage);
		for (const { where, url } of links) expect([where, url.split('#')[0]]).toEqual([where, pkg.homepage]);
	});

	it('land on a heading that exists in the README', () => {
		const anchors = readmeAnchors();
		const missing = links.filter(({ url }) => !anchors.has(url.split('#')[1] ?? '')).map(({ where, url }) => `${where}: ${url}`);
		expect(missing).toEqual([]);
	});
});
