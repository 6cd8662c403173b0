#!/usr/bin/env node
// TokenStrip in headless Chromium on the built docs site (`npm run build` first):
// - time to the first token chips (vocabulary import and construction included), from navigation and
//   from the first contentful paint, when the server-rendered strip is already on screen;
// - keystroke latency for a 2,000-character text once the vocabulary is loaded: from the input event
//   to the DOM updated, and to the DOM updated with style and layout done (forced, as the next frame
//   would do them; painting is not included);
// - a 100,000-token document ("hello" then 99,999 × " hello": one o200k_base token each, checked with
//   js-tiktoken): time from setting the text to the first chips of it, the chip elements in the DOM,
//   and frame intervals while its scroll container is scrolled by requestAnimationFrame steps, both
//   steadily (120 px a frame, like a fast wheel) and end to end in 120 frames (like dragging the
//   scroll bar).
// Prints medians over page loads. Usage: node bench/browser/token-strip.mjs [--runs=5] [--root=DIR]
// (--root serves the build of another checkout, DIR/build with DIR/node_modules, so that two
// versions can be measured one after the other under the same load).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { launchOptions } from '../../scripts/chromium.js';
import { startPreview } from '../../scripts/preview.js';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 5);
const root = process.argv.find((a) => a.startsWith('--root='))?.slice('--root='.length) ?? process.cwd();
if (!existsSync(join(root, 'build/index.html'))) {
	console.error(`No build/ found in ${root}: run \`npm run build\` first.`);
	process.exit(1);
}
const server = await startPreview({ root, port: 4196 });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const CHIPS = '.la-token-strip [role="listbox"] [data-token-id]';

/** In the page: the long document, its first chips, and scrolling. Runs as one `page.evaluate`. */
async function longDocument() {
	const root = document.querySelector('.la-token-strip');
	const box = root.querySelector('textarea');
	const count = () => root.querySelector('[data-testid="token-count"]')?.textContent ?? '';
	const chips = root.getElementsByClassName('chip');
	const frame = () => new Promise((r) => requestAnimationFrame(r));
	const pct = (xs, p) => {
		const s = [...xs].sort((a, b) => a - b);
		return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
	};
	const text = 'hello' + ' hello'.repeat(99_999);
	const start = performance.now();
	box.value = text;
	box.dispatchEvent(new Event('input', { bubbles: true }));
	// polled every frame: the chips of the long text are there once the count reads 100,000
	for (;;) {
		await frame();
		if (count().replace(/\D/g, '') === '100000' && root.querySelector('[role="listbox"] [data-token-id]'))
			break;
		if (performance.now() - start > 60_000) throw new Error('the long document never rendered');
	}
	const firstChips = performance.now() - start;
	const chipsAtStart = chips.length;
	let scroller = root.querySelector('[role="listbox"]');
	while (scroller && !/auto|scroll/.test(getComputedStyle(scroller).overflowY))
		scroller = scroller.parentElement;
	async function sweep(stepOf, frames) {
		scroller.scrollTop = 0;
		await frame();
		await frame();
		const intervals = [];
		let maxChips = chips.length;
		let last = await frame();
		for (let i = 0; i < frames; i++) {
			scroller.scrollTop += stepOf();
			const now = await frame();
			intervals.push(now - last);
			last = now;
			maxChips = Math.max(maxChips, chips.length);
		}
		return { p50: pct(intervals, 50), p95: pct(intervals, 95), maxChips, end: scroller.scrollTop };
	}
	const steady = await sweep(() => 120, 240);
	const range = scroller.scrollHeight - scroller.clientHeight;
	const drag = await sweep(() => Math.ceil(range / 120), 120);
	return {
		firstChips,
		chipsAtStart,
		steady,
		drag,
		scrollHeight: scroller.scrollHeight,
		lastChipId: chips[chips.length - 1]?.getAttribute('data-token-id')
	};
}

