import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { getSurface, runOptimizers, sampleGrid, SURFACE_IDS, SURFACES, type SurfaceId } from './surfaces.js';

const code = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : 'other';
	}
	return 'none';
};

describe('surfaces: analytic gradients', () => {
	for (const id of SURFACE_IDS) {
		it(`${id}: ∇f matches central finite differences at random points`, () => {
			const s = SURFACES[id];
			const [x0, x1] = s.domain.x;
			const [y0, y1] = s.domain.y;
			fc.assert(
				fc.property(
					fc.double({ min: 0, max: 1, noNaN: true }),
					fc.double({ min: 0, max: 1, noNaN: true }),
					(u, v) => {
						const x = x0 + u * (x1 - x0);
						const y = y0 + v * (y1 - y0);
						const h = 1e-5;
						const fx = (s.f(x + h, y) - s.f(x - h, y)) / (2 * h);
						const fy = (s.f(x, y + h) - s.f(x, y - h)) / (2 * h);
						const [gx, gy] = s.grad(x, y);
						// relative to the size of the gradient (Beale reaches 1e5 at the corners)
						const scale = Math.max(1, Math.abs(gx), Math.abs(gy));
						expect(Math.abs(gx - fx) / scale).toBeLessThan(1e-6);
						expect(Math.abs(gy - fy) / scale).toBeLessThan(1e-6);
					}
				),
				{ numRuns: 200 }
			);
		});
	}
});

describe('surfaces: known minima', () => {
	it('Rosenbrock (1, 1) = 0, Beale (3, 0.5) = 0, bowl and valley (0, 0) = 0, with zero gradient', () => {
		expect(SURFACES.rosenbrock.f(1, 1)).toBe(0);
		expect(SURFACES.rosenbrock.grad(1, 1)).toEqual([-0, 0]);
		// Beale at (3, ½): 1.5 − 3 + 1.5 = 0, 2.25 − 3 + 0.75 = 0, 2.625 − 3 + 0.375 = 0
		expect(SURFACES.beale.f(3, 0.5)).toBe(0);
		expect(SURFACES.beale.grad(3, 0.5).map(Math.abs)).toEqual([0, 0]);
		expect(SURFACES.bowl.f(0, 0)).toBe(0);
		expect(SURFACES.valley.f(0, 0)).toBe(0);
	});

	it("Himmelblau's four minima are 0 (3² + 2 − 11 = 0 and 3 + 2² − 7 = 0 at (3, 2))", () => {
		const h = SURFACES.himmelblau;
		expect(h.minima).toHaveLength(4);
		expect(h.f(3, 2)).toBe(0);
		for (const m of h.minima) {
			expect(h.f(m.x, m.y)).toBeLessThan(1e-24);
			const [gx, gy] = h.grad(m.x, m.y);
			expect(Math.hypot(gx, gy)).toBeLessThan(1e-11);
			// and they are minima: every nearby point is higher
			for (const [dx, dy] of [
				[1e-3, 0],
				[-1e-3, 0],
				[0, 1e-3],
				[0, -1e-3]
			]) {
				expect(h.f(m.x + dx, m.y + dy)).toBeGreaterThan(h.f(m.x, m.y));
			}
		}
	});

	it('the saddle has zero gradient at the origin, rises along x, falls along y, and its minima are −1 at (0, ±√2)', () => {
		const s = SURFACES.saddle;
		expect(s.grad(0, 0).map(Math.abs)).toEqual([0, 0]);
		expect(s.f(0.1, 0)).toBeGreaterThan(0);
		expect(s.f(0, 0.1)).toBeLessThan(0);
		// f(0, √2) = −2 + 4/4 = −1
		for (const m of s.minima) {
			expect(s.f(m.x, m.y)).toBeCloseTo(-1, 14);
			expect(Math.abs(s.grad(m.x, m.y)[1])).toBeLessThan(1e-14);
		}
	});

	it('every listed minimum has the listed value, and every start lies inside the domain', () => {
		for (const id of SURFACE_IDS) {
			const s = SURFACES[id];
			for (const m of s.minima) expect(s.f(m.x, m.y)).toBeCloseTo(m.f, 12);
			expect(s.start[0] >= s.domain.x[0] && s.start[0] <= s.domain.x[1]).toBe(true);
			expect(s.start[1] >= s.domain.y[0] && s.start[1] <= s.domain.y[1]).toBe(true);
		}
	});
});

describe('sampleGrid', () => {
	it('samples f on a grid that includes the corners, rows of constant y', () => {
		const g = sampleGrid('bowl', 3, 2);
		expect(Array.from(g.x)).toEqual([-3, 0, 3]);
		expect(Array.from(g.y)).toEqual([-3, 3]);
		// f = x² + y²: row y = −3: [18, 9, 18]; row y = 3: the same
		expect(Array.from(g.values)).toEqual([18, 9, 18, 18, 9, 18]);
		expect([g.min, g.max]).toEqual([9, 18]);
	});

	it('matches f at every point of a 200 × 200 grid', () => {
		const g = sampleGrid('rosenbrock', 200, 200);
		expect(g.values.length).toBe(40_000);
		for (const [i, j] of [
			[0, 0],
			[199, 199],
			[57, 133]
		]) {
			expect(g.values[j * 200 + i]).toBe(SURFACES.rosenbrock.f(g.x[i], g.y[j]));
		}
		expect(g.min).toBeGreaterThanOrEqual(0);
	});

	it('takes a custom domain and rejects bad sizes', () => {
		const g = sampleGrid('bowl', 2, 2, { x: [0, 1], y: [0, 1] });
		expect(Array.from(g.values)).toEqual([0, 1, 1, 2]);
		expect(code(() => sampleGrid('bowl', 1, 10))).toBe('out-of-range');
		expect(code(() => sampleGrid('bowl', 10, 1e6))).toBe('out-of-range');
		expect(code(() => sampleGrid('bowl', 10.5, 10))).toBe('out-of-range');
		expect(code(() => sampleGrid('bowl', 10, 10, { x: [1, 0], y: [0, 1] }))).toBe('invalid-argument');
		expect(code(() => sampleGrid('moon' as SurfaceId, 10, 10))).toBe('invalid-argument');
	});
});

