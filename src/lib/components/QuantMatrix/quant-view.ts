/**
 * What QuantMatrix shows, kept out of the view: the seeded example matrix, one call that
 * quantises it in any of the formats on offer (FP32 included, as the reference every other
 * format is compared with), and how a stored code is written in a cell.
 *
 * The arithmetic of every format is the core's `quantize`; FP32 is the one format it does not
 * list, and needs next to no arithmetic: its codes are the float32 bit patterns of the values,
 * and the example matrix is float32 to begin with, so there its error is exactly zero.
 */
import { AnatomyError, check, checkFinite, checkInt } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import type { QuantScheme } from '../../core/quant/int.js';
import { quantize, type QuantFormat, type QuantizeResult } from '../../core/quant/quantize.js';
import type { StorageSpec } from '../../core/quant/storage.js';

/** Formats QuantMatrix offers: FP32 and every format of the core's `quantize`. */
export type QuantMatrixFormat = 'fp32' | QuantFormat;

/** Scale sharing. */
export type QuantGranularity = 'tensor' | 'channel' | 'group';

/** The formats in display order with their code width in bits. */
export const QUANT_MATRIX_FORMATS: readonly { id: QuantMatrixFormat; label: string; bits: number }[] = [
	{ id: 'fp32', label: 'FP32', bits: 32 },
	{ id: 'fp16', label: 'FP16', bits: 16 },
	{ id: 'bf16', label: 'BF16', bits: 16 },
	{ id: 'fp8-e4m3', label: 'FP8 E4M3', bits: 8 },
	{ id: 'fp8-e5m2', label: 'FP8 E5M2', bits: 8 },
	{ id: 'int8', label: 'INT8', bits: 8 },
	{ id: 'int4', label: 'INT4', bits: 4 },
	{ id: 'nf4', label: 'NF4', bits: 4 }
];

/** The most values QuantMatrix quantises and draws. */
export const MAX_VALUES = 4096;

/** Result of {@link quantizeMatrix}: the core's result, with FP32 as a format. */
export interface MatrixQuantization extends Omit<QuantizeResult, 'format'> {
	format: QuantMatrixFormat;
}

/**
 * A seeded example weight matrix: standard normals scaled per row (rows of a real projection
 * differ in magnitude, which is what per-channel scales are for), with one outlier four times
 * the largest ordinary value, which is what hurts per-tensor scales. Values are rounded to
 * float32 so that the matrix is exactly an FP32 tensor.
 */
export function exampleMatrix(rows: number, cols: number, seed = 42): number[] {
	checkInt(rows, 'rows', 1, MAX_VALUES);
	checkInt(cols, 'cols', 1, MAX_VALUES);
	check(rows * cols <= MAX_VALUES, `at most ${MAX_VALUES} values, got ${rows} × ${cols}`, 'out-of-range');
	const rng = createRng(seed);
	const out: number[] = [];
	for (let r = 0; r < rows; r++) {
		const rowScale = 0.25 + rng.next();
		for (let c = 0; c < cols; c++) out.push(rng.normal() * rowScale);
	}
	let big = 0;
	for (const v of out) big = Math.max(big, Math.abs(v));
	out[rng.int(out.length)] = 4 * big * (rng.next() < 0.5 ? -1 : 1);
	return out.map((v) => Math.fround(Math.round(v * 1e8) / 1e8));
}

/** Options for {@link quantizeMatrix}. */
export interface MatrixOptions {
	format: QuantMatrixFormat;
	scheme: QuantScheme;
	granularity: QuantGranularity;
	groupSize: number;
	rows: number;
	cols: number;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The FP32 "quantisation": bit patterns of the values, which are kept exactly. */
function fp32(values: readonly number[], rows: number, cols: number): MatrixQuantization {
	const n = values.length;
	const codes = new Int32Array(n);
	const dequantized = new Float32Array(n);
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < n; i++) {
		f32[0] = values[i];
		codes[i] = u32[0] | 0;
		dequantized[i] = f32[0];
		min = Math.min(min, values[i]);
		max = Math.max(max, values[i]);
	}
	// Values that are already float32 (the example matrix) are kept exactly; others round once.
	let se = 0;
	let ss = 0;
	let maxAbs = 0;
	for (let i = 0; i < n; i++) {
		const e = values[i] - dequantized[i];
		se += e * e;
		ss += values[i] * values[i];
		maxAbs = Math.max(maxAbs, Math.abs(e));
	}
	return {
		format: 'fp32',
		scheme: 'symmetric',
		granularity: 'tensor',
		groupSize: n,
		shape: [rows, cols],
		codes,
		scales: new Float64Array([1]),
		zeroPoints: new Int32Array(1),
		groupsPerRow: 1,
		dequantized,
		error: { mse: se / n, maxAbs, snrDb: se === 0 ? Infinity : 10 * Math.log10(ss / se) },
		uniqueValues: new Set(dequantized).size,
		range: { min, max },
		codeRange: { min: 0, max: 2 ** 32 - 1 },
		bitsPerWeight: 32
	};
}

