#!/usr/bin/env node
// Frame times of WeightField's Canvas 2D path at 65,536 cells in headless Chromium: the component
// trains the core's toy transformer (in its Web Worker; on the main thread with --main-thread, as
// where no Worker exists; at most one step per frame either way) and redraws the field every
// frame. Prints p50/p95 of the main-thread work per frame and of the interval between frames, the
// main-thread long tasks (> 50 ms) while it animates, and the draw and the training step timed
// alone. The 60 fps budget is 16.7 ms per frame. With --renderer=webgpu it draws 1,000,000 cells
// through WebGPU instead (on this machine the SwiftShader software adapter, asked for by name).
//
// Vite serves bench/browser/weightfield.html (Svelte and TypeScript compiled on the fly);
// Playwright drives the Chromium found by scripts/chromium.js.
//
// Usage: node bench/browser/weightfield.mjs [--seconds=5] [--warmup=1.5] [--cells=65536] [--main-thread]
//        [--renderer=canvas|webgpu] [--json=out.json]
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { launchOptions } from '../../scripts/chromium.js';

const arg = (name, d) => {
	const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
	return hit ? hit.slice(name.length + 3) : d;
};
const seconds = Number(arg('seconds', 5));
const warmup = Number(arg('warmup', 1.5));
const renderer = arg('renderer', 'canvas') === 'webgpu' ? 'webgpu' : 'canvas';
const cells = Number(arg('cells', renderer === 'webgpu' ? 1_000_000 : 65536));
const json = arg('json', '');
const mainThread = process.argv.includes('--main-thread');

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = await createServer({
	root,
	configFile: false,
	logLevel: 'warn',
	plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
	server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
	optimizeDeps: { noDiscovery: true, include: [] }
});
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address ? address.port : 5173;

const browser = await chromium.launch(launchOptions());
let result;
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	const logs = [];
	page.on('console', (m) => logs.push(m.text()));
	page.on('pageerror', (e) => logs.push(String(e)));
	await page.goto(`http://127.0.0.1:${port}/bench/browser/weightfield.html`);
	try {
		await page.waitForFunction(() => 'runBench' in window, null, { timeout: 240_000 });
	} catch (e) {
		console.error(logs.join('\n'));
		throw e;
	}
	result = await page.evaluate((o) => window.runBench(o), { seconds, warmup, cells, mainThread, renderer });
	if (logs.some((l) => /error/i.test(l))) console.error(logs.join('\n'));
} finally {
	await browser.close();
	await server.close();
}

const ms = (x) => `${x.toFixed(2)} ms`;
const [l1] = loadavg();
console.log(
	`machine: ${cpus().length} cores, load average ${l1.toFixed(1)} at the end (figures are noisy when load > cores)`
);
console.log(
	`WeightField, ${result.renderer === 'webgpu' ? `WebGPU (${result.adapter})` : 'Canvas 2D'}, ${result.renderedCells.toLocaleString('en')} cells, ${result.seconds} s measured`
);
console.log(
	`training on the ${result.trainer === 'worker' ? 'worker' : 'main'} thread; ${result.frames} frames, ${result.steps} training steps (${(result.steps / result.seconds).toFixed(1)} per second)`
);
console.log(
	`main-thread long tasks (> 50 ms) while animating: ${result.longTasks.count}${result.longTasks.count ? `, longest ${ms(result.longTasks.max)}` : ''}\n`
);
const gpu = result.renderer === 'webgpu';
const shown = result.trainer === 'worker' ? 'show frame' : 'step';
const rows = [
	[`frame work (${shown} + ${gpu ? 'field + upload + submit' : 'draw + putImageData'})`, result.work],
	['frame interval', result.interval],
	[
		`${gpu ? 'Canvas 2D draw of as many cells, for comparison' : 'draw alone'} (field + colours + putImageData)`,
		result.drawOnly
	],
	['one training step alone', result.stepOnly]
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`${'measure'.padEnd(w)}  p50        p95        max`);
for (const [name, s] of rows) {
	console.log(`${name.padEnd(w)}  ${ms(s.p50).padEnd(9)}  ${ms(s.p95).padEnd(9)}  ${ms(s.max)}`);
}
const ok = result.work.p95 <= 16.7;
console.log(
	`\np95 frame work ${ok ? '≤' : '>'} 16.7 ms: ${ok ? 'holds 60 fps' : 'misses the 60 fps budget'}`
);
if (json) writeFileSync(json, JSON.stringify(result, null, 2));
