// The WebGPU backend against a recording mock device (no shader runs in Node): workgroup counts,
// binding sizes, buffer lifetimes, routing to the CPU, error scopes and device loss. The kernels'
// numbers are checked in Chromium by webgpu.browser.test.ts.
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { createMockGpu, type MockAdapterSpec } from '../../testing/mock-gpu.js';
import { createWebGpuBackend, DEFAULT_MIN_GPU_WORK } from './webgpu-backend.js';

async function setup(spec: MockAdapterSpec = {}, options: { minGpuWork?: number; debug?: boolean } = {}) {
	const mock = createMockGpu({ adapter: spec });
	const backend = await createWebGpuBackend({ gpu: mock.gpu, minGpuWork: 0, lossGraceMs: 5, ...options });
	return { backend, dev: mock.devices[0], mock };
}

const zeros = (n: number) => new Float32Array(n);

describe('WebGPU backend dispatch (mock device)', () => {
	it('matmul 33×20 · 20×17: a [⌈17/16⌉, ⌈33/16⌉] = [2, 3] grid and exact binding sizes', async () => {
		const { backend, dev } = await setup();
		const r = await backend.matmul(zeros(33 * 20), zeros(20 * 17), 33, 20, 17);
		expect(r.backend).toBe('webgpu');
		expect(r.data.length).toBe(33 * 17);
		expect(dev.dispatches).toEqual([
			{ pipeline: 'matmul', grid: [2, 3, 1], bindingSizes: [16, 33 * 20 * 4, 20 * 17 * 4, 33 * 17 * 4] }
		]);
		expect(dev.submits).toBe(1);
	});

	it('attention seq 20, dHead 8: scores, softmax and ·V in one submission', async () => {
		const { backend, dev } = await setup();
		const r = await backend.attention(zeros(160), zeros(160), zeros(160), 20, 8, true);
		expect(dev.dispatches.map((d) => [d.pipeline, d.grid])).toEqual([
			['matmul', [2, 2, 1]],
			['softmax-rows', [20, 1, 1]],
			['matmul', [1, 2, 1]]
		]);
		expect(dev.submits).toBe(1);
		// The same WGSL module serves Q·Kᵀ and W·V as two pipelines (TRANSPOSE_B = 1 and 0).
		expect(dev.pipelines.filter((p) => p === 'matmul').length).toBe(2);
		// Future positions of the scores are −∞, as on the CPU.
		expect(r.scores[1]).toBe(-Infinity);
		expect(r.scores[20 * 19 + 19]).toBe(0);
		expect(r.scores.filter((s) => s === -Infinity).length).toBe((20 * 19) / 2);
	});

	it('adam over 1000 params: ⌈1000/256⌉ = 4 workgroups; inputs untouched, results new arrays', async () => {
		const { backend, dev } = await setup();
		const p = Float32Array.from({ length: 1000 }, (_, i) => i);
		const r = await backend.adamStep(p, zeros(1000), zeros(1000), zeros(1000), { lr: 0.1, t: 1 });
		expect(dev.dispatches[0]).toMatchObject({ pipeline: 'adam', grid: [4, 1, 1] });
		expect(dev.dispatches[0].bindingSizes).toEqual([48, 4000, 4000, 4000, 4000]);
		expect(r.params).not.toBe(p);
		// The mock runs no shader, so the readback holds what was uploaded: wiring check only.
		expect(r.params[999]).toBe(999);
		expect(p[999]).toBe(999);
	});

	it('int8 quantize 3×5: one row-scale workgroup per row, then ⌈⌈15/4⌉/256⌉ = 1 packing workgroup', async () => {
		const { backend, dev } = await setup();
		const r = await backend.quantizeInt8Rows(zeros(15), 3, 5);
		expect(dev.dispatches.map((d) => [d.pipeline, d.grid, d.bindingSizes])).toEqual([
			['int8-row-scale', [3, 1, 1], [16, 60, 12]],
			['int8-quantize-pack', [1, 1, 1], [16, 60, 12, 16]]
		]);
		expect(r.codes).toBeInstanceOf(Int8Array);
		expect(r.codes.length).toBe(15);
		const d = await backend.dequantizeInt8Rows(new Int8Array(15), zeros(3), 3, 5);
		expect(d.data.length).toBe(15);
		// 15 codes padded to 16 bytes.
		expect(dev.dispatches[2].bindingSizes).toEqual([16, 16, 12, 60]);
	});

	it('every buffer is back in the pool after each op, and destroyed on dispose', async () => {
		const { backend, dev } = await setup();
		await backend.matmul(zeros(64), zeros(64), 8, 8, 8);
		await backend.softmaxRows(zeros(64), 8, 8);
		expect(backend.bufferStats().inUse).toBe(0);
		expect(dev.liveBuffers.size).toBeGreaterThan(0);
		backend.dispose();
		expect(dev.liveBuffers.size).toBe(0);
		expect(dev.isLost).toBe(true); // the backend created the device, so it destroyed it
		await expect(backend.matmul(zeros(1), zeros(1), 1, 1, 1)).rejects.toThrow(/disposed/);
	});
});

