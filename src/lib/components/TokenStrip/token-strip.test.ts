import { describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../core/tokenize/tokenizer.js';
import { sliceAtBoundaries } from './token-strip.svelte.js';

describe('sliceAtBoundaries', () => {
	it('covers the text exactly', () => {
		const text = 'alpha beta\ngamma '.repeat(5000);
		expect(sliceAtBoundaries(text, 1000).join('')).toBe(text);
	});

	it('gives the same tokens slice by slice as for the whole text, in every encoding', async () => {
		const para = 'The quick brown fox, 1234 jumps!  Over "the" lazy dog.\nNew line: 猫 and 🦙 emoji.\n\n';
		const text = para.repeat(400) + 'x'.repeat(3000) + ' tail';
		for (const enc of ['o200k_base', 'cl100k_base', 'r50k_base'] as const) {
			const tok = await loadTokenizer(enc);
			const whole = tok.encode(text);
			const sliced = sliceAtBoundaries(text, 2000).flatMap((s) => tok.encode(s));
			expect(sliced, enc).toEqual(whole);
		}
	}, 60_000);
});
