import { describe, expect, it } from 'vitest';
import { bitsPerWeight, groupCount, resolveStorage, storageBits } from './storage.js';
import { AnatomyError } from '../errors.js';

describe('bits per weight', () => {
	it('plain formats', () => {
		expect(bitsPerWeight('fp32')).toBe(32);
		expect(bitsPerWeight('bf16')).toBe(16);
		expect(bitsPerWeight('fp16')).toBe(16);
		expect(bitsPerWeight('fp8')).toBe(8);
		expect(bitsPerWeight('int8')).toBe(8);
	});
	it('int4 with an fp16 scale per 128: 4 + 16/128 = 4.125; with a zero point 4 + 32/128 = 4.25', () => {
		expect(bitsPerWeight('int4')).toBe(4.125);
		expect(bitsPerWeight({ format: 'int4', zeroPoint: true })).toBe(4.25);
		expect(bitsPerWeight({ format: 'int4', granularity: 32 })).toBe(4.5);
		expect(bitsPerWeight({ format: 'int4', granularity: 64, zeroPoint: true })).toBe(4.5);
	});
	it('NF4: 4 + 32/64 = 4.5; double quantisation 4 + 8/64 + 32/(64·256) = 4.126953125 (QLoRA §3)', () => {
		expect(bitsPerWeight('nf4')).toBe(4.5);
		expect(bitsPerWeight({ format: 'nf4', doubleQuant: true })).toBe(4.126953125);
	});
	it('exact for a shape: per-channel int8 on 4096×4096 = 8 + 16/4096', () => {
		expect(bitsPerWeight('int8', [4096, 4096])).toBe(8 + 16 / 4096);
		// fp8 with one fp32 scale per tensor on a 2×2 matrix: (4·8 + 32) / 4 = 16
		expect(bitsPerWeight('fp8', [2, 2])).toBe(16);
		// int4 group 128 on a row of 200: ⌈200/128⌉ = 2 groups → (200·4 + 2·16) / 200 = 4.16
		expect(bitsPerWeight('int4', [1, 200])).toBeCloseTo(4.16, 12);
	});
});

describe('storageBits', () => {
	it('counts groups along rows', () => {
		expect(groupCount(3, 10, 4)).toBe(9);
		expect(groupCount(3, 10, 'channel')).toBe(3);
		expect(groupCount(3, 10, 'tensor')).toBe(1);
		expect(storageBits(3, 10, { format: 'int4', granularity: 4 })).toBe(30 * 4 + 9 * 16);
		expect(storageBits(0, 10, 'int4')).toBe(0);
	});
	it('NF4 double quantisation: 1000 blocks → 1000·8 + ⌈1000/256⌉·32', () => {
		expect(storageBits(1000, 64, { format: 'nf4', doubleQuant: true })).toBe(64000 * 4 + 8000 + 4 * 32);
	});
	it('rejects bad specs', () => {
		expect(() => resolveStorage('int3' as never)).toThrow(AnatomyError);
		expect(() => resolveStorage({ format: 'int4', granularity: 0 })).toThrow(/group size/);
		expect(() => resolveStorage({ format: 'int8', doubleQuant: true })).toThrow(/nf4/);
		expect(() => storageBits(-1, 4, 'int8')).toThrow(AnatomyError);
		expect(() => storageBits(NaN, 4, 'int8')).toThrow(AnatomyError);
	});
});
