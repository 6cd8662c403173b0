import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import QuantMatrix from './QuantMatrix.svelte';

const cells = (body: string) => [...body.matchAll(/role="gridcell"[^>]*>([^<]*)</g)].map((m) => m[1].trim());

describe('QuantMatrix on the server', () => {
	it('renders the seeded 6 × 8 grid, its statistics and the model size, touching no browser global', () => {
		const { body } = render(QuantMatrix, { props: {} });
		expect(body).toContain('la-quant-matrix');
		expect(body).toContain('role="grid"');
		expect(cells(body)).toHaveLength(48);
		expect(body).toContain('data-format="int8"');
		// Llama 3 8B in bf16: 8,030,261,248 · 2 B = 16,060,522,496 B = 14.96 GiB
		expect(body).toContain('In BF16: 15.0 GiB.');
	});

	it('stores [−1, 0, 0.5, 1] in symmetric int8 as [−127, 0, 64, 127]', () => {
		// s = 1/127; 0.5 · 127 = 63.5 → 64 (round half to even)
		const { body } = render(QuantMatrix, {
			props: { values: [-1, 0, 0.5, 1], rows: 1, cols: 4, format: 'int8', show: 'code' }
		});
		expect(cells(body)).toEqual(['−127', '0', '64', '127']);
		expect(body).toContain('s = 0.0078740');
	});

	it('shows FP16 bit patterns and says there is no scale', () => {
		const { body } = render(QuantMatrix, {
			props: { values: [-1, 0, 0.5, 1], rows: 2, cols: 2, format: 'fp16', show: 'code' }
		});
		expect(cells(body)).toEqual(['0xBC00', '0x0000', '0x3800', '0x3C00']);
		expect(body).toContain('No scale');
	});

	it('renders Chinese strings', () => {
		expect(render(QuantMatrix, { props: { locale: 'zh' } }).body).toContain('低精度下的权重矩阵');
	});

	it('shows an inline message for NaN, a shape mismatch, negative or absurd sizes', () => {
		const nan = render(QuantMatrix, { props: { values: [1, NaN, 0, 2], rows: 2, cols: 2 } }).body;
		expect(nan).toContain('role="alert"');
		expect(nan).toContain('non-finite');
		const shape = render(QuantMatrix, { props: { values: [1, 2, 3], rows: 2, cols: 2 } }).body;
		expect(shape).toContain('rows × cols');
		expect(render(QuantMatrix, { props: { rows: -3 } }).body).toContain('role="alert"');
		expect(render(QuantMatrix, { props: { rows: 1e9, cols: 1e9 } }).body).toContain('role="alert"');
		const empty = render(QuantMatrix, { props: { values: [], rows: 0, cols: 0 } }).body;
		expect(empty).toContain('role="alert"');
	});

	it('clamps a NaN or oversized group size', () => {
		const { body } = render(QuantMatrix, {
			props: { values: [1, 2, 3, 4], rows: 1, cols: 4, granularity: 'group', groupSize: NaN }
		});
		expect(body).not.toContain('role="alert"');
		const big = render(QuantMatrix, {
			props: { values: [1, 2, 3, 4], rows: 1, cols: 4, granularity: 'group', groupSize: 1e9 }
		}).body;
		expect(big).not.toContain('role="alert"');
	});

	it('sizes a 1e15-parameter config without failing', () => {
		// d = 1e6, f = 4e6, 60 layers ≈ 0.96e15 parameters; bf16 ≈ 1.9e15 B
		const { body } = render(QuantMatrix, {
			props: {
				model: {
					model_type: 'llama',
					hidden_size: 1_000_000,
					intermediate_size: 4_000_000,
					num_hidden_layers: 60,
					num_attention_heads: 1000,
					vocab_size: 1000
				}
			}
		});
		expect(body).toContain('PiB');
		expect(body).not.toContain('NaN');
	});
});
