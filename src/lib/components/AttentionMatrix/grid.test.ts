import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAt, clampCell, moveCell, topInRow } from './grid.js';

describe('moveCell', () => {
	it('moves with arrows, Home/End, Ctrl+Home/End and Page keys, never leaving the grid', () => {
		const c = { row: 2, col: 3 };
		expect(moveCell(c, 'ArrowRight', 5)).toEqual({ row: 2, col: 4 });
		expect(moveCell({ row: 2, col: 4 }, 'ArrowRight', 5)).toEqual({ row: 2, col: 4 });
		expect(moveCell(c, 'ArrowUp', 5)).toEqual({ row: 1, col: 3 });
		expect(moveCell({ row: 0, col: 0 }, 'ArrowLeft', 5)).toEqual({ row: 0, col: 0 });
		expect(moveCell(c, 'Home', 5)).toEqual({ row: 2, col: 0 });
		expect(moveCell(c, 'End', 5, true)).toEqual({ row: 4, col: 4 });
		expect(moveCell(c, 'PageDown', 20)).toEqual({ row: 7, col: 3 });
		expect(moveCell(c, 'x', 5)).toBeNull();
		expect(moveCell(c, 'ArrowDown', 0)).toBeNull();
	});
});

describe('cellAt', () => {
	it('finds the cell whose middle was pointed at (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 1024 }),
				fc.nat(),
				fc.nat(),
				fc.integer({ min: 50, max: 2000 }),
				(n, a, b, px) => {
					const row = a % n;
					const col = b % n;
					const hit = cellAt(((col + 0.5) / n) * px, ((row + 0.5) / n) * px, px, px, n);
					return hit !== null && hit.row === row && hit.col === col;
				}
			)
		);
	});
	it('is null outside the map or for a map with no size', () => {
		expect(cellAt(-1, 5, 100, 100, 10)).toBeNull();
		expect(cellAt(5, 100, 100, 100, 10)).toBeNull();
		expect(cellAt(5, 5, 0, 100, 10)).toBeNull();
		expect(cellAt(5, 5, 100, 100, 0)).toBeNull();
	});
});

describe('topInRow', () => {
	it('agrees with sorting the row (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
				fc.integer({ min: 1, max: 6 }),
				(row, k) => {
					const got = topInRow(row, row.length, 0, k).map((x) => x.value);
					const want = [...row].sort((a, b) => b - a).slice(0, k);
					return JSON.stringify(got) === JSON.stringify(want);
				}
			)
		);
	});
	it('skips non-finite values and rows outside the map', () => {
		expect(topInRow([-Infinity, 0.2, NaN, 0.8], 2, 1, 3)).toEqual([{ index: 1, value: 0.8 }]);
		expect(topInRow([1], 1, 5, 3)).toEqual([]);
	});
});

describe('clampCell', () => {
	it('keeps a cell inside the grid', () => {
		expect(clampCell({ row: 9, col: -2 }, 4)).toEqual({ row: 3, col: 0 });
		expect(clampCell({ row: NaN, col: 1.7 }, 4)).toEqual({ row: 0, col: 1 });
	});
});
