import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Benchmarks run in Node with Vitest bench; they are never part of `npm test`.
// Browser figures (frame times, WebGPU kernels) come from bench/browser/*.mjs, which drive Chromium.
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		include: ['bench/**/*.bench.ts'],
		benchmark: { include: ['bench/**/*.bench.ts'], outputJson: undefined }
	}
});
