import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import { createWeightFieldRun } from '../../core/train/weightfield/run.js';
import { buildLut, unpackRgba } from './palette.js';
import { paintField } from './paint.js';
import { fieldFromWeights } from '../../core/train/weightfield/field.js';
import { createWebGpuRenderer } from './webgpu-renderer.js';
import type { WeightFieldRendererInfo } from './types.js';
import WeightField from './WeightField.svelte';
import { parameterLadder } from '../../core/models/ladder.js';

const root = (c: HTMLElement) => c.querySelector('.la-weight-field') as HTMLElement;
const attr = (c: HTMLElement, name: string) => root(c).getAttribute(name);
/** Waits for the run to exist (its worker started, or the main-thread fallback took over). */
const started = (c: HTMLElement) =>
	vi.waitFor(() => expect(attr(c, 'data-trainer')).not.toBe('none'), { timeout: 15000 });

// Console errors and uncaught errors fail the test that caused them.
let errors: unknown[] = [];
const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
beforeEach(() => {
	errors = [];
	vi.spyOn(console, 'error').mockImplementation((...a) => errors.push(a));
	window.addEventListener('error', onError);
});
afterEach(() => {
	window.removeEventListener('error', onError);
	vi.restoreAllMocks();
	expect(errors).toEqual([]);
});

/** RGB of the canvas pixel showing cell `i` of a 256 × 256 field. */
function pixel(canvas: HTMLCanvasElement, i: number): [number, number, number] {
	const d = canvas.getContext('2d')!.getImageData(i % canvas.width, Math.floor(i / canvas.width), 1, 1).data;
	return [d[0], d[1], d[2]];
}

// The toy model (d = 24, T = 24, V = 20, f = 96) stores ln1.gain after the token embedding (20 × 24)
// and the position embedding (24 × 24): weights 1056–1079 of 8,712. Gains start at exactly 1, the
// largest |w| of a fresh model (every other weight is a normal draw with σ ≤ 0.2), so on the
// symmetric scale ±max|w| they take the top colour of RdBu: rgb(5, 48, 97) (d3-scale-chromatic).
const P = 8712;
const GAIN = 1056;
const cellOf = (w: number, n = 65536) => Math.ceil((w * n) / P); // first cell showing weight w

