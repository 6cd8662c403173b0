/**
 * Small binary floating-point formats (fp16, bf16, fp8 E4M3 and E5M2) described by one
 * {@link MinifloatFormat} record, with bit-exact round-to-nearest-even encoding straight from a
 * JavaScript double (no intermediate rounding to float32, so no double rounding) and exact decoding.
 *
 * A finite code with sign s, exponent field e and mantissa field m (M mantissa bits, bias B) means
 * - normal (e > 0): (−1)^s · (1 + m / 2^M) · 2^(e − B)
 * - subnormal (e = 0): (−1)^s · m · 2^(1 − B − M)
 */
import { AnatomyError, check } from '../errors.js';

/** How a format spends its all-ones exponent field. */
export type SpecialValues =
	/** IEEE 754 style: all-ones exponent is ±∞ (mantissa 0) or NaN (mantissa ≠ 0). */
	| 'ieee'
	/** OCP/NVIDIA E4M3 ("fn"): no infinities; only S.1111.111 is NaN, so S.1111.110 is the largest finite value. */
	| 'fn';

/** A binary floating-point format with a sign bit, `exponentBits` and `mantissaBits`. */
export interface MinifloatFormat {
	/** Short id: 'fp16', 'bf16', 'fp8-e4m3', 'fp8-e5m2'. */
	readonly name: string;
	readonly exponentBits: number;
	readonly mantissaBits: number;
	/** Exponent bias B. */
	readonly bias: number;
	readonly special: SpecialValues;
}

/** IEEE 754 binary16: 1 + 5 + 10 bits, bias 15, max 65504, smallest subnormal 2^-24. */
export const FP16: MinifloatFormat = {
	name: 'fp16',
	exponentBits: 5,
	mantissaBits: 10,
	bias: 15,
	special: 'ieee'
};
/** bfloat16: the top half of a float32, 1 + 8 + 7 bits, bias 127, max ≈ 3.39e38. */
export const BF16: MinifloatFormat = {
	name: 'bf16',
	exponentBits: 8,
	mantissaBits: 7,
	bias: 127,
	special: 'ieee'
};
/** OCP 8-bit E4M3 (as on NVIDIA Hopper): 1 + 4 + 3 bits, bias 7, max 448, no infinities. */
export const FP8_E4M3: MinifloatFormat = {
	name: 'fp8-e4m3',
	exponentBits: 4,
	mantissaBits: 3,
	bias: 7,
	special: 'fn'
};
/** OCP 8-bit E5M2: 1 + 5 + 2 bits, bias 15, max 57344, IEEE-like ±∞ and NaN. */
export const FP8_E5M2: MinifloatFormat = {
	name: 'fp8-e5m2',
	exponentBits: 5,
	mantissaBits: 2,
	bias: 15,
	special: 'ieee'
};

/** Options for {@link encodeMinifloat}. */
export interface EncodeOptions {
	/**
	 * Clamp values beyond the largest finite value (and ±∞) to ±max instead of producing ∞
	 * (IEEE formats) or NaN (E4M3). NaN stays NaN. @default false
	 */
	saturate?: boolean;
}

/** Total bits of a code: 1 + exponent + mantissa. */
export function formatBits(f: MinifloatFormat): number {
	return 1 + f.exponentBits + f.mantissaBits;
}

function expMask(f: MinifloatFormat): number {
	return (1 << f.exponentBits) - 1;
}

/** Largest finite value: (2 − 2^−M)·2^(emax) for IEEE formats, (2 − 2^(1−M))·2^(emax) for 'fn'. */
export function maxFinite(f: MinifloatFormat): number {
	const M = f.mantissaBits;
	if (f.special === 'ieee') return (2 - 2 ** -M) * 2 ** (expMask(f) - 1 - f.bias);
	return (2 - 2 ** (1 - M)) * 2 ** (expMask(f) - f.bias);
}

/** Smallest positive normal value 2^(1 − B). */
export function minNormal(f: MinifloatFormat): number {
	return 2 ** (1 - f.bias);
}

/** Smallest positive subnormal value 2^(1 − B − M). */
export function minSubnormal(f: MinifloatFormat): number {
	return 2 ** (1 - f.bias - f.mantissaBits);
}

/** The canonical NaN code: quiet NaN (top mantissa bit set) for IEEE formats, S.1111.111 for E4M3. */
export function nanCode(f: MinifloatFormat): number {
	const M = f.mantissaBits;
	if (f.special === 'ieee') return (expMask(f) << M) | (1 << (M - 1));
	return (expMask(f) << M) | ((1 << M) - 1);
}

function maxFiniteCode(f: MinifloatFormat): number {
	const M = f.mantissaBits;
	if (f.special === 'ieee') return ((expMask(f) - 1) << M) | ((1 << M) - 1);
	return (expMask(f) << M) | ((1 << M) - 2);
}

// Exponent of the leading bit of a positive finite double, read from its bits (exact, unlike log2).
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
function floorLog2(a: number): number {
	f64[0] = a;
	const e = (u32[HI] >>> 20) & 0x7ff;
	if (e === 0) return -1075; // double subnormal: far below every format here; rounds to zero
	return e - 1023;
}

/** Rounds a double to the nearest integer, ties to even (2.5 → 2, 3.5 → 4, −2.5 → −2). */
export function roundHalfEven(n: number): number {
	const f = Math.floor(n);
	const d = n - f;
	if (d > 0.5) return f + 1;
	if (d < 0.5) return f;
	return f % 2 === 0 ? f : f + 1;
}

