import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { closeTo } from '../testing/close.js';
import {
	LLAMA31_ROPE,
	rope,
	ropeAngles,
	ropeDot,
	ropeFrequencies,
	ropeWavelengths,
	type RopeOptions
} from './rope.js';

const code = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : 'other';
	}
	return 'none';
};
const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) =>
	Array.from(a).reduce((s, x, i) => s + x * b[i], 0);

const vec = (d: number) =>
	fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: d, maxLength: d });
const dims = fc.integer({ min: 1, max: 16 }).map((h) => 2 * h);
const optionsArb: fc.Arbitrary<RopeOptions> = fc.record({
	base: fc.constantFrom(10000, 500000, 1e6),
	pairing: fc.constantFrom('interleaved' as const, 'half' as const),
	scaling: fc.constantFrom(
		{ type: 'none' as const },
		{ type: 'linear' as const, factor: 4 },
		{ type: 'ntk' as const, factor: 8 },
		LLAMA31_ROPE.scaling
	)
});

describe('rope: hand-computed cases', () => {
	it('rotates a 2-D vector by m·θ₀ = m radians', () => {
		// θ₀ = base⁰ = 1. rope([1, 0], 1) = [cos 1, sin 1].
		expect(closeTo(rope([1, 0], 1), [0.5403023058681398, 0.8414709848078965], { abs: 1e-15 }).ok).toBe(true);
		// rope([1, 2], 2) = [cos 2 − 2 sin 2, sin 2 + 2 cos 2]
		//                 = [−0.4161468365471424 − 1.8185948536513634, 0.9092974268256817 − 0.8322936730942848]
		expect(closeTo(rope([1, 2], 2), [-2.234741690198506, 0.0770037537313969], { abs: 1e-15 }).ok).toBe(true);
	});

	it('uses θᵢ = base^(−2i/d): d = 4, base 10000 gives θ = [1, 1/100]', () => {
		expect(closeTo(ropeFrequencies(4), [1, 0.01], { abs: 1e-18 }).ok).toBe(true);
		// the second pair of rope([0, 0, 1, 0], 100) turns by 100 · 0.01 = 1 radian
		expect(closeTo(rope([0, 0, 1, 0], 100), [0, 0, Math.cos(1), Math.sin(1)], { abs: 1e-14 }).ok).toBe(true);
	});

	it('pairs (i, i + d/2) in the half-split convention', () => {
		// d = 4: pairs (0, 2) with θ₀ = 1 and (1, 3) with θ₁ = 0.01; x = e₀ → [cos m, 0, sin m, 0]
		expect(
			closeTo(rope([1, 0, 0, 0], 1, { pairing: 'half' }), [Math.cos(1), 0, Math.sin(1), 0], { abs: 1e-15 }).ok
		).toBe(true);
		// interleaved turns the same vector within (0, 1)
		expect(closeTo(rope([1, 0, 0, 0], 1), [Math.cos(1), Math.sin(1), 0, 0], { abs: 1e-15 }).ok).toBe(true);
	});

	it('gives angles m·θᵢ', () => {
		expect(closeTo(ropeAngles(3, 4), [3, 0.03], { abs: 1e-15 }).ok).toBe(true);
		expect(closeTo(ropeWavelengths(4), [2 * Math.PI, 200 * Math.PI], { abs: 1e-12 }).ok).toBe(true);
	});
});

