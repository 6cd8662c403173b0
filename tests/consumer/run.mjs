#!/usr/bin/env node
// Uses llm-anatomy the way a blogger would: packs the tarball, installs it into a throwaway
// SvelteKit app in a temp folder, renders a component in a +page.svelte and in an mdsvex post,
// prerenders, hydrates in Chromium with no console error, and calls the core from plain Node.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
			const errors = [];
			page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
			page.on('pageerror', (e) => errors.push(e.message));
			page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
			for (const path of ['/', '/post']) {
				await page.goto(base + path);
				// hydrated and tokenized: chips carry the real token IDs of "hello world"
				await page.locator('.la-token-strip [data-token-id="24912"]').first().waitFor({ timeout: 20_000 });
			}
			if (errors.length) throw new Error(`console errors:\n${errors.join('\n')}`);
		} finally {
			await browser.close();
		}
	});
} catch {
	process.exitCode = 1;
} finally {
	server?.stop();
	if (!keep) rmSync(app, { recursive: true, force: true });
	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	if (reportArg)
		writeFileSync(reportArg.slice('--report='.length), JSON.stringify({ passed, failed, results }));
	console.log(`consumer: ${passed} passed, ${failed} failed`);
}
