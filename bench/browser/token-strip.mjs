#!/usr/bin/env node
// TokenStrip in headless Chromium on the built docs site (`npm run build` first):
// time from the page's load to the first token chips (vocabulary import and construction included),
// and keystroke-to-DOM-update latency for a 2,000-character text once the vocabulary is loaded.
// Prints medians. Usage: node bench/browser/token-strip.mjs [--runs=5]
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';
import { launchOptions } from '../../scripts/chromium.js';
import { startPreview } from '../../scripts/preview.js';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 5);
if (!existsSync('build/index.html')) {
	console.error('No build/ found: run `npm run build` first.');
	process.exit(1);
}
const server = await startPreview({ port: 4196 });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
	const browser = await chromium.launch(launchOptions());
	const firstTokens = [];
	const keystrokes = [];
	for (let r = 0; r < runs; r++) {
		const page = await browser.newPage();
		const t0 = Date.now();
		await page.goto(`${server.url}/reference/TokenStrip`);
		await page
			.locator('.la-token-strip [role="listbox"] [data-token-id]')
			.first()
			.waitFor({ timeout: 30_000 });
		firstTokens.push(Date.now() - t0);
		const lat = await page.evaluate(async () => {
			const box = document.querySelector('.la-token-strip textarea');
			const base = 'The quick brown fox jumps over the lazy dog, 1234 times! '.repeat(36).slice(0, 1999);
			const out = [];
			for (let i = 0; i < 20; i++) {
				const text = base + String.fromCharCode(97 + (i % 26));
				const start = performance.now();
				box.value = text;
				box.dispatchEvent(new Event('input', { bubbles: true }));
				// Svelte applies the update in a microtask: a macrotask later the DOM shows the new tokens
				await new Promise((r) => setTimeout(r, 0));
				out.push(performance.now() - start);
			}
			return out;
		});
		keystrokes.push(median(lat));
		await page.close();
	}
	await browser.close();
	console.log(`TokenStrip, medians over ${runs} page loads:`);
	console.log(`  load → first token chips (o200k_base): ${median(firstTokens)} ms`);
	console.log(`  keystroke → DOM updated, 2,000 characters: ${median(keystrokes).toFixed(1)} ms`);
} finally {
	server.stop();
}