try {
	const browser = await chromium.launch(launchOptions());
	const firstTokens = [];
	const keystrokes = [];
	const long = [];
	for (let r = 0; r < runs; r++) {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		// the moment the first chip enters the DOM, in the page's own clock (ms since navigation)
		await page.addInitScript(() => {
			const seen = new MutationObserver(() => {
				if (document.querySelector('.la-token-strip [role="listbox"] [data-token-id]')) {
					window.__firstChips = performance.now();
					seen.disconnect();
				}
			});
			seen.observe(document, { childList: true, subtree: true });
		});
		await page.goto(`${server.url}/reference/TokenStrip`);
		await page.locator(CHIPS).first().waitFor({ timeout: 30_000 });
		firstTokens.push(
			await page.evaluate(() => {
				const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
				return { load: window.__firstChips, paint: window.__firstChips - paint };
			})
		);
		const lat = await page.evaluate(async () => {
			const root = document.querySelector('.la-token-strip');
			const box = root.querySelector('textarea');
			const chips = root.querySelector('[role="listbox"]').getElementsByClassName('chip');
			const lastId = () => chips[chips.length - 1]?.dataset.tokenId;
			const base = 'The quick brown fox jumps over the lazy dog, 1234 times! '.repeat(36).slice(0, 1999);
			// the next task without a timer's 4 ms clamp, and a frame followed by that task
			const task = () =>
				new Promise((r) => {
					const c = new MessageChannel();
					c.port1.onmessage = r;
					c.port2.postMessage(0);
				});
			const out = [];
			for (let i = 0; i < 20; i++) {
				await new Promise((r) => requestAnimationFrame(r));
				await task();
				const before = lastId();
				const text = base + String.fromCharCode(97 + (i % 26));
				const start = performance.now();
				box.value = text;
				box.dispatchEvent(new Event('input', { bubbles: true }));
				// Svelte applies the update in a microtask queued by the input handler: one queued now
				// runs after it. Then style and layout are forced, as the next frame would do them.
				await new Promise((r) => queueMicrotask(r));
				const dom = performance.now() - start;
				root.getBoundingClientRect();
				const laidOut = performance.now() - start;
				if (i > 0 && lastId() === before) throw new Error('the last chip did not change with the text');
				out.push({ dom, laidOut });
			}
			return out;
		});
		keystrokes.push({ dom: median(lat.map((x) => x.dom)), laidOut: median(lat.map((x) => x.laidOut)) });
		long.push(await page.evaluate(longDocument));
		await page.close();
	}
	await browser.close();
	const m = (f) => median(long.map(f));
	console.log(`TokenStrip, medians over ${runs} page loads:`);
	console.log(
		`  first token chips (o200k_base): ${median(firstTokens.map((x) => x.load)).toFixed(0)} ms after navigation, ` +
			`${median(firstTokens.map((x) => x.paint)).toFixed(0)} ms after the first paint (the strip, still loading, is on screen)`
	);
	console.log(
		`  keystroke → DOM updated, 2,000 characters: ${median(keystrokes.map((k) => k.dom)).toFixed(1)} ms; ` +
			`with style and layout: ${median(keystrokes.map((k) => k.laidOut)).toFixed(1)} ms`
	);
	console.log(`  100,000 tokens: text set → first chips: ${m((x) => x.firstChips).toFixed(0)} ms`);
	console.log(`  100,000 tokens: chip elements after first render: ${m((x) => x.chipsAtStart)}`);
	for (const k of ['steady', 'drag']) {
		const what = k === 'steady' ? 'steady scroll, 120 px a frame' : 'end-to-end sweep in 120 frames';
		console.log(
			`  100,000 tokens, ${what}: frame p50 ${m((x) => x[k].p50).toFixed(1)} ms, p95 ${m((x) => x[k].p95).toFixed(1)} ms, ` +
				`most chip elements ${m((x) => x[k].maxChips)}, scrolled to ${m((x) => x[k].end)} px`
		);
	}
	console.log(
		`  100,000 tokens: scroll height ${m((x) => x.scrollHeight)} px, last chip in the DOM has ID ${long[0].lastChipId}`
	);
} finally {
	server.stop();
}