describe('WeightField', () => {
	it('trains on its own, one step per frame, and reads out measured numbers', async () => {
		const onProgress = vi.fn();
		const screen = await render(WeightField, { renderer: 'canvas', onProgress });
		await vi.waitFor(() => expect(Number(attr(screen.container, 'data-step'))).toBeGreaterThan(3), {
			timeout: 15000
		});
		expect(attr(screen.container, 'data-renderer')).toBe('canvas');
		expect(attr(screen.container, 'data-playing')).toBe('true');
		const loss = Number(screen.container.querySelector('[data-readout="loss"]')!.textContent);
		// A fresh model predicts about uniformly: loss near ln 20 = 2.996 nats per token.
		expect(loss).toBeGreaterThan(2);
		expect(loss).toBeLessThan(3.5);
		expect(onProgress).toHaveBeenCalled();
		const [metrics, history] = onProgress.mock.calls.at(-1)!;
		expect(metrics.stage).toBe('pretrain');
		expect(history.length).toBe(metrics.totalStep);
	});

	it('draws each weight in its colour: fresh LayerNorm gains (= max |w|) in the top RdBu colour', async () => {
		const screen = await render(WeightField, { renderer: 'canvas', autoplay: false });
		await vi.waitFor(() => expect(attr(screen.container, 'data-renderer')).toBe('canvas'), {
			timeout: 15000
		});
		await started(screen.container);
		const canvas = screen.container.querySelector('canvas')!;
		expect([canvas.width, canvas.height]).toEqual([256, 256]);
		await vi.waitFor(() => expect(pixel(canvas, cellOf(GAIN + 12))).toEqual([5, 48, 97]));
		expect(pixel(canvas, cellOf(GAIN))).toEqual([5, 48, 97]);
		expect(getComputedStyle(canvas).imageRendering).toBe('pixelated');
	});

	it('fades the frozen base in LoRA fine-tuning while the attention groups stay bright', async () => {
		const screen = await render(WeightField, { renderer: 'canvas', autoplay: false, stage: 'finetune-lora' });
		await vi.waitFor(() => expect(attr(screen.container, 'data-renderer')).toBe('canvas'), {
			timeout: 15000
		});
		await started(screen.container);
		const canvas = screen.container.querySelector('canvas')!;
		// Frozen gain: rgb(5, 48, 97) moved 70 % of the way to the white background:
		// 5 + 0.7·250 = 180, 48 + 0.7·207 = 192.9 → 193, 97 + 0.7·158 = 207.6 → 208.
		await vi.waitFor(() => expect(pixel(canvas, cellOf(GAIN + 12))).toEqual([180, 193, 208]));
		expect(screen.container.textContent).toContain('bright bands');
	});

	it('steps, switches stage by keyboard, and shows the KV cache growing in inference', async () => {
		const onStageChange = vi.fn();
		const screen = await render(WeightField, { renderer: 'canvas', autoplay: false, onStageChange });
		await vi.waitFor(() => expect(attr(screen.container, 'data-renderer')).toBe('canvas'), {
			timeout: 15000
		});
		await screen.getByRole('button', { name: 'Step' }).click();
		await screen.getByRole('button', { name: 'Step' }).click();
		await vi.waitFor(() => expect(attr(screen.container, 'data-step')).toBe('2'));
		(screen.getByRole('radio', { name: 'Pretraining' }).element() as HTMLElement).focus();
		await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
		await vi.waitFor(() => expect(attr(screen.container, 'data-stage')).toBe('inference'));
		expect(onStageChange).toHaveBeenLastCalledWith('inference');
		// The run has entered the stage (step 0 of inference) once the prompt fills the cache. The
		// stages passed on the way also report step 0, and frames from the worker arrive later than
		// the radio changes, so the test waits for the prompt itself.
		const filled = () => screen.container.querySelectorAll('.kv-strip li.filled').length;
		await vi.waitFor(() => {
			expect(attr(screen.container, 'data-step')).toBe('0');
			expect(filled()).toBeGreaterThan(0);
		});
		const before = filled();
		await screen.getByRole('button', { name: 'Step' }).click();
		await screen.getByRole('button', { name: 'Step' }).click();
		await vi.waitFor(() => expect(filled()).toBe(before + 2));
		// The memory cards follow the stage: a KV cache and no training state at inference.
		expect(screen.container.querySelector('[data-card="training"]')!.getAttribute('data-bytes')).toBe('0');
	});

	it('snaps the parameter scale to real models and the ladder sizes the cards', async () => {
		const onParametersChange = vi.fn();
		const screen = await render(WeightField, { renderer: 'canvas', autoplay: false, onParametersChange });
		await screen.getByRole('button', { name: /^Llama 3\.1 70B/ }).click();
		expect(attr(screen.container, 'data-model')).toBe('llama-3.1-70b');
		expect(onParametersChange.mock.calls.at(-1)![1]).toBe('llama-3.1-70b');
		const slider = screen.getByRole('slider', { name: 'Parameter scale' });
		(slider.element() as HTMLElement).focus();
		await userEvent.keyboard('{End}');
		expect(attr(screen.container, 'data-model')).toBe('llama-3.1-405b');
	});

	it('draws the ladder on a log scale: the largest rung full, the smallest a tenth of the way up in log terms', async () => {
		const screen = await render(WeightField, { renderer: 'canvas', autoplay: false, precision: 'bf16' });
		const rungs = [...screen.container.querySelectorAll<HTMLElement>('.la-ladder .rung')];
		expect(rungs.length).toBeGreaterThan(3);
		const bar = (r: HTMLElement) => parseFloat(r.querySelector<HTMLElement>('.bar > span')!.style.width);
		// bf16 weights are 2 bytes per parameter (vectors included), so bytes go as parameters do
		const params = rungs.map((r) => parameterLadder().find((x) => x.id === r.dataset.model)!.parameters);
		const [small, big] = [Math.min(...params), Math.max(...params)];
		expect(bar(rungs[params.indexOf(big)])).toBeCloseTo(100, 2);
		// the scale starts at a tenth of the smallest: that rung sits at ln 10 / ln(10 · big / small)
		expect(bar(rungs[params.indexOf(small)])).toBeCloseTo(
			(100 * Math.LN10) / Math.log((10 * big) / small),
			2
		);
		const widths = rungs.map(bar);
		expect([...widths].sort((a, b) => a - b)).toEqual(widths);
	});

	it('pauses its loop when paused, and the caption (aria-live) is not rewritten every frame', async () => {
		const screen = await render(WeightField, { renderer: 'canvas' });
		await vi.waitFor(() => expect(Number(attr(screen.container, 'data-step'))).toBeGreaterThan(2), {
			timeout: 15000
		});
		const caption = screen.container.querySelector('figcaption')!;
		const seen = new Set<string>();
		for (let i = 0; i < 20; i++) {
			seen.add(caption.textContent ?? '');
			await new Promise((r) => setTimeout(r, 50));
		}
		expect(seen.size).toBeLessThanOrEqual(2);
		await screen.getByRole('button', { name: 'Pause' }).click();
		const step = attr(screen.container, 'data-step');
		await new Promise((r) => setTimeout(r, 300));
		expect(attr(screen.container, 'data-step')).toBe(step);
		expect(attr(screen.container, 'data-playing')).toBe('false');
	});

	it('mounts and unmounts 100 times without leaving a frame loop or a worker running, or an error', async () => {
		const raf = vi.spyOn(window, 'requestAnimationFrame');
		const caf = vi.spyOn(window, 'cancelAnimationFrame');
		// Every worker the component starts, until it is terminated.
		const live = new Set<Worker>();
		let started = 0;
		class CountedWorker extends Worker {
			constructor(url: string | URL, options?: WorkerOptions) {
				super(url, options);
				live.add(this);
				started++;
			}
			terminate() {
				live.delete(this);
				super.terminate();
			}
		}
		vi.stubGlobal('Worker', CountedWorker);
		try {
			for (let i = 0; i < 100; i++) {
				const screen = await render(WeightField, { renderer: 'canvas', seed: i, showLadder: i % 2 === 0 });
				if (i % 10 === 0) {
					await vi.waitFor(() => expect(attr(screen.container, 'data-playing')).toBe('true'), {
						timeout: 15000
					});
					expect(attr(screen.container, 'data-trainer')).toBe('worker');
				}
				await screen.unmount();
			}
		} finally {
			vi.unstubAllGlobals();
		}
		// A figure that never came on screen never started its run.
		expect(started).toBeGreaterThanOrEqual(10);
		expect(live.size).toBe(0);
		expect(raf).toHaveBeenCalled();
		expect(caf).toHaveBeenCalled();
		const calls = raf.mock.calls.length;
		await new Promise((r) => setTimeout(r, 500));
		expect(raf.mock.calls.length).toBe(calls);
	});

	it('stops its loop off screen and resumes on screen', async () => {
		const screen = await render(WeightField, { renderer: 'canvas', style: 'margin-top: 0' });
		await vi.waitFor(() => expect(attr(screen.container, 'data-playing')).toBe('true'), { timeout: 15000 });
		const spacer = document.createElement('div');
		spacer.style.height = '20000px';
		screen.container.prepend(spacer);
		await vi.waitFor(() => expect(attr(screen.container, 'data-playing')).toBe('false'));
		spacer.remove();
		await vi.waitFor(() => expect(attr(screen.container, 'data-playing')).toBe('true'));
	});

	it('shows "diverged" for a learning rate of 1e6, without throwing', async () => {
		const screen = await render(WeightField, { renderer: 'canvas', learningRate: 1e6 });
		await expect.element(screen.getByTestId('diverged'), { timeout: 15000 }).toBeInTheDocument();
		expect(screen.getByTestId('diverged').element().textContent).toMatch(/diverged/);
		expect(attr(screen.container, 'data-diverged')).toBe('true');
		expect(attr(screen.container, 'data-playing')).toBe('false');
		// Reset with a sane rate recovers.
		await screen.rerender({ learningRate: 1e-2 });
		await screen.getByRole('button', { name: 'Reset' }).click();
		await vi.waitFor(() => expect(attr(screen.container, 'data-diverged')).toBe('false'));
	});

	it('clamps bad input with a message: NaN sequence length, absurd scale, NaN learning rate', async () => {
		const screen = await render(WeightField, {
			renderer: 'canvas',
			autoplay: false,
			sequenceLength: NaN,
			parameters: 1e15,
			learningRate: NaN
		});
		expect(attr(screen.container, 'data-sequence-length')).toBe('4096');
		expect(attr(screen.container, 'data-model')).toBe('llama-3.1-405b');
		await expect.element(screen.getByText(/outside the ladder/)).toBeInTheDocument();
		await expect.element(screen.getByText(/could not start/), { timeout: 15000 }).toBeInTheDocument();
		// The run still works with its default learning rate.
		await screen.getByRole('button', { name: 'Step' }).click();
		await vi.waitFor(() => expect(attr(screen.container, 'data-step')).toBe('1'));
		await screen.rerender({ parameters: -5, sequenceLength: 1e9 });
		expect(attr(screen.container, 'data-model')).toBe('llama-3.1-8b');
		expect(attr(screen.container, 'data-sequence-length')).toBe('131072');
		await expect.element(screen.getByText(/not a parameter count/)).toBeInTheDocument();
	});

	it('trains in a Web Worker: the main thread only draws, and the loss goes down over the steps', async () => {
		const onProgress = vi.fn();
		const screen = await render(WeightField, { renderer: 'canvas', stepsPerSecond: 120, onProgress });
		await vi.waitFor(() => expect(attr(screen.container, 'data-trainer')).toBe('worker'), { timeout: 15000 });
		await vi.waitFor(() => expect(Number(attr(screen.container, 'data-step'))).toBeGreaterThanOrEqual(80), {
			timeout: 30000,
			interval: 100
		});
		await screen.getByRole('button', { name: 'Pause' }).click();
		await vi.waitFor(() => expect(attr(screen.container, 'data-playing')).toBe('false'));
		const [metrics, history] = onProgress.mock.calls.at(-1)!;
		// Every step of the worker arrived once, in order.
		expect(history.length).toBe(metrics.totalStep);
		expect(history.map((p: { step: number }) => p.step)).toEqual(
			history.map((_: unknown, i: number) => i + 1)
		);
		// A fresh model starts near ln 20 ≈ 3.0 nats per token; 80 steps on the toy language bring it well below.
		const mean = (xs: { loss: number }[]) => xs.reduce((a, p) => a + p.loss, 0) / xs.length;
		const first = mean(history.slice(0, 10));
		const last = mean(history.slice(-10));
		expect(first).toBeGreaterThan(2.7);
		expect(last).toBeLessThan(first - 0.5);
		expect(Number(screen.container.querySelector('[data-readout="loss"]')!.textContent)).toBeLessThan(first);
		// The field draws the worker's weights: every cell holds a colour of the palette, none is left blank.
		const canvas = screen.container.querySelector('canvas')!;
		const data = canvas.getContext('2d')!.getImageData(0, 0, 256, 256).data;
		let blank = 0;
		for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] === 0) blank++;
		expect(blank).toBe(0);
	});

	it('trains on the main thread where there is no Worker', async () => {
		vi.stubGlobal('Worker', undefined);
		try {
			const screen = await render(WeightField, { renderer: 'canvas' });
			await vi.waitFor(() => expect(attr(screen.container, 'data-trainer')).toBe('main'), { timeout: 15000 });
			await vi.waitFor(() => expect(Number(attr(screen.container, 'data-step'))).toBeGreaterThan(3), {
				timeout: 15000
			});
			await screen.getByRole('button', { name: 'Pause' }).click();
			const step = Number(attr(screen.container, 'data-step'));
			await screen.getByRole('button', { name: 'Step' }).click();
			// On the main thread a step is taken at once.
			expect(Number(attr(screen.container, 'data-step'))).toBe(step + 1);
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it('falls back to the main thread when the worker fails to start, without an error', async () => {
		// A worker whose script cannot load: it answers nothing and fires an `error` event.
		let made = 0;
		let terminated = 0;
		class FailingWorker extends EventTarget {
			constructor() {
				super();
				made++;
				setTimeout(() => this.dispatchEvent(new Event('error')), 50);
			}
			postMessage() {}
			terminate() {
				terminated++;
			}
		}
		vi.stubGlobal('Worker', FailingWorker);
		try {
			const onProgress = vi.fn();
			const screen = await render(WeightField, { renderer: 'canvas', stage: 'finetune-full', onProgress });
			await vi.waitFor(() => expect(attr(screen.container, 'data-trainer')).toBe('main'), { timeout: 15000 });
			expect([made, terminated]).toEqual([1, 1]);
			// The same run, in the stage asked for, now steps on the main thread.
			await vi.waitFor(() => expect(Number(attr(screen.container, 'data-step'))).toBeGreaterThan(3), {
				timeout: 15000
			});
			expect(attr(screen.container, 'data-stage')).toBe('finetune-full');
			expect(attr(screen.container, 'data-playing')).toBe('true');
			expect(onProgress.mock.calls.at(-1)![0].stage).toBe('finetune-full');
			expect(screen.container.querySelector('[role="alert"]')).toBeNull();
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it('does not start on its own under prefers-reduced-motion', async () => {
		const session = cdp();
		await session.send('Emulation.setEmulatedMedia', {
			features: [{ name: 'prefers-reduced-motion', value: 'reduce' }]
		});
		try {
			await vi.waitFor(() => expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true));
			const screen = await render(WeightField, { renderer: 'canvas' });
			await vi.waitFor(() => expect(attr(screen.container, 'data-renderer')).toBe('canvas'), {
				timeout: 15000
			});
			await new Promise((r) => setTimeout(r, 200));
			expect(attr(screen.container, 'data-step')).toBe('0');
			expect(attr(screen.container, 'data-playing')).toBe('false');
		} finally {
			await session.send('Emulation.setEmulatedMedia', { features: [] });
		}
	});
});

async function gpuAdapter() {
	return navigator.gpu ? await navigator.gpu.requestAdapter() : null;
}

describe('WeightField on WebGPU', () => {
	it("'auto' refuses a software adapter and draws on Canvas 2D without a message; gpu: null does too", async () => {
		const infos: WeightFieldRendererInfo[] = [];
		const screen = await render(WeightField, {
			autoplay: false,
			onRenderer: (i: WeightFieldRendererInfo) => infos.push(i)
		});
		await vi.waitFor(() => expect(attr(screen.container, 'data-renderer')).not.toBe('none'), {
			timeout: 20000
		});
		const adapter = await gpuAdapter();
		const software = !adapter || adapter.info.isFallbackAdapter;
		if (software) {
			expect(attr(screen.container, 'data-renderer')).toBe('canvas');
			expect(screen.container.textContent).not.toMatch(/WebGPU is not available/);
			expect(infos.at(-1)!.cells).toBe(65_536);
		}
		await screen.unmount();
		const none = await render(WeightField, { autoplay: false, gpu: null, renderer: 'webgpu' });
		await vi.waitFor(() => expect(attr(none.container, 'data-renderer')).toBe('canvas'), { timeout: 20000 });
		expect(none.container.textContent).toMatch(/WebGPU is not available \(navigator\.gpu is missing\)/);
	});

	it('draws a million cells with a forced adapter and falls back to canvas on device loss, keeping the run', async (ctx) => {
		if (!(await gpuAdapter())) ctx.skip();
		const infos: WeightFieldRendererInfo[] = [];
		const screen = await render(WeightField, {
			renderer: 'webgpu',
			onRenderer: (i: WeightFieldRendererInfo) => infos.push(i)
		});
		await vi.waitFor(() => expect(attr(screen.container, 'data-renderer')).toBe('webgpu'), {
			timeout: 20000
		});
		const gpu = infos.find((i) => i.kind === 'webgpu')!;
		expect(gpu.cells).toBe(1_000_000);
		const canvas = screen.container.querySelector('canvas')!;
		expect([canvas.width, canvas.height]).toEqual([1000, 1000]);
		await vi.waitFor(() => expect(Number(attr(screen.container, 'data-step'))).toBeGreaterThan(3), {
			timeout: 15000
		});
		const before = Number(attr(screen.container, 'data-step'));
		gpu.device!.destroy();
		await vi.waitFor(() => expect(attr(screen.container, 'data-renderer')).toBe('canvas'), {
			timeout: 10000
		});
		expect(screen.container.textContent).toMatch(/device was lost/);
		await vi.waitFor(() => expect(Number(attr(screen.container, 'data-step'))).toBeGreaterThan(before + 2));
		expect(infos.at(-1)!.kind).toBe('canvas');
	});

	it('renders the same colours as the CPU path (within one colour step at bin edges)', async (ctx) => {
		if (!(await gpuAdapter())) ctx.skip();
		const run = createWeightFieldRun({ seed: 3 });
		run.step(5);
		const snap = run.snapshot();
		const cells = 4096;
		const canvas = document.createElement('canvas');
		const lut = buildLut({ background: [255, 255, 255] }, true);
		const renderer = await createWebGpuRenderer(canvas, {
			cells,
			mode: 'sample',
			lut,
			background: 0xffffffff,
			gpu: navigator.gpu,
			allowFallback: true,
			onLost: () => {}
		});
		try {
			const gpuPixels = await renderer.readback({ source: snap, groups: snap.groups, dimFrozen: false });
			const field = fieldFromWeights(snap, cells);
			const cpu = new Uint32Array(cells);
			paintField(cpu, field.values, field.motion, field.valueScale, field.motionScale, null, lut, 0xffffffff);
			let mismatched = 0;
			for (let i = 0; i < cells; i++) {
				const [r, g, b] = unpackRgba(cpu[i], true);
				const o = i * 4;
				const d = Math.max(
					Math.abs(gpuPixels[o] - r),
					Math.abs(gpuPixels[o + 1] - g),
					Math.abs(gpuPixels[o + 2] - b)
				);
				if (d > 0) mismatched++;
				expect(d).toBeLessThanOrEqual(12);
			}
			expect(mismatched / cells).toBeLessThan(0.01);
		} finally {
			renderer.destroy();
		}
	});
});
