#!/usr/bin/env node
// Uses llm-anatomy the way a blogger would: packs the tarball, installs it into a throwaway
// SvelteKit app in a temp folder, renders a component in a +page.svelte and in an mdsvex post,
// prerenders, hydrates in Chromium with no console error, checks that WeightField's training
// worker (emitted by the app's own build from the packaged worker.js) starts, and calls the core
// from plain Node.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const reportArg = process.argv.find((a) => a.startsWith('--report='));
const keep = process.argv.includes('--keep');
const results = [];

function sh(cmd, args, cwd, extra = {}) {
	return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...extra });
}
async function step(name, fn) {
	const t = performance.now();
	try {
		await fn();
		results.push({ name, ok: true });
		console.log(`  ✓ ${name} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
	} catch (e) {
		results.push({ name, ok: false });
		console.error(`  ✗ ${name}\n${e?.stdout ?? ''}${e?.stderr ?? ''}${e instanceof Error ? e.message : e}`);
		throw e;
	}
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dev = pkg.devDependencies;
const app = mkdtempSync(join(tmpdir(), 'llm-anatomy-consumer-'));
let tarball = '';
let server;
let devServer;

/** Collects console errors, uncaught exceptions and failed requests of a page. */
function recordErrors(page) {
	const errors = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
	return errors;
}

/** Opens the WeightField page: it must train in a Web Worker served by the app, and step. */
async function checkLab(page, base) {
	const workers = [];
	page.on('worker', (w) => workers.push(w.url()));
	await page.goto(base + '/lab');
	// the figure's root, not its canvas: the canvas is replaced when the renderer settles (WebGPU
	// offered but refused, then Canvas 2D), which would detach an element picked before that
	await page.locator('.la-weight-field').scrollIntoViewIfNeeded();
	await page.locator('.la-weight-field[data-trainer="worker"]').waitFor({ timeout: 30_000 });
	await page.waitForFunction(
		() => Number(document.querySelector('.la-weight-field')?.getAttribute('data-step')) > 10,
		null,
		{ timeout: 30_000 }
	);
	if (!workers.some((u) => u.startsWith(base))) throw new Error(`no worker from the app: ${workers}`);
}

try {
	console.log(`consumer app in ${app}`);
	await step('package (svelte-package + publint)', () => sh('npm', ['run', 'package'], root));
	await step('npm pack', () => {
		const out = sh('npm', ['pack', '--json', '--pack-destination', app], root);
		tarball = join(app, JSON.parse(out)[0].filename);
		const files = JSON.parse(out)[0].files.map((f) => f.path);
		const leaked = files.filter((f) => /\.(test|spec|stories)\./.test(f) || f.includes('/testing/'));
		if (leaked.length) throw new Error(`tests or stories in the tarball: ${leaked.join(', ')}`);
	});
	cpSync(join(root, 'tests/consumer/app'), app, { recursive: true });
	writeFileSync(
		join(app, 'package.json'),
		JSON.stringify(
			{
				name: 'consumer-app',
				private: true,
				type: 'module',
				devDependencies: {
					'@sveltejs/adapter-static': dev['@sveltejs/adapter-static'],
					'@sveltejs/kit': dev['@sveltejs/kit'],
					'@sveltejs/vite-plugin-svelte': dev['@sveltejs/vite-plugin-svelte'],
					mdsvex: dev.mdsvex,
					svelte: dev.svelte,
					vite: dev.vite,
					'llm-anatomy': `file:${tarball}`
				}
			},
			null,
			2
		)
	);
	await step('install the tarball into a fresh SvelteKit app', () =>
		sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], app, {
			env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }
		})
	);
	await step('core from a plain Node script', () => {
		const out = sh('node', ['core.mjs'], app);
		const r = JSON.parse(out);
		// Independent references: OpenAI's o200k_base gives "hello world" → [24912, 2375];
		// GPT-2 small has 124,439,808 parameters (tied embeddings).
		if (JSON.stringify(r.ids) !== JSON.stringify([24912, 2375])) throw new Error(`ids ${r.ids}`);
		if (r.gpt2 !== 124439808) throw new Error(`gpt2 parameters ${r.gpt2}`);
	});
	await step('build and prerender (SSR)', () => {
		sh('npx', ['vite', 'build'], app);
		const page = readFileSync(join(app, 'build/index.html'), 'utf8');
		const post = readFileSync(join(app, 'build/post.html'), 'utf8');
		for (const [name, html] of [
			['page', page],
			['post', post]
		]) {
			if (!html.includes('la-token-strip')) throw new Error(`${name}: TokenStrip was not server-rendered`);
		}
		if (!post.includes('How my tokenizer sees')) throw new Error('post: mdsvex content missing');
		const lab = readFileSync(join(app, 'build/lab.html'), 'utf8');
		if (!lab.includes('la-weight-field')) throw new Error('lab: WeightField was not server-rendered');
		if (!lab.includes('data-trainer="none"')) throw new Error('lab: the server started a run');
		// the app's bundler found `new Worker(new URL('…/worker.js', import.meta.url))` and emitted the worker
		if (!readdirSync(join(app, 'build/_app/immutable/workers')).some((f) => f.endsWith('.js')))
			throw new Error('lab: no worker chunk was emitted');
	});
	await step('hydrate in Chromium with no console error', async () => {
		const { chromium } = await import('playwright');
		const { launchOptions } = await import(join(root, 'scripts/chromium.js'));
		const { startPreview } = await import(join(root, 'scripts/preview.js'));
		server = await startPreview({ root: app, port: 4300 + Math.floor(Math.random() * 500) });
		const base = server.url;
		const browser = await chromium.launch(launchOptions());
		try {
			const page = await browser.newPage();
			const errors = recordErrors(page);
			for (const path of ['/', '/post']) {
				await page.goto(base + path);
				// hydrated and tokenized: chips carry the real token IDs of "hello world"
				await page.locator('.la-token-strip [data-token-id="24912"]').first().waitFor({ timeout: 20_000 });
			}
			// WeightField trains in its Web Worker, not on the main thread, and steps
			await checkLab(page, base);
			if (errors.length) throw new Error(`console errors:\n${errors.join('\n')}`);
		} finally {
			await browser.close();
		}
	});
	await step('dev server (vite dev): WeightField trains in its worker', async () => {
		const { chromium } = await import('playwright');
		const { launchOptions } = await import(join(root, 'scripts/chromium.js'));
		const port = 4800 + Math.floor(Math.random() * 500);
		const base = `http://localhost:${port}`;
		devServer = spawn(
			process.execPath,
			[join(app, 'node_modules/vite/bin/vite.js'), 'dev', '--port', String(port), '--strictPort'],
			{ cwd: app, stdio: 'ignore' }
		);
		for (let t = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
			if (devServer.exitCode !== null) throw new Error(`vite dev exited with code ${devServer.exitCode}`);
			if (
				await fetch(base).then(
					(r) => r.ok,
					() => false
				)
			)
				break;
			if (Date.now() - t > 60_000) throw new Error(`vite dev did not answer on ${base}`);
		}
		const browser = await chromium.launch(launchOptions());
		try {
			const page = await browser.newPage();
			const errors = recordErrors(page);
			await checkLab(page, base);
			if (errors.length) throw new Error(`console errors:\n${errors.join('\n')}`);
		} finally {
			await browser.close();
		}
	});
} catch {
	process.exitCode = 1;
} finally {
	server?.stop();
	devServer?.kill();
	if (!keep) rmSync(app, { recursive: true, force: true });
	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	if (reportArg)
		writeFileSync(reportArg.slice('--report='.length), JSON.stringify({ passed, failed, results }));
	console.log(`consumer: ${passed} passed, ${failed} failed`);
}
