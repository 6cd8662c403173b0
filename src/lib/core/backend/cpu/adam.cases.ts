/**
 * Golden cases for one AdamW step, run on every backend by the conformance runner. Expected values
 * are worked by hand (shown in each `source`), not produced by the code under test.
 */
import type { AdamOptions } from '../types.js';

export interface AdamCase {
	readonly name: string;
	readonly inputs: {
		readonly params: readonly number[];
		readonly grads: readonly number[];
		readonly m: readonly number[];
		readonly v: readonly number[];
		readonly options: AdamOptions;
	};
	readonly expected: {
		readonly params: readonly number[];
		readonly m: readonly number[];
		readonly v: readonly number[];
	};
	readonly source: string;
}

export const adamCases: readonly AdamCase[] = [
	{
		name: 'first step, with weight decay',
		inputs: { params: [1], grads: [0.5], m: [0], v: [0], options: { lr: 0.1, weightDecay: 0.01, t: 1 } },
		expected: { params: [0.899000002], m: [0.05], v: [0.00025] },
		source:
			'hand: m = 0.1·0.5, v = 0.001·0.25, m̂ = 0.5, v̂ = 0.25, p = 1 − 0.1·0.01 − 0.1·0.5/(0.5 + 1e-8) = 0.899000002'
	},
	{
		name: 'second step, gradient changes sign',
		inputs: {
			params: [0.899000002],
			grads: [-0.25],
			m: [0.05],
			v: [0.00025],
			options: { lr: 0.1, weightDecay: 0.01, t: 2 }
		},
		expected: { params: [0.8714673], m: [0.02], v: [0.00031225] },
		source:
			'hand: m = 0.045 − 0.025, v = 0.999·2.5e-4 + 0.001·0.0625, m̂ = 0.02/0.19, v̂ = 3.1225e-4/0.001999, ' +
			'p = 0.899000002·0.999 − 0.1·0.1052632/0.3952254 = 0.8714673'
	},
	{
		name: 'first step moves each weight by lr·sign(g), zero gradient leaves it',
		inputs: {
			params: [0, 0, 2, -3],
			grads: [1000, -0.001, 0, 4],
			m: [0, 0, 0, 0],
			v: [0, 0, 0, 0],
			options: { lr: 0.01, t: 1 }
		},
		expected: { params: [-0.01, 0.01, 2, -3.01], m: [100, -0.0001, 0, 0.4], v: [1000, 1e-9, 0, 0.016] },
		source:
			'hand: at t = 1, m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε) ≈ lr·sign(g); m = 0.1·g, v = 0.001·g²'
	}
];
