import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import KVCacheMeter from './KVCacheMeter.svelte';

describe('KVCacheMeter on the server', () => {
	it('renders Llama 3 8B at 8,192 tokens with a 1.00 GiB cache, touching no browser global', () => {
		// 2 · 32 layers · 8 KV heads · 128 · 8192 tokens · 2 B = 1,073,741,824 B = 1.00 GiB
		const { body } = render(KVCacheMeter, { props: {} });
		expect(body).toContain('la-kv-cache-meter');
		expect(body).toContain('<figure');
		expect(body).toContain('At 8,192 tokens: 1.00 GiB');
		expect(body).toContain('Nothing computed yet');
		expect(body).toContain('data-kind="real"');
		expect(body).toContain('GiB, MiB and KiB are binary');
		// GQA card uses num_key_value_heads = 8: 128 KiB per token
		expect(body).toMatch(/data-variant="GQA"[\s\S]*?128 KiB/);
	});

	it('renders a chosen step with its phase and counts', () => {
		// prompt 16, step index 3: with a cache 16 + 3 = 19 rows; without, 16 + 17 + 18 + 19 = 70
		const { body } = render(KVCacheMeter, { props: { step: 3, promptTokens: 16 } });
		expect(body).toContain('data-phase="decode"');
		expect(body).toMatch(/data-testid="rows-noCache"[^>]*>70</);
		expect(body).toMatch(/data-testid="rows-cache"[^>]*>19</);
	});

	it('renders Chinese strings', () => {
		expect(render(KVCacheMeter, { props: { locale: 'zh' } }).body).toContain('逐个词元看 KV 缓存');
	});

	it('clamps NaN, negative and absurd sizes with an inline message', () => {
		const nan = render(KVCacheMeter, { props: { contextLength: NaN } }).body;
		expect(nan).toContain('role="alert"');
		expect(nan).toContain('not a number; using 8,192');
		const negative = render(KVCacheMeter, { props: { contextLength: -100 } }).body;
		expect(negative).toContain('at least 1; using 1');
		const huge = render(KVCacheMeter, { props: { contextLength: 1e9 } }).body;
		expect(huge).toContain('Llama 3 8B reads at most 8,192 positions');
		expect(huge).toContain('At 8,192 tokens: 1.00 GiB');
		const batch = render(KVCacheMeter, { props: { batch: -3, promptTokens: 1e9 } }).body;
		expect(batch).toContain('Batch (sequences): at least 1');
		expect(batch).toContain('Prompt tokens: at most 8,192');
	});

	it('shows a message for an unknown model or invalid config, and handles a 1e15-parameter config', () => {
		expect(render(KVCacheMeter, { props: { model: 'gpt-5' } }).body).toContain('unknown model');
		expect(render(KVCacheMeter, { props: { model: { model_type: 'llama' } } }).body).toContain(
			'role="alert"'
		);
		// 1,000 layers × 1,000 KV heads × 128 × 2 × 2 B = 512,000,000 B per token
		const { body } = render(KVCacheMeter, {
			props: {
				model: {
					model_type: 'llama',
					hidden_size: 128_000,
					intermediate_size: 512_000,
					num_hidden_layers: 1000,
					num_attention_heads: 1000,
					vocab_size: 1000,
					max_position_embeddings: 1_000_000_000
				},
				contextLength: 1_000_000_000
			}
		});
		expect(body).not.toContain('NaN');
		expect(body).toContain('488 MiB per token');
		expect(body).toContain('data-kind="illustrative"');
	});
});
