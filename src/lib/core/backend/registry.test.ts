import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { createMockGpu } from '../testing/mock-gpu.js';
import { createCpuBackend } from './cpu/cpu-backend.js';
import { createBackendRegistry } from './registry.js';
import type { Backend } from './types.js';
import type { WebGpuBackend } from './webgpu/webgpu-backend.js';

// [1 2; 3 4] · [5 6; 7 8] = [1·5+2·7, 1·6+2·8; 3·5+4·7, 3·6+4·8] = [19 22; 43 50]
const A = Float32Array.from([1, 2, 3, 4]);
const B = Float32Array.from([5, 6, 7, 8]);
const AB = [19, 22, 43, 50];

describe('backend registry with a mocked navigator.gpu', () => {
	it('no navigator.gpu: WebGPU is skipped, not tried, and the CPU is selected', async () => {
		const reg = createBackendRegistry();
		const b = await reg.select({ navigator: {} });
		expect(b.name).toBe('cpu');
		const d = reg.diagnostics();
		expect(d.selected).toBe('cpu');
		expect(d.attempts.map((a) => [a.name, a.outcome])).toEqual([
			['webgpu', 'skipped'],
			['cpu', 'selected']
		]);
		expect(d.attempts[0].reason).toMatch(/navigator\.gpu is missing/);
		expect(d.registered).toEqual([
			{ name: 'webgpu', priority: 2 },
			{ name: 'cpu', priority: 1 }
		]);
		expect((await reg.select({ navigator: undefined })).name).toBe('cpu');
	});

	it('no adapter: CPU, with the reason recorded', async () => {
		const mock = createMockGpu({ adapter: null });
		const reg = createBackendRegistry();
		expect((await reg.select({ navigator: mock.navigator })).name).toBe('cpu');
		const [gpu] = reg.diagnostics().attempts;
		expect(gpu).toMatchObject({ name: 'webgpu', outcome: 'failed' });
		expect(gpu.reason).toMatch(/returned null/);
	});

	it('a hardware adapter: WebGPU is selected', async () => {
		const mock = createMockGpu();
		const reg = createBackendRegistry();
		const b = (await reg.select({ navigator: mock.navigator })) as WebGpuBackend;
		expect(b.name).toBe('webgpu');
		expect(b.fallbackAdapter).toBe(false);
		expect(reg.diagnostics().attempts.map((a) => a.outcome)).toEqual(['selected', 'not-tried']);
		reg.reset();
	});

	for (const legacyFallbackFlag of [false, true]) {
		const where = legacyFallbackFlag ? 'adapter.isFallbackAdapter' : 'adapter.info.isFallbackAdapter';
		it(`a software fallback adapter (${where}): CPU under auto; WebGPU when asked by name or allowed`, async () => {
			const mock = createMockGpu({ adapter: { fallback: true, legacyFallbackFlag } });
			const reg = createBackendRegistry();
			expect((await reg.select({ navigator: mock.navigator })).name).toBe('cpu');
			expect(reg.diagnostics().attempts[0].reason).toMatch(/software fallback/);
			const named = (await reg.select({ navigator: mock.navigator, prefer: 'webgpu' })) as WebGpuBackend;
			expect(named.name).toBe('webgpu');
			expect(named.fallbackAdapter).toBe(true);
			const allowed = await reg.select({ navigator: mock.navigator, allowFallbackAdapter: true });
			expect(allowed.name).toBe('webgpu');
			reg.reset();
		});
	}

	it('requestDevice throws: CPU, and the error text is in the diagnostics', async () => {
		const mock = createMockGpu({ adapter: { requestDeviceError: new Error('out of device memory') } });
		const reg = createBackendRegistry();
		expect((await reg.select({ navigator: mock.navigator })).name).toBe('cpu');
		expect(reg.diagnostics().attempts[0].reason).toMatch(/requestDevice\(\) failed.*out of device memory/);
	});

	it('requestAdapter throws: CPU', async () => {
		const mock = createMockGpu({ requestAdapterError: new TypeError('blocked by policy') });
		const reg = createBackendRegistry();
		expect((await reg.select({ navigator: mock.navigator })).name).toBe('cpu');
		expect(reg.diagnostics().attempts[0].reason).toMatch(/blocked by policy/);
	});

	it('initialisation is cached, failures included, until reset', async () => {
		const mock = createMockGpu({ adapter: null });
		const reg = createBackendRegistry();
		const first = await reg.select({ navigator: mock.navigator });
		const second = await reg.select({ navigator: mock.navigator });
		expect(second).toBe(first);
		expect(mock.requestAdapterCalls).toBe(1);
		expect(reg.diagnostics().attempts[0].cached).toBe(true);
		reg.reset();
		await reg.select({ navigator: mock.navigator });
		expect(mock.requestAdapterCalls).toBe(2);
	});

	it('strict: only the named backend, and a clear error when it cannot start', async () => {
		const reg = createBackendRegistry();
		const err = await reg.select({ navigator: {}, prefer: 'webgpu', strict: true }).catch((e) => e);
		expect(err).toBeInstanceOf(AnatomyError);
		expect(err.code).toBe('backend-unavailable');
		expect(err.message).toMatch(/only 'webgpu' was allowed.*webgpu: skipped/);
	});

	it('when nothing works, one error lists every reason', async () => {
		const reg = createBackendRegistry({ builtins: false });
		reg.register(
			'cpu',
			() => {
				throw new Error('no CPU today');
			},
			1
		);
		reg.register('webgpu', async () => Promise.reject(new Error('no GPU either')), 2);
		const err = await reg.select({ navigator: {} }).catch((e) => e);
		expect(err).toMatchObject({ code: 'backend-unavailable' });
		expect(err.message).toBe(
			'no compute backend is available: webgpu: failed (no GPU either); cpu: failed (no CPU today)'
		);
		await expect(createBackendRegistry({ builtins: false }).select()).rejects.toThrow(/none registered/);
	});

	it('priorities decide the order; an unknown name is refused', async () => {
		const reg = createBackendRegistry({ builtins: false });
		const order: string[] = [];
		const fake = (name: 'cpu' | 'webgpu') => () => {
			order.push(name);
			return { ...createCpuBackend(), name } as Backend;
		};
		reg.register('webgpu', fake('webgpu'), 0);
		reg.register('cpu', fake('cpu'), 5);
		expect((await reg.select()).name).toBe('cpu');
		expect(order).toEqual(['cpu']);
		expect(reg.diagnostics().attempts.map((a) => a.name)).toEqual(['cpu', 'webgpu']);
		reg.unregister('webgpu');
		await expect(reg.select({ prefer: 'webgpu' })).rejects.toThrow(/no backend named 'webgpu'/);
		expect(() => reg.register('cpu', 5 as never, 1)).toThrow(/factory/);
		expect(() => reg.register('cpu', fake('cpu'), NaN)).toThrow(/priority/);
	});
});

