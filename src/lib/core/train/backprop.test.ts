import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import type { ActivationName } from '../ops/activations.js';
import { createRng } from '../rng.js';
import {
	backpropSteps,
	backward,
	batchGradients,
	createBackpropExample,
	createMlp,
	forward,
	lossOf,
	update,
	type Mlp
} from './backprop.js';

const code = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : 'other';
	}
	return 'none';
};

const lossAt = (mlp: Mlp, x: number[], t: number[]) => lossOf(mlp, forward(mlp, x), t);

/** Relative error |a − b| / max(|a|, |b|, 1e-4): relative for ordinary gradients, absolute 1e-10 for tiny ones. */
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-4);

/** Every analytic gradient against the central difference (L(θ + h) − L(θ − h)) / 2h. */
function gradientCheck(mlp: Mlp, x: number[], t: number[], h = 1e-5): number {
	const g = backward(mlp, forward(mlp, x), t);
	let worst = 0;
	const perturbed = (l: number, i: number, j: number, d: number, bias: boolean): Mlp => {
		const m = structuredClone(mlp) as Mlp;
		if (bias) m.biases[l][j] += d;
		else m.weights[l][i][j] += d;
		return m;
	};
	mlp.weights.forEach((W, l) => {
		W.forEach((row, i) =>
			row.forEach((_, j) => {
				const fd =
					(lossAt(perturbed(l, i, j, h, false), x, t) - lossAt(perturbed(l, i, j, -h, false), x, t)) /
					(2 * h);
				worst = Math.max(worst, relErr(g.layers[l].dW[i][j], fd));
			})
		);
		mlp.biases[l].forEach((_, j) => {
			const fd =
				(lossAt(perturbed(l, 0, j, h, true), x, t) - lossAt(perturbed(l, 0, j, -h, true), x, t)) / (2 * h);
			worst = Math.max(worst, relErr(g.layers[l].db[j], fd));
		});
	});
	x.forEach((_, i) => {
		const xp = [...x];
		const xm = [...x];
		xp[i] += h;
		xm[i] -= h;
		const fd = (lossAt(mlp, xp, t) - lossAt(mlp, xm, t)) / (2 * h);
		worst = Math.max(worst, relErr(g.dInput[i], fd));
	});
	return worst;
}

describe('backprop: hand calculations', () => {
	it('a 1-1-1 linear network with MSE', () => {
		// w₁ = 2, b₁ = 0, w₂ = 3, b₂ = 1, x = 1, t = 10: z₁ = 2, y = 3·2 + 1 = 7, L = (7 − 10)² = 9.
		const mlp: Mlp = {
			...createMlp({ sizes: [1, 1, 1], activation: 'linear' }),
			weights: [[[2]], [[3]]],
			biases: [[0], [1]]
		};
		const pass = forward(mlp, [1]);
		expect(pass.layers.map((l) => l.z)).toEqual([[2], [7]]);
		expect(lossOf(mlp, pass, [10])).toBe(9);
		const g = backward(mlp, pass, [10]);
		// dL/dy = 2(7 − 10) = −6; dW₂ = a₁·(−6) = −12; dA₁ = w₂·(−6) = −18; dW₁ = x·(−18); dx = w₁·(−18) = −36
		expect(g.layers[1]).toEqual({ dA: [-6], dZ: [-6], dW: [[-12]], db: [-6] });
		expect(g.layers[0]).toEqual({ dA: [-18], dZ: [-18], dW: [[-18]], db: [-18] });
		expect(g.dInput).toEqual([-36]);
		// lr = 0.01: w₁ = 2.18, b₁ = 0.18, w₂ = 3.12, b₂ = 1.06; y = 3.12·2.36 + 1.06 = 8.4232; L = 1.5768² = 2.48629824
		const next = update(mlp, g, 0.01);
		expect(next.weights[0][0][0]).toBeCloseTo(2.18, 14);
		expect(next.biases[1][0]).toBeCloseTo(1.06, 14);
		expect(lossAt(next, [1], [10])).toBeCloseTo(2.48629824, 12);
		// the original is untouched
		expect(mlp.weights[0][0][0]).toBe(2);
	});

	it('softmax cross-entropy on one layer', () => {
		// z = [1, −1]; p = [1/(1 + e⁻²), e⁻²/(1 + e⁻²)]; t = [0, 1]: L = ln(1 + e²) = 2.1269280110429727
		const mlp: Mlp = {
			...createMlp({ sizes: [1, 2], loss: 'cross-entropy' }),
			weights: [[[1, -1]]],
			biases: [[0, 0]]
		};
		const pass = forward(mlp, [1]);
		expect(pass.output[0]).toBeCloseTo(0.8807970779778823, 15);
		expect(lossOf(mlp, pass, [0, 1])).toBeCloseTo(2.1269280110429727, 14);
		const g = backward(mlp, pass, [0, 1]);
		expect(g.layers[0].dZ[0]).toBeCloseTo(0.8807970779778823, 15);
		expect(g.layers[0].dZ[1]).toBeCloseTo(-0.8807970779778823, 15);
	});

	it('binary cross-entropy with one sigmoid output stays finite when confidently wrong', () => {
		const mlp: Mlp = {
			...createMlp({ sizes: [1, 1], loss: 'cross-entropy' }),
			weights: [[[1]]],
			biases: [[0]]
		};
		// z = 800: σ(z) rounds to 1, but L = −ln σ(−800)… for t = 0 is softplus(800) = 800.
		expect(lossAt(mlp, [800], [0])).toBe(800);
		// z = 0, t = 1: L = ln 2
		expect(lossAt(mlp, [0], [1])).toBeCloseTo(Math.LN2, 15);
	});
});

