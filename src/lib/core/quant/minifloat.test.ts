import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	BF16,
	FP16,
	FP8_E4M3,
	FP8_E5M2,
	codeTable,
	decodeMinifloat,
	decodeTable,
	encodeMinifloat,
	maxFinite,
	minNormal,
	minSubnormal,
	type MinifloatFormat
} from './minifloat.js';
import { decodeFp16, encodeFp16, f16round } from './fp16.js';
import { bf16round, decodeBf16, encodeBf16 } from './bf16.js';
import { decodeE4M3, decodeE5M2, encodeE4M3, encodeE5M2 } from './fp8.js';

/**
 * Independent oracle: the positive finite values of a format, in code order, found by decoding
 * every code, plus the "virtual" next value one step past the largest finite (where rounding
 * overflows). The nearest entry wins; an exact tie goes to the even code (even mantissa LSB).
 */
function oracle(f: MinifloatFormat) {
	const vals: number[] = [];
	const total = 2 ** (f.exponentBits + f.mantissaBits);
	for (let c = 0; c < total; c++) {
		const v = decodeMinifloat(c, f);
		if (!Number.isFinite(v)) break;
		vals.push(v);
	}
	const last = vals.length - 1;
	const ulp = 2 ** (Math.floor(Math.log2(vals[last])) - f.mantissaBits);
	vals.push(vals[last] + ulp);
	return (a: number): { code: number; overflow: boolean } => {
		let lo = 0;
		let hi = vals.length - 1;
		if (a >= vals[hi]) return { code: hi, overflow: true };
		while (hi - lo > 1) {
			const mid = (lo + hi) >> 1;
			if (vals[mid] <= a) lo = mid;
			else hi = mid;
		}
		const dl = a - vals[lo];
		const dh = vals[hi] - a;
		const code = dl < dh ? lo : dh < dl ? hi : lo % 2 === 0 ? lo : hi;
		return { code, overflow: code === vals.length - 1 };
	};
}

const oracles = new Map<MinifloatFormat, ReturnType<typeof oracle>>();
function expectEncodesLikeOracle(f: MinifloatFormat, x: number) {
	if (!oracles.has(f)) oracles.set(f, oracle(f));
	const near = oracles.get(f)!;
	const signBit = 2 ** (f.exponentBits + f.mantissaBits);
	const { code, overflow } = near(Math.abs(x));
	const sign = x < 0 || Object.is(x, -0) ? signBit : 0;
	const got = encodeMinifloat(x, f);
	if (overflow) {
		const v = decodeMinifloat(got, f);
		if (f.special === 'ieee') expect(v).toBe(x < 0 ? -Infinity : Infinity);
		else expect(v).toBeNaN();
	} else {
		expect(got).toBe(sign + code);
	}
}

describe('published code points', () => {
	it('fp16', () => {
		expect(encodeFp16(1)).toBe(0x3c00);
		expect(encodeFp16(65504)).toBe(0x7bff);
		expect(decodeFp16(0x7bff)).toBe(65504);
		expect(encodeFp16(1 / 3)).toBe(0x3555);
		expect(encodeFp16(-2)).toBe(0xc000);
		expect(encodeFp16(2 ** -24)).toBe(0x0001);
		expect(encodeFp16(2 ** -14)).toBe(0x0400);
		expect(decodeFp16(0x7c00)).toBe(Infinity);
		expect(decodeFp16(0xfc00)).toBe(-Infinity);
		expect(decodeFp16(0x7e00)).toBeNaN();
		expect(encodeFp16(NaN)).toBe(0x7e00);
		expect(encodeFp16(-0)).toBe(0x8000);
		expect(maxFinite(FP16)).toBe(65504);
	});
	it('bf16', () => {
		expect(encodeBf16(1)).toBe(0x3f80);
		expect(encodeBf16(1 / 3)).toBe(0x3eab);
		expect(encodeBf16(-1)).toBe(0xbf80);
		expect(encodeBf16(Infinity)).toBe(0x7f80);
		expect(encodeBf16(NaN)).toBe(0x7fc0);
		// max bf16 = (2 − 2^−7)·2^127 = 0x7f7f
		expect(decodeBf16(0x7f7f)).toBe((2 - 2 ** -7) * 2 ** 127);
		expect(maxFinite(BF16)).toBe((2 - 2 ** -7) * 2 ** 127);
		// π = 0x40490fdb as float32; the low half 0x0fdb < 0x8000 rounds down → 0x4049 = 3.140625
		expect(encodeBf16(Math.PI)).toBe(0x4049);
		expect(bf16round(Math.PI)).toBe(3.140625);
	});
	it('fp8 E4M3 (OCP): 448 = 0x7e, 2^-9 = 0x01, 1.0 = 0x38, NaN = 0x7f', () => {
		expect(encodeE4M3(448)).toBe(0x7e);
		expect(decodeE4M3(0x7e)).toBe(448);
		expect(encodeE4M3(2 ** -9)).toBe(0x01);
		expect(decodeE4M3(0x01)).toBe(2 ** -9);
		expect(encodeE4M3(1)).toBe(0x38);
		expect(decodeE4M3(0x08)).toBe(2 ** -6);
		expect(decodeE4M3(0x7f)).toBeNaN();
		expect(decodeE4M3(0xff)).toBeNaN();
		expect(encodeE4M3(NaN)).toBe(0x7f);
		expect(decodeE4M3(0x78)).toBe(256); // S.1111.000 is a number in E4M3, not ∞
		expect(maxFinite(FP8_E4M3)).toBe(448);
		expect(minNormal(FP8_E4M3)).toBe(2 ** -6);
		expect(minSubnormal(FP8_E4M3)).toBe(2 ** -9);
	});
	it('fp8 E5M2: 1.0 = 0x3c, 57344 = 0x7b, ∞ = 0x7c', () => {
		expect(encodeE5M2(1)).toBe(0x3c);
		expect(encodeE5M2(57344)).toBe(0x7b);
		expect(decodeE5M2(0x7b)).toBe(57344);
		expect(decodeE5M2(0x7c)).toBe(Infinity);
		expect(decodeE5M2(0xfc)).toBe(-Infinity);
		expect(decodeE5M2(0x7d)).toBeNaN();
		expect(encodeE5M2(2 ** -16)).toBe(0x01);
		expect(maxFinite(FP8_E5M2)).toBe(57344);
	});
});

