import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantize } from './quantize.js';
import { encodeFp16 } from './fp16.js';
import { encodeBf16 } from './bf16.js';
import { NF4_LEVELS } from './nf4.js';
import { AnatomyError } from '../errors.js';
import { createRng } from '../rng.js';

const f32 = (v: number) => Math.fround(v);
const codeOf = (err: unknown) => (err instanceof AnatomyError ? err.code : String(err));
function thrown(fn: () => unknown): string {
	try {
		fn();
	} catch (e) {
		return codeOf(e);
	}
	return 'no error';
}

describe('hand-computed cases', () => {
	it('int8 symmetric per tensor: [−1, 0, 0.5, 1] → scale 1/127, codes [−127, 0, 64, 127]', () => {
		const r = quantize([-1, 0, 0.5, 1], { format: 'int8', granularity: 'tensor' });
		// 0.5 · 127 = 63.5, a tie, rounds to the even 64
		expect(Array.from(r.codes)).toEqual([-127, 0, 64, 127]);
		expect(r.scales[0]).toBe(1 / 127);
		expect(Array.from(r.dequantized)).toEqual([-1, 0, 64 / 127, 1].map(f32));
		expect(r.error.maxAbs).toBeCloseTo(1 / 254, 7); // the tie costs exactly half a step
		expect(r.codeRange).toEqual({ min: -127, max: 127 });
		expect(r.range).toEqual({ min: -1, max: 1 });
		// 4 codes of 8 bits + one fp16 scale: (32 + 16) / 4 = 12 bits per weight
		expect(r.bitsPerWeight).toBe(12);
	});
	it('int4 symmetric: [−1, 0, 0.5, 1] → scale 1/7, 0.5·7 = 3.5 → 4', () => {
		const r = quantize([-1, 0, 0.5, 1], { format: 'int4', granularity: 'tensor' });
		expect(Array.from(r.codes)).toEqual([-7, 0, 4, 7]);
		expect(r.codeRange).toEqual({ min: -7, max: 7 });
	});
	it('int8 asymmetric: [−1, 3] → s = 4/255, z = round(63.75) = 64, codes [0, 255]', () => {
		const r = quantize([-1, 3], { format: 'int8', scheme: 'asymmetric', granularity: 'tensor' });
		expect(r.scales[0]).toBe(4 / 255);
		expect(r.zeroPoints[0]).toBe(64);
		expect(Array.from(r.codes)).toEqual([0, 255]);
		// x̂ = (q − z)·s: (0 − 64)·4/255 = −1.003921…, (255 − 64)·4/255 = 2.996078…
		expect(r.dequantized[0]).toBeCloseTo(-256 / 255, 6);
		expect(r.dequantized[1]).toBeCloseTo(764 / 255, 6);
		expect(r.codeRange).toEqual({ min: 0, max: 255 });
		// 2 codes · 8 bits + fp16 scale + fp16 zero point = 48 bits / 2
		expect(r.bitsPerWeight).toBe(24);
	});
	it('asymmetric widens the range to include 0 (zero stays exact)', () => {
		const r = quantize([1, 2, 3], { format: 'int8', scheme: 'asymmetric', granularity: 'tensor' });
		// lo = min(1, 0) = 0, hi = 3: s = 3/255, z = 0; 1/s = 85, 2/s = 170, 3/s = 255
		expect(r.zeroPoints[0]).toBe(0);
		expect(Array.from(r.codes)).toEqual([85, 170, 255]);
	});
	it('asymmetric with exact ties at both ends leaves the max one code short, still within s/2', () => {
		// s = 3/15 = 0.2, −lo/s = 2.5 → z = 2 (even); 2.5/s = 12.5 → 12 (even), q = 14 not 15
		const r = quantize([-0.5, 2.5], { format: 'int4', scheme: 'asymmetric', granularity: 'tensor' });
		expect(r.zeroPoints[0]).toBe(2);
		expect(Array.from(r.codes)).toEqual([0, 14]);
		expect(r.error.maxAbs).toBeLessThanOrEqual(0.1 + 1e-7);
	});
	it('per channel: one scale per row', () => {
		const r = quantize([1, -2, 0.5, 4, 0, -1], { format: 'int8', granularity: 'channel', shape: [2, 3] });
		expect(r.scales.length).toBe(2);
		expect(r.scales[0]).toBe(2 / 127);
		expect(r.scales[1]).toBe(4 / 127);
		expect(Array.from(r.codes)).toEqual([64, -127, 32, 127, 0, -32]); // 63.5 → 64, 31.75 → 32
		expect(r.groupSize).toBe(3);
	});
	it('groups run along rows; the last group of a row may be short', () => {
		// shape [2, 6], group 4: row 0 groups [0..3] and [4..5], row 1 likewise
		const vals = [1, 2, 3, 4, 10, -20, 0.5, 0.5, -1, 0.25, 7, 7];
		const r = quantize(vals, { format: 'int8', granularity: 'group', groupSize: 4, shape: [2, 6] });
		expect(r.groupsPerRow).toBe(2);
		expect(Array.from(r.scales)).toEqual([4 / 127, 20 / 127, 1 / 127, 7 / 127]);
		expect(r.codes[5]).toBe(-127);
		expect(r.codes[10]).toBe(127);
	});
	it('NF4: block absmax 2, [2, −2, 0, 0.16] → codes [15, 0, 7, 8]', () => {
		const r = quantize([2, -2, 0, 0.16], { format: 'nf4' });
		// 0.16 / 2 = 0.08 is nearest to level 8 (0.0796)
		expect(Array.from(r.codes)).toEqual([15, 0, 7, 8]);
		expect(r.scales[0]).toBe(2);
		expect(r.dequantized[3]).toBe(f32(2 * NF4_LEVELS[8]));
		// 4 codes · 4 bits + one fp32 absmax = 48 bits over 4 values
		expect(r.bitsPerWeight).toBe(12);
	});
	it('NF4 on 64·k values costs 4.5 bits, 4.127 with double quantisation', () => {
		const vals = Array.from({ length: 64 * 512 }, (_, i) => Math.sin(i));
		expect(quantize(vals, { format: 'nf4' }).bitsPerWeight).toBe(4.5);
		// 512 blocks: 512·8 + ⌈512/256⌉·32 = 4160 bits over 32768 values
		expect(quantize(vals, { format: 'nf4', doubleQuant: true }).bitsPerWeight).toBe(4 + 4160 / 32768);
	});
	it('fp16 and bf16 codes are the bit patterns (no scale)', () => {
		const r = quantize([1 / 3, 1, -2], { format: 'fp16' });
		expect(Array.from(r.codes)).toEqual([0x3555, 0x3c00, 0xc000]);
		expect(Array.from(r.scales)).toEqual([1]);
		expect(r.bitsPerWeight).toBe(16);
		const b = quantize([1 / 3, 1], { format: 'bf16' });
		expect(Array.from(b.codes)).toEqual([0x3eab, 0x3f80]);
		expect(b.codes[0]).toBe(encodeBf16(1 / 3));
		expect(r.codeRange).toEqual({ min: 0, max: 0xffff });
	});
	it('fp8 E4M3 scales the group absmax onto 448', () => {
		// scale 3/448: −3 → −448 (0xfe), 1.5 → 224 = 1.75·2^7 (0x76), 0.75 → 112 = 1.75·2^6 (0x6e)
		const r = quantize([-3, 1.5, 0.75], { format: 'fp8-e4m3' });
		expect(r.scales[0]).toBe(3 / 448);
		expect(Array.from(r.codes)).toEqual([0xfe, 0x76, 0x6e]);
		expect(Array.from(r.dequantized)).toEqual([-3, 1.5, 0.75]);
		expect(r.error.snrDb).toBe(Infinity);
	});
	it('fp8 unscaled saturates by default; fp16 unscaled overflows to ∞ (reported, not NaN)', () => {
		const e4 = quantize([1000, 1], { format: 'fp8-e4m3', scaled: false });
		expect(e4.dequantized[0]).toBe(448);
		const e4nan = quantize([1000, 1], { format: 'fp8-e4m3', scaled: false, saturate: false });
		expect(e4nan.dequantized[0]).toBeNaN();
		expect(e4nan.error.mse).toBe(Infinity);
		const h = quantize([1e6, 1], { format: 'fp16' });
		expect(h.codes[0]).toBe(encodeFp16(Infinity));
		expect(h.error.maxAbs).toBe(Infinity);
		expect(h.error.snrDb).toBe(-Infinity);
	});
});

