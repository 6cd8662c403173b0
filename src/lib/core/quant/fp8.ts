/**
 * The two 8-bit floating-point formats of the OCP 8-bit Floating Point Specification (OFP8),
 * as implemented on NVIDIA Hopper and in PyTorch (`float8_e4m3fn`, `float8_e5m2`).
 *
 * - E4M3: bias 7, no infinities, NaN only at S.1111.111, max 448 (0x7e), min normal 2^-6,
 *   min subnormal 2^-9 (0x01). Used for weights and activations.
 * - E5M2: bias 15, IEEE-like ±∞ (0x7c) and NaNs, max 57344 (0x7b), min subnormal 2^-16.
 *   Used for gradients (more range, less precision).
 *
 * Rounding is to nearest, ties to even. Without `saturate`, overflow gives NaN (E4M3) or ±∞
 * (E5M2); with it, ±max.
 */
import { FP8_E4M3, FP8_E5M2, decodeMinifloat, encodeMinifloat, type EncodeOptions } from './minifloat.js';

/** Encodes `x` as an E4M3 code 0..255. */
export function encodeE4M3(x: number, options?: EncodeOptions): number {
	return encodeMinifloat(x, FP8_E4M3, options);
}

/** Decodes an E4M3 code 0..255. */
export function decodeE4M3(code: number): number {
	return decodeMinifloat(code, FP8_E4M3);
}

/** Encodes `x` as an E5M2 code 0..255. */
export function encodeE5M2(x: number, options?: EncodeOptions): number {
	return encodeMinifloat(x, FP8_E5M2, options);
}

/** Decodes an E5M2 code 0..255. */
export function decodeE5M2(code: number): number {
	return decodeMinifloat(code, FP8_E5M2);
}
