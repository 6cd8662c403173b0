import { describe, expect, it } from 'vitest';
import { MODELS, MODEL_IDS, closeModelIds, findModel, resolveModel } from './catalogue.js';
import { AnatomyError } from '../errors.js';

describe('catalogue', () => {
	it('holds the published models with their sources', () => {
		for (const id of [
			'gpt2',
			'gpt2-medium',
			'gpt2-large',
			'gpt2-xl',
			'llama-2-7b',
			'llama-2-13b',
			'llama-2-70b',
			'llama-3-8b',
			'llama-3-70b',
			'llama-3.1-8b',
			'llama-3.1-70b',
			'llama-3.1-405b',
			'llama-3.2-1b',
			'llama-3.2-3b',
			'mistral-7b-v0.1',
			'mixtral-8x7b',
			'mixtral-8x22b',
			'qwen2.5-0.5b',
			'qwen2.5-7b',
			'gemma-7b',
			'gemma-2-9b',
			'phi-3-mini'
		]) {
			expect(MODELS[id], id).toBeDefined();
			expect(MODELS[id].source).toMatch(/^[\w.-]+\/[\w.-]+$/);
			expect(MODELS[id].statedParameters).toBeGreaterThan(0);
		}
		expect(MODEL_IDS.length).toBe(Object.keys(MODELS).length);
	});
	it('entries are frozen', () => {
		expect(Object.isFrozen(MODELS)).toBe(true);
		expect(Object.isFrozen(MODELS['gpt2'])).toBe(true);
	});
	it('Llama 3 8B config as published', () => {
		const c = MODELS['llama-3-8b'].config;
		expect([
			c.hiddenSize,
			c.intermediateSize,
			c.numLayers,
			c.numHeads,
			c.numKvHeads,
			c.headDim,
			c.vocabSize
		]).toEqual([4096, 14336, 32, 32, 8, 128, 128256]);
	});
});

describe('resolveModel', () => {
	it('by id, by repository, by raw config, by normalised config', () => {
		const c = MODELS['llama-3-8b'].config;
		expect(resolveModel('llama-3-8b')).toBe(c);
		expect(resolveModel('LLAMA-3-8B')).toBe(c);
		expect(resolveModel('meta-llama/Meta-Llama-3-8B')).toBe(c);
		expect(resolveModel(MODELS['llama-3-8b'].hf)).toEqual(c);
		expect(resolveModel(c)).toBe(c);
		expect(findModel('nope')).toBeUndefined();
	});
	it('unknown ids throw unknown-model listing close ids', () => {
		try {
			resolveModel('llama-3-7b');
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(AnatomyError);
			expect((e as AnatomyError).code).toBe('unknown-model');
			expect((e as AnatomyError).message).toContain('llama-3-8b');
		}
		expect(closeModelIds('mixtral')).toContain('mixtral-8x7b');
		expect(closeModelIds('gtp2')[0]).toBe('gpt2');
	});
	it('bad configs throw invalid-config', () => {
		expect(() => resolveModel({ model_type: 'llama' })).toThrow(/hidden_size/);
		expect(() => resolveModel({ ...MODELS['gpt2'].config, numLayers: -1 })).toThrow(AnatomyError);
	});
});
