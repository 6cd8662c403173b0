// Page side of bench/browser/weightfield.mjs. Mounts WeightField on the Canvas 2D path at 65,536
// cells, lets it train (one core step per frame at most; in its Web Worker unless `mainThread`)
// and records, for every animation frame: the main-thread work of the frame (the rAF callbacks
// plus the microtasks they queue: showing the worker's latest frame, or the training step and the
// snapshot on the main thread; the field, the colour pass and putImageData), the interval between
// frames, and main-thread long tasks. It also times the Canvas 2D draw alone on a fixed snapshot.
import { mount, unmount } from 'svelte';
import { createWeightFieldRun } from '../../src/lib/core/train/weightfield/run.js';
import { buildLut, packRgba } from '../../src/lib/components/WeightField/palette.js';
import { createCanvasRenderer } from '../../src/lib/components/WeightField/renderer.js';
import WeightField from '../../src/lib/components/WeightField/WeightField.svelte';

interface BenchOptions {
	/** Seconds measured, after the warm-up. */
	seconds?: number;
	/** Seconds of warm-up (JIT, first evaluations). */
	warmup?: number;
	cells?: number;
	/** Draw-only repetitions. */
	draws?: number;
	/** Train on the main thread (as where no Worker exists) instead of in the worker. */
	mainThread?: boolean;
	/** The component's renderer: 'webgpu' needs an adapter (SwiftShader counts when asked for by name). */
	renderer?: 'canvas' | 'webgpu';
}

const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
};
const summary = (xs: number[]) => ({
	n: xs.length,
	p50: pct(xs, 0.5),
	p95: pct(xs, 0.95),
	max: Math.max(...xs)
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Wrap requestAnimationFrame so every frame's work is timed, microtasks included.
const frameStarts: number[] = [];
const frameWork: number[] = [];
let recording = false;
let pendingFrame = -1;
const nativeRaf = window.requestAnimationFrame.bind(window);
window.requestAnimationFrame = (cb: FrameRequestCallback) =>
	nativeRaf((t) => {
		const start = performance.now();
		cb(t);
		if (!recording || pendingFrame === Math.round(t * 1000)) return;
		pendingFrame = Math.round(t * 1000);
		frameStarts.push(t);
		// Svelte flushes effects (the draw) in a microtask queued during the callback; measure after it.
		queueMicrotask(() =>
			queueMicrotask(() => queueMicrotask(() => frameWork.push(performance.now() - start)))
		);
	});

async function runBench(options: BenchOptions = {}) {
	const seconds = options.seconds ?? 5;
	const warmup = options.warmup ?? 1.5;
	const cells = options.cells ?? 65_536;
	const target = document.getElementById('app')!;

	// 1. The draw alone, on a fixed snapshot of a run 20 steps in, and the training step alone.
	const run = createWeightFieldRun({ seed: 1 });
	run.step(20);
	const snap = run.snapshot();
	const canvas = document.createElement('canvas');
	document.body.appendChild(canvas);
	const renderer = createCanvasRenderer(canvas, {
		cells,
		mode: 'sample',
		lut: buildLut({ background: [255, 255, 255] }),
		background: packRgba(255, 255, 255)
	});
	const frame = { source: snap, groups: snap.groups, dimFrozen: false };
	for (let i = 0; i < 30; i++) renderer.draw(frame); // warm-up (JIT)
	const drawTimes: number[] = [];
	// One draw per animation frame, as in the component (a tight loop of putImageData calls would
	// measure the canvas's back-pressure, not the draw).
	for (let i = 0; i < (options.draws ?? 300); i++) {
		await new Promise((r) => nativeRaf(r));
		const t = performance.now();
		renderer.draw(frame);
		drawTimes.push(performance.now() - t);
	}
	renderer.destroy();
	canvas.remove();
	run.step(30); // warm-up (JIT)
	const stepTimes: number[] = [];
	for (let i = 0; i < 100; i++) {
		await new Promise((r) => nativeRaf(r));
		const t = performance.now();
		run.step(1);
		stepTimes.push(performance.now() - t);
	}

	// 2. The component, training and drawing on its own.
	if (options.mainThread) (window as { Worker?: unknown }).Worker = undefined;
	const kind = options.renderer ?? 'canvas';
	let adapter = '';
	const app = mount(WeightField, {
		target,
		props: {
			renderer: kind,
			cells,
			stepsPerSecond: 60,
			showLadder: false,
			onRenderer: (info: { kind: string; adapter?: string }) => {
				if (info.kind === 'webgpu') adapter = info.adapter ?? 'unknown adapter';
			}
		}
	});
	const root = () => target.querySelector('.la-weight-field') as HTMLElement;
	for (let i = 0; i < 400 && root()?.dataset.playing !== 'true'; i++) await sleep(25);
	for (let i = 0; i < 400 && kind === 'webgpu' && root()?.dataset.renderer !== 'webgpu'; i++) await sleep(25);
	if (root()?.dataset.renderer !== kind)
		throw new Error(`WeightField drew with ${root()?.dataset.renderer}, not ${kind}`);
	await sleep(warmup * 1000);
	const step0 = Number(root().dataset.step);
	// Main-thread tasks over 50 ms while it animates (the Long Tasks API).
	const longTasks: number[] = [];
	const observer = new PerformanceObserver((list) => {
		for (const e of list.getEntries()) longTasks.push(e.duration);
	});
	observer.observe({ type: 'longtask', buffered: false });
	recording = true;
	await sleep(seconds * 1000);
	recording = false;
	await sleep(50);
	observer.disconnect();
	const trainer = root().dataset.trainer ?? 'main';
	const steps = Number(root().dataset.step) - step0;
	const intervals = frameStarts.slice(1).map((t, i) => t - frameStarts[i]);
	const renderedCells = (root().querySelector('canvas') as HTMLCanvasElement).width ** 2;
	unmount(app);
	return {
		cells,
		renderedCells,
		renderer: kind,
		adapter,
		seconds,
		steps,
		frames: frameWork.length,
		work: summary(frameWork),
		interval: summary(intervals),
		drawOnly: summary(drawTimes),
		stepOnly: summary(stepTimes),
		trainer,
		longTasks: { count: longTasks.length, max: longTasks.length ? Math.max(...longTasks) : 0 },
		userAgent: navigator.userAgent
	};
}

declare global {
	interface Window {
		runBench: typeof runBench;
	}
}
window.runBench = runBench;
document.getElementById('out')!.textContent = 'Ready: call window.runBench().';
