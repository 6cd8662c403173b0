import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tiktoken } from 'js-tiktoken/lite';
import { bytePairEncodeLong } from './bpe.js';
import { RANK_LOADERS } from './encodings.js';
import { readRankIndex, readRankTable, type RankIndex } from './ranks.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** A hand-written rank lookup over ASCII keys. */
const ranksOf = (entries: Record<string, number>) => ({
	rankOf: (bytes: Uint8Array, start: number, end: number) =>
		entries[String.fromCharCode(...bytes.subarray(start, end))] ?? -1
});

describe('bytePairEncodeLong by hand', () => {
	it('merges the lowest rank first', () => {
		// ranks a=0 b=1 ab=2 abab=3. "abab": pairs ab(2) ba(–) ab(2) → leftmost ab first → [ab, a, b]
		// → [ab, ab] → abab(3).
		expect(bytePairEncodeLong(utf8('abab'), ranksOf({ a: 0, b: 1, ab: 2, abab: 3 }))).toEqual([3]);
		// "abc" with bc=3 < ab=4: bc merges first, then a+bc has no rank → [a, bc]
		expect(bytePairEncodeLong(utf8('abc'), ranksOf({ a: 0, b: 1, c: 2, bc: 3, ab: 4 }))).toEqual([0, 3]);
	});
	it('breaks ties to the left', () => {
		// "aaa": both pairs are aa(2); the left one merges → [aa, a]; "aaa" itself has no rank.
		expect(bytePairEncodeLong(utf8('aaa'), ranksOf({ a: 0, aa: 2 }))).toEqual([2, 0]);
	});
	it('empty and single bytes', () => {
		expect(bytePairEncodeLong(new Uint8Array(0), ranksOf({}))).toEqual([]);
		expect(bytePairEncodeLong(utf8('a'), ranksOf({ a: 7 }))).toEqual([7]);
	});
});

describe('bytePairEncodeLong against js-tiktoken’s quadratic merge', () => {
	let tiktoken: Tiktoken;
	let ranks: RankIndex;
	let pattern: RegExp;
	beforeAll(async () => {
		const bpe = (await RANK_LOADERS.cl100k_base()).default;
		tiktoken = new Tiktoken(bpe);
		ranks = readRankIndex(readRankTable(bpe));
		pattern = new RegExp(bpe.pat_str, 'gu');
	}, 30_000);

	it('gives the same IDs for every piece of random text', () => {
		const text = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 60 }),
			fc.string({
				unit: fc.constantFrom('a', 'b', 'e', 'r', 'x', '=', '-', ' ', '0', 'é', '😀'),
				maxLength: 80
			})
		);
		fc.assert(
			fc.property(text, (s) => {
				for (const m of s.matchAll(pattern)) {
					expect(bytePairEncodeLong(utf8(m[0]), ranks)).toEqual(tiktoken.encode(m[0], [], []));
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('handles pieces long enough to rebuild its heap', () => {
		for (const piece of ['a'.repeat(700), 'ab'.repeat(300), '='.repeat(500)]) {
			expect(bytePairEncodeLong(utf8(piece), ranks)).toEqual(tiktoken.encode(piece, [], []));
		}
	});
});
