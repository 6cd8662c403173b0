/**
 * Per-row symmetric int8 quantization on flat arrays: the CPU reference for the WebGPU
 * `quantize-int8` kernel. (The quantization chapter's own formats live in `core/quant`; this is
 * the single format the backends share.)
 */
import { roundHalfEven } from '../../quant/minifloat.js';
import { validateDequantize, validateQuantize } from '../validate.js';

/** Largest code magnitude: symmetric int8 uses [−127, 127] and leaves −128 unused. */
export const INT8_MAX = 127;

/**
 * Quantizes each row of a `rows × cols` matrix:
 *
 *   scale = max|xᵢ| / 127,  codeᵢ = clamp(roundHalfEven(xᵢ / scale), −127, 127)
 *
 * with the scale and the quotient rounded to float32 (as on the GPU) and ties rounded to even
 * (as WGSL `round` and `numpy.round` do; `Math.round` would send every tie up and bias the codes). An all-zero row gets
 * scale 0 and codes 0. Reconstruction error per value is at most scale / 2.
 */
export function quantizeInt8RowsCpu(
	x: Float32Array,
	rows: number,
	cols: number
): { codes: Int8Array; scales: Float32Array } {
	validateQuantize(x, rows, cols);
	const codes = new Int8Array(rows * cols);
	const scales = new Float32Array(rows);
	for (let r = 0; r < rows; r++) {
		const o = r * cols;
		let maxAbs = 0;
		for (let c = 0; c < cols; c++) maxAbs = Math.max(maxAbs, Math.abs(x[o + c]));
		const scale = Math.fround(maxAbs / INT8_MAX);
		scales[r] = scale;
		if (scale === 0) continue;
		for (let c = 0; c < cols; c++) {
			const q = roundHalfEven(Math.fround(x[o + c] / scale));
			codes[o + c] = Math.max(-INT8_MAX, Math.min(INT8_MAX, q));
		}
	}
	return { codes, scales };
}

/** x = code · scale[row], each product rounded to float32. */
export function dequantizeInt8RowsCpu(
	codes: Int8Array,
	scales: Float32Array,
	rows: number,
	cols: number
): Float32Array {
	validateDequantize(codes, scales, rows, cols);
	const out = new Float32Array(rows * cols);
	for (let r = 0; r < rows; r++) {
		const s = scales[r];
		for (let c = 0; c < cols; c++) out[r * cols + c] = codes[r * cols + c] * s;
	}
	return out;
}
