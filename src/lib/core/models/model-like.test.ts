import { describe, expect, it } from 'vitest';
import { MODELS } from './catalogue.js';
import { kvCacheBytes } from './kv-cache.js';
import { countParameters } from './parameters.js';

describe('every estimator accepts an id, a catalogue entry or a config.json object', () => {
	// Llama 3 8B: 8,030,261,248 parameters (the published safetensors total)
	const hf = MODELS['llama-3-8b'].hf;
	it.each([
		['id', 'llama-3-8b'],
		['entry', MODELS['llama-3-8b']],
		['config.json', hf],
		['normalised config', MODELS['llama-3-8b'].config]
	] as const)('countParameters(%s)', (_, model) => {
		expect(countParameters(model as never).total).toBe(8_030_261_248);
	});
	it('kvCacheBytes(entry): 2 · 32 layers · 8 kv heads · 128 · 8192 tokens · 2 bytes = 1 GiB', () => {
		expect(kvCacheBytes(MODELS['llama-3-8b'], { tokens: 8192, batch: 1, dtype: 'bf16' })).toBe(2 ** 30);
	});
	it('rejects null and numbers with a clear error', () => {
		expect(() => countParameters(null as never)).toThrow(/model id or a config object/);
		expect(() => countParameters(42 as never)).toThrow(/model id or a config object/);
	});
});