/**
 * Quantises a row-major matrix in one of QuantMatrix's formats. Unscaled floats (FP32, FP16,
 * BF16) ignore granularity and scheme; FP8 is scaled so each group's absmax lands on the
 * format's largest value. Throws the core's `AnatomyError` for bad input (non-finite values,
 * shape mismatch, unknown format).
 */
export function quantizeMatrix(values: readonly number[], o: MatrixOptions): MatrixQuantization {
	check(Array.isArray(values), 'values must be an array of numbers');
	checkInt(o.rows, 'rows', 1);
	checkInt(o.cols, 'cols', 1);
	check(values.length > 0, 'nothing to quantize: values is empty');
	if (o.rows * o.cols !== values.length) {
		throw new AnatomyError(
			'shape-mismatch',
			`rows × cols = ${o.rows} × ${o.cols} = ${o.rows * o.cols}, but ${values.length} values were given`
		);
	}
	check(
		values.length <= MAX_VALUES,
		`at most ${MAX_VALUES} values are drawn, got ${values.length}`,
		'out-of-range'
	);
	checkFinite(values, 'values');
	if (o.format === 'fp32') return fp32(values, o.rows, o.cols);
	const isInt = o.format === 'int8' || o.format === 'int4';
	const unscaled = o.format === 'fp16' || o.format === 'bf16';
	return quantize(values, {
		format: o.format,
		scheme: isInt ? o.scheme : 'symmetric',
		granularity: unscaled ? 'tensor' : o.granularity,
		groupSize: o.granularity === 'group' ? o.groupSize : undefined,
		shape: [o.rows, o.cols]
	});
}

/** True when a format has per-group scales (everything but FP32, FP16 and BF16). */
export function isScaled(format: QuantMatrixFormat): boolean {
	return format !== 'fp32' && format !== 'fp16' && format !== 'bf16';
}

/** True when a format takes a zero point (asymmetric integers). */
export function hasScheme(format: QuantMatrixFormat): boolean {
	return format === 'int8' || format === 'int4';
}

/**
 * How a stored code is written: integers as signed decimals (−127), NF4 as its level index
 * (0–15), float formats as their bit pattern in hex (0x3C00).
 */
export function codeLabel(code: number, format: QuantMatrixFormat): string {
	if (format === 'int8' || format === 'int4' || format === 'nf4')
		return code < 0 ? `−${-code}` : String(code);
	const bits = QUANT_MATRIX_FORMATS.find((f) => f.id === format)?.bits ?? 32;
	return (
		'0x' +
		(code >>> 0)
			.toString(16)
			.toUpperCase()
			.padStart(bits / 4, '0')
	);
}

/**
 * The storage spec a whole model would use in this format, for the core's memory estimate: the
 * format's usual scale layout (int8 one scale per row, int4 one per 128 weights, NF4 one per 64,
 * fp8 one per tensor) and a zero point when asymmetric.
 */
export function modelStorageSpec(format: QuantMatrixFormat, scheme: QuantScheme): StorageSpec {
	return { format, zeroPoint: hasScheme(format) && scheme === 'asymmetric' ? true : undefined };
}

/** WCAG relative luminance of an 'rgb(r, g, b)' or '#rrggbb' colour. */
function luminance(colour: string): number {
	const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(colour);
	const rgb = m
		? [Number(m[1]), Number(m[2]), Number(m[3])]
		: [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
	const [r, g, b] = rgb.map((v) => {
		const s = v / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
	return (x + 0.05) / (y + 0.05);
}

/** The ink (black or white) that reads better on a cell's background; on RdBu at least 4.6:1. */
export function inkFor(background: string, dark = '#000000', light = '#ffffff'): string {
	return contrast(background, dark) >= contrast(background, light) ? dark : light;
}
