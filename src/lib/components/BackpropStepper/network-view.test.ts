import { describe, expect, it } from 'vitest';
import { backward, createMlp, forward } from '../../core/train/backprop.js';
import {
	allWeights,
	biasName,
	chainRule,
	layoutUnits,
	parseWeight,
	placeEdgeLabels,
	subscript,
	unitLabels,
	weightKey,
	weightName
} from './network-view.js';

const sizes = [2, 2, 3];
const labels = unitLabels(sizes, ['x₁', 'x₂'], ['zero', 'liftoff', 'go']);

describe('names', () => {
	it('names units by layer: inputs, h₁ h₂, then the tokens', () => {
		expect(labels).toEqual([
			['x₁', 'x₂'],
			['h₁', 'h₂'],
			['zero', 'liftoff', 'go']
		]);
		expect(subscript(12)).toBe('₁₂');
		expect(unitLabels([1, 1, 1, 2], [], [])).toEqual([['x₁'], ['h₁'], ['g₁'], ['y₁', 'y₂']]);
	});

	it('names weights and biases by the units they join', () => {
		expect(weightName({ layer: 0, from: 1, to: 0 }, labels)).toBe('w(x₂→h₁)');
		expect(weightName({ layer: 1, from: 0, to: 2 }, labels)).toBe('w(h₁→go)');
		expect(biasName(1, 1, labels)).toBe('b(liftoff)');
	});

	it('lists every weight once: 2·2 + 2·3 = 10', () => {
		const all = allWeights(sizes);
		expect(all).toHaveLength(10);
		expect(new Set(all.map(weightKey)).size).toBe(10);
	});

	it('parses weight keys and rejects malformed or out-of-range ones', () => {
		expect(parseWeight('1:1:2', sizes)).toEqual({ layer: 1, from: 1, to: 2 });
		for (const bad of ['2:0:0', '0:2:0', '0:0:2', '1:0:3', 'x', '', '0:0', '-1:0:0'])
			expect(parseWeight(bad, sizes)).toBeNull();
	});
});

describe('layout', () => {
	it('spreads layers over the width and units over the height, centring a single unit', () => {
		const pos = layoutUnits([2, 1, 3], 500, 300, { x: 50, y: 30 });
		expect(pos[0].map((p) => p.x)).toEqual([50, 50]);
		expect(pos[1][0]).toEqual({ x: 250, y: 150 });
		expect(pos[2].map((p) => p.y)).toEqual([30, 150, 270]);
	});
	it('places edge labels on their edges without overlapping each other or a unit', () => {
		// a complete 3 → 3 layer: nine edges, six of them crossing in the middle
		const pos = layoutUnits([3, 3], 300, 240, { x: 40, y: 30 });
		const edges: { x1: number; y1: number; x2: number; y2: number; text: string }[] = [];
		for (const a of pos[0])
			for (const b of pos[1]) edges.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, text: '−0.123' });
		const spots = placeEdgeLabels(edges, [...pos[0], ...pos[1]], 20);
		const w = 6 * 6.4 + 4;
		spots.forEach((s, k) => {
			const e = edges[k];
			// on the edge: the cross product of (s − start) and (end − start) is 0
			expect(Math.abs((s.x - e.x1) * (e.y2 - e.y1) - (s.y - e.y1) * (e.x2 - e.x1))).toBeLessThan(1e-6);
			for (let m = 0; m < k; m++) {
				const o = spots[m];
				expect(Math.abs(s.x - o.x) >= w || Math.abs(s.y - o.y) >= 13).toBe(true);
			}
			for (const u of [...pos[0], ...pos[1]]) expect(Math.hypot(s.x - u.x, s.y - u.y)).toBeGreaterThan(20);
		});
	});
});

describe('chainRule', () => {
	const mlp = createMlp({ sizes, activation: 'tanh', loss: 'cross-entropy', seed: 4 });
	const x = [0.8, -0.4];
	const t = [1, 0, 0];
	const pass = forward(mlp, x);
	const grads = backward(mlp, pass, t);

	it('for an output weight: (p − t)·a, with a the hidden activation feeding it', () => {
		const r = chainRule(mlp, pass, grads, t, { layer: 1, from: 1, to: 0 }, 'tanh', labels);
		if (r.kind !== 'output') throw new Error('expected an output weight');
		expect(r.dz).toBeCloseTo(r.y - r.t, 15);
		expect(r.aPrev).toBe(pass.layers[0].a[1]);
		expect(r.grad).toBeCloseTo(r.dz * r.aPrev, 15);
		expect(r.t).toBe(1);
	});

	it('for a hidden weight: (Σ ∂L/∂z′·w)·tanh′(z)·x, with tanh′(z) = 1 − tanh(z)²', () => {
		const r = chainRule(mlp, pass, grads, t, { layer: 0, from: 0, to: 1 }, 'tanh', labels);
		if (r.kind !== 'hidden') throw new Error('expected a hidden weight');
		expect(r.terms.map((k) => k.unit)).toEqual(['zero', 'liftoff', 'go']);
		expect(r.terms.reduce((s, k) => s + k.dz * k.w, 0)).toBeCloseTo(r.da, 15);
		expect(r.fPrime).toBeCloseTo(1 - Math.tanh(r.z) ** 2, 15);
		expect(r.aPrev).toBe(0.8);
		expect(r.grad).toBeCloseTo(r.da * r.fPrime * r.aPrev, 15);
	});
});
