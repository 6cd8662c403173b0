import { describe, expect, it } from 'vitest';
import {
	estimateMemory,
	modelStateBytes,
	stateBytesPerParameter,
	weightBytes,
	weightBytesOfCount
} from './memory.js';
import { parseHfConfig } from './config.js';
import { MODEL_IDS } from './catalogue.js';
import { countParameters } from './parameters.js';
import { AnatomyError } from '../errors.js';

const codeOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : 'other';
	}
	return 'none';
};

describe('weights', () => {
	it('Llama 3 8B: bf16 2 B × 8,030,261,248 = 16,060,522,496 B; fp32 twice that', () => {
		expect(weightBytes('llama-3-8b', 'bf16')).toBe(16_060_522_496);
		expect(weightBytes('llama-3-8b', 'fp16')).toBe(16_060_522_496);
		expect(weightBytes('llama-3-8b', 'fp32')).toBe(32_121_044_992);
	});
	it('Llama 3 8B int4 (fp16 scale per 128, norms kept 16-bit) = 4,140,998,656 B', () => {
		// vectors: 2 norms · 4096 · 32 layers + 4096 final = 266,240 params at 2 B = 532,480 B
		// matrices: 8,030,261,248 − 266,240 = 8,029,995,008 params; every input width divides by 128,
		// so 4.125 bits each: 8,029,995,008 · 4.125 / 8 = 4,140,466,176 B
		expect(weightBytes('llama-3-8b', 'int4')).toBe(4_140_466_176 + 532_480);
		// NF4, 4.5 bits: 8,029,995,008 · 4.5 / 8 = 4,516,872,192
		expect(weightBytes('llama-3-8b', 'nf4')).toBe(4_516_872_192 + 532_480);
	});
	it('Llama 3 8B int8 with one fp16 scale per output row', () => {
		// rows per layer: q 4096 + k 1024 + v 1024 + o 4096 + gate 14336 + up 14336 + down 4096 = 43,008
		// × 32 = 1,376,256 + embedding 128,256 + head 128,256 = 1,632,768 scales × 2 B = 3,265,536
		expect(weightBytes('llama-3-8b', 'int8')).toBe(8_029_995_008 + 3_265_536 + 532_480);
	});
	it('skipEmbeddings keeps embedding and head at 2 B', () => {
		// 1,050,673,152 embedding+head params at 2 B; the other 6,979,321,856 matrix params at 4.125 bits
		expect(weightBytes('llama-3-8b', 'int4', { skipEmbeddings: true })).toBe(
			2 * 1_050_673_152 + (6_979_321_856 / 8) * 4.125 + 532_480
		);
	});
	it('Llama 3.1 405B in bf16: 2 B per parameter ≈ 812 GB', () => {
		expect(weightBytes('llama-3.1-405b', 'bf16')).toBe(2 * 405_853_388_800);
	});
});

