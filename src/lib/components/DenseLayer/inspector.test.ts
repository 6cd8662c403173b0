import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../core/ops/activations.js';
import { interpolate } from '../../i18n/messages.js';
import { parseTarget } from './dense-layer.js';
import { handLayer } from './fixtures.js';
import { breakdown, explain } from './inspector.js';
import { denseLayerMessages, type DenseLayerKey } from './messages.js';

const t = (key: DenseLayerKey, params?: Record<string, string | number>) =>
	interpolate(denseLayerMessages.en[key], params);
const input = { ...handLayer, activation: ACTIVATIONS.relu };
const sizes = { inputs: 2, hidden: 3, outputs: 2 };
const text = (target: string) =>
	explain(parseTarget(target, sizes), input, breakdown(input), t)
		.map((l) => l.text)
		.join('\n');

// Expected values: the hand calculation in fixtures.ts.
describe('inspector', () => {
	it('writes out a hidden unit term by term', () => {
		const s = text('h1');
		expect(s).toContain('z1_1 = x1·w1_11 + x2·w1_21 + b1_1');
		expect(s).toContain('= 0.800·0.700 + (−0.300)·0.100 + 0');
		expect(s).toContain('= 0.560 + (−0.0300) + 0 = 0.530');
		expect(s).toContain('a1_1 = ReLU(0.530) = 0.530 → fires');
	});

	it('marks a suppressed unit', () => {
		expect(text('h2')).toContain('a1_2 = ReLU(−0.520) = 0 → suppressed');
	});

	it('writes out an output unit from A1 and W2', () => {
		const s = text('o2');
		expect(s).toContain('z2_2 = a1_1·w2_12 + a1_2·w2_22 + a1_3·w2_32 + b2_2');
		expect(s).toContain('= 0.530·(−1.00) + 0·0.500 + 0.440·0.800 + 0.200');
		expect(s).toMatch(/= 0\.0220$/m);
	});

	it('shows where one input goes', () => {
		const s = text('x2');
		expect(s).toContain('x2·w1_21 = (−0.300)·0.100 = −0.0300 → h1');
		expect(s).toContain('x2·w1_23 = (−0.300)·(−0.600) = 0.180 → h3');
	});

	it('explains each matrix with its shape', () => {
		expect(text('W1')).toContain('W1 (2×3)');
		expect(text('W1')).toContain('Z1 = X·W1 + b1 = [0.530, −0.520, 0.440]');
		expect(text('A1')).toContain('Firing: h1, h3.');
		expect(text('Z2')).toContain('z2_1 = 0.530·1.00 + 0·0.500 + 0.440·(−0.300) + 0 = 0.398');
		expect(text('X')).toContain('X = [0.800, −0.300]');
	});
});