describe('device loss', () => {
	it('lost mid-run: the op in flight is re-run on the CPU and still returns its result', async () => {
		const mock = createMockGpu({ adapter: { loseOnSubmit: 1 } });
		const reg = createBackendRegistry();
		const seen: string[] = [];
		const r = await reg.run(
			async (b) => {
				seen.push(b.name);
				return b.matmul(A, B, 2, 2, 2);
			},
			{ navigator: mock.navigator, minGpuWork: 0 }
		);
		expect(seen).toEqual(['webgpu', 'cpu']);
		expect(r.backend).toBe('cpu');
		expect([...r.data]).toEqual(AB);
		const d = reg.diagnostics();
		expect(d.losses).toHaveLength(1);
		expect(d.losses[0]).toMatchObject({ name: 'webgpu' });
		// the reason device.lost gave
		expect(d.losses[0].reason).toBe('unknown: mock device lost at submit 1');
		// The next op starts on the CPU without touching the lost backend.
		const next = await reg.run((b) => b.softmaxRows(Float32Array.from([0, 0]), 1, 2), {
			navigator: mock.navigator,
			minGpuWork: 0
		});
		expect(next.backend).toBe('cpu');
		expect(reg.diagnostics().attempts.map((a) => [a.name, a.outcome])).toEqual([
			['webgpu', 'lost'],
			['cpu', 'selected']
		]);
		// Everything the lost backend held was destroyed.
		expect(mock.devices[0].liveBuffers.size).toBe(0);
	});

	it('lost between calls (device.lost resolves): the next selection is the CPU', async () => {
		const mock = createMockGpu();
		const reg = createBackendRegistry();
		const opts = { navigator: mock.navigator, minGpuWork: 0 };
		const gpu = await reg.select(opts);
		expect(gpu.name).toBe('webgpu');
		mock.devices[0].lose('unknown', 'GPU process crashed');
		await new Promise((r) => setTimeout(r, 0));
		expect(gpu.lost).toBe(true);
		expect((await reg.select(opts)).name).toBe('cpu');
		expect(reg.diagnostics().losses).toEqual([{ name: 'webgpu', reason: 'unknown: GPU process crashed' }]);
		// A loss is remembered until reset; then WebGPU is tried again on a fresh device.
		reg.reset();
		expect((await reg.select(opts)).name).toBe('webgpu');
		expect(mock.devices).toHaveLength(2);
		reg.reset();
	});

	it('other errors are not retried', async () => {
		const reg = createBackendRegistry();
		let calls = 0;
		const bad = reg.run(
			async (b) => {
				calls++;
				return b.matmul(A, B, 2, 3, 2);
			},
			{ navigator: {} }
		);
		await expect(bad).rejects.toMatchObject({ code: 'shape-mismatch' });
		expect(calls).toBe(1);
	});

	it('gives up after maxAttempts backends', async () => {
		const reg = createBackendRegistry({ builtins: false });
		const lostError = new AnatomyError('device-lost', 'gone');
		reg.register('cpu', () => createCpuBackend(), 1);
		let calls = 0;
		await expect(
			reg.run(
				async () => {
					calls++;
					throw lostError;
				},
				{ maxAttempts: 1 }
			)
		).rejects.toBe(lostError);
		expect(calls).toBe(1);
	});
});
