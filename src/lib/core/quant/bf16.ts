/**
 * bfloat16: the upper 16 bits of an IEEE float32 (1 sign, 8 exponent, 7 mantissa bits, bias 127).
 * Same range as float32 (max ≈ 3.3895e38) with about 2–3 significant decimal digits.
 *
 * Conversion follows what frameworks do with float32 tensors: the value is first a float32
 * (`Math.fround`), then its 32-bit pattern u is rounded to 16 bits, ties to even:
 * `bf16 = (u + 0x7fff + ((u >> 16) & 1)) >> 16`. Infinities carry through this formula
 * unchanged and finite values may round up to ±∞; NaN maps to the quiet NaN 0x7fc0 (sign kept).
 */
import { BF16, decodeMinifloat } from './minifloat.js';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Encodes `x` (via float32) as a bfloat16 bit pattern 0..0xffff, round to nearest even. */
export function encodeBf16(x: number): number {
	f32[0] = x;
	const u = u32[0];
	if (Number.isNaN(x)) return ((u >>> 16) & 0x8000) | 0x7fc0;
	return ((u + 0x7fff + ((u >>> 16) & 1)) >>> 16) & 0xffff;
}

/** Decodes a bfloat16 bit pattern exactly (its value is the float32 with 16 zero low bits). */
export function decodeBf16(code: number): number {
	return decodeMinifloat(code, BF16);
}

/** The nearest bfloat16 value to `Math.fround(x)`. */
export function bf16round(x: number): number {
	return decodeBf16(encodeBf16(x));
}
