import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { closeTo } from '../testing/close.js';
import { entropy, entropyBits, logSoftmax, softmax, softmaxRows } from './softmax.js';
import { softmaxCases } from './softmax.cases.js';

const code = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : 'other';
	}
	return 'none';
};

const logits = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 20 });

describe('softmaxRows golden cases', () => {
	for (const c of softmaxCases) {
		it(c.name, () => {
			const { data, rows, cols } = c.inputs;
			const r = closeTo(softmaxRows(Float32Array.from(data), rows, cols), c.expected);
			expect(r.ok, r.message).toBe(true);
		});
	}
});

describe('softmax', () => {
	it('matches the hand values for [2, 1, 0.1]', () => {
		// 1, e⁻¹, e⁻¹·⁹ over their sum 1.5174480603940774 (see softmax.cases.ts).
		const p = softmax([2, 1, 0.1]);
		expect(closeTo(p, [0.6590011388859679, 0.2424329707047139, 0.09856589040931818], { abs: 1e-15 }).ok).toBe(
			true
		);
	});

	it('follows pᵢ/pⱼ = exp((zᵢ − zⱼ)/T) at any temperature', () => {
		fc.assert(
			fc.property(logits, fc.double({ min: 0.05, max: 20, noNaN: true }), (z, t) => {
				const p = softmax(z, t);
				for (let i = 1; i < z.length; i++) {
					const want = Math.exp((z[i] - z[0]) / t);
					if (p[0] > 1e-290 && p[i] > 1e-290) {
						expect(Math.abs(p[i] / p[0] / want - 1)).toBeLessThan(1e-9);
					}
				}
			})
		);
	});

	it('sums to 1, lies in [0, 1] and is shift invariant', () => {
		fc.assert(
			fc.property(logits, fc.double({ min: -1e4, max: 1e4, noNaN: true }), (z, c) => {
				const p = softmax(z);
				expect(Math.abs(p.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-12);
				for (const x of p) expect(x >= 0 && x <= 1).toBe(true);
				const q = softmax(z.map((x) => x + c));
				expect(closeTo(q, p, { abs: 1e-9 }).ok).toBe(true);
			})
		);
	});

	it('keeps logits of ±1e4 finite', () => {
		expect(Array.from(softmax([1e4, -1e4]))).toEqual([1, 0]);
		expect(
			closeTo(softmax([1e4, 1e4 - 1]), [0.7310585786300049, 0.2689414213699951], { abs: 1e-15 }).ok
		).toBe(true);
		expect(closeTo(softmax([-1e4, -1e4]), [0.5, 0.5], { abs: 0 }).ok).toBe(true);
	});

	it('T → 0 puts all mass on the argmax, ties split evenly', () => {
		expect(Array.from(softmax([1, 3, 2], 0))).toEqual([0, 1, 0]);
		expect(Array.from(softmax([3, 1, 3, 2], 0))).toEqual([0.5, 0, 0.5, 0]);
		expect(Array.from(softmax([1, 3, 2], 1e-7))).toEqual([0, 1, 0]);
		expect(Array.from(softmax([1, 3, -Infinity], 0))).toEqual([0, 1, 0]);
	});

	it('high temperature flattens towards uniform', () => {
		const p = softmax([5, 0, -5], 1e6);
		expect(closeTo(p, [1 / 3, 1 / 3, 1 / 3], { abs: 1e-5 }).ok).toBe(true);
	});

	it('masks -Infinity and shares +Infinity', () => {
		expect(Array.from(softmax([0, -Infinity, 0]))).toEqual([0.5, 0, 0.5]);
		expect(Array.from(softmax([Infinity, 1, Infinity, Infinity]))).toEqual([1 / 3, 0, 1 / 3, 1 / 3]);
		expect(Array.from(softmax([7]))).toEqual([1]);
	});

	it('rejects NaN, all-masked, empty input and bad temperatures', () => {
		expect(code(() => softmax([1, NaN]))).toBe('non-finite');
		expect(code(() => softmax([-Infinity, -Infinity]))).toBe('invalid-argument');
		expect(code(() => softmax([]))).toBe('invalid-argument');
		expect(code(() => softmax([1, 2], -1))).toBe('invalid-argument');
		expect(code(() => softmax([1, 2], NaN))).toBe('invalid-argument');
		expect(code(() => softmax([1, 2], Infinity))).toBe('invalid-argument');
	});
});

describe('logSoftmax', () => {
	it('is the log of softmax', () => {
		fc.assert(
			fc.property(logits, (z) => {
				const lp = logSoftmax(z);
				const p = softmax(z);
				for (let i = 0; i < z.length; i++) {
					expect(Math.abs(Math.exp(lp[i]) - p[i])).toBeLessThan(1e-12);
				}
			})
		);
	});

	it('keeps tiny probabilities: log softmax([0, −1e4]) = [≈0, ≈−1e4]', () => {
		// log(1 + e^−1e4) = 0 in float64, so the values are exactly 0 and −1e4.
		expect(Array.from(logSoftmax([0, -1e4]))).toEqual([0, -1e4]);
		// log softmax([0, 0]) = [−ln 2, −ln 2].
		expect(Array.from(logSoftmax([0, 0]))).toEqual([-Math.LN2, -Math.LN2]);
		expect(logSoftmax([0, -Infinity])[1]).toBe(-Infinity);
		expect(Array.from(logSoftmax([2, 1], 0))).toEqual([0, -Infinity]);
	});

	it('rejects what softmax rejects', () => {
		expect(code(() => logSoftmax([NaN]))).toBe('non-finite');
		expect(code(() => logSoftmax([]))).toBe('invalid-argument');
		expect(code(() => logSoftmax([-Infinity]))).toBe('invalid-argument');
	});
});

describe('entropy', () => {
	it('gives ln n nats (log₂ n bits) for a uniform distribution and 0 for a certain one', () => {
		expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 15);
		expect(entropyBits([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(2, 15);
		expect(entropyBits([0.5, 0.5])).toBeCloseTo(1, 15);
		expect(entropy([0, 1, 0])).toBe(0);
	});

	it('matches a hand value: H(0.5, 0.25, 0.25) = 1.5 bits', () => {
		// −(½·log₂½ + 2·¼·log₂¼) = ½ + 1 = 1.5
		expect(entropyBits([0.5, 0.25, 0.25])).toBeCloseTo(1.5, 14);
	});

	it('is at most ln n', () => {
		fc.assert(
			fc.property(logits, (z) => {
				expect(entropy(softmax(z))).toBeLessThanOrEqual(Math.log(z.length) + 1e-12);
			})
		);
	});

	it('rejects invalid distributions', () => {
		expect(code(() => entropy([]))).toBe('invalid-argument');
		expect(code(() => entropy([0.5, NaN]))).toBe('non-finite');
		expect(code(() => entropy([1.5, -0.5]))).toBe('invalid-argument');
		expect(code(() => entropy([0.5, 0.4]))).toBe('invalid-argument');
	});
});

describe('softmaxRows', () => {
	it('equals softmax row by row (rounded to float32)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 6 }),
				fc.integer({ min: 1, max: 12 }),
				fc.integer(),
				(rows, cols, s) => {
					const data = Float32Array.from({ length: rows * cols }, (_, i) => Math.sin(s + i * 1.7) * 20);
					const y = softmaxRows(data, rows, cols);
					for (let r = 0; r < rows; r++) {
						const want = softmax(data.subarray(r * cols, (r + 1) * cols));
						expect(closeTo(y.subarray(r * cols, (r + 1) * cols), want, { abs: 1e-7, rel: 1e-6 }).ok).toBe(
							true
						);
					}
				}
			)
		);
	});

	it('works in place', () => {
		const x = Float32Array.of(0, 0, 1, 1);
		softmaxRows(x, 2, 2, x);
		expect(Array.from(x)).toEqual([0.5, 0.5, 0.5, 0.5]);
	});

	it('rejects bad shapes', () => {
		expect(code(() => softmaxRows(new Float32Array(5), 2, 3))).toBe('shape-mismatch');
		expect(code(() => softmaxRows(new Float32Array(6), -2, -3))).toBe('shape-mismatch');
		expect(code(() => softmaxRows(new Float32Array(6), 2, 3, new Float32Array(5)))).toBe('shape-mismatch');
		expect(code(() => softmaxRows(new Float32Array(0), NaN, 0))).toBe('shape-mismatch');
	});
});