describe('properties', () => {
	const vec = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 64 });
	for (const format of ['int8', 'int4'] as const) {
		for (const scheme of ['symmetric', 'asymmetric'] as const) {
			it(`${format} ${scheme}: |x − x̂| ≤ scale/2 in every group`, () => {
				fc.assert(
					fc.property(vec, fc.integer({ min: 1, max: 16 }), (v, g) => {
						const r = quantize(v, { format, scheme, granularity: 'group', groupSize: g });
						for (let i = 0; i < v.length; i++) {
							const s = r.scales[Math.floor(i / g)];
							// float32 storage of x̂ adds up to half an ulp (relative 2^-24) or 2^-150 near zero
							const tol = s / 2 + 2 ** -23 * Math.abs(v[i]) + 2 ** -149;
							expect(Math.abs(v[i] - r.dequantized[i])).toBeLessThanOrEqual(tol);
							expect(r.codes[i]).toBeGreaterThanOrEqual(r.codeRange.min);
							expect(r.codes[i]).toBeLessThanOrEqual(r.codeRange.max);
						}
					}),
					{ numRuns: 300 }
				);
			});
		}
		it(`${format} asymmetric maps the (zero-widened) min to qmin and the max to qmax (or one short on a tie)`, () => {
			fc.assert(
				fc.property(
					fc.double({ min: -50, max: -1e-3, noNaN: true }),
					fc.double({ min: 1e-3, max: 50, noNaN: true }),
					vec,
					(lo, hi, mid) => {
						const v = [lo, hi, ...mid.map((m) => Math.min(hi, Math.max(lo, m)))];
						const r = quantize(v, { format, scheme: 'asymmetric', granularity: 'tensor' });
						expect(r.codes[0]).toBe(0);
						expect(r.codes[1]).toBeGreaterThanOrEqual(r.codeRange.max - 1);
					}
				),
				{ numRuns: 300 }
			);
		});
	}
	it('NF4 dequantises to a level times the block absmax, and the nearest one', () => {
		fc.assert(
			fc.property(vec, (v) => {
				const r = quantize(v, { format: 'nf4', groupSize: 8 });
				for (let i = 0; i < v.length; i++) {
					const a = r.scales[Math.floor(i / 8)];
					if (a === 0) continue;
					const best = Math.min(...NF4_LEVELS.map((l) => Math.abs(v[i] / a - l)));
					expect(Math.abs(v[i] / a - NF4_LEVELS[r.codes[i]])).toBeCloseTo(best, 12);
				}
			}),
			{ numRuns: 200 }
		);
	});
	it('int8 on uniform data: mse ≈ s²/12, the uniform rounding-noise law', () => {
		const rng = createRng(7);
		const v = Array.from({ length: 100_000 }, () => 2 * rng.next() - 1);
		v[0] = 1; // pin the absmax so s = 1/127 exactly
		const r = quantize(v, { format: 'int8', granularity: 'tensor' });
		const expected = (1 / 127) ** 2 / 12;
		expect(Math.abs(r.error.mse / expected - 1)).toBeLessThan(0.05);
		// SNR = 10·log10((1/3) / (s²/12)) for uniform data on [−1, 1]: ≈ 46.1 dB
		expect(r.error.snrDb).toBeCloseTo(10 * Math.log10(1 / 3 / expected), 0);
	});
	it('unique values: int4 symmetric ≤ 15 levels, int8 ≤ 255, nf4 ≤ 16 (per tensor)', () => {
		const v = Array.from({ length: 2001 }, (_, i) => -1 + i / 1000);
		expect(quantize(v, { format: 'int4', granularity: 'tensor' }).uniqueValues).toBe(15);
		expect(quantize(v, { format: 'int8', granularity: 'tensor' }).uniqueValues).toBe(255);
		expect(quantize(v, { format: 'nf4', granularity: 'tensor' }).uniqueValues).toBe(16);
		expect(quantize(v, { format: 'int4', scheme: 'asymmetric', granularity: 'tensor' }).uniqueValues).toBe(
			16
		);
	});
});

