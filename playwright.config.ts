import { defineConfig } from '@playwright/test';
import { launchOptions } from './scripts/chromium.js';

// not vite preview's default 4173, so a preview a developer left running does not collide
const port = 4317;

export default defineConfig({
	testDir: 'tests/e2e',
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: process.env.CI ? 'list' : 'line',
	timeout: 60_000,
	webServer: {
		command: `npm run build && npm run preview -- --port ${port} --strictPort`,
		port,
		timeout: 180_000,
		reuseExistingServer: !process.env.CI
	},
	use: {
		baseURL: `http://localhost:${port}`,
		browserName: 'chromium',
		launchOptions: launchOptions()
	}
});
