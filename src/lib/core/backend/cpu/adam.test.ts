import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { createRng } from '../../rng.js';
import { adamStepCpu, type AdamArrays } from './adam.js';

const f32 = (xs: number[]) => Float32Array.from(xs);

describe('adamStepCpu (AdamW)', () => {
	it('two steps worked by hand (lr 0.1, λ 0.01, β 0.9/0.999, ε 1e-8)', () => {
		// t = 1, g = 0.5: m = 0.1·0.5 = 0.05, v = 0.001·0.25 = 2.5e-4, m̂ = 0.5, v̂ = 0.25,
		//   p = 1 − 0.1·0.01·1 − 0.1·0.5/(0.5 + 1e-8) = 1 − 0.001 − 0.099999998 = 0.899000002.
		const s1 = adamStepCpu(f32([1]), f32([0.5]), f32([0]), f32([0]), { lr: 0.1, weightDecay: 0.01, t: 1 });
		expect(s1.m[0]).toBeCloseTo(0.05, 7);
		expect(s1.v[0]).toBeCloseTo(2.5e-4, 10);
		expect(s1.params[0]).toBeCloseTo(0.899000002, 6);
		// t = 2, g = −0.25: m = 0.045 − 0.025 = 0.02, v = 0.999·2.5e-4 + 0.001·0.0625 = 3.1225e-4,
		//   m̂ = 0.02/0.19 = 0.1052632, v̂ = 3.1225e-4/0.001999 = 0.1562031, √v̂ = 0.3952254,
		//   p = 0.899000002·(1 − 0.001) − 0.1·0.1052632/0.3952254 = 0.898101 − 0.0266337 = 0.8714673.
		const s2 = adamStepCpu(s1.params, f32([-0.25]), s1.m, s1.v, { lr: 0.1, weightDecay: 0.01, t: 2 });
		expect(s2.m[0]).toBeCloseTo(0.02, 7);
		expect(s2.v[0]).toBeCloseTo(3.1225e-4, 9);
		expect(s2.params[0]).toBeCloseTo(0.8714673, 6);
	});

	it('the first step moves every weight by about lr·sign(g), whatever |g| (bias correction)', () => {
		fc.assert(
			fc.property(fc.float({ min: Math.fround(1e-3), max: 1e3, noNaN: true }), fc.boolean(), (mag, neg) => {
				const g = neg ? -mag : mag;
				const r = adamStepCpu(f32([0]), f32([g]), f32([0]), f32([0]), { lr: 0.01, t: 1 });
				return Math.abs(r.params[0] + 0.01 * Math.sign(g)) < 1e-7;
			})
		);
	});

	it('leaves its inputs untouched and can write in place through `out`', () => {
		const p = f32([1, 2]);
		const g = f32([0.1, -0.1]);
		const m = f32([0, 0]);
		const v = f32([0, 0]);
		const r = adamStepCpu(p, g, m, v, { lr: 0.5, t: 1 });
		expect([...p, ...m, ...v]).toEqual([1, 2, 0, 0, 0, 0]);
		adamStepCpu(p, g, m, v, { lr: 0.5, t: 1 }, { params: p, m, v });
		expect([...p]).toEqual([...r.params]);
	});

	describe('agrees with TensorFlow.js tf.train.adam when λ = 0', () => {
		beforeAll(async () => {
			tf.env().set('IS_TEST', true); // no "install tfjs-node" banner
			await tf.setBackend('cpu');
		});
		it('20 steps on 50 weights', () => {
			const rng = createRng(7);
			const n = 50;
			const init = Float32Array.from({ length: n }, () => rng.normal());
			const grads = Array.from({ length: 20 }, () => Float32Array.from({ length: n }, () => rng.normal()));
			const variable = tf.variable(tf.tensor1d(init));
			const opt = tf.train.adam(0.01, 0.9, 0.999, 1e-8);
			let state: AdamArrays = { params: init, m: new Float32Array(n), v: new Float32Array(n) };
			grads.forEach((g, i) => {
				opt.applyGradients([{ name: variable.name, tensor: tf.tensor1d(g) }]);
				state = adamStepCpu(state.params, g, state.m, state.v, { lr: 0.01, t: i + 1 });
			});
			const expected = variable.dataSync();
			// TensorFlow.js runs in float32 (β powers included), hence 2e-6 rather than 1e-6.
			for (let i = 0; i < n; i++) expect(Math.abs(state.params[i] - expected[i])).toBeLessThan(2e-6);
			opt.dispose();
			variable.dispose();
		});
	});

	it('rejects bad input', () => {
		const a = f32([1, 2]);
		const o = { lr: 0.1, t: 1 };
		expect(() => adamStepCpu(a, f32([1]), a, a, o)).toThrow(AnatomyError);
		expect(() => adamStepCpu(a, f32([NaN, 0]), a, a, o)).toThrow(/non-finite/);
		expect(() => adamStepCpu(a, a, a, a, { lr: 0.1, t: 0 })).toThrow(/t must be an integer/);
		expect(() => adamStepCpu(a, a, a, a, { lr: -1, t: 1 })).toThrow(/lr must be > 0/);
		expect(() => adamStepCpu(a, a, a, a, { lr: 0.1, t: 1, beta2: 1 })).toThrow(/beta2/);
		expect(() => adamStepCpu(a, a, a, a, { lr: Infinity, t: 1 })).toThrow(/finite/);
		expect(
			adamStepCpu(new Float32Array(0), new Float32Array(0), new Float32Array(0), new Float32Array(0), o)
				.params.length
		).toBe(0);
	});
});
