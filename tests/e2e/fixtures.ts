import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** A page that records console errors and uncaught exceptions; the test fails if any occur. */
export const test = base.extend<{ errors: string[] }>({
	errors: async ({ page }, use) => {
		const errors: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		page.on('pageerror', (e) => errors.push(e.message));
		await use(errors);
		expect(errors, 'console errors').toEqual([]);
	}
});
export { expect };

/** Runs axe on the page (WCAG 2.1 AA rules) and returns violations with their targets. */
export async function axe(page: Page) {
	const r = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
