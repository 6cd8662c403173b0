import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { sequenceCrossEntropy } from './sequence-loss.js';

const code = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : String(e);
	}
	return 'no error';
};

describe('sequenceCrossEntropy by hand', () => {
	it('p = (1/2, 1/4): per-token ln 2 and 2 ln 2, mean 1.5 ln 2', () => {
		const r = sequenceCrossEntropy([0.5, 0.25]);
		expect(r.perToken[0]).toBeCloseTo(Math.LN2, 15);
		expect(r.perToken[1]).toBeCloseTo(2 * Math.LN2, 15);
		expect(r.count).toBe(2);
		expect(r.mean).toBeCloseTo(1.0397207708399179, 15); // 1.5 · 0.6931471805599453
		expect(r.perplexity).toBeCloseTo(2 ** 1.5, 12); // e^(1.5 ln 2) = 2^1.5 = 2.828…
	});

	it('a mask counts only the assistant tokens (SFT)', () => {
		// prompt tokens with p = 0.01 would add 4.6 nats each; masked out, only ln 4 remains
		const r = sequenceCrossEntropy([0.01, 0.01, 0.25, 0.25], [0, 0, 1, 1]);
		expect(r.counted).toEqual([false, false, true, true]);
		expect(r.count).toBe(2);
		expect(r.total).toBeCloseTo(2 * Math.log(4), 14);
		expect(r.mean).toBeCloseTo(Math.log(4), 14);
		expect(r.perToken[0]).toBeCloseTo(Math.log(100), 14); // still reported, greyed out by a UI
		expect(r.perplexity).toBeCloseTo(4, 12);
		expect(sequenceCrossEntropy([0.01, 0.25], [false, true]).mean).toBeCloseTo(Math.log(4), 14);
	});

	it('a certain model scores 0; a uniform guess over V tokens scores ln V', () => {
		expect(sequenceCrossEntropy([1, 1, 1]).mean).toBe(0);
		expect(sequenceCrossEntropy([1, 1, 1]).perplexity).toBe(1);
		// uniform over o200k_base's 200 019 IDs: ln 200019 = 12.206167…
		const r = sequenceCrossEntropy(new Array(5).fill(1 / 200019));
		expect(r.mean).toBeCloseTo(Math.log(200019), 10);
		expect(r.perplexity).toBeCloseTo(200019, 4);
	});
});

describe('sequenceCrossEntropy properties', () => {
	it('the mean lies between the smallest and largest counted term', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.double({ min: 1e-12, max: 1, noNaN: true }), fc.boolean()), {
					minLength: 1,
					maxLength: 50
				}),
				(pairs) => {
					if (!pairs.some(([, m]) => m)) pairs[0][1] = true;
					const r = sequenceCrossEntropy(
						pairs.map(([p]) => p),
						pairs.map(([, m]) => m)
					);
					const terms = pairs.filter(([, m]) => m).map(([p]) => -Math.log(p));
					expect(r.mean).toBeGreaterThanOrEqual(Math.min(...terms) - 1e-12);
					expect(r.mean).toBeLessThanOrEqual(Math.max(...terms) + 1e-12);
				}
			)
		);
	});
});

describe('sequenceCrossEntropy bad input', () => {
	it('throws clearly for empty, mismatched, NaN, out-of-range and fully masked input', () => {
		expect(code(() => sequenceCrossEntropy([]))).toBe('invalid-argument');
		expect(code(() => sequenceCrossEntropy(null as never))).toBe('invalid-argument');
		expect(code(() => sequenceCrossEntropy([0.5], [1, 1]))).toBe('shape-mismatch');
		expect(code(() => sequenceCrossEntropy([0.5, NaN]))).toBe('non-finite');
		expect(code(() => sequenceCrossEntropy([0]))).toBe('out-of-range');
		expect(code(() => sequenceCrossEntropy([1.5]))).toBe('out-of-range');
		expect(code(() => sequenceCrossEntropy([-0.1]))).toBe('out-of-range');
		expect(code(() => sequenceCrossEntropy([Infinity]))).toBe('out-of-range');
		expect(code(() => sequenceCrossEntropy([0.5, 0.5], [0, 0]))).toBe('invalid-argument');
	});
});
