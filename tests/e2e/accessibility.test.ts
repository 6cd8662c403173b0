import type { Page } from '@playwright/test';
import { axe, axeRule, expect, test } from './fixtures.js';
import { KNOWN_AXE, knownAxe } from './known-issues.js';
import { settle } from './site.js';

/** The axe rules whose outcome depends on colours. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Picks Dark in the theme select, again if the page had not hydrated yet the first time. */
async function chooseDark(page: Page) {
	const html = page.locator('html');
	await expect(async () => {
		await page.getByRole('combobox', { name: 'Theme' }).selectOption('Dark');
		await expect(html).toHaveAttribute('data-theme', 'dark', { timeout: 1000 });
	}).toPass();
}

test('choosing Dark in the theme select sets data-theme, and the explainer with every figure passes axe', async ({
	page,
	errors
}) => {
	await page.goto('/');
	await chooseDark(page);
	await settle(page);
	// the dark palette is really in use: the page background is dark
	const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const [r, g, b] = bg.match(/\d+/g)!.map(Number);
	expect(0.2126 * r + 0.7152 * g + 0.0722 * b, `background ${bg}`).toBeLessThan(80);
	// Only colours change with the theme, so the rules that read colours are run here; the rest of
	// axe runs on this page in pages.test.ts and takes three times as long on its thousand cells.
	expect(await axe(page, knownAxe('dark'), COLOUR_RULES)).toEqual([]);
	expect(errors).toEqual([]);
});

test('the Training Lab passes all of axe in the dark theme', async ({ page, errors }) => {
	await page.goto('/training-lab');
	await chooseDark(page);
	await settle(page);
	expect(await axe(page, knownAxe('dark'))).toEqual([]);
	expect(errors).toEqual([]);
});

// One test per accessibility fault found in a component; each passes once its fault is fixed.
for (const k of KNOWN_AXE) {
	test(`no ${k.rule} violation in ${k.within} (${k.page}${k.theme ? `, ${k.theme}` : ''})`, async ({
		page
	}) => {
		test.fixme(true, k.reason);
		await page.goto(k.page);
		if (k.theme === 'dark') await chooseDark(page);
		await settle(page);
		expect(await axeRule(page, k.rule, k.within), k.reason).toEqual([]);
	});
}

// Faults once listed in known-issues.ts and since fixed, each checked on its own page so that it stays
// fixed: the visible text of a control is in its accessible name.
const FIXED: readonly { rule: string; within: string; page: string }[] = [
	{ rule: 'label-content-name-mismatch', within: '.la-decoder-block', page: '/reference/DecoderBlock' },
	{ rule: 'label-content-name-mismatch', within: '.la-dense-layer', page: '/reference/DenseLayer' },
	{ rule: 'label-content-name-mismatch', within: '.la-optimizer-race', page: '/reference/OptimizerRace' }
];
for (const k of FIXED) {
	test(`no ${k.rule} violation in ${k.within} (${k.page})`, async ({ page, errors }) => {
		await page.goto(k.page);
		await settle(page);
		await expect(page.locator(k.within).first()).toBeVisible();
		expect(await axeRule(page, k.rule, k.within)).toEqual([]);
		expect(errors).toEqual([]);
	});
}
