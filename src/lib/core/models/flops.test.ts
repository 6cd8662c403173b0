import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFlops, flopsDims, forwardFlopsPerToken, prefillFlops, trainingFlops } from './flops.js';
import { parseHfConfig } from './config.js';
import { AnatomyError } from '../errors.js';

describe('forward FLOPs per token', () => {
	it('Llama 3 8B: N = 8,030,261,248 − 525,336,576 (embedding) = 7,504,924,672', () => {
		const d = flopsDims('llama-3-8b');
		expect(d.matmulParameters).toBe(7_504_924_672);
		expect(d.attentionDim).toBe(4096);
		// context 0: 2N; context 8192 (Kaplan): + 2·32·8192·4096 = 2,147,483,648
		expect(forwardFlopsPerToken('llama-3-8b', 0)).toBe(15_009_849_344);
		expect(forwardFlopsPerToken('llama-3-8b', 8192)).toBe(15_009_849_344 + 2_147_483_648);
		// 'full' also counts A·V: twice the attention term
		expect(forwardFlopsPerToken('llama-3-8b', 8192, { attention: 'full' })).toBe(
			15_009_849_344 + 4_294_967_296
		);
	});
	it('tied GPT-2 still multiplies by its unembedding: N = 85,056,000 non-embedding + 38,597,376', () => {
		expect(flopsDims('gpt2').matmulParameters).toBe(123_653_376);
	});
	it('MoE counts only the active experts: Mixtral 8x7B N = 12,879,925,248 − 131,072,000', () => {
		expect(flopsDims('mixtral-8x7b').matmulParameters).toBe(12_879_925_248 - 131_072_000);
	});
	it('Kaplan et al.: a GPT-style layer is 12·d² parameters, so C ≈ 24·L·d² + 2·L·ctx·d per token', () => {
		const c = parseHfConfig({
			model_type: 'gpt2',
			n_embd: 64,
			n_layer: 3,
			n_head: 4,
			vocab_size: 10,
			n_positions: 16
		});
		// Exact N here also has biases and LayerNorms (13·d per layer + 2·d final) and the head (10·64).
		const N = 3 * (12 * 64 * 64 + 13 * 64) + 2 * 64 + 10 * 64;
		expect(forwardFlopsPerToken(c, 16)).toBe(2 * N + 2 * 3 * 16 * 64);
	});
	it('decode at context c is one forward token at c', () => {
		expect(decodeFlops('llama-3-8b', 100)).toBe(forwardFlopsPerToken('llama-3-8b', 100));
	});
});

describe('prefill', () => {
	it('equals the sum of per-token costs over causal contexts 1..p', () => {
		const dims = { matmulParameters: 1000, numLayers: 3, attentionDim: 8 };
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 300 }),
				fc.constantFrom('kaplan' as const, 'full' as const),
				(p, attention) => {
					let sum = 0;
					for (let t = 1; t <= p; t++) sum += forwardFlopsPerToken(dims, t, { attention });
					expect(prefillFlops(dims, p, { attention })).toBe(sum);
				}
			)
		);
	});
	it('for a 1-token prompt equals one token at context 1', () => {
		expect(prefillFlops('llama-3-8b', 1)).toBe(forwardFlopsPerToken('llama-3-8b', 1));
	});
});

describe('training FLOPs 6·N·D', () => {
	it('GPT-3 175B on 300B tokens ≈ 3.14e23 (Brown et al. 2020, Table D.1)', () => {
		expect(trainingFlops(175e9, 300e9) / 3.14e23).toBeCloseTo(1, 2);
	});
	it('Llama 3.1 405B on 15.6T tokens ≈ 3.8e25 (The Llama 3 Herd of Models, §3.2.1)', () => {
		expect(trainingFlops('llama-3.1-405b', 15.6e12) / 3.8e25).toBeCloseTo(1, 2);
	});
	it('MoE trains on its active parameters', () => {
		expect(trainingFlops('mixtral-8x7b', 1)).toBe(6 * 12_879_925_248);
	});
	it('absurd sizes stay finite; bad input throws', () => {
		expect(trainingFlops(1e15, 2e16)).toBe(1.2e32);
		expect(() => trainingFlops(NaN, 1)).toThrow(AnatomyError);
		expect(() => trainingFlops(1, -1)).toThrow(AnatomyError);
		expect(() => forwardFlopsPerToken('llama-3-8b', -1)).toThrow(AnatomyError);
		expect(() => forwardFlopsPerToken('llama-3-8b', 1, { attention: 'x' as never })).toThrow(AnatomyError);
		expect(() => forwardFlopsPerToken({ matmulParameters: NaN, numLayers: 1, attentionDim: 1 }, 1)).toThrow(
			AnatomyError
		);
	});
});
