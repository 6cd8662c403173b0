import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer, type Tokenizer } from '../../core/tokenize/tokenizer.js';
import { keepEqualPrefix } from './stable-spans.js';

let tok: Tokenizer;
beforeAll(async () => {
	tok = await loadTokenizer('o200k_base');
}, 60_000);

describe('keepEqualPrefix', () => {
	it('keeps the objects of the tokens before an edit at the end, and only those', () => {
		const before = tok.tokens('The quick brown fox jumps');
		const after = tok.tokens('The quick brown fox jumped');
		const fresh = after.slice();
		const out = keepEqualPrefix(before, after);
		// "The", " quick", " brown", " fox" are unchanged; " jumps" became " jumped"
		expect(out.slice(0, 4).every((t, i) => t === before[i])).toBe(true);
		expect(out[4]).toBe(fresh[4]);
		expect(out[4]).not.toBe(before[4]);
		expect(out.map((t) => t.text)).toEqual(['The', ' quick', ' brown', ' fox', ' jumped']);
	});

	it('gives kept tokens the bytes of the new text', () => {
		const before = tok.tokens('hello world');
		const after = tok.tokens('hello world!');
		const freshBytes = after[0].bytes;
		const out = keepEqualPrefix(before, after);
		expect(out[0]).toBe(before[0]);
		expect(out[0].bytes).toBe(freshBytes);
	});

	it('keeps nothing once an earlier token moved, even if its ID is the same', () => {
		const before = tok.tokens(' cat sat');
		const after = tok.tokens('  cat sat');
		const out = keepEqualPrefix(before, after);
		expect(out.some((t) => before.includes(t))).toBe(false);
	});

	it('always equals a fresh tokenization, field by field (property)', () => {
		const text = fc.string({
			unit: fc.constantFrom('a', 'b', ' ', 'ab', '\n', 'é', '😀', '1', '.'),
			maxLength: 40
		});
		fc.assert(
			fc.property(text, text, (x, y) => {
				const previous = tok.tokens(x);
				const out = keepEqualPrefix(previous, tok.tokens(y));
				const plain = (list: typeof out) =>
					list.map(({ index, id, text, start, end, partial, bytes }) => ({
						index,
						id,
						text,
						start,
						end,
						partial,
						bytes: [...bytes]
					}));
				expect(plain(out)).toEqual(plain(tok.tokens(y)));
			}),
			{ numRuns: 200 }
		);
	});
});
