import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../core/errors.js';
import {
	codeLabel,
	contrast,
	exampleMatrix,
	inkFor,
	isScaled,
	modelStorageSpec,
	quantizeMatrix
} from './quant-view.js';

const opts = { scheme: 'symmetric', granularity: 'tensor', groupSize: 4, rows: 1, cols: 4 } as const;

describe('quantizeMatrix', () => {
	it('int8 symmetric per tensor: [−1, 0, 0.5, 1] → [−127, 0, 64, 127]', () => {
		// s = 1 / 127; 0.5 / s = 63.5 rounds half to even → 64; 64 / 127 = 0.503937…
		const q = quantizeMatrix([-1, 0, 0.5, 1], { ...opts, format: 'int8' });
		expect([...q.codes]).toEqual([-127, 0, 64, 127]);
		expect(q.scales[0]).toBeCloseTo(1 / 127, 12);
		expect(q.dequantized[2]).toBeCloseTo(64 / 127, 6);
		expect(q.error.maxAbs).toBeCloseTo(64 / 127 - 0.5, 6);
	});

	it('int8 asymmetric: zero point 128 and codes [0, 128, 192, 255]', () => {
		// s = 2 / 255; z = round(127.5) = 128 (half to even); 0.5 / s = 63.75 → 64 + 128 = 192;
		// 1 / s = 127.5 → 128 + 128 = 256, clamped to 255
		const q = quantizeMatrix([-1, 0, 0.5, 1], { ...opts, format: 'int8', scheme: 'asymmetric' });
		expect([...q.codes]).toEqual([0, 128, 192, 255]);
		expect(q.zeroPoints[0]).toBe(128);
	});

	it('fp16 and bf16 codes are the IEEE bit patterns', () => {
		// binary16: 1.0 = 0x3C00, 0.5 = 0x3800, −1 = 0xBC00; bfloat16: 1.0 = 0x3F80
		const h = quantizeMatrix([-1, 0, 0.5, 1], { ...opts, format: 'fp16' });
		expect([...h.codes].map((c) => codeLabel(c, 'fp16'))).toEqual(['0xBC00', '0x0000', '0x3800', '0x3C00']);
		const b = quantizeMatrix([-1, 0, 0.5, 1], { ...opts, format: 'bf16' });
		expect(codeLabel(b.codes[3], 'bf16')).toBe('0x3F80');
	});

	it('fp32 keeps float32 values exactly and shows their bit patterns', () => {
		// 1.0f = 0x3F800000, −2.0f = 0xC0000000, 0.1 rounds to 0x3DCCCCCD
		const q = quantizeMatrix([1, -2, 0.1, 0], { ...opts, format: 'fp32' });
		expect([...q.codes].map((c) => codeLabel(c, 'fp32'))).toEqual([
			'0x3F800000',
			'0xC0000000',
			'0x3DCCCCCD',
			'0x00000000'
		]);
		expect(q.dequantized[2]).toBe(Math.fround(0.1));
		const exact = quantizeMatrix(exampleMatrix(3, 4), { ...opts, rows: 3, cols: 4, format: 'fp32' });
		expect(exact.error).toEqual({ mse: 0, maxAbs: 0, snrDb: Infinity });
		expect(exact.bitsPerWeight).toBe(32);
	});

	it('fp8 E4M3 puts the absmax on 448 (code 0x7E)', () => {
		const q = quantizeMatrix([-1, 0, 0.5, 1], { ...opts, format: 'fp8-e4m3' });
		expect(codeLabel(q.codes[3], 'fp8-e4m3')).toBe('0x7E');
		expect(q.scales[0]).toBeCloseTo(1 / 448, 12);
	});

	it('group-wise scales: one per group of each row', () => {
		const q = quantizeMatrix([1, 2, 3, 4, 5, 6, 7, 8], {
			...opts,
			rows: 2,
			format: 'int8',
			granularity: 'group',
			groupSize: 2
		});
		// groups [1,2] [3,4] [5,6] [7,8]: scales absmax / 127
		expect([...q.scales].map((s) => s * 127)).toEqual([2, 4, 6, 8].map((v) => expect.closeTo(v, 9)));
	});

	it('rejects bad input with AnatomyError', () => {
		expect(() => quantizeMatrix([1, NaN, 0, 0], { ...opts, format: 'int8' })).toThrow(AnatomyError);
		expect(() => quantizeMatrix([1, 2, 3], { ...opts, format: 'int8' })).toThrow(/rows × cols/);
		expect(() => quantizeMatrix([], { ...opts, rows: 0, format: 'int8' })).toThrow(AnatomyError);
		expect(() =>
			quantizeMatrix(new Array(5000).fill(0), { ...opts, rows: 50, cols: 100, format: 'int8' })
		).toThrow(/at most/);
	});

	it('never errs by more than half a step for symmetric int8 (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 64 }),
				(xs) => {
					const q = quantizeMatrix(xs, { ...opts, rows: 1, cols: xs.length, format: 'int8' });
					return q.error.maxAbs <= q.scales[0] / 2 + 1e-9 * Math.max(1, q.scales[0]);
				}
			)
		);
	});
});

describe('exampleMatrix', () => {
	it('is seeded, float32 and has one outlier four times the rest', () => {
		const a = exampleMatrix(6, 8, 7);
		expect(exampleMatrix(6, 8, 7)).toEqual(a);
		expect(exampleMatrix(6, 8, 8)).not.toEqual(a);
		for (const v of a) expect(Math.fround(v)).toBe(v);
		const sorted = a.map(Math.abs).sort((x, y) => y - x);
		expect(sorted[0] / sorted[1]).toBeGreaterThan(3.9);
	});
});

describe('labels and specs', () => {
	it('writes codes and picks the model storage layout', () => {
		expect(codeLabel(-7, 'int4')).toBe('−7');
		expect(codeLabel(15, 'nf4')).toBe('15');
		expect(codeLabel(0x7b, 'fp8-e5m2')).toBe('0x7B');
		expect(isScaled('bf16')).toBe(false);
		expect(isScaled('nf4')).toBe(true);
		expect(modelStorageSpec('int4', 'asymmetric')).toEqual({ format: 'int4', zeroPoint: true });
		expect(modelStorageSpec('nf4', 'asymmetric')).toEqual({ format: 'nf4', zeroPoint: undefined });
	});
});

describe('inkFor', () => {
	it('picks the ink with the higher WCAG contrast, at least 4.5:1 across the RdBu scale', async () => {
		const { interpolateRdBu } = await import('d3-scale-chromatic');
		// WCAG: white on black is 21:1
		expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
		expect(inkFor('rgb(255, 255, 255)')).toBe('#000000');
		expect(inkFor('#053061')).toBe('#ffffff');
		for (let i = 0; i <= 100; i++) {
			const bg = interpolateRdBu(i / 100);
			expect(contrast(bg, inkFor(bg)), bg).toBeGreaterThanOrEqual(4.5);
		}
	});
});
