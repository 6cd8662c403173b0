import { describe, expect, it } from 'vitest';
import { MODEL_IDS, MODELS } from '../../core/models/catalogue.js';
import { countParameters } from '../../core/models/parameters.js';
import { attentionKind, decoderLayout, gatedName } from './parts.js';

const layoutOf = (id: string) => {
	const c = MODELS[id].config;
	return decoderLayout(c, countParameters(c));
};
const part = (l: ReturnType<typeof layoutOf>, id: string) => l.parts.find((p) => p.id === id)!;

describe('decoderLayout', () => {
	it('splits one Llama 3 8B layer as the published config implies', () => {
		// d = 4096, 32 query heads and 8 KV heads of 128, f = 14336 (meta-llama/Meta-Llama-3-8B config.json)
		const l = layoutOf('llama-3-8b');
		// q 4096·4096 + k 1024·4096 + v 1024·4096 + o 4096·4096 = 16,777,216·2 + 4,194,304·2
		expect(part(l, 'attention').perLayer).toBe(41_943_040);
		// gate, up, down: 3 · 4096 · 14336
		expect(part(l, 'mlp').perLayer).toBe(176_160_768);
		expect(part(l, 'norm1').perLayer).toBe(4096);
		expect(part(l, 'norm2').perLayer).toBe(4096);
		expect(l.perLayer).toBe(218_112_000);
		expect(l.blockTotal).toBe(6_979_584_000);
		// 8,030,261,248 = blocks + 2 · 128256 · 4096 (embedding, LM head) + 4096 (final norm)
		expect(l.modelTotal).toBe(8_030_261_248);
		expect(l.parts.map((p) => p.id)).toEqual([
			'input',
			'norm1',
			'attention',
			'add1',
			'norm2',
			'mlp',
			'add2',
			'output'
		]);
	});

	it('gives GPT-2 small its LayerNorm biases and fused-attention totals', () => {
		// d = 768, f = 3072: attention 768·2304 + 2304 + 768·768 + 768 = 2,362,368;
		// MLP 768·3072 + 3072 + 3072·768 + 768 = 4,722,432; each LayerNorm 2·768
		const l = layoutOf('gpt2');
		expect(part(l, 'attention').perLayer).toBe(2_362_368);
		expect(part(l, 'mlp').perLayer).toBe(4_722_432);
		expect(part(l, 'norm1').perLayer).toBe(1536);
		expect(l.perLayer).toBe(7_087_872);
		expect(l.blockTotal).toBe(85_054_464);
		// wte 50257·768 + wpe 1024·768 + ln_f 2·768, the LM head tied to wte
		expect(l.outside.reduce((s, t) => s + t.count * t.copies, 0)).toBe(38_597_376 + 786_432 + 1536);
	});

	it('shows Mixtral experts as stored and as used per token', () => {
		// 8 experts of 3 · 4096 · 14336, 2 routed per token, router 8 · 4096
		const mlp = part(layoutOf('mixtral-8x7b'), 'mlp');
		expect(mlp.perLayer).toBe(8 * 176_160_768 + 32_768);
		expect(mlp.activePerLayer).toBe(2 * 176_160_768 + 32_768);
	});

	it('draws the post-norms of Gemma 2', () => {
		const l = layoutOf('gemma-2-9b');
		expect(l.parts.map((p) => p.id)).toContain('postAttnNorm');
		expect(part(l, 'postMlpNorm').perLayer).toBe(3584);
	});

	it('accounts for every parameter of every catalogue model', () => {
		for (const id of MODEL_IDS) {
			const c = MODELS[id].config;
			const count = countParameters(c);
			const l = decoderLayout(c, count);
			const inParts = l.parts.reduce((s, p) => s + p.perLayer, 0);
			expect(inParts, id).toBe(count.perLayer);
			const outside = l.outside.reduce((s, t) => s + t.count * t.copies, 0);
			expect(l.blockTotal + outside, id).toBe(count.total);
		}
	});
});

describe('names', () => {
	it('names gated MLPs by their activation and attention by its head counts', () => {
		expect(gatedName('silu')).toBe('SwiGLU');
		expect(gatedName('gelu_pytorch_tanh')).toBe('GeGLU');
		expect(attentionKind({ numHeads: 32, numKvHeads: 32 })).toBe('MHA');
		expect(attentionKind({ numHeads: 32, numKvHeads: 8 })).toBe('GQA');
		expect(attentionKind({ numHeads: 32, numKvHeads: 1 })).toBe('MQA');
	});
});
