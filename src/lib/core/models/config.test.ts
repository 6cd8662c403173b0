import { describe, expect, it } from 'vitest';
import { parseHfConfig, validateModelConfig, type HfConfig } from './config.js';
import { AnatomyError } from '../errors.js';
import { MODELS } from './catalogue.js';

function errorOf(fn: () => unknown): AnatomyError {
	try {
		fn();
	} catch (e) {
		if (e instanceof AnatomyError) return e;
		throw e;
	}
	throw new Error('expected an AnatomyError');
}

const LLAMA: HfConfig = {
	model_type: 'llama',
	hidden_size: 64,
	intermediate_size: 128,
	num_hidden_layers: 2,
	num_attention_heads: 4,
	vocab_size: 100
};

describe('parseHfConfig', () => {
	it('reads GPT-2 names and defaults (n_inner null → 4·n_embd, tied, learned positions, biases)', () => {
		const c = parseHfConfig({
			model_type: 'gpt2',
			n_embd: 768,
			n_layer: 12,
			n_head: 12,
			n_inner: null,
			vocab_size: 50257
		});
		expect(c.intermediateSize).toBe(3072);
		expect(c.maxPositions).toBe(1024);
		expect(c.tieWordEmbeddings).toBe(true);
		expect(c.positionEmbedding).toBe('learned');
		expect(c.norm).toBe('layernorm');
		expect(c.bias).toEqual({ qkv: true, attnOut: true, mlp: true, norm: true });
		expect(c.headDim).toBe(64);
	});
	it('missing num_key_value_heads means multi-head attention', () => {
		const c = parseHfConfig(LLAMA);
		expect(c.numKvHeads).toBe(4);
		expect(c.headDim).toBe(16);
		expect(c.tieWordEmbeddings).toBe(false);
		expect(c.ropeTheta).toBe(10000);
	});
	it('Gemma: head_dim differs from hidden/heads; embeddings tied by default', () => {
		const g = MODELS['gemma-7b'].config;
		expect(g.headDim).toBe(256);
		expect(g.numHeads * g.headDim).toBe(4096);
		expect(g.hiddenSize).toBe(3072);
		expect(g.tieWordEmbeddings).toBe(true);
		expect(MODELS['gemma-2-9b'].config.normsPerLayer).toBe(4);
		expect(MODELS['gemma-2-9b'].config.slidingWindow).toEqual({ size: 4096, layers: 21 });
	});
	it('Qwen2 has q/k/v biases but no output bias; its sliding window is off unless enabled', () => {
		const q = MODELS['qwen2.5-7b'].config;
		expect(q.bias.qkv).toBe(true);
		expect(q.bias.attnOut).toBe(false);
		expect(q.slidingWindow).toBeNull();
		expect(MODELS['mistral-7b-v0.1'].config.slidingWindow).toEqual({ size: 4096, layers: 32 });
	});
	it('Llama attention_bias and mlp_bias switch biases on', () => {
		const c = parseHfConfig({ ...LLAMA, attention_bias: true, mlp_bias: true });
		expect(c.bias).toEqual({ qkv: true, attnOut: true, mlp: true, norm: false });
	});
	it('Mixtral reads num_local_experts and num_experts_per_tok', () => {
		expect(MODELS['mixtral-8x7b'].config.moe).toEqual({
			numExperts: 8,
			expertsPerToken: 2,
			expertIntermediateSize: 14336,
			sharedIntermediateSize: 0
		});
	});
	it('infers model_type from architectures', () => {
		const { model_type: _, ...rest } = LLAMA;
		expect(parseHfConfig({ ...rest, architectures: ['MistralForCausalLM'] }).modelType).toBe('mistral');
	});
	it('keeps rope_scaling and torch_dtype', () => {
		const c = MODELS['llama-3.1-8b'].config;
		expect(c.ropeScaling).toMatchObject({ factor: 8, rope_type: 'llama3' });
		expect(c.ropeTheta).toBe(500000);
		expect(c.torchDtype).toBe('bfloat16');
		expect(c.maxPositions).toBe(131072);
	});
});

describe('invalid configs name the field', () => {
	const cases: Array<[string, HfConfig, string]> = [
		['missing hidden_size', { ...LLAMA, hidden_size: undefined }, 'hidden_size'],
		['negative layers', { ...LLAMA, num_hidden_layers: -2 }, 'num_hidden_layers'],
		['NaN heads', { ...LLAMA, num_attention_heads: NaN }, 'num_attention_heads'],
		['fractional vocab', { ...LLAMA, vocab_size: 10.5 }, 'vocab_size'],
		['string width', { ...LLAMA, intermediate_size: '128' as unknown as number }, 'intermediate_size'],
		['heads not dividing hidden', { ...LLAMA, num_attention_heads: 5 }, 'num_attention_heads'],
		['kv heads not dividing heads', { ...LLAMA, num_key_value_heads: 3 }, 'num_key_value_heads'],
		['zero kv heads', { ...LLAMA, num_key_value_heads: 0 }, 'num_key_value_heads'],
		['unknown model_type', { ...LLAMA, model_type: 'bert' }, 'model_type'],
		['no model_type', { hidden_size: 8 }, 'model_type'],
		['bad tie flag', { ...LLAMA, tie_word_embeddings: 'yes' as unknown as boolean }, 'tie_word_embeddings'],
		['negative rope_theta', { ...LLAMA, rope_theta: -1 }, 'rope_theta'],
		[
			'more active experts than experts',
			{ ...LLAMA, model_type: 'mixtral', num_local_experts: 2, num_experts_per_tok: 3 },
			'num_experts_per_tok'
		],
		[
			'mixtral without experts',
			{ ...LLAMA, model_type: 'mixtral', num_experts_per_tok: 2 },
			'num_local_experts'
		],
		[
			'gpt2 heads not dividing',
			{ model_type: 'gpt2', n_embd: 10, n_layer: 1, n_head: 3, vocab_size: 5 },
			'n_head'
		]
	];
	for (const [name, raw, field] of cases) {
		it(name, () => {
			const e = errorOf(() => parseHfConfig(raw));
			expect(e.code).toBe('invalid-config');
			expect(e.message).toContain(`'${field}'`);
		});
	}
	it('non-objects', () => {
		expect(errorOf(() => parseHfConfig(null as unknown as HfConfig)).code).toBe('invalid-config');
		expect(errorOf(() => parseHfConfig([] as unknown as HfConfig)).code).toBe('invalid-config');
	});
	it('validateModelConfig checks hand-built configs', () => {
		const c = parseHfConfig(LLAMA);
		expect(validateModelConfig(c)).toBe(c);
		expect(errorOf(() => validateModelConfig({ ...c, numLayers: 0 })).message).toContain("'numLayers'");
		expect(errorOf(() => validateModelConfig({ ...c, numKvHeads: 3 })).message).toContain("'numKvHeads'");
	});
});
