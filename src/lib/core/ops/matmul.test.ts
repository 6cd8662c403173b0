import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { createRng } from '../rng.js';
import { closeTo } from '../testing/close.js';
import { matmul, matmulF64, MATMUL_PANEL } from './matmul.js';
import { matmulCases } from './matmul.cases.js';

/** The textbook triple loop, C[i][j] = Σₚ A[i][p]·B[p][j], as an independent reference. */
function naive(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number): number[] {
	const c: number[] = [];
	for (let i = 0; i < m; i++) {
		for (let j = 0; j < n; j++) {
			let s = 0;
			for (let p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
			c.push(s);
		}
	}
	return c;
}

const randn = (n: number, seed: number) => {
	const r = createRng(seed);
	return Float32Array.from({ length: n }, () => r.normal());
};

const code = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : 'other';
	}
	return 'none';
};

describe('matmul golden cases', () => {
	for (const c of matmulCases) {
		it(c.name, () => {
			const { a, b, m, k, n } = c.inputs;
			const r = closeTo(matmul(Float32Array.from(a), Float32Array.from(b), m, k, n), c.expected);
			expect(r.ok, r.message).toBe(true);
			const r64 = closeTo(matmulF64(a, b, m, k, n), c.expected);
			expect(r64.ok, r64.message).toBe(true);
		});
	}
});

describe('matmul', () => {
	it('agrees with the triple loop for random shapes (rows not multiples of 4, panels crossed)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 9 }),
				fc.integer({ min: 0, max: 9 }),
				fc.integer({ min: 0, max: MATMUL_PANEL + 20 }),
				fc.integer(),
				(m, k, n, seed) => {
					const a = randn(m * k, seed);
					const b = randn(k * n, seed + 1);
					const got = matmul(a, b, m, k, n);
					// float64 sums rounded once: within a float32 rounding of the float64 value.
					const r = closeTo(got, naive(a, b, m, k, n), { abs: 1e-5, rel: 1e-6 });
					return r.ok;
				}
			),
			{ numRuns: 60 }
		);
	});

	it('writes into out, overwriting what was there', () => {
		const out = new Float32Array(4).fill(99);
		const res = matmul(Float32Array.of(1, 2, 3, 4), Float32Array.of(1, 0, 0, 1), 2, 2, 2, out);
		expect(res).toBe(out);
		expect(Array.from(out)).toEqual([1, 2, 3, 4]);
		// k = 0 clears out too.
		out.fill(5);
		matmul(new Float32Array(0), new Float32Array(0), 2, 0, 2, out);
		expect(Array.from(out)).toEqual([0, 0, 0, 0]);
	});

	it('rejects an out that overlaps an input', () => {
		const a = Float32Array.of(1, 2, 3, 4);
		expect(code(() => matmul(a, Float32Array.of(1, 0, 0, 1), 2, 2, 2, a))).toBe('invalid-argument');
		const buf = new Float32Array(8);
		expect(
			code(() => matmul(buf.subarray(0, 4), Float32Array.of(1, 0, 0, 1), 2, 2, 2, buf.subarray(2, 6)))
		).toBe('invalid-argument');
	});

	it('propagates NaN to the affected row only', () => {
		const c = matmul(Float32Array.of(NaN, 1, 2, 3), Float32Array.of(1, 2, 3, 4), 2, 2, 2);
		expect(Number.isNaN(c[0]) && Number.isNaN(c[1])).toBe(true);
		expect(Array.from(c.subarray(2))).toEqual([2 + 9, 4 + 12]);
	});

	it('rejects bad sizes and buffer lengths with shape-mismatch', () => {
		const a = new Float32Array(6);
		const b = new Float32Array(6);
		expect(code(() => matmul(a, b, 2, 3, 2))).toBe('none');
		expect(code(() => matmul(a, b, 3, 3, 2))).toBe('shape-mismatch');
		expect(code(() => matmul(a, b, 2, 3, 3))).toBe('shape-mismatch');
		expect(code(() => matmul(a, b, -2, -3, 2))).toBe('shape-mismatch');
		expect(code(() => matmul(a, b, 2.5, 3, 2))).toBe('shape-mismatch');
		expect(code(() => matmul(a, b, NaN, 3, 2))).toBe('shape-mismatch');
		expect(code(() => matmul(a, b, 2, 3, 2, new Float32Array(3)))).toBe('shape-mismatch');
		expect(code(() => matmul(a, b, 1e9, 1e9, 1e9))).toBe('shape-mismatch');
		expect(code(() => matmulF64([1, 2], [1], 1, 2, 1))).toBe('shape-mismatch');
	});
});

describe('matmulF64', () => {
	it('is the exact float64 triple loop (same summation order)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 7 }),
				fc.integer({ min: 0, max: 7 }),
				fc.integer({ min: 0, max: 7 }),
				(m, k, n) => {
					const r = createRng(m * 100 + k * 10 + n);
					const a = Array.from({ length: m * k }, () => r.normal());
					const b = Array.from({ length: k * n }, () => r.normal());
					expect(Array.from(matmulF64(a, b, m, k, n))).toEqual(naive(a, b, m, k, n));
				}
			),
			{ numRuns: 40 }
		);
	});

	it('is associative up to rounding: (AB)C = A(BC)', () => {
		const r = createRng(7);
		const g = (n: number) => Array.from({ length: n }, () => r.normal());
		const [a, b, c] = [g(3 * 4), g(4 * 5), g(5 * 2)];
		const left = matmulF64(matmulF64(a, b, 3, 4, 5), c, 3, 5, 2);
		const right = matmulF64(a, matmulF64(b, c, 4, 5, 2), 3, 4, 2);
		expect(closeTo(left, right, { abs: 1e-12 }).ok).toBe(true);
	});
});
