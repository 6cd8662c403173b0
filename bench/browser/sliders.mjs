#!/usr/bin/env node
// Drags every slider of every component on its reference page of the built docs site (`npm run
// build` first) in headless Chromium, one pointer move per animation frame from one end of the
// track to the other and back, and reports the frames while dragging: the longest interval between
// animation frames (recorded in the page by a requestAnimationFrame loop, so they do not depend on
// how fast the harness sends pointer moves), the p95 frame, the share over 25 ms, and the long
// animation frames (over 50 ms, from the Long Animation Frames API).
//
// Usage: node bench/browser/sliders.mjs [--moves=40] [--only=NeuronPlot,RopeDial] [--root=DIR]
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { launchOptions } from '../../scripts/chromium.js';
import { startPreview } from '../../scripts/preview.js';

const arg = (name, d) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? d;
const moves = Number(arg('moves', 40));
const root = arg('root', process.cwd());
const only = arg('only', '').split(',').filter(Boolean);
if (!existsSync(join(root, 'build/reference'))) {
	console.error(`No build/ found in ${root}: run \`npm run build\` first.`);
	process.exit(1);
}
const names = readdirSync(join(root, 'build/reference'))
	.filter((f) => f.endsWith('.html') && f !== 'core.html')
	.map((f) => f.slice(0, -'.html'.length))
	.filter((n) => only.length === 0 || only.includes(n))
	.sort();

const server = await startPreview({ root, port: 4194 });
const browser = await chromium.launch(launchOptions());
const rows = [];
try {
	for (const name of names) {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.addInitScript(() => {
			window.__loaf = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) window.__loaf.push({ start: e.startTime, duration: e.duration });
			}).observe({ type: 'long-animation-frame', buffered: true });
		});
		await page.goto(`${server.url}/reference/${name}`, { waitUntil: 'load' });
		await page.waitForTimeout(1500);
		// the live example: the first figure of the component's own root class on the page
		const sliders = page.locator('main input[type="range"]:visible:enabled');
		const count = await sliders.count();
		for (let i = 0; i < count; i++) {
			const slider = sliders.nth(i);
			await slider.scrollIntoViewIfNeeded();
			await page.waitForTimeout(200);
			const label = await slider.evaluate(
				(el) =>
					el.getAttribute('aria-label') ??
					el.labels?.[0]?.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40) ??
					el.name ??
					'?'
			);
			const box = await slider.boundingBox();
			if (!box || box.width < 20) continue;
			const y = box.y + box.height / 2;
			const x = (f) => box.x + 4 + f * (box.width - 8);
			// frames are recorded in the page by a requestAnimationFrame loop that runs through the drag
			const since = await page.evaluate(() => {
				window.__stamps = [];
				window.__recording = true;
				const tick = (t) => {
					window.__stamps.push(t);
					if (window.__recording) requestAnimationFrame(tick);
				};
				requestAnimationFrame(tick);
				return performance.now();
			});
			const values = new Set();
			await page.mouse.move(x(0), y);
			await page.mouse.down();
			for (let m = 0; m <= 2 * moves; m++) {
				const f = m <= moves ? m / moves : 2 - m / moves;
				await page.mouse.move(x(f), y);
				values.add(
					await slider.evaluate((el) => new Promise((r) => requestAnimationFrame(() => r(el.value))))
				);
			}
			await page.mouse.up();
			const stamps = await page.evaluate(() => {
				window.__recording = false;
				return window.__stamps;
			});
			await page.waitForTimeout(100);
			const loaf = await page.evaluate((t) => window.__loaf.filter((e) => e.start >= t), since);
			const gaps = stamps.slice(1).map((t, k) => t - stamps[k]);
			const sorted = [...gaps].sort((a, b) => a - b);
			rows.push({
				component: name,
				slider: label,
				'values visited': values.size,
				frames: gaps.length,
				'p95 frame': sorted[Math.floor(0.95 * sorted.length)].toFixed(1),
				'longest frame': Math.max(...gaps).toFixed(1),
				'frames > 25 ms': `${((100 * gaps.filter((g) => g > 25).length) / gaps.length).toFixed(1)} %`,
				'frames > 50 ms': loaf.length,
				'longest LoAF': loaf.length ? Math.max(...loaf.map((e) => e.duration)).toFixed(0) : '–'
			});
		}
		await page.close();
	}
} finally {
	await browser.close();
	server.stop();
}
console.log(`Dragging each slider end to end and back, ${2 * moves} pointer moves, one a frame:`);
console.table(rows);
const worst = rows.reduce((a, r) => Math.max(a, r['frames > 50 ms']), 0);
console.log(
	worst === 0
		? 'No frame over 50 ms while dragging any slider.'
		: `${rows.filter((r) => r['frames > 50 ms'] > 0).length} slider(s) had frames over 50 ms.`
);
