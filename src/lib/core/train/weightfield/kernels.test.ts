import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gelu, geluGrad, matmul, matmulNT, matmulTNAcc } from './kernels.js';

/** The plain triple loop, C[i][j] = Σ_p A[i][p]·B[p][j], as the reference. */
function naive(A: number[], B: number[], n: number, k: number, m: number) {
	const C = new Array(n * m).fill(0);
	for (let i = 0; i < n; i++)
		for (let j = 0; j < m; j++) for (let p = 0; p < k; p++) C[i * m + j] += A[i * k + p] * B[p * m + j];
	return C;
}
function transpose(A: number[], r: number, c: number) {
	const T = new Array(r * c);
	for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) T[j * r + i] = A[i * c + j];
	return T;
}

const dims = fc.record({
	n: fc.integer({ min: 1, max: 9 }),
	k: fc.integer({ min: 1, max: 9 }),
	m: fc.integer({ min: 1, max: 9 })
});
const withData = dims.chain(({ n, k, m }) =>
	fc.record({
		n: fc.constant(n),
		k: fc.constant(k),
		m: fc.constant(m),
		A: fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: n * k, maxLength: n * k }),
		B: fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: k * m, maxLength: k * m })
	})
);

describe('kernels (unrolled) agree with the plain triple loop', () => {
	it('matmul: C = A·B (+ bias)', () => {
		fc.assert(
			fc.property(withData, ({ n, k, m, A, B }) => {
				const C = new Float64Array(n * m);
				matmul(Float64Array.from(A), Float64Array.from(B), C, n, k, m);
				const ref = naive(A, B, n, k, m);
				ref.forEach((x, i) => expect(C[i]).toBeCloseTo(x, 9));
				const bias = Float64Array.from({ length: m }, (_, j) => j + 0.5);
				matmul(Float64Array.from(A), Float64Array.from(B), C, n, k, m, bias);
				ref.forEach((x, i) => expect(C[i]).toBeCloseTo(x + (i % m) + 0.5, 9));
			})
		);
	});

	it('matmulTNAcc: C += Aᵀ·B', () => {
		fc.assert(
			fc.property(withData, ({ n, k, m, A, B }) => {
				// Here A is n×k read as (k×n)ᵀ: pass Aᵀ (k×n) as the row-major n-rows input.
				const At = transpose(A, n, k); // k×n
				const Bm = B.slice(0, k * m); // k×m
				const C = new Float64Array(n * m).fill(1);
				matmulTNAcc(Float64Array.from(At), Float64Array.from(Bm), C, k, n, m);
				naive(A, Bm, n, k, m).forEach((x, i) => expect(C[i]).toBeCloseTo(x + 1, 9));
			})
		);
	});

	it('matmulNT: C = A·Bᵀ, and += with accumulate', () => {
		fc.assert(
			fc.property(withData, ({ n, k, m, A, B }) => {
				const Bt = transpose(B, k, m); // m×k, so Btᵀ = B
				const C = new Float64Array(n * m);
				matmulNT(Float64Array.from(A), Float64Array.from(Bt), C, n, k, m, false);
				const ref = naive(A, B, n, k, m);
				ref.forEach((x, i) => expect(C[i]).toBeCloseTo(x, 9));
				matmulNT(Float64Array.from(A), Float64Array.from(Bt), C, n, k, m, true);
				ref.forEach((x, i) => expect(C[i]).toBeCloseTo(2 * x, 9));
			})
		);
	});
});

describe('GELU (tanh form)', () => {
	it('is within 2e-4 of the exact GELU x·Φ(x) at x = 1 (Φ(1) = 0.8413447461) and exact at 0', () => {
		// Tanh form at 1: 0.5·(1 + tanh(0.7978845608·1.044715)) = 0.8411919906.
		expect(gelu(1)).toBeCloseTo(0.8411919906, 9);
		expect(Math.abs(gelu(1) - 0.8413447461)).toBeLessThan(2e-4);
		expect(gelu(0)).toBe(0);
	});

	it('derivative matches central differences', () => {
		for (const x of [-3, -1, -0.2, 0, 0.4, 1, 2.5]) {
			const h = 1e-6;
			expect(geluGrad(x)).toBeCloseTo((gelu(x + h) - gelu(x - h)) / (2 * h), 8);
		}
	});
});
