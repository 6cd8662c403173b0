import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { quantize } from '../../quant/quantize.js';
import { createRng } from '../../rng.js';
import { dequantizeInt8RowsCpu, quantizeInt8RowsCpu } from './quantize-int8.js';

describe('per-row symmetric int8', () => {
	it('codes worked by hand with an exactly representable scale', () => {
		// Row 0: max|x| = 31.75 → scale 31.75/127 = 0.25 exactly. x/scale: 31.75 → 127, −31.75 → −127,
		// 0.125 → 0.5 → 0 (tie to even), 0.375 → 1.5 → 2, 0.625 → 2.5 → 2, −0.375 → −1.5 → −2, 1 → 4.
		// Row 1: all zero → scale 0, codes 0.
		const x = Float32Array.from([31.75, -31.75, 0.125, 0.375, 0.625, -0.375, 1, 0, 0, 0, 0, 0, 0, 0]);
		const { codes, scales } = quantizeInt8RowsCpu(x, 2, 7);
		expect([...scales]).toEqual([0.25, 0]);
		expect([...codes]).toEqual([127, -127, 0, 2, 2, -2, 4, 0, 0, 0, 0, 0, 0, 0]);
		expect([...dequantizeInt8RowsCpu(codes, scales, 2, 7)]).toEqual([
			31.75, -31.75, 0, 0.5, 0.5, -0.5, 1, 0, 0, 0, 0, 0, 0, 0
		]);
	});

	it('round trip error is at most scale/2 and the row maximum is exact up to float32 rounding', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 5 }),
				fc.integer({ min: 1, max: 9 }),
				fc.array(fc.float({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 45, maxLength: 45 }),
				(rows, cols, pool) => {
					const x = Float32Array.from(pool.slice(0, rows * cols));
					const { codes, scales } = quantizeInt8RowsCpu(x, rows, cols);
					const y = dequantizeInt8RowsCpu(codes, scales, rows, cols);
					for (let i = 0; i < x.length; i++) {
						const s = scales[Math.floor(i / cols)];
						if (Math.abs(codes[i]) > 127) return false;
						// scale/2 plus float32 rounding of the quotient and of the product
						if (Math.abs(x[i] - y[i]) > s / 2 + 4e-7 * Math.abs(x[i]) + 1e-30) return false;
					}
					return true;
				}
			)
		);
	});

	it('agrees with core/quant int8 per-channel quantisation (float64 scales) except at rounding ties', () => {
		const rng = createRng(3);
		const [rows, cols] = [16, 33];
		const x = Float32Array.from({ length: rows * cols }, () => 5 * rng.normal());
		const mine = quantizeInt8RowsCpu(x, rows, cols);
		const ref = quantize(x, { format: 'int8', granularity: 'channel', shape: [rows, cols] });
		for (let r = 0; r < rows; r++)
			expect(Math.abs(mine.scales[r] - ref.scales[r]) / ref.scales[r]).toBeLessThan(1e-7);
		for (let i = 0; i < x.length; i++) {
			if (mine.codes[i] === ref.codes[i]) continue;
			const q = x[i] / ref.scales[Math.floor(i / cols)];
			expect(Math.abs(Math.abs(q % 1) - 0.5)).toBeLessThan(1e-5);
		}
	});

	it('rejects NaN, infinities, wrong shapes and negative scales', () => {
		expect(() => quantizeInt8RowsCpu(Float32Array.from([1, NaN]), 1, 2)).toThrow(AnatomyError);
		expect(() => quantizeInt8RowsCpu(Float32Array.from([1, Infinity]), 1, 2)).toThrow(/non-finite/);
		expect(() => quantizeInt8RowsCpu(Float32Array.from([1, 2, 3]), 2, 2)).toThrow(/shape|values/);
		expect(() => quantizeInt8RowsCpu(new Float32Array(0), -1, 0)).toThrow(/rows/);
		expect(() => dequantizeInt8RowsCpu(new Int8Array(2), Float32Array.from([-1]), 1, 2)).toThrow(/negative/);
		expect(() => dequantizeInt8RowsCpu(new Int8Array(2), Float32Array.from([1, 1]), 1, 2)).toThrow(
			/one per row/
		);
		expect(quantizeInt8RowsCpu(new Float32Array(0), 0, 5).codes.length).toBe(0);
	});
});
