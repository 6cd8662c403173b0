/**
 * What the end-to-end tests know about the site, read from its source at test time so that a
 * chapter, figure or reference page added later is tested without editing the tests: the
 * chapters in order, the figures each chapter shows, the figures the explainer can load, and the
 * reference pages. Also the page helpers the tests share (scrolling lazy figures in, waiting for
 * them to settle).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import { CHAPTERS } from '../../src/site/explainer/chapters.js';

export { CHAPTERS };

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(root + path, 'utf8');

/**
 * Names of the components the explainer can load now (the keys of FIGURES in
 * src/site/explainer/figures.ts). Read from the file on every call: components are added there as
 * they are finished, and a chapter shows a static placeholder until then.
 */
export function availableFigures(): Set<string> {
	const src = read('src/site/explainer/figures.ts');
	const body = src.slice(src.indexOf('FIGURES'));
	return new Set([...body.matchAll(/^\s*(\w+)\s*:\s*\(\)\s*=>\s*import\(/gm)].map((m) => m[1]));
}

/** Whether the explainer can load the component called `name`. */
export const isAvailable = (name: string) => availableFigures().has(name);

/** Each chapter's id and the components its figures use, in the order they appear. */
export function chapterFigures(): Map<string, string[]> {
	const dir = 'src/site/explainer/chapters/';
	const out = new Map<string, string[]>();
	for (const file of readdirSync(root + dir).filter((f) => f.endsWith('.svelte'))) {
		const src = read(dir + file);
		const id = /<Chapter\s[^>]*?\bid="([^"]+)"/s.exec(src)?.[1];
		if (!id) continue;
		out.set(
			id,
			[...src.matchAll(/<LiveFigure\s[^>]*?\bname="([^"]+)"/gs)].map((m) => m[1])
		);
	}
	return out;
}

/** The component names with a reference page (src/routes/reference/catalogue.ts). */
export function referenceNames(): string[] {
	const src = read('src/routes/reference/catalogue.ts');
	const body = src.slice(src.indexOf('REFERENCE'));
	return [...body.matchAll(/^\t\tname:\s*'(\w+)'/gm)].map((m) => m[1]);
}

/** Every page of the site. */
export function allPages(): string[] {
	return [
		'/',
		'/training-lab',
		'/reference',
		...referenceNames().map((n) => `/reference/${n}`),
		'/reference/core',
		'/guide'
	];
}

/** The root class of a component: `KVCacheMeter` → `la-kv-cache-meter`. */
export function rootClass(name: string): string {
	return (
		'la-' +
		name
			.replace(/([a-z0-9])([A-Z])/g, '$1-$2')
			.replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
			.toLowerCase()
	);
}

/**
 * Components whose root class does not follow `la-<kebab-name>` yet, with the class they use, so
 * that the other tests can find them; chapters.test.ts holds a fixme test that fails while this is
 * not empty.
 */
export const ROOT_CLASS_EXCEPTIONS: Record<string, string> = {};

/** The root element of component `name` inside `scope`. */
export function figure(scope: Page | Locator, name: string): Locator {
	return scope.locator(`.${ROOT_CLASS_EXCEPTIONS[name] ?? rootClass(name)}`);
}

/** A chapter's section. */
export function chapter(page: Page, id: string): Locator {
	return page.locator(`section.chapter#${id}`);
}

/**
 * Brings a chapter's figures in: scrolls the chapter's figure frames into view and waits until
 * each lazy frame has been replaced by its component.
 */
export async function loadChapter(page: Page, id: string): Promise<Locator> {
	const section = chapter(page, id);
	const frames = section.locator('div.lazy');
	const n = await frames.count();
	for (let i = 0; i < n; i++) {
		await frames.nth(i).scrollIntoViewIfNeeded();
		await expect(frames.nth(i).locator('[aria-busy]')).toHaveCount(0, { timeout: 20_000 });
	}
	return section;
}

/** Elements still loading: lazy figure frames and tokenizers or vocabularies not ready yet. */
const PENDING = '[aria-busy="true"], [data-status="idle"], [data-status="loading"]';

/** Names what is still loading, for a failure message. */
function describePending(page: Page): Promise<string> {
	return page.evaluate(
		(sel) =>
			'still loading: ' +
			[...document.querySelectorAll(sel)]
				.map((e) => `${e.className.split(' ')[0] || e.tagName} (${e.getAttribute('data-status') ?? 'busy'})`)
				.join(', '),
		PENDING
	);
}

/**
 * Scrolls through the whole page a screen at a time, so every lazily loaded figure and every
 * component that starts work when it is seen gets going, then waits until nothing is loading:
 * no figure frame is busy and no tokenizer or vocabulary is idle or loading.
 */
export async function settle(page: Page): Promise<void> {
	const frames = page.locator('div.lazy');
	for (let i = 0, n = await frames.count(); i < n; i++) {
		await frames.nth(i).scrollIntoViewIfNeeded();
		await expect(frames.nth(i).locator('[aria-busy]')).toHaveCount(0, { timeout: 20_000 });
	}
	// components outside lazy frames (reference pages, the Training Lab) start when seen
	for (let y = 0; ;) {
		const { h, H } = await page.evaluate(() => ({
			h: innerHeight,
			H: document.documentElement.scrollHeight
		}));
		if (y >= H) break;
		y += h;
		// two frames at each stop, so intersection observers see the element pass; a timer stands in
		// when headless Chromium draws no frame for a while (a blocked page would block it too)
		await page.evaluate(async (top) => {
			scrollTo(0, top);
			await new Promise((r) => {
				requestAnimationFrame(() => requestAnimationFrame(r));
				setTimeout(r, 1000);
			});
		}, y);
	}
	// Anything still waiting is shown again: a component that hydrated after the pass went by it
	// has not seen the viewport yet.
	const pending = page.locator(PENDING);
	await expect(async () => {
		for (const el of await pending.all()) await el.scrollIntoViewIfNeeded({ timeout: 1000 }).catch(() => {});
		await expect(pending, await describePending(page)).toHaveCount(0, { timeout: 2000 });
	}).toPass({ timeout: 30_000 });
	await page.evaluate(() => scrollTo(0, 0));
}
