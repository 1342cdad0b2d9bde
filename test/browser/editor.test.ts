/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code in page.evaluate() runs in the browser.
/**
 * The n8n editor in a real browser (Debian's Chromium driven by playwright-core), against the world `npm start`
 * brings up (simulators with demo data, n8n with this package, the demo credentials and the templates): log in,
 * run every template from the editor, walk every resource and operation of each of our nodes' panels, open
 * both credential dialogs, search the node panel. Fails on a broken icon, an empty dropdown, a parameter
 * without a description, a node that errors in the editor, or a console error about our package. Screenshots
 * of every step go to test/browser/screenshots/; the README's pictures (docs/images, light and dark) are made
 * here too. Run with `npm run test:browser`.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { startDemo, type Demo, type DemoTemplate } from '../../scripts/demo';
import { EXACT_CREDENTIAL, OUTSMART_CREDENTIAL, readyForExport } from '../../scripts/demo-data';
import { REPO_ROOT } from '../../scripts/n8n-env';
import { waitFor } from '../../scripts/n8n';
import { brokenImages, launchChromium, logIn, newEditorContext, openDropdown, PageProblems, Screenshots, type Theme } from './support/editor';
import { iconUrls, missingDescriptions, ourNodeTypes, panelStates, parametersShownIn, type NodeTypeDescription, type PanelState } from './support/nodeTypes';

jest.setTimeout(600_000);

const SCREENSHOTS = path.join(REPO_ROOT, 'test/browser/screenshots');
// The README's pictures are replaced only when asked (`npm run pictures`): every run differs a little (ports, times).
const README_IMAGES = process.env.README_PICTURES === '1' ? path.join(REPO_ROOT, 'docs/images') : path.join(SCREENSHOTS, 'readme');
const SEARCH_TERMS = ['Exact', 'OutSmart', 'werkbon', 'uursoort', 'factuur'];
const CREDENTIALS = [EXACT_CREDENTIAL, OUTSMART_CREDENTIAL];

/**
 * Requests the editor makes for files a node may ship but need not: the output schema of an operation (for the
 * schema preview of a node that has not run yet). n8n asks for them and takes the 404 as "none".
 */
