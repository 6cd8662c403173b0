/**
 * Golden cases for `matmul` (row-major C[m×n] = A[m×k]·B[k×n]), run on every backend by the
 * conformance runner. Expected values are worked by hand or follow from a closed form written in
 * `source`; none was produced by the code under test. Every value is exactly representable in
 * float32 and every partial sum is exact, so any summation order gives the same answer.
 */

export interface MatmulCase {
	readonly name: string;
	readonly inputs: {
		readonly a: readonly number[];
		readonly b: readonly number[];
		readonly m: number;
		readonly k: number;
		readonly n: number;
	};
	readonly expected: readonly number[];
	readonly source: string;
}

// An outer product wider than one 256-column panel and with a row count that is not a multiple of 4:
// C[i][j] = (i + 1) · (j − 150), i < 5, j < 300.
const OUTER_A = [1, 2, 3, 4, 5];
const OUTER_B = Array.from({ length: 300 }, (_, j) => j - 150);

export const matmulCases: readonly MatmulCase[] = [
	{
		name: '2×3 · 3×2',
		inputs: { a: [1, 2, 3, 4, 5, 6], b: [7, 8, 9, 10, 11, 12], m: 2, k: 3, n: 2 },
		expected: [58, 64, 139, 154],
		source:
			'hand: 1·7+2·9+3·11 = 7+18+33 = 58; 1·8+2·10+3·12 = 8+20+36 = 64; ' +
			'4·7+5·9+6·11 = 28+45+66 = 139; 4·8+5·10+6·12 = 32+50+72 = 154'
	},
	{
		name: 'identity leaves B unchanged',
		inputs: { a: [1, 0, 0, 0, 1, 0, 0, 0, 1], b: [2, -1, 0.5, 3, 0, -4, 7, 8, 9], m: 3, k: 3, n: 3 },
		expected: [2, -1, 0.5, 3, 0, -4, 7, 8, 9],
		source: 'hand: I·B = B'
	},
	{
		name: '1×1 (single element)',
		inputs: { a: [3], b: [-4], m: 1, k: 1, n: 1 },
		expected: [-12],
		source: 'hand: 3·(−4) = −12'
	},
	{
		name: 'row times column (dot product)',
		inputs: { a: [1, -2, 3, -4], b: [0.5, 0.25, -1, 2], m: 1, k: 4, n: 1 },
		expected: [-11],
		source: 'hand: 1·0.5 + (−2)·0.25 + 3·(−1) + (−4)·2 = 0.5 − 0.5 − 3 − 8 = −11'
	},
	{
		name: 'column times row (outer product)',
		inputs: { a: [1, 2, 3], b: [4, 5], m: 3, k: 1, n: 2 },
		expected: [4, 5, 8, 10, 12, 15],
		source: 'hand: C[i][j] = a_i · b_j'
	},
	{
		name: '7×2 · 2×3 (rows not a multiple of 4)',
		inputs: {
			a: [1, 0, 0, 1, 1, 1, 2, -1, -3, 0.5, 0, 0, 10, 20],
			b: [1, 2, 3, 4, 5, 6],
			m: 7,
			k: 2,
			n: 3
		},
		expected: [1, 2, 3, 4, 5, 6, 5, 7, 9, -2, -1, 0, -1, -3.5, -6, 0, 0, 0, 90, 120, 150],
		source:
			'hand: row [x, y] gives x·[1,2,3] + y·[4,5,6]: [1,0]→[1,2,3]; [0,1]→[4,5,6]; [1,1]→[5,7,9]; ' +
			'[2,−1]→[−2,−1,0]; [−3,0.5]→[−1,−3.5,−6]; [0,0]→0; [10,20]→[90,120,150]'
	},
	{
		name: 'outer product 5×1 · 1×300 (wider than one panel)',
		inputs: { a: OUTER_A, b: OUTER_B, m: 5, k: 1, n: 300 },
		expected: OUTER_A.flatMap((x) => OUTER_B.map((y) => x * y)),
		source: 'closed form: C[i][j] = (i + 1)·(j − 150), all products exact integers'
	},
	{
		name: 'large magnitudes (1e4 · 1e4)',
		inputs: { a: [1e4, -1e4], b: [1e4, 1e4], m: 1, k: 2, n: 1 },
		expected: [0],
		source: 'hand: 1e8 − 1e8 = 0 (1e8 is exact in float32: 10⁸ = 2⁸ · 390625 < 2²⁴ · 2⁸)'
	},
	{
		name: 'k = 0 gives zeros',
		inputs: { a: [], b: [], m: 2, k: 0, n: 3 },
		expected: [0, 0, 0, 0, 0, 0],
		source: 'hand: an empty sum is 0'
	},
	{
		name: 'm = 0 (empty result)',
		inputs: { a: [], b: [1, 2, 3, 4], m: 0, k: 2, n: 2 },
		expected: [],
		source: 'hand: a 0×2 result has no values'
	}
];
