// Finds the Chromium that tests and benchmarks drive. Order: $CHROMIUM_PATH, Debian's
// /usr/bin/chromium, then Playwright's own downloaded browser (returned as undefined so that
// Playwright picks it). Throws one line naming the fix when none exists.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

export const chromiumArgs = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
	'--disable-dev-shm-usage',
	'--enable-unsafe-webgpu'
];

/** @returns {string | undefined} an executable path, or undefined for Playwright's own browser */
export function chromiumPath() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
		return fromEnv;
	}
	for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
	let own;
	try {
		own = chromium.executablePath();
	} catch {
		own = undefined;
	}
	if (own && existsSync(own)) return undefined;
	throw new Error(
		'No Chromium found: install one (Debian: apt-get install chromium; elsewhere: npx playwright install chromium) or set CHROMIUM_PATH.'
	);
}

/** Launch options shared by Vitest browser mode, Playwright and the benchmarks. */
export function launchOptions() {
	return { executablePath: chromiumPath(), args: chromiumArgs };
}
