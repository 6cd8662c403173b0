import { axe, expect, test } from './fixtures.js';
import { knownAxe } from './known-issues.js';
import { allPages, settle } from './site.js';

// Every page of the prerendered site: a title, one h1, no console error and no axe violation once
// every lazily loaded figure on it has arrived.
for (const path of allPages()) {
	test(`${path} renders with a title and an h1, without console errors or axe violations`, async ({
		page,
		errors
	}) => {
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page).toHaveTitle(/\S/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
		await settle(page);
		expect(await axe(page, knownAxe('light'))).toEqual([]);
		expect(errors).toEqual([]);
	});
}
