#!/usr/bin/env node
// `npm run bench`: Node benchmarks (Vitest bench, medians and ratios against peers measured in the
// same run), then the in-page benchmarks that drive Chromium (frame times, WebGPU kernels).
// `npm run bench -- node` or `npm run bench -- browser` runs one half; the site itself is
// measured separately by `npm run bench:site`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const which = process.argv[2] ?? 'all';
let failed = 0;
function run(cmd, args) {
	console.log(`\n▶ ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit' });
	if (r.status !== 0) failed++;
}
if (which === 'all' || which === 'node')
	run('npx', ['vitest', 'bench', '--run', '--config', 'vitest.bench.config.ts']);
if (which === 'all' || which === 'browser') {
	for (const f of readdirSync('bench/browser').sort()) {
		if (f.endsWith('.mjs') && f !== 'site.mjs') run('node', [`bench/browser/${f}`]);
	}
}
process.exit(failed ? 1 : 0);
