/**
 * One entry point for every number format a weight can be stored in: uniform integers (int8,
 * int4; symmetric or asymmetric; per tensor, per row or per group), NF4 (blockwise absmax), and
 * the float formats fp8 E4M3/E5M2, fp16 and bf16 (codes are their bit patterns).
 *
 * Values are read as a row-major [rows, cols] matrix (a flat input is one row). Groups of
 * `groupSize` consecutive values run along each row; the last group of a row may be shorter.
 * Every group gets one scale (and, for asymmetric integers, one zero point).
 *
 * Error metrics compare the dequantised float32 values x̂ with the inputs x:
 * mse = Σ(x − x̂)² / n, maxAbs = max |x − x̂|, snrDb = 10·log10(Σx² / Σ(x − x̂)²) (∞ when exact).
 */
import { AnatomyError, check, checkFinite, checkInt } from '../errors.js';
import { intCodeRange, intGroupParams, type QuantScheme } from './int.js';
import { NF4_LEVELS, nf4Index } from './nf4.js';
import {
	BF16,
	FP16,
	FP8_E4M3,
	FP8_E5M2,
	decodeTable,
	encodeMinifloat,
	roundHalfEven,
	formatBits,
	maxFinite,
	type MinifloatFormat
} from './minifloat.js';
import { encodeBf16 } from './bf16.js';
import { storageBits, type Granularity } from './storage.js';

/** Formats {@link quantize} understands. */
export type QuantFormat = 'int8' | 'int4' | 'nf4' | 'fp8-e4m3' | 'fp8-e5m2' | 'fp16' | 'bf16';

/** Options for {@link quantize}. */
export interface QuantizeOptions {
	format: QuantFormat;
	/** Integers only (NF4 and floats are symmetric by construction). @default 'symmetric' */
	scheme?: QuantScheme;
	/** Scale sharing. @default 'group' for int4 and nf4, 'channel' for int8, 'tensor' for fp8 */
	granularity?: 'tensor' | 'channel' | 'group';
	/** Values per group when granularity is 'group'. @default 128 (int4, int8), 64 (nf4), 32 (fp8) */
	groupSize?: number;
	/** [rows, cols] of the values, row-major. @default [1, values.length] */
	shape?: readonly [number, number];
	/**
	 * Float formats: divide each group by absmax / maxFinite first so its largest value lands on
	 * the format's largest finite value, as fp8 recipes do. @default true for fp8, false for fp16/bf16
	 */
	scaled?: boolean;
	/**
	 * Float formats: clamp values beyond the largest finite value to ±max (as fp8 casts with
	 * `satfinite` do) instead of producing ±∞ or NaN. @default true for fp8, false for fp16/bf16
	 */
	saturate?: boolean;
	/** Bits charged per stored scale (and per zero point) in `bitsPerWeight`. @default 16 (int), 32 (nf4, fp8) */
	scaleBits?: number;
	/** NF4: charge double-quantised absmaxes (8 bits each + fp32 per 256 blocks) in `bitsPerWeight`. @default false */
	doubleQuant?: boolean;
}

/** What {@link quantize} returns. */
export interface QuantizeResult {
	format: QuantFormat;
	scheme: QuantScheme;
	granularity: 'tensor' | 'channel' | 'group';
	/** Values per group (cols for 'channel', the whole tensor for 'tensor'). */
	groupSize: number;
	shape: [number, number];
	/** Per value: the integer code, NF4 index, or float bit pattern. */
	codes: Int32Array;
	/** Per group, row-major (group g of row r is at r · groupsPerRow + g); 1 for unscaled floats. */
	scales: Float64Array;
	/** Per group; non-zero only for asymmetric integers. */
	zeroPoints: Int32Array;
	groupsPerRow: number;
	/** Dequantised values: what a kernel computes with. */
	dequantized: Float32Array;
	error: { mse: number; maxAbs: number; snrDb: number };
	/** Distinct dequantised values present. */
	uniqueValues: number;
	/** Smallest and largest input value. */
	range: { min: number; max: number };
	/** Smallest and largest code the format allows (signed integers, NF4 index, or bit patterns). */
	codeRange: { min: number; max: number };
	/** Codes plus their share of scales and zero points, per value. */
	bitsPerWeight: number;
}

const FLOAT_FORMATS: Partial<Record<QuantFormat, MinifloatFormat>> = {
	'fp8-e4m3': FP8_E4M3,
	'fp8-e5m2': FP8_E5M2,
	fp16: FP16,
	bf16: BF16
};

