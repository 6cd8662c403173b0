import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnatomyError } from '../errors.js';
import { pca2d } from './pca.js';

const code = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : String(e);
	}
	return 'no error';
};
const close = (a: ArrayLike<number>, b: ArrayLike<number>, digits = 9) =>
	Array.from(a).forEach((v, i) => expect(v).toBeCloseTo(b[i], digits));

describe('pca2d by hand', () => {
	it('a cross: (±2, 0), (0, ±1)', () => {
		// Mean 0. Σx² = 8, Σy² = 2, Σxy = 0; with n − 1 = 3: var x = 8/3, var y = 2/3, total 10/3.
		const r = pca2d([
			[2, 0],
			[-2, 0],
			[0, 1],
			[0, -1]
		]);
		close(r.mean, [0, 0]);
		close(r.components[0], [1, 0]);
		close(r.components[1], [0, 1]);
		close(r.explainedVariance, [8 / 3, 2 / 3]);
		close(r.explainedVarianceRatio, [0.8, 0.2]);
		[
			[2, 0],
			[-2, 0],
			[0, 1],
			[0, -1]
		].forEach((p, i) => close(r.points[i], p));
	});

	it('points on a line project onto the first axis, with zero second coordinates', () => {
		// x(t) = (1, 1, 1) + t (1, 2, 2)/3 for t = −2 … 2: unit direction (1, 2, 2)/3, mean (1, 1, 1),
		// first coordinates t, variance Σt²/(n − 1) = 10/4.
		const u = [1 / 3, 2 / 3, 2 / 3];
		const ts = [-2, -1, 0, 1, 2];
		const r = pca2d(ts.map((t) => u.map((x) => 1 + t * x)));
		close(r.components[0], u);
		close(r.mean, [1, 1, 1]);
		close(
			r.points.map((p) => p[0]),
			ts
		);
		for (const p of r.points) expect(Math.abs(p[1])).toBeLessThan(1e-12);
		expect(r.explainedVariance[0]).toBeCloseTo(2.5, 12);
		expect(r.explainedVariance[1]).toBeLessThan(1e-12);
		expect(r.explainedVarianceRatio[0]).toBeCloseTo(1, 12);
		expect(Math.abs(r.components[1].reduce((s, v, j) => s + v * u[j], 0))).toBeLessThan(1e-12);
	});

	it('recovers planted directions in 5-D, ordered by variance', () => {
		// Points a·u + b·w with u ⟂ w unit vectors; a = ±3, b = ±1 (all four sign pairs).
		// var along u = 4·9/3 = 12, along w = 4·1/3 = 4/3; total 40/3 → ratios 0.9, 0.1.
		const u = [0.5, 0.5, 0.5, 0.5, 0];
		const w = [0, 0, 0, 0, 1];
		const pts = [
			[3, 1],
			[3, -1],
			[-3, 1],
			[-3, -1]
		].map(([a, b]) => u.map((x, j) => a * x + b * w[j] + 7));
		const r = pca2d(pts);
		close(r.components[0], u);
		close(r.components[1], w);
		close(r.explainedVariance, [12, 4 / 3]);
		close(r.explainedVarianceRatio, [0.9, 0.1]);
	});
});

