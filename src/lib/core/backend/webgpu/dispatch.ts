/**
 * Workgroup counts for every kernel, kept apart from the GPU calls so that they can be tested in
 * Node against a mocked device.
 *
 * A dispatch is limited to `maxComputeWorkgroupsPerDimension` workgroups per axis (65 535 by
 * default). One-dimensional work with more workgroups than that is folded onto a 2-D grid; the
 * kernel recovers its linear workgroup index as `wg.x + wg.y · num_workgroups.x` and the few spare
 * workgroups of the last grid row exit at once.
 */
import { AnatomyError } from '../../errors.js';

/** The WebGPU default (and guaranteed minimum) of `maxComputeWorkgroupsPerDimension`. */
export const DEFAULT_MAX_WORKGROUPS_PER_DIMENSION = 65_535;

/** Threads per workgroup of the elementwise kernels (Adam, int8 packing and unpacking). */
export const ELEMENTWISE_WORKGROUP = 256;

/** Threads per workgroup of the row kernels (softmax, row max); one workgroup reduces one row. */
export const ROW_WORKGROUP = 64;

/** Edge of the square output tile of the matmul kernel (16 × 16 = 256 threads). */
export const MATMUL_TILE = 16;

export type Grid = readonly [x: number, y: number, z: number];

/** ⌈a / b⌉ for non-negative integers. */
export function ceilDiv(a: number, b: number): number {
	return Math.floor((a + b - 1) / b);
}

/**
 * Lays `groups` workgroups out on a grid of at most `maxPerDim` per axis: `[groups, 1, 1]` when it
 * fits, else `[maxPerDim, ⌈groups / maxPerDim⌉, 1]`. Zero groups give `[0, 0, 0]` (nothing to
 * dispatch). Throws `out-of-range` beyond `maxPerDim²` workgroups.
 */
export function linearGrid(groups: number, maxPerDim = DEFAULT_MAX_WORKGROUPS_PER_DIMENSION): Grid {
	if (groups === 0) return [0, 0, 0];
	if (groups <= maxPerDim) return [groups, 1, 1];
	const y = ceilDiv(groups, maxPerDim);
	if (y > maxPerDim) {
		throw new AnatomyError(
			'out-of-range',
			`${groups} workgroups exceed the device limit of ${maxPerDim} × ${maxPerDim}`
		);
	}
	return [maxPerDim, y, 1];
}

/** Grid for an elementwise kernel over `n` items, {@link ELEMENTWISE_WORKGROUP} per workgroup. */
export function elementwiseGrid(n: number, maxPerDim = DEFAULT_MAX_WORKGROUPS_PER_DIMENSION): Grid {
	return linearGrid(ceilDiv(n, ELEMENTWISE_WORKGROUP), maxPerDim);
}

/** Grid for a row kernel: one workgroup per row. */
export function rowGrid(rows: number, maxPerDim = DEFAULT_MAX_WORKGROUPS_PER_DIMENSION): Grid {
	return linearGrid(rows, maxPerDim);
}

/**
 * Grid for the tiled matmul producing an `m × n` output: `[⌈n/16⌉, ⌈m/16⌉, 1]` (x runs along
 * columns, y along rows). Throws `out-of-range` when either count exceeds `maxPerDim`.
 */
export function matmulGrid(m: number, n: number, maxPerDim = DEFAULT_MAX_WORKGROUPS_PER_DIMENSION): Grid {
	if (m === 0 || n === 0) return [0, 0, 0];
	const x = ceilDiv(n, MATMUL_TILE);
	const y = ceilDiv(m, MATMUL_TILE);
	if (x > maxPerDim || y > maxPerDim) {
		throw new AnatomyError(
			'out-of-range',
			`a ${m} × ${n} matmul output needs ${y} × ${x} workgroups; the device allows ${maxPerDim} per axis`
		);
	}
	return [x, y, 1];
}

/** True when the grid has no workgroups (the dispatch is skipped). */
export function isEmptyGrid(g: Grid): boolean {
	return g[0] === 0 || g[1] === 0 || g[2] === 0;
}
