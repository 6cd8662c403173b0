import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import fc from 'fast-check';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { readRankIndex, readRankTable, readRankTableSteps } from './ranks.js';

const bpe = (bpe_ranks: string) => ({ pat_str: '.', special_tokens: {}, bpe_ranks });
const code = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : String(e);
	}
	return 'no error';
};

describe('readRankTable', () => {
	it('reads a hand-written table: a (YQ==), b (Yg==), ab (YWI=)', () => {
		const t = readRankTable(bpe('! 0 YQ== Yg== YWI='));
		expect(t.size).toBe(3);
		expect(t.count).toBe(3);
		expect(Array.from(t.offsets)).toEqual([0, 1, 2, 4]);
		expect(Array.from(t.bytes)).toEqual([97, 98, 97, 98]);
	});
	it('leaves skipped IDs empty, over several lines', () => {
		// rank 0 = "a", ranks 5 and 6 = "b", "€" (4oKs = E2 82 AC)
		const t = readRankTable(bpe('! 0 YQ==\n! 5 Yg== 4oKs\n'));
		expect(t.size).toBe(7);
		expect(t.count).toBe(3);
		expect(Array.from(t.offsets)).toEqual([0, 1, 1, 1, 1, 1, 2, 5]);
		expect(Array.from(t.bytes)).toEqual([97, 98, 0xe2, 0x82, 0xac]);
	});
	it('rejects malformed tables', () => {
		expect(code(() => readRankTable(bpe('! x YQ==')))).toBe('invalid-config');
		expect(code(() => readRankTable(bpe('! 0 Y@==')))).toBe('invalid-config');
		expect(code(() => readRankTable(bpe('! -3 YQ==')))).toBe('invalid-config');
		expect(code(() => readRankTable(bpe('!')))).toBe('invalid-config');
		expect(code(() => readRankTable(bpe('! 1.5 YQ==')))).toBe('invalid-config');
		// unpadded, data after padding, three padding characters, a stray character
		expect(code(() => readRankTable(bpe('! 0 YQ')))).toBe('invalid-config');
		expect(code(() => readRankTable(bpe('! 0 YQ=a')))).toBe('invalid-config');
		expect(code(() => readRankTable(bpe('! 0 Y===')))).toBe('invalid-config');
		expect(code(() => readRankTable(bpe('! 0 YQ==\u00e9')))).toBe('invalid-config');
		// an absurd rank would ask for gigabytes of offsets: refused with a message instead
		expect(code(() => readRankTable(bpe('! 99999999999 YQ==')))).toBe('invalid-config');
		expect(code(() => readRankTable(bpe('! 16777215 YQ==')))).toBe('no error');
	});
	it('lays out lines given out of rank order by rank', () => {
		// ranks 2, 3 = "b", "€" come first, then rank 0 = "a"
		const t = readRankTable(bpe('! 2 Yg== 4oKs\n! 0 YQ=='));
		expect(t.size).toBe(4);
		expect(t.count).toBe(3);
		expect(Array.from(t.offsets)).toEqual([0, 1, 1, 2, 5]);
		expect(Array.from(t.bytes)).toEqual([97, 98, 0xe2, 0x82, 0xac]);
	});
	it('reads o200k_base: 199,998 tokens, each as js-tiktoken’s base64 says', () => {
		const t = readRankTable(o200k);
		expect(t.count).toBe(199_998);
		// the published vocabulary has 200,019 IDs with specials; the ordinary ones end at 199,997
		expect(t.size).toBe(199_998);
		const line = o200k.bpe_ranks.split('\n')[0].split(' ');
		const first = Number(line[1]);
		for (const k of [0, 1, 255, 256, 1000, 50_000, 123_456, line.length - 3]) {
			const id = first + k;
			const expected = Uint8Array.from(atob(line[k + 2]), (c) => c.charCodeAt(0));
			expect(t.bytes.subarray(t.offsets[id], t.offsets[id + 1]), `token ${id}`).toEqual(expected);
		}
	});
	it('reads a line with no tokens as none, and blank lines as nothing', () => {
		const t = readRankTable(bpe('\n! 2\n\n! 0 YQ==\n'));
		expect(t.size).toBe(1);
		expect(Array.from(t.bytes)).toEqual([97]);
	});
	it('pauses inside one long line, not only between lines (all of o200k_base is a single line)', () => {
		// 20,000 one-byte tokens on one line: "AA==" is byte 0, "AQ==" byte 1, …, cycling through 256
		const b64 = (i: number) => btoa(String.fromCharCode(i % 256));
		const line = '! 0 ' + Array.from({ length: 20_000 }, (_, i) => b64(i)).join(' ');
		const steps = readRankTableSteps(bpe(line));
		let pauses = 0;
		let r = steps.next();
		for (; !r.done; r = steps.next()) pauses++;
		// 20,000 tokens, a pause every 8,192 tokens
		expect(pauses).toBeGreaterThanOrEqual(2);
		const t = r.value;
		expect(t.size).toBe(20_000);
		expect(t.bytes[12_345]).toBe(12_345 % 256);
	});
});

describe('readRankIndex', () => {
	const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
	it('finds each token by its bytes, and nothing else', () => {
		const index = readRankIndex(readRankTable(bpe('! 0 YQ==\n! 5 Yg== 4oKs YWI=')));
		expect(index.rankOf(latin1('a'), 0, 1)).toBe(0);
		expect(index.rankOf(latin1('b'), 0, 1)).toBe(5);
		expect(index.rankOf(new Uint8Array([1, 0xe2, 0x82, 0xac, 1]), 1, 4)).toBe(6);
		expect(index.rankOf(latin1('xaby'), 1, 3)).toBe(7);
		expect(index.rankOfAscii('ab')).toBe(7);
		expect(index.rankOf(latin1('ba'), 0, 2)).toBe(-1);
		expect(index.rankOf(latin1('a'), 0, 0)).toBe(-1);
		expect(index.rankOfAscii('abc')).toBe(-1);
		expect(index.rankOfAscii('')).toBe(-1);
		expect(index.rankOfAscii('\u0161')).toBe(-1); // a code unit over 0xff is no byte
	});
	it('gives the higher rank where two tokens have the same bytes', () => {
		const index = readRankIndex(readRankTable(bpe('! 0 YQ== Yg== YQ==')));
		expect(index.rankOf(latin1('a'), 0, 1)).toBe(2);
	});
	it('agrees with a Map over every o200k_base token and over random byte strings', () => {
		const table = readRankTable(o200k);
		const index = readRankIndex(table);
		const key = (b: Uint8Array) => String.fromCharCode(...b);
		const map = new Map<string, number>();
		for (let id = 0; id < table.size; id++) {
			const b = table.bytes.subarray(table.offsets[id], table.offsets[id + 1]);
			if (b.length) map.set(key(b), id);
		}
		for (let id = 0; id < table.size; id++) {
			const a = table.offsets[id];
			const b = table.offsets[id + 1];
			if (index.rankOf(table.bytes, a, b) !== id) throw new Error(`token ${id} not found`);
		}
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 6, max: 0x7f }), (b) => {
				expect(index.rankOf(b, 0, b.length)).toBe(map.get(key(b)) ?? -1);
				expect(index.rankOfAscii(key(b))).toBe(map.get(key(b)) ?? -1);
			}),
			{ numRuns: 2000 }
		);
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 4 }), (b) => {
				expect(index.rankOf(b, 0, b.length)).toBe(map.get(key(b)) ?? -1);
			}),
			{ numRuns: 2000 }
		);
	});
});
