import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import {
	ACTIVATIONS,
	erf,
	erfc,
	gelu,
	geluTanh,
	getActivation,
	normalCdf,
	relu,
	sigmoid,
	silu,
	swiglu,
	swigluDerivative,
	type ActivationName
} from './activations.js';

// Reference values from the C library's erf/erfc (glibc, correctly rounded to < 1 ulp) as printed by
// Python 3's math.erf / math.erfc, and GELU(x) = x/2·erfc(−x/√2) from the same.
const ERF: [number, number][] = [
	[0.1, 0.1124629160182849],
	[0.5, 0.5204998778130465],
	[1, 0.8427007929497149],
	[2, 0.9953222650189527],
	[3, 0.9999779095030014],
	[-1, -0.8427007929497149]
];
const ERFC: [number, number][] = [
	[0.1, 0.8875370839817152],
	[0.5, 0.4795001221869535],
	[1, 0.15729920705028513],
	[2, 0.004677734981047265],
	[3, 2.2090496998585438e-5],
	[5, 1.5374597944280351e-12],
	[-1, 1.842700792949715],
	[-3, 1.9999779095030015]
];
const GELU: [number, number][] = [
	[1, 0.8413447460685429],
	[0.5, 0.34573123063700656],
	[2, 1.9544997361036416],
	[3, 2.99595030590511],
	[-1, -0.15865525393145707],
	[-3, -0.004049694094890287],
	[-10, -7.619853024160593e-23],
	[-30, -1.4720141781446293e-196]
];

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);

describe('erf and erfc', () => {
	it('match the C library to about 1e-16 absolute (erf) and 1e-15 relative (erfc)', () => {
		for (const [x, want] of ERF) expect(Math.abs(erf(x) - want)).toBeLessThanOrEqual(2.3e-16);
		for (const [x, want] of ERFC) expect(rel(erfc(x), want)).toBeLessThan(2e-15);
	});

	it('have the right symmetry, limits and special values', () => {
		expect(erf(0)).toBe(0);
		expect(erfc(0)).toBe(1);
		expect(erf(Infinity)).toBe(1);
		expect(erf(-Infinity)).toBe(-1);
		expect(erfc(Infinity)).toBe(0);
		expect(erfc(-Infinity)).toBe(2);
		expect(erf(NaN)).toBeNaN();
		expect(erfc(NaN)).toBeNaN();
		// erf(x) ≈ 2x/√π for tiny x
		expect(rel(erf(1e-10), 1.1283791670955126e-10)).toBeLessThan(1e-15);
		fc.assert(
			fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
				expect(erf(-x)).toBe(-erf(x));
				expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(3e-16);
			})
		);
	});

	it('is monotone', () => {
		let prev = -1;
		for (let x = -7; x <= 7; x += 0.001) {
			const y = erf(x);
			expect(y).toBeGreaterThanOrEqual(prev);
			prev = y;
		}
	});

	it('Φ(0) = 1/2 and Φ(1.959963984540054) = 0.975 (the 95 % two-sided quantile)', () => {
		expect(normalCdf(0)).toBe(0.5);
		expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
	});
});

