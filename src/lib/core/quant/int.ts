/**
 * Uniform integer quantisation of one group of values with b-bit codes.
 *
 * Symmetric (restricted range, as in LLM.int8() absmax quantisation):
 *   q_max = 2^(b−1) − 1, codes in [−q_max, q_max], scale s = max|x| / q_max,
 *   q = clamp(round(x / s)), x̂ = q · s.       int8: [−127, 127]; int4: [−7, 7].
 * Asymmetric (affine, as in GPTQ and PyTorch observers; the range is widened to include 0 so
 * that zero is exact):
 *   lo = min(min x, 0), hi = max(max x, 0), codes in [0, 2^b − 1], s = (hi − lo) / (2^b − 1),
 *   z = clamp(round(−lo / s)), q = clamp(round(x / s) + z), x̂ = (q − z) · s.
 * Rounding is to nearest, ties to even. Inside the range |x − x̂| ≤ s / 2. An all-zero group
 * gets s = 0 and codes 0 (or z), never NaN.
 */
import { roundHalfEven } from './minifloat.js';

/** Symmetric or asymmetric (affine, with a zero point). */
export type QuantScheme = 'symmetric' | 'asymmetric';

/** Code range of b-bit integers under a scheme. */
export function intCodeRange(bits: number, scheme: QuantScheme): { min: number; max: number } {
	if (scheme === 'symmetric') return { min: -(2 ** (bits - 1) - 1), max: 2 ** (bits - 1) - 1 };
	return { min: 0, max: 2 ** bits - 1 };
}

/** Scale and zero point for a group with the given extremes. */
export function intGroupParams(
	min: number,
	max: number,
	bits: number,
	scheme: QuantScheme
): { scale: number; zeroPoint: number } {
	const q = intCodeRange(bits, scheme);
	if (scheme === 'symmetric') {
		const absmax = Math.max(Math.abs(min), Math.abs(max));
		return { scale: absmax / q.max, zeroPoint: 0 };
	}
	const lo = Math.min(min, 0);
	const hi = Math.max(max, 0);
	const scale = (hi - lo) / (q.max - q.min);
	if (scale === 0) return { scale: 0, zeroPoint: 0 };
	const z = roundHalfEven(q.min - lo / scale);
	return { scale, zeroPoint: Math.min(q.max, Math.max(q.min, z)) };
}

/** Quantises one value with a group's scale and zero point: clamp(round(x / s) + z). */
export function intQuantize(
	x: number,
	scale: number,
	zeroPoint: number,
	bits: number,
	scheme: QuantScheme
): number {
	if (scale === 0) return zeroPoint;
	const q = intCodeRange(bits, scheme);
	const c = roundHalfEven(x / scale) + zeroPoint;
	return Math.min(q.max, Math.max(q.min, c));
}
