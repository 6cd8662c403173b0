import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { adamWPropose } from './adamw.js';

function step(
	w: number,
	g: number,
	m: number,
	v: number,
	t: number,
	lr = 0.1,
	decay: Uint8Array | null = null
) {
	const mo = new Float64Array(1);
	const vo = new Float64Array(1);
	const up = new Float64Array(1);
	adamWPropose(
		Float64Array.of(w),
		Float64Array.of(g),
		Float64Array.of(m),
		Float64Array.of(v),
		t,
		{ lr },
		decay,
		mo,
		vo,
		up
	);
	return { m: mo[0], v: vo[0], update: up[0] };
}

describe('AdamW', () => {
	it('matches two steps worked by hand (β₁ 0.9, β₂ 0.95, ε 1e-8, λ 0.01, lr 0.1)', () => {
		// Step 1, w = 2, g = 0.5: m = 0.1·0.5 = 0.05, v = 0.05·0.25 = 0.0125,
		// m̂ = 0.05/0.1 = 0.5, v̂ = 0.0125/0.05 = 0.25, Δ = −0.1·(0.5/(0.5 + 1e-8) + 0.01·2) = −0.101999998.
		const s1 = step(2, 0.5, 0, 0, 1);
		expect(s1.m).toBeCloseTo(0.05, 15);
		expect(s1.v).toBeCloseTo(0.0125, 15);
		expect(s1.update).toBeCloseTo(-0.101999998, 12);
		// Step 2, w = 1.898000002, g = −1: m = 0.045 − 0.1 = −0.055, v = 0.011875 + 0.05 = 0.061875,
		// m̂ = −0.055/0.19 = −0.28947368, v̂ = 0.061875/0.0975 = 0.63461538,
		// Δ = −0.1·(−0.28947368/(0.79662123 + 1e-8) + 0.01·1.898000002) = 0.03443939.
		const s2 = step(2 + s1.update, -1, s1.m, s1.v, 2);
		expect(s2.m).toBeCloseTo(-0.055, 15);
		expect(s2.v).toBeCloseTo(0.061875, 15);
		expect(s2.update).toBeCloseTo(0.0344393946, 9);
	});

	it('skips weight decay where the mask is 0 and scales gradients by gradScale', () => {
		expect(step(2, 0.5, 0, 0, 1, 0.1, Uint8Array.of(0)).update).toBeCloseTo(-0.1, 7);
		const mo = new Float64Array(1);
		const vo = new Float64Array(1);
		const up = new Float64Array(1);
		adamWPropose(
			Float64Array.of(0),
			Float64Array.of(4),
			Float64Array.of(0),
			Float64Array.of(0),
			1,
			{ lr: 1, gradScale: 0.25 },
			null,
			mo,
			vo,
			up
		);
		expect(mo[0]).toBeCloseTo(0.1, 15); // (1 − β₁)·(0.25·4)
	});

	it('first step moves every weight by about lr against its gradient sign (property)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -100, max: 100, noNaN: true }).filter((g) => Math.abs(g) > 1e-3),
				(g) => {
					const { update } = step(0, g, 0, 0, 1, 0.01);
					// With w = 0 decay does nothing; m̂/√v̂ = g/|g| on the first step.
					expect(update).toBeCloseTo(-0.01 * Math.sign(g), 6);
				}
			)
		);
	});

	it('leaves its inputs untouched', () => {
		const w = Float32Array.of(1, 2);
		const g = Float32Array.of(0.1, -0.2);
		const m = Float32Array.of(0.3, 0.4);
		const v = Float32Array.of(0.5, 0.6);
		const before = [w, g, m, v].map((a) => Array.from(a));
		adamWPropose(
			w,
			g,
			m,
			v,
			3,
			{ lr: 0.1 },
			null,
			new Float32Array(2),
			new Float32Array(2),
			new Float32Array(2)
		);
		expect([w, g, m, v].map((a) => Array.from(a))).toEqual(before);
	});

	it('rejects NaN hyper-parameters, bad steps and mismatched lengths', () => {
		const a = () => new Float32Array(2);
		expect(() => adamWPropose(a(), a(), a(), a(), 1, { lr: NaN }, null, a(), a(), a())).toThrow(/finite/);
		expect(() => adamWPropose(a(), a(), a(), a(), 1, { lr: -1 }, null, a(), a(), a())).toThrow(AnatomyError);
		expect(() => adamWPropose(a(), a(), a(), a(), 1, { lr: 1, beta1: 1 }, null, a(), a(), a())).toThrow(
			AnatomyError
		);
		expect(() => adamWPropose(a(), a(), a(), a(), 0, { lr: 1 }, null, a(), a(), a())).toThrow(AnatomyError);
		expect(() => adamWPropose(a(), new Float32Array(3), a(), a(), 1, { lr: 1 }, null, a(), a(), a())).toThrow(
			/length/
		);
	});
});
