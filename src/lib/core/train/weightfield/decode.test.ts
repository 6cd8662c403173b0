import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { createRng } from '../../rng.js';
import { createKvCache, decodeToken, kvCacheBytes } from './decode.js';
import { initWeights, weightFieldLayout } from './layout.js';
import { batchLoss, createWorkspace } from './model.js';

const cfg = { vocab: 6, dModel: 8, heads: 2, context: 5, ff: 16 };
const layout = weightFieldLayout(cfg);

describe('KV-cache decoding', () => {
	it('gives the same logits, position by position, as the batch forward pass over the whole sequence', () => {
		const w = new Float64Array(layout.count);
		initWeights(layout, createRng(9), w);
		const u = layout.byName.unembedding;
		for (let i = 0; i < u.length; i++) w[u.offset + i] *= 30;
		const seq = [2, 5, 0, 0, 3];
		const ws = createWorkspace(cfg, 1, 5, { f64: true });
		batchLoss(cfg, layout, w, Int32Array.from([...seq, 1]), ws);
		const full = ws.buf.logits;
		const cache = createKvCache(cfg, { f64: true });
		seq.forEach((tok, t) => {
			const step = decodeToken(cfg, layout, w, cache, tok);
			expect(cache.length).toBe(t + 1);
			for (let j = 0; j < cfg.vocab; j++) expect(step.logits[j]).toBeCloseTo(full[t * cfg.vocab + j], 12);
			// Each head's attention row is a distribution over the t + 1 cached positions.
			for (let h = 0; h < 2; h++) {
				const row = step.attention.subarray(h * (t + 1), (h + 1) * (t + 1));
				expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
			}
			expect(step.attentionSpread).toBeGreaterThanOrEqual(0);
			expect(step.attentionSpread).toBeLessThanOrEqual(1 + 1e-12);
		});
	});

	it('counts 2 × d × tokens × 4 bytes', () => {
		// 2 × 8 × 5 × 4 = 320
		expect(kvCacheBytes(cfg, 5)).toBe(320);
	});

	it('refuses a full cache and tokens outside the vocabulary', () => {
		const w = new Float32Array(layout.count);
		initWeights(layout, createRng(1), w);
		const cache = createKvCache(cfg);
		expect(() => decodeToken(cfg, layout, w, cache, 6)).toThrow(AnatomyError);
		expect(() => decodeToken(cfg, layout, w, cache, NaN)).toThrow(AnatomyError);
		for (let i = 0; i < 5; i++) decodeToken(cfg, layout, w, cache, 1);
		expect(() => decodeToken(cfg, layout, w, cache, 1)).toThrow(/full/);
	});
});
