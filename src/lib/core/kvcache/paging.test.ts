import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pagedBlocks } from './paging.js';
import { AnatomyError } from '../errors.js';

describe('pagedBlocks', () => {
	it('hand counts with 16-slot blocks', () => {
		expect(pagedBlocks(0)).toEqual({ blocks: 0, slots: 0, wasted: 0 });
		expect(pagedBlocks(1)).toEqual({ blocks: 1, slots: 16, wasted: 15 });
		expect(pagedBlocks(16)).toEqual({ blocks: 1, slots: 16, wasted: 0 });
		expect(pagedBlocks(17)).toEqual({ blocks: 2, slots: 32, wasted: 15 });
		expect(pagedBlocks(100, 32)).toEqual({ blocks: 4, slots: 128, wasted: 28 });
	});
	it('waste is always below one block and slots cover the tokens', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 4096 }), (t, b) => {
				const a = pagedBlocks(t, b);
				expect(a.slots).toBeGreaterThanOrEqual(t);
				expect(a.wasted).toBeLessThan(b);
				expect(a.slots - a.wasted).toBe(t);
			})
		);
	});
	it('bad input', () => {
		expect(() => pagedBlocks(-1)).toThrow(AnatomyError);
		expect(() => pagedBlocks(10, 0)).toThrow(AnatomyError);
		expect(() => pagedBlocks(NaN)).toThrow(AnatomyError);
	});
});