/**
 * Encodes a double as the nearest code of format `f`, ties to even (IEEE 754 roundTiesToEven),
 * returning the code as an unsigned integer (e.g. 0..0xffff for fp16).
 *
 * Overflow: a value whose correctly rounded magnitude exceeds the largest finite value becomes
 * ±∞ ('ieee') or NaN ('fn', E4M3), or ±max with `saturate`. NaN becomes the canonical NaN code;
 * −0 keeps its sign.
 */
export function encodeMinifloat(
	x: number,
	f: MinifloatFormat,
	{ saturate = false }: EncodeOptions = {}
): number {
	const k = constantsOf(f);
	if (x !== x) return k.nan; // NaN
	const sign = x < 0 || (x === 0 && 1 / x < 0) ? k.signBit : 0;
	const a = x < 0 ? -x : x;
	if (a === 0) return sign;
	if (a === Infinity) return overflowCode(k, sign, saturate);
	const E = Math.max(floorLog2(a), k.emin);
	const M = f.mantissaBits;
	// a / 2^(E−M) is exact (division by a power of two); its integer part has at most M + 1 bits.
	const q = pow2(E - M);
	const r = roundHalfEven(a / q);
	if (r * q > k.max) return overflowCode(k, sign, saturate);
	if (r < k.hidden) return sign | r; // subnormal (only when E = emin), or zero after rounding
	if (r === 2 * k.hidden) return sign | ((E + 1 + f.bias) << M); // rounding carried into the next binade
	return sign | ((E + f.bias) << M) | (r - k.hidden);
}

interface FormatConstants {
	signBit: number;
	emin: number;
	max: number;
	hidden: number;
	nan: number;
	maxCode: number;
	infCode: number;
}
const constants = new WeakMap<MinifloatFormat, FormatConstants>();
function constantsOf(f: MinifloatFormat): FormatConstants {
	let k = constants.get(f);
	if (!k) {
		const M = f.mantissaBits;
		k = {
			signBit: 1 << (f.exponentBits + M),
			emin: 1 - f.bias,
			max: maxFinite(f),
			hidden: 2 ** M,
			nan: nanCode(f),
			maxCode: maxFiniteCode(f),
			infCode: f.special === 'ieee' ? expMask(f) << M : nanCode(f)
		};
		constants.set(f, k);
	}
	return k;
}
function overflowCode(k: FormatConstants, sign: number, saturate: boolean): number {
	return saturate ? sign | k.maxCode : sign | k.infCode;
}

// 2^e for integer e from a table (Math.pow is slower in the hot loop).
const POW2 = new Float64Array(2200);
for (let i = 0; i < POW2.length; i++) POW2[i] = 2 ** (i - 1100);
function pow2(e: number): number {
	return e >= -1100 && e < 1100 ? POW2[e + 1100] : 2 ** e;
}

/** Decodes a code of format `f` exactly (every code of these formats is a double). */
export function decodeMinifloat(code: number, f: MinifloatFormat): number {
	const M = f.mantissaBits;
	const bits = formatBits(f);
	if (!Number.isInteger(code) || code < 0 || code >= 2 ** bits) {
		throw new AnatomyError(
			'out-of-range',
			`${f.name} code must be an integer in [0, ${2 ** bits - 1}], got ${code}`
		);
	}
	const s = code >>> (bits - 1) ? -1 : 1;
	const e = (code >>> M) & expMask(f);
	const m = code & ((1 << M) - 1);
	if (e === expMask(f)) {
		if (f.special === 'ieee') return m === 0 ? s * Infinity : NaN;
		if (m === (1 << M) - 1) return NaN;
	}
	if (e === 0) return s * m * 2 ** (1 - f.bias - M);
	return s * (1 + m / 2 ** M) * 2 ** (e - f.bias);
}

const tables = new WeakMap<MinifloatFormat, Float64Array>();
/**
 * Every value of a format of at most 16 bits, indexed by code (a lookup table for fast decoding;
 * built once per format and cached). Throws `invalid-argument` for wider formats.
 */
export function decodeTable(f: MinifloatFormat): Float64Array {
	let t = tables.get(f);
	if (!t) {
		check(formatBits(f) <= 16, `decodeTable covers formats up to 16 bits; ${f.name} has ${formatBits(f)}`);
		t = new Float64Array(2 ** formatBits(f));
		for (let c = 0; c < t.length; c++) t[c] = decodeMinifloat(c, f);
		tables.set(f, t);
	}
	return t;
}

/** Rounds `x` to the nearest value representable in `f` (decode ∘ encode). */
export function roundToFormat(x: number, f: MinifloatFormat, options?: EncodeOptions): number {
	return decodeMinifloat(encodeMinifloat(x, f, options), f);
}

/** One row of a format's code table. */
export interface CodePoint {
	code: number;
	value: number;
	kind: 'zero' | 'subnormal' | 'normal' | 'infinity' | 'nan';
}

/** Classifies a code: zero, subnormal, normal, infinity or NaN. */
export function classifyCode(code: number, f: MinifloatFormat): CodePoint['kind'] {
	const v = decodeMinifloat(code, f);
	if (Number.isNaN(v)) return 'nan';
	if (!Number.isFinite(v)) return 'infinity';
	if (v === 0) return 'zero';
	return Math.abs(v) < minNormal(f) ? 'subnormal' : 'normal';
}

/**
 * Every code of an 8-bit format with its value and kind (256 rows), for tables and number lines.
 * Throws `invalid-argument` for formats wider than 12 bits.
 */
export function codeTable(f: MinifloatFormat): CodePoint[] {
	check(formatBits(f) <= 12, `codeTable lists at most 4096 codes; ${f.name} has ${2 ** formatBits(f)}`);
	const rows: CodePoint[] = [];
	for (let c = 0; c < 2 ** formatBits(f); c++) {
		rows.push({ code: c, value: decodeMinifloat(c, f), kind: classifyCode(c, f) });
	}
	return rows;
}
