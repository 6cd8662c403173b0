import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import DenseLayer from './DenseLayer.svelte';
import { handLayer } from './fixtures.js';

// Expected values: the hand calculation in fixtures.ts (Z1 = [0.53, −0.52, 0.44], Z2 = [0.398, 0.022]).
describe('DenseLayer on the server', () => {
	it('renders the graph, the matrices and the inspector, touching no browser global', () => {
		const { body } = render(DenseLayer, { props: handLayer });
		expect(body).toContain('la-dense-layer');
		expect(body).toContain('<figure');
		expect(body).toContain('data-sizes="2x3x2"');
		expect(body).toContain('data-firing="2"');
		expect(body).toContain('Illustrative');
		// graph: 2 + 3 + 2 nodes, 2·3 + 3·2 edges
		expect(body.match(/data-target="[xho]\d"/g)).toHaveLength(7);
		expect(body.match(/class="edge /g)).toHaveLength(12);
		// the inspector starts on h1
		expect(body).toContain('a1_1 = ReLU(0.530) = 0.530 → fires');
		// the summary states Z1 and Z2
		expect(body).toContain('Z1 = [0.530, −0.520, 0.440]');
		expect(body).toContain('Z2 = [0.398, 0.0220]');
		for (const m of ['X (1×2)', 'W1 (2×3)', 'Z1 (1×3)', 'A1 (1×3)', 'W2 (3×2)', 'Z2 (1×2)'])
			expect(body).toContain(m);
		expect(body).not.toContain('role="alert"');
	});

	it('renders seeded weights for the default sizes', () => {
		const { body } = render(DenseLayer, {});
		expect(body).toContain('data-sizes="2x3x2"');
		expect(body.match(/class="edge /g)).toHaveLength(12);
		// the same seed renders the same picture
		expect(render(DenseLayer, {}).body).toBe(body);
	});

	it('clamps sizes and shows a message, never throwing', () => {
		const { body } = render(DenseLayer, { props: { inputs: -2, hidden: 1e6, outputs: NaN } });
		expect(body).toContain('data-sizes="1x8x2"');
		expect(body).toContain('role="alert"');
		expect(body).toContain('must be a whole number from 1 to 8');
	});

	it('shows an inline message for mismatched matrices', () => {
		const { body } = render(DenseLayer, { props: { w1: [[1, 2, 3]], w2: [[1], [2]] } });
		expect(body).toContain('role="alert"');
		expect(body).toContain('A1 is 1×3 but W2 is 2×1');
		expect(body).not.toContain('class="edge ');
	});

	it('shows the core’s message when a weighted sum overflows float64', () => {
		// Z1 = 1e200·1e200 = 1e400, past float64's largest value (about 1.8e308)
		const { body } = render(DenseLayer, {
			props: { x: [1e200], w1: [[1e200]], b1: [0], w2: [[1]], b2: [0] }
		});
		expect(body).toContain('role="alert"');
		expect(body).toContain('Z1 row 0 overflows float64');
		expect(body).not.toContain('class="edge ');
	});

	it('treats NaN inputs as 0 with a message', () => {
		const { body } = render(DenseLayer, { props: { ...handLayer, x: [NaN, NaN] } });
		expect(body).toContain('not finite');
		// X = 0 → Z1 = b1 = [0, 0, 0.1]
		expect(body).toContain('Z1 = [0, 0, 0.100]');
	});

	it('shows one view when asked, and Chinese strings', () => {
		const graph = render(DenseLayer, { props: { view: 'graph', locale: 'zh' } }).body;
		expect(graph).toContain('神经元图');
		expect(graph).not.toContain('data-matrix=');
		const matrices = render(DenseLayer, { props: { view: 'matrices' } }).body;
		expect(matrices).not.toContain('class="edge ');
		expect(matrices).toContain('data-matrix="W1"');
	});
});