describe('pca2d properties', () => {
	it('2-D clouds: variances are the closed-form eigenvalues of the 2 × 2 covariance', () => {
		const cloud = fc.array(
			fc.tuple(
				fc.double({ min: -100, max: 100, noNaN: true }),
				fc.double({ min: -100, max: 100, noNaN: true })
			),
			{
				minLength: 3,
				maxLength: 30
			}
		);
		fc.assert(
			fc.property(cloud, (pts) => {
				const n = pts.length;
				const mx = pts.reduce((s, p) => s + p[0], 0) / n;
				const my = pts.reduce((s, p) => s + p[1], 0) / n;
				const a = pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0) / (n - 1);
				const c = pts.reduce((s, p) => s + (p[1] - my) ** 2, 0) / (n - 1);
				const b = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / (n - 1);
				// eigenvalues of [[a, b], [b, c]]: (a + c)/2 ± √(((a − c)/2)² + b²)
				const mid = (a + c) / 2;
				const rad = Math.sqrt(((a - c) / 2) ** 2 + b * b);
				const r = pca2d(pts);
				const scale = Math.max(1, a + c);
				expect(Math.abs(r.explainedVariance[0] - (mid + rad))).toBeLessThan(1e-6 * scale);
				expect(Math.abs(r.explainedVariance[1] - Math.max(0, mid - rad))).toBeLessThan(1e-6 * scale);
				expect(r.explainedVariance[0]).toBeGreaterThanOrEqual(r.explainedVariance[1]);
				const [c1, c2] = r.components;
				expect(Math.hypot(...c1)).toBeCloseTo(1, 9);
				expect(Math.hypot(...c2)).toBeCloseTo(1, 9);
				expect(Math.abs(c1[0] * c2[0] + c1[1] * c2[1])).toBeLessThan(1e-9);
			}),
			{ numRuns: 200 }
		);
	});

	it('nearly equal variances come out exact (a case that once needed more than 5,000 iterations)', () => {
		// eigenvalues of the 2 × 2 sample covariance in closed form: (a + c)/2 ± √(((a − c)/2)² + b²)
		const pts = [
			[0, -94.00906459566689],
			[94.47035005415576, 0],
			[-99.62296367080344, 0],
			[0, 99.99999999999989],
			[0, 0],
			[0, 0],
			[0, 0],
			[0, 0],
			[0, 0]
		];
		const n = pts.length;
		const mx = pts.reduce((s, p) => s + p[0], 0) / n;
		const my = pts.reduce((s, p) => s + p[1], 0) / n;
		const a = pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0) / (n - 1);
		const c = pts.reduce((s, p) => s + (p[1] - my) ** 2, 0) / (n - 1);
		const b = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / (n - 1);
		const mid = (a + c) / 2;
		const rad = Math.sqrt(((a - c) / 2) ** 2 + b * b);
		const r = pca2d(pts);
		expect(Math.abs(r.explainedVariance[0] - (mid + rad))).toBeLessThan(1e-9 * (a + c));
		expect(Math.abs(r.explainedVariance[1] - (mid - rad))).toBeLessThan(1e-9 * (a + c));
	});

	it('deterministic, and the sign convention survives negating the data', () => {
		const pts = Array.from({ length: 20 }, (_, i) => [Math.sin(i), Math.cos(3 * i), i / 10, Math.sin(i * i)]);
		const r1 = pca2d(pts);
		expect(pca2d(pts)).toEqual(r1);
		const r2 = pca2d(pts.map((p) => p.map((v) => -v)));
		for (const k of [0, 1]) {
			const c = r1.components[k];
			const big = c.reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m), 0);
			expect(big).toBeGreaterThan(0);
			close(r2.components[k], c);
			r1.points.forEach((p, i) => expect(r2.points[i][k]).toBeCloseTo(-p[k], 9));
		}
	});

	it('degenerate input: one point, identical points, one dimension', () => {
		const one = pca2d([[1, 2, 3]]);
		expect(one.points).toEqual([[0, 0]]);
		expect(one.explainedVariance).toEqual([0, 0]);
		expect(one.explainedVarianceRatio).toEqual([0, 0]);
		expect(Array.from(one.components[0])).toEqual([1, 0, 0]);
		expect(Array.from(one.components[1])).toEqual([0, 1, 0]);
		const flat = pca2d([[5], [7], [9]]);
		close(
			flat.points.map((p) => p[0]),
			[-2, 0, 2]
		);
		expect(flat.points.map((p) => p[1])).toEqual([0, 0, 0]);
		expect(Array.from(flat.components[1])).toEqual([0]);
		expect(flat.explainedVariance[0]).toBeCloseTo(4, 12); // (4 + 0 + 4) / 2
	});

	it('rejects bad input', () => {
		expect(code(() => pca2d([]))).toBe('invalid-argument');
		expect(code(() => pca2d([[]]))).toBe('invalid-argument');
		expect(code(() => pca2d([[1, 2], [3]]))).toBe('shape-mismatch');
		expect(code(() => pca2d([[1, NaN]]))).toBe('non-finite');
		expect(code(() => pca2d([[1, Infinity]]))).toBe('non-finite');
		expect(code(() => pca2d(new Array(5000).fill(new Float64Array(20000))))).toBe('out-of-range');
	});
});