describe('backprop: gradient check against central finite differences', () => {
	const smooth: ActivationName[] = ['tanh', 'sigmoid', 'gelu', 'gelu_tanh', 'silu', 'linear'];

	it('MSE, random networks and seeds (relative error < 1e-6)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 1e6 }),
				fc.constantFrom(...smooth),
				fc.constantFrom('linear' as const, 'sigmoid' as const, 'tanh' as const),
				fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
				(seed, activation, outputActivation, sizes) => {
					const mlp = createMlp({ sizes, activation, outputActivation, seed });
					const r = createRng(seed + 1);
					const x = Array.from({ length: sizes[0] }, () => r.normal());
					const t = Array.from({ length: sizes.at(-1)! }, () => r.normal());
					expect(gradientCheck(mlp, x, t)).toBeLessThan(1e-6);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('cross-entropy (softmax and sigmoid outputs)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 1e6 }),
				fc.constantFrom(...smooth),
				fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
				(seed, activation, sizes) => {
					const mlp = createMlp({ sizes, activation, loss: 'cross-entropy', seed });
					const r = createRng(seed + 2);
					const n = sizes.at(-1)!;
					const x = Array.from({ length: sizes[0] }, () => r.normal());
					const t = n === 1 ? [r.next()] : Array.from({ length: n }, (_, i) => (i === r.int(n) ? 1 : 0));
					if (n > 1 && !t.includes(1)) t[0] = 1;
					expect(gradientCheck(mlp, x, t)).toBeLessThan(1e-6);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('ReLU, away from its kink', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
				const mlp = createMlp({ sizes: [3, 4, 2], activation: 'relu', seed });
				const r = createRng(seed + 3);
				const x = [r.normal(), r.normal(), r.normal()];
				const pass = forward(mlp, x);
				if (pass.layers[0].z.some((z) => Math.abs(z) < 1e-3)) return;
				expect(gradientCheck(mlp, x, [r.normal(), r.normal()])).toBeLessThan(1e-6);
			}),
			{ numRuns: 40 }
		);
	});

	it('batch gradients are the mean of per-example gradients', () => {
		const mlp = createMlp({ sizes: [2, 3, 1], seed: 4 });
		const xs = [
			[0, 1],
			[1, 0],
			[1, 1]
		];
		const ts = [[1], [1], [0]];
		const { loss, grads } = batchGradients(mlp, xs, ts);
		const mean = xs.reduce((s, x, e) => s + lossAt(mlp, x, ts[e]), 0) / 3;
		expect(loss).toBeCloseTo(mean, 14);
		const g0 = backward(mlp, forward(mlp, xs[0]), ts[0]).layers[0].dW[1][2];
		const g1 = backward(mlp, forward(mlp, xs[1]), ts[1]).layers[0].dW[1][2];
		const g2 = backward(mlp, forward(mlp, xs[2]), ts[2]).layers[0].dW[1][2];
		expect(grads.layers[0].dW[1][2]).toBeCloseTo((g0 + g1 + g2) / 3, 14);
	});
});

