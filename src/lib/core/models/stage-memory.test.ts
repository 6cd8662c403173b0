import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { MODEL_IDS } from './catalogue.js';
import { LIFECYCLE_STAGES, loraParameters, stageMemory } from './stage-memory.js';

// Published parameter counts (Hugging Face model cards / PEFT output):
// Llama 2 7B 6,738,415,616; Llama 3.1 8B 8,030,261,248.
const LLAMA2_7B = 6_738_415_616;
const LLAMA31_8B = 8_030_261_248;

describe('loraParameters', () => {
	it('matches PEFT on Llama 2 7B with r = 8 on q_proj and v_proj: 4,194,304 trainable parameters', () => {
		// PEFT's README prints "trainable params: 4,194,304 || all params: 6,742,609,920" for this setup;
		// by hand: 32 layers · 2 matrices · 8 · (4096 + 4096) = 4,194,304.
		expect(loraParameters('llama-2-7b', { rank: 8, targets: ['q_proj', 'v_proj'] })).toBe(4_194_304);
		expect(LLAMA2_7B + 4_194_304).toBe(6_742_609_920);
	});

	it('counts GQA projections by their own shapes (Llama 3.1 8B: k and v are 1024 × 4096)', () => {
		// per layer, r = 1: q 4096+4096, k 1024+4096, v 1024+4096, o 4096+4096 = 26,624; × 32 layers
		expect(loraParameters('llama-3.1-8b', { rank: 1 })).toBe(26_624 * 32);
		expect(loraParameters('llama-3.1-8b', { rank: 16 })).toBe(26_624 * 32 * 16);
	});

	it('rejects a rank that is not a positive integer', () => {
		for (const rank of [0, -1, 1.5, NaN]) {
			expect(() => loraParameters('llama-2-7b', { rank })).toThrow(AnatomyError);
		}
	});
});