describe('unique values with many distinct values (sort path)', () => {
	it('counts exactly past 65,536 distinct values, with −0 and +0 as one', () => {
		const v = Array.from({ length: 100_000 }, (_, i) => (i - 50_000) / 7);
		v.push(-0, 0);
		const r = quantize(v, { format: 'bf16' });
		// reference: a Set of the dequantised values (a Set treats −0 and +0 as equal)
		expect(r.uniqueValues).toBe(new Set(Array.from(r.dequantized)).size);
		expect(r.uniqueValues).toBeGreaterThan(1000);
		// int8 groups of 16 over distinct inputs: each group has its own scale, so ~100k distinct values
		const w = Array.from({ length: 100_000 }, (_, i) => Math.sin(i) * (1 + i / 1000));
		const g = quantize(w, { format: 'int8', granularity: 'group', groupSize: 16 });
		expect(g.uniqueValues).toBe(new Set(Array.from(g.dequantized)).size);
		expect(g.uniqueValues).toBeGreaterThan(65_536);
	});
});

describe('edge cases and bad input', () => {
	it('an all-zero tensor gives scale 0 and exact zeros, never NaN', () => {
		for (const format of ['int8', 'int4', 'nf4', 'fp8-e4m3', 'fp16'] as const) {
			const r = quantize(new Float32Array(8), { format });
			expect(Array.from(r.dequantized)).toEqual(new Array(8).fill(0));
			expect(r.error.mse).toBe(0);
			expect(r.error.snrDb).toBe(Infinity);
			for (const s of r.scales) expect(Number.isNaN(s)).toBe(false);
		}
		const a = quantize([0, 0], { format: 'int8', scheme: 'asymmetric' });
		expect(a.scales[0]).toBe(0);
		expect(Array.from(a.dequantized)).toEqual([0, 0]);
	});
	it('a single value is reproduced exactly by the symmetric int formats', () => {
		expect(quantize([-0.3], { format: 'int4' }).dequantized[0]).toBe(f32(-0.3));
	});
	it('rejects NaN, ±∞, empty input, wrong shapes and unknown options', () => {
		expect(thrown(() => quantize([1, NaN], { format: 'int8' }))).toBe('non-finite');
		expect(thrown(() => quantize([Infinity], { format: 'fp16' }))).toBe('non-finite');
		expect(thrown(() => quantize([], { format: 'int8' }))).toBe('invalid-argument');
		expect(thrown(() => quantize([1, 2, 3], { format: 'int8', shape: [2, 2] }))).toBe('shape-mismatch');
		expect(thrown(() => quantize([1, 2], { format: 'int3' as never }))).toBe('invalid-argument');
		expect(thrown(() => quantize([1, 2], { format: 'nf4', scheme: 'asymmetric' }))).toBe('invalid-argument');
		expect(thrown(() => quantize([1, 2], { format: 'int4', granularity: 'group', groupSize: 0 }))).toBe(
			'out-of-range'
		);
		expect(thrown(() => quantize([1, 2], { format: 'int4', granularity: 'rows' as never }))).toBe(
			'invalid-argument'
		);
		expect(thrown(() => quantize(['1'] as never, { format: 'int8' }))).toBe('invalid-argument');
	});
	it('a large tensor finishes (1M values)', () => {
		const v = new Float32Array(1 << 20).map((_, i) => Math.cos(i));
		const r = quantize(v, { format: 'int4' });
		expect(r.codes.length).toBe(1 << 20);
		expect(r.bitsPerWeight).toBe(4.125);
	});
});