describe('rope: properties', () => {
	it('preserves the norm', () => {
		fc.assert(
			fc.property(
				dims.chain((d) => fc.tuple(vec(d), fc.integer({ min: 0, max: 1e6 }), optionsArb)),
				([v, m, o]) => {
					expect(Math.abs(norm(rope(v, m, o)) - norm(v))).toBeLessThan(1e-9 * Math.max(1, norm(v)));
				}
			)
		);
	});

	it('is the identity at position 0', () => {
		fc.assert(
			fc.property(
				dims.chain((d) => fc.tuple(vec(d), optionsArb)),
				([v, o]) => {
					expect(closeTo(rope(v, 0, o), v, { abs: 0 }).ok).toBe(true);
				}
			)
		);
	});

	it('makes q·k depend only on the offset: rope(q, m)·rope(k, n) = rope(q, m + t)·rope(k, n + t)', () => {
		fc.assert(
			fc.property(
				dims.chain((d) => fc.tuple(vec(d), vec(d), optionsArb)),
				fc.integer({ min: 0, max: 4096 }),
				fc.integer({ min: 0, max: 4096 }),
				fc.integer({ min: 0, max: 4096 }),
				([q, k, o], m, n, t) => {
					const a = ropeDot(q, k, m, n, o);
					const b = ropeDot(q, k, m + t, n + t, o);
					// angles up to ~8000 rad: cos/sin arguments lose about 8000·ε each
					expect(Math.abs(a - b)).toBeLessThan(1e-9 * Math.max(1, norm(q) * norm(k)));
				}
			)
		);
	});

	it('composes: rotating to m then by n equals rotating to m + n', () => {
		fc.assert(
			fc.property(
				dims.chain((d) => fc.tuple(vec(d), optionsArb)),
				fc.integer({ min: 0, max: 1000 }),
				fc.integer({ min: 0, max: 1000 }),
				([v, o], m, n) => {
					const twice = rope(rope(v, m, o), n, o);
					expect(closeTo(twice, rope(v, m + n, o), { abs: 1e-9 }).ok).toBe(true);
				}
			)
		);
	});

	it('agrees with rope(q, m)·k = q·rope(k, −m) (rotation is orthogonal)', () => {
		const q = [0.3, -1.2, 2, 0.5];
		const k = [1, 0.25, -0.75, 2];
		expect(dot(rope(q, 7), k)).toBeCloseTo(dot(q, rope(k, -7)), 12);
	});
});

