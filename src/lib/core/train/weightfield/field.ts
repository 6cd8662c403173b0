/**
 * Spreads the real weights of a weight-field run over a field of N display cells (pure data; the
 * drawing happens in the component). Every cell shows exactly one real weight; nothing is invented
 * or interpolated. Because the model has about 10⁴ weights and a field may have up to 10⁶ cells:
 *
 * - `sample` (default): cell i shows weight ⌊i·P/N⌋. With N ≥ P each weight fills a run of about
 *   N/P neighbouring cells (a magnified picture of the whole model in storage order); with N < P
 *   every (P/N)-th weight is shown.
 * - `tile`: cell i shows weight i mod P. With N > P the whole weight vector is repeated N/P times,
 *   side by side, which reads like a larger model's texture but holds no more information: a
 *   caption should say that the field repeats the P real weights `repeats` times. With N < P only
 *   the first N weights are shown.
 *
 * Suggested sizes: up to {@link WEIGHT_FIELD_CPU_CELLS} cells drawn on a 2-D canvas, up to
 * {@link WEIGHT_FIELD_MAX_CELLS} with WebGPU.
 */
import { AnatomyError, checkFinite, checkInt } from '../../errors.js';
import type { WeightFieldGroup } from './layout.js';

/** Most cells {@link fieldFromWeights} fills (the WebGPU field). */
export const WEIGHT_FIELD_MAX_CELLS = 1_000_000;
/** Cells of a field drawn on the CPU (a 256 × 256 canvas). */
export const WEIGHT_FIELD_CPU_CELLS = 65_536;

/** Per-weight arrays of a snapshot that a field can show. */
export type WeightFieldQuantity = 'weights' | 'updates' | 'gradients' | 'adamM' | 'adamV';

/** The arrays a field is filled from: at least weights and updates (a `WeightFieldSnapshot` fits). */
export type WeightFieldSource = { weights: Float32Array; updates: Float32Array } & Partial<
	Record<'gradients' | 'adamM' | 'adamV', Float32Array>
>;

/** Options of {@link fieldFromWeights}. */
export interface FieldFromWeightsOptions {
	/** How cells map to weights (see above). @default 'sample' */
	mode?: 'tile' | 'sample';
	/** What the colour shows. @default 'weights' */
	value?: WeightFieldQuantity;
	/** What the motion shows. @default 'updates' */
	motion?: WeightFieldQuantity;
	/** Buffers of length N to fill instead of allocating (reuse them frame after frame). */
	out?: { values: Float32Array; motion: Float32Array };
}

/** A field of N cells. */
export interface WeightField {
	/** Colour quantity per cell. */
	values: Float32Array;
	/** Motion quantity per cell (by default the last update of the weight shown). */
	motion: Float32Array;
	/** N. */
	cells: number;
	/** P, the number of real weights. */
	weightCount: number;
	mode: 'tile' | 'sample';
	/** Distinct real weights on show: min(N, P). */
	distinct: number;
	/** Cells per real weight, N / P (above 1: weights are repeated, by tiling or magnification). */
	repeats: number;
	/** max |value| over the real weights (0 when all are zero), for a symmetric colour scale. */
	valueScale: number;
	/** max |motion| over the real weights. */
	motionScale: number;
}

function maxAbs(a: Float32Array): number {
	let m = 0;
	for (let i = 0; i < a.length; i++) {
		const x = Math.abs(a[i]);
		if (x > m) m = x;
	}
	return m;
}

function pick(src: WeightFieldSource, q: WeightFieldQuantity): Float32Array {
	const a = src[q];
	if (!a) throw new AnatomyError('invalid-argument', `the source has no ${q} array`);
	return a;
}

/** Index of the weight shown in cell `i` of an N-cell field over P weights. */
export function fieldCellWeight(i: number, n: number, p: number, mode: 'tile' | 'sample' = 'sample'): number {
	return mode === 'tile' ? i % p : Math.floor((i * p) / n);
}

/**
 * Fills a field of `n` cells (1 ≤ n ≤ 10⁶) from the real weights of `source`. Throws
 * `out-of-range` on a bad n, `shape-mismatch` when arrays differ in length, `non-finite` when a
 * real value is NaN or infinite.
 */
export function fieldFromWeights(
	source: WeightFieldSource,
	n: number,
	{ mode = 'sample', value = 'weights', motion = 'updates', out }: FieldFromWeightsOptions = {}
): WeightField {
	checkInt(n, 'field cells', 1, WEIGHT_FIELD_MAX_CELLS);
	if (mode !== 'tile' && mode !== 'sample') {
		throw new AnatomyError('invalid-argument', `mode must be 'tile' or 'sample', got ${String(mode)}`);
	}
	const v = pick(source, value);
	const mo = pick(source, motion);
	const p = v.length;
	if (p === 0) throw new AnatomyError('invalid-argument', 'there are no weights to show');
	if (mo.length !== p)
		throw new AnatomyError('shape-mismatch', `${motion} has length ${mo.length}, ${value} ${p}`);
	checkFinite(v, value);
	checkFinite(mo, motion);
	const values = out?.values ?? new Float32Array(n);
	const motionOut = out?.motion ?? new Float32Array(n);
	if (values.length !== n || motionOut.length !== n) {
		throw new AnatomyError('shape-mismatch', `output buffers must have length ${n}`);
	}
	if (mode === 'tile') {
		for (let off = 0; off < n; off += p) {
			const len = Math.min(p, n - off);
			values.set(v.subarray(0, len), off);
			motionOut.set(mo.subarray(0, len), off);
		}
	} else if (n >= 16 * p) {
		// Long runs: weight w fills the cells i with ⌊i·P/N⌋ = w, that is i from ⌈w·N/P⌉ to ⌈(w + 1)·N/P⌉ − 1
		// (integer arithmetic: w·N ≤ 10⁶·P stays exact in a double).
		let start = 0;
		for (let w = 0; w < p; w++) {
			const end = Math.floor(((w + 1) * n + p - 1) / p);
			values.fill(v[w], start, end);
			motionOut.fill(mo[w], start, end);
			start = end;
		}
	} else {
		for (let i = 0; i < n; i++) {
			const w = Math.floor((i * p) / n);
			values[i] = v[w];
			motionOut[i] = mo[w];
		}
	}
	return {
		values,
		motion: motionOut,
		cells: n,
		weightCount: p,
		mode,
		distinct: Math.min(n, p),
		repeats: n / p,
		valueScale: maxAbs(v),
		motionScale: maxAbs(mo)
	};
}

/** Where weight `index` lives: its group and its row and column in that group (for a tooltip). */
export function locateWeight(
	groups: readonly WeightFieldGroup[],
	index: number
): { group: WeightFieldGroup; row: number; col: number } {
	const last = groups[groups.length - 1];
	checkInt(index, 'weight index', 0, last ? last.offset + last.length - 1 : -1);
	let lo = 0;
	let hi = groups.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (groups[mid].offset <= index) lo = mid;
		else hi = mid - 1;
	}
	const group = groups[lo];
	const k = index - group.offset;
	return { group, row: Math.floor(k / group.cols), col: k % group.cols };
}
