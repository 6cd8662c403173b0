#!/usr/bin/env node
// Takes the README screenshot from the built site: `npm run build && node scripts/screenshot.mjs`.
import { chromium } from 'playwright';
import { launchOptions } from './chromium.js';
import { startPreview } from './preview.js';

const server = await startPreview({ port: 4198 });
try {
	const browser = await chromium.launch(launchOptions());
	const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
	await page.goto(`${server.url}/reference/TokenStrip`);
	const fig = page.locator('.la-token-strip').first();
	await fig.locator('[data-token-id]').first().waitFor({ timeout: 30_000 });
	await page.locator('.la-token-strip select').nth(1).selectOption('cl100k_base');
	await fig.locator('[data-compare] [data-token-id]').first().waitFor({ timeout: 30_000 });
	await fig.screenshot({ path: 'docs/screenshot.png' });
	await browser.close();
	console.log('wrote docs/screenshot.png');
} finally {
	server.stop();
}
