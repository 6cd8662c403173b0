// Page side of bench/browser/attention-matrix.mjs: mounts AttentionMatrix with a 512 × 512 map of
// weights passed in (drawn on a canvas) and times (1) a full update when the weights change —
// props to checked data, data table and canvas pixels — and (2) the hover path: a pointer move
// over the canvas until the readout holds the new cell, style and layout included.
import { flushSync, mount, unmount } from 'svelte';
import { fromStore, writable } from 'svelte/store';
import AttentionMatrix from '../../src/lib/components/AttentionMatrix/AttentionMatrix.svelte';
import '../../src/lib/theme/tokens.css';

interface BenchOptions {
	n?: number;
	redraws?: number;
	hovers?: number;
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs: number[]) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/** Row-softmax-like weights: each query favours keys near it, with a seed-dependent width. */
function weights(n: number, width: number): Float32Array {
	const w = new Float32Array(n * n);
	for (let i = 0; i < n; i++) {
		let z = 0;
		for (let j = 0; j <= i; j++) z += w[i * n + j] = Math.exp(-(i - j) / width);
		for (let j = 0; j <= i; j++) w[i * n + j] /= z;
	}
	return w;
}

async function runBench({ n = 512, redraws = 30, hovers = 300 }: BenchOptions = {}) {
	const maps = [weights(n, 8), weights(n, 40)];
	// a reactive prop without runes: the getter reads a store through fromStore
	const store = writable(maps[0]);
	const current = fromStore(store);
	const props = {
		get weights() {
			return current.current;
		},
		seq: n,
		query: 10
	};
	const app = mount(AttentionMatrix, { target: document.getElementById('app')!, props });
	flushSync();
	const canvas = document.querySelector<HTMLCanvasElement>('.la-attention-matrix canvas')!;
	const readout = document.querySelector<HTMLElement>('[data-testid="readout"]')!;
	if (!canvas) throw new Error('the map was not drawn on a canvas');

	const redrawMs: number[] = [];
	let lastPixel = '';
	let stale = 0;
	for (let r = 0; r < redraws + 2; r++) {
		const t0 = performance.now();
		store.set(maps[(r + 1) % 2]);
		flushSync();
		// reading a pixel waits for the pixels; the two maps differ there, so a stale map is caught
		const px = canvas
			.getContext('2d')!
			.getImageData((n >> 1) - 6, n >> 1, 1, 1)
			.data.join();
		const t = performance.now() - t0;
		if (px === lastPixel) stale++;
		lastPixel = px;
		if (r >= 2) redrawMs.push(t); // two warm-up runs
		await new Promise((res) => requestAnimationFrame(res));
	}

	const rect = canvas.getBoundingClientRect();
	const hoverMs: number[] = [];
	let misses = 0;
	let seed = 1;
	const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	canvas.dispatchEvent(new PointerEvent('pointerenter', { clientX: rect.left + 1, clientY: rect.top + 1 }));
	for (let h = 0; h < hovers; h++) {
		const row = Math.floor(rand() * n);
		const col = Math.floor(rand() * n);
		const x = rect.left + ((col + 0.5) / n) * rect.width;
		const y = rect.top + ((row + 0.5) / n) * rect.height;
		const t0 = performance.now();
		canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
		flushSync();
		void readout.offsetHeight; // style and layout of the new readout
		hoverMs.push(performance.now() - t0);
		if (
			!readout.textContent!.includes(`Query ${row + 1} `) ||
			!readout.textContent!.includes(`key ${col + 1} `)
		)
			misses++;
	}
	unmount(app);
	return {
		n,
		redraws,
		hovers,
		redrawMedian: median(redrawMs),
		redrawP95: p95(redrawMs),
		hoverMedian: median(hoverMs),
		hoverP95: p95(hoverMs),
		hoverMax: Math.max(...hoverMs),
		misses,
		stale
	};
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