describe('rope scaling', () => {
	it('linear divides every frequency by the factor', () => {
		const plain = ropeFrequencies(16);
		const lin = ropeFrequencies(16, 10000, { scaling: { type: 'linear', factor: 4 } });
		for (let i = 0; i < 8; i++) expect(lin[i]).toBeCloseTo(plain[i] / 4, 15);
		// position interpolation: rope at 4m with factor 4 equals rope at m unscaled
		const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
		expect(
			closeTo(rope(v, 40, { scaling: { type: 'linear', factor: 4 } }), rope(v, 10), { abs: 1e-12 }).ok
		).toBe(true);
	});

	it('NTK-aware scales the base by s^(d/(d−2)): θ₀ stays 1, the lowest frequency is divided by s', () => {
		// d = 4, s = 4: base′ = 10000 · 4² = 160000, θ₁ = 160000^(−1/2) = 1/400
		const t = ropeFrequencies(4, 10000, { scaling: { type: 'ntk', factor: 4 } });
		expect(t[0]).toBe(1);
		expect(t[1]).toBeCloseTo(1 / 400, 16);
		fc.assert(
			fc.property(
				dims.filter((d) => d > 2),
				fc.double({ min: 1, max: 64, noNaN: true }),
				(d, s) => {
					const plain = ropeFrequencies(d);
					const ntk = ropeFrequencies(d, 10000, { scaling: { type: 'ntk', factor: s } });
					expect(ntk[0]).toBe(1);
					expect(ntk[d / 2 - 1] / (plain[d / 2 - 1] / s)).toBeCloseTo(1, 12);
					for (let i = 1; i < d / 2; i++) expect(ntk[i]).toBeLessThanOrEqual(plain[i] * (1 + 1e-12));
				}
			)
		);
	});

	it('Llama 3.1 (d = 128, base 500000): 29 frequencies kept, 6 smoothed, 29 divided by 8', () => {
		// λᵢ = 2π·500000^(i/64). λ < 8192/4 = 2048 ⇔ i < 64·ln(2048/2π)/ln(500000) = 64·5.7867/13.1224 = 28.22;
		// λ > 8192 ⇔ i > 64·ln(8192/2π)/ln(500000) = 64·7.1730/13.1224 = 34.98.
		const plain = ropeFrequencies(128, LLAMA31_ROPE.base);
		const scaled = ropeFrequencies(128, LLAMA31_ROPE.base, { scaling: LLAMA31_ROPE.scaling });
		let kept = 0;
		let divided = 0;
		let between = 0;
		for (let i = 0; i < 64; i++) {
			const r = scaled[i] / plain[i];
			if (r === 1) kept++;
			else if (Math.abs(r - 1 / 8) < 1e-15) divided++;
			else {
				between++;
				expect(r).toBeGreaterThan(1 / 8);
				expect(r).toBeLessThan(1);
			}
		}
		expect([kept, between, divided]).toEqual([29, 6, 29]);
		for (let i = 0; i <= 28; i++) expect(scaled[i]).toBe(plain[i]);
		for (let i = 35; i < 64; i++) expect(scaled[i]).toBeCloseTo(plain[i] / 8, 20);
	});

	it('Llama 3.1 smooths by σ = (L/λ − 1)/3 in the middle band (hand-checked at i = 32)', () => {
		// θ₃₂ = 500000^(−1/2) = 1/707.1067811865476 = 0.001414213562373095, λ = 2π·707.1067811865476 = 4442.882938158366,
		// σ = (8192/4442.882938158366 − 1)/3 = (1.8438478 − 1)/3 = 0.2812826,
		// θ′ = θ·((1 − σ)/8 + σ) = θ·(0.0898397 + 0.2812826) = θ·0.3711223
		const plain = ropeFrequencies(128, 500000);
		const scaled = ropeFrequencies(128, 500000, { scaling: LLAMA31_ROPE.scaling });
		expect(plain[32]).toBeCloseTo(0.001414213562373095, 15);
		expect(scaled[32] / plain[32]).toBeCloseTo(0.3711223, 6);
	});

	it('is continuous at both band edges (σ = 0 gives θ/8, σ = 1 gives θ)', () => {
		// With L = 2π·base^(2i/d)·low for some i, that pair sits exactly on the low edge.
		const d = 8;
		const base = 10000;
		const lambda2 = 2 * Math.PI * Math.pow(base, 4 / d); // wavelength of pair 2
		const s = { type: 'llama3' as const, factor: 8, lowFreqFactor: 1, highFreqFactor: 4 };
		const atLow = ropeFrequencies(d, base, {
			scaling: { ...s, originalMaxPositionEmbeddings: Math.ceil(lambda2) }
		});
		const plain = ropeFrequencies(d, base);
		// L just above λ: σ = (L/λ − 1)/3 ≈ 0, so θ′ ≈ θ/8
		expect(atLow[2] / plain[2]).toBeCloseTo(1 / 8, 3);
	});

	it('rejects bad arguments', () => {
		expect(code(() => ropeFrequencies(3))).toBe('invalid-argument');
		expect(code(() => ropeFrequencies(0))).toBe('out-of-range');
		expect(code(() => ropeFrequencies(8, 1))).toBe('out-of-range');
		expect(code(() => ropeFrequencies(8, NaN))).toBe('out-of-range');
		expect(code(() => ropeFrequencies(8, 10000, { scaling: { type: 'linear', factor: 0.5 } }))).toBe(
			'out-of-range'
		);
		expect(code(() => ropeFrequencies(8, 10000, { scaling: { type: 'ntk', factor: NaN } }))).toBe(
			'out-of-range'
		);
		expect(
			code(() =>
				ropeFrequencies(8, 10000, { scaling: { type: 'llama3', lowFreqFactor: 4, highFreqFactor: 1 } })
			)
		).toBe('invalid-config');
		expect(code(() => ropeFrequencies(8, 10000, { scaling: { type: 'yarn' } as never }))).toBe(
			'invalid-config'
		);
		expect(code(() => rope([1, 2, 3], 1))).toBe('invalid-argument');
		expect(code(() => rope([1, NaN], 1))).toBe('non-finite');
		expect(code(() => rope([1, 2], Infinity))).toBe('non-finite');
		expect(code(() => rope([1, 2], 1, { pairing: 'diagonal' as 'half' }))).toBe('invalid-argument');
		expect(code(() => ropeDot([1, 2], [1, 2, 3, 4], 0, 0))).toBe('shape-mismatch');
	});
});
