// Serves a built site with `vite preview` for browser tests and benchmarks. Vite runs as a direct
// child of this Node process (not through npx), so stopping it really ends the server.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * @param {{ root?: string, port: number, timeoutMs?: number }} options
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export async function startPreview({ root = process.cwd(), port, timeoutMs = 30_000 }) {
	const bin = join(root, 'node_modules/vite/bin/vite.js');
	const child = spawn(process.execPath, [bin, 'preview', '--port', String(port), '--strictPort'], {
		cwd: root,
		stdio: 'ignore'
	});
	const url = `http://localhost:${port}`;
	const stop = () => child.kill();
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (child.exitCode !== null)
			throw new Error(`vite preview exited with code ${child.exitCode} (port ${port} in use?)`);
		try {
			if ((await fetch(url)).ok) return { url, stop };
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	stop();
	throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms`);
}