describe('WebGPU backend routing', () => {
	it(`sends ops below minGpuWork (default ${DEFAULT_MIN_GPU_WORK}) to the CPU and says so`, async () => {
		const { backend, dev } = await setup({}, { minGpuWork: undefined });
		expect(backend.minGpuWork).toBe(DEFAULT_MIN_GPU_WORK);
		// 32·32·32 = 32 768 multiply-adds < 65 536
		const small = await backend.matmul(zeros(1024), zeros(1024), 32, 32, 32);
		expect(small.backend).toBe('cpu');
		// 64·32·32 = 65 536 is not below the threshold
		const big = await backend.matmul(zeros(2048), zeros(1024), 64, 32, 32);
		expect(big.backend).toBe('webgpu');
		expect(dev.dispatches.length).toBe(1);
	});

	it('empty inputs never reach the GPU (a zero-size binding is invalid)', async () => {
		const { backend, dev } = await setup();
		expect((await backend.softmaxRows(zeros(0), 4, 0)).backend).toBe('cpu');
		expect((await backend.matmul(zeros(0), zeros(0), 3, 0, 2)).data).toEqual(zeros(6));
		expect(dev.dispatches.length).toBe(0);
	});

	it('inputs beyond the device buffer limit go to the CPU', async () => {
		const { backend, dev } = await setup({ limits: { maxStorageBufferBindingSize: 1024 } });
		// a is 20·20·4 = 1600 bytes > 1024
		expect((await backend.matmul(zeros(400), zeros(400), 20, 20, 20)).backend).toBe('cpu');
		expect(dev.dispatches.length).toBe(0);
	});

	it('checks arguments before anything reaches the device', async () => {
		const { backend, dev } = await setup();
		await expect(backend.matmul(zeros(5), zeros(4), 2, 2, 2)).rejects.toMatchObject({
			code: 'shape-mismatch'
		});
		await expect(backend.softmaxRows(zeros(4), 2.5, 2)).rejects.toMatchObject({ code: 'out-of-range' });
		expect(dev.created).toBe(0);
	});
});

describe('WebGPU backend error scopes and device loss', () => {
	it('debug mode pushes and pops balanced validation / out-of-memory scopes, one op at a time', async () => {
		const { backend, dev } = await setup({}, { debug: true });
		const calls: string[] = [];
		const push = dev.device.pushErrorScope.bind(dev.device);
		const pop = dev.device.popErrorScope.bind(dev.device);
		dev.device.pushErrorScope = (f: GPUErrorFilter) => (calls.push(`push ${f}`), push(f));
		dev.device.popErrorScope = () => (calls.push('pop'), pop());
		await Promise.all([backend.softmaxRows(zeros(64), 8, 8), backend.softmaxRows(zeros(64), 8, 8)]);
		expect(calls).toEqual([
			'push out-of-memory',
			'push validation',
			'pop',
			'pop',
			'push out-of-memory',
			'push validation',
			'pop',
			'pop'
		]);
	});

	it('a validation error caught in debug mode rejects the op and names it', async () => {
		const { backend, dev } = await setup({}, { debug: true });
		let depth = 0;
		dev.device.pushErrorScope = () => void depth++;
		dev.device.popErrorScope = async () =>
			depth-- === 2 ? ({ message: 'binding too small' } as GPUError) : null;
		await expect(backend.matmul(zeros(4), zeros(4), 2, 2, 2)).rejects.toThrow(
			/validation error in matmul: binding too small/
		);
	});

	it('device lost between ops: the backend marks itself lost, tells its listeners once, and refuses work', async () => {
		const { backend, dev } = await setup();
		const reasons: string[] = [];
		backend.onLost((r) => reasons.push(r));
		dev.lose('unknown', 'driver reset');
		await Promise.resolve();
		await Promise.resolve();
		expect(backend.lost).toBe(true);
		expect(reasons).toEqual(['unknown: driver reset']);
		expect(backend.lostReason).toBe('unknown: driver reset');
		await expect(backend.matmul(zeros(4), zeros(4), 2, 2, 2)).rejects.toMatchObject({ code: 'device-lost' });
		// its buffers were destroyed with the device
		expect(dev.liveBuffers.size).toBe(0);
	});

	it('device lost while an op is in flight: the op rejects with device-lost', async () => {
		const { backend } = await setup({ loseOnSubmit: 1 });
		const err = await backend.matmul(zeros(4), zeros(4), 2, 2, 2).catch((e) => e);
		expect(err).toBeInstanceOf(AnatomyError);
		expect(err.code).toBe('device-lost');
		expect(backend.lost).toBe(true);
	});

	it('wrapping a caller’s device: dispose destroys the buffers but leaves the device alive', async () => {
		const mock = createMockGpu();
		const device = await (await mock.gpu.requestAdapter())!.requestDevice();
		const backend = await createWebGpuBackend({ device, minGpuWork: 0 });
		await backend.softmaxRows(zeros(64), 8, 8);
		backend.dispose();
		expect(mock.devices[0].liveBuffers.size).toBe(0);
		expect(mock.devices[0].isLost).toBe(false);
	});
});
