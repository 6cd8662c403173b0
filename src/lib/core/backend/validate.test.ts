import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { createCpuBackend } from './cpu/cpu-backend.js';
import { MAX_ELEMENTS, resolveAdamOptions, validateAttention, validateMatmul } from './validate.js';

const f = (n: number) => new Float32Array(n);
const code = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : `not an AnatomyError: ${String(e)}`;
	}
	return 'no error';
};

describe('argument checks shared by every backend', () => {
	it('absurd sizes are refused before any allocation', () => {
		// 1e9 × 1e9 outputs would need 4e18 bytes
		expect(code(() => validateMatmul(f(0), f(0), 1e9, 0, 1e9))).toBe('out-of-range');
		expect(code(() => validateMatmul(f(0), f(0), 2 ** 31, 0, 1))).toBe('out-of-range');
		expect(code(() => validateAttention(f(0), f(0), f(0), 1e6, 0))).toBe('out-of-range');
		expect(MAX_ELEMENTS).toBe(2147483647);
	});

	it('non-integer, negative and NaN sizes', () => {
		expect(code(() => validateMatmul(f(1), f(1), 1.5, 1, 1))).toBe('out-of-range');
		expect(code(() => validateMatmul(f(1), f(1), -1, 1, 1))).toBe('out-of-range');
		expect(code(() => validateMatmul(f(1), f(1), NaN, 1, 1))).toBe('out-of-range');
	});

	it('lengths that disagree with the sizes, and arrays of the wrong type', () => {
		expect(code(() => validateMatmul(f(6), f(5), 2, 3, 2))).toBe('shape-mismatch');
		expect(code(() => validateMatmul(new Float64Array(6) as never, f(6), 2, 3, 2))).toBe('invalid-argument');
		expect(code(() => validateMatmul([1, 2] as never, f(2), 1, 2, 1))).toBe('invalid-argument');
		expect(code(() => validateAttention(f(4), f(4), f(3), 2, 2))).toBe('shape-mismatch');
	});

	it('AdamW defaults and hyper-parameter checks', () => {
		expect(resolveAdamOptions({ lr: 1e-3, t: 1 })).toEqual({
			lr: 1e-3,
			beta1: 0.9,
			beta2: 0.999,
			eps: 1e-8,
			weightDecay: 0,
			t: 1
		});
		expect(code(() => resolveAdamOptions({ lr: 1e-3, t: 1.5 }))).toBe('out-of-range');
		expect(code(() => resolveAdamOptions({ lr: NaN, t: 1 }))).toBe('non-finite');
		expect(code(() => resolveAdamOptions({ lr: 1, t: 1, eps: 0 }))).toBe('out-of-range');
		expect(code(() => resolveAdamOptions({ lr: 1, t: 1, weightDecay: -0.1 }))).toBe('out-of-range');
		expect(code(() => resolveAdamOptions(null as never))).toBe('invalid-argument');
	});
});

describe('CPU backend', () => {
	it('rejects with the same errors, as promise rejections', async () => {
		const cpu = createCpuBackend();
		await expect(cpu.matmul(f(6), f(5), 2, 3, 2)).rejects.toMatchObject({ code: 'shape-mismatch' });
		await expect(cpu.softmaxRows(f(4), 1e9, 1e9)).rejects.toMatchObject({ code: 'out-of-range' });
		await expect(cpu.attention(f(2), f(2), f(2), 1, 2, true)).resolves.toMatchObject({ backend: 'cpu' });
		expect(cpu.lost).toBe(false);
		cpu.dispose();
		expect(cpu.lost).toBe(true);
		await expect(cpu.matmul(f(1), f(1), 1, 1, 1)).rejects.toMatchObject({ code: 'backend-unavailable' });
	});

	it('dHead 0 is allowed (uniform weights, empty output), as in the reference kernel', async () => {
		const r = await createCpuBackend().attention(f(0), f(0), f(0), 2, 0, false);
		expect([...r.weights]).toEqual([0.5, 0.5, 0.5, 0.5]);
		expect(r.output.length).toBe(0);
	});
});