describe('activations: known values', () => {
	it('GELU matches x·Φ(x) from the C library, into the far negative tail', () => {
		// Rounding x/√2 by ε moves erfc by a relative 2·(x/√2)²·ε = x²·ε (its condition number), so the
		// tolerance grows with x² in the tail.
		for (const [x, want] of GELU) expect(rel(gelu(x), want)).toBeLessThan(1e-15 * Math.max(3, x * x));
		expect(gelu(0)).toBe(0);
	});

	it('sigmoid, SiLU and ReLU at hand-checked points', () => {
		expect(sigmoid(0)).toBe(0.5);
		// σ(1) = e/(1 + e) = 2.718281828459045/3.718281828459045
		expect(sigmoid(1)).toBeCloseTo(0.7310585786300049, 15);
		expect(sigmoid(-1)).toBeCloseTo(0.2689414213699951, 15);
		expect(silu(1)).toBeCloseTo(0.7310585786300049, 15);
		expect(silu(-1)).toBeCloseTo(-0.2689414213699951, 15);
		expect(relu(-2)).toBe(0);
		expect(relu(3)).toBe(3);
		// SwiGLU(1, 2) = SiLU(1)·2
		expect(swiglu(1, 2)).toBeCloseTo(1.4621171572600098, 15);
	});

	it('GELU(tanh) stays within 1e-3 of exact GELU and equals it at 0', () => {
		expect(geluTanh(0)).toBe(0);
		for (let x = -6; x <= 6; x += 0.01) expect(Math.abs(geluTanh(x) - gelu(x))).toBeLessThan(1e-3);
	});

	it('is stable at |x| = 1e4 and at ±Infinity (no NaN, right limits)', () => {
		for (const spec of Object.values(ACTIVATIONS)) {
			for (const x of [1e4, -1e4, 800, -800]) {
				expect(Number.isNaN(spec.f(x)), `${spec.name}(${x})`).toBe(false);
				expect(Number.isNaN(spec.df(x)), `${spec.name}'(${x})`).toBe(false);
			}
		}
		expect(sigmoid(-1e4)).toBe(0);
		expect(sigmoid(1e4)).toBe(1);
		expect(gelu(1e4)).toBe(1e4);
		expect(gelu(-1e4)).toBe(-0);
		expect(silu(-1e4)).toBe(-0);
		expect(gelu(-Infinity)).toBe(0);
		expect(silu(-Infinity)).toBe(0);
		expect(geluTanh(-Infinity)).toBe(0);
		expect(ACTIVATIONS.gelu.df(1e4)).toBe(1);
		expect(ACTIVATIONS.gelu_tanh.df(-1e4)).toBe(0);
	});
});

describe('activations: derivatives', () => {
	const names = Object.keys(ACTIVATIONS) as ActivationName[];
	// Central differences: error O(h²·f‴) + O(ε/h); h = 1e-5 gives about 1e-10 here.
	const central = (f: (x: number) => number, x: number, h = 1e-5) => (f(x + h) - f(x - h)) / (2 * h);

	for (const name of names) {
		it(`${name}: df matches central finite differences`, () => {
			const { f, df } = ACTIVATIONS[name];
			fc.assert(
				fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
					if (name === 'relu' && Math.abs(x) < 1e-4) return; // kink at 0
					expect(Math.abs(df(x) - central(f, x))).toBeLessThan(1e-7);
				}),
				{ numRuns: 200 }
			);
		});
	}

	it('SwiGLU partial derivatives match finite differences', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -6, max: 6, noNaN: true }),
				fc.double({ min: -6, max: 6, noNaN: true }),
				(a, b) => {
					const h = 1e-5;
					const { da, db } = swigluDerivative(a, b);
					expect(Math.abs(da - (swiglu(a + h, b) - swiglu(a - h, b)) / (2 * h))).toBeLessThan(1e-7);
					expect(Math.abs(db - (swiglu(a, b + h) - swiglu(a, b - h)) / (2 * h))).toBeLessThan(1e-7);
				}
			)
		);
	});

	it('known slopes: σ′(0) = 1/4, GELU′(0) = 1/2, tanh′(0) = 1, SiLU′(0) = 1/2', () => {
		expect(ACTIVATIONS.sigmoid.df(0)).toBe(0.25);
		expect(ACTIVATIONS.gelu.df(0)).toBe(0.5);
		expect(ACTIVATIONS.gelu_tanh.df(0)).toBe(0.5);
		expect(ACTIVATIONS.tanh.df(0)).toBe(1);
		expect(ACTIVATIONS.silu.df(0)).toBe(0.5);
		expect(ACTIVATIONS.relu.df(0)).toBe(0);
	});
});

describe('ACTIVATIONS', () => {
	it('carries a label and a formula for every entry, keyed by its name', () => {
		for (const [key, spec] of Object.entries(ACTIVATIONS)) {
			expect(spec.name).toBe(key);
			expect(spec.label.length).toBeGreaterThan(0);
			expect(spec.formula.length).toBeGreaterThan(0);
		}
	});

	it('getActivation rejects unknown names', () => {
		expect(getActivation('gelu')).toBe(ACTIVATIONS.gelu);
		expect(() => getActivation('toString')).toThrow(AnatomyError);
		expect(() => getActivation('swish2')).toThrow(/unknown activation/);
	});
});
