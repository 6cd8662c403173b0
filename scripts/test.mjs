#!/usr/bin/env node
// Runs every check in order and stops at the first failure:
// lint, svelte-check, unit tests (Node), component and story tests (Chromium),
// end-to-end tests against the prerendered site, and the consumer install test.
// Prints one closing line "tests: N passed, N failed" counted from the runners' JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
	console.error(
		`llm-anatomy needs Node 20.19 or newer (found ${process.versions.node}): install a current Node LTS.`
	);
	process.exit(1);
}

const { chromiumPath } = await import('./chromium.js');
try {
	chromiumPath();
} catch (e) {
	console.error(e instanceof Error ? e.message : String(e));
	process.exit(1);
}

const reports = join(process.cwd(), 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const only = process.argv.slice(2);
const steps = [
	['lint', 'npm', ['run', 'lint']],
	['check', 'npm', ['run', 'check']],
	[
		'unit',
		'npx',
		[
			'vitest',
			'run',
			'--project',
			'unit',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${reports}/unit.json`
		]
	],
	[
		'browser',
		'npx',
		[
			'vitest',
			'run',
			'--project',
			'browser',
			'--project',
			'storybook',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${reports}/browser.json`
		]
	],
	[
		'e2e',
		'npx',
		['playwright', 'test', '--reporter=list,json'],
		{ PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` }
	],
	['consumer', 'node', ['tests/consumer/run.mjs', `--report=${reports}/consumer.json`]]
];

let passed = 0;
let failed = 0;
function count(step) {
	const file = join(reports, `${step}.json`);
	if (!existsSync(file)) return;
	const r = JSON.parse(readFileSync(file, 'utf8'));
	if (typeof r.numPassedTests === 'number') {
		passed += r.numPassedTests;
		failed += r.numFailedTests;
	} else if (r.stats) {
		passed += r.stats.expected ?? 0;
		failed += (r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0);
	} else if (typeof r.passed === 'number') {
		passed += r.passed;
		failed += r.failed;
	}
}

for (const [name, cmd, args, env] of steps) {
	if (only.length && !only.includes(name)) continue;
	const started = performance.now();
	console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	count(name);
	const secs = ((performance.now() - started) / 1000).toFixed(1);
	if (r.status !== 0) {
		console.error(`\n✗ ${name} failed after ${secs} s (exit ${r.status ?? r.signal}).`);
		console.log(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`);
		process.exit(1);
	}
	console.log(`✓ ${name} (${secs} s)`);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
