#!/usr/bin/env node
// Times AttentionMatrix's large-map path in headless Chromium and prints medians: a full update of
// a 512 × 512 canvas map when its weights change, and the hover path (pointer move → cell computed
// from the position → readout updated, with style and layout). Vite serves
// bench/browser/attention-matrix.html with the Svelte plugin; Playwright drives the Chromium
// found by scripts/chromium.js.
//
// Usage: node bench/browser/attention-matrix.mjs [--n=512] [--redraws=30] [--hovers=300] [--json=out.json]
//        [--profile]   (also prints the functions with the most self time)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { launchOptions } from '../../scripts/chromium.js';

const arg = (name, d) => {
	const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
	return hit ? hit.slice(name.length + 3) : d;
};
const options = {
	n: Number(arg('n', 512)),
	redraws: Number(arg('redraws', 30)),
	hovers: Number(arg('hovers', 300))
};
const json = arg('json', '');
const profile = process.argv.includes('--profile');

/** Prints the functions with the most self time in a CDP CPU profile. */
function printProfile(p) {
	const self = new Map();
	const byId = new Map(p.nodes.map((n) => [n.id, n]));
	p.samples.forEach((id, i) => {
		const f = byId.get(id).callFrame;
		const k = `${f.functionName || '(anonymous)'} ${f.url.split('/').at(-1)}:${f.lineNumber + 1}`;
		self.set(k, (self.get(k) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
	});
	console.log('self time (ms), top 20:');
	for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
		console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
}

// Production builds of Svelte and the component (no dev-mode checks), as a page would ship them.
process.env.NODE_ENV = 'production';
const root = fileURLToPath(new URL('../..', import.meta.url));
const server = await createServer({
	root,
	configFile: false,
	logLevel: 'warn',
	plugins: [svelte()],
	server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false }
});
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address ? address.port : 5173;

const browser = await chromium.launch(launchOptions());
let result;
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
	const logs = [];
	page.on('console', (m) => logs.push(m.text()));
	page.on('pageerror', (e) => logs.push(String(e)));
	await page.goto(`http://127.0.0.1:${port}/bench/browser/attention-matrix.html`);
	try {
		await page.waitForFunction(() => 'runBench' in window, null, { timeout: 60_000 });
		const cdp = profile ? await page.context().newCDPSession(page) : null;
		if (cdp) {
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
			await cdp.send('Profiler.start');
		}
		result = await page.evaluate((o) => window.runBench(o), options);
		if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
	} catch (e) {
		console.error(logs.join('\n'));
		throw e;
	}
} finally {
	await browser.close();
	await server.close();
}

const fmt = (ms) => ms.toFixed(2);
console.log(`AttentionMatrix, ${result.n} × ${result.n} weights on a canvas (Chromium, headless)`);
console.log(
	`  update (weights change → pixels): median ${fmt(result.redrawMedian)} ms, p95 ${fmt(result.redrawP95)} ms over ${result.redraws} runs`
);
console.log(
	`  hover (pointer move → readout laid out): median ${fmt(result.hoverMedian)} ms, p95 ${fmt(result.hoverP95)} ms, max ${fmt(result.hoverMax)} ms over ${result.hovers} moves`
);
if (result.stale) {
	console.log(`  ${result.stale} updates left the old map on the canvas`);
	process.exitCode = 1;
}
if (result.misses) {
	console.log(`  ${result.misses} hovers read the wrong cell`);
	process.exitCode = 1;
}
if (json) writeFileSync(json, JSON.stringify(result, null, 2));