const INT_BITS: Partial<Record<QuantFormat, number>> = { int8: 8, int4: 4 };

function toFloat64(values: Float32Array | readonly number[]): Float64Array {
	check(
		values instanceof Float32Array || Array.isArray(values),
		'values must be a Float32Array or an array of numbers'
	);
	const out = new Float64Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (typeof v !== 'number') throw new AnatomyError('invalid-argument', `values[${i}] is not a number`);
		out[i] = v;
	}
	return out;
}

/**
 * Distinct values: a Set while there are few (the usual case); past 65,536 a sort of the float32
 * bit patterns (−0 counted as +0, every NaN as one value).
 */
function countDistinct(v: Float32Array): number {
	const seen = new Set<number>();
	for (let i = 0; i < v.length; i++) {
		seen.add(v[i]);
		if (seen.size > 65536) {
			const bits = new Uint32Array(v.length);
			bits.set(new Uint32Array(v.buffer, v.byteOffset, v.length));
			for (let j = 0; j < bits.length; j++) {
				if (bits[j] === 0x80000000) bits[j] = 0;
				else if ((bits[j] & 0x7fffffff) > 0x7f800000) bits[j] = 0x7fc00000;
			}
			bits.sort();
			let n = 1;
			for (let j = 1; j < bits.length; j++) if (bits[j] !== bits[j - 1]) n++;
			return n;
		}
	}
	return seen.size;
}

/**
 * Quantises `values` and returns codes, scales, zero points, the dequantised values, the error
 * and the storage cost. Throws `invalid-argument` (unknown format, empty input, bad options),
 * `shape-mismatch` (shape does not cover the values) or `non-finite` (NaN or ±∞ in the input).
 */
