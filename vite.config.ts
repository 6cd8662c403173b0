import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumArgs, launchOptions } from './scripts/chromium.js';

// A factory: Vitest mutates `instances`, so projects must not share one object.
const browser = () => ({
	enabled: true,
	headless: true,
	screenshotFailures: false,
	instances: [{ browser: 'chromium' as const }],
	provider: playwright({ launchOptions: safeLaunchOptions() })
});

// Resolved lazily so that unit tests run on a machine without any Chromium; the test
// script checks for a browser first and names the fix in one line.
function safeLaunchOptions() {
	try {
		return launchOptions();
	} catch {
		return { args: chromiumArgs };
	}
}

// Story tests index every story file; set that project up only when it runs
// (`vitest run` with no --project, or --project storybook).
const projectArgs = process.argv.filter(
	(a, i, all) => all[i - 1] === '--project' || a.startsWith('--project=')
);
const wantsStories = projectArgs.length === 0 || projectArgs.some((a) => a.includes('storybook'));

export default defineConfig({
	plugins: [sveltekit()],
	// The tokenizer vocabularies are large data chunks, loaded only when a tokenizer is used.
	build: { chunkSizeWarningLimit: 4096 },
	test: {
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					// property tests against the WASM tokenizer take seconds on a busy 2-core machine
					testTimeout: 30_000,
					setupFiles: ['tests/setup/fast-check.ts'],
					include: ['src/**/*.test.ts', 'scripts/**/*.test.js'],
					exclude: ['src/**/*.browser.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'browser',
					include: ['src/**/*.browser.test.ts'],
					testTimeout: 30_000,
					setupFiles: ['tests/setup/fast-check.ts'],
					browser: browser()
				}
			},
			...(wantsStories
				? [
						{
							extends: true as const,
							plugins: [storybookTest({ configDir: import.meta.dirname + '/.storybook' })],
							test: { name: 'storybook', browser: browser() }
						}
					]
				: [])
		]
	}
});
