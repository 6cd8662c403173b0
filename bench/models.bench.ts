// Cost of the estimators and quantisers a page calls while a reader drags a slider.
import { bench, describe } from 'vitest';
import { countParameters } from '$lib/core/models/parameters.js';
import { estimateMemory } from '$lib/core/models/memory.js';
import { parameterLadder } from '$lib/core/models/ladder.js';
import { MODELS } from '$lib/core/models/catalogue.js';
import { parseHfConfig } from '$lib/core/models/config.js';
import { quantize } from '$lib/core/quant/quantize.js';
import { encodeFp16 } from '$lib/core/quant/fp16.js';
import { simulateDecode } from '$lib/core/kvcache/simulate.js';
import { createRng } from '$lib/core/rng.js';

const rng = createRng(1);
const weights = new Float32Array(1 << 20).map(() => rng.normal() * 0.02);

describe('models', () => {
	bench('parseHfConfig + countParameters (Llama 3 8B)', () => {
		countParameters(parseHfConfig(MODELS['llama-3-8b'].hf));
	});
	bench('estimateMemory int4 + 8k KV cache (Llama 3.1 405B)', () => {
		estimateMemory('llama-3.1-405b', { weights: 'int4', kvCache: { tokens: 8192 } });
	});
	bench('parameterLadder (8 rungs)', () => {
		parameterLadder();
	});
});

describe('quantize 1M weights', () => {
	bench('int8 per channel [1024, 1024]', () => {
		quantize(weights, { format: 'int8', shape: [1024, 1024] });
	});
	bench('int4 group 128', () => {
		quantize(weights, { format: 'int4' });
	});
	bench('nf4 block 64', () => {
		quantize(weights, { format: 'nf4' });
	});
	bench('fp8 e4m3 per tensor', () => {
		quantize(weights, { format: 'fp8-e4m3' });
	});
	bench('encodeFp16 ×1M', () => {
		for (let i = 0; i < weights.length; i++) encodeFp16(weights[i]);
	});
});

describe('kv cache', () => {
	bench('simulateDecode Llama 3 8B, 4k prompt + 4k new tokens', () => {
		simulateDecode({ model: 'llama-3-8b', promptTokens: 4096, newTokens: 4096 });
	});
});
