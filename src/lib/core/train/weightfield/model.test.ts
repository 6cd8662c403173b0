import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { createRng } from '../../rng.js';
import { initWeights, weightFieldLayout, type WeightFieldGroupName } from './layout.js';
import { batchLoss, batchLossAndGradients, createWorkspace } from './model.js';

// A tiny model so that every weight can be checked by central finite differences.
const cfg = { vocab: 5, dModel: 4, heads: 2, context: 4, ff: 8 };
const layout = weightFieldLayout(cfg);
const tokens = Int32Array.from([0, 3, 1, 4, 2, 2, 4, 0]); // 2 rows × (3 inputs + 1)

function weights64(seed: number) {
	const w = new Float64Array(layout.count);
	initWeights(layout, createRng(seed), w);
	// Larger unembedding and perturbed LayerNorm parameters than at initialisation, so that every
	// gradient is well away from zero and the relative check is meaningful.
	const rng = createRng(seed + 1);
	for (const g of layout.groups) {
		if (g.name === 'unembedding' || g.name.includes('ln') || g.name.includes('bias')) {
			for (let i = 0; i < g.length; i++) w[g.offset + i] += 0.5 * rng.normal();
		}
	}
	return w;
}

/** Central differences (f(w + h) − f(w − h)) / 2h in float64: the independent reference. */
function numericGrad(w: Float64Array) {
	const ws = createWorkspace(cfg, 2, 3, { f64: true });
	const out = new Float64Array(w.length);
	const h = 1e-5;
	for (let i = 0; i < w.length; i++) {
		const x = w[i];
		w[i] = x + h;
		const lp = batchLoss(cfg, layout, w, tokens, ws).loss;
		w[i] = x - h;
		const lm = batchLoss(cfg, layout, w, tokens, ws).loss;
		w[i] = x;
		out[i] = (lp - lm) / (2 * h);
	}
	return out;
}

function relError(a: ArrayLike<number>, b: ArrayLike<number>, from = 0, to = a.length) {
	let num = 0;
	let den = 0;
	for (let i = from; i < to; i++) {
		num += (a[i] - b[i]) ** 2;
		den += a[i] ** 2 + b[i] ** 2;
	}
	return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-30);
}

describe('weight-field model', () => {
	it('has the documented parameter count V·d + T·d + 4d² + 2·d·f + f + 7d + d·V', () => {
		// 5·4 + 4·4 + 4·16 + 2·4·8 + 8 + 7·4 + 4·5 = 20 + 16 + 64 + 64 + 8 + 28 + 20 = 220
		expect(layout.count).toBe(220);
	});

	it('starts near ln V: small unembedding weights give near-uniform predictions', () => {
		const w = new Float64Array(layout.count);
		initWeights(layout, createRng(1), w);
		const ws = createWorkspace(cfg, 2, 3, { f64: true });
		expect(batchLoss(cfg, layout, w, tokens, ws).loss).toBeCloseTo(Math.log(5), 1);
	});

	it('matches central finite differences for every weight group (float64)', () => {
		for (const seed of [3, 11]) {
			const w = weights64(seed);
			const num = numericGrad(w);
			const ws = createWorkspace(cfg, 2, 3, { f64: true });
			const g = new Float64Array(layout.count);
			batchLossAndGradients(cfg, layout, w, tokens, ws, g);
			for (const grp of layout.groups) {
				expect(relError(g, num, grp.offset, grp.offset + grp.length), grp.name).toBeLessThan(1e-6);
			}
			expect(relError(g, num)).toBeLessThan(1e-7);
		}
	});

	it('float32 gradients agree with the float64 finite differences to 1e-3', () => {
		const w = weights64(5);
		const num = numericGrad(w);
		const ws = createWorkspace(cfg, 2, 3);
		const g = new Float32Array(layout.count);
		batchLossAndGradients(cfg, layout, Float32Array.from(w), tokens, ws, g);
		expect(relError(g, num)).toBeLessThan(1e-3);
	});

	it('computes only the trainable groups, identically, and zero elsewhere', () => {
		const w = weights64(7);
		const ws = createWorkspace(cfg, 2, 3, { f64: true });
		const all = new Float64Array(layout.count);
		batchLossAndGradients(cfg, layout, w, tokens, ws, all);
		const subsets: WeightFieldGroupName[][] = [
			['attn.q', 'attn.k', 'attn.v', 'attn.o'],
			['unembedding'],
			['lnf.gain', 'mlp.down'],
			['ln2.bias'],
			['embedding']
		];
		for (const names of subsets) {
			const some = new Float64Array(layout.count).fill(9);
			batchLossAndGradients(cfg, layout, w, tokens, ws, some, new Set(names));
			for (const grp of layout.groups) {
				const slice = some.subarray(grp.offset, grp.offset + grp.length);
				if (names.includes(grp.name))
					expect([...slice]).toEqual([...all.subarray(grp.offset, grp.offset + grp.length)]);
				else expect(slice.every((x) => x === 0)).toBe(true);
			}
		}
	});

	it('attention spread is 1 for uniform attention (all-zero q and k) and in [0, 1] otherwise', () => {
		const w = weights64(2);
		const ws = createWorkspace(cfg, 2, 3, { f64: true });
		const r = batchLoss(cfg, layout, w, tokens, ws);
		expect(r.attentionSpread).toBeGreaterThanOrEqual(0);
		expect(r.attentionSpread).toBeLessThanOrEqual(1);
		w.fill(0, layout.byName['attn.q'].offset, layout.byName['attn.q'].offset + 16);
		expect(batchLoss(cfg, layout, w, tokens, ws).attentionSpread).toBeCloseTo(1, 12);
	});

	it('rejects tokens of the wrong length or outside the vocabulary, and short weights', () => {
		const w = weights64(1);
		const ws = createWorkspace(cfg, 2, 3, { f64: true });
		expect(() => batchLoss(cfg, layout, w, tokens.subarray(1), ws)).toThrow(AnatomyError);
		expect(() => batchLoss(cfg, layout, w, Int32Array.from([0, 1, 2, 5, 0, 1, 2, 3]), ws)).toThrow(/outside/);
		expect(() => batchLoss(cfg, layout, w.subarray(1), tokens, ws)).toThrow(/length/);
		expect(() => createWorkspace(cfg, 2, 5)).toThrow(AnatomyError);
		expect(() => createWorkspace(cfg, 0, 3)).toThrow(AnatomyError);
	});
});
