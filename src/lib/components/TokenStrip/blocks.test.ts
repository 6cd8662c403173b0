import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockLayout, blockCount, BLOCK_TOKENS, GUESS_PER_TOKEN } from './blocks.js';

describe('blockCount', () => {
	it('is ⌈tokens / size⌉, and 0 for no tokens', () => {
		expect(blockCount(0)).toBe(0);
		expect(blockCount(1)).toBe(1);
		expect(blockCount(256, 256)).toBe(1);
		expect(blockCount(257, 256)).toBe(2);
		// the default: 100,000 tokens in blocks of 128 make 781.25, so 782 blocks
		expect(blockCount(100_000)).toBe(782);
		// 100,000 tokens in blocks of 256: 390 full blocks (99,840 tokens) and one of 160
		expect(blockCount(100_000, 256)).toBe(391);
	});
});

describe('BlockLayout', () => {
	it('estimates every block from the guess before anything is measured', () => {
		const l = new BlockLayout(600, [], 256, 8);
		expect(l.count).toBe(3);
		expect([0, 1, 2].map((b) => l.tokensIn(b))).toEqual([256, 256, 88]);
		// 256 × 8 = 2048 px per full block; the last holds 88 × 8 = 704 px
		expect([0, 1, 2, 3].map((b) => l.top(b))).toEqual([0, 2048, 4096, 4800]);
		expect(l.total()).toBe(4800);
	});

	it('estimates unmeasured blocks from the measured pixels per token', () => {
		// block 0 measured at 512 px for 256 tokens → 2 px per token; block 1 (256 tokens) → 512 px,
		// block 2 (88 tokens) → 176 px; total 512 + 512 + 176 = 1200
		const l = new BlockLayout(600, [512, NaN, NaN], 256, 8);
		expect(l.perToken).toBe(2);
		expect(l.height(1)).toBe(512);
		expect(l.height(2)).toBe(176);
		expect(l.total()).toBe(1200);
		// two measured blocks: (300 + 100) px over (256 + 88) tokens
		const m = new BlockLayout(600, [300, -1, 100], 256, 8);
		expect(m.perToken).toBeCloseTo(400 / 344, 12);
		expect(m.height(1)).toBeCloseTo((256 * 400) / 344, 9);
		expect(m.top(2)).toBeCloseTo(300 + (256 * 400) / 344, 9);
	});

	it('finds the block at an offset, clamped to the strip', () => {
		const l = new BlockLayout(600, [100, 200, 50], 256);
		// tops 0, 100, 300; total 350
		expect(l.blockAt(-5)).toBe(0);
		expect(l.blockAt(0)).toBe(0);
		expect(l.blockAt(99.9)).toBe(0);
		expect(l.blockAt(100)).toBe(1);
		expect(l.blockAt(299)).toBe(1);
		expect(l.blockAt(300)).toBe(2);
		expect(l.blockAt(1e9)).toBe(2);
		expect(l.blockAt(NaN)).toBe(0);
	});

	it('maps tokens to blocks', () => {
		expect(new BlockLayout(100_000).size).toBe(BLOCK_TOKENS);
		const l = new BlockLayout(100_000, [], 256);
		expect(l.blockOf(0)).toBe(0);
		expect(l.blockOf(255)).toBe(0);
		expect(l.blockOf(256)).toBe(1);
		expect(l.blockOf(99_999)).toBe(390);
		expect(l.blockOf(1e9)).toBe(390);
		expect(l.start(390)).toBe(99_840);
		expect(l.tokensIn(390)).toBe(160);
		expect(l.tokensIn(391)).toBe(0);
		expect(l.tokensIn(-1)).toBe(0);
	});

	it('takes absurd input as an empty strip or the defaults', () => {
		for (const n of [0, -3, NaN, Infinity]) {
			const l = new BlockLayout(n);
			expect(l.count).toBe(0);
			expect(l.total()).toBe(0);
			expect(l.blockAt(10)).toBe(0);
			expect(l.blockOf(5)).toBe(0);
		}
		const l = new BlockLayout(10, [], 0);
		expect(l.size).toBe(BLOCK_TOKENS);
		expect(l.perToken).toBe(GUESS_PER_TOKEN);
	});

	it('keeps tops increasing, sums the heights, and finds each block at its own offsets (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 5000 }),
				fc.integer({ min: 1, max: 600 }),
				// layout sizes are multiples of 1/64 px
				fc.array(
					fc.oneof(
						fc.constant(NaN),
						fc.integer({ min: 0, max: 320_000 }).map((x) => x / 64)
					),
					{
						maxLength: 40
					}
				),
				(tokens, size, measured) => {
					const l = new BlockLayout(tokens, measured, size);
					let sum = 0;
					for (let b = 0; b < l.count; b++) {
						expect(l.top(b)).toBeCloseTo(sum, 6);
						sum += l.height(b);
						if (l.height(b) > 0) {
							expect(l.blockAt(l.top(b))).toBe(b);
							expect(l.blockAt(l.top(b) + l.height(b) / 2)).toBe(b);
						}
					}
					expect(l.total()).toBeCloseTo(sum, 6);
					let covered = 0;
					for (let b = 0; b < l.count; b++) covered += l.tokensIn(b);
					expect(covered).toBe(tokens);
				}
			)
		);
	});
});
