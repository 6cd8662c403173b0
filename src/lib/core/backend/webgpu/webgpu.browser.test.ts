// The WebGPU backend in Chromium (Vitest browser mode, --enable-unsafe-webgpu). Headless Chromium
// without a GPU offers only SwiftShader, a software *fallback* adapter, so WebGPU is asked for by
// name here. Inputs stay small: SwiftShader is slower than plain JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../rng.js';
import { closeTo, TOLERANCES } from '../../testing/close.js';
import { allGoldenCases, runConformance } from '../../testing/conformance.js';
import { trackBuffers, withDevice } from '../../testing/with-device.js';
import { createCpuBackend } from '../cpu/cpu-backend.js';
import { createBackendRegistry } from '../registry.js';
import type { Backend } from '../types.js';
import { createWebGpuBackend, type WebGpuBackend } from './webgpu-backend.js';

const gpuApi = typeof navigator === 'undefined' ? undefined : navigator.gpu;
const cpu = createCpuBackend();
const tol = TOLERANCES.webgpu;

function randn(n: number, seed: number, scale = 1): Float32Array {
	const rng = createRng(seed);
	return Float32Array.from({ length: n }, () => scale * rng.normal());
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string) {
	const r = closeTo(actual, expected, tol);
	expect(r.ok, `${what}: ${r.message}`).toBe(true);
}

let hasAdapter = false;
beforeAll(async () => {
	hasAdapter = Boolean(await gpuApi?.requestAdapter());
});

describe('WebGPU backend (forced by name)', () => {
	const registry = createBackendRegistry();
	let gpu: WebGpuBackend;

	beforeAll(async () => {
		if (!hasAdapter) return;
		gpu = (await registry.select({
			navigator: { gpu: gpuApi },
			prefer: 'webgpu',
			strict: true,
			minGpuWork: 0,
			debug: true
		})) as WebGpuBackend;
	});
	afterAll(() => registry.reset());

	it('auto selection refuses a software fallback adapter and records why', async (ctx) => {
		if (!hasAdapter) return ctx.skip('no WebGPU adapter');
		const auto = await createBackendRegistry().select({ navigator: { gpu: gpuApi } });
		if (gpu.fallbackAdapter) {
			expect(auto.name).toBe('cpu');
		} else {
			expect(auto.name).toBe('webgpu');
			auto.dispose();
		}
	});

	it('passes every golden case within the WebGPU tolerance', async (ctx) => {
		if (!hasAdapter) return ctx.skip('no WebGPU adapter');
		expect(gpu.name).toBe('webgpu');
		const results = await runConformance(gpu, allGoldenCases(), { tolerance: tol });
		const failed = results.filter((r) => !r.ok);
		expect(failed.map((r) => `${r.op} ${r.name}: ${r.message}`)).toEqual([]);
		// with minGpuWork 0 every non-empty case really ran on the GPU
		expect(results.filter((r) => r.backend === 'webgpu').length).toBeGreaterThan(0);
	});

	it('matmul 128×96 · 96×80 agrees with the CPU', async (ctx) => {
		if (!hasAdapter) return ctx.skip('no WebGPU adapter');
		const a = randn(128 * 96, 1);
		const b = randn(96 * 80, 2);
		const g = await gpu.matmul(a, b, 128, 96, 80);
		expect(g.backend).toBe('webgpu');
		expectClose(g.data, (await cpu.matmul(a, b, 128, 96, 80)).data, 'matmul');
	});

	it('causal attention seq 64, dHead 32 agrees with the CPU (scores, weights, output)', async (ctx) => {
		if (!hasAdapter) return ctx.skip('no WebGPU adapter');
		const [seq, d] = [64, 32];
		const q = randn(seq * d, 3);
		const k = randn(seq * d, 4);
		const v = randn(seq * d, 5);
		const g = await gpu.attention(q, k, v, seq, d, true);
		const c = await cpu.attention(q, k, v, seq, d, true);
		expect(g.backend).toBe('webgpu');
		expectClose(g.scores, c.scores, 'scores');
		expectClose(g.weights, c.weights, 'weights');
		expectClose(g.output, c.output, 'output');
		// every row of the weights sums to 1 and puts no weight on the future
		for (let i = 0; i < seq; i++) {
			let s = 0;
			for (let j = 0; j < seq; j++) s += g.weights[i * seq + j];
			expect(Math.abs(s - 1)).toBeLessThan(1e-5);
			for (let j = i + 1; j < seq; j++) expect(g.weights[i * seq + j]).toBe(0);
		}
	});

	it('softmax with extreme rows: ±1e4 logits, −∞ entries, an all −∞ row, NaN, +∞', async (ctx) => {
		if (!hasAdapter) return ctx.skip('no WebGPU adapter');
		const x = Float32Array.from([
			1e4,
			-1e4,
			0,
			1e4, // two equal maxima share the mass: [0.5, 0, 0, 0.5]
			-Infinity,
			0,
			-Infinity,
			0, // [0, 0.5, 0, 0.5]
			-Infinity,
			-Infinity,
			-Infinity,
			-Infinity, // all masked: zeros
			1,
			NaN,
			2,
			3 // NaN is not hidden
		]);
		const g = await gpu.softmaxRows(x, 4, 4);
		const c = await cpu.softmaxRows(x, 4, 4);
		expectClose(g.data, c.data, 'softmax');
		expectClose(g.data.subarray(0, 12), [0.5, 0, 0, 0.5, 0, 0.5, 0, 0.5, 0, 0, 0, 0], 'hand values');
	});

	it('AdamW step agrees with the CPU', async (ctx) => {
		if (!hasAdapter) return ctx.skip('no WebGPU adapter');
		const n = 3000;
		const p = randn(n, 6);
		const grad = randn(n, 7);
		const m = randn(n, 8, 0.1);
		const v = randn(n, 9, 0.1).map(Math.abs);
		const opts = { lr: 1e-2, weightDecay: 0.1, t: 7 };
		const g = await gpu.adamStep(p, grad, m, v, opts);
		const c = await cpu.adamStep(p, grad, m, v, opts);
		expect(g.backend).toBe('webgpu');
		expectClose(g.params, c.params, 'params');
		expectClose(g.m, c.m, 'm');
		expectClose(g.v, c.v, 'v');
	});

	it('int8 quantize / dequantize agree with the CPU (codes may differ by one only at a rounding tie)', async (ctx) => {
		if (!hasAdapter) return ctx.skip('no WebGPU adapter');
		const [rows, cols] = [37, 29]; // odd sizes: packed words straddle rows
		const x = randn(rows * cols, 10, 3);
		x.fill(0, 5 * cols, 6 * cols); // an all-zero row
		const g = await gpu.quantizeInt8Rows(x, rows, cols);
		const c = await cpu.quantizeInt8Rows(x, rows, cols);
		expect(g.backend).toBe('webgpu');
		expectClose(g.scales, c.scales, 'scales');
		for (let i = 0; i < x.length; i++) {
			if (g.codes[i] === c.codes[i]) continue;
			const q = x[i] / c.scales[Math.floor(i / cols)];
			expect(Math.abs(Math.abs(q % 1) - 0.5), `code ${i}: ${g.codes[i]} vs ${c.codes[i]}`).toBeLessThan(1e-4);
		}
		const dg = await gpu.dequantizeInt8Rows(c.codes, c.scales, rows, cols);
		const dc = await cpu.dequantizeInt8Rows(c.codes, c.scales, rows, cols);
		expectClose(dg.data, dc.data, 'dequantize');
	});
});

