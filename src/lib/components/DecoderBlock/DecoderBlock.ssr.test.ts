import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import DecoderBlock from './DecoderBlock.svelte';

describe('DecoderBlock on the server', () => {
	it('draws Llama 3 8B with its published dimensions and the block total, touching no browser global', () => {
		const { body } = render(DecoderBlock, { props: {} });
		expect(body).toContain('la-decoder-block');
		expect(body).toContain('<svg');
		expect(body).toContain('<figure');
		// meta-llama/Meta-Llama-3-8B: d 4096, 32 query heads, 8 KV heads of 128, f 14336, 32 layers
		expect(body).toContain('Causal GQA + RoPE');
		expect(body).toContain('32 Q · 8 KV heads × 128');
		expect(body).toContain('4,096 → 14,336 → 4,096');
		expect(body).toContain('× 32 layers');
		// per layer: attention 41,943,040 + MLP 176,160,768 + 2 · 4096 norms = 218,112,000; × 32
		expect(body).toContain('218,112,000 × 32 layers = 6,979,584,000');
		expect(body).toContain('data-part="attention"');
		expect(body).toContain('data-kind="real"');
	});

	it('draws the GPT-2 block: LayerNorm, GELU MLP, no RoPE', () => {
		const { body } = render(DecoderBlock, { props: { model: 'gpt2', part: 'mlp' } });
		expect(body).toContain('LayerNorm');
		expect(body).toContain('GELU MLP');
		expect(body).toContain('768 → 3,072 → 768');
		expect(body).toContain('Causal MHA<');
		expect(body).not.toContain('RoPE<');
		// 768·3072 + 3072 + 3072·768 + 768 = 4,722,432 per layer
		expect(body).toContain('4,722,432');
		expect(body).toContain('data-style="gpt2"');
	});

	it('renders Chinese strings', () => {
		const { body } = render(DecoderBlock, { props: { locale: 'zh' } });
		expect(body).toContain('一个解码器块');
	});

	it('shows an inline message for an unknown id or an invalid config instead of throwing', () => {
		const unknown = render(DecoderBlock, { props: { model: 'llama-9' } });
		expect(unknown.body).toContain('role="alert"');
		expect(unknown.body).toContain('unknown model');
		const nan = render(DecoderBlock, {
			props: { model: { model_type: 'llama', hidden_size: NaN, num_hidden_layers: 2 } }
		});
		expect(nan.body).toContain('role="alert"');
		expect(nan.body).toContain('hidden_size');
		const negative = render(DecoderBlock, {
			props: {
				model: {
					model_type: 'llama',
					hidden_size: 64,
					intermediate_size: 128,
					num_hidden_layers: -2,
					num_attention_heads: 4,
					vocab_size: 10
				}
			}
		});
		expect(negative.body).toContain('num_hidden_layers');
	});

	it('counts an absurd 1e15-parameter config without overflow', () => {
		// d = 1e6, f = 4e6, 100 layers: attention 4·1e12 + MLP 3·4e12 = 1.6e13 per layer (+ 2e6 norms)
		const { body } = render(DecoderBlock, {
			props: {
				model: {
					model_type: 'llama',
					hidden_size: 1_000_000,
					intermediate_size: 4_000_000,
					num_hidden_layers: 100,
					num_attention_heads: 1000,
					vocab_size: 1000
				}
			}
		});
		expect(body).not.toContain('role="alert"');
		expect(body).toContain('16,000,002,000,000 × 100 layers = 1,600,000,200,000,000');
		expect(body).toContain('data-kind="illustrative"');
	});

	it('clamps a NaN or negative sequence length', () => {
		expect(render(DecoderBlock, { props: { sequenceLength: NaN } }).body).toContain('[8 × 4,096]');
		expect(render(DecoderBlock, { props: { sequenceLength: -5 } }).body).toContain('[1 × 4,096]');
		expect(render(DecoderBlock, { props: { sequenceLength: 1e9 } }).body).toContain('[8,192 × 4,096]');
	});
});
