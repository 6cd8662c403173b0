import { describe, expect, it } from 'vitest';
import { escapeMarkup, optionsMarkup } from './markup.js';

describe('escapeMarkup', () => {
	it('replaces the five characters that can end text or an attribute', () => {
		expect(escapeMarkup(`<a href="x" title='y'>&</a>`)).toBe(
			'&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;'
		);
	});
	it('leaves other text, including non-ASCII and astral characters, alone', () => {
		expect(escapeMarkup('naïve 猫 👩‍👩‍👧 \u0301')).toBe('naïve 猫 👩‍👩‍👧 \u0301');
	});
});

describe('optionsMarkup', () => {
	it('writes one option per value, with or without text', () => {
		expect(optionsMarkup(['a', 'b"c'])).toBe(
			'<option value="a">a</option><option value="b&#34;c">b&#34;c</option>'
		);
		expect(optionsMarkup(['x'], false)).toBe('<option value="x"></option>');
		expect(optionsMarkup([])).toBe('');
	});
});
