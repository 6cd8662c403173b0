/**
 * A minimal dense tensor: row-major `Float32Array` or `Float64Array` data with a shape.
 * The core works in Float64 for reference maths and Float32 where it mirrors GPU kernels.
 */
import { AnatomyError } from './errors.js';

/** The typed arrays tensors hold: Float64 for reference maths, Float32 where kernels mirror the GPU. */
export type FloatArray = Float32Array | Float64Array;

/** Row-major data with its shape. */
export interface Tensor<T extends FloatArray = Float64Array> {
	readonly data: T;
	readonly shape: readonly number[];
}

/** A 2-D matrix as an array of rows, the form the inspectors display. */
export type Matrix = number[][];

/** Number of elements of a shape (the product of its dimensions; 1 for a scalar's empty shape). */
export function size(shape: readonly number[]): number {
	let n = 1;
	for (const d of shape) n *= d;
	return n;
}

/** A Float64 tensor from data and shape; throws `shape-mismatch` when they disagree, `invalid-argument` for a bad dimension. */
export function tensor(data: ArrayLike<number>, shape: readonly number[]): Tensor {
	for (const d of shape) {
		if (!Number.isInteger(d) || d < 0) {
			throw new AnatomyError(
				'invalid-argument',
				`shape [${shape.join(', ')}] has a dimension that is not a non-negative integer`
			);
		}
	}
	if (size(shape) !== data.length) {
		throw new AnatomyError(
			'shape-mismatch',
			`data of length ${data.length} does not fit shape [${shape.join(', ')}]`
		);
	}
	return { data: Float64Array.from(data), shape: [...shape] };
}

/** Converts nested rows to a row-major Float64Array, checking that every row has the same width. */
export function fromRows(rows: readonly (readonly number[])[], what = 'matrix'): Tensor {
	const r = rows.length;
	const c = r ? rows[0].length : 0;
	const data = new Float64Array(r * c);
	for (let i = 0; i < r; i++) {
		if (rows[i].length !== c) {
			throw new AnatomyError(
				'shape-mismatch',
				`${what}: row ${i} has ${rows[i].length} values, expected ${c}`
			);
		}
		data.set(rows[i], i * c);
	}
	return { data, shape: [r, c] };
}

/** The rows of a 2-D tensor as nested arrays, the form the inspectors display. */
export function toRows(t: Tensor<FloatArray>): Matrix {
	const [r, c] = t.shape;
	const out: Matrix = [];
	for (let i = 0; i < r; i++) out.push(Array.from(t.data.subarray(i * c, (i + 1) * c)));
	return out;
}
