#!/usr/bin/env node
// Times the WebGPU kernels against the CPU backend in headless Chromium and prints medians.
// Vite serves bench/browser/webgpu.html (TypeScript compiled on the fly); Playwright drives the
// Chromium found by scripts/chromium.js, with --enable-unsafe-webgpu.
//
// Usage: node bench/browser/webgpu.mjs [--runs=5] [--sizes=small|full] [--ops=matmul,attention]
//        [--json=out.json] [--args="--extra --chromium --flags"]
// Without a GPU, Chromium's only adapter is SwiftShader (a software fallback): the figures then
// measure correctness plumbing, not GPU speed. On a machine with a GPU, pass the flags that
// expose it to headless Chromium, e.g. --args="--enable-features=Vulkan --ignore-gpu-blocklist"
// (not --use-angle=vulkan, which leaves no adapter at all on SwiftShader machines).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { launchOptions } from '../../scripts/chromium.js';

const arg = (name, d) => {
	const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
	return hit ? hit.slice(name.length + 3) : d;
};
const runs = Number(arg('runs', 5));
const sizes = arg('sizes', 'small');
const ops = arg('ops', '') ? arg('ops', '').split(',') : undefined;
const json = arg('json', '');
const extraArgs = arg('args', '').split(' ').filter(Boolean);

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = await createServer({
	root,
	configFile: false,
	logLevel: 'warn',
	server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
	optimizeDeps: { noDiscovery: true, include: [] }
});
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address ? address.port : 5173;

const base = launchOptions();
const browser = await chromium.launch({ ...base, args: [...base.args, ...extraArgs] });
let result;
try {
	const page = await browser.newPage();
	const logs = [];
	page.on('console', (m) => logs.push(m.text()));
	page.on('pageerror', (e) => logs.push(String(e)));
	await page.goto(`http://127.0.0.1:${port}/bench/browser/webgpu.html`);
	try {
		await page.waitForFunction(() => 'runBench' in window, null, { timeout: 60_000 });
	} catch (e) {
		console.error(logs.join('\n'));
		throw e;
	}
	result = await page.evaluate((o) => window.runBench(o), { runs, sizes, ops });
} finally {
	await browser.close();
	await server.close();
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
console.log(
	`adapter: ${result.adapter}${result.fallback ? ': not a GPU, so the times show plumbing, not speed' : ''}`
);
console.log(
	`medians of ${result.runs} runs after one warm-up (first GPU run includes pipeline compilation)\n`
);
const header = ['op', 'size', 'CPU ms', 'WebGPU ms', 'first GPU ms', 'GPU/CPU', 'agrees'];
const table = result.rows.map((r) => [
	r.op,
	r.size,
	fmt(r.cpuMs),
	fmt(r.gpuMs),
	fmt(r.gpuFirstMs),
	(r.gpuMs / r.cpuMs).toFixed(2) + '×',
	r.agrees ? 'yes' : `NO (max abs err ${r.maxAbsError.toExponential(1)})`
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
for (const row of [header, ...table]) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  '));
if (json) writeFileSync(json, JSON.stringify(result, null, 2));
if (result.rows.some((r) => !r.agrees)) process.exitCode = 1;
