/**
 * How many bits a stored weight really costs: the code itself plus its share of the scales
 * (and zero points) that quantised formats keep per tensor, per row or per group.
 *
 * For a [rows, cols] matrix with b-bit codes and one scale of s bits (plus a zero point of s bits
 * when asymmetric) per group:
 * - per tensor:  bits = rows·cols·b + s(·2)
 * - per channel: bits = rows·cols·b + rows·s(·2)            (one scale per output row)
 * - group size g: bits = rows·cols·b + rows·⌈cols/g⌉·s(·2)  (groups run along each row)
 *
 * so for large matrices bits/weight → b + s/g, or b + 2s/g with a zero point: int4 with an fp16
 * scale per 128 weights costs 4 + 16/128 = 4.125 bits, with a zero point 4.25 bits.
 *
 * NF4 (QLoRA, bitsandbytes) keeps one fp32 absmax per block of 64: 4 + 32/64 = 4.5 bits. With
 * double quantisation the absmaxes are themselves stored as 8-bit floats with one fp32 constant
 * per 256 blocks: 4 + 8/64 + 32/(64·256) ≈ 4.127 bits (Dettmers et al. 2023, §3).
 */
import { AnatomyError, check, checkInt } from '../errors.js';

/** Storage formats for weights. 'fp8' stands for either 8-bit float format (same size). */
export type StorageFormat =
	'fp32' | 'fp16' | 'bf16' | 'fp8' | 'fp8-e4m3' | 'fp8-e5m2' | 'int8' | 'int4' | 'nf4';

/** Where scales are shared: one per tensor, one per row (output channel), or one per group of g. */
export type Granularity = 'tensor' | 'channel' | number;

/** A storage format with its scale layout. Omitted fields take the format's defaults. */
export interface StorageSpec {
	format: StorageFormat;
	/** Scale sharing; defaults: fp8 'tensor', int8 'channel', int4 128, nf4 64, floats none. */
	granularity?: Granularity;
	/** Bits of each stored scale: 16 (fp16) for int8/int4, 32 for nf4 absmax and fp8 scales. */
	scaleBits?: number;
	/** Asymmetric quantisation: a zero point of `scaleBits` bits beside each scale. @default false */
	zeroPoint?: boolean;
	/** NF4 only: store absmaxes as 8-bit floats, one fp32 constant per 256 blocks. @default false */
	doubleQuant?: boolean;
}

/** Bits of one code for each format. */
export const CODE_BITS: Readonly<Record<StorageFormat, number>> = {
	fp32: 32,
	fp16: 16,
	bf16: 16,
	fp8: 8,
	'fp8-e4m3': 8,
	'fp8-e5m2': 8,
	int8: 8,
	int4: 4,
	nf4: 4
};

/** A spec with every field resolved; `granularity` is null for unscaled formats (fp32/fp16/bf16). */
export interface ResolvedStorageSpec {
	format: StorageFormat;
	codeBits: number;
	granularity: Granularity | null;
	scaleBits: number;
	zeroPoint: boolean;
	doubleQuant: boolean;
}

/** Fills in the defaults of a storage spec and validates it (`invalid-argument`). */
export function resolveStorage(spec: StorageSpec | StorageFormat): ResolvedStorageSpec {
	const s: StorageSpec = typeof spec === 'string' ? { format: spec } : spec;
	check(s && typeof s === 'object', 'storage spec must be a format name or { format }');
	if (!(s.format in CODE_BITS)) {
		throw new AnatomyError(
			'invalid-argument',
			`unknown storage format '${String(s.format)}'; expected one of ${Object.keys(CODE_BITS).join(', ')}`
		);
	}
	const f = s.format;
	const unscaled = f === 'fp32' || f === 'fp16' || f === 'bf16';
	const defaults: Record<StorageFormat, Granularity | null> = {
		fp32: null,
		fp16: null,
		bf16: null,
		fp8: 'tensor',
		'fp8-e4m3': 'tensor',
		'fp8-e5m2': 'tensor',
		int8: 'channel',
		int4: 128,
		nf4: 64
	};
	const granularity = s.granularity ?? defaults[f];
	if (typeof granularity === 'number') checkInt(granularity, 'group size', 1);
	else
		check(
			granularity === null || granularity === 'tensor' || granularity === 'channel',
			`bad granularity ${granularity}`
		);
	const scaleBits = s.scaleBits ?? (f === 'int8' || f === 'int4' ? 16 : 32);
	checkInt(scaleBits, 'scaleBits', 1, 64);
	check(!s.doubleQuant || f === 'nf4', 'doubleQuant applies to nf4 only');
	check(!s.zeroPoint || f === 'int8' || f === 'int4', 'zero points apply to int8/int4 only');
	return {
		format: f,
		codeBits: CODE_BITS[f],
		granularity: unscaled && s.granularity === undefined ? null : granularity,
		scaleBits,
		zeroPoint: !!s.zeroPoint,
		doubleQuant: !!s.doubleQuant
	};
}

/** Number of scale groups for a [rows, cols] matrix under a granularity. */
export function groupCount(rows: number, cols: number, granularity: Granularity | null): number {
	if (granularity === null) return 0;
	if (granularity === 'tensor') return 1;
	if (granularity === 'channel') return rows;
	return rows * Math.ceil(cols / granularity);
}

/**
 * Exact bits to store a [rows, cols] matrix (a vector is [1, n]) in `spec`: codes plus scales,
 * zero points and (NF4 double quantisation) second-level constants. See the module comment.
 */
export function storageBits(rows: number, cols: number, spec: StorageSpec | StorageFormat): number {
	checkInt(rows, 'rows', 0);
	checkInt(cols, 'cols', 0);
	const r = resolveStorage(spec);
	const n = rows * cols;
	if (n === 0) return 0;
	const groups = groupCount(rows, cols, r.granularity);
	if (r.doubleQuant) return n * r.codeBits + groups * 8 + Math.ceil(groups / 256) * 32;
	return n * r.codeBits + groups * r.scaleBits * (r.zeroPoint ? 2 : 1);
}

/**
 * Average bits per weight. With a shape, exact for that matrix ({@link storageBits} / count);
 * without, the large-matrix rate: b + s/g (+ s/g with a zero point) for group size g, and b for
 * per-tensor or per-channel scales, whose share vanishes as the matrix grows.
 */
export function bitsPerWeight(spec: StorageSpec | StorageFormat, shape?: readonly [number, number]): number {
	const r = resolveStorage(spec);
	if (shape) {
		const n = shape[0] * shape[1];
		check(n > 0, 'shape must have at least one element');
		return storageBits(shape[0], shape[1], spec) / n;
	}
	if (typeof r.granularity !== 'number') return r.codeBits;
	const g = r.granularity;
	if (r.doubleQuant) return r.codeBits + 8 / g + 32 / (g * 256);
	return r.codeBits + (r.scaleBits * (r.zeroPoint ? 2 : 1)) / g;
}
