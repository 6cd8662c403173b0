import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSafeCut, isWhitespace, longestUnbrokenRun, nextCut } from './boundaries.js';
import { RANK_LOADERS, TOKENIZER_ENCODINGS, type TokenizerEncoding } from './encodings.js';
// The WASM build of OpenAI's Rust tiktoken, an implementation independent of ours.
import { get_encoding, type Tiktoken as WasmTiktoken } from 'tiktoken';

// The pre-tokenizer patterns themselves, straight from the rank files: the reference for where
// pieces start.
const patterns = {} as Record<TokenizerEncoding, RegExp>;
const wasm = {} as Record<TokenizerEncoding, WasmTiktoken>;
beforeAll(async () => {
	for (const name of TOKENIZER_ENCODINGS) {
		patterns[name] = new RegExp((await RANK_LOADERS[name]()).default.pat_str, 'gu');
		wasm[name] = get_encoding(name);
	}
}, 30_000);
afterAll(() => {
	for (const name of TOKENIZER_ENCODINGS) wasm[name].free();
});
const ids = (name: TokenizerEncoding, text: string) => Array.from(wasm[name].encode_ordinary(text));

function pieces(name: TokenizerEncoding, text: string): string[] {
	return Array.from(text.matchAll(patterns[name]), (m) => m[0]);
}
function pieceStarts(name: TokenizerEncoding, text: string): Set<number> {
	return new Set(Array.from(text.matchAll(patterns[name]), (m) => m.index));
}

/** Characters that make the patterns' alternatives compete. */
const tricky = fc.string({
	unit: fc.constantFrom(
		' ',
		' ',
		'  ',
		'\n',
		'\r',
		'\t',
		'\u00a0',
		'\u3000',
		'a',
		'Z',
		'é',
		'\u0301',
		'東',
		'1',
		'23',
		'.',
		'!',
		'/',
		"'",
		"'s",
		"'LL",
		'😀',
		'\ud800',
		'-'
	),
	maxLength: 40
});

describe('isWhitespace', () => {
	it('is exactly JavaScript \\s for every UTF-16 code unit', () => {
		for (let c = 0; c <= 0xffff; c++)
			expect(isWhitespace(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
	});
});

describe('isSafeCut', () => {
	it('by hand: before " b" in "a b", not before the second space of "a  b", after "\\n" before a letter', () => {
		expect(isSafeCut('a b', 1)).toBe(true);
		expect(isSafeCut('a  b', 2)).toBe(false);
		expect(isSafeCut('a\nb', 2)).toBe(true);
		expect(isSafeCut('a\n1', 2)).toBe(false);
		// a piece starts before "b" here, but "a\n\n" alone splits differently in r50k_base
		expect(isSafeCut('a\n\nb', 3)).toBe(false);
		expect(ids('r50k_base', 'a\n\n')).not.toEqual(ids('r50k_base', 'a\n\nb').slice(0, -1));
		expect(isSafeCut('a b', 0)).toBe(false);
		expect(isSafeCut('a b', 3)).toBe(false);
	});

	for (const name of TOKENIZER_ENCODINGS) {
		it(`${name}: every boundary it reports is where the pattern starts a piece`, () => {
			fc.assert(
				fc.property(tricky, (text) => {
					const starts = pieceStarts(name, text);
					for (let i = 1; i < text.length; i++) {
						if (isSafeCut(text, i)) expect(starts.has(i), `${JSON.stringify(text)} @${i}`).toBe(true);
					}
				}),
				{ numRuns: 1500 }
			);
		});
		it(`${name}: the parts on either side of a cut tokenize to the tokens of the whole (WASM tiktoken)`, () => {
			fc.assert(
				fc.property(tricky, (text) => {
					const whole = ids(name, text);
					for (let i = 1; i < text.length; i++) {
						if (!isSafeCut(text, i)) continue;
						const parts = [...ids(name, text.slice(0, i)), ...ids(name, text.slice(i))];
						expect(parts, `${JSON.stringify(text)} @${i}`).toEqual(whole);
					}
				}),
				{ numRuns: 1000 }
			);
		});
	}
});

describe('longestUnbrokenRun', () => {
	it('bounds the longest piece of every pattern', () => {
		fc.assert(
			fc.property(tricky, (text) => {
				const run = longestUnbrokenRun(text);
				for (const name of TOKENIZER_ENCODINGS) {
					for (const p of pieces(name, text)) expect(p.length).toBeLessThanOrEqual(run);
				}
			}),
			{ numRuns: 500 }
		);
	});
	it('by hand', () => {
		expect(longestUnbrokenRun('')).toBe(0);
		expect(longestUnbrokenRun('ab cd')).toBe(3); // " cd"
		expect(longestUnbrokenRun('a'.repeat(500))).toBe(500);
		// "x" then nine spaces: a break before the first space only (spaces after spaces never break)
		expect(longestUnbrokenRun('x' + ' '.repeat(9))).toBe(9);
	});
});

describe('nextCut', () => {
	it('ends at the text end or a boundary, never before `from`', () => {
		fc.assert(
			fc.property(tricky, fc.integer({ min: 1, max: 20 }), (text, size) => {
				let from = 0;
				while (from < text.length) {
					const cut = nextCut(text, from, size);
					expect(cut).toBeGreaterThan(from);
					expect(cut).toBeLessThanOrEqual(text.length);
					if (cut < text.length) expect(isSafeCut(text, cut)).toBe(true);
					from = cut;
				}
			}),
			{ numRuns: 500 }
		);
	});
	it('prefers the last boundary within the slice', () => {
		// "aaa bbb ccc": boundaries at 3 and 7; a slice of 8 from 0 ends at 7.
		expect(nextCut('aaa bbb ccc', 0, 8)).toBe(7);
		expect(nextCut('aaa bbb ccc', 0, 100)).toBe(11);
		// no boundary in the second half: take the first one after
		expect(nextCut('aaaaaaaa bb', 0, 4)).toBe(8);
		expect(nextCut('aaaaaaaaaa', 0, 4)).toBe(10);
	});
});