describe('runOptimizers', () => {
	it('records every point, gradient and state from the same start', () => {
		const runs = runOptimizers({ surface: 'bowl', optimizers: ['sgd', 'adam'], steps: 10, lr: 0.1 });
		expect(runs.map((r) => r.name)).toEqual(['sgd', 'adam']);
		for (const r of runs) {
			expect(r.points).toHaveLength(11);
			expect(r.states).toHaveLength(10);
			expect(r.grads).toHaveLength(10);
			expect(r.points[0]).toEqual({ x: -2.5, y: 2, f: 10.25 });
			expect(r.states.map((s) => s.t)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		}
		// SGD on x² + y² with η = 0.1: θ ← 0.8·θ, so after 10 steps θ = 0.8¹⁰·θ₀
		const sgd = runs[0];
		expect(sgd.final.x).toBeCloseTo(-2.5 * 0.8 ** 10, 12);
		expect(sgd.final.y).toBeCloseTo(2 * 0.8 ** 10, 12);
	});

	it('brings every optimizer close to the minimum of the bowl', () => {
		for (const r of runOptimizers({ surface: 'bowl', steps: 500, lr: 0.05 })) {
			expect(r.diverged, r.name).toBe(false);
			expect(r.nearestMinimum!.distance, r.name).toBeLessThan(0.05);
		}
	});

	it('Adam finds a Himmelblau minimum, and each run ends near one of the four', () => {
		const [adam] = runOptimizers({ surface: 'himmelblau', optimizers: ['adam'], steps: 2000, lr: 0.05 });
		expect(adam.final.f).toBeLessThan(1e-6);
		expect(adam.nearestMinimum!.distance).toBeLessThan(1e-3);
	});

	it('SGD creeps along the Rosenbrock valley towards (1, 1)', () => {
		const [sgd] = runOptimizers({ surface: 'rosenbrock', optimizers: ['sgd'], steps: 20_000 });
		expect(sgd.diverged).toBe(false);
		expect(sgd.final.f).toBeLessThan(SURFACES.rosenbrock.f(-1.2, 1));
		expect(sgd.nearestMinimum!.distance).toBeLessThan(0.1);
	});

	it('a huge learning rate is flagged as divergence and the run stops there', () => {
		const [r] = runOptimizers({ surface: 'bowl', optimizers: ['sgd'], steps: 1000, lr: 1e6 });
		expect(r.diverged).toBe(true);
		expect(r.divergedAt).toBe(1);
		expect(r.points).toHaveLength(2);
	});

	it('per-optimizer options override the shared ones', () => {
		const [a, b] = runOptimizers({
			surface: 'valley',
			optimizers: ['momentum', { name: 'momentum', options: { momentum: 0 } }],
			steps: 5,
			lr: 0.1
		});
		const [sgd] = runOptimizers({ surface: 'valley', optimizers: ['sgd'], steps: 5, lr: 0.1 });
		expect(b.final).toEqual(sgd.final);
		expect(a.final).not.toEqual(sgd.final);
	});

	it('is deterministic and accepts a custom surface', () => {
		const custom = {
			...getSurface('bowl'),
			id: 'shifted',
			f: (x: number, y: number) => (x - 1) ** 2 + y * y,
			grad: (x: number, y: number): [number, number] => [2 * (x - 1), 2 * y]
		};
		const r1 = runOptimizers({ surface: custom, optimizers: ['nesterov'], steps: 300, lr: 0.05 });
		const r2 = runOptimizers({ surface: custom, optimizers: ['nesterov'], steps: 300, lr: 0.05 });
		expect(r1).toEqual(r2);
		expect(r1[0].final.x).toBeCloseTo(1, 6);
	});

	it('rejects bad arguments', () => {
		expect(code(() => runOptimizers({ surface: 'bowl', steps: -1 }))).toBe('out-of-range');
		expect(code(() => runOptimizers({ surface: 'bowl', steps: 1e7 }))).toBe('out-of-range');
		expect(code(() => runOptimizers({ surface: 'bowl', lr: NaN }))).toBe('invalid-argument');
		expect(code(() => runOptimizers({ surface: 'bowl', lr: -1 }))).toBe('invalid-argument');
		expect(code(() => runOptimizers({ surface: 'bowl', betas: [1, 0.999] }))).toBe('invalid-argument');
		expect(code(() => runOptimizers({ surface: 'bowl', start: [NaN, 0] }))).toBe('invalid-argument');
		expect(code(() => runOptimizers({ surface: 'bowl', optimizers: ['lbfgs' as 'sgd'] }))).toBe(
			'invalid-argument'
		);
		expect(code(() => runOptimizers({ surface: 'plateau' as SurfaceId }))).toBe('invalid-argument');
	});
});