describe('WebGPU device loss and buffer lifetimes', () => {
	it('device.destroy() mid-run: the op falls back to the CPU and its result is still right', async (ctx) => {
		if (!hasAdapter) return ctx.skip('no WebGPU adapter');
		const registry = createBackendRegistry();
		const options = { navigator: { gpu: gpuApi }, prefer: 'webgpu' as const, minGpuWork: 0 };
		const a = randn(48 * 40, 11);
		const b = randn(40 * 24, 12);
		const expected = (await cpu.matmul(a, b, 48, 40, 24)).data;
		const seen: string[] = [];
		const first = await registry.run(async (backend: Backend) => {
			seen.push(backend.name);
			const pending = backend.matmul(a, b, 48, 40, 24);
			if (backend.name === 'webgpu') (backend as WebGpuBackend).device.destroy();
			return pending;
		}, options);
		expect(seen).toEqual(['webgpu', 'cpu']);
		expect(first.backend).toBe('cpu');
		expectClose(first.data, expected, 'matmul after loss');
		expect(registry.diagnostics().losses[0]?.name).toBe('webgpu');
		// the run goes on: later ops use the CPU
		const next = await registry.run((backend) => backend.matmul(a, b, 48, 40, 24), options);
		expect(next.backend).toBe('cpu');
		registry.reset();
	});

	it('every GPU buffer is destroyed once the backend is disposed', async (ctx) => {
		await withDevice(
			async (device, buffers) => {
				const gpu = await createWebGpuBackend({ device, minGpuWork: 0, debug: true });
				await gpu.matmul(randn(40 * 30, 1), randn(30 * 20, 2), 40, 30, 20);
				await gpu.attention(randn(64, 3), randn(64, 4), randn(64, 5), 8, 8, true);
				await gpu.quantizeInt8Rows(randn(50, 6), 5, 10);
				expect(buffers.created).toBeGreaterThan(0);
				expect(gpu.bufferStats().inUse).toBe(0);
				gpu.dispose();
				expect(buffers.live).toBe(0);
				expect(buffers.destroyed).toBe(buffers.created);
			},
			{ gpu: gpuApi, skip: (note) => ctx.skip(note) }
		);
	});

	it('trackBuffers counts buffers created and destroyed on a real device', async (ctx) => {
		await withDevice(
			async (device) => {
				const t = trackBuffers(device);
				const b = device.createBuffer({ size: 16, usage: 0x80 });
				expect(t.live).toBe(1);
				b.destroy();
				b.destroy();
				expect([t.created, t.destroyed, t.live]).toEqual([1, 1, 0]);
			},
			{ gpu: gpuApi, skip: (note) => ctx.skip(note) }
		);
	});
});