describe('round to nearest, ties to even', () => {
	it('fp16 ties between 1 and 1 + 2^-10 go to the even mantissa', () => {
		// 1 + 2^-11 is exactly halfway between 0x3c00 (mantissa 0, even) and 0x3c01.
		expect(encodeFp16(1 + 2 ** -11)).toBe(0x3c00);
		// 1 + 3·2^-11 is halfway between 0x3c01 (odd) and 0x3c02 (even).
		expect(encodeFp16(1 + 3 * 2 ** -11)).toBe(0x3c02);
	});
	it('fp16 rounds the double once (no double rounding through float32)', () => {
		// Just above the tie: must round up. Math.fround would drop the 2^-40 and then tie to 0x3c00.
		const x = 1 + 2 ** -11 + 2 ** -40;
		expect(Math.fround(x)).toBe(1 + 2 ** -11);
		expect(encodeFp16(x)).toBe(0x3c01);
	});
	it('fp16 overflow: 65519.99 → 65504, 65520 (tie) → ∞, saturate keeps 65504', () => {
		expect(encodeFp16(65519.99)).toBe(0x7bff);
		expect(encodeFp16(65520)).toBe(0x7c00);
		expect(encodeFp16(1e6)).toBe(0x7c00);
		expect(encodeFp16(-1e6)).toBe(0xfc00);
		expect(encodeFp16(1e6, { saturate: true })).toBe(0x7bff);
		expect(encodeFp16(-Infinity, { saturate: true })).toBe(0xfbff);
	});
	it('fp16 underflow: half the smallest subnormal ties to zero, a bit more rounds up', () => {
		expect(encodeFp16(2 ** -25)).toBe(0x0000);
		expect(encodeFp16(2 ** -25 + 2 ** -40)).toBe(0x0001);
		expect(encodeFp16(3 * 2 ** -25)).toBe(0x0002); // 1.5 ulp ties to 2 (even)
		expect(encodeFp16(-(2 ** -26))).toBe(0x8000);
		expect(encodeFp16(1e-300)).toBe(0);
	});
	it('bf16 ties on float32 bits', () => {
		// 1 + 2^-8 is halfway between 1 (0x3f80) and 1 + 2^-7 (0x3f81): goes to even 0x3f80.
		expect(encodeBf16(1 + 2 ** -8)).toBe(0x3f80);
		// 1 + 3·2^-8 is halfway between 0x3f81 and 0x3f82: goes to even 0x3f82.
		expect(encodeBf16(1 + 3 * 2 ** -8)).toBe(0x3f82);
		// Largest float32 rounds up to ∞ in bf16 (its low half is 0xffff).
		expect(encodeBf16(3.4028234663852886e38)).toBe(0x7f80);
	});
	it('E4M3: values up to 464 round to 448; above 464 overflow to NaN or saturate', () => {
		expect(encodeE4M3(463.9)).toBe(0x7e);
		// 464 is halfway between 448 (mantissa 110, even) and the would-be 480 (111, odd): → 448
		expect(encodeE4M3(464)).toBe(0x7e);
		expect(decodeE4M3(encodeE4M3(464.001))).toBeNaN();
		expect(decodeE4M3(encodeE4M3(1e9))).toBeNaN();
		expect(decodeE4M3(encodeE4M3(Infinity))).toBeNaN();
		expect(encodeE4M3(465, { saturate: true })).toBe(0x7e);
		expect(encodeE4M3(-1e9, { saturate: true })).toBe(0xfe);
		expect(encodeE4M3(-Infinity, { saturate: true })).toBe(0xfe);
		// 1.0625 is halfway between 1 (0x38) and 1.125 (0x39): even → 0x38
		expect(encodeE4M3(1.0625)).toBe(0x38);
		expect(encodeE4M3(1.1875)).toBe(0x3a); // between 0x39 and 0x3a → 0x3a
	});
	it('E5M2: 61440 (tie between 57344 and 2^16) overflows to ∞', () => {
		expect(encodeE5M2(61439)).toBe(0x7b);
		expect(encodeE5M2(61440)).toBe(0x7c);
		expect(encodeE5M2(61440, { saturate: true })).toBe(0x7b);
		expect(encodeE5M2(1.125)).toBe(0x3c); // halfway between 1 and 1.25 → 1 (even)
	});
});