export function quantize(values: Float32Array | readonly number[], options: QuantizeOptions): QuantizeResult {
	check(options && typeof options === 'object', 'quantize needs options with a format');
	const { format } = options;
	const floatFmt = FLOAT_FORMATS[format];
	const intBits = INT_BITS[format];
	if (!floatFmt && !intBits && format !== 'nf4') {
		throw new AnatomyError(
			'invalid-argument',
			`unknown format '${String(format)}'; expected int8, int4, nf4, fp8-e4m3, fp8-e5m2, fp16 or bf16`
		);
	}
	const x = toFloat64(values);
	const n = x.length;
	check(n > 0, 'nothing to quantize: values is empty');
	checkFinite(x, 'values');

	const shape: [number, number] = options.shape ? [options.shape[0], options.shape[1]] : [1, n];
	checkInt(shape[0], 'shape[0]', 1);
	checkInt(shape[1], 'shape[1]', 1);
	if (shape[0] * shape[1] !== n) {
		throw new AnatomyError(
			'shape-mismatch',
			`shape [${shape}] holds ${shape[0] * shape[1]} values, got ${n}`
		);
	}
	const [rows, cols] = shape;

	const scheme: QuantScheme = options.scheme ?? 'symmetric';
	check(scheme === 'symmetric' || scheme === 'asymmetric', `unknown scheme '${String(scheme)}'`);
	if (scheme === 'asymmetric' && !intBits) {
		throw new AnatomyError(
			'invalid-argument',
			`${format} is symmetric by construction; asymmetric applies to int8/int4`
		);
	}
	const granularity =
		options.granularity ??
		(format === 'int4' || format === 'nf4' ? 'group' : format === 'int8' ? 'channel' : 'tensor');
	check(
		granularity === 'tensor' || granularity === 'channel' || granularity === 'group',
		`unknown granularity '${String(granularity)}'`
	);
	const groupSize =
		granularity === 'group'
			? (options.groupSize ?? (format === 'nf4' ? 64 : floatFmt ? 32 : 128))
			: granularity === 'channel'
				? cols
				: n;
	checkInt(groupSize, 'groupSize', 1);
	const isFp8 = format === 'fp8-e4m3' || format === 'fp8-e5m2';
	const scaled = options.scaled ?? isFp8;
	const saturate = options.saturate ?? isFp8;

	// Groups: 'tensor' is one group over everything; otherwise groups run along rows.
	const groupsPerRow = granularity === 'tensor' ? 1 : Math.ceil(cols / groupSize);
	const groupCount = granularity === 'tensor' ? 1 : rows * groupsPerRow;
	const spans: Array<[number, number][]> = [];
	if (granularity === 'tensor') spans.push([[0, n]]);
	else {
		for (let r = 0; r < rows; r++) {
			for (let g = 0; g < groupsPerRow; g++) {
				const start = r * cols + g * groupSize;
				spans.push([[start, Math.min(start + groupSize, (r + 1) * cols)]]);
			}
		}
	}

	const codes = new Int32Array(n);
	const scales = new Float64Array(groupCount);
	const zeroPoints = new Int32Array(groupCount);
	const dequantized = new Float32Array(n);

	for (let gi = 0; gi < groupCount; gi++) {
		const [[a, b]] = spans[gi];
		let min = Infinity;
		let max = -Infinity;
		for (let i = a; i < b; i++) {
			if (x[i] < min) min = x[i];
			if (x[i] > max) max = x[i];
		}
		const absmax = Math.max(Math.abs(min), Math.abs(max));
		if (intBits) {
			const { scale, zeroPoint } = intGroupParams(min, max, intBits, scheme);
			scales[gi] = scale;
			zeroPoints[gi] = zeroPoint;
			// Inlined intQuantize: clamp(round(x / s) + z) into the code range.
			const { min: qmin, max: qmax } = intCodeRange(intBits, scheme);
			for (let i = a; i < b; i++) {
				let q = zeroPoint;
				if (scale !== 0) {
					q = roundHalfEven(x[i] / scale) + zeroPoint;
					q = q < qmin ? qmin : q > qmax ? qmax : q;
				}
				codes[i] = q;
				dequantized[i] = (q - zeroPoint) * scale;
			}
		} else if (format === 'nf4') {
			scales[gi] = absmax;
			for (let i = a; i < b; i++) {
				const q = absmax === 0 ? 7 : nf4Index(x[i] / absmax);
				codes[i] = q;
				dequantized[i] = NF4_LEVELS[q] * absmax;
			}
		} else {
			const f = floatFmt as MinifloatFormat;
			const scale = scaled && absmax > 0 ? absmax / maxFinite(f) : 1;
			scales[gi] = scale;
			const table = decodeTable(f);
			const encodeOptions = { saturate };
			for (let i = a; i < b; i++) {
				// bf16 follows the float32-bit rounding frameworks use; the others round the double directly.
				const c =
					f === BF16 && !saturate
						? encodeBf16(x[i] / scale)
						: encodeMinifloat(x[i] / scale, f, encodeOptions);
				codes[i] = c;
				dequantized[i] = table[c] * scale;
			}
		}
	}

	let se = 0;
	let ss = 0;
	let maxAbs = 0;
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < n; i++) {
		// An E4M3 overflow without saturation decodes to NaN: count it as an infinite error.
		const e = Number.isNaN(dequantized[i]) ? Infinity : x[i] - dequantized[i];
		se += e * e;
		ss += x[i] * x[i];
		if (Math.abs(e) > maxAbs) maxAbs = Math.abs(e);
		if (x[i] < min) min = x[i];
		if (x[i] > max) max = x[i];
	}
	// Without saturation an unscaled float format overflows to ±∞ (1e6 in fp16): mse and maxAbs
	// are then ∞ and snrDb −∞, reported as such. E4M3's NaN-on-overflow is avoided by saturating.
	const snrDb = se === 0 ? Infinity : 10 * Math.log10(ss / se);

	const codeRange = intBits
		? intCodeRange(intBits, scheme)
		: format === 'nf4'
			? { min: 0, max: 15 }
			: { min: 0, max: 2 ** formatBits(floatFmt as MinifloatFormat) - 1 };

	const storageGranularity: Granularity | null =
		!intBits && format !== 'nf4' && !scaled ? null : granularity === 'group' ? groupSize : granularity;
	const bits =
		storageGranularity === null
			? formatBits(floatFmt as MinifloatFormat)
			: storageBits(rows, cols, {
					format: isFp8 ? 'fp8' : format,
					granularity: storageGranularity,
					scaleBits: options.scaleBits,
					zeroPoint: scheme === 'asymmetric',
					doubleQuant: format === 'nf4' ? !!options.doubleQuant : undefined
				}) / n;

	return {
		format,
		scheme,
		granularity,
		groupSize,
		shape,
		codes,
		scales,
		zeroPoints,
		groupsPerRow,
		dequantized,
		error: { mse: se / n, maxAbs, snrDb },
		uniqueValues: countDistinct(dequantized),
		range: { min, max },
		codeRange,
		bitsPerWeight: bits
	};
}
