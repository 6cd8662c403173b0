/**
 * Pure helpers behind the weights map's interaction: moving a focused cell with the keyboard,
 * finding the cell under the pointer, and ranking one row's keys for the summary.
 */

export interface Cell {
	row: number;
	col: number;
}

/**
 * The cell a key press moves to in an n × n grid, or null when the key is not a grid key.
 * Arrows move one cell, Home/End go to the row's ends (with Ctrl: the grid's corners),
 * PageUp/PageDown move five rows. Always stays inside the grid.
 */
export function moveCell(cell: Cell, key: string, n: number, ctrl = false): Cell | null {
	if (n <= 0) return null;
	const clamp = (v: number) => Math.max(0, Math.min(n - 1, v));
	const { row, col } = cell;
	switch (key) {
		case 'ArrowRight':
			return { row, col: clamp(col + 1) };
		case 'ArrowLeft':
			return { row, col: clamp(col - 1) };
		case 'ArrowDown':
			return { row: clamp(row + 1), col };
		case 'ArrowUp':
			return { row: clamp(row - 1), col };
		case 'Home':
			return ctrl ? { row: 0, col: 0 } : { row, col: 0 };
		case 'End':
			return ctrl ? { row: n - 1, col: n - 1 } : { row, col: n - 1 };
		case 'PageDown':
			return { row: clamp(row + 5), col };
		case 'PageUp':
			return { row: clamp(row - 5), col };
		default:
			return null;
	}
}

/**
 * The cell under a point (x, y) measured from the top-left of an n × n map drawn `width` ×
 * `height` pixels, or null outside it.
 */
export function cellAt(x: number, y: number, width: number, height: number, n: number): Cell | null {
	if (!(width > 0) || !(height > 0) || n <= 0) return null;
	if (x < 0 || y < 0 || x >= width || y >= height) return null;
	return {
		row: Math.min(n - 1, Math.floor((y / height) * n)),
		col: Math.min(n - 1, Math.floor((x / width) * n))
	};
}

/** The `k` largest entries of row `row` of a row-major n × n array, largest first (ties: lower index first). */
export function topInRow(
	values: ArrayLike<number>,
	n: number,
	row: number,
	k: number
): { index: number; value: number }[] {
	if (row < 0 || row >= n || k <= 0) return [];
	// insertion into a short sorted buffer: O(n·k) without allocating per element
	const idx = new Int32Array(k);
	const val = new Float64Array(k);
	let len = 0;
	const base = row * n;
	for (let j = 0; j < n; j++) {
		const v = values[base + j];
		if (!Number.isFinite(v) || (len === k && v <= val[len - 1])) continue;
		let p = len < k ? len++ : k - 1;
		while (p > 0 && val[p - 1] < v) {
			val[p] = val[p - 1];
			idx[p] = idx[p - 1];
			p--;
		}
		val[p] = v;
		idx[p] = j;
	}
	return Array.from({ length: len }, (_, i) => ({ index: idx[i], value: val[i] }));
}

/** `cell` moved inside an n × n grid. */
export function clampCell(cell: Cell, n: number): Cell {
	const c = (v: number) => Math.max(0, Math.min(Math.max(0, n - 1), Number.isFinite(v) ? Math.floor(v) : 0));
	return { row: c(cell.row), col: c(cell.col) };
}
