import { describe, expect, it } from 'vitest';
import { MODELS } from '../../core/models/catalogue.js';
import { configText, parseConfigText, resolveModelInput } from './model-input.js';

describe('resolveModelInput', () => {
	it('resolves catalogue ids and repositories with their entry', () => {
		const r = resolveModelInput('llama-3-8b');
		expect(r.ok && r.entry?.source).toBe('meta-llama/Meta-Llama-3-8B');
		expect(r.ok && r.config.numKvHeads).toBe(8);
		const repo = resolveModelInput('meta-llama/Llama-2-7b-hf');
		expect(repo.ok && repo.entry?.id).toBe('llama-2-7b');
	});
	it('resolves a config object without an entry', () => {
		const r = resolveModelInput(MODELS['gpt2'].hf);
		expect(r.ok && r.entry).toBeNull();
		expect(r.ok && r.config.hiddenSize).toBe(768);
	});
	it('turns every failure into a message', () => {
		const unknown = resolveModelInput('llama-9');
		expect(unknown.ok).toBe(false);
		expect(!unknown.ok && unknown.message).toMatch(/unknown model 'llama-9'/);
		const nan = resolveModelInput({ model_type: 'llama', hidden_size: NaN });
		expect(!nan.ok && nan.message).toMatch(/hidden_size/);
		for (const bad of [null, 42, [1, 2], undefined]) expect(resolveModelInput(bad).ok).toBe(false);
	});
});

describe('parseConfigText', () => {
	it('parses objects and explains everything else', () => {
		expect(parseConfigText('{"n_embd": 768}')).toEqual({ ok: true, value: { n_embd: 768 } });
		expect(parseConfigText('  ')).toMatchObject({ ok: false, reason: 'empty' });
		expect(parseConfigText('{"a": ')).toMatchObject({ ok: false, reason: 'json' });
		expect(parseConfigText('[1]')).toMatchObject({ ok: false, reason: 'not-object' });
		expect(parseConfigText('null')).toMatchObject({ ok: false, reason: 'not-object' });
	});
	it('round-trips a catalogue config through configText', () => {
		const r = parseConfigText(configText('mistral-7b-v0.1'));
		expect(r.ok && resolveModelInput(r.value).ok).toBe(true);
		expect(configText('nope')).toBe('');
	});
});