describe('training state', () => {
	it('mixed-precision Adam is 2 + 2 + 4 + 8 = 16 B per parameter; fp32 Adam 4 + 4 + 8 = 16 B', () => {
		const m = stateBytesPerParameter();
		expect(m).toEqual({ weights: 2, gradients: 2, masterWeights: 4, optimizerStates: 8 });
		const f = stateBytesPerParameter({ mixedPrecision: false });
		expect(f.weights + f.gradients + f.masterWeights + f.optimizerStates).toBe(16);
		expect(stateBytesPerParameter({ optimizer: 'sgd' }).optimizerStates).toBe(0);
		expect(stateBytesPerParameter({ optimizer: 'adamw-8bit' }).optimizerStates).toBe(2);
	});
	it('ZeRO paper, Figure 1: Ψ = 7.5B, N = 64 → 120 GB, 31.4 GB, 16.6 GB, 1.9 GB per GPU', () => {
		const at = (zeroStage: 0 | 1 | 2 | 3) => modelStateBytes(7.5e9, { zeroStage, gpus: 64 }).total;
		expect(at(0)).toBe(120e9);
		expect(at(1)).toBe(7.5e9 * (2 + 2 + 12 / 64)); // 31.40625 GB
		expect(at(2)).toBe(7.5e9 * (2 + 14 / 64)); // 16.640625 GB
		expect(at(3)).toBe(7.5e9 * (16 / 64)); // 1.875 GB
		expect(at(1) / 1e9).toBeCloseTo(31.4, 1);
		expect(at(2) / 1e9).toBeCloseTo(16.6, 1);
	});
	it('estimateMemory: Llama 2 7B full fine-tuning needs 16 B × 6,738,415,616 of model states', () => {
		const m = estimateMemory('llama-2-7b', { training: true });
		expect(m.mode).toBe('training');
		expect(m.total).toBe(16 * 6_738_415_616);
		expect(m.perDevice.total).toBe(m.total);
		expect(m.weights).toBe(2 * 6_738_415_616);
		expect(m.optimizerStates).toBe(8 * 6_738_415_616);
		expect(m.masterWeights).toBe(4 * 6_738_415_616);
	});
	it('ZeRO-3 over 8 GPUs divides everything but activations by 8', () => {
		const m = estimateMemory('llama-3-8b', {
			training: { zeroStage: 3, gpus: 8 },
			activations: { sequenceLength: 4096, recompute: 'full' }
		});
		// activations with full recompute: 2·s·b·h·L = 2·4096·1·4096·32 = 1,073,741,824
		expect(m.activations).toBe(1_073_741_824);
		expect(m.perDevice.total).toBe((16 * 8_030_261_248) / 8 + 1_073_741_824);
		expect(m.devices).toBe(8);
	});
	it('rejects quantised weights in training and activations without training', () => {
		expect(codeOf(() => estimateMemory('llama-3-8b', { training: true, weights: 'int4' }))).toBe(
			'invalid-argument'
		);
		expect(
			codeOf(() => estimateMemory('llama-3-8b', { training: { mixedPrecision: false }, weights: 'bf16' }))
		).toBe('invalid-argument');
		expect(codeOf(() => estimateMemory('llama-3-8b', { activations: { sequenceLength: 10 } }))).toBe(
			'invalid-argument'
		);
		expect(codeOf(() => modelStateBytes(NaN))).toBe('out-of-range');
		expect(codeOf(() => modelStateBytes(1, { gpus: 0 }))).toBe('out-of-range');
		expect(codeOf(() => modelStateBytes(1, { zeroStage: 4 as never }))).toBe('out-of-range');
		expect(codeOf(() => stateBytesPerParameter({ optimizer: 'lion' as never }))).toBe('invalid-argument');
	});
});

describe('inference', () => {
	it('Llama 3 8B bf16 with an 8192-token cache: 16,060,522,496 + 1,073,741,824', () => {
		const m = estimateMemory('llama-3-8b', { kvCache: { tokens: 8192 } });
		expect(m.mode).toBe('inference');
		expect(m.weights).toBe(16_060_522_496);
		expect(m.kvCache).toBe(1_073_741_824);
		expect(m.total).toBe(16_060_522_496 + 1_073_741_824);
		expect(m.gradients + m.optimizerStates + m.masterWeights + m.activations).toBe(0);
		expect(m.parameters).toEqual({ total: 8_030_261_248, active: 8_030_261_248 });
	});
	it('a 1e15-parameter-class model gives finite numbers', () => {
		const c = parseHfConfig({
			model_type: 'llama',
			hidden_size: 2 ** 20,
			intermediate_size: 2 ** 22,
			num_hidden_layers: 100,
			num_attention_heads: 2 ** 10,
			vocab_size: 2 ** 17
		});
		const m = estimateMemory(c, { training: true });
		expect(Number.isFinite(m.total)).toBe(true);
		expect(m.total).toBeGreaterThan(1e16);
	});
});

describe('weightBytesOfCount', () => {
	it('sizes every catalogue model in every format exactly as weightBytes does', () => {
		const formats = ['fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4', 'nf4'] as const;
		for (const id of MODEL_IDS) {
			const count = countParameters(id);
			for (const f of formats) {
				expect(weightBytesOfCount(count, f)).toBe(weightBytes(id, f));
				expect(weightBytesOfCount(count, f, { skipEmbeddings: true })).toBe(
					weightBytes(id, f, { skipEmbeddings: true })
				);
			}
		}
	});
});