describe('stageMemory', () => {
	it('inference: bf16 weights (2 B per parameter) plus a KV cache of 128 KiB per token (Llama 3.1 8B)', () => {
		const m = stageMemory('llama-3.1-8b', { stage: 'inference', sequenceLength: 8192 });
		expect(m.weights).toBe(2 * LLAMA31_8B);
		// 2 (K and V) · 32 layers · 8 KV heads · 128 dims · 2 B = 131,072 B per token; · 8192 = 1 GiB
		expect(m.kvCache).toBe(131_072 * 8192);
		expect(m.kvCache).toBe(2 ** 30);
		expect(m.trainingState).toBe(0);
		expect(m.activations).toBe(0);
		expect(m.trainableParameters).toBe(0);
		expect(m.workingSet).toBe(2 * LLAMA31_8B + 2 ** 30);
	});

	it('pretraining in mixed precision: 2 B weights + 14 B of gradients, master weights and Adam moments', () => {
		const m = stageMemory('llama-3.1-8b', { stage: 'pretrain', sequenceLength: 4096 });
		expect(m.weights).toBe(2 * LLAMA31_8B);
		expect(m.trainingStateParts).toEqual({
			adapterWeights: 0,
			gradients: 2 * LLAMA31_8B,
			masterWeights: 4 * LLAMA31_8B,
			optimizerStates: 8 * LLAMA31_8B
		});
		expect(m.trainingState).toBe(14 * LLAMA31_8B);
		// Korthikanti et al. 2022: per layer s·b·h·(34 + 5·a·s/h) with s = 4096, b = 1, h = 4096, a = 32:
		// 16,777,216 · (34 + 160) = 3,254,779,904 B; · 32 layers = 104,152,956,928 B.
		expect(m.activations).toBe(104_152_956_928);
		expect(m.kvCache).toBe(0);
		expect(m.trainableParameters).toBe(LLAMA31_8B);
		expect(m.workingSet).toBe(16 * LLAMA31_8B + 104_152_956_928);
	});

	it('activation checkpointing keeps only each layer input: 2·s·b·h per layer', () => {
		const m = stageMemory('llama-3.1-8b', { stage: 'pretrain', sequenceLength: 4096, recompute: 'full' });
		expect(m.activations).toBe(2 * 4096 * 4096 * 32);
	});

	it('fp32 training: 4 B weights, 4 B gradients, no master copy, 8 B of Adam moments', () => {
		const m = stageMemory('llama-2-7b', { stage: 'finetune-full', precision: 'fp32', sequenceLength: 0 });
		expect(m.weights).toBe(4 * LLAMA2_7B);
		expect(m.trainingStateParts.gradients).toBe(4 * LLAMA2_7B);
		expect(m.trainingStateParts.masterWeights).toBe(0);
		expect(m.trainingStateParts.optimizerStates).toBe(8 * LLAMA2_7B);
		expect(m.activations).toBe(0);
	});

	it('full training cannot use a quantised format: falls back to bf16 and says so', () => {
		const m = stageMemory('llama-2-7b', { stage: 'pretrain', precision: 'int4', sequenceLength: 1 });
		expect(m.precisionAdjusted).toBe(true);
		expect(m.weightFormat).toBe('bf16');
		expect(m.weights).toBe(2 * LLAMA2_7B);
	});

	it('QLoRA: nf4 base (4.5 bits per matrix weight, 16-bit norms) and 16 B per adapter parameter', () => {
		const m = stageMemory('llama-2-7b', { stage: 'finetune-lora', precision: 'nf4', sequenceLength: 1 });
		// Norm weights: (2 per layer · 32 + 1 final) · 4096 = 266,240, kept 16-bit.
		// Matrices: 6,738,415,616 − 266,240 = 6,738,149,376 at 4 bits + one fp32 absmax per 64 = 4.5 bits.
		const norms = 65 * 4096;
		expect(m.weights).toBe(((LLAMA2_7B - norms) * 4.5) / 8 + norms * 2);
		expect(m.weights).toBe(3_790_741_504);
		// Adapters r = 16 on q, k, v, o: 32 · 4 · 16 · (4096 + 4096) = 16,777,216
		expect(m.trainableParameters).toBe(16_777_216);
		expect(m.trainingStateParts).toEqual({
			adapterWeights: 2 * 16_777_216,
			gradients: 2 * 16_777_216,
			masterWeights: 4 * 16_777_216,
			optimizerStates: 8 * 16_777_216
		});
		expect(m.precisionAdjusted).toBe(false);
	});

	it('for every catalogue model and stage: parts sum to the working set, LoRA state < full state', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...MODEL_IDS),
				fc.integer({ min: 0, max: 131_072 }),
				fc.integer({ min: 1, max: 8 }),
				fc.constantFrom('fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4', 'nf4') as fc.Arbitrary<
					'fp32' | 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4' | 'nf4'
				>,
				(id, s, b, precision) => {
					const all = LIFECYCLE_STAGES.map((stage) =>
						stageMemory(id, { stage, sequenceLength: s, batch: b, precision })
					);
					for (const m of all) {
						const parts = m.weights + m.trainingState + m.activations + m.kvCache;
						expect(m.workingSet).toBeCloseTo(parts, 0);
						for (const v of [m.weights, m.trainingState, m.activations, m.kvCache]) {
							expect(Number.isFinite(v) && v >= 0).toBe(true);
						}
					}
					const [pre, full, lora, inf] = all;
					expect(pre.trainingState).toBe(full.trainingState);
					expect(lora.trainingState).toBeLessThan(full.trainingState);
					expect(lora.trainableParameters).toBeLessThan(full.trainableParameters);
					expect(inf.trainingState).toBe(0);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('grows with the sequence length: activations in training, the KV cache at inference', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (a, b) => {
				const [s1, s2] = a < b ? [a, b] : [b, a];
				const act = (s: number) => stageMemory('llama-3.2-1b', { stage: 'pretrain', sequenceLength: s });
				const kv = (s: number) => stageMemory('llama-3.2-1b', { stage: 'inference', sequenceLength: s });
				expect(act(s2).activations).toBeGreaterThanOrEqual(act(s1).activations);
				expect(kv(s2).kvCache).toBeGreaterThanOrEqual(kv(s1).kvCache);
			}),
			{ numRuns: 40 }
		);
	});

	it('computes absurd but valid sizes (a billion tokens) as finite numbers', () => {
		const m = stageMemory('llama-3.1-405b', { stage: 'inference', sequenceLength: 1e9, batch: 64 });
		expect(Number.isFinite(m.workingSet)).toBe(true);
		expect(m.kvCache).toBeGreaterThan(1e15);
	});

	it('throws AnatomyError on bad input instead of returning NaN', () => {
		const bad: [string, () => unknown, string][] = [
			['NaN length', () => stageMemory('gpt2', { stage: 'pretrain', sequenceLength: NaN }), 'out-of-range'],
			['negative', () => stageMemory('gpt2', { stage: 'inference', sequenceLength: -1 }), 'out-of-range'],
			['fraction', () => stageMemory('gpt2', { stage: 'inference', sequenceLength: 1.5 }), 'out-of-range'],
			['batch 0', () => stageMemory('gpt2', { stage: 'inference', batch: 0 }), 'out-of-range'],
			[
				'stage',
				() => stageMemory('gpt2', { stage: 'bogus' as never, sequenceLength: 1 }),
				'invalid-argument'
			],
			['model', () => stageMemory('gpt-5', { stage: 'inference' }), 'unknown-model'],
			['rank', () => stageMemory('gpt2', { stage: 'finetune-lora', loraRank: 0 }), 'out-of-range']
		];
		for (const [, f, code] of bad) {
			expect(f).toThrow(AnatomyError);
			try {
				f();
			} catch (e) {
				expect((e as AnatomyError).code).toBe(code);
			}
		}
	});
});
