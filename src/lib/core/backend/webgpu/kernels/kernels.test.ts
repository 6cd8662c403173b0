import { describe, expect, it } from 'vitest';
import { adamUniform } from './adam.js';
import { matmulTwin, matmulUniform } from './matmul.js';
import { int8Uniform, padToWords } from './quantize-int8.js';
import { QUANTIZE_PACK_WGSL } from './quantize-int8.js';
import { softmaxUniform } from './softmax.js';

describe('kernel uniforms', () => {
	it('matmul: m, k, n as u32 then α as f32', () => {
		const buf = matmulUniform(3, 4, 5, 0.5);
		expect(buf.byteLength).toBe(16);
		expect([...new Uint32Array(buf, 0, 3)]).toEqual([3, 4, 5]);
		expect(new Float32Array(buf, 12, 1)[0]).toBe(0.5);
	});

	it('softmax: rows, cols, causal flag and the quiet-NaN bits', () => {
		expect([...new Uint32Array(softmaxUniform(7, 9, true))]).toEqual([7, 9, 1, 0x7fc00000]);
		expect(new Float32Array(softmaxUniform(1, 1, false))[3]).toBeNaN();
	});

	it('adam: step factors computed in float64 before rounding to float32', () => {
		// t = 2, lr 0.1, λ 0.01, β 0.9/0.999: η/(1−β₁²) = 0.1/0.19, 1−β₂² = 0.001999.
		const buf = adamUniform(10, { lr: 0.1, weightDecay: 0.01, t: 2 });
		expect(buf.byteLength % 16).toBe(0);
		expect(new Uint32Array(buf, 0, 1)[0]).toBe(10);
		const f = new Float32Array(buf, 4, 8);
		const want = [0.9, 0.1, 0.999, 0.001, 1e-8, 0.001, 0.1 / 0.19, 0.001999];
		want.forEach((w, i) => expect(f[i]).toBe(Math.fround(w)));
	});

	it('int8: two words, padded to 16 bytes', () => {
		const b = int8Uniform(11, 3);
		expect(b.byteLength).toBe(16);
		expect([...new Uint32Array(b)]).toEqual([11, 3, 0, 0]);
	});

	it('padToWords keeps the bytes of the codes (two’s complement) and pads to 4', () => {
		const p = padToWords(Int8Array.from([-1, 2, -127, 5, 6]));
		expect([...p]).toEqual([255, 2, 129, 5, 6, 0, 0, 0]);
		// the kernel packs byte b of word w at bits 8b..8b+7 (little-endian, as Int8Array memory)
		expect(new Uint32Array(p.buffer)[0]).toBe(0x0581_02ff);
		expect(QUANTIZE_PACK_WGSL).toContain('<< (8u * b)');
	});
});

describe('matmulTwin', () => {
	it('a 2×3 · 3×2 product worked by hand', () => {
		// [1 2 3; 4 5 6] · [7 8; 9 10; 11 12] = [1·7+2·9+3·11, 1·8+2·10+3·12; …] = [58 64; 139 154]
		const a = Float32Array.from([1, 2, 3, 4, 5, 6]);
		const b = Float32Array.from([7, 8, 9, 10, 11, 12]);
		expect([...matmulTwin(a, b, 2, 3, 2)]).toEqual([58, 64, 139, 154]);
		// Bᵀ given as 2×3 rows [7 9 11; 8 10 12] gives the same product.
		const bt = Float32Array.from([7, 9, 11, 8, 10, 12]);
		expect([...matmulTwin(a, bt, 2, 3, 2, { transposeB: true })]).toEqual([58, 64, 139, 154]);
		expect([...matmulTwin(a, bt, 2, 3, 2, { transposeB: true, alpha: 0.5 })]).toEqual([29, 32, 69.5, 77]);
	});

	it('sums in float32: 1 + 2⁻²⁴ + 2⁻²⁴ stays 1, where float64 would not', () => {
		const e = 2 ** -24;
		const a = Float32Array.from([1, 1, 1]);
		const b = Float32Array.from([1, e, e]);
		expect(matmulTwin(a, b, 1, 3, 1)[0]).toBe(1);
	});
});
