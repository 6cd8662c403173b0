#!/usr/bin/env node
// Measures the prerendered docs site in headless Chromium: first contentful paint, the longest
// main-thread task at load and while scrolling, frame times scrolling the whole page, and the
// gzipped JavaScript loaded before any scrolling. Medians over several runs.
//
// Frame times are the intervals between the timestamps requestAnimationFrame hands its callbacks
// (the start of each frame), so they come in whole refresh periods (16.7 ms at 60 Hz, give or take
// the 0.1 ms the browser rounds timers to); a frame the main thread could not start on time shows as
// 33.3 ms or more. "dropped" is the share of frames longer than 1.5 refresh periods.
//
// A blank page (a heading and 400 paragraphs of prose in the site's fonts, no script, no stylesheet
// file) is measured first, served the same way (from the preview server's static files), as the
// floor this browser sets on this machine: the figures of the real pages are to be read against it.
// Usage: npm run bench:site [-- --runs=5 --path=/ --no-build]
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { launchOptions } from '../../scripts/chromium.js';
import { startPreview } from '../../scripts/preview.js';

const arg = (name, d) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d;
const runs = Number(arg('runs', 5));
const BLANK = '/bench-blank-page.html';
const paths = [BLANK, ...arg('path', '/,/training-lab').split(',')];
const port = 4199;
const base = `http://localhost:${port}`;

if (!process.argv.includes('--no-build')) {
	const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (b.status !== 0) process.exit(1);
}
const paragraph =
	'<p>A language model reads text as tokens, turns each token into a vector, mixes the vectors ' +
	'with attention, and ends with a score for every token that could come next.</p>';
writeFileSync(
	`.svelte-kit/output/client${BLANK}`,
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title>` +
		`<style>body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans SC',sans-serif}</style>` +
		`</head><body><h1>Blank page</h1>${paragraph.repeat(400)}</body></html>`
);
const server = await startPreview({ port });

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length
		? s.length % 2
			? s[(s.length - 1) / 2]
			: (s[s.length / 2 - 1] + s[s.length / 2]) / 2
		: NaN;
};
const pct = (xs, p) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

const browser = await chromium.launch(launchOptions());
const results = {};
try {
	for (const path of paths) {
		const rows = [];
		for (let r = 0; r < runs; r++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
			const page = await context.newPage();
			await page.addInitScript(() => {
				window.__longTasks = [];
				new PerformanceObserver((l) => {
					for (const e of l.getEntries())
						window.__longTasks.push({ start: e.startTime, duration: e.duration });
				}).observe({ type: 'longtask', buffered: true });
			});
			const scripts = new Map();
			page.on('response', async (res) => {
				if (res.request().resourceType() === 'script' && !scripts.has(res.url())) scripts.set(res.url(), res);
			});
			await page.goto(base + path, { waitUntil: 'load' });
			await page.waitForTimeout(500);
			const firstLoadScripts = [...scripts.values()];
			let jsGzip = 0;
			for (const res of firstLoadScripts) {
				try {
					jsGzip += gzipSync(await res.body(), { level: 9 }).length;
				} catch {
					/* redirected or gone */
				}
			}
			const fcp = await page.evaluate(
				() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
			);
			const loadLong = await page.evaluate(() => Math.max(0, ...window.__longTasks.map((t) => t.duration)));
			const scroll = await page.evaluate(async () => {
				window.__longTasks.length = 0;
				const stamps = [];
				const total = document.documentElement.scrollHeight - innerHeight;
				const step = 40;
				for (let y = 0; y <= total + step; y += step) {
					window.scrollTo(0, y);
					await new Promise((r) => requestAnimationFrame((t) => r(stamps.push(t))));
				}
				return {
					frames: stamps.slice(1).map((t, i) => t - stamps[i]),
					longest: Math.max(0, ...window.__longTasks.map((t) => t.duration))
				};
			});
			rows.push({
				fcp,
				loadLongTask: loadLong,
				scrollLongTask: scroll.longest,
				scrollP95: pct(scroll.frames, 0.95),
				droppedPct: (100 * scroll.frames.filter((f) => f > 25).length) / scroll.frames.length,
				jsGzipKB: jsGzip / 1024
			});
			await context.close();
		}
		const keys = Object.keys(rows[0]);
		results[path] = Object.fromEntries(
			keys.map((k) => [k, Number(median(rows.map((x) => x[k])).toFixed(1))])
		);
	}
} finally {
	await browser.close();
	server.stop();
	rmSync(`.svelte-kit/output/client${BLANK}`, { force: true });
}
console.log(`medians over ${runs} runs (ms, KB gzipped):`);
console.table(
	Object.fromEntries(Object.entries(results).map(([k, v]) => [k === BLANK ? '(blank page)' : k, v]))
);
