import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { createRng } from '../../rng.js';
import { initWeights, weightFieldLayout } from './layout.js';
import { initLora, LORA_TARGETS, loraGradients, loraLayout, mergeLora } from './lora.js';
import { batchLoss, batchLossAndGradients, createWorkspace } from './model.js';

const cfg = { vocab: 5, dModel: 4, heads: 2, context: 4, ff: 8 };
const layout = weightFieldLayout(cfg);
const tokens = Int32Array.from([0, 3, 1, 4, 2, 2, 4, 0]);

describe('LoRA adapters', () => {
	it('have 2·r·(d_in + d_out) numbers per adapted matrix', () => {
		const lora = loraLayout(layout, 2, 4);
		// 4 matrices × 2 × (4·2 + 2·4) / 2 … written out: A is 4×2 = 8, B is 2×4 = 8, so 16 per matrix, 64 in all.
		expect(lora.count).toBe(64);
		expect(lora.scale).toBe(2);
		expect(lora.groups.map((g) => g.name)).toEqual([
			'lora.q.A',
			'lora.q.B',
			'lora.k.A',
			'lora.k.B',
			'lora.v.A',
			'lora.v.B',
			'lora.o.A',
			'lora.o.B'
		]);
	});

	it('start as a zero delta (B = 0), so the merged weights equal the base bit for bit', () => {
		const lora = loraLayout(layout, 2, 4);
		const base = new Float32Array(layout.count);
		initWeights(layout, createRng(1), base);
		const ad = new Float32Array(lora.count);
		initLora(lora, createRng(2), ad);
		const merged = new Float32Array(layout.count);
		mergeLora(layout, lora, base, ad, merged);
		expect(merged).toEqual(base);
	});

	it('merge W + s·A·B matches a hand calculation on one entry', () => {
		const lora = loraLayout(layout, 1, 3); // s = 3
		const base = new Float64Array(layout.count);
		const ad = new Float64Array(lora.count);
		const qA = lora.groups[0];
		const qB = lora.groups[1];
		ad[qA.offset + 2] = 0.5; // A[2, 0]
		ad[qB.offset + 1] = -2; // B[0, 1]
		const merged = new Float64Array(layout.count);
		mergeLora(layout, lora, base, ad, merged);
		// ΔW[2, 1] = s·A[2,0]·B[0,1] = 3 · 0.5 · (−2) = −3; every other entry 0.
		const q = layout.byName['attn.q'];
		expect(merged[q.offset + 2 * 4 + 1]).toBe(-3);
		expect(merged.reduce((a, x) => a + Math.abs(x), 0)).toBe(3);
	});

	it('adapter gradients match central finite differences of the loss through the merge', () => {
		const lora = loraLayout(layout, 2, 4);
		const base = new Float64Array(layout.count);
		initWeights(layout, createRng(3), base);
		for (const g of layout.groups)
			if (g.name === 'unembedding') for (let i = 0; i < g.length; i++) base[g.offset + i] *= 25;
		const ad = new Float64Array(lora.count);
		const rng = createRng(4);
		for (let i = 0; i < ad.length; i++) ad[i] = 0.5 * rng.normal(); // B ≠ 0 so both factors have gradients
		const ws = createWorkspace(cfg, 2, 3, { f64: true });
		const merged = new Float64Array(layout.count);
		const loss = () => {
			mergeLora(layout, lora, base, ad, merged);
			return batchLoss(cfg, layout, merged, tokens, ws).loss;
		};
		mergeLora(layout, lora, base, ad, merged);
		const gW = new Float64Array(layout.count);
		batchLossAndGradients(cfg, layout, merged, tokens, ws, gW, new Set(LORA_TARGETS));
		const gA = new Float64Array(lora.count);
		loraGradients(layout, lora, ad, gW, gA);
		const h = 1e-5;
		let num = 0;
		let den = 0;
		for (let i = 0; i < ad.length; i++) {
			const x = ad[i];
			ad[i] = x + h;
			const lp = loss();
			ad[i] = x - h;
			const lm = loss();
			ad[i] = x;
			const fd = (lp - lm) / (2 * h);
			num += (fd - gA[i]) ** 2;
			den += fd ** 2 + gA[i] ** 2;
		}
		expect(Math.sqrt(num / den)).toBeLessThan(1e-6);
	});

	it('rejects bad ranks, alphas and lengths', () => {
		expect(() => loraLayout(layout, 0, 1)).toThrow(AnatomyError);
		expect(() => loraLayout(layout, 5, 1)).toThrow(AnatomyError);
		expect(() => loraLayout(layout, 2, NaN)).toThrow(/finite/);
		expect(() => loraLayout(layout, 2, -1)).toThrow(AnatomyError);
		const lora = loraLayout(layout, 2, 4);
		expect(() => initLora(lora, createRng(1), new Float32Array(3))).toThrow(AnatomyError);
		expect(() =>
			mergeLora(layout, lora, new Float32Array(3), new Float32Array(lora.count), new Float32Array(3))
		).toThrow(AnatomyError);
	});
});
