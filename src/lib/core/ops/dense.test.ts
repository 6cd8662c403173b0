import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { ACTIVATIONS } from './activations.js';
import { denseForward, neuron } from './dense.js';

const code = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : 'other';
	}
	return 'none';
};

describe('denseForward', () => {
	// Hand example: X = [[1, 2], [−1, 0]], W₁ = [[1, −1, 0], [0, 1, 2]], b₁ = [0, 0, −1],
	// W₂ = [[1], [1], [1]], b₂ = [0.5].
	const input = {
		x: [
			[1, 2],
			[-1, 0]
		],
		w1: [
			[1, -1, 0],
			[0, 1, 2]
		],
		b1: [0, 0, -1],
		w2: [[1], [1], [1]],
		b2: [0.5]
	};

	it('matches a hand calculation with ReLU', () => {
		const r = denseForward({ ...input, activation: 'relu' });
		// Row 1: Z₁ = [1, −1 + 2, 4 − 1] = [1, 1, 3]; row 2: [−1, 1, −1].
		expect(r.z1).toEqual([
			[1, 1, 3],
			[-1, 1, -1]
		]);
		expect(r.a1).toEqual([
			[1, 1, 3],
			[0, 1, 0]
		]);
		// Z₂ = ΣA₁ + 0.5: 5.5 and 1.5.
		expect(r.z2).toEqual([[5.5], [1.5]]);
		expect(r.fires).toEqual([
			[true, true, true],
			[false, true, false]
		]);
		expect(r.fireRate).toEqual([1, 1 / 3]);
	});

	it('applies the chosen activation element-wise', () => {
		const r = denseForward({ ...input, activation: 'sigmoid' });
		expect(r.a1[1][0]).toBeCloseTo(0.2689414213699951, 15); // σ(−1)
		expect(r.z2[0][0]).toBeCloseTo(0.5 + 2 * ACTIVATIONS.sigmoid.f(1) + ACTIVATIONS.sigmoid.f(3), 14);
		// sigmoid is always positive, so every unit "fires"
		expect(r.fires.flat().every(Boolean)).toBe(true);
	});

	it('accepts an empty batch', () => {
		const r = denseForward({ ...input, x: [] });
		expect(r.z2).toEqual([]);
	});

	it('rejects sizes that do not chain, non-finite values and unknown activations', () => {
		expect(code(() => denseForward({ ...input, x: [[1, 2, 3]] }))).toBe('shape-mismatch');
		expect(code(() => denseForward({ ...input, b1: [0, 0] }))).toBe('shape-mismatch');
		expect(code(() => denseForward({ ...input, w2: [[1], [1]] }))).toBe('shape-mismatch');
		expect(code(() => denseForward({ ...input, b2: [1, 2] }))).toBe('shape-mismatch');
		expect(code(() => denseForward({ ...input, x: [[1, NaN]] }))).toBe('non-finite');
		expect(code(() => denseForward({ ...input, activation: 'nope' as 'relu' }))).toBe('invalid-argument');
	});

	it('throws non-finite when Z1 or Z2 overflows float64, though every entry is finite', () => {
		// float64 ends at about 1.797e308, so 1e200·1e200 = 1e400 overflows to ∞.
		const one = { x: [[1e200]], w1: [[1e200]], b1: [0], w2: [[1]], b2: [0] };
		expect(code(() => denseForward(one))).toBe('non-finite');
		expect(() => denseForward(one)).toThrow(/Z1 row 0 overflows float64/);
		// Z1 = 1e200 is fine; Z2 = 1e200·1e200 is not.
		const two = { ...one, w1: [[1]], w2: [[1e200]] };
		expect(code(() => denseForward(two))).toBe('non-finite');
		expect(() => denseForward(two)).toThrow(/Z2 row 0 overflows float64/);
		// ∞ − ∞: products of +1e400 and −1e400 would sum to NaN, never returned silently.
		expect(code(() => denseForward({ ...one, x: [[1e200, 1e200]], w1: [[1e200], [-1e200]] }))).toBe(
			'non-finite'
		);
		// just below the limit: 1e308 + 0.7e308 = 1.7e308 < 1.797e308 stays finite
		const near = denseForward({ ...one, x: [[1e308, 0.7e308]], w1: [[1], [1]], activation: 'linear' });
		expect(near.z2[0][0] / 1.7e308).toBeCloseTo(1, 12);
	});
});

