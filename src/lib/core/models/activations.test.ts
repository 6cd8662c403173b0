import { describe, expect, it } from 'vitest';
import { activationBytes, activationBytesPerLayer } from './activations.js';
import { parseHfConfig } from './config.js';
import { AnatomyError } from '../errors.js';

// GPT-3 175B dimensions (Brown et al. 2020): d = 12288, 96 heads, 96 layers
const GPT3 = parseHfConfig({
	model_type: 'gpt2',
	n_embd: 12288,
	n_head: 96,
	n_layer: 96,
	vocab_size: 50257,
	n_positions: 2048
});

describe('Korthikanti et al. 2022 activation memory', () => {
	it('no recompute: s·b·h·(34 + 5as/h) per layer', () => {
		// s = 2048, b = 1: sbh = 25,165,824; 5·96·2048/12288 = 80; × (34 + 80) = 2,868,903,936
		expect(activationBytesPerLayer(GPT3, { sequenceLength: 2048 })).toBe(2_868_903_936);
		expect(activationBytes(GPT3, { sequenceLength: 2048 })).toBe(96 * 2_868_903_936);
	});
	it('full recompute keeps 2·s·b·h per layer', () => {
		expect(activationBytesPerLayer(GPT3, { sequenceLength: 2048, batch: 4, recompute: 'full' })).toBe(
			2 * 2048 * 4 * 12288
		);
	});
	it('tensor parallel t = 8: s·b·h·(10 + 24/t + 5as/(ht))', () => {
		// 25,165,824 · (10 + 3 + 10) = 578,813,952
		expect(activationBytesPerLayer(GPT3, { sequenceLength: 2048, tensorParallel: 8 })).toBe(578_813_952);
		// + sequence parallel: 25,165,824 · (34/8 + 10) = 358,612,992
		expect(
			activationBytesPerLayer(GPT3, { sequenceLength: 2048, tensorParallel: 8, sequenceParallel: true })
		).toBe(358_612_992);
		// selective recompute + sequence parallel: 25,165,824 · 34/8 = 106,954,752
		expect(
			activationBytesPerLayer(GPT3, {
				sequenceLength: 2048,
				tensorParallel: 8,
				sequenceParallel: true,
				recompute: 'selective'
			})
		).toBe(106_954_752);
		// selective without sequence parallel: 25,165,824 · (10 + 3)
		expect(
			activationBytesPerLayer(GPT3, { sequenceLength: 2048, tensorParallel: 8, recompute: 'selective' })
		).toBe(25_165_824 * 13);
	});
	it('t = 1 reduces the tensor-parallel form to the plain one', () => {
		const a = activationBytesPerLayer('llama-3-8b', { sequenceLength: 1000, tensorParallel: 1 });
		const h = 4096;
		expect(a).toBe(1000 * h * (34 + (5 * 32 * 1000) / h));
	});
	it('bad input', () => {
		expect(() => activationBytes(GPT3, { sequenceLength: -1 })).toThrow(AnatomyError);
		expect(() => activationBytes(GPT3, { sequenceLength: 10, batch: 0 })).toThrow(AnatomyError);
		expect(() => activationBytes(GPT3, { sequenceLength: 10, recompute: 'some' as never })).toThrow(
			AnatomyError
		);
		expect(() => activationBytes(GPT3, { sequenceLength: NaN })).toThrow(AnatomyError);
	});
});