describe('exhaustive fp8 round trips', () => {
	for (const f of [FP8_E4M3, FP8_E5M2]) {
		it(`${f.name}: every non-NaN code decodes and re-encodes to itself`, () => {
			let nans = 0;
			for (let c = 0; c < 256; c++) {
				const v = decodeMinifloat(c, f);
				if (Number.isNaN(v)) {
					nans++;
					continue;
				}
				expect(encodeMinifloat(v, f)).toBe(c);
			}
			// E4M3: only 0x7f and 0xff; E5M2: 3 NaN mantissas × 2 signs
			expect(nans).toBe(f === FP8_E4M3 ? 2 : 6);
		});
		it(`${f.name}: codes are monotone in value over the positive half`, () => {
			const table = codeTable(f).filter((r) => r.code < 128 && r.kind !== 'nan');
			for (let i = 1; i < table.length; i++) expect(table[i].value).toBeGreaterThan(table[i - 1].value);
		});
	}
	it('E4M3 has 126 positive finite non-zero values; E5M2 has 123', () => {
		expect(codeTable(FP8_E4M3).filter((r) => r.value > 0 && Number.isFinite(r.value)).length).toBe(126);
		expect(codeTable(FP8_E5M2).filter((r) => r.value > 0 && Number.isFinite(r.value)).length).toBe(123);
	});
});

describe('fp16 and bf16 exhaustive round trips', () => {
	it('every finite fp16 code round-trips', () => {
		for (let c = 0; c < 0x10000; c++) {
			const v = decodeFp16(c);
			if (Number.isNaN(v)) continue;
			expect(encodeFp16(v)).toBe(c);
		}
	});
	it('every bf16 code round-trips (NaNs map to a quiet NaN)', () => {
		for (let c = 0; c < 0x10000; c++) {
			const v = decodeBf16(c);
			const back = encodeBf16(v);
			if (Number.isNaN(v)) expect(Number.isNaN(decodeBf16(back))).toBe(true);
			else expect(back).toBe(c);
		}
	});
});

describe('properties against the brute-force nearest-value oracle', () => {
	const doubles = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
	for (const f of [FP16, FP8_E4M3, FP8_E5M2]) {
		it(`${f.name} encodes to the nearest code (ties to even)`, () => {
			fc.assert(
				fc.property(doubles, (x) => expectEncodesLikeOracle(f, x)),
				{ numRuns: 3000 }
			);
		});
		it(`${f.name} encodes exact midpoints to the even code`, () => {
			const n = 2 ** (f.exponentBits + f.mantissaBits) - 2;
			fc.assert(
				fc.property(fc.integer({ min: 0, max: n }), (c) => {
					const a = decodeMinifloat(c, f);
					const b = decodeMinifloat(c + 1, f);
					if (!Number.isFinite(b)) return;
					expectEncodesLikeOracle(f, (a + b) / 2);
				}),
				{ numRuns: 2000 }
			);
		});
	}
	it('bf16 (float32 bit rounding) agrees with the generic encoder on float32 inputs', () => {
		fc.assert(
			fc.property(fc.float({ noNaN: true }), (x) => {
				expect(encodeBf16(x)).toBe(encodeMinifloat(x, BF16));
			}),
			{ numRuns: 5000 }
		);
	});
	it('f16round is idempotent and matches Math.f16round where the runtime has it', () => {
		const native = (Math as unknown as { f16round?: (x: number) => number }).f16round;
		fc.assert(
			fc.property(fc.double({ noNaN: true }), (x) => {
				const r = f16round(x);
				expect(f16round(r)).toBe(r);
				if (native) expect(Object.is(r, native(x))).toBe(true);
			}),
			{ numRuns: 3000 }
		);
	});
});

describe('decodeTable', () => {
	it('lists every code of a format in order and is cached', () => {
		const t = decodeTable(FP8_E4M3);
		expect(t.length).toBe(256);
		expect(t[0x38]).toBe(1);
		expect(t[0x7e]).toBe(448);
		expect(Number.isNaN(t[0x7f])).toBe(true);
		expect(decodeTable(FP8_E4M3)).toBe(t);
		expect(decodeTable(FP16)[0x3555]).toBe(decodeFp16(0x3555));
	});
});

describe('bad codes', () => {
	it('throws out-of-range for codes outside the format', () => {
		expect(() => decodeE4M3(256)).toThrow(/out-of-range|integer/);
		expect(() => decodeFp16(-1)).toThrow();
		expect(() => decodeFp16(1.5)).toThrow();
		expect(() => codeTable(FP16)).toThrow();
	});
});