describe('neuron', () => {
	it('computes z, the products, a and the slope', () => {
		// z = 0.5·2 + (−1)·3 + 0.25 = 1 − 3 + 0.25 = −1.75
		const r = neuron([2, 3], [0.5, -1], 0.25, 'relu');
		expect(r.terms).toEqual([1, -3]);
		expect(r.z).toBe(-1.75);
		expect(r.a).toBe(0);
		expect(r.slope).toBe(0);
		const g = neuron([1], [1], 0, 'gelu');
		expect(g.a).toBeCloseTo(0.8413447460685429, 15); // GELU(1) = Φ(1)
		expect(neuron([1], [2], 0, ACTIVATIONS.tanh).a).toBe(Math.tanh(2));
	});

	it('works with no inputs (the bias alone)', () => {
		expect(neuron([], [], 1.5, 'linear')).toEqual({ z: 1.5, a: 1.5, terms: [], slope: 1 });
	});

	it('rejects bad input', () => {
		expect(code(() => neuron([1, 2], [1], 0))).toBe('shape-mismatch');
		expect(code(() => neuron([Infinity], [1], 0))).toBe('non-finite');
		expect(code(() => neuron([1], [1], NaN))).toBe('non-finite');
		expect(code(() => neuron([1], [1], 0, 'softplus' as 'relu'))).toBe('invalid-argument');
	});

	it('throws non-finite when the weighted sum overflows float64', () => {
		// 1e200·1e200 = 1e400 > Number.MAX_VALUE ≈ 1.797e308
		expect(code(() => neuron([1e200], [1e200], 0))).toBe('non-finite');
		expect(() => neuron([1e200], [1e200], 0)).toThrow(/weighted sum z = Σ wᵢ·xᵢ \+ b overflows float64/);
		// 1e308 + 1e308 = 2e308 overflows in the sum, not in a product
		expect(code(() => neuron([1e308, 1e308], [1, 1], 0))).toBe('non-finite');
		// so does the bias: 1.5e308 + 1.5e308
		expect(code(() => neuron([1.5e308], [1], 1.5e308, 'linear'))).toBe('non-finite');
		// +1e400 and −1e400 would give ∞ − ∞ = NaN
		expect(code(() => neuron([1e200, 1e200], [1e200, -1e200], 0))).toBe('non-finite');
		// Number.MAX_VALUE itself is finite: z = MAX_VALUE, ReLU passes it on
		const max = neuron([Number.MAX_VALUE], [1], 0, 'relu');
		expect(max.z).toBe(Number.MAX_VALUE);
		expect(max.a).toBe(Number.MAX_VALUE);
	});

	it('returns only finite numbers or throws non-finite, for any finite inputs (property)', () => {
		const value = fc.double({ noNaN: true, noDefaultInfinity: true });
		fc.assert(
			fc.property(
				fc.array(fc.tuple(value, value), { maxLength: 6 }),
				value,
				fc.constantFrom('relu', 'gelu', 'silu', 'sigmoid', 'tanh', 'linear'),
				(pairs, bias, act) => {
					const xs = pairs.map((p) => p[0]);
					const ws = pairs.map((p) => p[1]);
					let r;
					try {
						r = neuron(xs, ws, bias, act as 'relu');
					} catch (e) {
						return e instanceof AnatomyError && e.code === 'non-finite';
					}
					return [r.z, r.a, r.slope, ...r.terms].every(Number.isFinite);
				}
			),
			{ seed: 20240611, numRuns: 500 }
		);
	});
});
