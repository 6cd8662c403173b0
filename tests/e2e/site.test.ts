import { axe, expect, test } from './fixtures.js';

test('the explainer renders and its tokenizer chapter tokenizes typed text', async ({ page, errors }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('anatomy');
	// figures load as they come into view
	await page.locator('#tokenization').scrollIntoViewIfNeeded();
	const strip = page.locator('#tokenization .la-token-strip');
	await strip.scrollIntoViewIfNeeded();
	const box = strip.getByRole('textbox');
	await box.fill('hello world');
	// o200k_base: "hello world" → [24912, 2375]
	await expect(strip.locator('[data-token-id]')).toHaveCount(2, { timeout: 20_000 });
	await expect(strip.locator('[data-token-id="24912"]')).toBeVisible();
	expect(errors).toEqual([]);
});

test('the explainer has no axe violations', async ({ page }) => {
	await page.goto('/');
	await page.locator('#tokenization').scrollIntoViewIfNeeded();
	await page.locator('#tokenization .la-token-strip [data-token-id]').first().waitFor({ timeout: 20_000 });
	expect(await axe(page)).toEqual([]);
});

test('dark theme can be chosen and is remembered', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Theme').selectOption('dark');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(await axe(page)).toEqual([]);
});