describe('backpropSteps', () => {
	it('returns the four steps with the loss before and after, and the loss falls', () => {
		const steps = backpropSteps(createBackpropExample());
		expect(steps.map((s) => s.kind)).toEqual(['target', 'forward', 'backward', 'update']);
		const last = steps[3];
		if (last.kind !== 'update') throw new Error('unreachable');
		expect(last.lossAfter).toBeLessThan(last.lossBefore);
		expect(steps[1].kind === 'forward' && steps[1].lossBefore).toBe(last.lossBefore);
	});

	it('a small step decreases the loss to first order: ΔL ≈ −lr·|∇L|²', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
				const ex = { ...createBackpropExample(seed), lr: 1e-4 };
				const [, , b, u] = backpropSteps(ex);
				if (b.kind !== 'backward' || u.kind !== 'update') throw new Error('unreachable');
				const sq = b.grads.layers.reduce(
					(s, l) => s + l.dW.flat().reduce((a, v) => a + v * v, 0) + l.db.reduce((a, v) => a + v * v, 0),
					0
				);
				const predicted = -1e-4 * sq;
				expect(Math.abs(u.lossAfter - u.lossBefore - predicted)).toBeLessThan(
					1e-6 * Math.max(1, sq) + Math.abs(predicted) * 1e-2
				);
			}),
			{ numRuns: 30 }
		);
	});

	it('training the example on XOR drives the loss down', () => {
		let mlp = createMlp({ sizes: [2, 4, 1], activation: 'tanh', loss: 'cross-entropy', seed: 1 });
		const xs = [
			[0, 0],
			[0, 1],
			[1, 0],
			[1, 1]
		];
		const ts = [[0], [1], [1], [0]];
		const start = batchGradients(mlp, xs, ts).loss;
		for (let i = 0; i < 2000; i++) mlp = update(mlp, batchGradients(mlp, xs, ts).grads, 0.5);
		const end = batchGradients(mlp, xs, ts).loss;
		expect(end).toBeLessThan(0.05);
		expect(end).toBeLessThan(start);
		xs.forEach((x, e) => expect(Math.round(forward(mlp, x).output[0])).toBe(ts[e][0]));
	});
});

describe('backprop: bad input', () => {
	it('rejects bad configurations, inputs, targets and learning rates', () => {
		expect(code(() => createMlp({ sizes: [2] }))).toBe('out-of-range');
		expect(code(() => createMlp({ sizes: [2, 0] }))).toBe('out-of-range');
		expect(code(() => createMlp({ sizes: [2, 1e9] }))).toBe('out-of-range');
		expect(code(() => createMlp({ sizes: [2, 1], activation: 'swish7' as 'relu' }))).toBe('invalid-argument');
		expect(code(() => createMlp({ sizes: [2, 1], loss: 'hinge' as 'mse' }))).toBe('invalid-argument');
		const mlp = createMlp({ sizes: [2, 1] });
		expect(code(() => forward(mlp, [1]))).toBe('shape-mismatch');
		expect(code(() => forward(mlp, [1, NaN]))).toBe('non-finite');
		expect(code(() => lossAt(mlp, [1, 2], [1, 2]))).toBe('shape-mismatch');
		const g = backward(mlp, forward(mlp, [1, 2]), [0]);
		expect(code(() => update(mlp, g, -1))).toBe('invalid-argument');
		expect(code(() => update(mlp, g, NaN))).toBe('invalid-argument');
		expect(code(() => batchGradients(mlp, [], []))).toBe('invalid-argument');
	});
});
