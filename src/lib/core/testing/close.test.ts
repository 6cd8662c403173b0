import { describe, expect, it } from 'vitest';
import { TOLERANCES, assertClose, closeTo, isClose } from './close.js';

describe('closeTo', () => {
	const tol = { abs: 1e-3, rel: 1e-5 };
	it('passes on abs OR rel', () => {
		// abs: |1.0009 − 1| = 9e-4 ≤ 1e-3.
		expect(isClose(1.0009, 1, tol)).toBe(true);
		// rel: |1e6 + 5 − 1e6| = 5 ≤ 1e-5 · 1e6 = 10, though 5 > 1e-3.
		expect(isClose(1e6 + 5, 1e6, tol)).toBe(true);
		// neither: 0.002 > 1e-3 and 0.002 > 1e-5 · 1.
		expect(isClose(1.002, 1, tol)).toBe(false);
	});

	it('NaN equals NaN; infinities must match; finite is never close to infinite', () => {
		expect(isClose(NaN, NaN, tol)).toBe(true);
		expect(isClose(0, NaN, tol)).toBe(false);
		expect(isClose(NaN, 0, tol)).toBe(false);
		expect(isClose(Infinity, Infinity, tol)).toBe(true);
		expect(isClose(-Infinity, -Infinity, tol)).toBe(true);
		expect(isClose(-Infinity, Infinity, tol)).toBe(false);
		expect(isClose(3.4e38, Infinity, { abs: Infinity, rel: Infinity })).toBe(false);
	});

	it('reports counts, the first bad index and the largest errors', () => {
		const r = closeTo([1, 2, 3.5, NaN], [1, 2.0000001, 3, NaN], TOLERANCES.cpu);
		expect(r.ok).toBe(false);
		expect(r.mismatches).toBe(1);
		expect(r.firstBad).toBe(2);
		expect(r.maxAbsError).toBeCloseTo(0.5, 12);
		expect(r.message).toMatch(/\[2\] 3.5 vs 3/);
		expect(closeTo([1, 2], [1, 2, 3]).ok).toBe(false);
		expect(closeTo(0.1 + 0.2, 0.3).ok).toBe(true);
	});

	it('a tolerance given only as abs (or rel) ignores the other', () => {
		expect(closeTo(1e6 + 5, 1e6, { abs: 1 }).ok).toBe(false);
		expect(closeTo(1e6 + 5, 1e6, { rel: 1e-5 }).ok).toBe(true);
	});

	it('assertClose throws with the message', () => {
		expect(() => assertClose([1], [2], TOLERANCES.cpu, 'output')).toThrow(/output: 1 of 1 values/);
		expect(() => assertClose([1], [1])).not.toThrow();
	});
});
