import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { binaryKey, readRankMap, readRankTable } from './ranks.js';

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
	});
});

describe('readRankMap', () => {
	it('maps binary-string keys to ranks', () => {
		const map = readRankMap(readRankTable(bpe('! 0 YQ==\n! 5 Yg== 4oKs')));
		expect([...map.entries()]).toEqual([
			['a', 0],
			['b', 5],
			['\xe2\x82\xac', 6]
		]);
		expect(binaryKey(new Uint8Array([0xe2, 0x82, 0xac, 1]), 0, 3)).toBe('\xe2\x82\xac');
	});
});
