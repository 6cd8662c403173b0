/**
 * IEEE 754 binary16 (half precision): 1 sign, 5 exponent, 10 mantissa bits, bias 15.
 * Largest finite 65504, smallest normal 2^-14 ≈ 6.10e-5, smallest subnormal 2^-24 ≈ 5.96e-8.
 *
 * Encoding rounds the double directly to the nearest half (ties to even), as `Math.f16round`
 * does; rounding through float32 first would round twice and can land one code off.
 */
import { FP16, decodeMinifloat, encodeMinifloat, type EncodeOptions } from './minifloat.js';

/** Encodes `x` as a binary16 bit pattern (0..0xffff), round to nearest even; overflow → ±∞. */
export function encodeFp16(x: number, options?: EncodeOptions): number {
	return encodeMinifloat(x, FP16, options);
}

/** Decodes a binary16 bit pattern to its exact value. */
export function decodeFp16(code: number): number {
	return decodeMinifloat(code, FP16);
}

/** The nearest binary16 value to `x` as a number: a polyfill of `Math.f16round` (Node 20 lacks it). */
export function f16round(x: number): number {
	return decodeFp16(encodeFp16(x));
}
