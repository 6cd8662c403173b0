import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { KNOWN_OVERFLOW } from './known-issues.js';
import { allPages, figure, isAvailable, loadChapter, settle } from './site.js';

const WIDTH = 360;
test.use({ viewport: { width: WIDTH, height: 740 }, hasTouch: true, isMobile: true });

/** The chain of elements that makes the document wider than the screen (found by hiding each in turn). */
function widest(page: Page, width: number) {
	return page.evaluate((width) => {
		const chain: string[] = [];
		const fits = () => document.documentElement.scrollWidth <= width + 1;
		let el: Element = document.body;
		for (let depth = 0; depth < 20; depth++) {
			const culprit = [...el.children].find((c) => {
				const h = c as HTMLElement;
				const before = h.style.display;
				h.style.display = 'none';
				const ok = fits();
				h.style.display = before;
				return ok;
			});
			if (!culprit) break;
			chain.push(`${culprit.tagName.toLowerCase()}${[...culprit.classList].map((c) => `.${c}`).join('')}`);
			el = culprit;
		}
		return chain.join(' > ');
	}, width);
}

for (const path of allPages()) {
	test(`${path} does not scroll sideways at 360 px`, async ({ page, errors }) => {
		test.fixme(path in KNOWN_OVERFLOW, KNOWN_OVERFLOW[path]);
		await page.goto(path);
		await settle(page);
		const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
		const why = scrollWidth > WIDTH + 1 ? await widest(page, WIDTH) : '';
		expect(scrollWidth, `${path} is ${scrollWidth}px wide: ${why}`).toBeLessThanOrEqual(WIDTH + 1);
		expect(errors).toEqual([]);
	});
}

test('at 360 px the first figure fits the screen and can be used by touch', async ({ page, errors }) => {
	test.skip(!isAvailable('TokenStrip'), 'TokenStrip is not in src/site/explainer/figures.ts yet');
	await page.goto('/');
	const strip = figure(await loadChapter(page, 'tokenization'), 'TokenStrip');
	const box = strip.getByRole('textbox', { name: 'Text' });
	await expect(box).toBeVisible();
	for (const control of [box, strip.getByRole('combobox', { name: 'Encoding' })]) {
		const b = (await control.boundingBox())!;
		expect(b.x).toBeGreaterThanOrEqual(0);
		expect(b.x + b.width).toBeLessThanOrEqual(WIDTH);
	}
	await box.tap();
	await box.fill('hello world');
	await expect(strip.getByRole('listbox').getByRole('option')).toHaveCount(2, { timeout: 20_000 });
	const code = strip.getByRole('button', { name: 'Code' });
	await code.scrollIntoViewIfNeeded();
	await code.tap();
	await expect(code).toHaveAttribute('aria-pressed', 'true');
	await expect.poll(async () => Number(await strip.getAttribute('data-tokens'))).toBeGreaterThan(2);
	const chips = (await strip.getByRole('listbox').boundingBox())!;
	expect(chips.x + chips.width).toBeLessThanOrEqual(WIDTH);
	expect(errors).toEqual([]);
});
