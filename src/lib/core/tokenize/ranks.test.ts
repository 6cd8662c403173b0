import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { binaryKey, readRankMap, readRankTable, readRankTableSteps } from './ranks.js';

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
		// three passes over 20,000 tokens, a pause every 8,192 tokens: at least 2 per pass
		expect(pauses).toBeGreaterThanOrEqual(6);
		const t = r.value;
		expect(t.size).toBe(20_000);
		expect(t.bytes[12_345]).toBe(12_345 % 256);
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
