/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code in page.evaluate() runs in the browser.
/**
 * Drives the n8n editor in Debian's Chromium with playwright-core (no browser download): launch, log in,
 * theme, screenshots, and the console errors and failed requests a page produced.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, selectors, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { OWNER } from '../../../scripts/n8n';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const VIEWPORT = { width: 1280, height: 800 };

export type Theme = 'light' | 'dark';

export async function launchChromium(): Promise<Browser> {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash scripts/install-chromium.sh (npm run test:browser does)`);
	// n8n marks its elements with data-test-id (Playwright's getByTestId looks for data-testid by default).
	selectors.setTestIdAttribute('data-test-id');
	// --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
	return await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A browser context in n8n's light or dark theme (the editor reads localStorage N8N_THEME). */
export async function newEditorContext(browser: Browser, theme: Theme): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: theme });
	await context.addInitScript((value) => window.localStorage.setItem('N8N_THEME', value), theme);
	// No CSS transitions or animations: dropdowns and panels settle at once, so waits are short and screenshots still.
	await context.addInitScript(() =>
		document.addEventListener('DOMContentLoaded', () => {
			const style = document.createElement('style');
			style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
			document.head.appendChild(style);
		}),
	);
	context.setDefaultTimeout(20_000);
	return context;
}

/** Logs in through the sign-in form as the owner `npm start` prints. */
export async function logIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input#emailOrLdapLoginId').fill(OWNER.email);
	await page.locator('input#password').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** Console errors, uncaught page errors and failed requests of every page in a context. */
export class PageProblems {
	readonly entries: string[] = [];

	watch(page: Page): void {
		page.on('console', (message) => {
			if (message.type() === 'error') this.entries.push(`console: ${message.text()} (${message.location().url})`);
		});
		page.on('pageerror', (error) => this.entries.push(`page error: ${error.message}\n${error.stack ?? ''}`));
		page.on('response', (response) => {
			if (response.status() >= 400) this.entries.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
		});
		page.on('requestfailed', (request) => this.entries.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
	}

	/** The entries that mention any of the words (our package name, node names, node type names). */
	about(words: string[]): string[] {
		const lower = words.map((w) => w.toLowerCase());
		return this.entries.filter((entry) => lower.some((word) => entry.toLowerCase().includes(word)));
	}
}

/** Numbered screenshots of every step into one folder (git-ignored). */
export class Screenshots {
	private count = 0;

	constructor(readonly dir: string) {
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
	}

	async take(page: Page, name: string): Promise<string> {
		// JPEG: several dozen of them, and it encodes faster than PNG.
		const file = path.join(this.dir, `${String(++this.count).padStart(3, '0')}-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}.jpg`);
		await page.screenshot({ path: file, type: 'jpeg', quality: 70 });
		return file;
	}
}

/** The open element-plus select popper (n8n keeps closed ones in the DOM, hidden). */
export function openDropdown(page: Page): Locator {
	return page.locator('.el-select__popper').filter({ visible: true });
}

/** Images on the page that come from `urlPart` and did not load (naturalWidth 0), with their src. */
export async function brokenImages(page: Page, urlPart: string): Promise<{ total: number; broken: string[] }> {
	return await page.evaluate((part) => {
		const images = [...document.querySelectorAll('img')].filter((img) => img.src.includes(part));
		return { total: images.length, broken: images.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src) };
	}, urlPart);
}