const OPTIONAL_LOOKUPS = [/\b404\b.*\/schemas\/\S+\.json/];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the n8n editor in a browser', () => {
	let demo: Demo;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let types: NodeTypeDescription[];
	let panelsWorkflowId: string;
	const problems = new PageProblems();
	let shots: Screenshots;

	const url = (urlPath: string) => `${demo.n8n.baseUrl}${urlPath}`;
	const canvasNode = (name: string) => page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);

	beforeAll(async () => {
		shots = new Screenshots(SCREENSHOTS);
		[demo, browser] = await Promise.all([startDemo({ name: 'browser' }), launchChromium()]);
		const all = await demo.n8n.nodeTypes();
		types = ourNodeTypes(all as NodeTypeDescription[], demo.n8n.packageName);
		context = await newEditorContext(browser, 'light');
		page = await context.newPage();
		problems.watch(page);
	});

	afterAll(async () => {
		await browser?.close();
		await demo?.close();
	});

	/** Words that mark a console error or failed request as ours. */
	const ourWords = () => [demo.n8n.packageName, ...types.flatMap((t) => [t.name.split('.')[1], t.displayName]), ...CREDENTIALS.map((c) => c.type)];

	async function openWorkflow(id: string): Promise<void> {
		await page.goto(url(`/workflow/${id}`));
		await page.locator('[data-test-id="canvas-node"]').first().waitFor();
	}

	/** Every image of our package on the page has loaded (waits for them to finish first). */
	async function expectOurIconsLoaded(where: string): Promise<number> {
		const prefix = `/icons/${demo.n8n.packageName}/`;
		await page.waitForFunction((part) => [...document.querySelectorAll('img')].filter((i) => i.src.includes(part)).every((i) => i.complete), prefix);
		const { total, broken } = await brokenImages(page, prefix);
		expect({ where, broken }).toEqual({ where, broken: [] });
		return total;
	}

	/** Names of the nodes a sticky note lies over on the canvas (the template's explanation hides them). */
	async function nodesUnderStickyNotes(): Promise<string[]> {
		return await page.evaluate(() => {
			const box = (el: Element) => el.getBoundingClientRect();
			const notes = [...document.querySelectorAll('[data-test-id="sticky"]')].map(box);
			return [...document.querySelectorAll('[data-test-id="canvas-node"]')]
				.filter((node) => {
					const n = box(node);
					return notes.some((s) => n.left < s.right && s.left < n.right && n.top < s.bottom && s.top < n.bottom);
				})
				.map((node) => node.getAttribute('data-node-name') ?? '?');
		});
	}

	it('logs in with the demo owner', async () => {
		await logIn(page, demo.n8n.baseUrl);
		// The overview lists the templates `npm start` imported.
		const workflows = page.getByTestId('resources-list-item-workflow');
		await workflows.nth(demo.templates.length - 1).waitFor();
		for (const template of demo.templates) await workflows.filter({ hasText: template.name }).waitFor();
		await shots.take(page, 'overview');
	});

	it('knows every node package.json registers, each with a description on every parameter and icons that load', async () => {
		const registered = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } }).n8n.nodes;
		expect(types).toHaveLength(registered.length);
		expect(types.flatMap(missingDescriptions)).toEqual([]);
		for (const type of types) {
			const icons = iconUrls(type);
			expect({ node: type.displayName, icons: icons.length }).toEqual({ node: type.displayName, icons: 2 });
			for (const icon of icons) {
				const res = await fetch(url(`/${icon}`));
				expect({ icon, status: res.status, type: res.headers.get('content-type') }).toEqual({ icon, status: 200, type: expect.stringContaining('image/svg') });
			}
		}
	});

	describe('templates', () => {
		const runFromEditor = async (template: DemoTemplate) => {
			await openWorkflow(template.id);
			expect(await expectOurIconsLoaded(template.file)).toBeGreaterThan(0);
			expect({ template: template.file, coveredByNotes: await nodesUnderStickyNotes() }).toEqual({ template: template.file, coveredByNotes: [] });
			await shots.take(page, `template-${template.file}`);
			const trigger = template.workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
			if (!trigger) throw new Error(`${template.file} has no Manual Trigger`);
			const before = new Set((await demo.n8n.listExecutions(template.id, { includeData: false })).map((e) => e.id));
			// The canvas button of the Manual Trigger ("Execute workflow" from that trigger).
			await page.getByTestId(`execute-workflow-button-${trigger.name}`).click({ force: true });
			const finished = await waitFor(
				async () => (await demo.n8n.listExecutions(template.id, { includeData: false })).find((e) => !before.has(e.id) && e.stoppedAt),
				120_000,
				{ description: `the editor's run of ${template.file}`, intervalMs: 500 },
			);
			const execution = await demo.n8n.getExecution(finished.id);
			expect({ template: template.file, status: execution.status, error: execution.data?.resultData.error?.message }).toEqual({ template: template.file, status: 'success', error: undefined });
			// The editor shows the run: every node that ran is marked successful, none failed.
			const ran = Object.keys(execution.data?.resultData.runData ?? {});
			expect(ran.length).toBeGreaterThan(1);
			for (const name of ran) await canvasNode(name).getByTestId('canvas-node-status-success').waitFor();
			expect(await page.getByTestId('canvas-node-status-error').count()).toBe(0);
			await shots.take(page, `template-${template.file}-ran`);
			return execution;
		};

		it('imports into OutSmart: relations, materials, hour types, payment data (every template but the export)', async () => {
			const outsmart = (entity: string) => demo.world.outsmart.state.list(entity) as IDataObject[];
			const imports = demo.templates.filter((t) => !t.file.startsWith('05-'));
			expect(imports.length).toBe(demo.templates.length - 1);
			for (const template of imports) await runFromEditor(template);
			expect(outsmart('relations').length).toBeGreaterThan(3);
			expect(outsmart('materials').length).toBeGreaterThan(2);
			expect(outsmart('hourtypes').map((h) => h.code)).toEqual(expect.arrayContaining(['ARBEID', 'VOORRIJ']));
		});

		it('exports the completed work orders to Exact as invoices', async () => {
			const template = demo.templates.find((t) => t.file.startsWith('05-'));
			if (!template) throw new Error('templates/05-* is missing');
			const ready = (demo.world.outsmart.state.list('workorders') as IDataObject[]).filter(readyForExport).map((w) => String(w.WorkorderNo));
			expect(ready.length).toBeGreaterThan(0);
			await runFromEditor(template);
			const invoiced = demo.world.exact.state.listRecords('SalesInvoices').map((i) => String(i.YourRef));
			const handled = ready.filter((no) => invoiced.includes(no));
			expect(handled.length).toBeGreaterThan(0);
			for (const no of handled) expect(demo.world.outsmart.state.findWorkorder(no)).toMatchObject({ status: 'Afgehandeld' });
		});
	});

	describe('node panels', () => {
		/**
		 * Opens a dropdown parameter. A click that lands while the panel re-renders after another choice can be
		 * lost (the list stays closed), so it clicks again until the list opens.
		 */
		async function openSelect(testId: string): Promise<void> {
			for (let attempt = 1; ; attempt++) {
				// Resource-specific parameters share a name (one `operation` per resource): the visible one is this state's.
				await page.getByTestId(testId).filter({ visible: true }).locator('.el-select input').first().click({ timeout: 5_000 });
				const opened = await openDropdown(page)
					.waitFor({ timeout: 2_000 })
					.then(() => true)
					.catch(() => false);
				if (opened) return;
				if (attempt === 3) throw new Error(`The dropdown ${testId} does not open`);
			}
		}

		/**
		 * Selects an option of a dropdown parameter by its display name and waits until the input shows it (by name, or
		 * by its value, which n8n shows for an operation kept across a resource change). A choice made while the panel
		 * re-renders can be lost (the input keeps the old value): it chooses again then.
		 */
		async function choose(parameter: string, optionName: string, optionValue?: string): Promise<void> {
			const testId = `parameter-input-${parameter}`;
			for (let attempt = 1; ; attempt++) {
				await openSelect(testId);
				const dropdown = openDropdown(page);
				await dropdown.locator('.option-headline', { hasText: new RegExp(`^\\s*${escapeRegExp(optionName)}\\s*$`) }).click();
				if ((await dropdown.count()) > 0) await page.keyboard.press('Escape');
				await dropdown.waitFor({ state: 'hidden' });
				const shown = await page
					.waitForFunction(
						({ id, name, value }) =>
							[...document.querySelectorAll(`[data-test-id="${id}"]`)].some((el) => {
								const shown = (el as HTMLElement).offsetParent !== null ? el.querySelector('input')?.value : undefined;
								return shown !== undefined && (shown === name || shown === value);
							}),
						{ id: testId, name: optionName, value: optionValue ?? optionName },
						{ timeout: 5_000 },
					)
					.then(() => true)
					.catch(() => false);
				if (shown) return;
				if (attempt === 3) {
					const values = await page.getByTestId(testId).locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
					throw new Error(`${parameter}: choosing "${optionName}" does not take; the inputs show ${JSON.stringify(values)}`);
				}
			}
		}

		/** The visible parameters of the open panel: dropdowns (by test id) and labels without a description icon. */
		async function readPanel(): Promise<{ dropdowns: string[]; undescribed: string[]; errors: string[] }> {
			return await page.evaluate(() => {
				const panel = document.querySelector('[data-test-id="node-parameters"]');
				if (!panel) return { dropdowns: [], undescribed: [], errors: ['the panel shows no parameters'] };
				const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
				const dropdowns = [...panel.querySelectorAll('[data-test-id^="parameter-input-"]')]
					.filter((el) => visible(el) && el.querySelector('.el-select'))
					.map((el) => el.getAttribute('data-test-id') ?? '');
				const undescribed = [...panel.querySelectorAll('[data-test-id="parameter-item"]')]
					.filter(visible)
					.map((item) => item.querySelector<HTMLLabelElement>('label[for]'))
					.filter((label): label is HTMLLabelElement => label !== null && !['resource', 'operation'].includes(label.htmlFor))
					.filter((label) => !label.closest('.multi-parameter') && !label.closest('[class*="infoIcon"]') && !label.querySelector('[class*="infoIcon"]'))
					.map((label) => label.htmlFor);
				const text = (document.querySelector('[data-test-id="ndv"]') as HTMLElement | null)?.innerText ?? '';
				const errors = ['not currently installed', 'Install this node', 'There was a problem', 'Could not load'].filter((m) => text.includes(m));
				return { dropdowns, undescribed, errors };
			});
		}

		/** Waits until the panel shows only parameters of this state (it re-renders a moment after a choice). */
		async function panelFor(type: NodeTypeDescription, state: PanelState): Promise<void> {
			const allowed = [...parametersShownIn(type, state)];
			await page.waitForFunction((names) => {
				const panel = document.querySelector('[data-test-id="node-parameters"]');
				if (!panel) return false;
				return [...panel.querySelectorAll('[data-test-id^="parameter-input-"][data-test-id]')]
					.filter((el) => (el as HTMLElement).offsetParent !== null && el.querySelector('[data-parameter-path]'))
					.every((el) => names.includes((el.getAttribute('data-test-id') ?? '').replace('parameter-input-', '')));
			}, allowed);
		}

		/** Opens a dropdown and expects at least one option (loadOptions ones: after loading). */
		async function optionsOf(testId: string): Promise<string[]> {
			await openSelect(testId);
			const dropdown = openDropdown(page);
			const items = dropdown.locator('.el-select-dropdown__item');
			const found = await items
				.first()
				.waitFor({ timeout: 15_000 })
				.then(() => true)
				.catch(() => false);
			const names = found ? (await items.allInnerTexts()).map((t) => t.split('\n')[0].trim()) : [];
			await page.keyboard.press('Escape');
			await dropdown.waitFor({ state: 'hidden' });
			return names;
		}

		beforeAll(async () => {
			// One workflow with one node of each of our types, with the demo credentials.
			const nodes = types.map((type, i) => {
				const credentialType = type.credentials?.[0]?.name;
				const credential = CREDENTIALS.find((c) => c.type === credentialType);
				return {
					id: randomUUID(),
					name: type.displayName,
					type: type.name,
					typeVersion: Array.isArray(type.version) ? Math.max(...type.version) : type.version,
					position: [(i % 4) * 260, Math.floor(i / 4) * 220],
					parameters: {},
					...(credential ? { credentials: { [credential.type]: { id: credential.id, name: credential.name } } } : {}),
				};
			});
			const created = await demo.n8n.rest<{ id: string }>('POST', '/rest/workflows', { name: 'Our nodes', nodes, connections: {}, settings: { executionOrder: 'v1' } });
			panelsWorkflowId = created.id;
		});

		it('every resource and operation of every node: panel renders, dropdowns have options, parameters have descriptions', async () => {
			await openWorkflow(panelsWorkflowId);
			expect(await expectOurIconsLoaded('canvas with our nodes')).toBeGreaterThanOrEqual(types.length);
			const checked = new Map<string, string[]>();
			const failures: string[] = [];
			let states = 0;
			for (const type of types) {
				await canvasNode(type.displayName).dblclick();
				await page.getByTestId('node-parameters').waitFor();
				await expectOurIconsLoaded(`${type.displayName} panel`);
				for (const state of panelStates(type)) {
					states++;
					if (state.resource) await choose('resource', state.resource.name);
					// After a resource change n8n may show the kept operation by its value (e.g. getMany) rather than its name.
					if (state.operation) await choose('operation', state.operation.name, state.operation.value);
					await panelFor(type, state);
					const where = [type.displayName, state.resource?.name, state.operation?.name].filter(Boolean).join(' › ');
					const panel = await readPanel();
					failures.push(...panel.errors.map((e) => `${where}: the panel says "${e}"`));
					failures.push(...panel.undescribed.map((p) => `${where}: parameter ${p} shows no description`));
					for (const testId of panel.dropdowns) {
						const key = `${type.name} ${testId}`;
						if (checked.has(key) || /parameter-input-(resource|operation)$/.test(testId)) continue;
						const options = await optionsOf(testId);
						checked.set(key, options);
						if (options.length === 0) failures.push(`${where}: dropdown ${testId.replace('parameter-input-', '')} is empty`);
					}
					await shots.take(page, `panel-${where}`);
				}
				await page.getByTestId('ndv-close-button').click();
				await page.getByTestId('ndv').waitFor({ state: 'hidden' });
			}
			expect(failures).toEqual([]);
			expect(states).toBeGreaterThan(50);
			// The loadOptions dropdowns answered from the simulators: the Exact journal list, OutSmart's work statuses.
			const salesInvoice = types.find((t) => t.name.endsWith('.exactOnlineSalesInvoice'));
			expect(checked.get(`${salesInvoice?.name} parameter-input-journal`)).toEqual(expect.arrayContaining([expect.stringMatching(/^70 - /)]));
			const outsmart = types.find((t) => t.name.endsWith('.outSmart'));
			expect(checked.get(`${outsmart?.name} parameter-input-workStatus`)?.length).toBeGreaterThan(1);
		});
	});

	it('opens both credential dialogs', async () => {
		await page.goto(url('/home/credentials'));
		for (const credential of CREDENTIALS) {
			await page.getByTestId('resources-list-item').filter({ hasText: credential.name }).click();
			const modal = page.getByTestId('editCredential-modal');
			await modal.getByTestId('credential-connection-parameter').first().waitFor();
			await expectOurIconsLoaded(`${credential.name} dialog`);
			expect(await modal.getByTestId('credential-connection-parameter').count()).toBeGreaterThan(1);
			await shots.take(page, `credential-${credential.type}`);
			await page.keyboard.press('Escape');
			await modal.waitFor({ state: 'hidden' });
		}
	});

	it('finds our nodes in the node panel by name, Dutch word and synonym', async () => {
		const ourNames = new Set(types.map((t) => t.displayName.replace(/ Trigger$/, '')));
		await openWorkflow(demo.templates[0].id);
		const found: Record<string, string[]> = {};
		for (const term of SEARCH_TERMS) {
			await page.getByTestId('node-creator-plus-button').click();
			await page.getByTestId('node-creator-search-bar').fill(term);
			// The list updates a moment after typing (it shows n8n's categories first): wait for one of ours.
			const names = page.getByTestId('node-creator').getByTestId('node-creator-item-name');
			const ours = names.filter({ hasText: new RegExp(`^\\s*(${[...ourNames].map(escapeRegExp).join('|')})\\s*$`) });
			await ours
				.first()
				.waitFor({ timeout: 10_000 })
				.catch(() => undefined);
			found[term] = (await names.allInnerTexts()).map((n) => n.trim()).filter((n) => ourNames.has(n));
			await expectOurIconsLoaded(`node search "${term}"`);
			await shots.take(page, `search-${term}`);
			await page.keyboard.press('Escape');
			await page.getByTestId('node-creator').waitFor({ state: 'hidden' });
		}
		for (const term of SEARCH_TERMS) expect({ term, found: found[term].length > 0 }).toEqual({ term, found: true });
	});

	it('saves the README pictures in the light and the dark theme', async () => {
		// The light ones on the page the suite is logged in with; the dark ones in a context of their own.
		await readmePictures(page, 'light');
		const dark = await newEditorContext(browser, 'dark');
		try {
			const darkPage = await dark.newPage();
			problems.watch(darkPage);
			await logIn(darkPage, demo.n8n.baseUrl);
			await readmePictures(darkPage, 'dark');
		} finally {
			await dark.close();
		}
	});

	it('logged no console error and no failed request about our package', () => {
		expect(problems.about(ourWords()).filter((entry) => !OPTIONAL_LOOKUPS.some((lookup) => lookup.test(entry)))).toEqual([]);
	});

	/** The fixed set for the README: the export template, an Exact and the OutSmart panel, a credential, the search. */
	async function readmePictures(p: Page, theme: Theme): Promise<void> {
		fs.mkdirSync(README_IMAGES, { recursive: true });
		const save = (name: string) => p.screenshot({ path: path.join(README_IMAGES, `${name}-${theme}.png`) });
		const exportTemplate = demo.templates.find((t) => t.file.startsWith('05-'));
		await p.goto(url(`/workflow/${exportTemplate?.id}`));
		await p.getByTestId('canvas-node').first().waitFor();
		await p.getByTestId('zoom-to-fit').click();
		await save('editor');

		for (const [node, name] of [
			['Create invoice in Exact', 'exact-node'],
			['Mark handled in OutSmart', 'outsmart-node'],
		]) {
			await p.locator(`[data-test-id="canvas-node"][data-node-name="${node}"]`).dblclick();
			await p.getByTestId('node-parameters').waitFor();
			await save(name);
			await p.getByTestId('ndv-close-button').click();
			await p.getByTestId('ndv').waitFor({ state: 'hidden' });
		}

		await p.getByTestId('node-creator-plus-button').click();
		await p.getByTestId('node-creator-search-bar').fill('Exact');
		await p.getByTestId('node-creator').getByTestId('node-creator-item-name').filter({ hasText: 'Exact Online Sales Invoice' }).waitFor();
		await save('node-search');
		await p.keyboard.press('Escape');

		await p.goto(url('/home/credentials'));
		await p.getByTestId('resources-list-item').filter({ hasText: EXACT_CREDENTIAL.name }).click();
		await p.getByTestId('editCredential-modal').getByTestId('credential-connection-parameter').first().waitFor();
		await save('credential');
		await p.keyboard.press('Escape');
	}
});
