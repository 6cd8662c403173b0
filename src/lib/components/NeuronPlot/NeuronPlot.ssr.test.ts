import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import NeuronPlot from './NeuronPlot.svelte';

// Hand calculation for the default neuron:
// z = 1.1·0.7 + (−0.85)·(−0.25) + 0.55·0.45 + 0 = 0.77 + 0.2125 + 0.2475 = 1.23.
// GELU(1.23) = 1.23·Φ(1.23) = 1.23 · 0.89065 (normal table) = 1.0955 → "1.10" at 3 significant digits.
describe('NeuronPlot on the server', () => {
	it('renders the figure, the written-out sum, the curve and the output without browser globals', () => {
		const { body } = render(NeuronPlot, {});
		expect(body).toContain('la-neuron-plot');
		expect(body).toContain('<figure');
		expect(body).toContain('data-activation="gelu"');
		expect(body).toMatch(/data-z="1\.23/);
		expect(body).toContain('<strong data-testid="z">1.23</strong>');
		expect(body).toContain('<strong data-testid="output">1.10</strong>');
		expect(body).toContain('data-testid="activation-curve"');
		expect(body).not.toContain('data-testid="derivative-curve"');
		expect(body).toContain('role="img"');
		expect(body).toContain('Illustrative');
		expect(body).not.toContain('role="alert"');
		// three inputs, three weights and a bias: seven sliders
		expect(body.match(/type="range"/g)).toHaveLength(7);
	});

	it('renders ReLU with the derivative and its own readout', () => {
		// ReLU(1.23) = 1.23; ReLU′(1.23) = 1
		const { body } = render(NeuronPlot, { props: { activation: 'relu', showDerivative: true } });
		expect(body).toContain('<strong data-testid="output">1.23</strong>');
		expect(body).toContain('data-testid="derivative-curve"');
		expect(body).toContain('f′(1.23) = 1');
	});

	it('shows an inline message instead of throwing on NaN, mismatched lengths and unknown activations', () => {
		const { body } = render(NeuronPlot, {
			props: { inputs: [NaN, 1], weights: [2], bias: Infinity, activation: 'bogus' as never }
		});
		expect(body).toContain('role="alert"');
		expect(body).toContain('not finite');
		expect(body).toContain('2 inputs but 1 weights');
		expect(body).toContain('Unknown activation “bogus”');
		// x = [0, 1], w = [2, 0], b = 0 → z = 0
		expect(body).toContain('<strong data-testid="z">0</strong>');
	});

	it('shows the core’s message when the weighted sum overflows float64', () => {
		// 1e200·1e200 = 1e400 is past float64's largest value, about 1.8e308
		const { body } = render(NeuronPlot, { props: { inputs: [1e200], weights: [1e200], bias: 0 } });
		expect(body).toContain('role="alert"');
		expect(body).toContain('overflows float64');
		expect(body).not.toContain('data-testid="z"');
		expect(body).not.toContain('data-z=');
	});

	it('renders an empty neuron as one input at 0, and speaks Chinese when asked', () => {
		const { body } = render(NeuronPlot, { props: { inputs: [], weights: [], locale: 'zh' } });
		expect(body).toContain('单个神经元');
		expect(body).toContain('没有给出输入');
		expect(body.match(/type="range"/g)).toHaveLength(3);
	});

	it('hides the controls when asked', () => {
		const { body } = render(NeuronPlot, { props: { showControls: false } });
		expect(body).not.toContain('type="range"');
		expect(body).not.toContain('<select');
	});
});
