import { describe, expect, it } from 'vitest';
import { defaultExamples } from './examples.js';
import {
	SFT_TOKENS,
	STAGES,
	chooseExample,
	clampNumber,
	localize,
	safeStage,
	showToken,
	tabFromKey
} from './pipeline.js';

describe('tabFromKey', () => {
	it('moves and wraps like the ARIA tabs pattern', () => {
		expect(tabFromKey(0, 'ArrowRight', 3)).toBe(1);
		expect(tabFromKey(2, 'ArrowRight', 3)).toBe(0);
		expect(tabFromKey(0, 'ArrowLeft', 3)).toBe(2);
		expect(tabFromKey(1, 'ArrowDown', 3)).toBe(2);
		expect(tabFromKey(1, 'ArrowUp', 3)).toBe(0);
		expect(tabFromKey(1, 'Home', 3)).toBe(0);
		expect(tabFromKey(0, 'End', 3)).toBe(2);
		expect(tabFromKey(0, 'a', 3)).toBeNull();
		expect(tabFromKey(0, 'ArrowRight', 0)).toBeNull();
	});
});

describe('chooseExample', () => {
	it('finds by id, falls back to the first with a flag, and reports an empty list', () => {
		expect(chooseExample(defaultExamples, 'file')).toMatchObject({ status: 'ok', example: { id: 'file' } });
		expect(chooseExample(defaultExamples, 'nope')).toMatchObject({
			status: 'unknown',
			id: 'nope',
			example: { id: 'sky' }
		});
		expect(chooseExample([], 'sky')).toEqual({ status: 'none' });
		expect(chooseExample(undefined, 'sky')).toEqual({ status: 'none' });
		expect(chooseExample([null as never], 'sky')).toEqual({ status: 'none' });
	});
});

describe('localize', () => {
	it('picks the locale, its language, or English', () => {
		const t = { en: 'Hello', zh: '你好' };
		expect(localize(t, 'zh')).toBe('你好');
		expect(localize(t, 'zh-CN')).toBe('你好');
		expect(localize(t, 'fr')).toBe('Hello');
		expect(localize('plain', 'zh')).toBe('plain');
		expect(localize(undefined, 'en')).toBe('');
	});
});

describe('clampNumber and safeStage', () => {
	it('clamps and replaces NaN', () => {
		expect(clampNumber(NaN, 0.01, 1, 0.1)).toBe(0.1);
		expect(clampNumber(1e6, 0.01, 1, 0.1)).toBe(1);
		expect(clampNumber(0, 0.01, 1, 0.1)).toBe(0.01);
		expect(clampNumber(-Infinity, -40, 0, -12)).toBe(-40);
		expect(clampNumber('3' as never, -40, 0, -12)).toBe(-12);
		expect(safeStage('sft')).toBe('sft');
		expect(safeStage('rlhf')).toBe('base');
		expect(STAGES).toEqual(['base', 'sft', 'preference']);
	});
});

describe('the worked examples and default prompts', () => {
	it('the SFT conversation counts only the assistant reply and its end marker', () => {
		const counted = SFT_TOKENS.filter((t) => t.role === 'assistant').map((t) => t.text);
		expect(counted.join('')).toBe('Air scatters blue light most.<|im_end|>');
		for (const t of SFT_TOKENS) expect(t.p > 0 && t.p <= 1).toBe(true);
	});

	it('every default example has distinct ids and English and Chinese text for every field', () => {
		expect(new Set(defaultExamples.map((e) => e.id)).size).toBe(defaultExamples.length);
		for (const e of defaultExamples) {
			for (const field of ['label', 'prompt', 'base', 'sft', 'chosen', 'rejected', 'reason'] as const) {
				const text = e[field];
				expect(
					typeof text === 'object' && text.en.length > 0 && (text.zh ?? '').length > 0,
					`${e.id}.${field}`
				).toBe(true);
			}
			// the base model continues the prompt's text rather than answering it
			expect(localize(e.base, 'en').startsWith(localize(e.prompt, 'en'))).toBe(true);
		}
	});

	it('shows whitespace in token chips', () => {
		expect(showToken(' sky')).toBe('·sky');
		expect(showToken('\n')).toBe('↵');
	});
});
