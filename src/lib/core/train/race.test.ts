import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestMinimum, raceLength, readingsAt } from './race.js';
import { runOptimizers, SURFACES } from './surfaces.js';

describe('nearestMinimum', () => {
	const himmelblau = SURFACES.himmelblau;

	it('finds the minimum (3, 2) of Himmelblau from (3, 5): distance 3', () => {
		const m = nearestMinimum(himmelblau, 3, 5)!;
		expect(m.index).toBe(0);
		expect(m.distance).toBe(3);
	});

	it('finds (−2.805, 3.131) from (−3, 3), at distance √(0.195² + 0.131²)', () => {
		const m = nearestMinimum(himmelblau, -3, 3)!;
		expect(m.index).toBe(1);
		const dx = -3 - -2.805118086952745;
		const dy = 3 - 3.131312518250573;
		expect(m.distance).toBeCloseTo(Math.sqrt(dx * dx + dy * dy), 15);
	});

	it('is null without minima or for a non-finite point', () => {
		expect(nearestMinimum({ minima: [] }, 0, 0)).toBeNull();
		expect(nearestMinimum(himmelblau, NaN, 0)).toBeNull();
		expect(nearestMinimum(himmelblau, Infinity, 0)).toBeNull();
	});

	it('is never farther than any listed minimum (property)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -10, max: 10, noNaN: true }),
				fc.double({ min: -10, max: 10, noNaN: true }),
				(x, y) => {
					const m = nearestMinimum(himmelblau, x, y)!;
					return himmelblau.minima.every((p) => m.distance <= Math.hypot(x - p.x, y - p.y));
				}
			)
		);
	});
});

describe('readingsAt', () => {
	it('replays SGD on the bowl: step 1 is start − lr·∇f(start), worked by hand', () => {
		// f = x² + y², ∇f = (2x, 2y); from (−2.5, 2) with lr 0.1: (−2.5 + 0.5, 2 − 0.4) = (−2, 1.6),
		// f = 4 + 2.56 = 6.56, distance to (0, 0) = √6.56
		const tr = runOptimizers({ surface: 'bowl', optimizers: ['sgd'], steps: 5, lr: 0.1 });
		const [r0] = readingsAt(SURFACES.bowl, tr, 0);
		expect([r0.x, r0.y, r0.loss, r0.step]).toEqual([-2.5, 2, 10.25, 0]);
		const [r1] = readingsAt(SURFACES.bowl, tr, 1);
		expect(r1.x).toBeCloseTo(-2, 15);
		expect(r1.y).toBeCloseTo(1.6, 15);
		expect(r1.loss).toBeCloseTo(6.56, 14);
		expect(r1.distance).toBeCloseTo(Math.sqrt(6.56), 14);
		expect(r1.diverged).toBe(false);
	});

	it('clamps the step: beyond the end shows the last point, negative or NaN shows the start', () => {
		const tr = runOptimizers({ surface: 'bowl', optimizers: ['sgd', 'adam'], steps: 3, lr: 0.1 });
		expect(readingsAt(SURFACES.bowl, tr, 99).map((r) => r.step)).toEqual([3, 3]);
		expect(readingsAt(SURFACES.bowl, tr, -4).map((r) => r.step)).toEqual([0, 0]);
		expect(readingsAt(SURFACES.bowl, tr, NaN).map((r) => r.step)).toEqual([0, 0]);
		expect(readingsAt(SURFACES.bowl, tr, 1.9).map((r) => r.step)).toEqual([1, 1]);
		expect(raceLength(tr)).toBe(3);
		expect(raceLength([])).toBe(0);
	});

	it('flags divergence only once the replay reaches the step where it happened', () => {
		const tr = runOptimizers({ surface: 'bowl', optimizers: ['sgd'], steps: 50, lr: 1e6 });
		const at = tr[0].divergedAt!;
		expect(at).toBeGreaterThan(0);
		expect(readingsAt(SURFACES.bowl, tr, at - 1)[0].diverged).toBe(false);
		expect(readingsAt(SURFACES.bowl, tr, at)[0].diverged).toBe(true);
		expect(readingsAt(SURFACES.bowl, tr, at + 10)[0].diverged).toBe(true);
	});
});
