/**
 * Argument checks shared by every backend, so that the CPU and the GPU reject exactly the same
 * inputs with the same `AnatomyError` before any work starts.
 */
import { AnatomyError, check, checkFinite, checkInt } from '../errors.js';
import type { AdamOptions } from './types.js';

/**
 * Largest element count of one array a backend accepts: 2³¹ − 1, below the typed-array limits of
 * every engine and the largest index a WGSL `u32`/`i32` loop handles without overflow.
 */
export const MAX_ELEMENTS = 2 ** 31 - 1;

function checkArray(x: unknown, what: string, ctor: typeof Float32Array | typeof Int8Array = Float32Array) {
	check(x instanceof ctor, `${what} must be a ${ctor.name}`);
}

/** Checks a dimension: an integer in [0, MAX_ELEMENTS]. */
export function checkDim(n: number, what: string): void {
	checkInt(n, what, 0, MAX_ELEMENTS);
}

/** Checks that `rows · cols` fits {@link MAX_ELEMENTS} and that `x` has exactly that many values. */
export function checkMatrix(x: ArrayLike<number>, rows: number, cols: number, what: string): void {
	const n = rows * cols;
	if (n > MAX_ELEMENTS) {
		throw new AnatomyError(
			'out-of-range',
			`${what}: ${rows} × ${cols} = ${n} elements exceeds ${MAX_ELEMENTS}`
		);
	}
	if (x.length !== n) {
		throw new AnatomyError(
			'shape-mismatch',
			`${what} has ${x.length} values, expected ${rows} × ${cols} = ${n}`
		);
	}
}

export function validateMatmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): void {
	checkArray(a, 'matmul: a');
	checkArray(b, 'matmul: b');
	checkDim(m, 'matmul: m');
	checkDim(k, 'matmul: k');
	checkDim(n, 'matmul: n');
	checkMatrix(a, m, k, 'matmul: a');
	checkMatrix(b, k, n, 'matmul: b');
	checkMatrix({ length: m * n }, m, n, 'matmul: output');
}

export function validateSoftmax(x: Float32Array, rows: number, cols: number): void {
	checkArray(x, 'softmaxRows: x');
	checkDim(rows, 'softmaxRows: rows');
	checkDim(cols, 'softmaxRows: cols');
	checkMatrix(x, rows, cols, 'softmaxRows: x');
}

export function validateAttention(
	q: Float32Array,
	k: Float32Array,
	v: Float32Array,
	seq: number,
	dHead: number
): void {
	checkArray(q, 'attention: q');
	checkArray(k, 'attention: k');
	checkArray(v, 'attention: v');
	checkDim(seq, 'attention: seq');
	checkDim(dHead, 'attention: dHead');
	checkMatrix(q, seq, dHead, 'attention: q');
	checkMatrix(k, seq, dHead, 'attention: k');
	checkMatrix(v, seq, dHead, 'attention: v');
	checkMatrix({ length: seq * seq }, seq, seq, 'attention: scores');
}

/** Fills in the AdamW defaults and checks every hyper-parameter. */
export function resolveAdamOptions(o: AdamOptions): Required<AdamOptions> {
	check(o !== null && typeof o === 'object', 'adamStep: options must be an object');
	const r = {
		lr: o.lr,
		beta1: o.beta1 ?? 0.9,
		beta2: o.beta2 ?? 0.999,
		eps: o.eps ?? 1e-8,
		weightDecay: o.weightDecay ?? 0,
		t: o.t
	};
	for (const [key, value] of Object.entries(r)) {
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			throw new AnatomyError('non-finite', `adamStep: ${key} must be a finite number, got ${value}`);
		}
	}
	check(r.lr > 0, `adamStep: lr must be > 0, got ${r.lr}`, 'out-of-range');
	check(r.beta1 >= 0 && r.beta1 < 1, `adamStep: beta1 must be in [0, 1), got ${r.beta1}`, 'out-of-range');
	check(r.beta2 >= 0 && r.beta2 < 1, `adamStep: beta2 must be in [0, 1), got ${r.beta2}`, 'out-of-range');
	check(r.eps > 0, `adamStep: eps must be > 0, got ${r.eps}`, 'out-of-range');
	check(r.weightDecay >= 0, `adamStep: weightDecay must be ≥ 0, got ${r.weightDecay}`, 'out-of-range');
	checkInt(r.t, 'adamStep: t', 1);
	return r;
}

export function validateAdam(
	params: Float32Array,
	grads: Float32Array,
	m: Float32Array,
	v: Float32Array
): void {
	checkArray(params, 'adamStep: params');
	checkArray(grads, 'adamStep: grads');
	checkArray(m, 'adamStep: m');
	checkArray(v, 'adamStep: v');
	const n = params.length;
	for (const [what, x] of [
		['grads', grads],
		['m', m],
		['v', v]
	] as const) {
		if (x.length !== n) {
			throw new AnatomyError('shape-mismatch', `adamStep: ${what} has ${x.length} values, params has ${n}`);
		}
	}
	// A NaN here would spread silently through every later step, so refuse it up front.
	checkFinite(params, 'adamStep: params');
	checkFinite(grads, 'adamStep: grads');
	checkFinite(m, 'adamStep: m');
	checkFinite(v, 'adamStep: v');
}

export function validateQuantize(x: Float32Array, rows: number, cols: number): void {
	checkArray(x, 'quantizeInt8Rows: x');
	checkDim(rows, 'quantizeInt8Rows: rows');
	checkDim(cols, 'quantizeInt8Rows: cols');
	checkMatrix(x, rows, cols, 'quantizeInt8Rows: x');
	checkFinite(x, 'quantizeInt8Rows: x');
}

export function validateDequantize(codes: Int8Array, scales: Float32Array, rows: number, cols: number): void {
	checkArray(codes, 'dequantizeInt8Rows: codes', Int8Array);
	checkArray(scales, 'dequantizeInt8Rows: scales');
	checkDim(rows, 'dequantizeInt8Rows: rows');
	checkDim(cols, 'dequantizeInt8Rows: cols');
	checkMatrix(codes, rows, cols, 'dequantizeInt8Rows: codes');
	if (scales.length !== rows) {
		throw new AnatomyError(
			'shape-mismatch',
			`dequantizeInt8Rows: scales has ${scales.length} values, expected one per row (${rows})`
		);
	}
	checkFinite(scales, 'dequantizeInt8Rows: scales');
	for (let i = 0; i < rows; i++) {
		check(scales[i] >= 0, `dequantizeInt8Rows: scale ${i} is negative (${scales[i]})`, 'out-of-range');
	}
}
