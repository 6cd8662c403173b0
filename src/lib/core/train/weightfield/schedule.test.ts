import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { warmupCosineLr } from './schedule.js';

const opts = { peak: 1, warmup: 10, total: 110, floor: 0.1 };

describe('warm-up + cosine learning rate', () => {
	it('matches hand values', () => {
		expect(warmupCosineLr(0, opts)).toBeCloseTo(0.1, 15); // 1·1/10
		expect(warmupCosineLr(9, opts)).toBeCloseTo(1, 15); // 1·10/10
		expect(warmupCosineLr(10, opts)).toBeCloseTo(1, 15); // p = 0: 0.1 + 0.9·(1 + 1)/2
		expect(warmupCosineLr(60, opts)).toBeCloseTo(0.55, 15); // p = 0.5: 0.1 + 0.9·(1 + 0)/2
		expect(warmupCosineLr(110, opts)).toBeCloseTo(0.1, 15); // p = 1: 0.1 + 0.9·0
		expect(warmupCosineLr(5000, opts)).toBeCloseTo(0.1, 15);
		expect(warmupCosineLr(3, { peak: 2, warmup: 0, total: 0 })).toBeCloseTo(0.2, 15);
	});

	it('stays in [floor·peak, peak] and never rises after warm-up (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 10, max: 200 }), fc.integer({ min: 0, max: 100 }), (s, extra) => {
				const a = warmupCosineLr(s, opts);
				const b = warmupCosineLr(s + extra, opts);
				expect(a).toBeGreaterThanOrEqual(0.1 - 1e-15);
				expect(a).toBeLessThanOrEqual(1);
				expect(b).toBeLessThanOrEqual(a + 1e-15);
			})
		);
	});

	it('rejects NaN and negative inputs', () => {
		expect(() => warmupCosineLr(NaN, opts)).toThrow(/finite/);
		expect(() => warmupCosineLr(1, { ...opts, peak: Infinity })).toThrow(AnatomyError);
		expect(() => warmupCosineLr(-1, opts)).toThrow(AnatomyError);
		expect(() => warmupCosineLr(1, { ...opts, floor: 2 })).toThrow(AnatomyError);
	});
});
