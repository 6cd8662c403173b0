import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contourBands, contourLevels, isSkewed, valueRange, type SampledGrid } from './contours.js';

/** Samples f on an nx × ny grid over [x0, x1] × [y0, y1], row-major with y outer. */
function sample(
	f: (x: number, y: number) => number,
	nx: number,
	ny: number,
	x: [number, number],
	y: [number, number]
): SampledGrid {
	const values: number[] = [];
	for (let j = 0; j < ny; j++)
		for (let i = 0; i < nx; i++)
			values.push(f(x[0] + ((x[1] - x[0]) * i) / (nx - 1), y[0] + ((y[1] - y[0]) * j) / (ny - 1)));
	return { nx, ny, values };
}

/** Every vertex of an SVG path made of M/L/Z commands. */
function vertices(d: string): [number, number][] {
	return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('contourLevels', () => {
	it('spaces linear levels evenly strictly inside the range: 0…10 with 4 levels → 2, 4, 6, 8', () => {
		expect(contourLevels([0, 10, 5, 3], 4, 'linear')).toEqual([2, 4, 6, 8]);
	});

	it('spaces log levels by decades above the minimum: range 1e4 with 4 levels → 1, 10, 100, 1000', () => {
		// e runs from log10(1e4 · 1e-4) = 0 to log10(1e4) = 4 in 4 steps: 0, 1, 2, 3
		const got = contourLevels([5, 5 + 1e4], 4, 'log');
		[1, 10, 100, 1000].forEach((v, k) => expect(got[k]).toBeCloseTo(5 + v, 9));
	});

	it('picks log spacing for a Rosenbrock-like sample and linear for a bowl', () => {
		const rosen = sample((x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, 60, 60, [-2, 2], [-1, 3]);
		const bowl = sample((x, y) => x * x + y * y, 60, 60, [-1, 1], [-1, 1]);
		expect(isSkewed(rosen.values)).toBe(true);
		expect(isSkewed(bowl.values)).toBe(false);
		const auto = contourLevels(rosen.values, 10, 'auto');
		expect(auto).toEqual(contourLevels(rosen.values, 10, 'log'));
	});

	it('returns no levels for a flat, empty or all-NaN sample, and ignores NaN and infinities', () => {
		expect(contourLevels([3, 3, 3])).toEqual([]);
		expect(contourLevels([])).toEqual([]);
		expect(contourLevels([NaN, NaN])).toEqual([]);
		expect(valueRange([NaN, 1, Infinity, -2, -Infinity])).toEqual([-2, 1]);
		expect(contourLevels([0, NaN, 4, Infinity], 3, 'linear')).toEqual([1, 2, 3]);
	});

	it('clamps a silly level count (NaN, negative, huge) instead of looping', () => {
		expect(contourLevels([0, 1], NaN, 'linear')).toHaveLength(16);
		expect(contourLevels([0, 1], -5, 'linear')).toHaveLength(1);
		expect(contourLevels([0, 1], 1e9, 'linear')).toHaveLength(64);
	});

	it('always gives increasing levels strictly between the lowest and highest sample', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }),
				fc.integer({ min: 1, max: 40 }),
				fc.constantFrom('linear' as const, 'log' as const, 'auto' as const),
				(values, count, scale) => {
					const [lo, hi] = valueRange(values);
					const levels = contourLevels(values, count, scale);
					if (hi - lo <= 0) return levels.length === 0;
					for (let k = 0; k < levels.length; k++) {
						if (!(levels[k] > lo && levels[k] < hi)) return false;
						if (k && !(levels[k] > levels[k - 1])) return false;
					}
					// a range only a few ulps wide cannot hold `count` distinct levels
					const narrow = hi - lo < Math.max(Math.abs(lo), Math.abs(hi), 1e-300) * 1e-9;
					return narrow || levels.length === count;
				}
			)
		);
	});
});

describe('contourBands', () => {
	it('puts the level 0.5 of f = x at x = 0.5, i.e. the middle of a 100 px wide box', () => {
		const grid = sample((x) => x, 11, 11, [0, 1], [0, 1]);
		const [band] = contourBands(grid, [0.5], { width: 100, height: 100 });
		const xs = vertices(band.d).map((v) => v[0]);
		expect(Math.min(...xs)).toBeCloseTo(50, 6);
	});

	it('draws y upwards: the level 0.25 of f = y lies 25 % above the bottom of the box', () => {
		const grid = sample((_x, y) => y, 5, 9, [0, 1], [0, 1]);
		const [band] = contourBands(grid, [0.25], { width: 80, height: 200 });
		const ys = vertices(band.d).map((v) => v[1]);
		// region y ≥ 0.25 spans pixels 0 … 150 (200 − 0.25·200); its lowest edge is at 150
		expect(Math.max(...ys)).toBeCloseTo(150, 6);
	});

	it('traces the circle x² + y² = 0.25 at radius 0.5 (within the linear interpolation error)', () => {
		const grid = sample((x, y) => x * x + y * y, 101, 101, [-1, 1], [-1, 1]);
		const [band] = contourBands(grid, [0.25], { width: 200, height: 200 });
		const inner = vertices(band.d)
			.map(([px, py]) => [px / 100 - 1, 1 - py / 100])
			.filter(([x, y]) => Math.hypot(x, y) < 0.9);
		expect(inner.length).toBeGreaterThan(50);
		// grid spacing 0.02; linear interpolation of a quadratic is off by well under a spacing
		for (const [x, y] of inner) expect(Math.abs(Math.hypot(x, y) - 0.5)).toBeLessThan(0.01);
	});

	it('treats infinite samples as holes instead of failing', () => {
		const grid = sample(
			(x, y) => (x > 0.45 && x < 0.55 && y > 0.45 && y < 0.55 ? Infinity : x + y),
			11,
			11,
			[0, 1],
			[0, 1]
		);
		const bands = contourBands(grid, [0.5, 1], { width: 10, height: 10 });
		expect(bands).toHaveLength(2);
		for (const b of bands) expect(b.d).not.toMatch(/NaN|Infinity/);
	});

	it('gives one band per level with t from 0 to 1, and nothing for a bad grid', () => {
		const grid = sample((x, y) => x + y, 10, 10, [0, 1], [0, 1]);
		const bands = contourBands(grid, [0.5, 1, 1.5], { width: 10, height: 10 });
		expect(bands.map((b) => b.t)).toEqual([0, 0.5, 1]);
		expect(contourBands({ ...grid, nx: 1 }, [0.5], { width: 10, height: 10 })).toEqual([]);
		expect(contourBands({ ...grid, values: [1, 2] }, [0.5], { width: 10, height: 10 })).toEqual([]);
		expect(contourBands(grid, [], { width: 10, height: 10 })).toEqual([]);
	});
});
