/**
 * The CPU half of drawing a weight field: cells to packed colours through the palette's look-up
 * table, in one tight loop with no allocation, so that 65,536 cells cost well under a millisecond.
 * The WebGPU fragment shader (`field-shader.ts`) does the same per pixel; `palette.ts` documents
 * the table and the bins.
 */
import { fieldCellWeight } from '../../core/train/weightfield/field.js';
import type { WeightFieldGroup } from '../../core/train/weightfield/layout.js';
import { MOTION_LEVELS, VALUE_LEVELS } from './palette.js';

/** Width and height of the pixel grid a field of `cells` cells is drawn on (row-major, square-ish). */
export function fieldGrid(cells: number): { width: number; height: number } {
	const n = Math.max(1, Math.floor(cells));
	const width = Math.ceil(Math.sqrt(n));
	return { width, height: Math.ceil(n / width) };
}

/** Index of the weight each cell shows (the core's `fieldCellWeight`), for masks and the GPU. */
export function cellWeightMap(cells: number, weights: number, mode: 'tile' | 'sample'): Uint32Array {
	const out = new Uint32Array(cells);
	for (let i = 0; i < cells; i++) out[i] = fieldCellWeight(i, cells, weights, mode);
	return out;
}

/**
 * Per-weight frozen flags (1 = frozen) from the groups of a snapshot: a group is frozen when it
 * does not train in the current stage. Returns null when nothing is frozen.
 */
export function frozenWeights(
	groups: readonly (WeightFieldGroup & { trainable: boolean })[],
	weightCount: number
): Uint8Array | null {
	if (!groups.some((g) => !g.trainable)) return null;
	const out = new Uint8Array(weightCount);
	for (const g of groups) if (!g.trainable) out.fill(1, g.offset, g.offset + g.length);
	return out;
}

/** Per-cell frozen flags from per-weight flags through the cell → weight map. */
export function frozenCells(
	frozen: Uint8Array,
	map: Uint32Array,
	out: Uint8Array = new Uint8Array(map.length)
): Uint8Array {
	for (let i = 0; i < map.length; i++) out[i] = frozen[map[i]];
	return out;
}

/**
 * Writes one packed colour per cell into `out` (length ≥ cells); cells beyond `values.length`
 * (the ragged end of the last row) get `background`. `frozen` is per cell, or null for none.
 * Bins as in `palette.ts`: value on a signed square-root scale, motion on a squared scale.
 */
export function paintField(
	out: Uint32Array,
	values: Float32Array,
	motion: Float32Array,
	valueScale: number,
	motionScale: number,
	frozen: Uint8Array | null,
	lut: Uint32Array,
	background: number
): void {
	const n = values.length;
	const vInv = valueScale > 0 ? 1 / valueScale : 0;
	const mInv = motionScale > 0 ? 1 / motionScale : 0;
	const vHalf = (VALUE_LEVELS - 1) / 2;
	const mTop = MOTION_LEVELS - 1;
	for (let i = 0; i < n; i++) {
		let t = values[i] * vInv;
		t = t > 1 ? 1 : t < -1 ? -1 : t;
		const u = t < 0 ? -Math.sqrt(-t) : Math.sqrt(t);
		const vk = ((u + 1) * vHalf + 0.5) | 0;
		let a = motion[i] * mInv;
		a = a < 0 ? -a : a;
		if (a > 1) a = 1;
		const mk = (a * a * mTop + 0.5) | 0;
		const s = frozen === null ? 0 : frozen[i];
		out[i] = lut[(s * MOTION_LEVELS + mk) * VALUE_LEVELS + vk];
	}
	for (let i = n; i < out.length; i++) out[i] = background;
}
