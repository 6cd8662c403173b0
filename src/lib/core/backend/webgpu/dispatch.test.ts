import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceilDiv, elementwiseGrid, isEmptyGrid, linearGrid, matmulGrid, rowGrid } from './dispatch.js';

describe('workgroup counts', () => {
	it('ceilDiv', () => {
		expect(ceilDiv(0, 16)).toBe(0);
		expect(ceilDiv(1, 16)).toBe(1);
		expect(ceilDiv(16, 16)).toBe(1);
		expect(ceilDiv(17, 16)).toBe(2);
	});

	it('matmul: one 16×16 workgroup per output tile, x along columns', () => {
		// 128×80 output: 80/16 = 5 tiles across, 128/16 = 8 down.
		expect(matmulGrid(128, 80)).toEqual([5, 8, 1]);
		// 17×1: ⌈1/16⌉ = 1 across, ⌈17/16⌉ = 2 down.
		expect(matmulGrid(17, 1)).toEqual([1, 2, 1]);
		expect(matmulGrid(0, 5)).toEqual([0, 0, 0]);
		// 65 535 · 16 = 1 048 560 columns fit; one more does not.
		expect(matmulGrid(1, 1_048_560)).toEqual([65_535, 1, 1]);
		expect(() => matmulGrid(1, 1_048_561)).toThrow(/workgroups/);
	});

	it('elementwise: 256 per workgroup, folded onto 2-D beyond 65 535 workgroups', () => {
		expect(elementwiseGrid(256)).toEqual([1, 1, 1]);
		expect(elementwiseGrid(257)).toEqual([2, 1, 1]);
		// 1e8 parameters: ⌈1e8/256⌉ = 390 625 workgroups = 65 535 × 6 (393 210 ≥ 390 625).
		expect(elementwiseGrid(1e8)).toEqual([65_535, 6, 1]);
	});

	it('rows: one workgroup per row', () => {
		expect(rowGrid(64)).toEqual([64, 1, 1]);
		expect(rowGrid(65_536)).toEqual([65_535, 2, 1]);
		expect(isEmptyGrid(rowGrid(0))).toBe(true);
	});

	it('a folded grid always covers the work with less than one spare row of workgroups', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 2 ** 31 }),
				fc.integer({ min: 1, max: 65_535 }),
				(groups, max) => {
					fc.pre(groups <= max * max);
					const [x, y, z] = linearGrid(groups, max);
					return x <= max && y <= max && z === 1 && x * y >= groups && x * (y - 1) < groups;
				}
			)
		);
	});

	it('refuses more workgroups than max² instead of dispatching a wrong grid', () => {
		expect(() => linearGrid(65_535 * 65_535 + 1)).toThrow(/exceed/);
		expect(() => linearGrid(101, 10)).toThrow(/exceed/);
	});
});
